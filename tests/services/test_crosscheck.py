"""Cross-checking a cell's list against the register on a date."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import crosscheck, register
from tests.spreadsheets.builders import flat_list, person


@pytest.fixture
def cell_members(home_db, actor, cells, today, make_form):
    ids = []
    for n, (name, cccd) in enumerate((("Lê Văn Tám", "072150000001"), ("Trần Thị Hai", "072160000002"),
                                      ("Võ Văn Ba", "072150000003")), start=1):
        form = make_form(full_name=name, cccd=cccd, card_number=f"2000000{n}", gender="nam")
        ids.append(register.add_member(home_db, actor, form, cells["CB01"].id, today=today)[0])
    return ids


def row(name, cccd, card, **kw):
    base = {"Họ và tên": name, "Ngày sinh": "05/02/1960", "Giới tính": "Nam", "Số CCCD": cccd,
            "Số thẻ đảng viên": card, "Ngày vào Đảng": "16/01/1994", "Ngày chính thức": "16/01/1995",
            "Nơi ở hiện nay": "Ấp Cầu Xe, xã Hưng Thuận"}
    base.update(kw)
    return person(1, **base)


def test_crosscheck_finds_missing_and_different(home_db, cells, cell_members, today, tmp_path):
    path = flat_list(tmp_path / "cb01.xlsx", [
        row("Lê Văn Tám", "072150000001", "20000001"),
        row("Trần Thị Hai", "072160000002", "20000002", **{"Ngày chính thức": "20/01/1995"}),
        row("Người Lạ", "072150000009", "20000009"),
    ])
    result = crosscheck.crosscheck_file(home_db, path, cell_id=cells["CB01"].id, today=today)
    by_status = {line.status: line for line in result.lines}
    assert result.counts == {"same": 1, "differs": 1, "only_in_file": 1, "only_in_register": 1, "unreadable": 0}
    assert "Ngày chính thức: trong danh sách «20/01/1995», trong sổ «16/01/1995»" in by_status["differs"].details
    assert by_status["only_in_register"].full_name == "Võ Văn Ba"
    assert not result.agrees
    report = crosscheck.save_report(result, tmp_path / "doi-chieu.xlsx")
    ws = openpyxl.load_workbook(report).active
    assert ws.cell(4, 1).value == "Kết quả" and ws.max_row == 8


def test_crosscheck_on_a_date_before_the_members_joined(home_db, cells, cell_members, today, tmp_path):
    path = flat_list(tmp_path / "cu.xlsx", [row("Lê Văn Tám", "072150000001", "20000001")])
    result = crosscheck.crosscheck_file(home_db, path, cell_id=cells["CB01"].id, on=date(1990, 1, 1), today=today)
    assert [line.status for line in result.lines] == ["only_in_file"]


def test_crosscheck_needs_a_cell(home_db, tmp_path):
    with pytest.raises(DomainError):
        crosscheck.crosscheck_file(home_db, tmp_path / "x.xlsx", cell_id=None)
