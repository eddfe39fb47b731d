"""A small read-only table of display rows (a member's ratings, letters, contacts…), each with an optional key
and an optional background colour: for lists of a few dozen rows that a page rebuilds whenever it reloads."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

_ROOT = QModelIndex()


@dataclass(frozen=True)
class DisplayRow:
    cells: tuple[str, ...]
    key: str = ""
    background: str = ""  # "#rrggbb" or ""


class ListTableModel(QAbstractTableModel):
    """Rows kept in a list (tens to hundreds), one per line, under fixed column headers."""

    columns: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return self.columns[section]
        return None


class RowsModel(ListTableModel):
    def __init__(self, columns: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns

    def key(self, row: int) -> str:
        return self.rows[row].key if 0 <= row < len(self.rows) else ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows) or index.column() >= len(self.columns):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.cells[index.column()] if index.column() < len(row.cells) else ""
        if role == Qt.ItemDataRole.BackgroundRole and row.background:
            return QColor(row.background)
        return None
