import gzip
from functools import cache
from pathlib import Path

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

MIN_PASSWORD = 10


class LoginForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(check_deliverability=False)])
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    submit = SubmitField(_l("Log in"))


COMMON_PASSWORDS = Path(__file__).resolve().parent.parent / "data" / "common-passwords.txt.gz"


@cache
def common_passwords() -> frozenset[str]:
    """About 20,000 passwords that guessing tries first (the list Django ships, BSD licence)."""
    with gzip.open(COMMON_PASSWORDS, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip().lower() for line in lines if line.strip())


def not_common(form, field):
    if field.data and field.data.strip().lower() in common_passwords():
        raise ValidationError(_l("This password is among the most used ones; choose another."))


class NewPasswordMixin:
    password = PasswordField(
        _l("New password"), validators=[DataRequired(), Length(min=MIN_PASSWORD, max=200), not_common]
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
    )


class ChangePasswordForm(NewPasswordMixin, FlaskForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired()])
    revoke_tokens = BooleanField(_l("Also revoke my API tokens"))
    submit = SubmitField(_l("Change password"))


class SetPasswordForm(NewPasswordMixin, FlaskForm):
    submit = SubmitField(_l("Set password"))


class JoinForm(NewPasswordMixin, FlaskForm):
    """Sign-up of a teacher with the join code a school leader handed out."""

    join_code = StringField(_l("Join code of your school"), validators=[DataRequired(), Length(max=16)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(check_deliverability=False)])
    team = SelectField(_l("Team"), coerce=int, validate_choice=False, default=0)
    submit = SubmitField(_l("Join"))

    def __init__(self, *args, lookup_school, **kwargs):
        super().__init__(*args, **kwargs)
        self._lookup_school = lookup_school
        self.school = None

    def validate_join_code(self, field):
        school = self._lookup_school(field.data)
        if school is None:
            raise ValidationError(_l("No school has this join code."))
        if school.join_code_expired:
            raise ValidationError(_l("This join code has expired; ask your school leader for the new one."))
        self.school = school

    def validate_team(self, field):
        if field.data and self.school and field.data not in {t.id for t in self.school.teams}:
            raise ValidationError(_l("Choose a team of this school."))


class DeleteAccountForm(FlaskForm):
    password = PasswordField(_l("Your password, to confirm"), validators=[DataRequired()])
    submit = SubmitField(_l("Delete my account and my data"))
