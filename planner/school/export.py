"""The expertise matrix as a spreadsheet: CSV for any tool, XLSX for Excel users."""

import csv
import io

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from planner.labels import PHASE_LABELS
from planner.school.team import Matrix
from planner.school.team_planning import TeamPlanResult

SOURCES = ("self_level", "mentor", "observed", "planning", "target")


def _header(found: Matrix) -> list[str]:
    source_names = {
        "self_level": _("self"),
        "mentor": _("mentor"),
        "observed": _("observed"),
        "planning": _("planning"),
        "target": _("target"),
    }
    columns = [_("Teacher"), _("Team"), _("Phase")]
    for area in found.areas:
        columns += [f"{area.code} {source_names[source]}" for source in SOURCES]
    return columns


def _rows(found: Matrix):
    for teacher in found.teachers:
        row: list = [teacher.name, teacher.team or "", str(PHASE_LABELS[teacher.phase])]
        for area in found.areas:
            cell = teacher.cells[area.code]
            row += [getattr(cell, source) for source in SOURCES]
        yield row


def matrix_csv(found: Matrix) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_header(found))
    for row in _rows(found):
        writer.writerow(["" if value is None else value for value in row])
    return out.getvalue()


def _sheet(book: Workbook, title: str, header: list[str], rows, freeze: str, first: bool = False):
    sheet = book.active if first else book.create_sheet()
    # Excel refuses sheet names longer than 31 characters.
    sheet.title = title[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = freeze
    return sheet


def _saved(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def matrix_xlsx(found: Matrix) -> bytes:
    book = Workbook()
    _sheet(book, _("Expertise"), _header(found), _rows(found), "D2", first=True)
    return _saved(book)


def _plan_header() -> list[str]:
    return [_("Teacher"), _("Team"), _("Area"), _("To level"), _("Modules"), _("Hours"), _("School year")]


def _plan_rows(result: TeamPlanResult, area_names: dict[str, str]):
    for a in result.plan.assignments:
        yield [
            result.names[a.teacher],
            result.teams[a.teacher] or "",
            area_names.get(a.area, a.area),
            a.to_level,
            " ".join(a.modules),
            a.hours,
            _("this school year") if a.school_year == 1 else _("next school year"),
        ]


def _shortfall_rows(result: TeamPlanResult, area_names: dict[str, str]):
    for s in result.plan.shortfall:
        yield [s.team or "", area_names.get(s.area, s.area), s.short]


def plan_csv(result: TeamPlanResult, area_names: dict[str, str]) -> str:
    """The assignments, then the shortfall (if any) below an empty line."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_plan_header())
    writer.writerows(_plan_rows(result, area_names))
    writer.writerow(["", "", "", "", _("Total"), result.plan.total_hours, ""])
    if result.plan.shortfall:
        writer.writerow([])
        writer.writerow([_("Team"), _("Area"), _("Experts short")])
        writer.writerows(_shortfall_rows(result, area_names))
    return out.getvalue()


def plan_xlsx(result: TeamPlanResult, area_names: dict[str, str]) -> bytes:
    book = Workbook()
    sheet = _sheet(book, _("Team plan"), _plan_header(), _plan_rows(result, area_names), "B2", first=True)
    sheet.append(["", "", "", "", _("Total"), result.plan.total_hours, ""])
    if result.plan.shortfall:
        _sheet(
            book,
            _("Shortfall"),
            [_("Team"), _("Area"), _("Experts short")],
            _shortfall_rows(result, area_names),
            "A2",
        )
    return _saved(book)
