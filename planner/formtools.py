"""Small helpers shared by the forms."""

from collections.abc import Iterable

from wtforms import SelectChoice, SelectMultipleField, widgets


def choices(pairs: Iterable[tuple]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


class MultiCheckboxField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()
