import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from planner import access
from planner.auth import accounts
from planner.config import LANGUAGES
from planner.extensions import db
from planner.main import bp
from planner.main.forms import ProfileForm, TeacherProfileForm, TokenForm
from planner.models import ApiToken, Institute, Programme, Role
from planner.paths import service as paths_service


@bp.route("/")
def index():
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    if current_user.role == Role.TEACHER:
        from planner.paths.start import teacher_start

        paths_service.plan_if_out_of_date(current_user)
        return teacher_start(current_user)
    return render_template("main/index.html")


@bp.post("/language")
def set_language():
    locale = request.form.get("locale")
    if locale not in LANGUAGES:
        abort(400)
    session["locale"] = locale
    if current_user.is_authenticated:
        current_user.locale = locale
        db.session.commit()
    return redirect(accounts_safe_next())


def accounts_safe_next() -> str:
    from planner.auth.routes import safe_next

    return safe_next(request.form.get("next"))


def teacher_profile_form(**kwargs) -> TeacherProfileForm:
    institutes = db.session.scalars(sa.select(Institute).order_by(Institute.name)).all()
    programmes = db.session.scalars(
        sa.select(Programme).join(Institute).order_by(Institute.name, Programme.name)
    ).all()
    return TeacherProfileForm(institutes=institutes, programmes=programmes, **kwargs)


@bp.route("/profile", methods=["GET", "POST"])
@login_required
def profile():
    is_teacher = current_user.role == Role.TEACHER
    if request.method == "GET":
        return render_profile(stored_profile_form())
    form = teacher_profile_form(obj=current_user) if is_teacher else ProfileForm(obj=current_user)
    if form.validate_on_submit():
        planned_for = path_profile(current_user)
        form.populate_obj(current_user)
        if is_teacher:
            current_user.phase_override = form.phase_override.data or None
            current_user.study_years_left = form.study_years_left.data or 0
            current_user.institute_id = form.institute_id.data or None
            current_user.programme_id = form.programme_id.data or None
        session["locale"] = current_user.locale
        replanned = planned_for != path_profile(current_user) and replan_after_profile(current_user)
        db.session.commit()
        flash(_("Your profile has been saved."), "success")
        if replanned:
            flash(
                _(
                    "Your path has been planned again for your new profile; the previous "
                    "version stays available."
                ),
                "success",
            )
        return redirect(url_for("main.profile"))
    return render_profile(form)


def stored_profile_form() -> ProfileForm:
    """The profile form as the user's stored profile fills it."""
    if current_user.role != Role.TEACHER:
        form = ProfileForm(obj=current_user, formdata=None)
    else:
        form = teacher_profile_form(obj=current_user, formdata=None)
        form.phase_override.data = current_user.phase_override or ""
        form.sector.data = current_user.teaching_sector or "po"
        form.qualification.data = current_user.qualification or "qualified"
        form.institute_id.data = current_user.institute_id or 0
        form.programme_id.data = current_user.programme_id or 0
    form.locale.data = current_user.locale or "nl"
    return form


def path_profile(user) -> tuple:
    """What of a profile the learning path depends on."""
    if user.role != Role.TEACHER:
        return ()
    return (
        user.phase,
        user.teaching_sector,
        user.years_experience,
        user.study_years_left,
        # The institute decides which alumni offers reach the teacher.
        user.institute_id,
        user.programme_id,
    )


def replan_after_profile(teacher) -> bool:
    if paths_service.current_path(teacher) is None:
        return False
    try:
        paths_service.replan(teacher, "profile")
    except paths_service.CannotPlan:
        return False
    return True


def render_profile(form, token_form: TokenForm | None = None):
    tokens = db.session.scalars(
        sa.select(ApiToken).where(ApiToken.user_id == current_user.id).order_by(ApiToken.created_at)
    ).all()
    phase = current_user.phase if current_user.role == Role.TEACHER else None
    from planner.institute.service import active_consent, consent_history

    return render_template(
        "main/profile.html",
        consent=active_consent(current_user) if phase else None,
        consent_history=consent_history(current_user) if phase else [],
        form=form,
        tokens=tokens,
        token_form=token_form or TokenForm(formdata=None),
        phase=phase,
        # Shown on the one page view after its creation: just the hash is stored.
        new_token=session.pop(NEW_TOKEN_KEY, None),
    )


NEW_TOKEN_KEY = "new_api_token"


@bp.post("/profile/tokens")
@access.role_required(Role.TEACHER, Role.LEADER, Role.INSTITUTE)
def create_token():
    form = TokenForm()
    if not form.validate_on_submit():
        return render_profile(stored_profile_form(), token_form=form), 400
    token = accounts.create_api_token(current_user, form.label.data or "", days=form.days.data)
    # Post/redirect/get: reloading the page that shows the token makes no second one.
    session[NEW_TOKEN_KEY] = token
    return redirect(url_for("main.profile", _anchor="api-tokens"))


@bp.route("/profile/tokens/<int:token_id>/delete", methods=["GET", "POST"])
@login_required
def delete_token(token_id: int):
    """A tool that uses the token stops working: the page asks first, its button revokes."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != current_user.id:
        abort(404)
    if request.method == "GET":
        return render_template(
            "main/confirm.html",
            question=_("Revoke the token “%(label)s”?", label=token.label or _("(no label)")),
            consequences=[
                _("A tool that uses this token can no longer read or change anything. This cannot be undone.")
            ],
            button=_("Revoke"),
            danger=True,
            cancel_url=url_for("main.profile", _anchor="api-tokens"),
        )
    db.session.delete(token)
    db.session.commit()
    flash(_("The token has been revoked."), "success")
    return redirect(url_for("main.profile", _anchor="api-tokens"))


@bp.get("/favicon.ico")
def favicon():
    """Browsers ask for this path whatever the page says; the icon is an SVG."""
    return redirect(url_for("static", filename="favicon.svg"), 301)
