"""The held rows of an import's dry run, each with a choice: which member of the register it is, a new
member, or skip it. The choices are handed to the import service, which checks them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.services import importing
from tayninh_desktop.ui import strings_import as s
from tayninh_desktop.ui.widgets.full_text import show_full_text

UNDECIDED = ""


class HeldRows(QWidget):
    """One line per held row: row number, name, why it is held, and a combo of the possible decisions."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(objectName="held_title", wordWrap=True)
        self.title.setStyleSheet("font-weight: bold; color: #7A5A00")
        self.table = QTableWidget(0, len(s.HELD_COLUMNS), objectName="held_table")
        show_full_text(self.table)
        self.table.setHorizontalHeaderLabels(list(s.HELD_COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        self.combos: dict[int, QComboBox] = {}

    def fill(self, held: list[importing.RowOutcome]) -> None:
        self.combos.clear()
        self.table.setRowCount(len(held))
        for r, outcome in enumerate(held):
            reason = importing.outcome_detail(outcome, short=True)
            reason = reason.split("»): ", 1)[-1]   # the column is the name's: say only why
            texts = (str(outcome.first_row), outcome.full_name, reason[:1].upper() + reason[1:])
            for c, text in enumerate(texts):
                self.table.setItem(r, c, QTableWidgetItem(text))
            combo = QComboBox(objectName=f"decide_{outcome.first_row}")
            combo.addItem(s.DECIDE_LATER, UNDECIDED)
            for candidate in outcome.candidates:
                combo.addItem(s.decide_member(candidate), candidate.member_id)
                combo.setItemData(combo.count() - 1, s.decide_member(candidate), Qt.ItemDataRole.ToolTipRole)
            combo.addItem(s.DECIDE_NEW if outcome.cell_id else s.DECIDE_NEW_NO_CELL, "new")
            combo.addItem(s.DECIDE_SKIP, "skip")
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
            self.table.setCellWidget(r, 3, combo)
            self.combos[outcome.first_row] = combo
        self.table.setColumnWidth(0, 50)
        self.table.setColumnWidth(1, 160)
        self.table.setColumnWidth(2, 460)   # the reason, with both identities side by side
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        for r in range(len(held)):
            self.table.setRowHeight(r, max(self.table.rowHeight(r), 40))
        self.table.setMinimumHeight(min(40 + 60 * len(held), 260))
        self.title.setText(s.HELD_TITLE.format(count=len(held)))
        self.setVisible(bool(held))

    def decisions(self) -> dict[int, str]:
        return {row: combo.currentData() for row, combo in self.combos.items() if combo.currentData() != UNDECIDED}

    def choose(self, row: int, value: str) -> None:
        combo = self.combos[row]
        combo.setCurrentIndex(combo.findData(value))

    def undo(self, row: int) -> None:
        self.combos[row].setCurrentIndex(0)
