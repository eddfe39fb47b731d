"""Changing one's own password (asked at the first login after an administrator set it), and an
administrator setting someone's password."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.services import accounts
from tayninh_desktop.ui import strings_accounts as s
from tayninh_desktop.ui.dialogs.login_dialog import password_field
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE


class PasswordDialog(QDialog):
    """``name`` None: the logged-in person changes their own (the old password asked); else an administrator
    sets ``name``'s password (to be changed at their next login)."""

    def __init__(self, db, actor, *, name: str | None = None, forced: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.name = db, actor, name
        self.setWindowTitle((s.RESET_TITLE if name else s.CHANGE_PASSWORD_TITLE).format(name=name or actor.name))
        self.setMinimumWidth(480)
        self.old = password_field("old_password")
        self.new = password_field("new_password")
        self.repeat = password_field("password_repeat")
        form = QFormLayout()
        if name is None:
            form.addRow(s.OLD_PASSWORD, self.old)
        form.addRow(s.FIRST_PASSWORD if name else s.NEW_PASSWORD, self.new)
        form.addRow(s.PASSWORD_REPEAT, self.repeat)
        hint = s.MIN_PASSWORD_HINT.format(min=accounts.policy(db).min_password)
        if name:
            hint += " " + s.FIRST_PASSWORD_HINT
        self.error = QLabel(objectName="password_error", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        ok = QPushButton(s.SAVE_PASSWORD, objectName="password_ok")
        ok.setDefault(True)
        cancel = QPushButton(s.LOGIN_QUIT if forced else "Hủy")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(ok)
        layout = QVBoxLayout(self)
        if forced:
            layout.addWidget(QLabel(s.MUST_CHANGE_INTRO, wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(QLabel(hint, wordWrap=True))
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        ok.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)

    def submit(self) -> bool:
        try:
            if self.name is None:
                accounts.change_password(self.db, self.actor, self.old.text(), self.new.text(), self.repeat.text())
            else:
                if self.new.text() != self.repeat.text():
                    raise ValidationError([FieldIssue("password_repeat", "password_mismatch")])
                accounts.reset_password(self.db, self.actor, self.name, self.new.text())
        except DomainError as error:
            self.error.setText(error.message)
            return False
        self.accept()
        return True
