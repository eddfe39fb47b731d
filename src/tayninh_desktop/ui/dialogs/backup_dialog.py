"""The backup window: the backups beside the register, back up now (or to a USB stick, encrypted),
verify one, restore from one (showing what will change first), and the automatic backups' setting."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import backup, backup_restore
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_backup as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.widgets.full_text import show_full_text


class BackupDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(s.TITLE)
        self.setObjectName("backup_dialog")
        self.resize(980, 620)
        self.folder_label = QLabel(objectName="backup_folder", wordWrap=True)
        self.table = QTableWidget(0, len(s.COLUMNS), objectName="backup_table")
        show_full_text(self.table)
        self.table.setHorizontalHeaderLabels(list(s.COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel(objectName="backup_status", wordWrap=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._buttons())
        layout.addWidget(self.status)
        layout.addWidget(self._settings_box())
        self.paths: list[Path] = []
        self.refresh()

    def _button(self, text: str, name: str, slot, *, writes: bool = False) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(lambda: slot())
        button.setEnabled(not (writes and self.context.db.read_only))
        return button

    def _buttons(self) -> QVBoxLayout:
        rows = QVBoxLayout()
        top, bottom = QHBoxLayout(), QHBoxLayout()
        for button in (self._button(s.BACKUP_NOW, "backup_now", self.backup_now),
                       self._button(s.BACKUP_TO, "backup_to", self.backup_to),
                       self._button(s.VERIFY, "verify", self.verify_selected),
                       self._button(s.VERIFY_FILE, "verify_file", self.verify_file)):
            top.addWidget(button)
        top.addStretch(1)
        for button in (self._button(s.RESTORE, "restore", self.restore_selected, writes=True),
                       self._button(s.RESTORE_FILE, "restore_file", self.restore_file, writes=True)):
            bottom.addWidget(button)
        bottom.addStretch(1)
        close = QPushButton(s.CLOSE, objectName="close")
        close.clicked.connect(self.accept)
        bottom.addWidget(close)
        rows.addLayout(top)
        rows.addLayout(bottom)
        return rows

    def _settings_box(self) -> QGroupBox:
        box = QGroupBox(s.SETTINGS)
        current = backup.settings(self.context.db)
        self.keep = QSpinBox(objectName="keep", minimum=backup.KEEP_RANGE[0], maximum=backup.KEEP_RANGE[1],
                             value=current["keep"], suffix=s.KEEP_SUFFIX)
        self.on_exit = QCheckBox(s.ON_EXIT, objectName="on_exit", checked=current["on_exit"])
        self.daily = QCheckBox(s.DAILY, objectName="daily", checked=current["daily"])
        save = self._button(s.SAVE_SETTINGS, "save_settings", self.save_settings, writes=True)
        row = QHBoxLayout(box)
        row.addWidget(QLabel(s.KEEP))
        row.addWidget(self.keep)
        row.addSpacing(16)
        row.addWidget(self.on_exit)
        row.addWidget(self.daily)
        row.addStretch(1)
        row.addWidget(save)
        return box

    # --- the list ------------------------------------------------------------------------------

    def refresh(self) -> None:
        db = self.context.db
        items = backup.list_backups(db)
        self.folder_label.setText(s.FOLDER.format(folder=Path(db.path_text).parent / "backups"))
        self.paths = [b.path for b in items]
        self.table.setRowCount(len(items))
        for r, item in enumerate(items):
            made = item.made.strftime("%d/%m/%Y %H:%M") if item.made else ""
            for c, text in enumerate((made, s.KINDS.get(item.kind, item.kind), s.size_text(item.size), item.path.name)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.say(s.NO_SELECTION)
            return None
        return self.paths[rows[0].row()]

    def say(self, text: str) -> None:
        self.status.setText(text)

    # --- actions -------------------------------------------------------------------------------

    def ask_passphrase(self, prompt: str) -> str | None:
        """Asked in a password field (tests replace this method)."""
        text, ok = QInputDialog.getText(self, s.TITLE, prompt, QLineEdit.EchoMode.Password)
        return text if ok else None

    def confirm(self, text: str) -> bool:
        """Asked before a restore (tests replace this method)."""
        answer = QMessageBox.question(self, s.RESTORE_CONFIRM_TITLE, text)
        return answer == QMessageBox.StandardButton.Yes

    def _attempt(self, action, *args, **kwargs):
        result, error = self.context.attempt(action, *args, **kwargs)
        if error is not None:
            self.say(error.message)
        return result

    def backup_now(self) -> None:
        result = self._attempt(backup.create_backup)
        if result is not None:
            self.say(s.DONE_BACKUP.format(path=result.path))
            self.refresh()

    def backup_to(self, folder: str | None = None) -> None:
        folder = folder or QFileDialog.getExistingDirectory(self, s.CHOOSE_FOLDER)
        if not folder:
            return
        secret = None
        if not backup.is_inside_data_folder(self.context.db, Path(folder)):
            secret = self.ask_passphrase(s.PASSPHRASE)
            if secret is None:
                return
            if self.ask_passphrase(s.PASSPHRASE_AGAIN) != secret:
                self.say(s.PASSPHRASE_MISMATCH)
                return
        result = self._attempt(backup.create_backup, to=folder, passphrase=secret)
        if result is not None:
            self.say((s.DONE_BACKUP_ENCRYPTED if result.encrypted else s.DONE_BACKUP).format(path=result.path))

    def _secret_for(self, path: Path) -> str | None:
        encrypted = backup_restore.is_encrypted_file(path)
        return self.ask_passphrase(s.PASSPHRASE_OPEN.format(file=path.name)) if encrypted else None

    def verify_selected(self) -> None:
        path = self.selected()
        if path is not None:
            self.verify(path)

    def verify_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, s.CHOOSE_FILE, "", s.FILE_FILTER)
        if path:
            self.verify(Path(path))

    def verify(self, path: Path):
        try:
            result = backup_restore.verify_backup(path, passphrase=self._secret_for(path))
        except DomainError as error:
            self.say(error.message)
            return None
        if result.ok:
            self.say(s.VERIFY_OK.format(file=path.name, counts=s.counts_text(result.counts)))
        else:
            problems = [f.message for f in [*result.problems, *result.report.findings()]] + result.report.integrity
            self.say(s.VERIFY_BAD.format(file=path.name, problems="\n".join(problems[:6])))
        return result

    def restore_selected(self) -> None:
        path = self.selected()
        if path is not None:
            self.restore(path)

    def restore_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, s.CHOOSE_FILE, "", s.FILE_FILTER)
        if path:
            self.restore(Path(path))

    def restore(self, path: Path):
        secret = self._secret_for(path)
        try:
            preview = backup_restore.preview_restore(self.context.db, path, passphrase=secret)
        except DomainError as error:
            self.say(error.message)
            return None
        made = (preview.check.manifest or {}).get("made", "")
        text = s.RESTORE_CONFIRM.format(file=path.name, made=f" (lập lúc {made.replace('T', ' ')})" if made else "",
                                        changes=s.changes_text(preview.current, preview.check.counts))
        if not self.confirm(text):
            return None
        result = self._attempt(backup_restore.restore_backup, path, passphrase=secret)
        if result is not None:
            self.say(s.RESTORED.format(file=path.name, kept=result.kept))
            self.context.changed.emit(result.changes)   # every page shows the restored register
            self.refresh()
        return result

    def save_settings(self) -> None:
        changes = self._attempt(backup.set_settings, keep=self.keep.value(), on_exit=self.on_exit.isChecked(),
                                daily=self.daily.isChecked())
        if isinstance(changes, Changes):
            self.say(s.SETTINGS_SAVED)
