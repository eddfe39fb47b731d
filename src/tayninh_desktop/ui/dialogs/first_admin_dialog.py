"""The first run's step after the committee is made: the first administrator's account (its own dialog, so
the first-run screen itself stays as it is)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from tayninh_desktop.domain.accounts import Account
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import accounts
from tayninh_desktop.ui import strings_accounts as s
from tayninh_desktop.ui.dialogs.login_dialog import password_field
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE


class FirstAdminDialog(QDialog):
    def __init__(self, db, actor, parent=None, *, can_wait: bool = False) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.account: Account | None = None
        self.setWindowTitle(s.FIRST_ADMIN_TITLE)
        self.setMinimumWidth(560)
        self.name = QLineEdit(objectName="admin_name", placeholderText="vd. quan.tri")
        self.full_name = QLineEdit(objectName="admin_full_name")
        self.password = password_field("admin_password")
        self.repeat = password_field("admin_repeat")
        form = QFormLayout()
        form.addRow(s.LOGIN_NAME, self.name)
        form.addRow(s.FULL_NAME, self.full_name)
        form.addRow(s.LOGIN_PASSWORD, self.password)
        form.addRow(s.PASSWORD_REPEAT, self.repeat)
        self.error = QLabel(objectName="first_admin_error", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        create = QPushButton(s.CREATE_ADMIN, objectName="create_admin")
        create.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        if can_wait:
            later = QPushButton(s.LATER, objectName="later")
            later.clicked.connect(self.reject)
            buttons.addWidget(later)
        buttons.addWidget(create)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(s.FIRST_ADMIN_INTRO, wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(QLabel(s.MIN_PASSWORD_HINT.format(min=accounts.policy(db).min_password)))
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        create.clicked.connect(self.create)
        self.full_name.editingFinished.connect(self._suggest)

    def _suggest(self) -> None:
        from tayninh_desktop.domain.accounts import suggest_name

        if not self.name.text():
            self.name.setText(suggest_name(self.full_name.text()))

    def create(self) -> bool:
        try:
            self.account, _ = accounts.create_first_admin(self.db, self.actor, self.name.text(),
                                                          self.full_name.text(), self.password.text(),
                                                          self.repeat.text())
        except DomainError as error:
            self.error.setText(error.message)
            return False
        self.accept()
        return True
