"""Self-assessment pages, the mentor assessment, the lesson observation and the step actions.

The assessment forms are built per framework: one level choice and one wish box per area.
"""

import json
from datetime import date
from functools import cache
from pathlib import Path

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, RadioField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from planner.domain.assessment import class_context_problems
from planner.domain.catalogue import SCALE
from planner.domain.targets import MAX_SPECIALISMS
from planner.domain.team_support import support_problem
from planner.formtools import MultiCheckboxField, choices
from planner.models.catalogue import current_locale

PAGES = ("basis", "support", "context")


# Level 0 for catalogues that describe only levels 1-5.
NOT_YET_SELF = _l("I do not know this area yet.")
NOT_YET_OTHER = _l("The teacher does not know this area yet.")


def stripped(value):
    """A choice sent as blanks (a space, a non-breaking space) is no choice, not a level."""
    return value.strip() if isinstance(value, str) else value


# The catalogue describes each level as the teacher would ("I know ..."); a mentor, coach or
# observer describes someone else: these are the shipped areas' levels in the third person.
DATA = Path(__file__).resolve().parent.parent / "data"

# A mentor's choice for an area the lesson or the work did not show: no level is stored,
# and the planner goes by the other sources.
NOT_OBSERVED = "not-observed"


@cache
def observed_descriptors() -> dict[tuple[str, int, str], dict[str, str]]:
    """The third-person texts by (area, level, the shipped first-person Dutch text)."""
    shipped = json.loads((DATA / "catalogue.json").read_text(encoding="utf-8"))
    observed = json.loads((DATA / "observed_descriptors.json").read_text(encoding="utf-8"))
    return {
        (area["code"], int(level), said["nl"]): observed[area["code"]][level]
        for area in shipped["areas"]
        for level, said in area["levels"].items()
        if level in observed.get(area["code"], {})
    }


def observed_descriptor(area, descriptor) -> str:
    """A level of an area as seen in someone else. Only where the area still says what the
    shipped catalogue says: a descriptor reworded since (or another framework's) keeps its
    own words."""
    texts = observed_descriptors().get((area.code, descriptor.level, descriptor.text_nl))
    if not texts:
        return descriptor.text
    return texts.get(current_locale()) or texts["nl"]


def level_choices(area, not_yet=NOT_YET_SELF) -> list:
    """A choice per level of the scale, each with the area's description of it."""
    descriptors = {d.level: d.text for d in area.descriptors}
    descriptors.setdefault(0, not_yet)
    return choices((str(level), descriptors.get(level, "")) for level in SCALE)


def observed_level_choices(area) -> list:
    """The level choices of an area in the third person, for someone assessing a teacher."""
    texts = {d.level: observed_descriptor(area, d) for d in area.descriptors}
    texts[0] = NOT_YET_OTHER
    return choices((str(level), texts.get(level, "")) for level in SCALE)


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

        def validate(self, extra_validators=None) -> bool:
            valid = super().validate(extra_validators)
            if valid and not mentor_levels(self, areas):
                self.form_errors.append(_l("Give a level for at least one area."))
                return False
            return valid

    for area in areas:
        setattr(
            MentorForm,
            f"level_{area.code}",
            RadioField(
                area.name,
                choices=observed_level_choices(area) + choices([(NOT_OBSERVED, _l("Not observed"))]),
                coerce=str,
                validators=[InputRequired(_l("Choose the description that fits best, or not observed."))],
            ),
        )
    return MentorForm(**kwargs)


def mentor_levels(form, areas) -> dict[str, int]:
    """The levels a mentor gave, by area code; areas marked "not observed" are not in it."""
    chosen = {area.code: form[f"level_{area.code}"].data for area in areas}
    return {code: int(value) for code, value in chosen.items() if value and value != NOT_OBSERVED}


def mentor_form_data(previous, areas) -> dict[str, str]:
    """A mentor's form filled from their previous assessment: an area it left out was not
    observed then."""
    levels = previous.levels
    return {f"level_{a.code}": str(levels[a.code]) if a.code in levels else NOT_OBSERVED for a in areas}


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
                choices=choices([("", _l("not observed"))]) + observed_level_choices(area),
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
