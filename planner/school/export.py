"""The expertise matrix as a spreadsheet: CSV for any tool, XLSX for Excel users."""

import csv
import io

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from planner.labels import PHASE_LABELS
from planner.school.team import Matrix

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


def matrix_xlsx(found: Matrix) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Expertise")[:31]
    sheet.append(_header(found))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in _rows(found):
        sheet.append(row)
    sheet.freeze_panes = "D2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
