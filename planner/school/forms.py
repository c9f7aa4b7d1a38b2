from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from planner.catalogue.schema import REACH_CODE_PATTERN
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


def reach_code_field(label, description=None) -> StringField:
    """A school board's or region's code, as modules name it in their reach."""
    return StringField(
        label,
        validators=[
            Optional(),
            Length(max=40),
            Regexp(REACH_CODE_PATTERN, message=_l("Use letters, digits, dots and dashes.")),
        ],
        description=description,
        filters=[lambda value: value.strip() if value else value],
    )


class SchoolLinksMixin:
    """The school board and samenwerkingsverband region the school belongs to."""

    board_code = reach_code_field(_l("Code of the school board"), _l("For example BRON-NW."))
    board_name = StringField(
        _l("Name of the school board"),
        validators=[Optional(), Length(max=200)],
        filters=[lambda value: value.strip() if value else value],
    )
    region_code = reach_code_field(_l("Code of the samenwerkingsverband region"), _l("For example PO-2801."))

    def validate_board_name(self, field):
        if field.data and not self.board_code.data:
            raise ValidationError(_l("Give the code of the school board as well."))


GO_TYPE_LABELS = {
    "sbo": _l("sbo: special primary school"),
    "so": _l("so: special school"),
    "vso": _l("vso: special secondary school"),
}


def school_profile_form(areas, programmes, sector: str | None = None, **kwargs) -> FlaskForm:
    """The school's hours budget, board, region and induction programme and, per area,
    its priority and any higher targets. ``programmes`` are the catalogue's buddy and
    mentor programmes the school may run."""

    class SchoolProfileForm(SchoolLinksMixin, FlaskForm):
        budget_hours_per_year = IntegerField(
            _l("Professionalisation hours per teacher per school year"),
            validators=[
                InputRequired(_l("Give the number of hours.")),
                # No CAO leaves a teacher without time to learn: a path of 0 hours a year
                # would plan nothing, so 0 is refused rather than silently read as 40.
                NumberRange(min=1, max=400, message=_l("Between 1 and 400.")),
            ],
        )
        induction_programme = SelectField(
            _l("Induction programme for starting teachers"),
            default="",
            choices=choices(
                [("", _l("None: the school runs no buddy or mentor programme"))]
                + [(m.code, f"{m.title} ({m.code})") for m in programmes]
            ),
        )
        submit = SubmitField(_l("Save the school profile"))

        if sector == "go":
            go_type = SelectField(
                _l("Kind of school"),
                default="",
                choices=choices(
                    [("", _l("Not said: the targets of specialised education"))]
                    + list(GO_TYPE_LABELS.items())
                ),
            )

        def validate_induction_programme(self, field):
            module = next((m for m in programmes if m.code == field.data), None)
            if module is None:
                return
            if module.reach_kind == "board" and module.reach_code != self.board_code.data:
                raise ValidationError(
                    _l(
                        "This programme is only for schools of school board %(code)s.",
                        code=module.reach_code,
                    )
                )
            if module.reach_kind == "region" and module.reach_code != self.region_code.data:
                raise ValidationError(
                    _l(
                        "This programme is only for schools in samenwerkingsverband region %(code)s.",
                        code=module.reach_code,
                    )
                )

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


# A team of a hundred would still not need more experts in one area than this.
MAX_MINIMUM = 20


def minimums_form(areas, **kwargs) -> FlaskForm:
    """The minimum number of experts (level 4 or higher) per area in every team."""

    class MinimumsForm(FlaskForm):
        submit = SubmitField(_l("Save the minimums"))

    for area in areas:
        setattr(
            MinimumsForm,
            f"minimum_{area.code}",
            IntegerField(
                area.name,
                validators=[
                    InputRequired(_l("Give a number; 0 when the area needs no expert.")),
                    NumberRange(min=0, max=MAX_MINIMUM, message=_l("Between 0 and 20.")),
                ],
            ),
        )
    return MinimumsForm(**kwargs)


def what_if_form(areas, teachers, minimums, **kwargs) -> FlaskForm:
    """A team plan's what-if: other minimums, teachers left out (leave, part-time). Sent by
    GET, so that a what-if is a link and nothing is stored."""

    class WhatIfForm(FlaskForm):
        class Meta:
            csrf = False

        exclude = SelectMultipleField(_l("Leave out"), coerce=int, validators=[Optional()])
        submit = SubmitField(_l("Plan again"))

    for area in areas:
        setattr(
            WhatIfForm,
            f"minimum_{area.code}",
            IntegerField(
                area.name,
                default=minimums.get(area.code, 0),
                validators=[
                    Optional(),
                    NumberRange(min=0, max=MAX_MINIMUM, message=_l("Between 0 and 20.")),
                ],
            ),
        )
    form = WhatIfForm(**kwargs)
    form.exclude.choices = [(t.id, t.name) for t in teachers]
    return form


class CoachForm(FlaskForm):
    """Who coaches a starting teacher: a colleague of the school, or nobody."""

    coach = SelectField(_l("Coach"), coerce=int, validators=[InputRequired()])
    submit = SubmitField(_l("Save"))

    def __init__(self, coaches, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.coach.choices = [(0, _l("Nobody"))] + [(c.id, c.name) for c in coaches]


class CoachingNotesForm(FlaskForm):
    notes = TextAreaField(_l("Your notes"), validators=[Optional(), Length(max=10000)])
    submit = SubmitField(_l("Save the notes"))
