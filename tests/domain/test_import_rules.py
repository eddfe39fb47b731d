"""Import rules: header names, dates, identifiers, capitalisation, records, matching."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tayninh_desktop.domain.import_headers import column_letter, detect_header, header_target
from tayninh_desktop.domain.import_rules import Identity, MatchKind, decide_match, merge_data
from tayninh_desktop.domain.import_values import (
    SourceCell,
    capitalise_address,
    read_date,
    read_gender,
    read_number,
)
from tayninh_desktop.domain.members import parse_member_form
from tayninh_desktop.spreadsheets.records import group_records

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize("header, target", [
    ("STT", "row_number"), ("Số TT", "row_number"), ("tt", "row_number"),
    ("Họ và tên", "full_name"), ("HO VA TEN KHAI SINH", "full_name"), ("Họ tên đảng viên", "full_name"),
    ("Họ và tên khai sinh, ngày sinh", "name_birth"),
    ("Ngày, tháng, năm sinh", "birth_date"), ("Năm sinh", "birth_date"), ("Ngay sinh", "birth_date"),
    ("Nam/Nữ", "gender"), ("Giới tính", "gender"), ("Nam, nữ, dân tộc, tôn giáo", "gender_ethnicity_religion"),
    ("Số CCCD", "cccd"), ("Số định danh cá nhân", "cccd"), ("CMND/CCCD", "cccd"),
    ("Số thẻ đảng viên", "card_number"), ("Số thẻ ĐV", "card_number"), ("Số lý lịch", "dossier_number"),
    ("Số thẻ đảng viên, số lý lịch, số Huy hiệu Đảng", "party_numbers"),
    ("Ngày vào Đảng", "joined_on"), ("Ngày kết nạp", "joined_on"), ("Ngày chính thức", "full_member_on"),
    ("Ngày vào Đảng, ngày chính thức", "party_dates"),
    ("Quê quán", "hometown"), ("Nơi thường trú", "permanent_address"), ("Nơi ở hiện nay", "current_address"),
    ("Địa chỉ", "current_address"), ("Chi bộ", "cell"), ("Điện thoại", "phone"), ("Ghi chú", "notes"),
    ("Ngày từ trần, lý do", "died_column"), ("Ngày chuyển đi, đến đảng bộ cơ sở nào", "moved_out_column"),
    ("Văn hóa, lý luận, CMNV, ngoại ngữ", "education"), ("Lý luận chính trị", "political_theory"),
    ("Màu yêu thích", None), ("", None),
])
def test_header_target(header, target):
    assert header_target(header) == target


@pytest.mark.parametrize("value, allow_year, expected", [
    (datetime(1960, 2, 5), True, "05/02/1960"),
    (date(1960, 2, 5), True, "05/02/1960"),
    (21951.0, True, "05/02/1960"),  # Excel serial
    ("05/02/1960", True, "05/02/1960"),
    ("5/2/60", True, "05/02/1960"),
    ("5/2/05", True, "05/02/2005"),
    ("05-02-1960", True, "05/02/1960"),
    ("05.02.1960", True, "05/02/1960"),
    ("1960-02-05", True, "05/02/1960"),
    ("ngày 5 tháng 2 năm 1960", True, "05/02/1960"),
    ("Ngày 05 tháng 02 năm 1960", True, "05/02/1960"),
    ("1960", True, "1960"),
    (1960, True, "1960"),
    ("năm 1960", True, "1960"),
    ("31/02/1960", True, "31/02/1960"),  # impossible: kept as typed for the check to name
    ("ngày 31 tháng 2 năm 1960", True, "ngày 31 tháng 2 năm 1960"),
    ("", True, ""), (None, True, ""),
])
def test_read_date(value, allow_year, expected):
    assert read_date(value, allow_year=allow_year, today=TODAY) == expected


def test_impossible_date_is_refused_by_the_form_check():
    form = {"full_name": "A B", "gender": "nam", "birth_date": read_date("31/02/1960", allow_year=True, today=TODAY),
            "joined_on": "01/01/1990"}
    with pytest.raises(Exception) as info:
        parse_member_form(form, TODAY)
    assert "31/02/1960" in info.value.message


@pytest.mark.parametrize("name, value, expected", [
    ("cccd", 72297102822.0, "072297102822"), ("cccd", "072297102822", "072297102822"),
    ("cccd", "0722 9710 2822", "072297102822"), ("card_number", 12345.0, "12345"),
    ("card_number", 123456.0, "00123456"), ("phone", 912345678.0, "0912345678"), ("cccd", "'072297102822", "072297102822"),
])
def test_read_number(name, value, expected):
    assert read_number(name, value) == expected


@pytest.mark.parametrize("text, expected", [("Nam", "nam"), ("NỮ", "nu"), ("nu", "nu"), ("Nữ.", "nu"), ("?", "?")])
def test_read_gender(text, expected):
    assert read_gender(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ấp cầu xe, xã hưng thuận", "Ấp Cầu Xe, xã Hưng Thuận"),
    ("khu phố ninh trung, xã hưng thuận", "Khu phố Ninh Trung, xã Hưng Thuận"),
    ("tổ 5, ấp bàu sen, xã hưng thuận, tỉnh tây ninh", "Tổ 5, ấp Bàu Sen, xã Hưng Thuận, tỉnh Tây Ninh"),
])
def test_capitalise_address(text, expected):
    assert capitalise_address(text) == expected


def test_column_letter():
    assert [column_letter(i) for i in (0, 25, 26, 27)] == ["A", "Z", "AA", "AB"]


def test_detect_header_skips_title_and_prefers_real_header():
    rows = [["DANH SÁCH ĐẢNG VIÊN", "", ""], ["", "", ""], ["TT", "Họ và tên", "Ngày sinh"], ["1", "A", "1960"]]
    guess = detect_header(rows)
    assert (guess.first_row, guess.last_row) == (2, 2)
    assert guess.mapping == {0: "row_number", 1: "full_name", 2: "birth_date"}


def test_detect_header_needs_a_name_column():
    assert detect_header([["Ngày sinh", "Số CCCD", "Ghi chú"]]) is None


def _cells(rows):
    return [[SourceCell(v) for v in row] for row in rows]


def test_group_records_multirow_sections_and_footer():
    rows = _cells([
        ["Chi bộ ấp Cầu Xe", None, None],
        [1, "Lê Văn Tám", "Nam"], [None, "16/05/1950", "Kinh"], [None, None, "Công giáo"],
        [None, None, None],
        [2, "Trần Thị Hai", "Nữ"],
        ["Tổng số: 2 đảng viên", None, None],
        [3, "Không đọc", "Nam"],
    ])
    records = group_records(rows, {0: "row_number", 1: "name_birth", 2: "gender_ethnicity_religion"}, 0)
    assert [r.rows for r in records] == [(1, 2, 3), (5,)]
    assert records[0].section == "Chi bộ ấp Cầu Xe"


def _id(member_id, cccd="", card="", name="Lê Văn Tám"):
    return Identity(member_id, name, date(1950, 5, 16), cccd, card)


@pytest.mark.parametrize("args, kind, member", [
    (("111", "", _id("a", "111"), None, []), MatchKind.MATCHED, "a"),
    (("111", "9", _id("a", "111", "9"), _id("a", "111", "9"), []), MatchKind.MATCHED, "a"),
    (("111", "9", _id("a", "111"), _id("b", "", "9"), []), MatchKind.AMBIGUOUS, None),
    (("", "9", None, _id("b", "222", "9"), []), MatchKind.MATCHED, "b"),
    (("111", "9", None, _id("b", "222", "9"), []), MatchKind.AMBIGUOUS, None),
    (("", "", None, None, [_id("c")]), MatchKind.MATCHED, "c"),
    (("", "", None, None, [_id("c"), _id("d")]), MatchKind.AMBIGUOUS, None),
    (("111", "", None, None, [_id("c", "222")]), MatchKind.AMBIGUOUS, None),
    (("", "", None, None, []), MatchKind.NEW, None),
])
def test_decide_match(args, kind, member):
    decision = decide_match(*args)
    assert decision.kind is kind
    assert decision.member_id == member


def test_merge_data_changes_only_filled_fields_the_file_has():
    before = parse_member_form({"full_name": "Lê Văn Tám", "gender": "nam", "birth_date": "16/05/1950",
                                "joined_on": "03/02/1976", "phone": "0912345678"}, TODAY)
    row = parse_member_form({"full_name": "Lê Văn Tám", "gender": "nam", "birth_date": "16/05/1950",
                             "joined_on": "03/02/1976", "full_member_on": "03/02/1977"}, TODAY)
    after, diffs = merge_data(before, row, {"full_name", "gender", "birth_date", "joined_on", "full_member_on",
                                            "phone"})
    assert [(d.field, d.before, d.after) for d in diffs] == [("full_member_on", "", "03/02/1977")]
    assert after.phone == "0912345678" and after.full_member_on == date(1977, 2, 3)
    assert merge_data(after, row, {"full_member_on"}) == (after, [])
