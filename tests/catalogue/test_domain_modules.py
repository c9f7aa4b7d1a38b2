"""The catalogue as the planner reads it: every field of a module, from both loaders."""

import sqlalchemy as sa

from planner.catalogue.service import domain_modules, to_domain
from planner.extensions import db
from planner.models import Module
from tests.conftest import small_document


def _document() -> dict:
    document = small_document()
    document["modules"][1].update(
        duration_periods=3, cost_eur=1250, reach={"kind": "region", "code": "PO-2801"}, team_format=True
    )
    document["modules"][2]["format"] = "coaching"
    return document


def test_domain_modules_carry_duration_cost_reach_and_team_format(make_catalogue):
    framework = make_catalogue(_document())
    modules = domain_modules(framework)
    pln1, pln2 = modules["PLN-1"], modules["PLN-2"]
    assert (pln1.duration_periods, pln1.cost_eur, pln1.reach, pln1.team_format) == (
        3,
        1250,
        ("region", "PO-2801"),
        True,
    )
    # Defaults of the format when the file says nothing: coaching runs a school year.
    assert (pln2.duration_periods, pln2.cost_eur, pln2.reach, pln2.team_format) == (
        2,
        500,
        ("sector", ""),
        False,
    )
    assert pln1.within({("region", "PO-2801")}) and not pln1.within({("region", "PO-2802")})


def test_to_domain_agrees_with_domain_modules(make_catalogue):
    framework = make_catalogue(_document())
    rows = db.session.scalars(sa.select(Module).where(Module.framework_id == framework.id)).all()
    assert {row.code: to_domain(row) for row in rows} == domain_modules(framework)
    for row in rows:
        module = to_domain(row)
        assert (module.duration_periods, module.cost_eur, module.reach, module.team_format) == (
            row.duration_periods,
            row.cost_eur,
            row.reach,
            row.team_format,
        )
