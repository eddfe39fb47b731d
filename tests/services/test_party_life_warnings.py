"""Early warnings on a small hand-made register and on the demo register."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from tayninh_desktop.domain.away import EventDetails
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.domain.warnings import Severity, WarningKind
from tayninh_desktop.services import dues, meetings, register, transfers
from tayninh_desktop.services.warnings import compute_warnings, warning_as_dict
from tests.services.test_party_life_meetings import build_party


@pytest.fixture
def party(home_db, actor, cells, make_form, today):
    return build_party(home_db, actor, cells, make_form, today)


def _kinds(warnings, member_id=None):
    return {(w.kind, w.severity) for w in warnings if member_id is None or w.member_id == member_id}


def test_two_unexcused_absences_warn_three_reach(home_db, actor, cells, party, today):
    cb01 = cells["CB01"].id
    for day in ("10/01/2026", "10/02/2026"):
        meetings.record_meeting(home_db, actor, cb01, {"meeting_date": day},
                                attendance={party["binh"]: ("vang_khong_ly_do", "")}, today=today)
    assert (WarningKind.ABSENCES, Severity.NEAR) in _kinds(compute_warnings(home_db, today=today), party["binh"])
    meetings.record_meeting(home_db, actor, cb01, {"meeting_date": "10/03/2026"},
                            attendance={party["binh"]: ("vang_khong_ly_do", "")}, today=today)
    warnings = compute_warnings(home_db, cell_id=cb01, today=today)
    assert (WarningKind.ABSENCES, Severity.REACHED) in _kinds(warnings, party["binh"])
    assert all(w.cell_id == cb01 for w in warnings)


def test_excused_absences_do_not_count(home_db, actor, cells, party, today):
    for day in ("10/01/2026", "10/02/2026", "10/03/2026"):
        meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": day},
                                attendance={party["binh"]: ("vang_co_ly_do", "Ốm")}, today=today)
    assert not _kinds(compute_warnings(home_db, today=today), party["binh"])


def test_unpaid_months_warn(home_db, actor, cells, party, today):
    for month in ("01/2026", "04/2026"):
        dues.record_dues(home_db, actor, cells["CB01"].id, month, {party["an"]: (0, "chua_dong", "")}, today=today)
    warning = next(w for w in compute_warnings(home_db, today=today) if w.member_id == party["an"])
    assert warning.kind is WarningKind.UNPAID_DUES and warning.data["months"] == ["2026-01", "2026-04"]


def test_missing_meetings_and_probation(home_db, actor, cells, party, today):
    warnings = compute_warnings(home_db, today=today)
    missing = [w for w in warnings if w.kind is WarningKind.MISSING_MEETING and w.cell_id == cells["CB01"].id]
    assert [w.month for w in missing] == [f"2026-{m:02d}" for m in range(1, 11)]
    assert not [w for w in warnings if w.kind is WarningKind.PROBATION_DUE]  # Dũng: 12 months on 10/05/2027
    later = compute_warnings(home_db, today=date(2027, 4, 20))
    assert any(w.kind is WarningKind.PROBATION_DUE and w.member_id == party["dung"] for w in later)


def test_away_and_letters(home_db, actor, cells, party, today):
    register.record_event(home_db, actor, party["an"], EventKind.AWAY, date(2026, 1, 5), end_date=date(2027, 1, 4),
                          place="Bình Dương", doc_number="03-QĐ/ĐU", today=today)
    transfers.record_contact(home_db, actor, party["an"], date(2026, 6, 1), today=today)
    transfers.issue_letter(home_db, actor, party["binh"], "den", date(2026, 8, 3), today=today)
    kinds = _kinds(compute_warnings(home_db, today=today))
    assert (WarningKind.AWAY_NO_CONTACT, Severity.NEAR) in kinds
    assert (WarningKind.TRANSFER_OVERDUE, Severity.REACHED) in kinds  # overdue: the highest level


@pytest.fixture(scope="module")
def demo_1000(tmp_path_factory):
    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.services import demo
    from tayninh_desktop.storage.db import open_database

    db = open_database(tmp_path_factory.mktemp("pl") / "demo.sqlite3", create=True)
    demo.generate(db, Actor("demo"), members=1000, seed=7, today=date(2026, 11, 27))
    yield db
    db.conn.close()


def test_demo_has_every_kind_of_warning(demo_1000):
    warnings = compute_warnings(demo_1000, today=date(2026, 11, 27))
    assert set(Counter(w.kind for w in warnings)) == set(WarningKind)
    assert {w.severity for w in warnings} == set(Severity)
    assert all(warning_as_dict(w)["evidence"] for w in warnings)


def test_demo_rates_are_realistic(demo_1000):
    counts = dict(demo_1000.execute("SELECT state, COUNT(*) FROM attendance GROUP BY state").fetchall())
    total = sum(counts.values())
    assert counts["co_mat"] / total > 0.85
    assert 0.002 < counts["vang_khong_ly_do"] / total < 0.03
    unpaid = demo_1000.execute("SELECT AVG(state = 'chua_dong') FROM dues").fetchone()[0]
    assert 0.001 < unpaid < 0.03


def test_demo_attendance_only_for_members_in_the_cell(demo_1000):
    wrong = demo_1000.execute(
        "SELECT COUNT(*) FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE NOT EXISTS ("
        " SELECT 1 FROM member_periods p WHERE p.member_id = a.member_id AND p.cell_id = m.cell_id AND p.present = 1"
        " AND p.valid_from <= m.meeting_date AND (p.valid_to IS NULL OR p.valid_to > m.meeting_date))").fetchone()[0]
    assert wrong == 0


def test_demo_integrity(demo_1000):
    assert demo_1000.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize("kind", [EventKind.AWAY, EventKind.TRANSFER_OUT_TEMPORARY])
def test_probation_warns_for_probationary_members_away_or_temporarily_elsewhere(home_db, actor, party, today, kind):
    # Dũng, admitted 10/05/2026, leaves for work (or a temporary transfer) during his probation: his status is no
    # longer "dự bị" but his standing still is, and his cell must review him when the 12 months are up.
    register.record_event(home_db, actor, party["dung"], kind, date(2026, 9, 1), end_date=date(2027, 8, 31),
                          place="Bình Dương", doc_number="41-QĐ/ĐU", today=today)
    later = compute_warnings(home_db, today=date(2027, 4, 20))
    warning = next(w for w in later if w.kind is WarningKind.PROBATION_DUE)
    assert warning.member_id == party["dung"] and warning.data["due"] == "2027-05-10"


def test_probation_does_not_warn_after_full_membership_or_exit(home_db, actor, party, today):
    register.record_event(home_db, actor, party["dung"], EventKind.AWAY, date(2026, 9, 1), end_date=date(2027, 8, 31),
                          doc_number="41-QĐ/ĐU", today=today)
    register.record_event(home_db, actor, party["dung"], EventKind.FULL_MEMBERSHIP, date(2026, 11, 10), today=today)
    assert not [w for w in compute_warnings(home_db, today=date(2027, 4, 20)) if w.kind is WarningKind.PROBATION_DUE]


def test_probation_of_a_readmitted_member_counts_from_readmission(home_db, actor, party, today):
    register.record_event(home_db, actor, party["an"], EventKind.STRUCK_OFF, date(2020, 3, 1),
                          details=EventDetails(ground="khong_dong_dang_phi"), today=today)
    register.record_event(home_db, actor, party["an"], EventKind.READMITTED, date(2026, 6, 1),
                          cell_id=register.get_member(home_db, party["binh"]).cell_id, today=today)
    warning = next(w for w in compute_warnings(home_db, today=date(2027, 5, 20))
                   if w.kind is WarningKind.PROBATION_DUE and w.member_id == party["an"])
    assert warning.data["due"] == "2027-06-01"
