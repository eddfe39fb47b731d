"""A table entered with the keyboard alone: arrows move, one key sets the row's state and moves down."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


class KeyGrid(QTableView):
    """Rows of one cell's members; the model's ``set_state_by_key(row, key)`` decides what a key means."""

    state_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(26)
        self.setTabKeyNavigation(False)
        self.setStyleSheet("QTableView { font-size: 11pt; } QTableView::item:selected { background: #1e5aa8;"
                           " color: white; }")

    def setModel(self, model) -> None:
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def keyPressEvent(self, event) -> None:
        text = event.text()
        row = self.currentIndex().row()
        model = self.model()
        if text and row >= 0 and hasattr(model, "set_state_by_key") and model.set_state_by_key(row, text):
            self.state_changed.emit()
            if row + 1 < model.rowCount():
                self.setCurrentIndex(model.index(row + 1, self.currentIndex().column()))
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            editable = getattr(model, "editable", {})
            if editable:
                column = next(iter(editable))
                index = model.index(row, column)
                self.setCurrentIndex(index)
                self.edit(index)
                return
        super().keyPressEvent(event)

    def start(self) -> None:
        """Put the cursor on the first row so that typing starts at once."""
        model = self.model()
        if model is not None and model.rowCount():
            self.setCurrentIndex(model.index(0, 3))
        self.setFocus()
