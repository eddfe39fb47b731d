"""Identity is never overwritten by a list: a CCCD or card match that disagrees on name or birth date is
held for the user, side by side; dates that would rewrite a member's history are refused; an import
re-validates its dry run inside its write transaction."""

from __future__ import annotations

import json

import pytest

from tayninh_desktop.cli import main
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.import_rules import RowStatus
from tayninh_desktop.services import importing, organisation, register
from tests.spreadsheets.builders import flat_list, person

# The register's member: Nguyễn Thị Ánh Tuyết, born 05/02/1960, CCCD 072160102822, card 12345678,
# joined 16/01/1994, full member 16/01/1995 (conftest.member_form).
SAME_IDS = {"Số CCCD": "072160102822", "Số thẻ đảng viên": "12345678", "Giới tính": "Nữ",
            "Ngày vào Đảng": "16/01/1994", "Ngày chính thức": "16/01/1995"}


@pytest.fixture
def member(home_db, actor, cells, make_form, today):
    return register.add_member(home_db, actor, make_form(), cells["CB01"].id, today=today)[0]


def plan_of(db, path, cells, today):
    return importing.plan_import(db, importing.open_source(db, path), cell_id=cells["CB01"].id, today=today)


def test_same_cccd_another_person_is_held_side_by_side(home_db, actor, cells, today, tmp_path, member):
    path = flat_list(tmp_path / "ds.xlsx", [person(1, **{**SAME_IDS, "Họ và tên": "Trần Văn Khác",
                                                         "Ngày sinh": "03/04/1975"})])
    plan = plan_of(home_db, path, cells, today)
    (row,) = plan.outcomes
    assert row.status is RowStatus.HELD and row.issues[0].field == "full_name"
    message = row.issues[0].message
    assert "Trong tệp: Trần Văn Khác, sinh 03/04/1975" in message
    assert "Trong sổ: Nguyễn Thị Ánh Tuyết, sinh 05/02/1960" in message and "số CCCD 072160102822" in message
    assert [c.member_id for c in row.candidates] == [member]
    with pytest.raises(DomainError):
        importing.apply_import(home_db, actor, plan, today=today)
    assert register.get_member(home_db, member).full_name == "Nguyễn Thị Ánh Tuyết"


def test_a_card_match_with_another_birth_date_is_held(home_db, cells, today, tmp_path, member):
    path = flat_list(tmp_path / "ds.xlsx", [person(1, **{**SAME_IDS, "Số CCCD": "", "Họ và tên": "Nguyễn Thị Ánh Tuyết",
                                                         "Ngày sinh": "05/02/1961"})])
    (row,) = plan_of(home_db, path, cells, today).outcomes
    assert row.status is RowStatus.HELD and row.issues[0].field == "birth_date"
    assert "số thẻ đảng viên 12345678" in row.issues[0].message


def test_diacritics_or_a_bare_year_are_not_another_person(home_db, cells, today, tmp_path, member):
    path = flat_list(tmp_path / "ds.xlsx", [person(1, **{**SAME_IDS, "Họ và tên": "NGUYỄN THỊ ÁNH TUYẾT",
                                                         "Ngày sinh": "1960"})])
    (row,) = plan_of(home_db, path, cells, today).outcomes
    assert row.status in (RowStatus.UPDATED, RowStatus.UNCHANGED)


@pytest.mark.parametrize(("column", "value", "shown"), [
    ("Ngày vào Đảng", "16/01/1993", "Ngày vào Đảng trong tệp (16/01/1993) khác trong sổ (16/01/1994)"),
    ("Ngày chính thức", "16/01/1996", "Ngày chính thức trong tệp (16/01/1996) khác trong sổ (16/01/1995)"),
])
def test_dates_that_would_rewrite_history_are_refused(home_db, actor, cells, today, tmp_path, member, column, value,
                                                      shown):
    path = flat_list(tmp_path / "ds.xlsx", [person(1, **{**SAME_IDS, "Họ và tên": "Nguyễn Thị Ánh Tuyết",
                                                         "Ngày sinh": "05/02/1960", column: value})])
    plan = plan_of(home_db, path, cells, today)
    (row,) = plan.outcomes
    assert row.status is RowStatus.REFUSED and shown in row.issues[0].message
    assert "chỉ thay đổi qua sự kiện" in row.issues[0].message
    result = importing.apply_import(home_db, actor, plan, accept_valid=True, today=today)
    assert not result.updated
    assert register.get_member(home_db, member).joined_on.year == 1994


def test_the_user_may_say_it_is_the_member_and_the_name_is_then_corrected(home_db, actor, cells, today, tmp_path,
                                                                        member):
    path = flat_list(tmp_path / "ds.xlsx", [person(1, **{**SAME_IDS, "Họ và tên": "Nguyễn Thị Ánh Tuyền",
                                                         "Ngày sinh": "05/02/1960"})])
    plan = plan_of(home_db, path, cells, today)
    result = importing.apply_import(home_db, actor, plan, decisions={2: member}, today=today)
    assert result.updated == (member,)
    assert register.get_member(home_db, member).full_name == "Nguyễn Thị Ánh Tuyền"


def test_an_import_planned_before_another_write_is_checked_again(home_db, actor, cells, today, tmp_path, make_form):
    path = flat_list(tmp_path / "ds.xlsx", [person(1), person(2)])
    plan = plan_of(home_db, path, cells, today)
    assert plan.counts["added"] == 2
    organisation.create_unit(home_db, actor, code="CB03", name="Chi bộ ấp Mới")   # unrelated: the plan stands
    assert importing.apply_import(home_db, actor, plan, today=today).applied
    path = flat_list(tmp_path / "ds2.xlsx", [person(3)])
    plan = plan_of(home_db, path, cells, today)
    # meanwhile another user adds the same person by hand
    register.add_member(home_db, actor, make_form(full_name="Nguyễn Văn Thử C", cccd="072170000003",
                                                  card_number="00000003", birth_date="04/03/1970",
                                                  joined_on="15/04/1995", full_member_on="15/04/1996"),
                        cells["CB01"].id, today=today)
    count = home_db.execute("SELECT count(*) FROM members").fetchone()[0]
    with pytest.raises(DomainError) as caught:
        importing.apply_import(home_db, actor, plan, today=today)
    assert caught.value.code == "import_plan_stale"
    assert home_db.execute("SELECT count(*) FROM members").fetchone()[0] == count


def test_the_cli_shows_both_sides(home_db, cells, tmp_path, member, db_path, capsys):
    path = flat_list(tmp_path / "ds.xlsx", [person(1, **{**SAME_IDS, "Họ và tên": "Trần Văn Khác",
                                                         "Ngày sinh": "03/04/1975"})])
    assert main(["members", "import", str(path), "--db", str(db_path)]) == 1
    out = capsys.readouterr().out
    assert "Trong tệp: Trần Văn Khác, sinh 03/04/1975" in out and "Trong sổ: Nguyễn Thị Ánh Tuyết" in out
    assert f"--decide 2={member}" in out
    assert main(["members", "import", str(path), "--db", str(db_path), "--json"]) == 1
    row = json.loads(capsys.readouterr().out)["rows"][0]
    assert row["status"] == "held" and row["candidates"][0]["member_id"] == member
