"""Adding an account (name, full name, role, a secretary's cell, a first password) or changing a role."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.services import accounts
from tayninh_desktop.ui import strings_accounts as s
from tayninh_desktop.ui.dialogs.login_dialog import password_field
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE


class AccountDialog(QDialog):
    """``account`` None: a new account; else the role (and cell) of ``account``."""

    def __init__(self, context, account=None, parent=None) -> None:
        super().__init__(parent)
        self.context, self.account = context, account
        self.setWindowTitle(s.ROLE_DIALOG_TITLE.format(name=account.name) if account else s.ACCOUNT_DIALOG_TITLE)
        self.setMinimumWidth(520)
        self.name = QLineEdit(objectName="account_name")
        self.full_name = QLineEdit(objectName="account_full_name")
        self.role = QComboBox(objectName="account_role")
        for code, label in s.ROLE_CHOICES:
            self.role.addItem(label, code)
        self.cell = QComboBox(objectName="account_cell")
        self.cell.addItem("—", None)
        for cell in context.cells():
            self.cell.addItem(f"{cell.name} ({cell.code})", cell.id)
        self.password = password_field("account_password")
        self.repeat = password_field("account_repeat")
        form = QFormLayout()
        if account is None:
            form.addRow(s.LOGIN_NAME, self.name)
            form.addRow(s.FULL_NAME, self.full_name)
        form.addRow(s.ROLE, self.role)
        form.addRow(s.CELL, self.cell)
        if account is None:
            form.addRow(s.FIRST_PASSWORD, self.password)
            form.addRow(s.PASSWORD_REPEAT, self.repeat)
            self.role.setCurrentIndex(self.role.findData("van_thu"))   # never an administrator by default
        else:
            self.role.setCurrentIndex(max(0, self.role.findData(account.role.value)))
            self.cell.setCurrentIndex(max(0, self.cell.findData(account.cell_id)))
        self.error = QLabel(objectName="account_error", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        ok = QPushButton("Lưu", objectName="account_ok")
        ok.setDefault(True)
        cancel = QPushButton("Hủy")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(ok)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(s.ROLES_EXPLAINED, wordWrap=True))
        layout.addLayout(form)
        if account is None:
            layout.addWidget(QLabel(s.FIRST_PASSWORD_HINT, wordWrap=True))
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        ok.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        self.role.currentIndexChanged.connect(self._cell_enabled)
        self.full_name.editingFinished.connect(self._suggest)
        self._cell_enabled()

    def _cell_enabled(self) -> None:
        self.cell.setEnabled(self.role.currentData() == "bi_thu_chi_bo")

    def _suggest(self) -> None:
        from tayninh_desktop.domain.accounts import suggest_name

        if not self.name.text():
            self.name.setText(suggest_name(self.full_name.text()))

    def submit(self) -> bool:
        role, cell = self.role.currentData(), self.cell.currentData()
        try:
            if self.account is not None:
                result = self.context.attempt(accounts.set_role, self.account.name, role, cell_id=cell)
            else:
                if self.password.text() != self.repeat.text():
                    raise ValidationError([FieldIssue("password_repeat", "password_mismatch")])
                result = self.context.attempt(accounts.add_account, self.name.text(), self.full_name.text(), role,
                                              self.password.text(), cell_id=cell)
        except DomainError as error:
            result = (None, error)
        if result[1] is not None:
            self.error.setText(result[1].message)
            return False
        self.accept()
        return True
