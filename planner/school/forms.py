from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, ValidationError

from planner.domain.catalogue import LEVELS, PHASES
from planner.formtools import choices
from planner.labels import PHASE_LABELS


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


TARGET_CHOICES = [("", "—")] + [(str(level), str(level)) for level in LEVELS]


def school_profile_form(areas, **kwargs) -> FlaskForm:
    """The school's hours budget and, per area, its priority and any higher targets."""

    class SchoolProfileForm(FlaskForm):
        budget_hours_per_year = IntegerField(
            _l("Professionalisation hours per teacher per school year"),
            validators=[
                InputRequired(_l("Give the number of hours.")),
                NumberRange(min=0, max=400, message=_l("Between 0 and 400.")),
            ],
        )
        submit = SubmitField(_l("Save the school profile"))

    for area in areas:
        setattr(SchoolProfileForm, f"priority_{area.code}", BooleanField(_l("Priority")))
        for phase in PHASES:
            setattr(
                SchoolProfileForm,
                f"{phase}_{area.code}",
                SelectField(
                    PHASE_LABELS[phase],
                    choices=choices(TARGET_CHOICES),
                    default="",
                ),
            )
    return SchoolProfileForm(**kwargs)
