"""Forms of the team sessions: scheduling one, and confirming who attended."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectMultipleField, SubmitField
from wtforms.validators import InputRequired
from wtforms.widgets import CheckboxInput, ListWidget


class TeacherChoice(SelectMultipleField):
    """Teachers as a list of checkboxes: a leader ticks who takes part."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ScheduleForm(FlaskForm):
    held_on = DateField(_l("Date"), validators=[InputRequired(message=_l("Choose the date of the session."))])
    participants = TeacherChoice(_l("Participants"), coerce=int)
    submit = SubmitField(_l("Schedule the session"))

    def __init__(self, *args, teachers, **kwargs):
        super().__init__(*args, **kwargs)
        self.participants.choices = [(t.id, t.name) for t in teachers]


class AttendanceForm(FlaskForm):
    attended = TeacherChoice(_l("Who attended"), coerce=int)
    submit = SubmitField(_l("Confirm attendance"))

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.attended.choices = [(p.teacher_id, p.teacher.name) for p in participants]
