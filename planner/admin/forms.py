from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, ValidationError

from planner.domain.catalogue import GO_TYPES, LEVELS, PHASES, SECTORS
from planner.formtools import choices
from planner.labels import PHASE_LABELS, SECTOR_LABELS
from planner.models import Role
from planner.school.forms import SchoolLinksMixin, reach_code_field

ROLE_LABELS = {
    Role.TEACHER: _l("Teacher"),
    Role.LEADER: _l("School leader or mentor"),
    Role.INSTITUTE: _l("Institute staff"),
    Role.ADMIN: _l("Administrator"),
}


class SchoolForm(SchoolLinksMixin, FlaskForm):
    name = StringField(_l("School name"), validators=[DataRequired(), Length(max=200)])
    sector = SelectField(_l("Sector"), choices=choices((s, SECTOR_LABELS[s]) for s in SECTORS))
    budget_hours_per_year = IntegerField(
        _l("Professionalisation hours per teacher per school year"),
        # Between 1 and 400 for an empty field too: one message, and 0 is no "required" error.
        validators=[NumberRange(min=1, max=400, message=_l("Between 1 and 400."))],
        default=40,
    )
    submit = SubmitField(_l("Add school"))


class TeamForm(FlaskForm):
    school = SelectField(_l("School"), coerce=int)
    name = StringField(_l("Team name"), validators=[DataRequired(), Length(max=200)])
    submit = SubmitField(_l("Add team"))

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.school.choices = choices((s.id, s.name) for s in schools)


class InstituteForm(FlaskForm):
    name = StringField(_l("Institute name"), validators=[DataRequired(), Length(max=200)])
    code = reach_code_field(
        _l("Institute code"), _l("Modules for the institute's alumni name this code, e.g. PABO-NW.")
    )
    submit = SubmitField(_l("Add institute"))

    def __init__(self, *args, code_taken, **kwargs):
        super().__init__(*args, **kwargs)
        self._code_taken = code_taken

    def validate_code(self, field):
        if field.data and self._code_taken(field.data):
            raise ValidationError(_l("Another institute has this code."))


class AccountForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(check_deliverability=False)])
    role = SelectField(_l("Role"), choices=choices(ROLE_LABELS.items()))
    team = SelectField(_l("School and team"), default="")
    institute = SelectField(_l("Institute"), coerce=int, default=0)
    submit = SubmitField(_l("Invite"))

    def __init__(self, *args, schools, institutes, email_taken, **kwargs):
        super().__init__(*args, **kwargs)
        teams = [("", "—")]
        for school in schools:
            teams.append((f"{school.id}:", school.name))
            teams += [(f"{school.id}:{t.id}", f"{school.name} · {t.name}") for t in school.teams]
        self.team.choices = choices(teams)
        self.institute.choices = choices([(0, "—")] + [(i.id, i.name) for i in institutes])
        self._email_taken = email_taken

    def validate_email(self, field):
        if self._email_taken(field.data):
            raise ValidationError(_l("This email address already has an account."))

    def validate_team(self, field):
        if self.role.data in (Role.TEACHER, Role.LEADER) and not field.data:
            raise ValidationError(_l("Teachers and leaders belong to a school."))

    def validate_institute(self, field):
        if self.role.data == Role.INSTITUTE and not field.data:
            raise ValidationError(_l("Institute staff belong to an institute."))


class ConfirmForm(FlaskForm):
    """The second step of what cannot be undone."""

    submit = SubmitField(_l("Delete for good"))


class NameForm(FlaskForm):
    """Renaming a team or a provider."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    submit = SubmitField(_l("Save"))


class ProviderForm(NameForm):
    """A catalogue provider, and the institute whose staff keep its modules."""

    institute_id = SelectField(
        _l("Institute"),
        coerce=int,
        description=_l("The staff of this institute edit the provider's modules in the catalogue."),
    )

    def __init__(self, *args, institutes, **kwargs):
        super().__init__(*args, **kwargs)
        self.institute_id.choices = choices(
            [(0, _l("None: no institute keeps these modules"))] + [(i.id, i.name) for i in institutes]
        )
        if self.institute_id.data is None:
            self.institute_id.data = 0


JOIN_CODE_PERIODS = {
    0: _l("Does not expire"),
    7: _l("One week"),
    30: _l("One month"),
    90: _l("Three months"),
    365: _l("One year"),
}


class JoinCodeForm(FlaskForm):
    """How long the school's join code runs, and whether a new one replaces it now."""

    days = SelectField(
        _l("The join code runs for"), coerce=int, choices=choices(JOIN_CODE_PERIODS.items()), default=0
    )
    new_code = BooleanField(_l("Make a new code now (the old one stops working)"))
    submit = SubmitField(_l("Save"))


def area_form(area, **kwargs) -> FlaskForm:
    """Names and level descriptors of one area, in Dutch and English."""

    class AreaForm(FlaskForm):
        name_nl = StringField(_l("Name (Dutch)"), validators=[DataRequired(), Length(max=200)])
        name_en = StringField(_l("Name (English)"), validators=[Length(max=200)])
        submit = SubmitField(_l("Save as a new framework version"))

    for descriptor in area.descriptors:
        level = descriptor.level
        setattr(
            AreaForm,
            f"level_{level}_nl",
            TextAreaField(_l("Level %(level)d (Dutch)", level=level), validators=[DataRequired()]),
        )
        setattr(AreaForm, f"level_{level}_en", TextAreaField(_l("Level %(level)d (English)", level=level)))
    return AreaForm(**kwargs)


def targets_form(areas, **kwargs) -> FlaskForm:
    """A target level per area; an area left at "—" has no target in this profile."""

    class TargetsForm(FlaskForm):
        submit = SubmitField(_l("Save as a new framework version"))

    levels = choices([("", "—")] + [(str(level), str(level)) for level in LEVELS])
    for area in areas:
        setattr(TargetsForm, f"area_{area.code}", SelectField(area.label, choices=levels, default=""))
    return TargetsForm(**kwargs)


class NewTargetsForm(FlaskForm):
    phase = SelectField(_l("Phase"), choices=choices((p, PHASE_LABELS[p]) for p in PHASES))
    sector = SelectField(
        _l("Sector"),
        choices=choices(
            [("*", _l("Every sector"))]
            + [(s, SECTOR_LABELS[s]) for s in SECTORS]
            + [(t, f"{SECTOR_LABELS['go']}: {t}") for t in GO_TYPES]
        ),
    )
    submit = SubmitField(_l("Open"))
