"""A clerk's first day, through the window only: create the committee, a cell, two members, record
the month's meeting with the keyboard, see the warning it raises, print the meeting's minutes.

Every step goes through the widgets the clerk uses; the checks read the register and the PDF back.
"""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.services import organisation, register
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.dialogs.first_run import FirstRunDialog
from tayninh_desktop.ui.main_window import MainWindow
from tayninh_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import activate

TODAY = date.today()


@pytest.fixture
def window(tmp_path, qtbot, monkeypatch):
    monkeypatch.setattr(TaskRunner, "synchronous", True)
    actor = Actor("van-thu")
    first = FirstRunDialog(actor, tmp_path / "so.sqlite3", tmp_path / "so-mau.sqlite3")
    qtbot.addWidget(first)
    first.unit_name.setText("Đảng ủy xã Hưng Thuận")
    first.unit_code.setText("HT")
    first.place.setText("Hưng Thuận")
    assert first.create()
    db = first.db
    win = MainWindow(UiContext(db, actor, str(first.path)))
    qtbot.addWidget(win)
    activate(qtbot, win)
    yield win
    db.conn.close()


def _add_cell(win) -> str:
    page = win.show_page("organisation")
    dialog = page.add_cell()
    dialog.inputs["code"].setText("CB01")
    dialog.inputs["name"].setText("Chi bộ ấp Cầu Xe")
    dialog.try_submit()
    return organisation.cell_by_code(win.context.db, "CB01").id


def _add_member(win, qtbot, **fields) -> None:
    from tayninh_desktop.ui.dialogs.member_dialog import MemberDialog

    activate(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)   # "Thêm đảng viên"
    page = win.pages["register"]
    dialog = [d for d in page.findChildren(MemberDialog) if d.member_id is None and d.isVisible()][-1]
    for name, value in fields.items():
        widget = dialog.form.inputs[name]
        if name == "gender":
            widget.setCurrentIndex(widget.findData(value))
        else:
            widget.setText(value)
    activate(qtbot, dialog)
    qtbot.keyClick(dialog.form.inputs["full_name"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible(), dialog.status.text()


def test_a_clerks_first_day(window, qtbot, tmp_path):
    win = window
    assert "Đảng ủy xã Hưng Thuận" in win.windowTitle()
    cell_id = _add_cell(win)

    _add_member(win, qtbot, full_name="Trần Thị Mai", gender="nu", birth_date="06/05/1960",
                joined_on="16/01/1994", full_member_on="16/01/1995", cccd="072160102822")
    _add_member(win, qtbot, full_name="Huỳnh Văn Bình", gender="nam", birth_date="1975",
                joined_on="11/03/2000", full_member_on="11/03/2001", cccd="072075654259")
    page = win.pages["register"]
    names = [page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())]
    assert names == ["Huỳnh Văn Bình", "Trần Thị Mai"]   # official order: Bình before Mai

    # Two monthly meetings (this month and the month before, when both fall in this calendar year):
    # everyone present by default, one key marks Bình absent without reason each time.
    months = [TODAY.month - 1, TODAY.month] if TODAY.month > 1 else [TODAY.month]
    meetings = win.show_page("meetings")
    meetings.cell.setCurrentIndex(meetings.cell.findData(cell_id))
    for month in months:
        meeting_day = date(TODAY.year, month, 1)
        meetings.new_meeting()
        meetings.date.setText(meeting_day.strftime("%d/%m/%Y"))
        meetings.chair.setText("Trần Thị Mai")
        meetings.load_roster()
        qtbot.mouseClick(meetings.all_present, Qt.MouseButton.LeftButton)   # "Tất cả có mặt", then the absent
        grid = meetings.grid
        row = [line.full_name for line in meetings.model.rows].index("Huỳnh Văn Bình")
        grid.setCurrentIndex(meetings.model.index(row, grid.currentIndex().column()))
        qtbot.keyClick(grid, "k")
        assert "vắng không lý do 1" in meetings.counts.text()
        assert meetings.save() is not None

    # The home page recomputes on the change and names Bình with his months of absence.
    home = win.show_page("warnings")
    shown = [home.model.warning(r) for r in range(home.model.rowCount())]
    about_binh = [w for w in shown if w.member_name == "Huỳnh Văn Bình"]
    if len(months) == 2:
        assert about_binh and "2 tháng" in about_binh[0].evidence
        dialog = home.open_warning(shown.index(about_binh[0]))           # it opens his record
        assert dialog is not None and "Huỳnh Văn Bình" in dialog.windowTitle()
        dialog.reject()
    else:
        assert not about_binh

    # The minutes of that meeting, printed from the Văn bản page with the attendance filled in.
    docs = win.show_page("documents")
    docs.unit.setCurrentIndex(docs.unit.findData(cell_id))
    from PySide6.QtCore import QDate

    docs.on.setDate(QDate(meeting_day.year, meeting_day.month, meeting_day.day))
    for r in range(docs.forms.count()):
        if docs.forms.item(r).data(Qt.ItemDataRole.UserRole) == "bien_ban_hop_chi_bo":
            docs.forms.setCurrentRow(r)
    out = tmp_path / "bien-ban.pdf"
    docs.show_preview()            # what is saved is the paper just looked at
    docs.save_as(str(out))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "BIÊN BẢN" in text and "CHI BỘ ẤP CẦU XE" in text and "Trần Thị Mai" in text
    assert "Huỳnh Văn Bình" in text                      # the absent member is named in the minutes

    assert register.member_count(win.context.db) == 2
