"""A teacher's phase on the continuous learning line (DESIGN §4)."""

from planner.domain.catalogue import PHASES

INDUCTION_YEARS = 3
# A side entrant (zij-instromer, or a PDG docent in mbo) teaches while qualifying: in the
# initial phase, with the induction phase running alongside.
QUALIFICATIONS = ("student", "side-entrant", "qualified")
QUALIFYING = ("student", "side-entrant")


def phase_for(qualification: str | None, years_experience: int, override: str | None = None) -> str:
    """Student teachers are in the initial phase; the first three years of teaching are induction."""
    if override in PHASES:
        return override
    if qualification in QUALIFYING:
        return "initial"
    return "induction" if years_experience < INDUCTION_YEARS else "experienced"


def years_per_phase(
    phase: str,
    years_experience: int,
    study_years_left: int,
    experienced_years: int = 3,
    teaching: bool = False,
) -> dict[str, int]:
    """School years left in each phase, counting the current one; a side entrant
    (``teaching``) has already used some of their induction years."""
    years = {name: 0 for name in PHASES}
    if phase == "initial":
        years["initial"] = max(1, study_years_left)
        years["induction"] = max(1, INDUCTION_YEARS - years_experience) if teaching else INDUCTION_YEARS
    elif phase == "induction":
        years["induction"] = max(1, INDUCTION_YEARS - years_experience)
    years["experienced"] = experienced_years
    return years
