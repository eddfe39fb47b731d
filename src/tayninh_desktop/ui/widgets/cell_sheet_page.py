"""The shape shared by the pages that fill one cell's sheet with the keyboard (dues, ratings…):
a cell and a period on top, a line of help, the key grid, a summary, a message and "Lưu (Ctrl+S)".

Subclasses give the period widget, the model and the texts, and implement ``load`` and ``save``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tayninh_desktop.services import organisation
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.widgets.key_grid import KeyGrid


class CellSheetPage(QWidget):
    def __init__(self, context: UiContext, today: date | None, *, name: str, model, period_label: str,
                 period: QWidget, help_text: str, summary_name: str, extra: tuple[QWidget, ...] = ()) -> None:
        super().__init__()
        self.context = context
        self.today = today or date.today()
        self.cell = QComboBox(objectName=f"{name}_cell")
        self.cell.setMinimumWidth(260)
        self.model = model
        self.grid = KeyGrid()
        self.grid.setObjectName(f"{name}_grid")
        self.grid.setModel(self.model)
        self.summary = QLabel(objectName=summary_name)
        self.summary.setStyleSheet("font-weight: bold;")
        self.message = QLabel(objectName=f"{name}_message")
        self.save_button = QPushButton(s.SAVE, objectName=f"{name}_save")
        bar = QHBoxLayout()
        for widget in (QLabel(s.CELL), self.cell, QLabel(period_label), period, *extra):
            bar.addWidget(widget)
        bar.addStretch(1)
        help_label = self.help_label = QLabel(help_text, wordWrap=True)
        help_label.setStyleSheet("color: #444;")
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.message)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(help_label)
        layout.addWidget(self.grid, 1)
        layout.addLayout(bottom)
        self.fill_cells()
        self.cell.currentIndexChanged.connect(self.load)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        context.changed.connect(self.on_changes)

    def fill_cells(self) -> None:
        self.cell.blockSignals(True)
        self.cell.clear()
        for cell in organisation.cells(self.context.db):
            self.cell.addItem(cell.name, cell.id)
        self.cell.blockSignals(False)

    def load(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def save(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def on_changes(self, changes: Changes) -> None:
        if changes.organisation:
            self.fill_cells()
