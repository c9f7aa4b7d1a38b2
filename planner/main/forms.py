from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from planner.domain.catalogue import SECTORS
from planner.formtools import choices
from planner.labels import PHASE_LABELS, QUALIFICATION_LABELS, SECTOR_LABELS


class ProfileForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    locale = SelectField(_l("Language"), choices=choices([("nl", "Nederlands"), ("en", "English")]))
    submit = SubmitField(_l("Save"))


class TeacherProfileForm(ProfileForm):
    sector = SelectField(_l("Sector"), choices=choices((s, SECTOR_LABELS[s]) for s in SECTORS))
    qualification = SelectField(_l("Qualification"), choices=choices(QUALIFICATION_LABELS.items()))
    years_experience = IntegerField(
        _l("Years of teaching experience"), validators=[NumberRange(min=0, max=60)], default=0
    )
    study_years_left = IntegerField(
        _l("Years of teacher training left"),
        validators=[Optional(), NumberRange(min=0, max=6)],
        default=0,
    )
    phase_override = SelectField(
        _l("Phase"),
        choices=choices([("", _l("Follows from qualification and experience"))] + list(PHASE_LABELS.items())),
        default="",
    )
    # The institute the teacher graduated from (or studies at): its alumni offers reach them.
    # Checked below rather than by the field, so that a form without it keeps the stored one.
    institute_id = SelectField(
        _l("Teacher-training institute"),
        coerce=int,
        default=0,
        validate_choice=False,
        description=_l("Where you graduated, or study now: some institutes offer their alumni coaching."),
    )

    # The institute's programme the teacher follows or followed: a student's path holds its
    # compulsory modules.
    programme_id = SelectField(_l("Programme"), coerce=int, default=0, validate_choice=False)
    graduation_year = IntegerField(
        _l("Year of graduation"),
        validators=[Optional(), NumberRange(min=1960, max=2100)],
        description=_l("Expected, for a student teacher."),
    )

    def __init__(self, *args, institutes, programmes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.institute_id.choices = choices(
            [(0, _l("None, or not in the list"))] + [(i.id, i.name) for i in institutes]
        )
        self._programme_institutes = {p.id: p.institute_id for p in programmes}
        self.programme_id.choices = choices(
            [(0, _l("None, or not in the list"))]
            + [(p.id, f"{p.institute.name}: {p.name}") for p in programmes]
        )

    def validate_institute_id(self, field):
        if field.data and field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(_l("Choose an institute from the list."))

    def validate_programme_id(self, field):
        if not field.data:
            return
        if field.data not in self._programme_institutes:
            raise ValidationError(_l("Choose a programme from the list."))
        if self._programme_institutes[field.data] != self.institute_id.data:
            raise ValidationError(_l("Choose a programme of the institute named above."))


class TokenForm(FlaskForm):
    label = StringField(_l("What is the token for?"), validators=[Length(max=100)])
    days = SelectField(
        _l("Valid for"),
        coerce=int,
        choices=choices([(30, _l("30 days")), (90, _l("90 days")), (365, _l("one year"))]),
        default=365,
    )
    submit = SubmitField(_l("Create API token"))
