"""Nothing typed is lost: closing or switching away from an editor with changes asks Lưu / Không lưu / Ở lại."""

from __future__ import annotations

from tayninh_desktop.services import register
from tayninh_desktop.ui.dialogs.member_dialog import MemberDialog


def test_closing_the_member_record_with_changes_asks_and_stay_keeps_it_open(context, qtbot, make_form, cells,
                                                                                answers):
    from datetime import date

    member_id, _ = register.add_member(context.db, context.actor, make_form(), cells["CB01"].id, today=date.today())
    dialog = MemberDialog(context, member_id)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.reject()                                    # nothing changed: closes without a question
    assert not dialog.isVisible() and answers.asked == []

    dialog.open()
    dialog.form.inputs["phone"].setText("0912345678")
    answers.next("Ở lại")
    dialog.reject()                                    # the Đóng button, Escape and the window's × all come here
    assert dialog.isVisible() and "Hồ sơ đảng viên Nguyễn Thị Ánh Tuyết" in answers.asked[0]
    assert dialog.form.inputs["phone"].text() == "0912345678"

    answers.next("Lưu")
    dialog.close()
    assert not dialog.isVisible()
    assert register.get_member(context.db, member_id).data.phone == "0912345678"


def test_discarding_a_new_member_closes_without_writing(context, qtbot, answers):
    dialog = MemberDialog(context, None)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.form.inputs["full_name"].setText("Lê Văn Tám")
    answers.next("Không lưu")
    dialog.reject()
    assert not dialog.isVisible()
    assert register.member_count(context.db) == 0


def test_a_refused_save_from_the_question_keeps_the_dialog_open(context, qtbot, answers):
    dialog = MemberDialog(context, None)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.form.inputs["full_name"].setText("Lê Văn Tám")      # no birth date, no joining date: refused
    answers.next("Lưu")
    dialog.reject()
    assert dialog.isVisible() and dialog.status.text()
    assert register.member_count(context.db) == 0


def test_a_removal_asks_naming_the_member_and_the_consequence(context, qtbot, make_form, cells, answers):
    from datetime import date

    from tayninh_desktop.domain.lifecycle import EventKind
    from tayninh_desktop.domain.members import MemberStatus
    from tayninh_desktop.ui.dialogs.event_dialog import EventDialog

    member_id, _ = register.add_member(context.db, context.actor, make_form(), cells["CB01"].id, today=date.today())
    dialog = EventDialog(context, member_id, EventKind.STRUCK_OFF)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.inputs["event_date"].setText("02/03/2026")
    dialog.inputs["doc_number"].setText("12-QĐ/ĐU")
    dialog.inputs["ground"].setCurrentIndex(1)
    answers.next("Không ghi")
    assert dialog.record() is False
    asked = answers.asked[0]
    assert "Nguyễn Thị Ánh Tuyết" in asked and "Chi bộ ấp Cầu Xe" in asked and "02/03/2026" in asked
    assert "ra khỏi danh sách đảng viên đang sinh hoạt" in asked
    assert register.get_member(context.db, member_id).status is MemberStatus.FULL and dialog.isVisible()
    answers.next("Ghi «Xóa tên»")
    assert dialog.record() is True
    assert register.get_member(context.db, member_id).status is MemberStatus.STRUCK_OFF


def test_an_ordinary_event_needs_no_question(context, qtbot, make_form, cells):
    from datetime import date

    from tayninh_desktop.domain.lifecycle import EventKind
    from tayninh_desktop.ui.dialogs.event_dialog import EventDialog

    member_id, _ = register.add_member(context.db, context.actor, make_form(), cells["CB01"].id, today=date.today())
    dialog = EventDialog(context, member_id, EventKind.MOVED_CELL)
    qtbot.addWidget(dialog)
    dialog.inputs["event_date"].setText("02/03/2026")
    dialog.inputs["cell_id"].setCurrentIndex(dialog.inputs["cell_id"].findData(cells["CB02"].id))
    assert dialog.record() is True


def test_leaving_a_page_or_quitting_with_typed_work_asks(context, qtbot, answers):
    from PySide6.QtCore import Qt

    from tayninh_desktop.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    meetings = window.show_page("meetings")
    meetings.chair.setText("Nguyễn Văn An")
    answers.next("Ở lại")
    window.show_page("register")                                   # the navigation
    assert window.stack.currentWidget() is meetings
    assert window.nav.currentItem().data(Qt.ItemDataRole.UserRole) == "meetings"
    answers.next("Ở lại")
    assert window.close() is False and window.isVisible()          # quitting
    answers.next("Không lưu")
    window.show_page("register")
    assert window.stack.currentWidget() is window.pages["register"]
    assert meetings.chair.text() == ""                             # let go: the meeting as it was
    assert window.close() is True                                  # nothing left: no question
    assert len(answers.asked) == 3
