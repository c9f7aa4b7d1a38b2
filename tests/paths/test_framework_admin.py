"""The admin edits the competence framework in the browser: each change is checked as an
import, makes a new framework version, and teachers with a path get a re-plan on it."""

import pytest
import sqlalchemy as sa

from planner.admin import framework_service
from planner.catalogue.interchange import ImportRefused
from planner.catalogue.service import current_framework
from planner.extensions import db
from planner.models import AuditEntry, Role, Target
from planner.paths import service
from tests.paths.conftest import assess


@pytest.fixture
def admin(make_user, auth):
    user = make_user(role=Role.ADMIN, email="beheer@example.org")
    auth.login(user.email)
    return user


@pytest.fixture
def agreed(teacher):
    """The teacher has agreed to a path on the current framework version."""
    assess(teacher, {"STELSEL": 1, "PLAN": 1, "GEDRAG": 1})
    service.accept_path(service.current_path(teacher))
    db.session.commit()
    return teacher


def area_data(**changes) -> dict:
    framework = current_framework()
    area = next(a for a in framework.areas if a.code == "PLAN")
    data = {"name_nl": area.name_nl, "name_en": area.name_en}
    for d in area.descriptors:
        data[f"level_{d.level}_nl"], data[f"level_{d.level}_en"] = d.text_nl, d.text_en
    data.update(changes)
    return data


@pytest.mark.parametrize("version, expected", [("2026.2", "2026.3"), ("1", "2"), ("v2b", "v2b.1"), ("", "1")])
def test_next_version(version, expected):
    assert framework_service.next_version(version) == expected


def test_renaming_an_area_and_a_descriptor_makes_a_new_version(client, admin, agreed):
    before = current_framework().version
    response = client.post(
        "/admin/framework/areas/PLAN", data=area_data(name_nl="Handelingsgericht werken", level_3_nl="Nieuw.")
    )
    assert response.status_code == 302
    framework = current_framework()
    plan = next(a for a in framework.areas if a.code == "PLAN")
    assert plan.name_nl == "Handelingsgericht werken"
    assert next(d for d in plan.descriptors if d.level == 3).text_nl == "Nieuw."
    assert framework.version == framework_service.next_version(before)
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "framework.area"))
    assert entry.detail == {"from": before, "to": framework.version} and entry.actor_id == admin.id


def test_a_raised_target_offers_the_agreed_teacher_a_proposal(client, admin, agreed):
    agreement = service.current_path(agreed)
    data = {"area_STELSEL": "2", "area_PLAN": "4", "area_GEDRAG": "2"}
    response = client.post("/admin/framework/targets/induction/*", data=data)
    assert response.status_code == 302
    levels = dict(
        db.session.execute(
            sa.select(Target.area_id, Target.level).where(Target.phase == "induction", Target.sector == "*")
        ).all()
    )
    assert sorted(levels.values()) == [2, 2, 4]
    versions = service.path_versions(agreed)
    agreement_now, proposal = service.agreement_and_proposal(versions)
    assert agreement_now.id == agreement.id
    assert proposal is not None and proposal.cause == "catalogue" and proposal.targets != agreement.targets


def test_a_blank_descriptor_is_refused_at_the_field_and_nothing_changes(client, admin, agreed):
    before = current_framework().version
    response = client.post("/admin/framework/areas/PLAN", data=area_data(name_nl="Nieuw", level_2_nl=" "))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'class="error"' in page and 'value="Nieuw"' in page
    db.session.expire_all()
    assert current_framework().version == before
    assert len(service.path_versions(agreed)) == 1


def test_the_import_rules_hold_for_an_edit(agreed):
    framework = current_framework()
    before = framework.version
    with pytest.raises(ImportRefused) as refused:
        framework_service.edit_targets(framework, "induction", "*", {"NOPE": 2})
    assert "unknown-area" in str(refused.value)
    db.session.rollback()
    assert current_framework().version == before


def test_a_new_profile_for_a_sector(client, admin, agreed):
    response = client.post("/admin/framework", data={"phase": "experienced", "sector": "vo"})
    assert response.headers["Location"].endswith("/admin/framework/targets/experienced/vo")
    client.post("/admin/framework/targets/experienced/vo", data={"area_GEDRAG": "3"})
    rows = db.session.scalars(
        sa.select(Target).where(Target.phase == "experienced", Target.sector == "vo")
    ).all()
    assert [(row.area.code, row.level) for row in rows] == [("GEDRAG", 3)]


@pytest.mark.parametrize("role", [Role.TEACHER, Role.LEADER, Role.INSTITUTE])
def test_only_the_admin_edits_the_framework(client, auth, make_user, school, teacher, role):
    user = make_user(
        role=role, email=f"{role}-user@example.org", school=school if role != Role.INSTITUTE else None
    )
    auth.login(user.email)
    for url in ("/admin/framework", "/admin/framework/areas/PLAN", "/admin/framework/targets/induction/*"):
        assert client.get(url).status_code == 403
        assert client.post(url, data={}).status_code == 403


def test_unknown_areas_and_profiles_are_not_found(client, admin, teacher):
    assert client.get("/admin/framework/areas/NOPE").status_code == 404
    assert client.get("/admin/framework/targets/someday/*").status_code == 404
    assert client.get("/admin/framework/targets/induction/xx").status_code == 404
    assert client.get("/admin/framework").status_code == 200
