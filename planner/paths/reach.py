"""Which local offers reach a teacher: their school's board and region, their institute."""

from planner.models import User


def teacher_reach(teacher: User) -> frozenset[tuple[str, str]]:
    """The (kind, code) pairs of modules with a limited reach the teacher may take.

    A module for one school board or samenwerkingsverband region reaches the teachers of
    the schools that belong to it; one for an institute's alumni reaches the teachers who
    graduated there (for a teacher, User.institute is the institute of graduation).
    Codes a school or institute leaves empty reach nothing.
    """
    school, institute = teacher.school, teacher.institute
    pairs = {
        ("board", school.board_code if school else ""),
        ("region", school.region_code if school else ""),
        ("alumni", (institute.code or "") if institute else ""),
    }
    return frozenset((kind, code) for kind, code in pairs if code)
