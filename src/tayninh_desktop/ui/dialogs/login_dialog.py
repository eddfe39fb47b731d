"""The login screen of a register with accounts (and of an encrypted one): name, password, and for a lost
administrator password the recovery key. A refusal shows the service's sentence under the fields."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import session as sessions
from tayninh_desktop.ui import strings_accounts as s
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE


def password_field(name: str) -> QLineEdit:
    field = QLineEdit(objectName=name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class LoginDialog(QDialog):
    def __init__(self, path: Path, *, encrypted: bool = False, user: str = "", parent=None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.session: sessions.Session | None = None
        self.setWindowTitle(s.LOGIN_TITLE)
        self.setMinimumWidth(520)
        intro = (s.LOGIN_INTRO_ENCRYPTED if encrypted else s.LOGIN_INTRO).format(register=self.path.name)
        self.name = QLineEdit(user, objectName="login_name")
        self.password = password_field("login_password")
        form = QFormLayout()
        form.addRow(s.LOGIN_NAME, self.name)
        form.addRow(s.LOGIN_PASSWORD, self.password)
        self.error = QLabel(objectName="login_error", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.login_button = QPushButton(s.LOGIN_BUTTON, objectName="login")
        self.login_button.setDefault(True)
        quit_button = QPushButton(s.LOGIN_QUIT, objectName="quit")
        buttons = QHBoxLayout()
        if encrypted:
            recover = QPushButton(s.LOGIN_RECOVER, objectName="recover")
            recover.clicked.connect(self.recover)
            buttons.addWidget(recover)
        buttons.addStretch(1)
        buttons.addWidget(quit_button)
        buttons.addWidget(self.login_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(intro, wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.login_button.clicked.connect(self.try_login)
        quit_button.clicked.connect(self.reject)
        (self.password if user else self.name).setFocus()

    def try_login(self) -> bool:
        try:
            self.session = sessions.open_register(self.path, user=self.name.text(), password=self.password.text())
        except DomainError as error:
            self.error.setText(error.message)
            self.password.clear()
            if error.code == "login_wait":
                self._hold(int(error.data.get("seconds", 1)))
            return False
        self.accept()
        return True

    def _hold(self, seconds: int) -> None:
        """The growing delay, seen: the button waits as long as the service would refuse."""
        self.login_button.setEnabled(False)
        self.login_button.setText(s.LOGIN_WAIT.format(seconds=seconds))

        def release() -> None:
            self.login_button.setEnabled(True)
            self.login_button.setText(s.LOGIN_BUTTON)

        QTimer.singleShot(seconds * 1000, release)

    def recover(self) -> None:
        from tayninh_desktop.ui.dialogs.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self.path, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.session is not None:
            self.session = dialog.session
            self.accept()
