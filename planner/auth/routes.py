from urllib.parse import urlsplit

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from planner.auth import accounts, bp, browsers, throttle
from planner.auth.forms import ChangePasswordForm, JoinForm, LoginForm, SetPasswordForm
from planner.extensions import db
from planner.formtools import choices


def safe_next(target: str | None) -> str:
    """Only local paths: an absolute URL in ``next`` would make us an open redirect."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//"):
            return target
    return url_for("main.index")


def _login_keys(email: str) -> tuple[str, str]:
    """The address's key and the account's: a browser the person used before has its own."""
    account = "known" if browsers.knows(request, email) else "account"
    return f"address:{request.remote_addr or 'unknown'}", f"{account}:{email}"


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = LoginForm()
    if form.validate_on_submit():
        email = accounts.normalise_email(form.email.data)
        address_key, account_key = _login_keys(email)
        wait = throttle.claim({address_key: throttle.ADDRESS, account_key: throttle.ACCOUNT})
        if wait:
            minutes = throttle.minutes(wait)
            flash(_("Too many failed attempts. Try again in %(minutes)d minutes.", minutes=minutes), "error")
            return render_template("auth/login.html", form=form), 429
        user = accounts.user_by_email(email)
        if not accounts.check_password(user, form.password.data):
            flash(_("Email address or password is incorrect."), "error")
            return render_template("auth/login.html", form=form), 200
        throttle.succeeded(reset=[account_key], take_back=[address_key])
        if not user.active:
            flash(_("This account has been deactivated. Ask your school or the administrator."), "error")
            return render_template("auth/login.html", form=form), 403
        login_user(user)
        response = redirect(safe_next(request.args.get("next")))
        browsers.remember(request, response, email)
        return response
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
def logout():
    if current_user.is_authenticated:
        # Every session of the person ends, also one on another device or a copied cookie.
        accounts.end_sessions(current_user)
        db.session.commit()
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if not accounts.check_password(current_user, form.current.data):
            form.current.errors.append(_("The current password is incorrect."))
        elif form.password.data == form.current.data:
            form.password.errors.append(_("Choose a password other than the current one."))
        else:
            accounts.set_password(current_user, form.password.data)
            accounts.end_sessions(current_user)
            if form.revoke_tokens.data:
                accounts.revoke_tokens(current_user)
            db.session.commit()
            # Every other session has ended; this one goes on under the new version.
            login_user(current_user._get_current_object())
            flash(_("Your password has been changed."), "success")
            return redirect(url_for("main.profile"))
    return render_template("auth/change_password.html", form=form)


@bp.route("/join", methods=["GET", "POST"])
def join():
    form = JoinForm(lookup_school=accounts.school_by_join_code)
    code_school = accounts.school_by_join_code(form.join_code.data or "")
    if code_school and code_school.join_code_expired:
        code_school = None
    form.team.choices = choices(
        [(0, _("No team yet"))]
        + [(team.id, team.name) for team in (code_school.teams if code_school else [])]
    )
    if form.is_submitted():
        # Join codes are guessed here: every attempt counts until its code proves right.
        join_key = f"join:{request.remote_addr or 'unknown'}"
        wait = throttle.claim({join_key: throttle.JOIN})
        if wait:
            minutes = throttle.minutes(wait)
            flash(_("Too many failed attempts. Try again in %(minutes)d minutes.", minutes=minutes), "error")
            return render_template("auth/join.html", form=form, school=None), 429
        valid = form.validate()
        if form.school is not None:
            throttle.succeeded(reset=[], take_back=[join_key])
        if valid:
            team = next((t for t in form.school.teams if t.id == form.team.data), None)
            accounts.join_school(
                email=form.email.data,
                name=form.name.data,
                password=form.password.data,
                school=form.school,
                team=team,
            )
            # The same answer whether the address had an account or not: the form must not
            # tell who uses the product.
            flash(
                _(
                    "If this email address had no account yet, it now has one at %(school)s: log in"
                    " with it and the password you chose. If it had one already, log in with that"
                    " account's own password.",
                    school=form.school.name,
                ),
                "success",
            )
            return redirect(url_for("auth.login"))
    return render_template("auth/join.html", form=form, school=code_school)


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):
    invitation = accounts.invitation_for(token)
    if invitation is None:
        abort(404)
    form = SetPasswordForm()
    if form.validate_on_submit():
        user = accounts.accept_invitation(invitation, form.password.data)
        login_user(user)
        flash(_("Your account is ready."), "success")
        return redirect(url_for("main.index"))
    return render_template("auth/invitation.html", form=form, invitation=invitation)
