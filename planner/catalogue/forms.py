import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from planner.catalogue.schema import REACH_CODE_PATTERN
from planner.catalogue.service import ModuleData
from planner.domain.catalogue import DEFAULT_DURATION, FORMATS, TEAM_FORMATS
from planner.formtools import MultiCheckboxField, choices
from planner.labels import FORMAT_LABELS, PHASE_LABELS, REACH_LABELS, SECTOR_LABELS

LEVEL_CHOICES = [(0, "—")] + [(level, str(level)) for level in range(1, 6)]


class FilterForm(FlaskForm):
    """The browse filters travel in the query string, so no CSRF token."""

    class Meta:
        csrf = False

    q = StringField(_l("Search"), validators=[Optional(), Length(max=100)])
    area = SelectField(_l("Area"), default="")
    phase = SelectField(
        _l("Phase"), default="", choices=choices([("", _l("All phases"))] + list(PHASE_LABELS.items()))
    )
    sector = SelectField(
        _l("Sector"), default="", choices=choices([("", _l("All sectors"))] + list(SECTOR_LABELS.items()))
    )
    format = SelectField(
        _l("Format"),
        default="",
        choices=choices([("", _l("All formats"))] + [(f, FORMAT_LABELS[f]) for f in FORMATS]),
    )
    max_hours = IntegerField(_l("At most hours"), validators=[Optional(), NumberRange(min=1, max=2000)])

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.area.choices = choices([("", _l("All areas"))] + [(a.code, a.label) for a in areas])


def split_codes(text: str) -> list[str]:
    return [code for code in re.split(r"[\s,;]+", text.strip().upper()) if code]


class ModuleFormBase(FlaskForm):
    code = StringField(
        _l("Code"),
        validators=[
            DataRequired(),
            Length(max=20),
            Regexp(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$", message=_l("Use letters, digits, dots and dashes.")),
        ],
    )
    title_nl = StringField(_l("Title (Dutch)"), validators=[DataRequired(), Length(max=200)])
    title_en = StringField(_l("Title (English)"), validators=[Optional(), Length(max=200)])
    summary_nl = TextAreaField(_l("Summary (Dutch)"), validators=[Optional(), Length(max=4000)])
    summary_en = TextAreaField(_l("Summary (English)"), validators=[Optional(), Length(max=4000)])
    provider = SelectField(_l("Provider"), coerce=int)
    hours = IntegerField(_l("Study hours"), validators=[InputRequired(), NumberRange(min=1, max=2000)])
    cost_eur = IntegerField(
        _l("Cost (euro)"),
        validators=[Optional(), NumberRange(min=0, max=100_000, message=_l("Between 0 and 100,000 euro."))],
        default=0,
    )
    format = SelectField(_l("Format"), choices=choices((f, FORMAT_LABELS[f]) for f in FORMATS))
    duration_periods = IntegerField(
        _l("Duration in periods"),
        validators=[Optional(), NumberRange(min=1, max=8, message=_l("Between 1 and 8 periods."))],
        description=_l("A period is half a school year. Empty: the usual duration of the format."),
    )
    team_format = SelectField(
        _l("Team format"),
        default="",
        choices=choices(
            [
                ("", _l("As the format: team study days, intervision and whole-school approaches")),
                ("yes", _l("Yes: a school runs it for a team")),
                ("no", _l("No: one teacher can take it")),
            ]
        ),
    )
    reach_kind = SelectField(_l("For whom"), default="sector", choices=choices(REACH_LABELS.items()))
    reach_code = StringField(
        _l("Code of the board, region or institute"),
        validators=[
            Optional(),
            Length(max=40),
            Regexp(REACH_CODE_PATTERN, message=_l("Use letters, digits, dots and dashes.")),
        ],
    )
    source = StringField(
        _l("Source"),
        validators=[Optional(), Length(max=200)],
        description=_l("The section or table of the research that justifies the module, e.g. 002 §5.3.3."),
    )
    phases = MultiCheckboxField(_l("Offered in phases"), choices=choices(PHASE_LABELS.items()))
    sectors = MultiCheckboxField(_l("Sectors"), choices=choices(SECTOR_LABELS.items()))
    requires_modules = StringField(
        _l("Required modules"),
        validators=[Optional(), Length(max=400)],
        description=_l("Module codes, separated by spaces or commas."),
    )
    submit = SubmitField(_l("Save module"))

    def validate_phases(self, field):
        if not field.data:
            raise ValidationError(_l("Choose at least one phase."))

    def validate_sectors(self, field):
        if not field.data:
            raise ValidationError(_l("Choose at least one sector."))

    def area_rows(self):
        return [(area, self[f"outcome_{area.code}"], self[f"entry_{area.code}"]) for area in self._areas]

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not any(self[f"outcome_{a.code}"].data for a in self._areas):
            self.form_errors.append(_l("Choose at least one area and the level the module brings."))
            valid = False
        # Here rather than as a field validator: an empty code must be checked too.
        code = (self.reach_code.data or "").strip()
        if not self.reach_code.errors and not self.reach_kind.errors:
            if self.reach_kind.data == "sector" and code:
                self.reach_code.errors.append(_l("A module for every teacher in its sectors names no code."))
                valid = False
            elif self.reach_kind.data != "sector" and not code:
                self.reach_code.errors.append(_l("Give the code of the board, region or institute."))
                valid = False
        return valid

    def module_data(self) -> ModuleData:
        return ModuleData(
            code=self.code.data.strip(),
            title_nl=self.title_nl.data.strip(),
            title_en=(self.title_en.data or "").strip(),
            summary_nl=(self.summary_nl.data or "").strip(),
            summary_en=(self.summary_en.data or "").strip(),
            provider_id=self.provider.data or None,
            hours=self.hours.data,
            cost_eur=self.cost_eur.data or 0,
            format=self.format.data,
            duration_periods=self.duration_periods.data or DEFAULT_DURATION[self.format.data],
            team_format=(
                self.team_format.data == "yes" if self.team_format.data else self.format.data in TEAM_FORMATS
            ),
            reach_kind=self.reach_kind.data,
            reach_code=(self.reach_code.data or "").strip(),
            source=(self.source.data or "").strip(),
            phases=list(self.phases.data),
            sectors=list(self.sectors.data),
            outcomes={
                a.code: self[f"outcome_{a.code}"].data for a in self._areas if self[f"outcome_{a.code}"].data
            },
            requires_modules=split_codes(self.requires_modules.data or ""),
            requires_levels={
                a.code: self[f"entry_{a.code}"].data for a in self._areas if self[f"entry_{a.code}"].data
            },
        )


def module_form(areas, providers, *args, **kwargs) -> ModuleFormBase:
    """A module form with an outcome and an entry-level choice per area of the framework."""

    class ModuleForm(ModuleFormBase):
        pass

    for area in areas:
        setattr(
            ModuleForm,
            f"outcome_{area.code}",
            SelectField(area.label, coerce=int, choices=choices(LEVEL_CHOICES), default=0),
        )
        setattr(
            ModuleForm,
            f"entry_{area.code}",
            SelectField(area.label, coerce=int, choices=choices(LEVEL_CHOICES), default=0),
        )
    form = ModuleForm(*args, **kwargs)
    form._areas = areas
    form.provider.choices = choices((p.id, p.name) for p in providers)
    return form


def fill_module_form(form: ModuleFormBase, module) -> None:
    """Put a stored module's values in the form (for GET)."""
    for name in (
        "code",
        "title_nl",
        "title_en",
        "summary_nl",
        "summary_en",
        "hours",
        "cost_eur",
        "format",
        "duration_periods",
        "reach_kind",
        "reach_code",
        "source",
    ):
        form[name].data = getattr(module, name)
    form.team_format.data = "yes" if module.team_format else "no"
    form.provider.data = module.provider_id or 0
    form.phases.data, form.sectors.data = module.phases, module.sectors
    form.requires_modules.data = " ".join(r.required.code for r in module.required_modules)
    for outcome in module.outcomes:
        form[f"outcome_{outcome.area.code}"].data = outcome.level
    for requirement in module.required_levels:
        form[f"entry_{requirement.area.code}"].data = requirement.level
