"""Importing member lists into the register: dry run, matching, one transaction, reports."""

from __future__ import annotations

import openpyxl
import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.import_rules import RowStatus
from tayninh_desktop.services import importing, register
from tayninh_desktop.storage import audit, members_repo
from tests.spreadsheets.builders import flat_list, person, sample


def count(db) -> int:
    return members_repo.count(db)


def run(db, actor, path, cells, today, **kwargs):
    kwargs.setdefault("cell_id", cells["CB01"].id)
    return importing.import_file(db, actor, path, today=today, **kwargs)


def test_dry_run_reports_every_row_and_writes_nothing(home_db, actor, cells, today, tmp_path):
    path = flat_list(tmp_path / "ds.xlsx", [person(1), person(2)])
    audit_rows = len(audit.recent(home_db, 1000))
    result = run(home_db, actor, path, cells, today, dry_run=True)
    assert not result.applied
    assert [o.status for o in result.plan.outcomes] == [RowStatus.ADDED, RowStatus.ADDED]
    assert [o.first_row for o in result.plan.outcomes] == [2, 3]
    assert count(home_db) == 0 and len(audit.recent(home_db, 1000)) == audit_rows


def test_import_adds_members_into_the_cell_and_twice_changes_nothing(home_db, actor, cells, today, tmp_path):
    path = flat_list(tmp_path / "ds.xlsx", [person(1), person(2)])
    first = run(home_db, actor, path, cells, today)
    assert first.applied and len(first.added) == 2
    in_cell = register.members_in_cell_on(home_db, cells["CB01"].id, today)
    assert {m.full_name for m in in_cell} == {"Nguyễn Văn Thử A", "Nguyễn Văn Thử B"}
    assert audit.recent(home_db, 1)[0].action == "import_members"
    second = run(home_db, actor, path, cells, today)
    assert second.plan.counts["unchanged"] == 2 and not second.added and not second.updated
    assert count(home_db) == 2


def test_matched_member_is_updated_field_by_field(home_db, actor, cells, today, tmp_path, make_form):
    member_id, _ = register.add_member(home_db, actor, make_form(cccd="072170000001", phone="0912345678"),
                                       cells["CB02"].id, today=today)
    row = person(1, **{"Họ và tên": "Nguyễn Thị Ánh Tuyết", "Ngày sinh": "05/02/1960", "Giới tính": "Nữ",
                       "Số thẻ đảng viên": "12345678", "Ngày vào Đảng": "16/01/1994",
                       "Ngày chính thức": "16/01/1995", "Nơi ở hiện nay": "Ấp Suối Dộp, xã Hưng Thuận"})
    result = run(home_db, actor, flat_list(tmp_path / "sua.xlsx", [row]), cells, today)
    outcome = result.plan.outcomes[0]
    assert outcome.status is RowStatus.UPDATED and outcome.member_id == member_id
    assert [(d.field, d.after) for d in outcome.diffs] == [("current_address", "Ấp Suối Dộp, xã Hưng Thuận")]
    member = register.get_member(home_db, member_id)
    assert member.current_address == "Ấp Suối Dộp, xã Hưng Thuận"
    assert member.phone == "0912345678" and member.cell_id == cells["CB02"].id  # kept: not in the file


def test_match_by_name_and_birth_when_no_identifiers(home_db, actor, cells, today, tmp_path, make_form):
    member_id, _ = register.add_member(home_db, actor, make_form(cccd="", card_number=""), cells["CB01"].id,
                                       today=today)
    row = person(1, **{"Họ và tên": "NGUYEN THI ANH TUYET", "Ngày sinh": "5/2/1960", "Số CCCD": "",
                       "Số thẻ đảng viên": "", "Ngày vào Đảng": "16/01/1994", "Ngày chính thức": "16/01/1995",
                       "Giới tính": "Nữ", "Nơi ở hiện nay": "Ấp Cầu Xe, xã Hưng Thuận"})
    plan = run(home_db, actor, flat_list(tmp_path / "ten.xlsx", [row]), cells, today, dry_run=True).plan
    assert plan.outcomes[0].member_id == member_id
    assert plan.outcomes[0].status is RowStatus.UPDATED  # the capitals differ: shown, not guessed away


def test_ambiguous_rows_are_held_never_guessed(home_db, actor, cells, today, tmp_path, make_form):
    for cccd, card in (("072160000001", "10000001"), ("072160000002", "10000002")):
        register.add_member(home_db, actor, make_form(cccd=cccd, card_number=card), cells["CB01"].id, today=today)
    row = person(1, **{"Họ và tên": "Nguyễn Thị Ánh Tuyết", "Ngày sinh": "05/02/1960", "Số CCCD": "",
                       "Số thẻ đảng viên": "", "Giới tính": "Nữ", "Ngày vào Đảng": "16/01/1994"})
    path = flat_list(tmp_path / "mo-ho.xlsx", [row, person(2)])
    result = run(home_db, actor, path, cells, today)
    assert [o.status for o in result.plan.outcomes] == [RowStatus.HELD, RowStatus.ADDED]
    assert "2 đảng viên" in result.plan.outcomes[0].issues[0].message
    assert not result.applied and count(home_db) == 2
    accepted = run(home_db, actor, path, cells, today, accept_valid=True)
    assert accepted.applied and len(accepted.added) == 1 and count(home_db) == 3


def test_cccd_shared_by_two_rows_refuses_both_naming_both(home_db, actor, cells, today, tmp_path):
    path = flat_list(tmp_path / "trung.xlsx", [person(1, **{"Số CCCD": "072170099999"}), person(2),
                                               person(3, **{"Số CCCD": "072170099999"})])
    plan = run(home_db, actor, path, cells, today, dry_run=True).plan
    refused = [o for o in plan.outcomes if o.status is RowStatus.REFUSED]
    assert [o.first_row for o in refused] == [2, 4]
    for outcome in refused:
        assert "dòng 2, 4" in outcome.issues[0].message
        assert "cột E («Số CCCD»)" in outcome.issues[0].message


def test_impossible_date_names_file_sheet_row_and_column(home_db, actor, cells, today, tmp_path):
    path = flat_list(tmp_path / "ngay.xlsx", [person(1, **{"Ngày sinh": "31/02/1960"})])
    result = run(home_db, actor, path, cells, today)
    message = result.plan.outcomes[0].issues[0].message
    assert message.startswith("Tệp «ngay.xlsx», trang «Danh sách», dòng 2, cột C («Ngày sinh»)")
    assert "31/02/1960" in message
    assert not result.applied and count(home_db) == 0


def test_missing_required_column_is_named(home_db, actor, cells, today, tmp_path):
    headers = ["STT", "Họ và tên", "Ngày sinh", "Giới tính"]
    path = flat_list(tmp_path / "thieu.xlsx", [[1, "Lê Văn Tám", "16/05/1950", "Nam"]], headers=headers)
    message = run(home_db, actor, path, cells, today, dry_run=True).plan.outcomes[0].issues[0].message
    assert "dòng 2" in message and "Ngày vào Đảng: tệp không có cột này" in message


def test_refused_rows_block_the_whole_import_unless_accepted(home_db, actor, cells, today, tmp_path):
    path = flat_list(tmp_path / "ds.xlsx", [person(1), person(2, **{"Giới tính": "?"})])
    source = importing.open_source(home_db, path)
    plan = importing.plan_import(home_db, source, cell_id=cells["CB01"].id, today=today)
    with pytest.raises(DomainError) as info:
        importing.apply_import(home_db, actor, plan, today=today)
    assert info.value.code == "import_rows_refused" and count(home_db) == 0
    result = importing.apply_import(home_db, actor, plan, accept_valid=True, today=today)
    assert len(result.added) == 1 and count(home_db) == 1


def test_cancel_rolls_everything_back(home_db, actor, cells, today, tmp_path):
    path = flat_list(tmp_path / "ds.xlsx", [person(1), person(2)])
    plan = importing.plan_import(home_db, importing.open_source(home_db, path), cell_id=cells["CB01"].id, today=today)
    with pytest.raises(DomainError) as info:
        importing.apply_import(home_db, actor, plan, today=today, cancelled=lambda: True)
    assert info.value.code == "import_cancelled" and count(home_db) == 0


def test_cell_column_or_cell_option(home_db, actor, cells, today, tmp_path):
    headers = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Chi bộ"]
    rows = [[1, "Lê Văn Tám", "16/05/1950", "Nam", "03/02/1976", "Chi bộ ấp Suối Dộp"],
            [2, "Lê Văn Chín", "16/05/1951", "Nam", "03/02/1977", "CB01"],
            [3, "Lê Văn Mười", "16/05/1952", "Nam", "03/02/1978", "Ấp Không Có"]]
    path = flat_list(tmp_path / "chi-bo.xlsx", rows, headers=headers)
    plan = importing.import_file(home_db, actor, path, dry_run=True, today=today).plan
    assert [o.cell_id for o in plan.outcomes[:2]] == [cells["CB02"].id, cells["CB01"].id]
    assert "Ấp Không Có" in plan.outcomes[2].issues[0].message
    no_cell = flat_list(tmp_path / "khong.xlsx", [person(1)])
    outcome = importing.import_file(home_db, actor, no_cell, dry_run=True, today=today).plan.outcomes[0]
    assert outcome.status is RowStatus.REFUSED and "chưa chọn chi bộ" in outcome.issues[0].message


@pytest.mark.parametrize("name", ["danh-sach-tcvn3.xls", "danh-sach-vni.xlsx"])
def test_samples_import_with_report(home_db, actor, cells, today, tmp_path, name):
    result = run(home_db, actor, sample(name), cells, today, accept_valid=True)
    counts = result.plan.counts
    assert counts["added"] + counts["refused"] == 50 and counts["added"] >= 45
    assert any(o.conversions for o in result.plan.outcomes)
    report = importing.save_report(result.plan, tmp_path / "bao-cao.xlsx")
    ws = openpyxl.load_workbook(report).active
    header_row = result.plan.source.header.first_row + 1
    values = [c.value for c in ws[header_row]]
    assert "Kết quả nhập" in values
    column = values.index("Kết quả nhập") + 1
    statuses = {ws.cell(o.first_row, column).value for o in result.plan.outcomes}
    assert statuses <= {"Thêm mới", "Từ chối"}
    again = run(home_db, actor, sample(name), cells, today, dry_run=True)
    assert again.plan.counts["unchanged"] == counts["added"]


def test_remembered_mapping_is_used_next_time(home_db, actor, cells, today, tmp_path):
    headers = ["STT", "Họ và tên", "Sinh", "Giới tính", "Số CCCD", "Số thẻ đảng viên", "Ngày vào Đảng",
               "Ngày chính thức", "Nơi ở hiện nay"]
    path = flat_list(tmp_path / "la.xlsx", [person(1)], headers=headers)
    source = importing.open_source(home_db, path)
    assert 2 not in source.mapping and importing.required_missing(source) == ["birth_date"]
    importing.remember_mapping(home_db, actor, source, {**source.mapping, 2: "birth_date"})
    again = importing.open_source(home_db, path)
    assert again.remembered and again.mapping[2] == "birth_date"
    assert importing.plan_import(home_db, again, cell_id=cells["CB01"].id, today=today).counts["added"] == 1
