"""Where a teacher stands: the assessments of every source, the done modules, and the
level the path plans from in each area (one notion for the planner and every screen)."""

from dataclasses import dataclass

import sqlalchemy as sa
import sqlalchemy.orm as so

from planner.catalogue.service import current_framework
from planner.domain.assessment import Standing, standing
from planner.extensions import db
from planner.models import Area, Framework, Module, Outcome, User
from planner.models.paths import Assessment, ModuleProgress


@dataclass(frozen=True)
class TeacherAssessments:
    """A teacher's complete assessments, each list newest first."""

    own: list[Assessment]
    mentor_assessments: list[Assessment]
    # Newest lesson first: an observation written up late does not hide a later lesson.
    observations: list[Assessment]

    @property
    def latest(self) -> Assessment | None:
        return self.own[0] if self.own else None

    @property
    def previous(self) -> Assessment | None:
        return self.own[1] if len(self.own) > 1 else None

    @property
    def mentor(self) -> Assessment | None:
        return self.mentor_assessments[0] if self.mentor_assessments else None

    @property
    def observed(self) -> dict[str, Assessment]:
        """Per area, the newest observation that informs it."""
        newest: dict[str, Assessment] = {}
        for observation in self.observations:
            for area in observation.levels:
                newest.setdefault(area, observation)
        return newest

    @property
    def observed_levels(self) -> dict[str, int]:
        return {area: observation.levels[area] for area, observation in self.observed.items()}


def teacher_assessments(teacher: User) -> TeacherAssessments:
    """Every complete assessment of the teacher in two statements, whatever the history."""
    rows = db.session.scalars(
        sa.select(Assessment)
        .where(Assessment.teacher_id == teacher.id, Assessment.complete)
        .order_by(Assessment.completed_at.desc(), Assessment.id.desc())
        .options(so.selectinload(Assessment.areas), so.joinedload(Assessment.assessor))
    ).all()
    observations = sorted(
        (a for a in rows if a.kind == "observation"),
        key=lambda a: (a.observed_on, a.completed_at, a.id),
        reverse=True,
    )
    return TeacherAssessments(
        own=[a for a in rows if a.kind == "self"],
        mentor_assessments=[a for a in rows if a.kind == "mentor"],
        observations=observations,
    )


def done_outcomes(teacher: User, framework: Framework | None) -> dict[str, dict[str, int]]:
    """The outcomes of the modules the teacher has done, by module code (retired ones too:
    what the teacher learned stays learned)."""
    if framework is None:
        return {}
    done = sa.select(ModuleProgress.module_code).where(
        ModuleProgress.teacher_id == teacher.id, ModuleProgress.status == "done"
    )
    rows = db.session.execute(
        sa.select(Module.code, Area.code, Outcome.level)
        .join(Outcome, Outcome.module_id == Module.id)
        .join(Area, Area.id == Outcome.area_id)
        .where(Module.framework_id == framework.id, Module.code.in_(done))
    ).all()
    outcomes: dict[str, dict[str, int]] = {}
    for module, area, level in rows:
        outcomes.setdefault(module, {})[area] = level
    return outcomes


def teacher_levels(
    teacher: User, framework: Framework | None = None
) -> tuple[dict[str, int], dict[str, Standing], TeacherAssessments]:
    """The levels to plan from (the lowest of self, mentor and observation, raised by done
    modules), what set each, and the assessments they come from."""
    framework = framework or current_framework()
    found = teacher_assessments(teacher)
    sources = standing(
        found.latest.levels if found.latest else {},
        found.mentor.levels if found.mentor else None,
        found.observed_levels,
        done_outcomes(teacher, framework),
    )
    return {area: s.level for area, s in sources.items()}, sources, found
