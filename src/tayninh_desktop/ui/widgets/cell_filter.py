"""The cell filter of a page: a first choice ("all cells") then every cell of the committee, in a combo box.

A province-level register has thousands of cells (2,857 in the 100,000-member demo): added one addItem at a
time they cost ~30 ms per page at start-up, and a combo box measures every item to size itself. Here the
items are answered from the list itself and nothing is measured.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QListView

_ROOT = QModelIndex()
WIDTH_IN_CHARACTERS = 28


class CellListModel(QAbstractListModel):
    """Row 0 is the first choice (data None); then one row per cell (its name; its id as UserRole)."""

    def __init__(self, first_label: str, parent=None) -> None:
        super().__init__(parent)
        self.first_label = first_label
        self.cells: list = []

    def set_cells(self, cells: list) -> None:
        self.beginResetModel()
        self.cells = list(cells)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.cells) + 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = index.row()
        if not index.isValid() or row > len(self.cells):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells[row - 1].name if row else self.first_label
        if role == Qt.ItemDataRole.UserRole:
            return self.cells[row - 1].id if row else None
        return None


class CellFilter(QComboBox):
    """A combo box of cells after a first choice, filled from a list of units (``set_cells``)."""

    def __init__(self, first_label: str, *, objectName: str = "") -> None:
        super().__init__(objectName=objectName)
        self.cells_model = CellListModel(first_label, self)
        self.setModel(self.cells_model)
        view = self.view()
        if isinstance(view, QListView):
            view.setUniformItemSizes(True)  # the popup does not measure thousands of rows
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(WIDTH_IN_CHARACTERS)

    def set_cells(self, cells: list) -> None:
        """Show ``cells``, keeping the chosen cell when it is still there; no change signal."""
        current = self.currentData()
        blocked = self.blockSignals(True)
        self.cells_model.set_cells(cells)
        self.setCurrentIndex(max(self.findData(current), 0) if current is not None else 0)
        self.blockSignals(blocked)
