"""The wizard's mapping step: which sheet, and which register field each column of the file holds.

The clerk sees each column's letter, its header as typed and an example value, and corrects the
field the program guessed; a missing required field is said in red under the table.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from tayninh_desktop.domain.import_headers import column_letter
from tayninh_desktop.domain.messages import field_label
from tayninh_desktop.services import importing
from tayninh_desktop.ui import strings_import as s
from tayninh_desktop.ui.widgets.report_tables import heading, make_table, table_item


class ColumnMapping(QWidget):
    sheet_requested = Signal(str)   # the clerk chose another sheet: read it
    changed = Signal()              # the mapping was corrected

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source: importing.ImportSource | None = None
        layout = QVBoxLayout(self)
        for label in heading(s.STEP_MAPPING, s.STEP_MAPPING_SUB):
            layout.addWidget(label)
        self.info = QLabel(objectName="mapping_info", wordWrap=True)
        self.sheet_combo = QComboBox(objectName="sheet")
        self.sheet_combo.activated.connect(self._sheet_chosen)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(QLabel(s.SHEET_LABEL))
        sheet_row.addWidget(self.sheet_combo, 1)
        layout.addLayout(sheet_row)
        self.table = make_table(s.MAPPING_COLUMNS, "mapping_table")
        self.missing_label = QLabel(objectName="missing", wordWrap=True)
        self.missing_label.setStyleSheet("color: #B00020; font-weight: bold")
        self.remember = QCheckBox(s.REMEMBER, objectName="remember", checked=True)
        for widget in (self.info, self.table, self.missing_label, self.remember):
            layout.addWidget(widget, 1 if widget is self.table else 0)
        self.combos: list[QComboBox] = []

    def show_source(self, source: importing.ImportSource) -> None:
        """Show a file just read: its sheets, its columns with the guessed fields and an example."""
        self.source = source
        self._fill_sheets()
        note = s.MAPPING_REMEMBERED if source.remembered else ""
        self.info.setText(s.MAPPING_INFO.format(file=source.file_name, sheet=source.sheet,
                                                row=source.header.first_row + 1) + note)
        headers = source.header.headers
        layout = source.layout
        first = layout.rows[layout.data_start] if layout.data_start < len(layout.rows) else []
        self.table.setRowCount(len(headers))
        self.combos = []
        for c, header in enumerate(headers):
            self.table.setItem(c, 0, table_item(column_letter(c)))
            self.table.setItem(c, 1, table_item(" ".join(header.split())))
            combo = QComboBox()
            for target, label in s.target_choices():
                combo.addItem(label, target)
            combo.setCurrentIndex(max(combo.findData(source.mapping.get(c, "ignore")), 0))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.table.setCellWidget(c, 2, combo)
            self.combos.append(combo)
            example = first[c].text if c < len(first) else ""
            self.table.setItem(c, 3, table_item(" / ".join(example.split("\n"))))
        for column, width in enumerate((50, 300, 300)):
            self.table.setColumnWidth(column, width)
        self._mapping_changed()

    def chosen_mapping(self) -> dict[int, str]:
        return {c: combo.currentData() for c, combo in enumerate(self.combos) if combo.currentData() != "ignore"}

    def _fill_sheets(self) -> None:
        self.sheet_combo.clear()
        for survey in self.source.survey:
            self.sheet_combo.addItem(s.sheet_choice(survey), survey.name)
        self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(self.source.sheet), 0))
        self.sheet_combo.setEnabled(len(self.source.survey) > 1)

    def _sheet_chosen(self, index: int) -> None:
        name = self.sheet_combo.itemData(index)
        if self.source is not None and name != self.source.sheet:
            self.sheet_requested.emit(name)

    def _mapping_changed(self) -> None:
        missing = importing.required_missing(self._with_mapping())
        self.missing_label.setText(s.MAPPING_MISSING.format(fields=", ".join(field_label(f) for f in missing))
                                   if missing else "")
        self.changed.emit()

    def _with_mapping(self) -> importing.ImportSource:
        from dataclasses import replace

        return replace(self.source, mapping=self.chosen_mapping())
