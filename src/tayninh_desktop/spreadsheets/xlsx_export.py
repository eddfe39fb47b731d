"""Member lists as xlsx: the Mẫu 7-HSĐV layout (three lines per member) and a flat list.

Both have Vietnamese headers, dates as real dates (dd/mm/yyyy), column widths and print set-up:
A4 landscape, header rows repeated on every page, fitted to the page width. The Mẫu 7 layout puts
each member on three rows (the combined columns' lines), with single-line columns merged over them;
with several cells a "Chi bộ …" row heads each cell's members. Both read back through the import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tayninh_desktop.domain.members import Member
from tayninh_desktop.spreadsheets.files import save_atomic

DATE_FORMAT = "dd/mm/yyyy"


@dataclass(frozen=True)
class ListHeading:
    unit_name: str
    title: str
    subtitle: str


@dataclass(frozen=True)
class CellGroup:
    """The members of one cell, in list order."""

    cell_name: str
    members: list[Member]


def _birth(m: Member):
    return m.birth_date.year if m.birth_year_only else m.birth_date


# Mẫu 7-HSĐV: header, width, and the value of each of the member's three lines.
MAU7_COLUMNS: tuple[tuple[str, int, object], ...] = (
    ("Số TT", 6, None),
    ("Họ và tên khai sinh, ngày sinh", 26, lambda m: (m.full_name, _birth(m), m.other_name)),
    ("Nam, nữ, dân tộc, tôn giáo", 12, lambda m: (m.gender.label, m.ethnicity, m.religion)),
    ("Quê quán", 22, lambda m: (m.hometown,)),
    ("Văn hóa, lý luận, CMNV, ngoại ngữ", 16,
     lambda m: (m.education_general, m.political_theory, m.education_professional)),
    ("Nghề nghiệp trước khi vào Đảng, nghề nghiệp hiện nay", 16, lambda m: ("", m.occupation)),
    ("Ngày vào Đảng, ngày chính thức", 13, lambda m: (m.joined_on, m.full_member_on)),
    ("Số thẻ đảng viên, số lý lịch, số Huy hiệu Đảng", 13, lambda m: (m.card_number, m.dossier_number)),
    ("Bộ đội, công an, hưu trí", 9, lambda m: ()),
    ("Ngày chuyển đi, đến đảng bộ cơ sở nào", 12, lambda m: ()),
    ("Ngày chuyển đến, ở đảng bộ cơ sở nào đến", 12, lambda m: ()),
    ("Ngày từ trần, lý do", 10, lambda m: ()),
    ("Ngày ra khỏi Đảng, hình thức ra Đảng", 11, lambda m: ()),
    ("Ghi chú", 14, lambda m: (m.notes,)),
)
LINES = 3

FLAT_COLUMNS: tuple[tuple[str, int, object], ...] = (
    ("STT", 6, None),
    ("Họ và tên", 24, lambda m, c: m.full_name),
    ("Ngày sinh", 11, lambda m, c: _birth(m)),
    ("Giới tính", 8, lambda m, c: m.gender.label),
    ("Dân tộc", 9, lambda m, c: m.ethnicity),
    ("Tôn giáo", 10, lambda m, c: m.religion),
    ("Số CCCD", 14, lambda m, c: m.cccd),
    ("Số thẻ đảng viên", 11, lambda m, c: m.card_number),
    ("Số lý lịch", 11, lambda m, c: m.dossier_number),
    ("Ngày vào Đảng", 11, lambda m, c: m.joined_on),
    ("Ngày chính thức", 11, lambda m, c: m.full_member_on),
    ("Chi bộ", 22, lambda m, c: c),
    ("Quê quán", 20, lambda m, c: m.hometown),
    ("Nơi thường trú", 28, lambda m, c: m.permanent_address),
    ("Nơi ở hiện nay", 28, lambda m, c: m.current_address),
    ("Nghề nghiệp", 14, lambda m, c: m.occupation),
    ("Giáo dục phổ thông", 9, lambda m, c: m.education_general),
    ("Chuyên môn, nghiệp vụ", 14, lambda m, c: m.education_professional),
    ("Lý luận chính trị", 11, lambda m, c: m.political_theory),
    ("Điện thoại", 12, lambda m, c: m.phone),
    ("Ghi chú", 16, lambda m, c: m.notes),
)
_TEXT_COLUMNS = {"Số CCCD", "Số thẻ đảng viên", "Số lý lịch", "Điện thoại"}


def _styles():
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "header": Font(name="Times New Roman", bold=True, size=10),
        "body": Font(name="Times New Roman", size=10),
        "title": Font(name="Times New Roman", bold=True, size=14),
        "wrap": Alignment(wrap_text=True, vertical="center", horizontal="center"),
        "left": Alignment(wrap_text=True, vertical="top"),
    }


def _heading(ws, heading: ListHeading, width: int, st) -> None:
    ws.cell(1, 1, heading.unit_name.upper()).font = st["header"]
    ws.cell(2, 1, heading.title).font = st["title"]
    ws.cell(2, 1).alignment = st["wrap"]
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    ws.cell(3, 1, heading.subtitle).alignment = st["wrap"]
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=width)


def _print_setup(ws, title_rows: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.freeze_panes = f"A{int(title_rows.split(':')[1]) + 1}"


def _header_row(ws, row: int, columns, st, numbers: bool) -> None:
    from openpyxl.utils import get_column_letter

    for c, (header, width, _) in enumerate(columns, start=1):
        cell = ws.cell(row, c, header)
        cell.font, cell.alignment, cell.border = st["header"], st["wrap"], st["border"]
        ws.column_dimensions[get_column_letter(c)].width = width
        if numbers:
            number = ws.cell(row + 1, c, c)
            number.font, number.alignment, number.border = st["header"], st["wrap"], st["border"]


def _put(ws, row: int, col: int, value, st):
    cell = ws.cell(row, col, value if value != "" else None)
    if isinstance(value, date):
        cell.number_format = DATE_FORMAT
    cell.font, cell.alignment = st["body"], st["left"]
    return cell


def _merge(ws, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """Merge a range known not to overlap another.

    openpyxl's ``merge_cells`` checks the new range against every existing one (quadratic: a
    10,000-member Mẫu 7 has 80,000 merges); the ranges here never overlap, so add them directly.
    """
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.merge import MergedCellRange

    coord = f"{get_column_letter(first_col)}{first_row}:{get_column_letter(last_col)}{last_row}"
    merged = MergedCellRange(ws, coord)
    ws.merged_cells.ranges.add(merged)
    ws._clean_merge_range(merged)  # private, but the public path is the quadratic one


def write_mau7(path: Path, heading: ListHeading, groups: list[CellGroup]) -> Path:
    """Sổ danh sách đảng viên, Mẫu 7-HSĐV: 14 columns, three rows per member."""
    import openpyxl

    st = _styles()
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Mẫu 7-HSĐV"
    width = len(MAU7_COLUMNS)
    _heading(ws, heading, width, st)
    _header_row(ws, 5, MAU7_COLUMNS, st, numbers=True)
    row, number = 7, 0
    for group in groups:
        if len(groups) > 1:
            ws.cell(row, 1, group.cell_name).font = st["header"]
            _merge(ws, row, 1, row, width)
            row += 1
        for member in group.members:
            number += 1
            _put(ws, row, 1, number, st)
            for c, (_, _, lines) in enumerate(MAU7_COLUMNS[1:], start=2):
                values = lines(member)
                for i, value in enumerate(values):
                    _put(ws, row + i, c, value, st)
                if len(values) <= 1:
                    _merge(ws, row, c, row + LINES - 1, c)
            _merge(ws, row, 1, row + LINES - 1, 1)
            for r in range(row, row + LINES):
                for c in range(1, width + 1):
                    ws.cell(r, c).border = st["border"]
            row += LINES
    _print_setup(ws, "5:6")
    return save_atomic(book, path)


def write_flat(path: Path, heading: ListHeading, groups: list[CellGroup]) -> Path:
    """One row per member, every field in its own column (for sorting, filtering, re-keying)."""
    import openpyxl

    st = _styles()
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Danh sách"
    _heading(ws, heading, len(FLAT_COLUMNS), st)
    _header_row(ws, 5, FLAT_COLUMNS, st, numbers=False)
    row, number = 6, 0
    for group in groups:
        for member in group.members:
            number += 1
            ws.cell(row, 1, number)
            for c, (header, _, value) in enumerate(FLAT_COLUMNS[1:], start=2):
                content = value(member, group.cell_name)
                if content in ("", None):
                    continue
                cell = ws.cell(row, c, content)
                if isinstance(content, date):
                    cell.number_format = DATE_FORMAT
                elif header in _TEXT_COLUMNS:
                    cell.number_format = "@"
            row += 1
    ws.auto_filter.ref = f"A5:{ws.cell(5, len(FLAT_COLUMNS)).column_letter}{max(row - 1, 5)}"
    _print_setup(ws, "5:5")
    return save_atomic(book, path)
