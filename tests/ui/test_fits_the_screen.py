"""Every window and dialog fits a 1366×768 screen with a taskbar; key facts are not cut with "…"; the register's
columns fit beside the navigation and can be chosen; cells are in the same order everywhere."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.services import organisation, register
from tayninh_desktop.ui.main_window import MainWindow
from tayninh_desktop.ui.screen_fit import ROOM, fits_smallest_screen


def _need(widget):
    return widget.minimumSizeHint().expandedTo(widget.minimumSize())


def test_the_main_window_with_every_page_fits(demo_context, qtbot):
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    for spec in window._specs:
        window.show_page(spec.key)
        assert fits_smallest_screen(window), (spec.key, _need(window), ROOM)


def test_every_dialog_fits(demo_context, qtbot, tmp_path):
    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.ui.dialogs.about_dialog import AboutDialog
    from tayninh_desktop.ui.dialogs.event_dialog import EventDialog
    from tayninh_desktop.ui.dialogs.first_run import FirstRunDialog
    from tayninh_desktop.ui.dialogs.guide_dialog import GuideDialog
    from tayninh_desktop.ui.dialogs.import_wizard import ImportWizard
    from tayninh_desktop.ui.dialogs.member_dialog import MemberDialog
    from tayninh_desktop.ui.dialogs.rubric_dialog import RubricDialog

    member_id = register.summaries(demo_context.db, register.list_rowids(demo_context.db)[:1])[0].id
    dialogs = {
        "member": MemberDialog(demo_context, member_id), "new member": MemberDialog(demo_context, None),
        "rubric": RubricDialog(demo_context), "about": AboutDialog(demo_context, True), "guide": GuideDialog(),
        "first run": FirstRunDialog(Actor("a"), tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"),
        "import": ImportWizard(demo_context),
    }
    for kind in EventKind:
        dialogs[f"event {kind.value}"] = EventDialog(demo_context, member_id, kind)
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        assert fits_smallest_screen(dialog), (name, _need(dialog), ROOM)
    member = dialogs["member"]
    for index in range(member.tabs.count()):      # each tab of the member's record
        member.tabs.setCurrentIndex(index)
        assert fits_smallest_screen(member), (member.tabs.tabText(index), _need(member))


def test_history_dates_and_document_numbers_are_not_cut(context, qtbot, make_form, cells):
    from tayninh_desktop.ui.dialogs.member_dialog import MemberDialog

    member_id, _ = register.add_member(context.db, context.actor, make_form(), cells["CB01"].id, today=date.today())
    register.record_event(context.db, context.actor, member_id, EventKind.MOVED_CELL, date(2025, 3, 2),
                          cell_id=cells["CB02"].id, doc_number="1234-QĐ/ĐU", doc_date=date(2025, 2, 27),
                          doc_issuer="Ban Thường vụ Đảng ủy xã Hưng Thuận", today=date.today())
    dialog = MemberDialog(context, member_id)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 700)
    dialog.show()
    tree = dialog.history.timeline
    metrics = tree.fontMetrics()
    item = tree.topLevelItem(0)
    for column in (0, 3):       # the date and the document (number, date, issuer)
        assert tree.columnWidth(column) >= metrics.horizontalAdvance(item.text(column)), item.text(column)
    assert tree.textElideMode() == Qt.TextElideMode.ElideNone


def test_the_register_columns_fit_and_can_be_chosen(demo_context, qtbot):
    from tayninh_desktop.ui import preferences
    from tayninh_desktop.ui.main_window import NAV_WIDTH
    from tayninh_desktop.ui.pages.register_page import COLUMN_WIDTHS, RegisterPage

    assert sum(COLUMN_WIDTHS) + NAV_WIDTH + 40 <= 1366
    page = RegisterPage(demo_context)
    qtbot.addWidget(page)
    menu = page.columns.menu()
    names = [a.text() for a in menu.actions()]
    assert names[1] == "Họ và tên" and not menu.actions()[1].isEnabled()     # the name always stays
    menu.actions()[9].setChecked(False)                                       # hide "Số thẻ đảng viên"
    assert page.table.isColumnHidden(9)
    again = RegisterPage(demo_context)                                         # kept for the next time
    qtbot.addWidget(again)
    assert again.table.isColumnHidden(9)
    again.columns.set_shown(9, True)
    assert preferences.get("columns.register") == []


def test_cells_are_in_the_same_order_everywhere(context, qtbot, actor):
    from tayninh_desktop.ui.pages.dues_page import DuesPage
    from tayninh_desktop.ui.pages.meetings_page import MeetingsPage
    from tayninh_desktop.ui.pages.organisation_page import OrganisationPage

    organisation.create_unit(context.db, actor, code="CB10", name="Chi bộ ấp An Bình")
    organisation.create_unit(context.db, actor, code="CB3", name="Chi bộ Trường Tiểu học")
    codes = [c.code for c in organisation.cells(context.db)]
    assert codes == ["CB01", "CB02", "CB3", "CB10"]           # by code, numbers as numbers
    names = [c.name for c in organisation.cells(context.db)]
    for page in (MeetingsPage(context), DuesPage(context)):
        qtbot.addWidget(page)
        assert [page.cell.itemText(i) for i in range(page.cell.count())] == names
    tree = OrganisationPage(context)
    qtbot.addWidget(tree)
    home = tree.tree.topLevelItem(0).child(0)
    assert [home.child(i).text(1) for i in range(home.childCount())] == codes
