"""Held rows settled by the user: which member it is, a new member, or skip; checked, one transaction."""

from __future__ import annotations

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.import_rules import RowStatus
from tayninh_desktop.services import importing, register
from tayninh_desktop.storage import audit, members_repo
from tests.spreadsheets.builders import flat_list, person

TUYET = {"Họ và tên": "Nguyễn Thị Ánh Tuyết", "Ngày sinh": "05/02/1960", "Số CCCD": "", "Số thẻ đảng viên": "",
         "Giới tính": "Nữ", "Ngày vào Đảng": "16/01/1994", "Ngày chính thức": "16/01/1995",
         "Nơi ở hiện nay": "Ấp Suối Dộp"}


@pytest.fixture
def two_tuyet(home_db, actor, cells, today, make_form):
    """Two members of the register with the same name and birth date (told apart only by CCCD)."""
    ids = []
    for cccd, card, cell in (("072160000001", "10000001", "CB01"), ("072160000002", "10000002", "CB02")):
        member_id, _ = register.add_member(home_db, actor, make_form(cccd=cccd, card_number=card), cells[cell].id,
                                           today=today)
        ids.append(member_id)
    return ids


def plan_of(db, path, cells, today):
    source = importing.open_source(db, path)
    return importing.plan_import(db, source, cell_id=cells["CB01"].id, today=today)


def test_held_row_lists_its_candidates(home_db, cells, today, tmp_path, two_tuyet):
    plan = plan_of(home_db, flat_list(tmp_path / "a.xlsx", [person(1, **TUYET)]), cells, today)
    held = plan.outcomes[0]
    assert held.status is RowStatus.HELD
    assert {c.member_id for c in held.candidates} == set(two_tuyet)
    assert {(c.birth, c.cell_name, c.cccd) for c in held.candidates} == {
        ("05/02/1960", "Chi bộ ấp Cầu Xe", "072160000001"), ("05/02/1960", "Chi bộ ấp Suối Dộp", "072160000002")}


def test_choosing_a_member_updates_that_member_in_one_transaction(home_db, actor, cells, today, tmp_path, two_tuyet):
    path = flat_list(tmp_path / "a.xlsx", [person(1, **TUYET), person(2)])
    plan = plan_of(home_db, path, cells, today)
    result = importing.apply_import(home_db, actor, plan, decisions={2: two_tuyet[1]}, today=today)
    assert result.applied and result.updated == (two_tuyet[1],) and len(result.added) == 1
    assert register.get_member(home_db, two_tuyet[1]).current_address == "Ấp Suối Dộp"
    assert register.get_member(home_db, two_tuyet[0]).current_address != "Ấp Suối Dộp"
    entry = audit.recent(home_db, 1)[0]
    assert entry.action == "import_members" and entry.after["decisions"] == {"2": two_tuyet[1]}


def test_new_and_skip(home_db, actor, cells, today, tmp_path, two_tuyet):
    path = flat_list(tmp_path / "a.xlsx", [person(1, **TUYET), person(2, **{**TUYET, "Ngày sinh": "05/02/1960"})])
    plan = plan_of(home_db, path, cells, today)
    assert plan.counts["held"] == 2
    settled = importing.apply_decisions(home_db, plan, {2: "new", 3: "skip"})
    assert [o.status for o in settled.outcomes] == [RowStatus.ADDED, RowStatus.SKIPPED]
    assert "thêm mới" in importing.outcome_detail(settled.outcomes[0])
    assert settled.held and not settled.blocked   # the dry run keeps what was held
    result = importing.apply_import(home_db, actor, settled, today=today)
    assert len(result.added) == 1 and members_repo.count(home_db) == 3


@pytest.mark.parametrize(("decide", "message"), [
    ({9: "new"}, "không có dòng đảng viên nào ở dòng 9"),
    ({3: "new"}, "dòng này không chờ quyết định"),
    ({2: "ai-do"}, "không phải một trong các đảng viên"),
])
def test_bad_decisions_are_refused_naming_file_sheet_row(home_db, actor, cells, today, tmp_path, two_tuyet,
                                                         decide, message):
    path = flat_list(tmp_path / "a.xlsx", [person(1, **TUYET), person(2)])
    plan = plan_of(home_db, path, cells, today)
    with pytest.raises(DomainError) as info:
        importing.apply_import(home_db, actor, plan, decisions=decide, today=today)
    assert message in info.value.message and "Tệp «a.xlsx», trang «Danh sách»" in info.value.message
    assert members_repo.count(home_db) == 2   # nothing half-written


def test_new_cannot_take_a_cccd_the_register_gives_someone(home_db, actor, cells, today, tmp_path, make_form):
    # CCCD of one member, card number of another: held; "new" would give two people one CCCD.
    a, _ = register.add_member(home_db, actor, make_form(cccd="072160000001", card_number="10000001"),
                               cells["CB01"].id, today=today)
    register.add_member(home_db, actor, make_form(full_name="Lê Văn Tám", cccd="072160000002", card_number="10000002"),
                        cells["CB01"].id, today=today)
    row = person(1, **{**TUYET, "Số CCCD": "072160000001", "Số thẻ đảng viên": "10000002"})
    plan = plan_of(home_db, flat_list(tmp_path / "a.xlsx", [row]), cells, today)
    assert plan.outcomes[0].status is RowStatus.HELD and len(plan.outcomes[0].candidates) == 2
    with pytest.raises(DomainError) as info:
        importing.apply_decisions(home_db, plan, {2: "new"})
    assert "072160000001" in info.value.message
    with pytest.raises(DomainError) as info:
        importing.apply_decisions(home_db, plan, {2: a})   # the card number belongs to the other member
    assert "10000002" in info.value.message


def test_two_rows_cannot_become_one_member(home_db, actor, cells, today, tmp_path, two_tuyet):
    path = flat_list(tmp_path / "a.xlsx", [person(1, **TUYET), person(2, **TUYET)])
    plan = plan_of(home_db, path, cells, today)
    with pytest.raises(DomainError) as info:
        importing.apply_decisions(home_db, plan, {2: two_tuyet[0], 3: two_tuyet[0]})
    assert "các dòng 2, 3" in info.value.message


def test_same_name_and_birth_twice_in_the_file_is_held_not_added_twice(home_db, actor, cells, today, tmp_path):
    twin = {"Họ và tên": "Lê Văn Tám", "Ngày sinh": "16/05/1950", "Số CCCD": "", "Số thẻ đảng viên": ""}
    path = flat_list(tmp_path / "a.xlsx", [person(1, **twin), person(2), person(3, **{**twin, "Họ và tên": "LE VAN TAM"})])
    result = importing.import_file(home_db, actor, path, cell_id=cells["CB01"].id, today=today)
    statuses = [o.status for o in result.plan.outcomes]
    assert statuses == [RowStatus.HELD, RowStatus.ADDED, RowStatus.HELD] and not result.applied
    assert "dòng 4" in result.plan.outcomes[0].issues[0].message
    done = importing.import_file(home_db, actor, path, cell_id=cells["CB01"].id, today=today,
                                 decisions={2: "new", 4: "skip"})
    assert done.applied and len(done.added) == 2 and members_repo.count(home_db) == 2


def test_twins_with_their_own_cccd_are_two_people(home_db, actor, cells, today, tmp_path):
    twin = {"Họ và tên": "Lê Văn Tám", "Ngày sinh": "16/05/1950", "Số thẻ đảng viên": ""}
    path = flat_list(tmp_path / "a.xlsx", [person(1, **{**twin, "Số CCCD": "072150000001"}),
                                           person(2, **{**twin, "Số CCCD": "072150000002"})])
    result = importing.import_file(home_db, actor, path, cell_id=cells["CB01"].id, today=today)
    assert result.applied and len(result.added) == 2
