"""The audit trail as an Excel sheet: one row per entry, the changes in words (plain: it holds personal data)."""

from __future__ import annotations

from pathlib import Path

from tayninh_desktop.spreadsheets.files import save_atomic

HEADERS = ["STT nhật ký", "Thời gian", "Người thực hiện", "Việc", "Về", "Thay đổi"]
WIDTHS = [11, 17, 18, 32, 36, 90]


def write_audit(out: Path, subtitle: str, rows: list[list]) -> Path:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Nhật ký"
    ws.cell(1, 1, "NHẬT KÝ THAO TÁC TRÊN SỔ ĐẢNG VIÊN").font = Font(bold=True, size=13)
    ws.cell(2, 1, subtitle).font = Font(italic=True)
    for c, text in enumerate(HEADERS, start=1):
        ws.cell(4, c, text).font = Font(bold=True)
    for r, values in enumerate(rows, start=5):
        for c, value in enumerate(values, start=1):
            ws.cell(r, c, value).alignment = Alignment(wrap_text=True, vertical="top")
    for c, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width = width
    ws.freeze_panes = "A5"
    ws.print_title_rows = "4:4"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    return save_atomic(book, out)
