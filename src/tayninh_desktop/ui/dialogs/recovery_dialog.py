"""A lost administrator password of an encrypted register: the printed recovery key sets a new one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import session as sessions
from tayninh_desktop.ui import strings_accounts as s
from tayninh_desktop.ui.dialogs.login_dialog import password_field
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE


class RecoveryDialog(QDialog):
    def __init__(self, path: Path, parent=None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.session: sessions.Session | None = None
        self.setWindowTitle(s.RECOVERY_TITLE)
        self.setMinimumWidth(560)
        self.key = QLineEdit(objectName="recovery_key", placeholderText="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.name = QLineEdit(objectName="recovery_name")
        self.new = password_field("recovery_new")
        self.repeat = password_field("recovery_repeat")
        form = QFormLayout()
        form.addRow(s.RECOVERY_KEY, self.key)
        form.addRow(s.LOGIN_NAME, self.name)
        form.addRow(s.NEW_PASSWORD, self.new)
        form.addRow(s.PASSWORD_REPEAT, self.repeat)
        self.error = QLabel(objectName="recovery_error", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        ok = QPushButton(s.RECOVER_BUTTON, objectName="recover_ok")
        cancel = QPushButton(s.LOGIN_QUIT)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(ok)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(s.RECOVERY_INTRO, wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        ok.clicked.connect(self.try_recover)
        cancel.clicked.connect(self.reject)

    def try_recover(self) -> bool:
        try:
            self.session = sessions.recover(self.path, self.name.text(), self.key.text(), self.new.text(),
                                            self.repeat.text())
        except DomainError as error:
            self.error.setText(error.message)
            return False
        self.accept()
        return True
