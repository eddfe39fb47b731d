"""Party-life pages: models pass qtmodeltester; the attendance and dues grids are entered with keys alone."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tayninh_desktop.domain.party_life import AttendanceState, DuesState
from tayninh_desktop.services import meetings
from tayninh_desktop.ui.models.party_life_models import (
    AttendanceModel,
    DuesModel,
    RatingRow,
    RatingsModel,
    WarningTableModel,
)
from tayninh_desktop.ui.pages.dues_page import DuesPage
from tayninh_desktop.ui.pages.meetings_page import MeetingsPage
from tayninh_desktop.ui.pages.ratings_page import RatingsPage
from tayninh_desktop.ui.pages.warnings_page import WarningsPage
from tests.services.test_party_life_meetings import build_party
from tests.ui.conftest import activate

TODAY = date(2026, 11, 27)


@pytest.fixture
def party(context, cells, actor, make_form):
    return build_party(context.db, actor, cells, make_form, TODAY)


def test_warning_model_passes_modeltester(demo_context, qtmodeltester):
    from tayninh_desktop.services.warnings import compute_warnings

    model = WarningTableModel()
    model.set_rows(compute_warnings(demo_context.db, today=TODAY))
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)


def test_grid_models_pass_modeltester(context, party, cells, qtbot, qtmodeltester):
    from tayninh_desktop.services import dues

    attendance = AttendanceModel()
    attendance.set_rows(meetings.roster(context.db, cells["CB01"].id, date(2026, 7, 10)))
    qtmodeltester.check(attendance, force_py=True)
    dues_model = DuesModel()
    dues_model.set_rows(dues.dues_sheet(context.db, cells["CB01"].id, "07/2026"))
    qtmodeltester.check(dues_model, force_py=True)
    from tayninh_desktop.services import ratings

    ratings_model = RatingsModel()
    ratings_model.set_rows([RatingRow(x.member_id, x.full_name, x.status) for x in
                            ratings.rating_sheet(context.db, cells["CB01"].id, 2025)])
    assert ratings_model.rowCount() == 4  # Dũng was admitted in 2026
    qtmodeltester.check(ratings_model, force_py=True)


def test_attendance_entered_with_the_keyboard_alone(context, party, cells, qtbot):
    page = MeetingsPage(context, today=TODAY)
    qtbot.addWidget(page)
    activate(qtbot, page)
    page.cell.setCurrentIndex(page.cell.findData(cells["CB01"].id))
    page.date.clear()
    qtbot.keyClicks(page.date, "10/07/2026")
    qtbot.keyClick(page.date, Qt.Key.Key_Return)
    assert page.model.rowCount() == 4
    # A new meeting starts with nobody marked present: the clerk says so, or marks each member.
    assert all(not page.model.is_marked(r) or line.state is AttendanceState.NOT_REQUIRED
               for r, line in enumerate(page.model.rows))
    assert page.model.data(page.model.index(0, 3)) == "chưa điểm danh"
    assert page.save() is None and "chưa điểm danh" in page.message.text()
    qtbot.mouseClick(page.all_present, Qt.MouseButton.LeftButton)
    assert all(line.state in (AttendanceState.PRESENT, AttendanceState.NOT_REQUIRED) for line in page.model.rows)
    assert page.model.unmarked_rows() == []
    names = [line.full_name for line in page.model.rows]
    grid = page.grid
    assert grid.currentIndex().row() == 0
    qtbot.keyClick(grid, Qt.Key.Key_Down)          # row 2
    qtbot.keyClick(grid, "k")                      # unexcused, moves down to row 3
    qtbot.keyClick(grid, "l")                      # excused
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_Return)        # edit the reason
    editor = QApplication.focusWidget()
    assert editor.parent() is grid.viewport(), editor.objectName()
    editor.setText("Ốm")  # QTest cannot type non-Latin-1 characters; the Vietnamese IME does it for real
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.rows[2].reason == "Ốm", timeout=2000)  # Qt commits on a queued call
    assert "vắng không lý do 1" in page.counts.text()
    page.save()
    meeting_id = page.meeting_id
    recorded = {line.full_name: (line.state, line.reason) for line in meetings.attendance_lines(context.db, meeting_id)}
    assert recorded[names[1]][0] is AttendanceState.UNEXCUSED
    assert recorded[names[2]] == (AttendanceState.EXCUSED, "Ốm")
    assert page.meeting_list.count() == 1


def test_a_meeting_recorded_by_mistake_is_deleted_from_the_page(context, party, cells, qtbot, actor):
    meeting_id, _ = meetings.record_meeting(context.db, actor, cells["CB01"].id, {"meeting_date": "10/07/2026"},
                                            today=TODAY)
    page = MeetingsPage(context, today=TODAY)
    qtbot.addWidget(page)
    page.cell.setCurrentIndex(page.cell.findData(cells["CB01"].id))
    assert not page.delete_button.isEnabled() and page.delete_meeting() is None   # a new meeting: nothing to delete
    page.open_meeting(meeting_id)
    assert page.delete_button.isEnabled()
    dialog = page.delete_meeting()
    qtbot.addWidget(dialog)
    assert "10/07/2026" in dialog.windowTitle() and "điểm danh của buổi đó bị xóa" in dialog.hint.text()
    assert dialog.try_submit() is False and dialog.errors["delete_reason"].isVisibleTo(dialog)
    dialog.inputs["delete_reason"].setText("Ghi nhầm ngày")
    assert dialog.try_submit() is True
    assert context.db.execute("SELECT COUNT(*) FROM meetings").fetchone()[0] == 0
    assert page.meeting_list.count() == 0 and page.meeting_id is None and not page.delete_button.isEnabled()
    assert "Đã xóa buổi sinh hoạt ngày 10/07/2026" in page.message.text()


def test_refused_meeting_shows_the_message_and_saves_nothing(context, party, cells, qtbot):
    page = MeetingsPage(context, today=TODAY)
    qtbot.addWidget(page)
    page.date.setText("31/02/2026")
    assert page.save() is None
    assert page.findChild(object, "error_box") is None          # said on the page, not in a box
    assert "Ngày họp" in page.message.text() and "31/02/2026" in page.message.text()
    assert context.db.execute("SELECT COUNT(*) FROM meetings").fetchone()[0] == 0


def test_dues_grid_with_keys(context, party, cells, qtbot):
    page = DuesPage(context, today=TODAY)
    qtbot.addWidget(page)
    page.cell.setCurrentIndex(page.cell.findData(cells["CB01"].id))
    page.month.setText("07/2026")
    qtbot.keyClick(page.month, Qt.Key.Key_Return)
    rows = page.model.rowCount()
    assert "0 người đã đóng" in page.totals.text() and f"{rows} người chưa ghi" in page.totals.text()
    assert page.model.data(page.model.index(0, 6)) == "chưa ghi"      # never shown as paid
    qtbot.keyClick(page.grid, "k")  # first member: unpaid (K = không, as on the attendance grid)
    assert page.model.rows[0].state is DuesState.UNPAID
    assert "1 người chưa đóng" in page.totals.text() and f"{rows - 1} người chưa ghi" in page.totals.text()
    page.save()                     # only the line typed is recorded
    assert context.db.execute("SELECT COUNT(*) FROM dues").fetchone()[0] == 1
    assert [line.recorded for line in page.model.rows].count(True) == 1
    qtbot.mouseClick(page.fill_button, Qt.MouseButton.LeftButton)
    assert "0 người chưa ghi" in page.totals.text()
    page.save()
    assert context.db.execute("SELECT COUNT(*) FROM dues WHERE state = 'chua_dong'").fetchone()[0] == 1
    assert all(line.recorded for line in page.model.rows)


def test_ratings_with_keys(context, party, cells, qtbot):
    page = RatingsPage(context, today=TODAY)
    qtbot.addWidget(page)
    page.year.setValue(2025)
    page.cell.setCurrentIndex(page.cell.findData(cells["CB01"].id))
    for key in ("t", "x"):
        qtbot.keyClick(page.grid, key)
    page.save()
    assert context.db.execute("SELECT COUNT(*) FROM ratings WHERE year = 2025").fetchone()[0] == 2
    assert page.model.rows[0].saved and "2025" in page.quota.text()


def test_warnings_page_opens_the_member(demo_context, qtbot):
    page = WarningsPage(demo_context, today=TODAY)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.ready, timeout=10000)
    assert page.model.rowCount() > 0 and "cảnh báo" in page.summary.text()
    row = next(r for r in range(page.model.rowCount()) if page.model.warning(r).member_id)
    dialog = page.open_warning(row)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    page.cell_filter.setCurrentIndex(1)
    cell_id = page.cell_filter.currentData()
    assert all(page.model.warning(r).cell_id == cell_id for r in range(page.model.rowCount()))


def test_warnings_table_is_sized_from_labels_and_a_sample(demo_context, qtbot):
    """Fitting every row on each refresh cost ~90 ms of the window's thread at 4,000 warnings: the widths
    come from the labels and the first rows shown, once, and stay where the clerk drags them."""
    from PySide6.QtWidgets import QHeaderView

    from tayninh_desktop.domain.warnings import WarningKind
    from tayninh_desktop.ui import strings_party_life as s
    from tayninh_desktop.ui.pages.warnings_page import NAME_COLUMN_MAX

    page = WarningsPage(demo_context, today=TODAY)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.ready, timeout=10000)
    header, metrics = page.table.horizontalHeader(), page.table.fontMetrics()
    assert [header.sectionResizeMode(c) for c in range(4)] == [QHeaderView.ResizeMode.Interactive] * 4
    labels = (s.SEVERITY_LABELS.values(), [s.warning_label(k.value) for k in WarningKind])
    for column, texts in enumerate(labels):
        assert max(metrics.horizontalAdvance(t) for t in texts) < header.sectionSize(column)
    names = [page.model.data(page.model.index(r, 3)) for r in range(min(50, page.model.rowCount()))]
    assert min(max(metrics.horizontalAdvance(n) for n in names), NAME_COLUMN_MAX) <= header.sectionSize(3)
    header.resizeSection(2, 123)
    page.cell_filter.setCurrentIndex(1)
    page.refresh()
    assert header.sectionSize(2) == 123  # another cell, a new computation: the clerk's width stays


def test_pages_are_in_the_main_window(demo_context, qtbot):
    from tayninh_desktop.ui.main_window import MainWindow

    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    for key in ("warnings", "meetings", "dues", "ratings"):
        assert window.show_page(key).objectName() == f"page_{key}"
    qtbot.waitUntil(lambda: window.pages["warnings"].ready, timeout=10000)
    missing = next(w for w in window.pages["warnings"].model.rows if w.month)
    row = window.pages["warnings"].model.rows.index(missing)
    window.pages["warnings"].open_warning(row)
    assert window.stack.currentWidget() is window.pages["meetings"]
    assert window.pages["meetings"].date.text().endswith(f"/{missing.month[5:7]}/{missing.month[:4]}")
