from datetime import date

import pytest

from tayninh_desktop.domain.actors import Actor, Role
from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.services import integrity, organisation, register
from tayninh_desktop.storage import audit


def count(db, table):
    return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_add_member_writes_member_events_periods_and_audit(home_db, cells, actor, make_form, today):
    member_id, changes = register.add_member(home_db, actor, make_form(), cells["CB01"].id, today=today)
    member = register.get_member(home_db, member_id)
    assert member.status is MemberStatus.FULL and member.cell_id == cells["CB01"].id
    assert [e.kind for e in register.history(home_db, member_id)] == [EventKind.ADMITTED, EventKind.FULL_MEMBERSHIP]
    assert changes.members and member_id in changes.member_ids
    assert audit.recent(home_db, 1)[0].action == "add_member"
    assert integrity.check(home_db).ok


def test_duplicate_cccd_names_the_other_member_and_changes_nothing(home_db, cells, actor, make_form, today):
    register.add_member(home_db, actor, make_form(), cells["CB01"].id, today=today)
    before = (count(home_db, "members"), count(home_db, "member_events"), count(home_db, "audit_log"))
    with pytest.raises(ValidationError) as caught:
        register.add_member(home_db, actor, make_form(full_name="Trần Văn Bình", card_number="99999999"),
                            cells["CB02"].id, today=today)
    assert caught.value.issues[0].field == "cccd"
    assert "Nguyễn Thị Ánh Tuyết" in caught.value.message and "05/02/1960" in caught.value.message
    assert (count(home_db, "members"), count(home_db, "member_events"), count(home_db, "audit_log")) == before


def test_duplicate_card_number_is_refused(home_db, cells, actor, make_form, today):
    register.add_member(home_db, actor, make_form(), cells["CB01"].id, today=today)
    with pytest.raises(ValidationError) as caught:
        register.add_member(home_db, actor, make_form(cccd="072160102823"), cells["CB01"].id, today=today)
    assert [i.code for i in caught.value.issues] == ["duplicate_card_number"]


def test_update_keeps_history_and_audits_before_and_after(home_db, cells, actor, make_form, today):
    member_id, _ = register.add_member(home_db, actor, make_form(), cells["CB01"].id, today=today)
    register.update_member(home_db, actor, member_id, make_form(phone="0912345678"), today=today)
    entry = audit.recent(home_db, 1)[0]
    assert entry.action == "update_member" and entry.before["phone"] == "" and entry.after["phone"] == "0912345678"


def test_who_belonged_to_a_cell_on_a_date(home_db, cells, actor, make_form, today):
    a, _ = register.add_member(home_db, actor, make_form(), cells["CB01"].id, today=today)
    b, _ = register.add_member(home_db, actor, make_form(full_name="Lê Văn An", cccd="", card_number="",
                                                          gender="nam"), cells["CB01"].id, today=today)
    register.record_event(home_db, actor, b, EventKind.MOVED_CELL, date(2025, 3, 1), cell_id=cells["CB02"].id,
                          today=today)
    register.record_event(home_db, actor, a, EventKind.STRUCK_OFF, date(2025, 6, 1), doc_number="12-QĐ/ĐU",
                          today=today)
    on_2024 = [m.full_name for m in register.members_in_cell_on(home_db, cells["CB01"].id, date(2024, 12, 31))]
    assert on_2024 == ["Lê Văn An", "Nguyễn Thị Ánh Tuyết"]  # official order: An before Tuyết
    assert register.members_in_cell_on(home_db, cells["CB01"].id, date(2025, 12, 31)) == []
    assert register.get_member(home_db, a).status is MemberStatus.STRUCK_OFF


def test_impossible_event_is_refused_and_nothing_changes(home_db, cells, actor, make_form, today):
    member_id, _ = register.add_member(home_db, actor, make_form(), cells["CB01"].id, today=today)
    register.record_event(home_db, actor, member_id, EventKind.DIED, date(2025, 1, 1), today=today)
    before = count(home_db, "member_events")
    with pytest.raises(DomainError) as caught:
        register.record_event(home_db, actor, member_id, EventKind.EXEMPTED, date(2025, 6, 1), today=today)
    assert caught.value.code == "event_not_allowed" and "không còn trong sổ" in caught.value.message
    assert count(home_db, "member_events") == before


def test_future_event_is_refused(home_db, cells, actor, make_form, today):
    member_id, _ = register.add_member(home_db, actor, make_form(), cells["CB01"].id, today=today)
    with pytest.raises(ValidationError):
        register.record_event(home_db, actor, member_id, EventKind.EXEMPTED, date(2027, 1, 1), today=today)


def test_delete_event_rederives_status(home_db, cells, actor, make_form, today):
    member_id, _ = register.add_member(home_db, actor, make_form(), cells["CB01"].id, today=today)
    event_id, _ = register.record_event(home_db, actor, member_id, EventKind.EXEMPTED, date(2025, 1, 1), today=today)
    assert register.get_member(home_db, member_id).status is MemberStatus.EXEMPTED
    register.delete_event(home_db, actor, event_id, today=today)
    assert register.get_member(home_db, member_id).status is MemberStatus.FULL


def test_full_membership_event_sets_the_date(home_db, cells, actor, make_form, today):
    member_id, _ = register.add_member(home_db, actor, make_form(joined_on="01/12/2025", full_member_on=""),
                                       cells["CB01"].id, today=today)
    assert register.get_member(home_db, member_id).status is MemberStatus.PROBATIONARY
    register.record_event(home_db, actor, member_id, EventKind.FULL_MEMBERSHIP, date(2026, 11, 20), today=today)
    member = register.get_member(home_db, member_id)
    assert member.status is MemberStatus.FULL and member.full_member_on == date(2026, 11, 20)


def test_merge_moves_members_and_closes_the_cell(home_db, cells, actor, make_form, today):
    member_id, _ = register.add_member(home_db, actor, make_form(), cells["CB02"].id, today=today)
    register.merge_cells(home_db, actor, [cells["CB02"].id], cells["CB01"].id, date(2025, 7, 1), today=today)
    assert register.get_member(home_db, member_id).cell_id == cells["CB01"].id
    assert [m.id for m in register.members_in_cell_on(home_db, cells["CB02"].id, date(2025, 6, 30))] == [member_id]
    closed = organisation.unit(home_db, cells["CB02"].id)
    assert closed.valid_to == date(2025, 7, 1) and closed.merged_into_id == cells["CB01"].id
    assert cells["CB02"].id not in [c.id for c in organisation.cells(home_db)]


def test_viewer_cannot_write(home_db, cells, make_form, today):
    with pytest.raises(DomainError) as caught:
        register.add_member(home_db, Actor("khach", Role.VIEWER), make_form(), cells["CB01"].id, today=today)
    assert caught.value.code == "permission_denied"


def test_search_ignores_diacritics_case_and_finds_identifiers(home_db, cells, actor, make_form, today):
    member_id, _ = register.add_member(home_db, actor, make_form(), cells["CB01"].id, today=today)
    for query in ("nguyen thi anh", "NGUYỄN ánh", "tuyet", "072160", "12345", "tuyet 072", "tuyet a"):
        rows = register.summaries(home_db, register.list_rowids(home_db, search=query))
        assert [r.id for r in rows] == [member_id], query
    assert register.list_rowids(home_db, search="tran") == []
    assert register.list_rowids(home_db, search="tran") == []
    everyone = register.list_rowids(home_db)
    assert register.list_rowids(home_db, search='"*') == everyone  # FTS syntax never reaches the index
    assert register.list_rowids(home_db, search="n") == everyone   # a lone letter does not search yet
