"""The window's side of accounts: the login screen, the first administrator, the accounts and security page,
the idle lock, the audit trail page, and the save dialog that says a file holds personal data."""

from __future__ import annotations

import os

import openpyxl
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from tayninh_desktop.domain.actors import DEFAULT_ADMIN_NAME, Actor, Role
from tayninh_desktop.services import accounts, organisation
from tayninh_desktop.services.session import open_register
from tayninh_desktop.ui.context import UiContext
from tests.services.accounts_fixtures import ADMIN_PASSWORD, PASSWORDS, add_people, login

SHOTS = os.environ.get("TAYNINH_SHOTS")   # a folder: keep the screenshots (1366×768) to look at them


@pytest.fixture
def people(home_db, db_path, cells):
    add_people(home_db, cells)
    home_db.conn.close()
    return db_path


def _shot(widget, name):
    if SHOTS:
        widget.resize(1366, 768)
        widget.grab().save(f"{SHOTS}/{name}.png")


def test_the_login_screen(people, qtbot):
    from tayninh_desktop.ui.dialogs.login_dialog import LoginDialog

    dialog = LoginDialog(people)
    qtbot.addWidget(dialog)
    _shot(dialog, "login")
    dialog.name.setText("vanthu")
    dialog.password.setText("sai-mat-khau")
    assert not dialog.try_login()
    assert "không đúng" in dialog.error.text() and dialog.password.text() == ""
    dialog.password.setText(PASSWORDS["vanthu"])
    if not dialog.try_login():   # the growing delay: the button waits, then the login goes through
        assert not dialog.login_button.isEnabled() and "chờ" in dialog.login_button.text()
        qtbot.waitUntil(dialog.login_button.isEnabled, timeout=5000)
        dialog.password.setText(PASSWORDS["vanthu"])
        assert dialog.try_login()
    assert dialog.session.actor.name == "vanthu"
    dialog.session.db.conn.close()


def test_the_first_administrator_at_the_first_run(home_db, qtbot):
    from tayninh_desktop.ui.dialogs.first_admin_dialog import FirstAdminDialog

    dialog = FirstAdminDialog(home_db, Actor(DEFAULT_ADMIN_NAME, Role.ADMIN))
    qtbot.addWidget(dialog)
    dialog.full_name.setText("Nguyễn Văn Quản")
    dialog.full_name.editingFinished.emit()
    assert dialog.name.text() == "quan.nguyen"
    dialog.password.setText("mot-mat-khau")
    dialog.repeat.setText("mat-khau-khac")
    assert not dialog.create() and "không giống" in dialog.error.text()
    _shot(dialog, "first_admin")
    dialog.repeat.setText("mot-mat-khau")
    assert dialog.create() and dialog.account.role is Role.ADMIN
    assert accounts.has_accounts(home_db)


def test_the_accounts_page_of_the_administrator(people, qtbot, tmp_path):
    from tayninh_desktop.ui.pages.accounts_page import AccountsPage

    session = login(people, "quantri")
    context = UiContext(session.db, session.actor, str(people))
    page = AccountsPage(context)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 5
    assert "chưa xác nhận" in page.findChild(QLabel, "policy_unconfirmed").text()
    page.lock_after.setValue(3)
    page.save_policy()
    assert accounts.policy(session.db).lock_after == 3
    page.table.selectRow(4)   # xem
    page.toggle_active()
    assert not accounts.require_account(session.db, "xem").active and page.model.rows[4].cells[4] == "đã ngừng"
    _shot(page, "accounts_page")
    about = page.show_about()
    _shot(about, "about")
    _shot(page.add_account(), "account_dialog")
    assert "BitLocker" in about.findChild(QLabel, "about_text").text()
    result = page.turn_encryption(True, password=ADMIN_PASSWORD)
    assert result is not None and context.db.cipher_key is not None
    sheet = QApplication.activeModalWidget() or next(w for w in QApplication.topLevelWidgets()
                                                     if w.objectName() == "" and hasattr(w, "save") and
                                                     hasattr(w, "key"))
    dialog = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "RecoveryKeyDialog")
    _shot(dialog, "recovery_key")
    out = dialog.save(str(tmp_path / "ma.pdf"))
    assert out.exists() and dialog.key in dialog.findChild(QLabel, "recovery_key_text").text()
    del sheet
    context.db.conn.close()


def test_a_viewer_sees_no_accounts_and_no_audit(people, qtbot):
    from tayninh_desktop.ui.main_window import MainWindow
    from tayninh_desktop.ui.pages.accounts_page import AccountsPage
    from tayninh_desktop.ui.pages.audit_page import AuditPage

    session = login(people, "xem")
    context = UiContext(session.db, session.actor, str(people))
    page = AccountsPage(context)
    qtbot.addWidget(page)
    assert not page.admin and "xem" in page.who.text()
    audit = AuditPage(context)
    qtbot.addWidget(audit)
    assert "không có quyền" in audit.findChild(QLabel, "audit_denied").text()
    _, error = context.attempt(organisation.create_unit, code="CB09", name="Chi bộ 9")   # the window obeys too
    assert error is not None and error.code == "permission_denied"
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show_page("register")
    _shot(window, "viewer_window")
    session.db.conn.close()


def test_the_audit_trail_page(people, qtbot, tmp_path):
    from tayninh_desktop.ui.pages.audit_page import AuditPage

    session = login(people, "vanthu")
    db = session.db
    from tayninh_desktop.services import register
    from tests.conftest import TODAY, member_form

    cell = organisation.cells(db)[0]
    member_id, _ = register.add_member(db, session.actor, member_form(), cell.id, today=TODAY)
    context = UiContext(db, session.actor, str(people))
    page = AuditPage(context)
    qtbot.addWidget(page)
    assert page.model.rowCount() >= 6
    page.user.setCurrentIndex(page.user.findData("vanthu"))
    page.reload()
    assert [line.action for line in page.lines] == ["add_member"]
    page.table.selectRow(0)
    page.show_detail(0)
    assert "Họ và tên: Nguyễn Thị Ánh Tuyết" in page.detail.toPlainText()
    page.clear_filters()
    page.member_text.setText("anh tuyet")
    page.find_member()
    assert page.member.currentData() == member_id and [line.action for line in page.lines] == ["add_member"]
    page.clear_filters()
    page.start.setText("31/02/2026")
    page.reload()
    assert "Từ ngày" in page.error.text()
    page.start.clear()
    page.reload()
    out = page.export(str(tmp_path / "nhat-ky.xlsx"))
    sheet = openpyxl.load_workbook(out).active
    assert sheet.cell(4, 4).value == "Việc" and "Thêm đảng viên" in [sheet.cell(r, 4).value for r in range(5, 20)]
    result = page.run_check()
    assert result.ok and page.check_result.toPlainText().startswith("KẾT QUẢ KIỂM TRA: ĐẠT")
    _shot(page, "audit_page")
    db.conn.close()


def test_the_window_locks_when_idle(people, qtbot):
    from PySide6.QtWidgets import QMainWindow, QWidget

    from tayninh_desktop.ui.idle_lock import IdleLock

    session = login(people, "vanthu")
    context = UiContext(session.db, session.actor, str(people))
    window = QMainWindow()
    window.setCentralWidget(QWidget())
    window.context = context
    qtbot.addWidget(window)
    lock = IdleLock(window, context, 10)

    def answer(password: str) -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "lock_dialog"
        assert not window.centralWidget().isVisible()   # nothing of the register shows behind the lock
        _shot(dialog, "lock_dialog")
        dialog.password.setText(password)
        if not dialog.try_unlock():
            assert "không đúng" in dialog.error.text()
            dialog.password.setText(PASSWORDS["vanthu"])
            assert dialog.try_unlock()

    window.show()
    QTimer.singleShot(0, lambda: answer("sai"))
    assert lock.lock()
    assert window.centralWidget().isVisible()
    session.db.conn.close()


def test_a_save_dialog_says_the_file_holds_personal_data(qapp):
    from tayninh_desktop.ui.widgets.personal_data_save import build_dialog

    dialog = build_dialog(None, "Xuất danh sách", "danh-sach.xlsx", "Tệp Excel (*.xlsx)")
    note = dialog.findChild(QLabel, "personal_data_note")
    assert note is not None and "dữ liệu cá nhân" in note.text() and dialog.defaultSuffix() == "xlsx"
    dialog.deleteLater()


def test_a_register_without_accounts_opens_with_a_banner(home_db, db_path, qtbot):
    from tayninh_desktop.ui import session_ui
    from tayninh_desktop.ui.main_window import MainWindow

    home_db.conn.close()
    session = open_register(db_path)
    window = MainWindow(UiContext(session.db, session.actor, str(db_path)))
    qtbot.addWidget(window)
    session_ui.decorate(window, session)
    banner = window.findChild(QLabel, "no_accounts_banner")
    assert banner is not None and "chưa có tài khoản" in banner.text()
    _shot(window, "no_accounts_window")
    session.db.conn.close()


def test_the_window_opens_an_encrypted_register_after_the_login_screen(people, qtbot):
    """app.start's door: a register with accounts (here encrypted) opens only through the login screen."""
    from tayninh_desktop.services import encryption
    from tayninh_desktop.ui import session_ui

    admin = login(people, "quantri")
    encryption.turn_on(admin.db, admin.actor, ADMIN_PASSWORD).db.conn.close()
    seen = {}

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        seen["title"] = dialog.windowTitle()
        seen["recover"] = dialog.findChild(type(dialog.login_button), "recover") is not None
        _shot(dialog, "login_encrypted")
        dialog.name.setText("bithu1")
        dialog.password.setText(PASSWORDS["bithu1"])
        dialog.try_login()

    QTimer.singleShot(0, fill)
    session = session_ui.open_for_window(people)
    assert seen == {"title": "Đăng nhập — Sổ đảng viên", "recover": True}
    assert session.actor.name == "bithu1" and session.actor.scoped and session.db.cipher_key is not None
    session.db.conn.close()


@pytest.mark.parametrize("name", ["bithu1", "xem"])
def test_every_page_opens_for_a_secretary_and_a_viewer(demo_db_path, tmp_path, qtbot, name):
    """A cell secretary's pages show their cell (no page fails on another cell); a viewer's open read-only."""
    import shutil

    from tayninh_desktop.storage.db import open_database
    from tayninh_desktop.ui.main_window import MainWindow
    from tayninh_desktop.ui.page_registry import pages

    path = tmp_path / "so.sqlite3"
    shutil.copy(demo_db_path, path)
    db = open_database(path)
    add_people(db, {c.code: c for c in organisation.cells(db)})
    db.conn.close()
    session = login(path, name)
    context = UiContext(session.db, session.actor, str(path))
    window = MainWindow(context)
    qtbot.addWidget(window)
    if name == "bithu1":
        assert [c.code for c in context.cells()] == ["CB01"]
    for spec in pages():
        window.show_page(spec.key)
    if name == "bithu1":
        window.show_page("register")
        _shot(window, "secretary_register")
    session.db.conn.close()
