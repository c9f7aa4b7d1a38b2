"""Self-assessment pages, the mentor assessment, the lesson observation and the step actions.

The assessment forms are built per framework: one level choice and one wish box per area.
"""

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, RadioField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from planner.domain.assessment import class_context_problems
from planner.domain.catalogue import SCALE
from planner.domain.targets import MAX_SPECIALISMS
from planner.domain.team_support import support_problem
from planner.formtools import MultiCheckboxField, choices

PAGES = ("basis", "support", "context")


# Level 0 for catalogues that describe only levels 1-5.
NOT_YET_SELF = _l("I do not know this area yet.")
NOT_YET_OTHER = _l("The teacher does not know this area yet.")


def stripped(value):
    """A choice sent as blanks (a space, a non-breaking space) is no choice, not a level."""
    return value.strip() if isinstance(value, str) else value


def level_choices(area, not_yet=NOT_YET_SELF) -> list:
    """A choice per level of the scale, each with the area's description of it."""
    descriptors = {d.level: d.text for d in area.descriptors}
    descriptors.setdefault(0, not_yet)
    return choices((str(level), descriptors.get(level, "")) for level in SCALE)


def area_page_form(areas, required: bool, **kwargs) -> FlaskForm:
    """Levels and wishes for one group of areas; levels are required only to go on."""

    class AreaPageForm(FlaskForm):
        back = SubmitField(_l("Previous"))
        later = SubmitField(_l("Save and continue later"))
        onward = SubmitField(_l("Next"))

    for area in areas:
        validators = (
            [InputRequired(_l("Choose the description that fits you best."))] if required else [Optional()]
        )
        setattr(
            AreaPageForm,
            f"level_{area.code}",
            RadioField(
                area.name,
                choices=level_choices(area),
                validators=validators,
                coerce=str,
                filters=[stripped],
            ),
        )
        setattr(AreaPageForm, f"wish_{area.code}", BooleanField(_l("I want to develop this")))
    return AreaPageForm(**kwargs)


def area_fields(form, areas) -> list[tuple]:
    return [(area, form[f"level_{area.code}"], form[f"wish_{area.code}"]) for area in areas]


class ClassContextForm(FlaskForm):
    class_size = IntegerField(
        _l("Pupils in your class (or your largest class)"),
        validators=[Optional(), NumberRange(min=1, max=60, message=_l("Between 1 and 60."))],
    )
    support_need = IntegerField(
        _l("Pupils with a support need"),
        validators=[Optional(), NumberRange(min=0, max=60, message=_l("Between 0 and 60."))],
    )
    extra_support_need = IntegerField(
        _l("Of whom with serious (multiple) problems or an extra support need (arrangement, OPP)"),
        validators=[Optional(), NumberRange(min=0, max=60, message=_l("Between 0 and 60."))],
    )
    complexity = RadioField(
        _l("How complex is your class?"),
        choices=choices(
            [
                ("1", _l("Clear: the support needs are known and the approach works")),
                ("2", _l("Complex: several pupils need an approach of their own every day")),
                ("3", _l("Very complex: serious, multiple problems in several pupils")),
            ]
        ),
        validators=[Optional()],
        coerce=str,
        filters=[stripped],
    )
    support = MultiCheckboxField(
        _l("Which support do you have often or always?"),
        choices=choices(
            [
                (
                    "outside_class",
                    _l("Help for pupils outside the class (study skills, well-being, fear of failure)"),
                ),
                ("assistant", _l("An assistant in the class, such as a teaching assistant")),
                ("extra_teacher", _l("An extra teacher in the class, with whom you shape the lessons")),
                (
                    "specialist_in_class",
                    _l("Specialist support in the class, such as co-teaching from special education or care"),
                ),
                ("specialist_advice", _l("Specialist advice outside the class on how to act")),
                ("facility", _l("A facility in the school where pupils with a support need can go")),
                ("none", _l("None of these")),
            ]
        ),
    )
    specialisms = MultiCheckboxField(_l("Specialisms for the experienced phase (at most two)"))
    back = SubmitField(_l("Previous"))
    later = SubmitField(_l("Save and continue later"))
    finish = SubmitField(_l("Finish and plan my path"))

    def __init__(self, areas, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.specialisms.choices = choices((area.code, area.name) for area in areas)

    @property
    def complexity_value(self) -> int | None:
        return int(self.complexity.data) if self.complexity.data else None

    def _contradicts(self, field) -> bool:
        counts = (self.class_size.data, self.support_need.data, self.extra_support_need.data)
        return field.name in class_context_problems(*counts)

    def validate_support_need(self, field):
        if self._contradicts(field):
            raise ValidationError(_l("Cannot be more than the pupils in the class."))

    def validate_extra_support_need(self, field):
        if self._contradicts(field):
            raise ValidationError(_l("Cannot be more than the pupils with a support need."))

    def validate_support(self, field):
        if support_problem(field.data or []) == "none_and_other":
            raise ValidationError(_l("Choose either none or the forms of support you have."))

    def validate_specialisms(self, field):
        if len(field.data or []) > MAX_SPECIALISMS:
            raise ValidationError(_l("Choose at most two specialisms."))


def mentor_form(areas, **kwargs) -> FlaskForm:
    """A mentor's or leader's assessment: every area on one page, levels required."""

    class MentorForm(FlaskForm):
        submit = SubmitField(_l("Save assessment"))

    for area in areas:
        setattr(
            MentorForm,
            f"level_{area.code}",
            RadioField(
                area.name,
                choices=level_choices(area, NOT_YET_OTHER),
                coerce=str,
                validators=[InputRequired(_l("Choose the description that fits best."))],
            ),
        )
    return MentorForm(**kwargs)


def observation_form(areas, **kwargs) -> FlaskForm:
    """A lesson observation: its date and a level for each area the lesson showed."""

    class ObservationForm(FlaskForm):
        observed_on = DateField(_l("Date of the lesson"), validators=[DataRequired(_l("Give the date."))])
        submit = SubmitField(_l("Save observation"))

        def validate_observed_on(self, field):
            if field.data > date.today():
                raise ValidationError(_l("The date cannot be in the future."))

        def validate(self, extra_validators=None) -> bool:
            valid = super().validate(extra_validators)
            if not any(self[f"level_{a.code}"].data for a in areas):
                self.form_errors.append(_l("Give a level for at least one area the lesson showed."))
                return False
            return valid

    for area in areas:
        setattr(
            ObservationForm,
            f"level_{area.code}",
            RadioField(
                area.name,
                choices=choices([("", _l("not observed"))]) + level_choices(area, NOT_YET_OTHER),
                coerce=str,
                default="",
                validators=[Optional()],
            ),
        )
    return ObservationForm(**kwargs)


def observed_levels(form, areas) -> dict[str, int]:
    """The levels given, by area code; areas left at "not observed" are not in it."""
    return {a.code: int(form[f"level_{a.code}"].data) for a in areas if form[f"level_{a.code}"].data}


class DoneForm(FlaskForm):
    on_date = DateField(_l("Completed on"), validators=[DataRequired(_l("Give the date."))])
    note = TextAreaField(_l("Evidence (optional)"), validators=[Length(max=2000)])
    done = SubmitField(_l("Mark as done"))


class SkipForm(FlaskForm):
    reason = TextAreaField(
        _l("Why do you skip this step?"),
        validators=[DataRequired(_l("Say why, so your mentor knows.")), Length(max=2000)],
    )
    skip = SubmitField(_l("Skip this step"))


class StartForm(FlaskForm):
    start = SubmitField(_l("I have started"))


class PlainForm(FlaskForm):
    """A button with CSRF protection: accept the path, plan again."""

    submit = SubmitField()
