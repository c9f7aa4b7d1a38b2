"""Demo self-assessments and paths, so the team pages show a school in motion.

The demo starting teacher (leraar@example.org) is left without one: the demo shows
how a teacher fills in a first self-assessment.
"""

import random
from datetime import timedelta

from planner.catalogue.service import area_codes
from planner.models import User
from planner.models.accounts import utcnow
from planner.paths import assessing, service

# Typical level by phase; experienced teachers vary more (research §4: expertise
# "arises spontaneously" rather than by plan).
BASE_LEVEL = {"initial": 1, "induction": 2, "experienced": 3}
WITHOUT_ASSESSMENT = {"leraar@example.org"}


def _levels(rng: random.Random, codes: list[str], phase: str, spread: int) -> dict[str, int]:
    base = BASE_LEVEL[phase]
    return {code: max(1, min(5, base + rng.randint(-1, spread))) for code in codes}


def create_demo_assessments(teachers: list[User], leader: User) -> int:
    catalogue = service.planning_catalogue()
    if catalogue is None:
        return 0
    codes = area_codes(catalogue.framework)
    count, topic_shown = 0, False
    for teacher in teachers:
        if teacher.email in WITHOUT_ASSESSMENT:
            continue
        rng = random.Random(teacher.email)
        phase = teacher.phase
        spread = 1 if phase == "experienced" else 0
        # An earlier assessment a year ago, then the current one a level further here and there.
        earlier = assessing.start_draft(teacher, None)
        earlier_levels = _levels(rng, codes, phase, spread)
        assessing.set_areas(earlier, earlier_levels, wishes=set(rng.sample(codes, 2)))
        assessing.set_class_context(earlier, 25, rng.randint(5, 10), rng.randint(2, 5))
        assessing.complete(earlier)
        earlier.completed_at = utcnow() - timedelta(days=365)
        latest = assessing.start_draft(teacher, earlier)
        grown = {c: min(5, level + (rng.random() < 0.3)) for c, level in earlier_levels.items()}
        assessing.set_areas(latest, grown)
        assessing.complete(latest)
        if phase == "induction":
            # Mentors see starters a little lower than they see themselves (§4.3), and for
            # the first starter so much lower in classroom management that it is a topic.
            seen = {
                c: max(1, level - (rng.random() < 0.4) - (rng.random() < 0.15))
                for c, level in latest.levels.items()
            }
            if not topic_shown and "KLAS" in codes:
                assessing.set_areas(latest, {"KLAS": 3})
                seen["KLAS"], topic_shown = 1, True
            assessing.record_mentor_assessment(teacher, leader, seen)
        path = service.replan(teacher, "assessment", catalogue=catalogue)
        service.accept_path(path)
        count += 1
    return count
