"""The import's cell choice, on the mapping step: the cell new members go to, and a notice when nothing tells it.

A file names its cells by a column or by «Chi bộ …» section rows; when it does neither and no cell is chosen,
the notice says so right beside the choice (and, on a register with no cell yet, says to add one first).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from tayninh_desktop.services import importing, organisation
from tayninh_desktop.ui import strings_import as s


class CellChoice(QWidget):
    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(objectName="cell")
        self.combo.addItem(s.CELL_FROM_FILE, None)
        for cell in organisation.cells(db):
            self.combo.addItem(f"{cell.name} ({cell.code})", cell.id)
        self.notice = QLabel(objectName="cell_notice", wordWrap=True, visible=False)
        self.notice.setStyleSheet("color: #8a4b00; font-weight: bold")
        self.source: importing.ImportSource | None = None
        self.sections = False
        self.combo.currentIndexChanged.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(QLabel(s.CELL_FOR_NEW))
        row.addWidget(self.combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notice)
        layout.addLayout(row)

    def cell_id(self) -> str | None:
        return self.combo.currentData()

    def show_source(self, source: importing.ImportSource, *, new_file: bool = False) -> None:
        """The file (or its mapping) changed: whether it names cells may have too."""
        self.source = source
        if new_file:
            self.sections = importing.has_sections(source)
        self.refresh()

    def refresh(self) -> None:
        if self.source is None:
            return
        named = self.sections or importing.names_cells(self.source.mapping)
        self.notice.setText(s.NO_CELL_NOTICE if self.combo.count() > 1 else s.NO_CELLS_YET)
        self.notice.setVisible(not named and self.combo.currentData() is None)
