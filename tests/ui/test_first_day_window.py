"""The first day: the sample register kept apart from the real one and marked on every window; leaving it for the
real register at any time; the start checklist computed from the register; every empty page offers its action."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.services import organisation, register, sample_register
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.main_window import MainWindow
from tayninh_desktop.ui.session import Session


@pytest.fixture
def files(tmp_path) -> tuple[Path, Path]:
    return tmp_path / "so-dang-vien.sqlite3", tmp_path / "so-mau.sqlite3"


def _close(session: Session) -> None:
    if session.window is not None:
        session.window.close()
        session.window.context.db.conn.close()


def test_the_sample_register_is_its_own_file_marked_on_every_window(files, qtbot, answers):
    real, sample = files
    session = Session(Actor("van-thu"), real, sample)
    from tayninh_desktop.ui.dialogs.first_run import FirstRunDialog

    dialog = FirstRunDialog(session.actor, real, sample)
    qtbot.addWidget(dialog)
    assert dialog.open_demo()
    window = session.opened(dialog.db, dialog.path)
    qtbot.addWidget(window)
    assert window.context.db_path == str(sample) and not real.exists()
    assert window.windowTitle().startswith("SỔ MẪU — ") and window.banner is not None
    assert window.banner.isVisibleTo(window) and "SỔ MẪU" in window.banner.findChildren(QLabel)[0].text()
    member_dialog = window.new_member()                       # any dialog of the sample register
    qtbot.addWidget(member_dialog)
    qtbot.waitUntil(lambda: member_dialog.windowTitle().startswith("SỔ MẪU — "), timeout=2000)
    member_dialog.reject()
    _close(session)


def test_leaving_the_sample_creates_and_opens_the_real_register(files, qtbot, monkeypatch):
    real, sample = files
    session = Session(Actor("van-thu"), real, sample)
    from tayninh_desktop.ui.dialogs.first_run import FirstRunDialog

    first = FirstRunDialog(session.actor, real, sample)
    qtbot.addWidget(first)
    first.open_demo()
    window = session.opened(first.db, first.path)
    qtbot.addWidget(window)

    def fill_and_create(dialog):        # the clerk types the committee in the first-run form
        dialog.unit_name.setText("Đảng ủy xã Long Thuận")
        dialog.unit_code.setText("LT")
        dialog.place.setText("Long Thuận")
        return FirstRunDialog.DialogCode.Accepted if dialog.create() else FirstRunDialog.DialogCode.Rejected

    monkeypatch.setattr(FirstRunDialog, "exec", fill_and_create)
    from tayninh_desktop.ui.dialogs.first_admin_dialog import FirstAdminDialog

    def make_admin(dialog):             # then the first administrator of the real register
        dialog.full_name.setText("Nguyễn Văn Quản")
        dialog.full_name.editingFinished.emit()
        dialog.password.setText("mot-mat-khau")
        dialog.repeat.setText("mot-mat-khau")
        return FirstAdminDialog.DialogCode.Accepted if dialog.create() else FirstAdminDialog.DialogCode.Rejected

    monkeypatch.setattr(FirstAdminDialog, "exec", make_admin)
    window.banner.leave_button.click()
    new = session.window
    assert new is not None and new is not window
    qtbot.addWidget(new)
    assert new.context.db_path == str(real) and not sample_register.is_sample(new.context.db)
    assert new.banner is None and not new.windowTitle().startswith("SỔ MẪU")
    assert organisation.home_unit(new.context.db).name == "Đảng ủy xã Long Thuận"
    assert new.context.actor.name == "quan.nguyen"                # the first administrator is the one signed in
    assert register.member_count(new.context.db) == 0            # nothing of the demo in the real register
    assert "open_sample" in new.menus and "leave_sample" not in new.menus
    # A dialog of the real register is not marked.
    dialog = new.new_member()
    qtbot.addWidget(dialog)
    QApplication.processEvents()
    assert not dialog.windowTitle().startswith("SỔ MẪU")
    dialog.reject()
    _close(session)


def test_leaving_the_sample_asks_about_typed_work_first(files, qtbot, answers):
    real, sample = files
    session = Session(Actor("van-thu"), real, sample)
    from tayninh_desktop.ui.dialogs.first_run import FirstRunDialog

    first = FirstRunDialog(session.actor, real, sample)
    qtbot.addWidget(first)
    first.open_demo()
    window = session.opened(first.db, first.path)
    qtbot.addWidget(window)
    meetings = window.show_page("meetings")
    meetings.chair.setText("Nguyễn Văn A")
    answers.next("Ở lại")
    assert session.switch(False) is None
    assert session.window is window and window.isVisible() and not real.exists()
    answers.next("Không lưu")
    _close(session)


def test_the_start_checklist_ticks_what_the_register_shows(home_db, qtbot, actor, make_form):
    from tayninh_desktop.services import documents_context
    from tayninh_desktop.ui.widgets.start_checklist import StartChecklist

    fresh = UiContext(home_db, actor)
    checklist = StartChecklist(fresh)
    qtbot.addWidget(checklist)
    assert checklist.done_keys == ["cells"] and checklist.isVisibleTo(checklist.parentWidget() or checklist)
    assert "1/4" in checklist.title()
    cell = organisation.cells(home_db)[0]
    from datetime import date

    _id, changes = register.add_member(home_db, actor, make_form(), cell.id, today=date.today())
    fresh.changed.emit(changes)
    home = organisation.home_unit(home_db)
    fresh.changed.emit(documents_context.set_signers(home_db, actor, home.id, "Trần Văn Bí", ""))
    assert checklist.done_keys == ["cells", "members", "signers"] and "3/4" in checklist.title()


def test_each_checklist_step_opens_its_action(context, qtbot):
    window = MainWindow(context)
    qtbot.addWidget(window)
    checklist = window.pages["warnings"].checklist
    add_cell = checklist.open_step("cells")
    qtbot.addWidget(add_cell)
    assert window.stack.currentWidget() is window.pages["organisation"] and add_cell.isVisible()
    add_cell.reject()
    wizard = checklist.open_step("members")
    qtbot.addWidget(wizard)
    assert window.stack.currentWidget() is window.pages["lists"] and wizard.isVisible()
    wizard.reject()
    checklist.open_step("signers")
    settings = window.pages["settings"]
    assert window.stack.currentWidget() is settings and settings.sections["signers"].isVisibleTo(settings)
    checklist.open_step("meeting")
    assert window.stack.currentWidget() is window.pages["meetings"]


def test_empty_pages_say_what_to_do_and_offer_the_action(fresh_db, actor, qtbot):
    organisation.initialise(fresh_db, actor, unit_code="HT", unit_name="Đảng ủy xã Hưng Thuận",
                            superior_name="Tỉnh ủy Tây Ninh", place_name="Hưng Thuận")
    window = MainWindow(UiContext(fresh_db, actor))
    qtbot.addWidget(window)
    for key in ("meetings", "dues", "ratings", "register"):
        page = window.show_page(key)
        assert page.switch.showing_empty, key
        assert page.switch.empty.buttons, key
    dialog = window.pages["dues"].switch.empty.buttons[0].click()
    assert window.stack.currentWidget() is window.pages["organisation"]
    assert dialog is None


def test_start_opens_the_real_register_when_it_has_its_committee(files, qtbot):
    real, sample = files
    db = register_files_open(real)
    organisation.initialise(db, Actor("van-thu"), unit_code="HT", unit_name="Đảng ủy xã Hưng Thuận",
                            superior_name="Tỉnh ủy Tây Ninh")
    db.conn.close()
    session = Session(Actor("van-thu"), real, sample)
    window = session.start()                       # no first-run screen: straight to the real register
    qtbot.addWidget(window)
    assert window.context.db_path == str(real) and not window.sample and not sample.exists()
    assert "SỔ MẪU" not in window.windowTitle()
    _close(session)


def register_files_open(path):
    from tayninh_desktop.services import register_files

    return register_files.open_register(path)


def test_the_menus_open_settings_guide_about_and_the_backup_hook(context, qtbot):
    from tayninh_desktop.ui import main_menu

    window = MainWindow(context)
    qtbot.addWidget(window)
    titles = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert titles == ["Tệp", "Cài đặt", "Sao lưu", "Trợ giúp"]
    window.menus["settings"].trigger()
    assert window.stack.currentWidget() is window.pages["settings"]
    guide = main_menu.open_guide(window)
    qtbot.addWidget(guide)
    assert guide.source is not None and guide.source.name in ("huong-dan.md", "README.md")
    assert guide.viewer.isReadOnly() and guide.viewer.toPlainText()
    about = main_menu.open_about(window)
    qtbot.addWidget(about)
    text = about.text.text()
    assert "Phiên bản" in text and "Thư mục dữ liệu" in text and "SIL Open Font License" in text
    # "Sao lưu" opens the backup dialog (ui/dialogs/backup_dialog.py).
    backup = window.menus["backup"]
    dialog = main_menu.open_backup(window)
    assert backup.isEnabled() and dialog.isVisible()
    dialog.close()
