"""Member lists as xlsx: the Mẫu 7-HSĐV layout (three lines per member) and a flat list.

Both have Vietnamese headers, dates as real dates (dd/mm/yyyy), column widths and print set-up:
A4 landscape, header rows repeated on every page, fitted to the page width. The Mẫu 7 layout puts
each member on three rows (the combined columns' lines), with single-line columns merged over them;
with several cells a "Chi bộ …" row heads each cell's members; columns 9–13 come from the member's
events (``domain.register_book``). Both read back through the import.

Speed: a 10,000-member Mẫu 7 has 400,000 bordered cells. Each cell takes one of a few named styles
created once (assigning a NamedStyle copies its style ids; assigning Font/Border/Alignment objects
hashes them into the workbook's lists every time), and merged ranges are added without openpyxl
re-styling their edge cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tayninh_desktop.domain.members import Member
from tayninh_desktop.domain.register_book import RegisterColumns
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
    register: dict[str, RegisterColumns] = field(default_factory=dict)   # columns 9–13 by member id
    left: int = 0   # the last ``left`` members left during the year (a Mẫu 7 keeps them)

    def columns_of(self, member: Member) -> RegisterColumns:
        return self.register.get(member.id) or _NO_EVENTS


_NO_EVENTS = RegisterColumns()


def _birth(m: Member):
    return m.birth_date.year if m.birth_year_only else m.birth_date


# Mẫu 7-HSĐV: header, width, and the value of each of the member's three lines.
MAU7_COLUMNS: tuple[tuple[str, int, object], ...] = (
    ("Số TT", 6, None),
    ("Họ và tên khai sinh, ngày sinh", 26, lambda m, r: (m.full_name, _birth(m), m.other_name)),
    ("Nam, nữ, dân tộc, tôn giáo", 12, lambda m, r: (m.gender.label, m.ethnicity, m.religion)),
    ("Quê quán", 22, lambda m, r: (m.hometown,)),
    ("Văn hóa, lý luận, CMNV, ngoại ngữ", 16,
     lambda m, r: (m.education_general, m.political_theory, m.education_professional)),
    ("Nghề nghiệp trước khi vào Đảng, nghề nghiệp hiện nay", 16, lambda m, r: ("", m.occupation)),
    ("Ngày vào Đảng, ngày chính thức", 13, lambda m, r: (m.joined_on, m.full_member_on)),
    ("Số thẻ đảng viên, số lý lịch, số Huy hiệu Đảng", 13, lambda m, r: (m.card_number, m.dossier_number)),
    ("Bộ đội, công an, hưu trí", 9, lambda m, r: (r.service,)),
    ("Ngày chuyển đi, đến đảng bộ cơ sở nào", 12, lambda m, r: (r.moved_out_on, r.moved_out_to)),
    ("Ngày chuyển đến, ở đảng bộ cơ sở nào đến", 12, lambda m, r: (r.moved_in_on, r.moved_in_from)),
    ("Ngày từ trần, lý do", 10, lambda m, r: (r.died_on, r.death_reason)),
    ("Ngày ra khỏi Đảng, hình thức ra Đảng", 11, lambda m, r: (r.left_on, r.left_form)),
    ("Ghi chú", 14, lambda m, r: (m.notes,)),
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


HEADER, BODY, BODY_DATE, TITLE, PLAIN, UNIT = ("TN tiêu đề cột", "TN ô", "TN ô ngày", "TN tên danh sách", "TN chữ",
                                              "TN đơn vị")


def _add_styles(book) -> None:
    """The few named styles every cell of a list takes (created once per workbook)."""
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centred = Alignment(wrap_text=True, vertical="center", horizontal="center")
    top_left = Alignment(wrap_text=True, vertical="top")
    body = Font(name="Times New Roman", size=10)
    for name, font, alignment, border, number_format in (
            (HEADER, Font(name="Times New Roman", bold=True, size=10), centred, box, "General"),
            (BODY, body, top_left, box, "General"),
            (BODY_DATE, body, top_left, box, DATE_FORMAT),
            (TITLE, Font(name="Times New Roman", bold=True, size=14), centred, Border(), "General"),
            (PLAIN, body, centred, Border(), "General"),
            (UNIT, Font(name="Times New Roman", bold=True, size=10), Alignment(), Border(), "General")):
        book.add_named_style(NamedStyle(name=name, font=font, alignment=alignment, border=border,
                                        number_format=number_format))


def _heading(ws, heading: ListHeading, width: int) -> None:
    ws.cell(1, 1, heading.unit_name.upper()).style = UNIT
    ws.cell(2, 1, heading.title).style = TITLE
    _merge(ws, 2, 1, 2, width)
    ws.cell(3, 1, heading.subtitle).style = PLAIN
    _merge(ws, 3, 1, 3, width)


def _print_setup(ws, title_rows: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.freeze_panes = f"A{int(title_rows.split(':')[1]) + 1}"


def _header_row(ws, row: int, columns, numbers: bool) -> None:
    from openpyxl.utils import get_column_letter

    for c, (header, width, _) in enumerate(columns, start=1):
        ws.cell(row, c, header).style = HEADER
        ws.column_dimensions[get_column_letter(c)].width = width
        if numbers:
            ws.cell(row + 1, c, c).style = HEADER


def _merge(ws, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """Merge a range known not to overlap another, whose cells are already styled.

    openpyxl's ``merge_cells`` checks the new range against every existing one (quadratic: a
    10,000-member Mẫu 7 has 80,000 merges) and then gives each edge cell a new Border object; the
    ranges here never overlap and every cell already carries its border, so add them directly.
    """
    from openpyxl.worksheet.cell_range import CellRange

    ws.merged_cells.ranges.add(CellRange(min_col=first_col, min_row=first_row, max_col=last_col, max_row=last_row))


def write_mau7(path: Path, heading: ListHeading, groups: list[CellGroup]) -> Path:
    """Sổ danh sách đảng viên, Mẫu 7-HSĐV: 14 columns, three rows per member."""
    import openpyxl

    book = openpyxl.Workbook()
    _add_styles(book)
    ws = book.active
    ws.title = "Mẫu 7-HSĐV"
    width = len(MAU7_COLUMNS)
    _heading(ws, heading, width)
    _header_row(ws, 5, MAU7_COLUMNS, numbers=True)
    row, number = 7, 0
    cell = ws.cell
    for group in groups:
        if len(groups) > 1:
            cell(row, 1, group.cell_name).style = HEADER
            for c in range(2, width + 1):
                cell(row, c).style = HEADER
            _merge(ws, row, 1, row, width)
            row += 1
        for member in group.members:
            number += 1
            register = group.columns_of(member)
            lines = [(number,)] + [values(member, register) for _, _, values in MAU7_COLUMNS[1:]]
            for c, values in enumerate(lines, start=1):
                for i in range(LINES):
                    value = values[i] if i < len(values) else None
                    target = cell(row + i, c, None if value == "" else value)
                    target.style = BODY_DATE if isinstance(value, date) else BODY
                if len(values) <= 1:
                    _merge(ws, row, c, row + LINES - 1, c)
            row += LINES
    _print_setup(ws, "5:6")
    return save_atomic(book, path)


def write_flat(path: Path, heading: ListHeading, groups: list[CellGroup]) -> Path:
    """One row per member, every field in its own column (for sorting, filtering, re-keying)."""
    import openpyxl

    book = openpyxl.Workbook()
    _add_styles(book)
    ws = book.active
    ws.title = "Danh sách"
    _heading(ws, heading, len(FLAT_COLUMNS))
    _header_row(ws, 5, FLAT_COLUMNS, numbers=False)
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
