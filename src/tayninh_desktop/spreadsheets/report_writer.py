"""The dry-run report as an xlsx copy of the input with a result column, and the cross-check report.

For an .xlsx input the copy keeps the file's own formatting (the user fixes the rows and imports the
same file again); an .xls input is copied as its values, converted to Unicode, into a new .xlsx.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tayninh_desktop.domain.import_values import SourceCell
from tayninh_desktop.spreadsheets.files import save_atomic

RESULT_HEADER = "Kết quả nhập"
DETAIL_HEADER = "Lý do / thay đổi"
FILLS = {"added": "C6EFCE", "updated": "DDEBF7", "unchanged": "F2F2F2", "held": "FFEB9C", "refused": "FFC7CE",
         "skipped": "D9D9D9"}


@dataclass(frozen=True)
class ResultLine:
    """The result of one member row: its first sheet row (1-based), status code and label, reasons."""

    row: int
    status: str
    label: str
    detail: str


def write_import_report(source: Path, kind: str, sheet: str, rows: list[list[SourceCell]], header_row: int,
                        lines: list[ResultLine], out: Path) -> Path:
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill

    if kind == "xlsx":
        book = openpyxl.load_workbook(source)
        ws = book[sheet]
        for other in [w for w in book.worksheets if w.title != sheet]:
            other.sheet_state = "visible"
    else:
        book = openpyxl.Workbook()
        ws = book.active
        ws.title = sheet[:31] or "Sheet1"
        for r, row in enumerate(rows, start=1):
            for c, cell in enumerate(row, start=1):
                if cell.value not in (None, ""):
                    ws.cell(r, c, cell.value)
    width = max(ws.max_column, max((len(r) for r in rows), default=0))
    result_col, detail_col = width + 1, width + 2
    bold = Font(bold=True)
    for col, text in ((result_col, RESULT_HEADER), (detail_col, DETAIL_HEADER)):
        cell = ws.cell(header_row, col, text)
        cell.font = bold
    for line in lines:
        fill = PatternFill("solid", fgColor=FILLS.get(line.status, "FFFFFF"))
        status = ws.cell(line.row, result_col, line.label)
        status.fill = fill
        detail = ws.cell(line.row, detail_col, line.detail or None)
        detail.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions[_letter(result_col)].width = 16
    ws.column_dimensions[_letter(detail_col)].width = 80
    ws.protection.sheet = False
    return save_atomic(book, out)


def write_table_report(out: Path, title: str, subtitle: str, headers: list[str], rows: list[list],
                       statuses: list[str] | None = None) -> Path:
    """A plain one-table report (the cross-check): title, subtitle, bold header, one row per line."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Đối chiếu"
    ws.cell(1, 1, title).font = Font(bold=True, size=13)
    ws.cell(2, 1, subtitle).font = Font(italic=True)
    for c, text in enumerate(headers, start=1):
        ws.cell(4, c, text).font = Font(bold=True)
    for r, values in enumerate(rows, start=5):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(r, c, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(value, str) is False and value is not None and hasattr(value, "year"):
                cell.number_format = "dd/mm/yyyy"
        if statuses:
            fill = PatternFill("solid", fgColor=FILLS.get(statuses[r - 5], "FFFFFF"))
            ws.cell(r, 1).fill = fill
    for c, width in enumerate([18, 30, 12, 16, 70][: len(headers)], start=1):
        ws.column_dimensions[_letter(c)].width = width
    ws.print_title_rows = "4:4"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    return save_atomic(book, out)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)
