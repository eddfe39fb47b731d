"""The early-warnings table of the home page: one warning per row, coloured by how urgent it is.

Kept apart from the party-life grids and free of domain imports: it is built with the first screen, and the
warnings' own modules load when the warnings are computed, after the window is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui.models.rows_model import ListTableModel

if TYPE_CHECKING:
    from tayninh_desktop.domain.warnings import EarlyWarning

# By Severity value: da_den_nguong (reached), sap_den_nguong (near), nhac_viec (office work).
SEVERITY_COLORS = {"da_den_nguong": QColor("#fde2e1"), "sap_den_nguong": QColor("#fff4d6"), "nhac_viec": None}
SEVERITY_RANK = {"da_den_nguong": 0, "sap_den_nguong": 1, "nhac_viec": 2}


class WarningTableModel(ListTableModel):
    """Sorted by any column (the clerk clicks its header); the order stays when the warnings are computed again.
    Names sort as official lists do (given name first), cells and kinds without regard to diacritics."""

    columns = s.WARNINGS_COLUMNS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._order: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list) -> None:
        super().set_rows(self._sorted(rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        self.rows = self._sorted(self.rows)
        self.layoutChanged.emit()

    def _sorted(self, rows: list) -> list:
        if self._order is None or not rows:
            return list(rows)
        from tayninh_desktop.domain.vn_text import fold, sort_key  # loaded with the warnings, not at start-up

        column, order = self._order
        keys = (lambda w: SEVERITY_RANK[w.severity.value], lambda w: fold(s.warning_label(w.kind.value)),
                lambda w: fold(w.cell_name), lambda w: sort_key(w.member_name) if w.member_name else w.month or "",
                lambda w: fold(w.evidence))[column]
        return sorted(rows, key=keys, reverse=order == Qt.SortOrder.DescendingOrder)   # stable: ties keep urgency

    def warning(self, row: int) -> EarlyWarning | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        w: EarlyWarning = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            who = w.member_name or (s.MONTH + " " + f"{w.month[5:7]}/{w.month[:4]}" if w.month else s.COMMITTEE)
            return (s.SEVERITY_LABELS[w.severity.value], s.warning_label(w.kind.value), w.cell_name or s.COMMITTEE,
                    who, w.evidence)[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return SEVERITY_COLORS[w.severity.value]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return w.evidence
        return None
