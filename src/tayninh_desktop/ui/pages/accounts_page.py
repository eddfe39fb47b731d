"""Accounts and security: who may use the register (the administrator's list), one's own password, the login
policy, the register's encryption, and the About text (what is protected, what to add: BitLocker)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.actors import Permission
from tayninh_desktop.services import accounts, encryption
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_accounts as s
from tayninh_desktop.ui.context import UiContext, show_error
from tayninh_desktop.ui.models.rows_model import DisplayRow, RowsModel
from tayninh_desktop.ui.widgets.full_text import show_full_text


class AccountsPage(QWidget):
    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context
        actor = context.actor
        self.admin = actor.may(Permission.MANAGE_ACCOUNTS)
        who = (s.SIGNED_IN_AS.format(name=actor.name, role=s.role_label(actor.role.value)) if actor.account_id
               else s.SIGNED_IN_DEFAULT.format(name=actor.name))
        self.who = QLabel(who, objectName="signed_in_as", wordWrap=True)
        self.message = QLabel(objectName="accounts_message", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h3>{s.ACCOUNTS_TITLE}</h3>"))
        layout.addWidget(self.who)
        mine = QHBoxLayout()
        if actor.account_id:
            own = QPushButton(s.MY_PASSWORD, objectName="my_password")
            own.clicked.connect(self.change_my_password)
            mine.addWidget(own)
        about = QPushButton(s.ABOUT, objectName="about")
        about.clicked.connect(self.show_about)
        mine.addWidget(about)
        mine.addStretch(1)
        layout.addLayout(mine)
        self.model = RowsModel(s.ACCOUNTS_COLUMNS, self)
        self.table = QTableView(objectName="accounts_table")
        show_full_text(self.table, wrap=False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        if self.admin:
            layout.addWidget(self._accounts_box(), 1)
            layout.addWidget(self._policy_box())
            layout.addWidget(self._encryption_box())
        else:
            layout.addStretch(1)
        layout.addWidget(self.message)
        context.changed.connect(self.on_changes)
        self.reload()

    # -- the list of accounts -------------------------------------------------------------------------------
    def _accounts_box(self) -> QGroupBox:
        box = QGroupBox(s.ACCOUNTS_BOX)
        buttons = QHBoxLayout()
        for text, name, slot in ((s.ADD_ACCOUNT, "add_account", self.add_account),
                                 (s.CHANGE_ROLE, "change_role", self.change_role),
                                 (s.RESET_PASSWORD, "reset_password", self.reset_password),
                                 (s.UNLOCK_ACCOUNT, "unlock_account", self.unlock),
                                 (s.STOP_ACCOUNT, "stop_account", self.toggle_active)):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(lambda _=False, slot=slot: slot())
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.first_admin_button = QPushButton(s.FIRST_ADMIN_BUTTON, objectName="first_admin")
        self.first_admin_button.clicked.connect(lambda: self.make_first_admin())
        buttons.addWidget(self.first_admin_button)
        inner = QVBoxLayout(box)
        inner.addLayout(buttons)
        inner.addWidget(self.table, 1)
        inner.addWidget(QLabel(s.ROLES_EXPLAINED, wordWrap=True))
        return box

    def reload(self) -> None:
        if not self.admin:
            return
        cells = {c.id: c.code for c in self.context.cells()}
        self.accounts = accounts.list_accounts(self.context.db, self.context.actor)
        locked = accounts.locks(self.context.db, self.context.actor)
        self.first_admin_button.setVisible(not self.accounts)
        rows = []
        for a in self.accounts:
            state = s.ACCOUNT_ACTIVE if a.active else s.ACCOUNT_STOPPED
            if a.active and a.must_change:
                state += ", " + s.ACCOUNT_MUST_CHANGE
            if a.name in locked:
                state += ", " + s.ACCOUNT_LOCKED.format(until=locked[a.name])
            rows.append(DisplayRow((a.name, a.full_name, s.role_label(a.role.value), cells.get(a.cell_id, ""),
                                    state), key=a.name, background="" if a.active else "#EEEEEE"))
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self._show_encryption()

    def make_first_admin(self, dialog=None):
        """A register that had no account: its first administrator, who is then the one logged in."""
        from tayninh_desktop.services import scope
        from tayninh_desktop.ui.dialogs.first_admin_dialog import FirstAdminDialog

        dialog = dialog or FirstAdminDialog(self.context.db, self.context.actor, self, can_wait=True)

        def done() -> None:
            if dialog.account is None:
                return
            self.context.actor = dialog.account.actor()
            scope.attach(self.context.db, self.context.actor)
            self.who.setText(s.SIGNED_IN_AS.format(name=self.context.actor.name, role=s.role_label("quan_tri")))
            banner = self.window().findChild(QLabel, "no_accounts_banner")
            if banner is not None:
                banner.setVisible(False)
            self.context.changed.emit(Changes(settings=True))

        dialog.accepted.connect(done)
        dialog.open()
        return dialog

    def selected(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            self.message.setText("Hãy chọn một tài khoản trong danh sách.")
            return None
        name = self.model.key(rows[0].row())
        return next((a for a in self.accounts if a.name == name), None)

    def add_account(self, dialog=None):
        from tayninh_desktop.ui.dialogs.account_dialog import AccountDialog

        dialog = dialog or AccountDialog(self.context, None, self)
        dialog.open()
        return dialog

    def change_role(self):
        from tayninh_desktop.ui.dialogs.account_dialog import AccountDialog

        account = self.selected()
        if account is not None:
            dialog = AccountDialog(self.context, account, self)
            dialog.open()
            return dialog
        return None

    def reset_password(self):
        from tayninh_desktop.ui.dialogs.password_dialog import PasswordDialog

        account = self.selected()
        if account is None:
            return None
        dialog = PasswordDialog(self.context.db, self.context.actor, name=account.name, parent=self)
        dialog.accepted.connect(lambda: self.context.changed.emit(Changes(settings=True)))
        dialog.open()
        return dialog

    def unlock(self) -> None:
        account = self.selected()
        if account is not None and self.context.run_action(self, accounts.unlock, account.name) is not None:
            self.message.setText(s.UNLOCKED.format(name=account.name))

    def toggle_active(self) -> None:
        account = self.selected()
        if account is not None:
            self.context.run_action(self, accounts.set_active, account.name, not account.active)

    def change_my_password(self):
        from tayninh_desktop.ui.dialogs.password_dialog import PasswordDialog

        dialog = PasswordDialog(self.context.db, self.context.actor, parent=self)
        dialog.open()
        return dialog

    def show_about(self):
        from tayninh_desktop.services import sample_register
        from tayninh_desktop.ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self.context, sample_register.is_sample(self.context.db), self)
        dialog.open()
        return dialog

    # -- the login policy ------------------------------------------------------------------------------------
    def _policy_box(self) -> QGroupBox:
        box = QGroupBox(s.POLICY_TITLE)
        policy = accounts.policy(self.context.db)
        self.lock_after = _spin("lock_after", 1, 100, policy.lock_after)
        self.lock_minutes = _spin("lock_minutes", 1, 1440, policy.lock_minutes)
        self.idle_minutes = _spin("idle_minutes", 0, 480, policy.idle_minutes)
        self.min_password = _spin("min_password", 6, 64, policy.min_password)
        form = QFormLayout(box)
        row = QHBoxLayout()
        for label, spin in ((s.POLICY_LOCK_AFTER, self.lock_after), (s.POLICY_LOCK_MINUTES, self.lock_minutes)):
            row.addWidget(QLabel(label))
            row.addWidget(spin)
        row.addStretch(1)
        form.addRow(row)
        row = QHBoxLayout()
        for label, spin in ((s.POLICY_IDLE, self.idle_minutes), (s.POLICY_MIN, self.min_password)):
            row.addWidget(QLabel(label))
            row.addWidget(spin)
        save = QPushButton(s.POLICY_SAVE, objectName="save_policy")
        save.clicked.connect(self.save_policy)
        row.addStretch(1)
        row.addWidget(save)
        form.addRow(row)
        note = QLabel(s.POLICY_NOTE, objectName="policy_unconfirmed", wordWrap=True)
        note.setStyleSheet("color: #8A5300")
        form.addRow(note)
        return box

    def save_policy(self) -> None:
        done = self.context.run_action(self, accounts.set_policy, lock_after=self.lock_after.value(),
                                       lock_minutes=self.lock_minutes.value(), idle_minutes=self.idle_minutes.value(),
                                       min_password=self.min_password.value())
        if done is not None:
            self.message.setText(s.POLICY_SAVED)

    # -- encryption ------------------------------------------------------------------------------------------
    def _encryption_box(self) -> QGroupBox:
        box = QGroupBox(s.ENCRYPTION_TITLE)
        self.encryption_text = QLabel(objectName="encryption_status", wordWrap=True)
        self.encryption_on = QPushButton(s.ENCRYPTION_TURN_ON, objectName="encryption_on")
        self.encryption_off = QPushButton(s.ENCRYPTION_TURN_OFF, objectName="encryption_off")
        self.new_recovery = QPushButton(s.ENCRYPTION_NEW_RECOVERY, objectName="new_recovery")
        self.encryption_on.clicked.connect(lambda: self.turn_encryption(True))
        self.encryption_off.clicked.connect(lambda: self.turn_encryption(False))
        self.new_recovery.clicked.connect(lambda: self.make_recovery_key())
        row = QHBoxLayout()
        for button in (self.encryption_on, self.encryption_off, self.new_recovery):
            row.addWidget(button)
        row.addStretch(1)
        inner = QVBoxLayout(box)
        inner.addWidget(self.encryption_text)
        inner.addLayout(row)
        return box

    def _show_encryption(self) -> None:
        if not self.context.db.path_text:
            return
        found = encryption.status(self.context.db.path_text)
        on = getattr(self.context.db, "cipher_key", None) is not None
        if on:
            text = s.ENCRYPTION_ON_TEXT.format(
                key_id=found.key_id, admins=", ".join(found.wrapped_for) or "—",
                recovery=s.ENCRYPTION_RECOVERY_YES if found.recovery else s.ENCRYPTION_RECOVERY_NO,
                here=s.ENCRYPTION_HERE_YES if found.sealed_here else s.ENCRYPTION_HERE_NO)
        else:
            text = s.ENCRYPTION_OFF_TEXT
        self.encryption_text.setText(text)
        self.encryption_on.setVisible(not on)
        self.encryption_off.setVisible(on)
        self.new_recovery.setVisible(on)

    def _ask_password(self, text: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        value, ok = QInputDialog.getText(self, s.ENCRYPTION_PASSWORD_TITLE, text, QLineEdit.EchoMode.Password)
        return value if ok else None

    def turn_encryption(self, on: bool, password: str | None = None):
        """Turn encryption on or off with the administrator's password; the program then closes (its
        connection to the file it replaced must not be used again)."""
        password = password if password is not None else self._ask_password(
            s.ENCRYPTION_CONFIRM_ON if on else s.ENCRYPTION_CONFIRM_OFF)
        if password is None:
            return None
        try:
            result = (encryption.turn_on if on else encryption.turn_off)(self.context.db, self.context.actor,
                                                                         password)
        except Exception as error:
            from tayninh_desktop.domain.errors import DomainError

            if not isinstance(error, DomainError):
                raise
            show_error(self, error)
            return None
        self.context.db = result.db
        if on:
            self.show_recovery_key(result.recovery_key, closing=True, backups=result.backups)
        else:
            self._closing_notice(s.ENCRYPTION_DONE_OFF.format(backups=result.backups))
        return result

    def make_recovery_key(self, password: str | None = None):
        password = password if password is not None else self._ask_password(s.ENCRYPTION_CONFIRM_RECOVERY)
        if password is None:
            return None
        key = self.context.run_action(self, encryption.new_recovery_key, password)
        if key:
            self.show_recovery_key(key)
        return key

    def show_recovery_key(self, key: str, *, closing: bool = False, backups: int = 0):
        from tayninh_desktop.ui.dialogs.recovery_key_dialog import RecoveryKeyDialog

        dialog = RecoveryKeyDialog(self.context, key, self)
        if closing:
            dialog.finished.connect(lambda _r: self._closing_notice(s.ENCRYPTION_DONE_ON.format(backups=backups)))
        dialog.open()
        return dialog

    def _closing_notice(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, s.ENCRYPTION_TITLE, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("encryption_done")
        box.finished.connect(lambda _r: self.window().close())
        box.open()

    def on_changes(self, changes: Changes) -> None:
        if changes.settings or changes.organisation:
            self.reload()


def _spin(name: str, low: int, high: int, value: int) -> QSpinBox:
    spin = QSpinBox(objectName=name)
    spin.setRange(low, high)
    spin.setValue(value)
    return spin
