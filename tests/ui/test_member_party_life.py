"""The member dialog's "Sinh hoạt đảng" tab, its record dialogs, the rubric editor, the secretary field and
the home page's background computation; screenshots go to $TAYNINH_SHOTS when it is set."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.services import dues, meetings, ratings, register, transfers
from tayninh_desktop.ui.dialogs.member_dialog import MemberDialog
from tayninh_desktop.ui.models.rows_model import DisplayRow, RowsModel
from tayninh_desktop.ui.widgets.member_party_life import MemberPartyLife
from tests.services.test_party_life_meetings import build_party

TODAY = date.today()
SHOTS = os.environ.get("TAYNINH_SHOTS", "")
KEEP: list = []


@pytest.fixture(autouse=True)
def _release_dialogs():
    yield
    KEEP.clear()


def shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"p3-{name}.png"))


@pytest.fixture
def party(context, cells, actor, make_form):
    return build_party(context.db, actor, cells, make_form, date(2026, 11, 27))


def _tab(qtbot, context, member_id) -> MemberPartyLife:
    dialog = MemberDialog(context, member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(2)
    tab = dialog.tabs.widget(2)
    assert dialog.tabs.tabText(2) == "Sinh hoạt đảng" and isinstance(tab, MemberPartyLife)
    KEEP.append(dialog)   # qtbot holds widgets weakly: keep the dialog alive for the test
    return tab


def test_rows_model_passes_modeltester(qtmodeltester):
    model = RowsModel(("Năm", "Xếp loại"))
    model.set_rows([DisplayRow(("2025", "Tốt"), "a", "#fff4d6"), DisplayRow(("2024", "Hoàn thành"))])
    qtmodeltester.check(model, force_py=True)
    assert model.key(0) == "a" and model.key(5) == ""


def test_tab_shows_the_year_and_the_records(context, party, cells, actor, qtbot, qtmodeltester):
    cb01, binh = cells["CB01"].id, party["binh"]
    year = TODAY.year
    meetings.record_meeting(context.db, actor, cb01, {"meeting_date": f"10/01/{year}"},
                            attendance={binh: ("vang_khong_ly_do", "")}, today=TODAY)
    meetings.record_meeting(context.db, actor, cb01, {"meeting_date": f"10/02/{year}"},
                            attendance={binh: ("vang_co_ly_do", "Ốm")}, today=TODAY)
    dues.record_dues(context.db, actor, cb01, f"01/{year}", {binh: (0, "chua_dong", "")}, today=TODAY)
    dues.record_dues(context.db, actor, cb01, f"02/{year}", {binh: (5000, "da_dong", "")}, today=TODAY)
    ratings.rate_member(context.db, actor, binh, 2024, "khong_hoan_thanh", today=TODAY)
    ratings.record_discipline(context.db, actor, binh, "canh_cao", (TODAY - timedelta(days=10)).strftime("%d/%m/%Y"),
                              announced_on_text=(TODAY - timedelta(days=8)).strftime("%d/%m/%Y"), doc_number="12-QĐ/ĐU",
                              today=TODAY)
    ratings.assign_task(context.db, actor, binh, year, "Phụ trách tổ dân cư số 3")
    transfers.issue_letter(context.db, actor, binh, "di", date(year, 1, 2), letter_number="07", counterpart="Bình Dương",
                           today=TODAY)
    tab = _tab(qtbot, context, binh)
    assert "có mặt 0/2" in tab.attendance.text() and "vắng không lý do 1 (tháng 01)" in tab.attendance.text()
    assert "đã đóng 1 tháng (5.000 đ)" in tab.dues.text() and "chưa đóng 1 (tháng 01)" in tab.dues.text()
    assert tab.ratings_model.rows[0].cells[:2] == ("2024", "Không hoàn thành nhiệm vụ")
    assert tab.discipline_model.rows[0].cells[0] == "Cảnh cáo" and tab.discipline_model.rows[0].cells[5] == "Còn hiệu lực"
    assert tab.tasks_model.rows[0].cells[1] == "Phụ trách tổ dân cư số 3"
    assert tab.letters_model.rows[0].cells[5] == "Quá hạn — chờ xác nhận"
    assert not tab.buttons["add_contact"].isEnabled() and "không ở diện" in tab.away.text()
    for model in (tab.ratings_model, tab.discipline_model, tab.tasks_model, tab.letters_model):
        qtmodeltester.check(model, force_py=True)
    tab.window().resize(1100, 900)
    shot(tab.window(), "member-tab")


def test_rating_dialog_inline_errors_then_saves(context, party, qtbot):
    tab = _tab(qtbot, context, party["an"])
    dialog = tab.add_rating()
    qtbot.addWidget(dialog)
    dialog.inputs["year"].setText("2025")
    qtbot.keyClicks(dialog.inputs["score"], "85 diem")
    before = list(context.db.conn.iterdump())
    qtbot.keyClick(dialog.inputs["score"], Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.errors["score"].isVisibleTo(dialog)
    assert dialog.errors["score"].text() == "Điểm: «85 diem» không phải số hợp lệ (từ 0 đến 100)."
    assert list(context.db.conn.iterdump()) == before
    shot(dialog, "rating-dialog-error")
    dialog.inputs["score"].setText("95")   # "tốt" is allowed with 95, "xuất sắc" needs the rule's minimum
    qtbot.keyClick(dialog.inputs["score"], Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert tab.ratings_model.rows[0].cells[:3] == ("2025", "Hoàn thành tốt nhiệm vụ", "95")
    again = tab.add_rating()
    qtbot.addWidget(again)
    again.inputs["year"].setText("2025")
    assert again.try_submit() is False and "đã được xếp loại năm 2025" in again.errors["year"].text()


def test_letter_then_outcome(context, party, qtbot):
    tab = _tab(qtbot, context, party["an"])
    dialog = tab.add_letter()
    qtbot.addWidget(dialog)
    dialog.inputs["issued_on"].setText("31/02/2026")
    assert dialog.try_submit() is False
    assert dialog.errors["issued_on"].isVisibleTo(dialog) and dialog.errors["counterpart"].isVisibleTo(dialog)
    shot(dialog, "letter-dialog-error")
    dialog.inputs["issued_on"].setText(TODAY.strftime("%d/%m/%Y"))
    dialog.inputs["counterpart"].setText("Đảng ủy phường Tân Ninh")  # QTest types ASCII only
    qtbot.keyClick(dialog.inputs["counterpart"], Qt.Key.Key_Return)
    assert not dialog.isVisible() and tab.letters_model.rows[0].cells[5] == "Chờ xác nhận"
    assert tab.record_outcome() is None and "Chọn một giấy" in tab.message.text()
    tab.tables["letters"].selectRow(0)
    outcome = tab.record_outcome()
    qtbot.addWidget(outcome)
    assert outcome.try_submit() is True
    assert tab.letters_model.rows[0].cells[5].startswith("Đã trình giấy ngày")


def test_away_member_contact(context, party, actor, qtbot):
    register.record_event(context.db, actor, party["an"], EventKind.AWAY, date(2026, 1, 5), end_date=date(2027, 1, 4),
                          place="KCN Việt Hương, Bình Dương", doc_number="03-QĐ/ĐU", today=TODAY)
    tab = _tab(qtbot, context, party["an"])
    assert "KCN Việt Hương" in tab.away.text() and "04/01/2027" in tab.away.text()
    assert "Lần liên lạc cuối:</b> chưa ghi" in tab.away.text()
    dialog = tab.add_contact()
    qtbot.addWidget(dialog)
    dialog.inputs["contacted_on"].setText("")
    assert dialog.try_submit() is False and dialog.errors["contacted_on"].isVisibleTo(dialog)
    dialog.inputs["contacted_on"].setText(TODAY.strftime("%d/%m/%Y"))
    qtbot.keyClicks(dialog.inputs["contact"], "0912 345 678")
    shot(dialog, "contact-dialog")
    assert dialog.try_submit() is True
    assert tab.contacts_model.rowCount() == 1 and "0912 345 678" in tab.away.text()
    assert TODAY.strftime("%d/%m/%Y") in tab.away.text()
    tab.window().resize(1100, 900)
    shot(tab.window(), "member-tab-away")


def test_rubric_editor_from_the_meetings_page(context, party, qtbot):
    from tayninh_desktop.ui.pages.meetings_page import MeetingsPage

    page = MeetingsPage(context, today=date(2026, 11, 27))
    qtbot.addWidget(page)
    dialog = page.edit_rubric()
    qtbot.addWidget(dialog)
    criteria = dialog.tables["rubric_criteria"]
    criteria.item(0, 1).setText("abc")
    dialog.inputs["rubric_doc_number"].clear()
    before = list(context.db.conn.iterdump())
    assert dialog.save() is False
    assert dialog.errors["rubric_doc_number"].isVisibleTo(dialog) and dialog.errors["rubric_criteria"].isVisibleTo(dialog)
    assert list(context.db.conn.iterdump()) == before
    dialog.resize(820, 760)
    shot(dialog, "rubric-dialog-error")
    dialog.inputs["rubric_doc_number"].setText("12-HD/BTCTW")
    criteria.item(0, 1).setText("10")
    dialog.add_row("rubric_criteria")
    criteria.item(criteria.rowCount() - 1, 0).setText("Thực hiện nghị quyết kỳ trước")
    criteria.item(criteria.rowCount() - 1, 1).setText("5")
    assert dialog.save() is True
    rubric = meetings.rubric(context.db)
    assert rubric.criteria[-1].label == "Thực hiện nghị quyết kỳ trước" and rubric.criteria[0].max == 10
    assert set(page.quality.spins) == {c.code for c in rubric.criteria}   # the page follows the edited rubric


def test_meeting_editor_saves_the_secretary(context, party, cells, qtbot):
    from tayninh_desktop.ui.pages.meetings_page import MeetingsPage

    page = MeetingsPage(context, today=date(2026, 11, 27))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.date.setText("10/07/2026")
    page.load_roster()
    page.chair.setText("Nguyễn Văn An")
    page.secretary.setText("Trần Thị Bình")
    page.mark_everyone_present()
    assert page.save() is not None
    saved = meetings.meetings_of_cell(context.db, cells["CB01"].id, 2026)[0]
    assert saved.secretary == "Trần Thị Bình"
    page.new_meeting()
    assert page.secretary.text() == ""
    page.open_meeting(saved.id)
    assert page.secretary.text() == "Trần Thị Bình"
    shot(page, "meetings-page")


def test_home_page_computes_on_the_worker_and_refreshes_on_changes(demo_context, qtbot, monkeypatch):
    from tayninh_desktop.ui.context import UiContext
    from tayninh_desktop.ui.main_window import MainWindow
    from tayninh_desktop.ui.tasks import TaskRunner

    monkeypatch.setattr(TaskRunner, "synchronous", False)
    path = demo_context.db.execute("PRAGMA database_list").fetchone()[2]
    context = UiContext(demo_context.db, demo_context.actor, path)
    window = MainWindow(context)
    qtbot.addWidget(window)
    home = window.stack.currentWidget()
    assert home.objectName() == "page_warnings" and list(window.pages) == ["warnings"]
    assert home.summary.text() == "Đang tính cảnh báo cho toàn đảng bộ…" and home.model.rowCount() == 0
    window.show()
    qtbot.waitUntil(lambda: home.ready, timeout=20000)
    assert home.model.rowCount() > 0 and "cảnh báo:" in home.summary.text()
    shot(window, "home-warnings")
    first = len(home.warnings)
    member = next(w.member_id for w in home.warnings if w.member_id)
    context.run_action(window, ratings.assign_task, member, 2019, "Tuyên truyền")
    assert home.computing and home.summary.text().startswith("Đang tính lại")
    qtbot.waitUntil(lambda: home.ready, timeout=20000)
    assert len(home.warnings) == first


def test_the_year_as_a_12_month_strip(context, party, cells, actor, qtbot):
    """Attended / excused / unexcused, paid / unpaid / not recorded: a square a month, the grids' letters."""
    from tayninh_desktop.ui.widgets.month_strip import MonthStrip

    cb01, binh, today = cells["CB01"].id, party["binh"], date(2026, 11, 27)
    meetings.record_meeting(context.db, actor, cb01, {"meeting_date": "10/01/2026"},
                            attendance={binh: ("vang_khong_ly_do", "")}, today=today)
    meetings.record_meeting(context.db, actor, cb01, {"meeting_date": "10/02/2026"},
                            attendance={binh: ("vang_co_ly_do", "Ốm")}, today=today)
    meetings.record_meeting(context.db, actor, cb01, {"meeting_date": "10/03/2026"}, attendance={}, today=today)
    meetings.record_meeting(context.db, actor, cb01, {"meeting_date": "20/03/2026", "kind": "chuyen_de"},
                            attendance={binh: ("vang_khong_ly_do", "")}, today=today)
    dues.record_dues(context.db, actor, cb01, "01/2026", {binh: (0, "chua_dong", "")}, today=today)
    dues.record_dues(context.db, actor, cb01, "02/2026", {binh: (5000, "da_dong", "")}, today=today)
    dialog = MemberDialog(context, binh)
    qtbot.addWidget(dialog)
    KEEP.append(dialog)
    tab = dialog.tabs.widget(2)
    tab.today = today
    tab.year.setValue(2026)
    tab.reload()
    strip = tab.findChild(MonthStrip, "month_strip")
    assert strip is not None and strip.strip.year == 2026
    assert [strip.mark("meetings", m) for m in (1, 2, 3, 4, 12)] == ["K", "L", "K", "–", ""]
    assert [strip.mark("dues", m) for m in (1, 2, 3, 12)] == ["K", "D", "–", ""]   # March not recorded: never paid
    assert "Tháng 03/2026 — Sinh hoạt: Vắng không lý do" in strip.tooltip("meetings", 3)
    assert "10/03/2026: Có mặt" in strip.tooltip("meetings", 3) and "20/03/2026" in strip.tooltip("meetings", 3)
    assert "Chưa ghi" in strip.tooltip("dues", 3)
    dialog.resize(1366, 740)
    dialog.show()
    dialog.tabs.setCurrentIndex(2)
    Path("/tmp/shots").mkdir(exist_ok=True)
    dialog.grab().save("/tmp/shots/member_strip.png")
