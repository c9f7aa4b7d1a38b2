"""A teacher's phase on the continuous learning line (DESIGN §4)."""

from planner.domain.catalogue import PHASES

INDUCTION_YEARS = 3
QUALIFICATIONS = ("student", "qualified")


def phase_for(qualification: str | None, years_experience: int, override: str | None = None) -> str:
    """Student teachers are in the initial phase; the first three years of teaching are induction."""
    if override in PHASES:
        return override
    if qualification == "student":
        return "initial"
    return "induction" if years_experience < INDUCTION_YEARS else "experienced"


def years_per_phase(
    phase: str, years_experience: int, study_years_left: int, experienced_years: int = 3
) -> dict[str, int]:
    """School years left in each phase, counting the current one."""
    years = {name: 0 for name in PHASES}
    if phase == "initial":
        years["initial"] = max(1, study_years_left)
        years["induction"] = INDUCTION_YEARS
    elif phase == "induction":
        years["induction"] = max(1, INDUCTION_YEARS - years_experience)
    years["experienced"] = experienced_years
    return years
