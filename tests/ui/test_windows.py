from datetime import date

from PySide6.QtCore import Qt

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.services import organisation, register
from tayninh_desktop.ui.dialogs.first_run import FirstRunDialog
from tayninh_desktop.ui.main_window import MainWindow
from tayninh_desktop.ui.pages.organisation_page import OrganisationPage
from tests.ui.conftest import activate


def test_first_run_creates_the_committee(tmp_path, qtbot):
    real, sample = tmp_path / "so-dang-vien.sqlite3", tmp_path / "so-mau.sqlite3"
    dialog = FirstRunDialog(Actor("van-thu"), real, sample)
    qtbot.addWidget(dialog)
    dialog.unit_code.setText("HT")
    assert dialog.create() is False and "Tên" in dialog.error.text()
    dialog.unit_name.setText("Đảng ủy xã Hưng Thuận")
    dialog.place.setText("Hưng Thuận")
    assert dialog.create() is True and dialog.path == real
    assert organisation.home_unit(dialog.db).name == "Đảng ủy xã Hưng Thuận"
    assert not sample.exists()
    dialog.db.conn.close()


def test_main_window_navigation_and_shortcuts(demo_context, qtbot):
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    activate(qtbot, window)
    assert "Đảng ủy xã Hưng Thuận" in window.windowTitle()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.pages["register"].search.hasFocus()
    dialog = window.new_member()
    qtbot.addWidget(dialog)
    # The demo register: every window says so, from the moment it is the active window (ui/sample_mark).
    qtbot.waitUntil(lambda: dialog.windowTitle() == "SỔ MẪU — Thêm đảng viên", timeout=2000)
    dialog.reject()
    window.show_page("organisation")
    assert isinstance(window.stack.currentWidget(), OrganisationPage)


def test_organisation_page_add_rename_merge(context, qtbot, make_form, no_questions):
    page = OrganisationPage(context)
    qtbot.addWidget(page)
    dialog = page.add_cell()
    dialog.inputs["code"].setText("CB01")
    dialog.inputs["name"].setText("Chi bộ ấp Mới")
    dialog.try_submit()
    assert "đã được dùng" in dialog.error.text()
    dialog.inputs["code"].setText("CB09")
    dialog.try_submit()
    assert "Chi bộ ấp Mới" in [c.name for c in organisation.cells(context.db)]
    source = next(c for c in organisation.cells(context.db) if c.code == "CB02")
    member_id, _ = register.add_member(context.db, context.actor, make_form(), source.id, today=date.today())
    page.reload()
    items = page.tree.findItems("Chi bộ ấp Suối Dộp", Qt.MatchFlag.MatchRecursive)
    page.tree.setCurrentItem(items[0])
    assert "1 đảng viên" in page.details.text()
    merge = page.merge_selected()
    merge.inputs["valid_from"].setText("01/07/2025")
    merge.try_submit()
    assert register.get_member(context.db, member_id).cell_id != source.id
    assert page.tree.findItems("Chi bộ ấp Suối Dộp (đã thôi hoạt động)", Qt.MatchFlag.MatchRecursive) == []


def test_organisation_page_moves_the_committee_under_a_new_superior(context, qtbot):
    from tayninh_desktop.domain.org import UnitType

    home = organisation.home_unit(context.db)
    district_id, _ = organisation.create_unit(context.db, context.actor, code="HU", name="Huyện ủy Trảng Bàng",
                                              unit_type=UnitType.DISTRICT_COMMITTEE, parent_id=home.parent_id)
    page = OrganisationPage(context)
    qtbot.addWidget(page)
    page.tree.setCurrentItem(page.tree.findItems("Đảng ủy xã Hưng Thuận", Qt.MatchFlag.MatchRecursive)[0])
    dialog = page.move_selected()
    from PySide6.QtWidgets import QComboBox

    combo = dialog.findChild(QComboBox, "move_parent")
    combo.setCurrentIndex(combo.findData(district_id))
    dialog.inputs["valid_from"].setText("31/02/2000")
    dialog.try_submit()
    assert "không phải ngày hợp lệ" in dialog.error.text()
    dialog.inputs["valid_from"].setText("01/01/2000")
    dialog.try_submit()
    lines = organisation.header_lines(context.db, home.id, date(2020, 1, 1))
    assert lines.superior_line == "ĐẢNG BỘ HUYỆN TRẢNG BÀNG"


def test_first_run_opens_the_demo_register_in_its_own_file(tmp_path, qtbot):
    from tayninh_desktop.services import sample_register

    real, sample = tmp_path / "so-dang-vien.sqlite3", tmp_path / "so-mau.sqlite3"
    dialog = FirstRunDialog(Actor("van-thu"), real, sample)
    qtbot.addWidget(dialog)
    assert dialog.open_demo() is True and dialog.path == sample
    assert register.member_count(dialog.db) == 1200 and sample_register.is_sample(dialog.db)
    assert not real.exists()                      # the real register's file is never the demo's
    dialog.db.conn.close()
    again = FirstRunDialog(Actor("van-thu"), real, sample)   # the next start opens the same demo again
    qtbot.addWidget(again)
    assert again.demo_button.text() == "Mở lại sổ mẫu"
    assert again.open_demo() is True and register.member_count(again.db) == 1200
    again.db.conn.close()


def test_enter_in_the_table_opens_the_member(demo_context, qtbot):
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # from the home page: the register
    page = window.pages["register"]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.search, "a")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    from tayninh_desktop.ui.dialogs.member_dialog import MemberDialog

    dialogs = [w for w in page.findChildren(MemberDialog)]
    assert len(dialogs) == 1 and page.model.data(page.model.index(0, 1)) in dialogs[0].windowTitle()
