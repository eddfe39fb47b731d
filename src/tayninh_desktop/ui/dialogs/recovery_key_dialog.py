"""The recovery key, shown once when encryption is turned on (or a new key made), with its sheet to print."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import encryption
from tayninh_desktop.ui import strings_accounts as s
from tayninh_desktop.ui.context import show_error


class RecoveryKeyDialog(QDialog):
    def __init__(self, context, key: str, parent=None) -> None:
        super().__init__(parent)
        self.context, self.key = context, key
        self.setWindowTitle(s.RECOVERY_SHOW_TITLE)
        self.setMinimumWidth(620)
        text = QLabel(s.RECOVERY_SHOW_TEXT.format(key=key), objectName="recovery_key_text", wordWrap=True)
        text.setTextInteractionFlags(text.textInteractionFlags())
        self.saved = QLabel(objectName="recovery_saved", wordWrap=True)
        save = QPushButton(s.RECOVERY_SAVE_PDF, objectName="save_recovery")
        close = QPushButton("Đóng", objectName="close_recovery")
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.saved)
        layout.addStretch(1)
        layout.addLayout(buttons)
        save.clicked.connect(lambda: self.save())
        close.clicked.connect(self.accept)

    def save(self, path: str | None = None):
        if not path:
            from tayninh_desktop.ui.widgets.personal_data_save import ask_save_path

            path = ask_save_path(self, s.RECOVERY_SAVE_PDF, "ma-khoi-phuc.pdf", s.PDF_FILTER)
        if not path:
            return None
        try:
            out = encryption.print_recovery_sheet(self.context.db, self.context.actor, self.key, path)
        except DomainError as error:
            show_error(self, error)
            return None
        self.saved.setText(s.RECOVERY_SAVED.format(path=out))
        return out
