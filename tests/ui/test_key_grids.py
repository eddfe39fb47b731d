"""Grids that cannot write to the wrong row: a key that is not a code moves nothing and changes nothing, every grid
shows its codes, a shared letter means the same on every grid, a key moves down one row; unrecorded dues are
"chưa ghi" (never paid) and their totals say so; a new meeting starts unmarked and unscored; saved attendance and
ratings can be corrected, with the correction in the audit log."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tayninh_desktop.domain.party_life import (
    ATTENDANCE_KEYS,
    DUES_KEYS,
    RATING_KEYS,
    AttendanceState,
    DuesState,
)
from tayninh_desktop.services import meetings, ratings
from tayninh_desktop.storage import audit
from tayninh_desktop.ui.pages.dues_page import DuesPage
from tayninh_desktop.ui.pages.meetings_page import MeetingsPage
from tayninh_desktop.ui.pages.ratings_page import RatingsPage
from tests.services.test_party_life_meetings import build_party

TODAY = date(2026, 11, 27)


@pytest.fixture
def party(context, cells, actor, make_form):
    return build_party(context.db, actor, cells, make_form, TODAY)


def _meeting_page(context, qtbot, cell_id) -> MeetingsPage:
    page = MeetingsPage(context, today=TODAY)
    qtbot.addWidget(page)
    page.cell.setCurrentIndex(page.cell.findData(cell_id))
    page.date.setText("10/07/2026")
    page.load_roster()
    return page


def _dues_page(context, qtbot, cell_id) -> DuesPage:
    page = DuesPage(context, today=TODAY)
    qtbot.addWidget(page)
    page.cell.setCurrentIndex(page.cell.findData(cell_id))
    page.month.setText("07/2026")
    page.switch_month()
    return page


def _ratings_page(context, qtbot, cell_id) -> RatingsPage:
    page = RatingsPage(context, today=TODAY)
    qtbot.addWidget(page)
    page.year.setValue(2025)
    page.cell.setCurrentIndex(page.cell.findData(cell_id))
    return page


@pytest.mark.parametrize("make", [_meeting_page, _dues_page, _ratings_page])
def test_a_stray_key_moves_nothing_and_changes_nothing(context, party, cells, qtbot, make):
    page = make(context, qtbot, cells["CB01"].id)
    grid = page.grid
    # A letter that is no code here but starts a member's name: Qt's type-ahead would jump to that member.
    initials = [line.full_name[0] for line in page.model.rows]
    letter = next(c for c in initials if c.isascii() and c.lower() not in page.model.keys)
    start = next(r for r, c in enumerate(initials) if c != letter)
    grid.setCurrentIndex(page.model.index(start, 3))
    before = page.model.snapshot()
    qtbot.keyClick(grid, letter.lower())
    assert grid.currentIndex().row() == start
    assert page.model.snapshot() == before
    assert f"«{letter}» không dùng ở bảng này" in grid.legend.text()


@pytest.mark.parametrize("make", [_meeting_page, _dues_page, _ratings_page])
def test_every_grid_shows_its_codes_and_a_code_moves_down_one_row(context, party, cells, qtbot, make):
    page = make(context, qtbot, cells["CB01"].id)
    legend = page.grid.legend.text()
    for key in (k for k in page.model.keys if k.isalpha()):
        assert f"{key.upper()} = " in legend
    page.grid.setCurrentIndex(page.model.index(0, 3))
    qtbot.keyClick(page.grid, "k")
    assert page.grid.currentIndex().row() == 1
    assert "không dùng" not in page.grid.legend.text()


def test_a_letter_shared_by_grids_means_the_same_on_each():
    meaning = {"l": "có lý do", "k": "không", "m": "miễn"}
    grids = {"attendance": ATTENDANCE_KEYS, "dues": DUES_KEYS, "ratings": RATING_KEYS}
    from tayninh_desktop.domain.messages_party_life import ATTENDANCE_LABELS, DUES_LABELS, RATING_LABELS

    labels = {"attendance": ATTENDANCE_LABELS, "dues": DUES_LABELS, "ratings": RATING_LABELS}
    for name, keys in grids.items():
        for letter, word in meaning.items():
            if letter in keys:
                label = labels[name][keys[letter].value].lower()
                assert word in label or (letter == "k" and "chưa" in label), (name, letter, label)
    # The letter that meant "present" on one grid and "unpaid" on the other is gone.
    assert ATTENDANCE_KEYS["c"] is AttendanceState.PRESENT and "c" not in DUES_KEYS
    assert DUES_KEYS["k"] is DuesState.UNPAID


def test_an_unrecorded_dues_month_is_never_shown_paid(context, party, cells, qtbot):
    page = _dues_page(context, qtbot, cells["CB01"].id)
    rows = page.model.rowCount()
    assert all(page.model.data(page.model.index(r, 6)) == "chưa ghi" for r in range(rows))
    assert all(page.model.data(page.model.index(r, 5)) == "" for r in range(rows))     # no amount as if paid
    assert page.totals.text().startswith("Đã thu 0 đ · 0 người đã đóng") and f"{rows} người chưa ghi" in \
        page.totals.text()
    assert page.save() is None and "Chưa có dòng nào" in page.message.text()
    assert context.db.execute("SELECT COUNT(*) FROM dues").fetchone()[0] == 0


def test_a_new_meeting_has_no_score_until_the_cell_gives_one(context, party, cells, qtbot):
    page = _meeting_page(context, qtbot, cells["CB01"].id)
    assert page.quality.scores() == {} and "Chưa chấm" in page.quality.total.text()
    assert all(spin.text() == "chưa chấm" for spin in page.quality.spins.values())
    page.mark_everyone_present()
    assert page.save() is not None
    saved = meetings.get_meeting(context.db, page.meeting_id)
    assert saved.quality_score is None and saved.scores == ()
    first = next(iter(page.quality.spins.values()))
    first.setValue(10)       # one criterion only: refused, nothing changes
    assert page.save() is None and "chấm đủ mọi tiêu chí" in page.message.text()
    assert meetings.get_meeting(context.db, page.meeting_id).quality_score is None


def test_saved_attendance_is_corrected_and_the_correction_audited(context, party, cells, qtbot):
    page = _meeting_page(context, qtbot, cells["CB01"].id)
    page.mark_everyone_present()
    page.save()
    meeting_id = page.meeting_id
    page.new_meeting()
    page.open_meeting(meeting_id)                      # opened again from the list
    assert page.saved_note.isVisible() or page.saved_note.isVisibleTo(page)
    page.grid.setCurrentIndex(page.model.index(0, 3))
    qtbot.keyClick(page.grid, "k")
    assert page.save() is not None
    first = page.model.rows[0]
    lines = {x.member_id: x.state for x in meetings.attendance_lines(context.db, meeting_id)}
    assert lines[first.member_id] is AttendanceState.UNEXCUSED
    entry = next(e for e in audit.recent(context.db) if e.action == "update_meeting")
    assert first.member_id not in entry.before["absent"] and first.member_id in entry.after["absent"]


def test_a_saved_rating_is_corrected_with_its_reason_in_the_audit_log(context, party, cells, qtbot):
    page = _ratings_page(context, qtbot, cells["CB01"].id)
    qtbot.keyClick(page.grid, "t")
    page.save()
    member_id = page.model.rows[0].member_id
    page.grid.setCurrentIndex(page.model.index(0, 3))
    qtbot.keyClick(page.grid, "x")                       # a saved row does not change by key
    assert page.model.rows[0].level == "tot" and "Sửa xếp loại đã lưu" in page.grid.legend.text()
    dialog = page.correct_selected()
    qtbot.addWidget(dialog)
    dialog.inputs["level"].setCurrentIndex(dialog.inputs["level"].findData("hoan_thanh"))
    assert dialog.try_submit() is False and dialog.errors["correction_reason"].isVisibleTo(dialog)
    dialog.inputs["correction_reason"].setText("Gõ nhầm phím khi nhập")
    assert dialog.try_submit() is True
    assert ratings.ratings_for_cell(context.db, [member_id], 2025)[member_id].level.value == "hoan_thanh"
    assert page.model.rows[0].level == "hoan_thanh"
    entry = next(e for e in audit.recent(context.db) if e.action == "correct_rating")
    assert entry.before["level"] == "tot" and entry.after["level"] == "hoan_thanh"
    assert entry.after["reason"] == "Gõ nhầm phím khi nhập"


def test_switching_cell_month_or_year_with_marks_asks_first(context, party, cells, qtbot, answers):
    dues_page = _dues_page(context, qtbot, cells["CB01"].id)
    qtbot.keyClick(dues_page.grid, "k")
    answers.next("Ở lại")
    dues_page.month.setText("06/2026")
    dues_page.switch_month()
    assert dues_page.month.text() == "07/2026" and dues_page.model.rows[0].state is DuesState.UNPAID
    assert "Bảng đảng phí tháng 07/2026 của Chi bộ ấp Cầu Xe" in answers.asked[0]
    answers.next("Ở lại")
    dues_page.cell.setCurrentIndex(dues_page.cell.findData(cells["CB02"].id))
    assert dues_page.cell.currentData() == cells["CB01"].id
    answers.next("Không lưu")
    dues_page.cell.setCurrentIndex(dues_page.cell.findData(cells["CB02"].id))
    assert dues_page.cell.currentData() == cells["CB02"].id
    assert context.db.execute("SELECT COUNT(*) FROM dues").fetchone()[0] == 0

    ratings_page = _ratings_page(context, qtbot, cells["CB01"].id)
    qtbot.keyClick(ratings_page.grid, "t")
    answers.next("Lưu")
    ratings_page.year.setValue(2024)
    assert ratings_page.year.value() == 2024
    assert context.db.execute("SELECT COUNT(*) FROM ratings WHERE year = 2025").fetchone()[0] == 1


def test_switching_meeting_with_changes_asks_and_can_stay(context, party, cells, qtbot, answers):
    page = _meeting_page(context, qtbot, cells["CB01"].id)
    page.mark_everyone_present()
    page.save()
    page.new_meeting()
    page.date.setText("10/08/2026")
    page.load_roster()
    qtbot.keyClick(page.grid, "k")
    answers.next("Ở lại")
    page.meeting_list.setCurrentRow(0)                 # the saved July meeting
    assert page.meeting_id is None and page.date.text() == "10/08/2026"
    answers.next("Không lưu")
    page.meeting_list.setCurrentRow(0)
    assert page.meeting_id is not None and page.date.text() == "10/07/2026"
    assert "Buổi sinh hoạt ngày 10/08/2026" in answers.asked[0]


def test_marks_typed_before_the_date_survive_a_roster_reload(context, party, cells, qtbot):
    page = _meeting_page(context, qtbot, cells["CB01"].id)
    page.grid.setCurrentIndex(page.model.index(0, 3))
    qtbot.keyClick(page.grid, "l")
    member = page.model.rows[0].member_id
    page.date.setText("12/07/2026")
    qtbot.keyClick(page.date, Qt.Key.Key_Return)
    row = next(r for r, x in enumerate(page.model.rows) if x.member_id == member)
    assert page.model.is_marked(row) and page.model.rows[row].state is AttendanceState.EXCUSED
