"""Comparing a key card's fingerprint before it is trusted: the six groups shown large, read aloud over the
telephone or compared with the unit's printed card; imported only when the person says all six match."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from tayninh_desktop.domain.returns import Role
from tayninh_desktop.services import returns_keys
from tayninh_desktop.ui import strings_returns as s


class KeyCardDialog(QDialog):
    imported = Signal(object)   # the KeyRecord

    def __init__(self, context, path: Path, card: returns_keys.KeyCard, parent=None) -> None:
        super().__init__(parent)
        self.context, self.path, self.card = context, path, card
        self.setWindowTitle(s.CARD_TITLE)
        self.setObjectName("key_card_dialog")
        text = QLabel(s.CARD_TEXT.format(unit=card.unit_name, code=card.unit_code,
                                         fingerprint=card.fingerprint_text), objectName="card_text")
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        self.superior = QRadioButton(s.CARD_ROLE_SUPERIOR, objectName="card_role_superior")
        self.subordinate = QRadioButton(s.CARD_ROLE_SUBORDINATE, objectName="card_role_subordinate")
        group = QButtonGroup(self)
        group.addButton(self.superior)
        group.addButton(self.subordinate)
        guessed = returns_keys.guess_role(context.db, card)
        (self.superior if guessed is Role.SUPERIOR else self.subordinate).setChecked(True)
        match = QPushButton(s.CARD_MATCH, objectName="card_match")
        match.clicked.connect(self.accept_card)
        cancel = QPushButton(s.CARD_CANCEL, objectName="card_cancel")
        cancel.clicked.connect(self.reject)
        cancel.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(match)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(QLabel(s.CARD_ROLE))
        layout.addWidget(self.superior)
        layout.addWidget(self.subordinate)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(620, 360)

    def accept_card(self):
        role = Role.SUPERIOR if self.superior.isChecked() else Role.SUBORDINATE
        result = self.context.run_action(self, returns_keys.import_card, self.path, confirmed=self.card.fingerprint,
                                         role=role)
        if result is None:
            return None
        self.imported.emit(result[0])
        self.accept()
        return result[0]
