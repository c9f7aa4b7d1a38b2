import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from planner import access, audit
from planner.auth import accounts
from planner.catalogue.service import current_framework, framework_areas
from planner.domain.catalogue import PHASES
from planner.domain.targets import merge_targets
from planner.extensions import db
from planner.models import Role, School, User
from planner.paths import service
from planner.paths.pages import assessment_overview, print_page
from planner.paths.views import catalogue_names, path_names
from planner.school import bp
from planner.school import profile as school_profile
from planner.school.coaching import coach_of, mentor_assessment_page
from planner.school.forms import InviteForm, school_profile_form
from planner.school.status import teacher_status


def led_teachers() -> list[User]:
    query = sa.select(User).where(User.school_id == current_user.school_id, User.role == Role.TEACHER)
    if current_user.team_id is not None:
        query = query.where(User.team_id == current_user.team_id)
    return db.session.scalars(query.order_by(User.name)).all()


@bp.route("/", methods=["GET", "POST"])
@access.role_required(Role.LEADER)
def overview():
    school = db.session.get(School, current_user.school_id)
    teams = [t for t in school.teams if current_user.team_id in (None, t.id)]
    form = InviteForm(teams=teams, email_taken=lambda email: accounts.user_by_email(email) is not None)
    invitation_link = None
    if form.validate_on_submit():
        team = next((t for t in teams if t.id == form.team.data), None)
        if current_user.team_id is not None:
            team = current_user.team
        token = accounts.invite(
            email=form.email.data,
            name=form.name.data,
            role=Role.TEACHER,
            inviter=current_user,
            school=school,
            team=team,
        )
        invitation_link = url_for("auth.accept_invitation", token=token, _external=True)
        flash(_("%(name)s has been invited. Pass on the link below.", name=form.name.data), "success")
        form = InviteForm(
            formdata=None,
            teams=teams,
            email_taken=lambda email: accounts.user_by_email(email) is not None,
        )
    return render_template(
        "school/overview.html",
        school=school,
        teams=teams,
        teachers=led_teachers(),
        form=form,
        invitation_link=invitation_link,
    )


@bp.get("/teachers/<int:teacher_id>")
@access.role_required(Role.LEADER)
def teacher(teacher_id: int):
    teacher = access.teacher_or_404(teacher_id)
    service.plan_if_out_of_date(teacher)
    path = service.current_path(teacher)
    status = teacher_status(teacher)
    noted = {n.module for n in (*status.done, *status.skipped)}
    return render_template(
        "school/teacher.html",
        teacher=teacher,
        path=path,
        status=status,
        coach=coach_of(teacher),
        names=path_names(path),
        noted_names=catalogue_names(current_framework(), noted) if noted else None,
        **assessment_overview(teacher),
    )


@bp.get("/teachers/<int:teacher_id>/print")
@access.role_required(Role.LEADER)
def teacher_print(teacher_id: int):
    """The teacher's development plan (POP) for the conversation, as the teacher prints it."""
    teacher = access.teacher_or_404(teacher_id)
    service.plan_if_out_of_date(teacher)
    return print_page(teacher, back_url=url_for("school.teacher", teacher_id=teacher.id))


@bp.route("/teachers/<int:teacher_id>/assessment", methods=["GET", "POST"])
@access.role_required(Role.LEADER)
def mentor_assessment(teacher_id: int):
    teacher = access.teacher_or_404(teacher_id)
    return mentor_assessment_page(
        teacher,
        service.latest_assessment(teacher, "mentor"),
        done_url=url_for("school.teacher", teacher_id=teacher.id),
    )


@bp.route("/profile", methods=["GET", "POST"])
@access.role_required(Role.LEADER)
def profile():
    school = db.session.get(School, current_user.school_id)
    areas = framework_areas(current_framework())
    # The school's profile is the school leader's to set; team leaders read it.
    may_edit = current_user.team_id is None
    data = school_profile.profile_data(school, areas) if request.method == "GET" else None
    programmes = school_profile.induction_programmes(school, current_framework())
    form = school_profile_form(areas, programmes, school.sector, data=data)
    if request.method == "POST" and not may_edit:
        abort(403)
    if form.validate_on_submit():
        choices = {
            area.code: {
                "priority": form[f"priority_{area.code}"].data,
                **{phase: int(form[f"{phase}_{area.code}"].data or 0) or None for phase in PHASES},
            }
            for area in areas
        }
        links = school_profile.SchoolLinks(
            board_code=form.board_code.data or "",
            board_name=form.board_name.data or "",
            region_code=form.region_code.data or "",
            induction_programme=form.induction_programme.data or None,
            go_type=(form.go_type.data or None) if "go_type" in form else None,
        )
        replanned = school_profile.save_profile(school, form.budget_hours_per_year.data, choices, links)
        audit.record("school.profile", school.name, school_id=school.id)
        db.session.commit()
        flash(_("The school profile is saved."), "success")
        below = school_profile.targets_below(choices, framework_targets(school))
        if below:
            names = {area.code: area.name for area in areas}
            flash(
                _(
                    "A school raises targets, it cannot lower them: %(areas)s keep the framework's "
                    "target where you chose a lower one.",
                    areas=", ".join(sorted({names.get(code, code) for code in below})),
                ),
                "warning",
            )
        if replanned:
            flash(
                ngettext(
                    "The learning path of %(num)d teacher will be planned again when it is next opened.",
                    "The learning paths of %(num)d teachers will be planned again when they are next opened.",
                    replanned,
                ),
                "success",
            )
        return redirect(url_for("school.profile"))
    return render_template(
        "school/profile.html",
        school=school,
        form=form,
        may_edit=may_edit,
        rows=[
            (area, form[f"priority_{area.code}"], [form[f"{p}_{area.code}"] for p in PHASES])
            for area in areas
        ],
        defaults=framework_targets(school),
        # A programme since retired or changed: the leader should choose again.
        lost_programme=(
            school.induction_programme
            if school.induction_programme not in {None, *(m.code for m in programmes)}
            else None
        ),
    )


def framework_targets(school: School) -> dict:
    framework = current_framework()
    if framework is None:
        return {}
    return merge_targets(service.target_entries(framework), school.sector, school.go_type)
