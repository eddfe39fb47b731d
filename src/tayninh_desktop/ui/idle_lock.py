"""The window locks after a time without use (the login policy's ``idle_minutes``, a setting): what the
register shows is hidden until the logged-in account types its password again (or the program is closed)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
)

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import session as sessions
from tayninh_desktop.ui import strings_accounts as s
from tayninh_desktop.ui.dialogs.login_dialog import password_field
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE

ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


class LockDialog(QDialog):
    def __init__(self, context, minutes: int, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(s.LOCK_TITLE)
        self.setMinimumWidth(480)
        self.password = password_field("unlock_password")
        self.error = QLabel(objectName="unlock_error", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        unlock = QPushButton(s.UNLOCK, objectName="unlock")
        unlock.setDefault(True)
        close = QPushButton(s.LOCK_QUIT, objectName="lock_quit")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(unlock)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(s.LOCK_INTRO.format(minutes=minutes, name=context.actor.name), wordWrap=True))
        form = QFormLayout()
        form.addRow(s.LOGIN_PASSWORD, self.password)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        unlock.clicked.connect(self.try_unlock)
        close.clicked.connect(self.reject)

    def try_unlock(self) -> bool:
        try:
            sessions.confirm_password(self.context.db, self.context.actor, self.password.text())
        except DomainError as error:
            self.error.setText(error.message)
            self.password.clear()
            return False
        self.accept()
        return True


class IdleLock(QObject):
    """Watches the keyboard and the mouse of the whole program; locks ``window`` after ``minutes`` idle."""

    def __init__(self, window: QMainWindow, context, minutes: int) -> None:
        super().__init__(window)
        self.window, self.context, self.minutes = window, context, minutes
        self.locked = False
        self.timer = QTimer(self, singleShot=True, interval=max(1, minutes) * 60_000)
        self.timer.timeout.connect(self.lock)
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched, event) -> bool:
        if not self.locked and event.type() in ACTIVITY:
            self.timer.start()
        return False

    def lock(self) -> bool:
        """Hide the register and ask for the password; False when the person closed the program instead."""
        self.locked = True
        central = self.window.centralWidget()
        central.setVisible(False)
        dialog = LockDialog(self.context, self.minutes, self.window)
        dialog.setObjectName("lock_dialog")
        unlocked = dialog.exec() == QDialog.DialogCode.Accepted
        self.locked = False
        if not unlocked:
            self.window.close()
            return False
        central.setVisible(True)
        self.timer.start()
        return True


def install(window: QMainWindow, context) -> IdleLock | None:
    """Lock after the policy's idle minutes, for a register with accounts (none without: nobody to unlock)."""
    from tayninh_desktop.services import accounts

    if context.actor.account_id is None:
        return None
    minutes = accounts.policy(context.db).idle_minutes
    return IdleLock(window, context, minutes) if minutes > 0 else None
