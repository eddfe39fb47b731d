"""The shape shared by the pages that fill one cell's sheet with the keyboard (dues, ratings…):
a cell and a period on top, a line of help, the key grid with its legend, a summary, a message and "Lưu (Ctrl+S)".

Subclasses give the period widget, the model and the texts, implement ``load`` (ending with ``self.loaded()``),
``save`` and ``what`` (what the sheet is, for the unsaved-changes question). Switching cell or period with typed
marks asks Lưu / Không lưu / Ở lại (ui/unsaved.py); with no cell in the register the page says so and offers to
add one.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tayninh_desktop.services import organisation
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.unsaved import UnsavedGuard, guard_combo
from tayninh_desktop.ui.widgets.empty_state import EmptyState, EmptySwitch
from tayninh_desktop.ui.widgets.key_grid import KeyGrid


class CellSheetPage(QWidget):
    def __init__(self, context: UiContext, today: date | None, *, name: str, model, period_label: str,
                 period: QWidget, help_text: str, summary_name: str, extra: tuple[QWidget, ...] = (),
                 actions: tuple[QWidget, ...] = ()) -> None:
        super().__init__()
        self.context = context
        self.today = today or date.today()
        self.cell = QComboBox(objectName=f"{name}_cell")
        self.cell.setMinimumWidth(260)
        self.model = model
        self.grid = KeyGrid()
        self.grid.setObjectName(f"{name}_grid")
        self.grid.setModel(self.model)
        self.summary = QLabel(objectName=summary_name, wordWrap=True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.message = QLabel(objectName=f"{name}_message", wordWrap=True)
        self.save_button = QPushButton(s.SAVE, objectName=f"{name}_save")
        bar = QHBoxLayout()
        for widget in (QLabel(s.CELL), self.cell, QLabel(period_label), period, *extra):
            bar.addWidget(widget)
        bar.addStretch(1)
        help_label = self.help_label = QLabel(help_text, wordWrap=True)
        help_label.setStyleSheet("color: #444;")
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        for widget in actions:
            summary_row.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        sheet = QWidget()
        layout = QVBoxLayout(sheet)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(help_label)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.grid.legend)
        layout.addLayout(summary_row)
        layout.addLayout(bottom)
        self.switch = EmptySwitch(sheet, EmptyState(sw.EMPTY_CELLS_TITLE, sw.EMPTY_CELLS_SHEET,
                                                    [(sw.EMPTY_ADD_CELL, self._add_cell)]))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.switch)
        self.guard = UnsavedGuard(self, snapshot=self.snapshot, save=self.save, what=self.what, discard=self.load)
        self.fill_cells()
        self._remember_cell = guard_combo(self.cell, self.guard, self.load)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        context.changed.connect(self.on_changes)

    def _add_cell(self) -> None:
        window = self.window()
        if hasattr(window, "open_action"):
            window.open_action("organisation", "add_cell")

    def fill_cells(self) -> None:
        current = self.cell.currentData()
        self.cell.blockSignals(True)
        self.cell.clear()
        for cell in organisation.cells(self.context.db):
            self.cell.addItem(cell.name, cell.id)
        self.cell.setCurrentIndex(max(self.cell.findData(current), 0))
        self.cell.blockSignals(False)
        self.switch.set_empty(self.cell.count() == 0)
        if hasattr(self, "_remember_cell"):
            self._remember_cell()

    def snapshot(self) -> tuple:
        return self.model.snapshot()

    def loaded(self, period_text: str = "") -> None:
        """Call at the end of ``load``: the sheet shows what is stored; an empty cell says so."""
        self.grid.show_legend()
        if not self.model.rowCount() and self.cell.currentData():
            self.message.setText(sw.EMPTY_SHEET_NO_MEMBERS.format(cell=self.cell.currentText(), period=period_text))
        self.guard.mark_clean()

    def what(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def load(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def save(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def on_changes(self, changes: Changes) -> None:
        if changes.organisation:
            self.fill_cells()
