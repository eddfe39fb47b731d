"""Who uses the window: the login of a register with accounts, the first administrator at the first run,
the password to change at a first login, and what the window shows about it (issue 15).

``app.start`` calls these in order; each dialog is its own file, so the first-run screen stays as it is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMessageBox

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import scope
from tayninh_desktop.services.session import Session, open_register
from tayninh_desktop.ui import strings
from tayninh_desktop.ui import strings_accounts as s


def open_for_window(path: Path) -> Session | int:
    """The register opened for the person at the keyboard: without accounts at once (its administrator),
    else after the login screen. An int is the exit code when there is nothing to open."""
    try:
        return open_register(path, create=True)
    except DomainError as error:
        if error.code != "login_user_required":
            QMessageBox.critical(None, strings.ERROR_TITLE, error.message)
            return 1
    from tayninh_desktop.services.session import is_encrypted
    from tayninh_desktop.ui.dialogs.login_dialog import LoginDialog

    dialog = LoginDialog(path, encrypted=is_encrypted(path))
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.session is None:
        return 0
    return dialog.session


def settle(session: Session) -> bool:
    """A password an administrator set is changed before anything else (False: the person gave up)."""
    if not session.must_change:
        return True
    from tayninh_desktop.ui.dialogs.password_dialog import PasswordDialog

    dialog = PasswordDialog(session.db, session.actor, forced=True)
    return dialog.exec() == QDialog.DialogCode.Accepted


def first_admin(session: Session) -> bool:
    """The first run's last step: the first administrator, who is then the one logged in."""
    from tayninh_desktop.ui.dialogs.first_admin_dialog import FirstAdminDialog

    dialog = FirstAdminDialog(session.db, session.actor)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.account is None:
        return False
    session.account = dialog.account
    session.actor = dialog.account.actor()
    scope.attach(session.db, session.actor)
    return True


def decorate(window: QMainWindow, session: Session) -> None:
    """Show who is logged in; say so when the register has no accounts (everyone is its administrator); lock
    the idle window."""
    actor = session.actor
    who = (s.SIGNED_IN_AS.format(name=actor.name, role=s.role_label(actor.role.value)) if session.account
           else s.SIGNED_IN_DEFAULT.format(name=actor.name))
    window.statusBar().addPermanentWidget(QLabel(who, objectName="signed_in"))
    if session.account is None:
        banner = QLabel(s.NO_ACCOUNTS_BANNER, objectName="no_accounts_banner", wordWrap=True)
        banner.setStyleSheet("background: #FDE7E9; color: #6B0A12; padding: 6px")
        window.centralWidget().layout().insertWidget(0, banner)
        return
    from tayninh_desktop.ui import idle_lock

    window.idle_lock = idle_lock.install(window, window.context)
