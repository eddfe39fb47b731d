"""Hand-kept lists where one member spans several rows: the number cell merged over them, continuation rows
without a number. One member per number; the continuation text goes to its own column's field."""

from __future__ import annotations

import openpyxl

from tayninh_desktop.domain.import_rules import RowStatus
from tayninh_desktop.services import importing

HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Ngày chính thức", "Quê quán",
           "Nơi ở hiện nay", "Ghi chú"]


def hand_kept(path, members, *, merge_names: bool = False):
    """Each member on its own rows: STT merged over them; the second row continues the address, the hometown and
    the note, and (a hand-typed habit) may carry the other name under the name."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.cell(1, 1, "DANH SÁCH ĐẢNG VIÊN CHI BỘ ẤP CẦU XE")
    ws.merge_cells("A1:I1")
    for c, text in enumerate(HEADERS, start=1):
        ws.cell(3, c, text)
    row = 4
    for n, m in enumerate(members, start=1):
        lines = m["lines"]
        ws.cell(row, 1, n)
        ws.merge_cells(start_row=row, start_column=1, end_row=row + len(lines) - 1, end_column=1)
        if merge_names:
            ws.merge_cells(start_row=row, start_column=2, end_row=row + len(lines) - 1, end_column=2)
        for i, values in enumerate(lines):
            for c, value in values.items():
                ws.cell(row + i, HEADERS.index(c) + 1, value)
        row += len(lines)
    ws.cell(row + 1, 2, "Tổng số: " + str(len(members)))
    book.save(path)
    return path


MEMBERS = [
    {"lines": [{"Họ và tên": "Nguyễn Văn Tám", "Ngày sinh": "02/03/1970", "Giới tính": "Nam",
                "Ngày vào Đảng": "15/04/1995", "Ngày chính thức": "15/04/1996", "Quê quán": "xã Hưng Thuận,",
                "Nơi ở hiện nay": "Ấp Cầu Xe,", "Ghi chú": "Chuyển đến"},
               {"Quê quán": "huyện Trảng Bàng", "Nơi ở hiện nay": "xã Hưng Thuận", "Ghi chú": "năm 2019"}]},
    {"lines": [{"Họ và tên": "Trần Thị Chín", "Ngày sinh": "05/06/1975", "Giới tính": "Nữ",
                "Ngày vào Đảng": "03/02/2000", "Ngày chính thức": "03/02/2001", "Nơi ở hiện nay": "Ấp Suối Dộp,"},
               {"Nơi ở hiện nay": "xã Hưng Thuận,"},
               {"Nơi ở hiện nay": "tỉnh Tây Ninh"}]},
    {"lines": [{"Họ và tên": "Lê Văn Mười", "Ngày sinh": "01/01/1980", "Giới tính": "Nam",
                "Ngày vào Đảng": "19/05/2005", "Ngày chính thức": "19/05/2006", "Nơi ở hiện nay": "Ấp Cầu Xe"}]},
]


def _plan(db, path, cells, today):
    source = importing.open_source(db, path)
    return importing.plan_import(db, source, cell_id=cells["CB01"].id, today=today)


def test_one_member_per_number_with_continuations_appended(home_db, cells, today, tmp_path):
    plan = _plan(home_db, hand_kept(tmp_path / "tay.xlsx", MEMBERS), cells, today)
    assert [o.status for o in plan.outcomes] == [RowStatus.ADDED] * 3, [o.issues for o in plan.outcomes]
    assert [o.rows for o in plan.outcomes] == [(4, 5), (6, 7, 8), (9,)]
    first, second, _ = (o.data for o in plan.outcomes)
    assert first.current_address == "Ấp Cầu Xe, xã Hưng Thuận"
    assert first.hometown == "xã Hưng Thuận, huyện Trảng Bàng"
    assert second.current_address == "Ấp Suối Dộp, xã Hưng Thuận, tỉnh Tây Ninh"


def test_text_under_the_name_in_a_merged_number_stays_with_the_member(home_db, cells, today, tmp_path):
    members = [dict(m) for m in MEMBERS]
    members[0] = {"lines": [MEMBERS[0]["lines"][0], {**MEMBERS[0]["lines"][1], "Họ và tên": "(Tư Tám)"}]}
    plan = _plan(home_db, hand_kept(tmp_path / "ten.xlsx", members), cells, today)
    assert len(plan.outcomes) == 3, [(o.rows, o.issues) for o in plan.outcomes]
    assert plan.outcomes[0].rows == (4, 5) and plan.outcomes[0].status is RowStatus.ADDED
    assert plan.outcomes[0].data.full_name == "Nguyễn Văn Tám" and plan.outcomes[0].data.other_name == "Tư Tám"


def test_merged_names_and_numbers(home_db, cells, today, tmp_path):
    plan = _plan(home_db, hand_kept(tmp_path / "gop.xlsx", MEMBERS, merge_names=True), cells, today)
    assert [o.rows for o in plan.outcomes] == [(4, 5), (6, 7, 8), (9,)]
    assert all(o.status is RowStatus.ADDED for o in plan.outcomes)
