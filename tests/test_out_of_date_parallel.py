"""Simultaneous reads of paths a school change left out of date, against gunicorn with
several workers on SQLite and PostgreSQL: no server error, and each path planned once."""

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import sqlalchemy as sa

from planner.models import School, User
from planner.models.paths import LearningPath
from tests.test_concurrency import call, server  # noqa: F401 (the server fixture)


def test_parallel_reads_plan_each_path_once(server):  # noqa: F811
    base, url, tokens = server
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        # What the profile form's save does: a new budget, every path out of date.
        connection.execute(sa.update(School).values(budget_hours_per_year=12))
        connection.execute(sa.update(User).values(path_out_of_date_since=date.today()))
    with ThreadPoolExecutor(max_workers=16) as pool:
        reads = [
            pool.submit(call, base, token, "GET", "/api/v1/me/path")
            for token in tokens.values()
            for _ in range(6)
        ]
        answers = [future.result() for future in reads]
    assert [status for status, _ in answers] == [200] * len(answers)
    assert {path["version"] for _, path in answers} == {2}
    with engine.connect() as connection:
        versions = connection.execute(
            sa.select(LearningPath.teacher_id, sa.func.count()).group_by(LearningPath.teacher_id)
        ).all()
        assert sorted(count for _, count in versions) == [2] * len(tokens)
        assert (
            connection.scalar(sa.select(sa.func.count()).where(User.path_out_of_date_since.is_not(None))) == 0
        )
    engine.dispose()
