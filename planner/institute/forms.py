import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, NumberRange, Regexp, ValidationError

from planner.domain.catalogue import SECTORS
from planner.formtools import MultiCheckboxField, choices
from planner.labels import SECTOR_LABELS

MAX_STUDY_YEARS = 6
CODE_SEPARATORS = re.compile(r"[\s,;]+")


def year_field(label):
    return StringField(label, validators=[Length(max=2000)])


class ProgrammeForm(FlaskForm):
    code = StringField(
        _l("Code"),
        validators=[
            DataRequired(),
            Length(max=40),
            Regexp(r"^[A-Za-z0-9][A-Za-z0-9_-]*$", message=_l("Letters, digits, - and _ only.")),
        ],
    )
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    study_years = IntegerField(
        _l("Study years"), validators=[DataRequired(), NumberRange(min=1, max=MAX_STUDY_YEARS)], default=4
    )
    sectors = MultiCheckboxField(
        _l("Qualifies for"), choices=choices((s, SECTOR_LABELS[s]) for s in SECTORS), validate_choice=True
    )
    preview = SubmitField(_l("Show the coverage"))
    submit = SubmitField(_l("Save"))

    def validate_sectors(self, field):
        if not field.data:
            raise ValidationError(_l("Choose at least one sector."))

    def year_fields(self):
        """Per study year the compulsory and the elective field."""
        return [
            (year, self[f"compulsory_{year}"], self[f"electives_{year}"])
            for year in range(1, MAX_STUDY_YEARS + 1)
        ]

    def codes(self, field) -> list[str]:
        return [code for code in CODE_SEPARATORS.split(field.data or "") if code]


for _year in range(1, MAX_STUDY_YEARS + 1):
    setattr(ProgrammeForm, f"compulsory_{_year}", year_field(_l("Compulsory in year %(year)s", year=_year)))
    setattr(ProgrammeForm, f"electives_{_year}", year_field(_l("Electives in year %(year)s", year=_year)))
