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


class WarningTableModel(ListTableModel):
    columns = s.WARNINGS_COLUMNS

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
