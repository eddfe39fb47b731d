"""A table entered with the keyboard alone, that cannot write to the wrong row.

Arrows move; one key sets the row's state and the selection moves down one row. A key that is not one of the
grid's codes changes nothing and moves nothing (no type-ahead search: Qt's would jump to the row whose name starts
with that letter, and the next code would land on a stranger); the legend under the grid says so in red. The
legend always lists the grid's codes, so a letter that means something else on another grid is never a guess.

The model decides what a key means: ``set_state_by_key(row, key)`` (True when it set the row), ``is_key(key)``,
``locked_reason(row)`` (why a row cannot be changed here, or ""), ``legend()``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView

from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.widgets.full_text import show_full_text

LEGEND_STYLE = "color: #444;"
STRAY_STYLE = "color: #b00020; font-weight: bold;"
_COMMAND_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier \
    | Qt.KeyboardModifier.MetaModifier


class KeyGrid(QTableView):
    """Rows of one cell's members; ``legend`` is a label the page puts under the grid."""

    state_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.legend = QLabel(objectName="grid_legend", wordWrap=True)
        self.legend.setStyleSheet(LEGEND_STYLE)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setAlternatingRowColors(True)
        show_full_text(self, wrap=False)   # no "…"; a cut name or date shows whole as a tooltip
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
        self.show_legend()

    def show_legend(self, stray: str = "") -> None:
        model = self.model()
        legend = sw.GRID_LEGEND.format(keys=model.legend()) if hasattr(model, "legend") else ""
        self.legend.setText(sw.GRID_NOT_A_KEY.format(key=stray, legend=legend) if stray else legend)
        self.legend.setStyleSheet(STRAY_STYLE if stray else LEGEND_STYLE)

    def keyboardSearch(self, search: str) -> None:
        """No type-ahead: a letter never moves the selection to another member."""

    def keyPressEvent(self, event) -> None:
        text = event.text()
        model = self.model()
        if self.state() != QAbstractItemView.State.EditingState and text.strip() and text.isprintable() \
                and not event.modifiers() & _COMMAND_MODIFIERS and hasattr(model, "set_state_by_key"):
            self._typed(text)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            editable = getattr(model, "editable", {})
            row = self.currentIndex().row()
            if editable and row >= 0:
                index = model.index(row, next(iter(editable)))
                self.setCurrentIndex(index)
                self.edit(index)
                return
        super().keyPressEvent(event)

    def _typed(self, text: str) -> None:
        """A printable key: a code sets the current row and moves down; anything else changes nothing."""
        model = self.model()
        row = self.currentIndex().row()
        if row < 0:
            return
        if not model.is_key(text):
            self.show_legend(stray=text.upper())
            return
        locked = model.locked_reason(row)
        if locked:
            self.legend.setText(locked)
            self.legend.setStyleSheet(STRAY_STYLE)
            return
        if model.set_state_by_key(row, text):
            self.show_legend()
            self.state_changed.emit()
            if row + 1 < model.rowCount():
                self.setCurrentIndex(model.index(row + 1, self.currentIndex().column()))

    def start(self) -> None:
        """Put the cursor on the first row so that typing starts at once."""
        model = self.model()
        if model is not None and model.rowCount():
            self.setCurrentIndex(model.index(0, 3))
        self.setFocus()
