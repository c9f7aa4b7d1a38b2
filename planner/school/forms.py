from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField, SubmitField
from planner.formtools import choices
from wtforms.validators import DataRequired, Email, Length, ValidationError


class InviteForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(check_deliverability=False)])
    team = SelectField(_l("Team"), coerce=int, default=0)
    submit = SubmitField(_l("Invite"))

    def __init__(self, *args, teams, email_taken, **kwargs):
        super().__init__(*args, **kwargs)
        self.team.choices = choices([(0, _l("No team"))] + [(team.id, team.name) for team in teams])
        self._email_taken = email_taken

    def validate_email(self, field):
        if self._email_taken(field.data):
            raise ValidationError(_l("This email address already has an account."))
