"""Every page of every role, kept next to the URL map: the accessibility and width walk
visits each entry, and a GET route that is neither here nor among the non-pages fails
the walk. Placeholders in braces are sample ids looked up in the demo data by `samples`."""

import sqlalchemy as sa

from planner.auth import accounts
from planner.extensions import db
from planner.models.accounts import ApiToken, Institute, User
from planner.models.catalogue import Area, Module, Provider
from planner.models.institutes import Programme
from planner.models.paths import Assessment
from planner.models.team import StarterCoach, TeamSession
from planner.school import sessions

TEACHER = "ervaren@example.org"
NEW_TEACHER = "leraar@example.org"
LEADER = "schoolleider@example.org"
INSTITUTE = "opleider@example.org"
ADMIN = "admin@example.org"
# A demo teacher who coaches a starter (planner/demo_team.py).
COACH = "ingrid.postma@example.org"
ANONYMOUS = None

# endpoint: (who visits, path)
PAGES = {
    "auth.login": (ANONYMOUS, "/login"),
    "auth.join": (ANONYMOUS, "/join"),
    "auth.accept_invitation": (ANONYMOUS, "/invitation/{invitation}"),
    "main.index": (TEACHER, "/"),
    "main.profile": (TEACHER, "/profile"),
    "main.delete_token": (TEACHER, "/profile/tokens/{token}/delete"),
    "paths.assessment": (NEW_TEACHER, "/assessment"),
    "paths.assessment_page": (TEACHER, "/assessment/context"),
    "paths.results": (TEACHER, "/assessment/results"),
    "paths.earlier_assessment": (TEACHER, "/assessment/results/{assessment}"),
    "paths.path": (TEACHER, "/path"),
    "paths.replan": (TEACHER, "/path/replan"),
    "paths.path_version": (TEACHER, "/path/versions/1"),
    "paths.print_path": (TEACHER, "/path/print"),
    "auth.change_password": (TEACHER, "/account/password"),
    "auth.my_data": (TEACHER, "/account/data"),
    "auth.audit_log": (ADMIN, "/audit"),
    "catalogue.modules": (TEACHER, "/catalogue/"),
    "api_docs.page": (ANONYMOUS, "/api/docs"),
    "catalogue.areas": (TEACHER, "/catalogue/areas/"),
    "catalogue.area": (TEACHER, "/catalogue/areas/{area}"),
    "catalogue.module": (TEACHER, "/catalogue/modules/{module}"),
    "catalogue.new_module": (ADMIN, "/catalogue/modules/new"),
    "catalogue.edit_module": (ADMIN, "/catalogue/modules/{module}/edit"),
    "catalogue.retire_module": (ADMIN, "/catalogue/modules/{module}/retire"),
    "school.overview": (LEADER, "/school/"),
    "school.profile": (LEADER, "/school/profile"),
    "school.team": (LEADER, "/school/team"),
    "school.team_print": (LEADER, "/school/team/print"),
    "school.coverage": (LEADER, "/school/coverage"),
    "school.team_plan": (LEADER, "/school/team-plan"),
    "school.peer_pairs": (LEADER, "/school/peer-pairs"),
    "school.team_sessions": (LEADER, "/school/sessions"),
    "school.schedule_session": (LEADER, "/school/sessions/new/{session_module}"),
    "school.team_session": (LEADER, "/school/sessions/{session}"),
    "school.cancel_session": (LEADER, "/school/sessions/{session}/cancel"),
    "school.teacher": (LEADER, "/school/teachers/{teacher}"),
    "school.mentor_assessment": (LEADER, "/school/teachers/{teacher}/assessment"),
    "school.observations": (LEADER, "/school/teachers/{teacher}/observations"),
    "school.new_observation": (LEADER, "/school/teachers/{teacher}/observations/new"),
    "admin.school_teacher": (LEADER, "/admin/school/teachers/{teacher}"),
    "admin.school_teacher_remove": (LEADER, "/admin/school/teachers/{teacher}/remove"),
    "institute.index": (INSTITUTE, "/institute/"),
    "institute.alumni": (INSTITUTE, "/institute/alumni"),
    "institute.programme": (INSTITUTE, "/institute/programmes/{programme}"),
    "institute.new_programme": (INSTITUTE, "/institute/programmes/new"),
    "admin.framework": (ADMIN, "/admin/framework"),
    "admin.framework_area": (ADMIN, "/admin/framework/areas/{area}"),
    "admin.framework_targets": (ADMIN, "/admin/framework/targets/induction/po"),
    "admin.school_join_code": (LEADER, "/admin/school/join-code"),
    "school.appoint_coach": (LEADER, "/school/teachers/{starter}/coach"),
    "school.classes": (LEADER, "/school/classes"),
    "school.manage": (LEADER, "/school/manage"),
    "school.invitation": (LEADER, "/school/manage/teachers/{invited}/invitation"),
    "school.teacher_print": (LEADER, "/school/teachers/{teacher}/print"),
    "school.coaching": (COACH, "/school/coaching/"),
    "school.coached_starter": (COACH, "/school/coaching/{starter}"),
    "school.coach_assessment": (COACH, "/school/coaching/{starter}/assessment"),
    "admin.overview": (ADMIN, "/admin/"),
    "admin.users": (ADMIN, "/admin/users"),
    "admin.user": (ADMIN, "/admin/users/{teacher}"),
    "admin.delete_user": (ADMIN, "/admin/users/{teacher}/delete"),
    "admin.school": (ADMIN, "/admin/schools/{school}"),
    "admin.team": (ADMIN, "/admin/teams/{team}"),
    "admin.institute": (ADMIN, "/admin/institutes/{institute}"),
    "admin.provider": (ADMIN, "/admin/providers/{provider}"),
    "admin.delete": (ADMIN, "/admin/school/{school}/delete"),
}

# GET routes that answer with something other than a page.
NOT_PAGES = {
    "static": "files",
    "main.favicon": "icon",
    "catalogue.download": "CSV and JSON downloads",
    "institute.alumni_csv": "CSV download",
    "school.team_csv": "CSV download",
    "school.team_xlsx": "spreadsheet download",
    "auth.download_data": "JSON download",
    "institute.programme_json": "JSON download",
    "institute.programme_case_json": "CASE JSON download",
    "school.team_plan_csv": "CSV download",
    "school.team_plan_xlsx": "spreadsheet download",
}


def is_api(endpoint: str) -> bool:
    return endpoint.startswith("api.")


def samples(admin_email: str = ADMIN) -> dict[str, str]:
    """Sample ids from the demo; call inside an app context. The invitation is made here,
    since only its secret opens the page."""
    teacher = db.session.scalar(sa.select(User).where(User.email == TEACHER))
    admin = db.session.scalar(sa.select(User).where(User.email == admin_email))
    invitation = accounts.invite(
        email="uitgenodigd@example.org",
        name="Uitgenodigde Leraar",
        role="teacher",
        inviter=admin,
        school=teacher.school,
        team=teacher.team,
    )
    first = lambda model, order: db.session.scalar(sa.select(model).order_by(order).limit(1))  # noqa: E731
    invited = db.session.scalar(sa.select(User).where(User.email == "uitgenodigd@example.org"))
    accounts.create_api_token(teacher, label="Rooster")
    token = db.session.scalar(
        sa.select(ApiToken.id).where(ApiToken.user_id == teacher.id).order_by(ApiToken.id.desc())
    )
    return {
        "invitation": invitation,
        "invited": str(invited.id),
        "assessment": str(
            db.session.scalar(
                sa.select(Assessment.id)
                .where(Assessment.teacher_id == teacher.id, Assessment.kind == "self", Assessment.complete)
                .order_by(Assessment.id)
                .limit(1)
            )
        ),
        "token": str(token),
        "teacher": str(teacher.id),
        "school": str(teacher.school_id),
        "team": str(teacher.team_id),
        "area": first(Area, Area.code).code,
        "module": first(Module, Module.code).code,
        "programme": first(Programme, Programme.code).code,
        "institute": str(first(Institute, Institute.id).id),
        "provider": str(first(Provider, Provider.id).id),
        # The best-ranked format to schedule, and the session whose attendance is due.
        "session_module": sessions.ranking(teacher.school, None).options[0].module,
        "session": str(
            db.session.scalar(
                sa.select(TeamSession.id)
                .where(TeamSession.attendance_confirmed_at.is_(None))
                .order_by(TeamSession.held_on)
                .limit(1)
            )
        ),
        "starter": str(
            db.session.scalar(
                sa.select(StarterCoach.starter_id)
                .join(User, User.id == StarterCoach.coach_id)
                .where(User.email == COACH)
            )
        ),
    }
