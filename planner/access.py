"""The one place that decides who may see and change what (DESIGN §2).

Views ask here before loading someone else's data. A refusal for data that
belongs to another person answers 404, so a URL never confirms that it exists.
"""

from functools import wraps

from flask import abort
from flask_login import current_user, login_required

from planner.extensions import db
from planner.models import Module, Role, User


def may_see_teacher(viewer: User, teacher: User) -> bool:
    """Teachers' data only: a leader's or an admin's id is no teacher, not even to themselves."""
    if teacher.role != Role.TEACHER:
        return False
    if viewer.id == teacher.id:
        return True
    if viewer.role == Role.LEADER and viewer.school_id and viewer.school_id == teacher.school_id:
        # A team leader sees their own team; a leader without a team leads the whole school.
        return viewer.team_id is None or viewer.team_id == teacher.team_id
    return False


def teacher_or_404(teacher_id: int) -> User:
    teacher = db.session.get(User, teacher_id)
    if teacher is None or not may_see_teacher(current_user, teacher):
        abort(404)
    return teacher


def may_edit_module(viewer: User, module: Module) -> bool:
    if viewer.role == Role.ADMIN:
        return True
    return (
        viewer.role == Role.INSTITUTE
        and viewer.institute_id is not None
        and module.provider is not None
        and module.provider.institute_id == viewer.institute_id
    )


def may_edit_catalogue(viewer: User) -> bool:
    return viewer.is_authenticated and viewer.role in (Role.ADMIN, Role.INSTITUTE)


def role_required(*roles: str):
    """Pages of another role are refused with 403: their existence is no secret."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def may_observe_teacher(viewer: User, teacher: User) -> bool:
    """Any leader of the teacher's school may record a lesson observation: coaches and
    school-based teacher educators observe across teams."""
    return (
        teacher.role == Role.TEACHER
        and viewer.role == Role.LEADER
        and viewer.school_id is not None
        and viewer.school_id == teacher.school_id
    )
