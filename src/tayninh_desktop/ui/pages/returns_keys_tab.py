"""The "Thẻ khóa" tab: this unit's fingerprint to read aloud, its key card written to a stick or printed, and the
cards of the superior and the reporting units, each imported only after its fingerprint was compared."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_returns import ROLE_LABELS
from tayninh_desktop.services import documents, returns_keys
from tayninh_desktop.ui import strings_returns as s
from tayninh_desktop.ui.context import show_error
from tayninh_desktop.ui.models.rows_model import DisplayRow, RowsModel
from tayninh_desktop.ui.widgets.full_text import show_full_text


class KeysTab(QWidget):
    def __init__(self, context) -> None:
        super().__init__()
        self.context = context
        self.fingerprint = QLabel(objectName="keys_fingerprint")
        self.fingerprint.setStyleSheet("font-size: 18pt; font-weight: bold; font-family: monospace;")
        help_text = QLabel(s.KEY_HELP, wordWrap=True)
        self.model = RowsModel(s.KEY_COLUMNS)
        self.table = QTableView(objectName="keys_table")
        show_full_text(self.table, wrap=False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel(objectName="keys_message", wordWrap=True)
        bar = QHBoxLayout()
        for text, name, slot in ((s.EXPORT_CARD, "keys_export", self.ask_export),
                                 (s.PRINT_CARD, "keys_print", self.ask_print),
                                 (s.IMPORT_CARD, "keys_import", self.ask_import)):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(s.OWN_KEY))
        layout.addWidget(self.fingerprint)
        layout.addWidget(help_text)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        own = returns_keys.own_key(self.context.db)
        self.fingerprint.setText(own.fingerprint_text if own else "—")
        rows = [DisplayRow((ROLE_LABELS[k.role.value], k.unit_code, k.unit_name, k.fingerprint_text, k.confirmed_by),
                           key=k.id) for k in returns_keys.known_keys(self.context.db)]
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()

    def ask_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, s.EXPORT_CARD)
        if folder:
            self.export_card(Path(folder))

    def export_card(self, target: Path):
        key = self.context.run_action(self, returns_keys.export_card, target)
        if key is not None:
            self.say(s.CARD_WRITTEN.format(path=target))
            self.reload()
        return key

    def ask_print(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, s.PRINT_CARD, "the-khoa.pdf", s.FILE_FILTER_PDF)
        if path:
            self.print_card(Path(path))

    def print_card(self, path: Path):
        if self.context.run_action(self, returns_keys.ensure_own_keys) is None:
            return None
        result = self.context.run_action(self, documents.print_form, "the_khoa", path,
                                         documents.PrintRequest(issue=False))
        if result is not None:
            self.say(s.PRINTED.format(path=result[0].path, pages=result[0].pages))
            self.reload()
        return result

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, s.IMPORT_CARD, "", s.FILE_FILTER_CARD)
        if path:
            self.open_card(Path(path))

    def open_card(self, path: Path):
        """Show the card's fingerprint for comparison; the dialog imports it when the person confirms."""
        from tayninh_desktop.ui.dialogs.key_card_dialog import KeyCardDialog

        try:
            card = returns_keys.read_card(path)
        except DomainError as error:
            show_error(self, error)
            return None
        dialog = KeyCardDialog(self.context, path, card, self)
        dialog.imported.connect(self._imported)
        dialog.open()
        return dialog

    def _imported(self, key) -> None:
        self.say(s.CARD_IMPORTED.format(unit=key.unit_name, fingerprint=key.fingerprint_text))
        self.reload()

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)
