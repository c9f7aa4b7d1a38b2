"""A person's own data: download it, delete the account, read who changed what about them."""

import json

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from planner import audit
from planner.auth import accounts, bp, erasure
from planner.auth.export import personal_data
from planner.auth.forms import DeleteAccountForm
from planner.extensions import db

AUDIT_PAGE = 200


@bp.get("/account/data")
@login_required
def my_data():
    return render_template("auth/my_data.html", form=DeleteAccountForm())


@bp.get("/account/data.json")
@login_required
def download_data():
    body = json.dumps(personal_data(current_user), ensure_ascii=False, indent=2)
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": 'attachment; filename="my-data.json"', "Cache-Control": "no-store"},
    )


@bp.post("/account/delete")
@login_required
def delete_account():
    form = DeleteAccountForm()
    if form.validate_on_submit():
        if accounts.check_password(current_user, form.password.data):
            erasure.erase(current_user._get_current_object())
            logout_user()
            flash(_("Your account and your data have been deleted."), "success")
            return redirect(url_for("auth.login"))
        form.password.errors.append(_("The password is incorrect."))
    return render_template("auth/my_data.html", form=form), 400


@bp.get("/audit")
@login_required
def audit_log():
    entries = db.session.scalars(audit.visible_to(current_user).limit(AUDIT_PAGE)).all()
    return render_template("auth/audit.html", entries=entries, page=AUDIT_PAGE, labels=audit.ACTION_LABELS)
