"""Dues: one cell's month in one keyboard grid, with the month's totals."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.party_life import month_label, parse_month
from tayninh_desktop.services import dues, organisation
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui.context import UiContext, show_error
from tayninh_desktop.ui.models.party_life_models import DuesModel
from tayninh_desktop.ui.widgets.key_grid import KeyGrid


class DuesPage(QWidget):
    def __init__(self, context: UiContext, today: date | None = None) -> None:
        super().__init__()
        self.context = context
        self.today = today or date.today()
        self.cell = QComboBox(objectName="dues_cell")
        self.cell.setMinimumWidth(260)
        self.month = QLineEdit(objectName="dues_month", placeholderText="mm/yyyy")
        self.month.setText(self.today.strftime("%m/%Y"))
        self.month.setMaximumWidth(110)
        self.load_button = QPushButton(s.DUES_LOAD, objectName="dues_load")
        self.model = DuesModel(self)
        self.grid = KeyGrid()
        self.grid.setObjectName("dues_grid")
        self.grid.setModel(self.model)
        self.totals = QLabel(objectName="dues_totals")
        self.totals.setStyleSheet("font-weight: bold;")
        self.message = QLabel(objectName="dues_message")
        self.save_button = QPushButton(s.SAVE, objectName="dues_save")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(s.CELL))
        bar.addWidget(self.cell)
        bar.addWidget(QLabel(s.MONTH))
        bar.addWidget(self.month)
        bar.addWidget(self.load_button)
        bar.addStretch(1)
        help_label = QLabel(s.DUES_HELP, wordWrap=True)
        help_label.setStyleSheet("color: #444;")
        bottom = QHBoxLayout()
        bottom.addWidget(self.totals, 1)
        bottom.addWidget(self.message)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(help_label)
        layout.addWidget(self.grid, 1)
        layout.addLayout(bottom)
        self._fill_cells()
        self.cell.currentIndexChanged.connect(self.load)
        self.load_button.clicked.connect(self.load)
        self.month.returnPressed.connect(self.load)
        self.save_button.clicked.connect(self.save)
        self.model.dataChanged.connect(lambda *_: self._update_totals())
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        context.changed.connect(self.on_changes)
        self.load()

    def _fill_cells(self) -> None:
        self.cell.blockSignals(True)
        self.cell.clear()
        for cell in organisation.cells(self.context.db):
            self.cell.addItem(cell.name, cell.id)
        self.cell.blockSignals(False)

    def load(self) -> None:
        cell_id = self.cell.currentData()
        if not cell_id:
            self.model.set_rows([])
            return
        try:
            lines = dues.dues_sheet(self.context.db, cell_id, self.month.text())
        except DomainError as error:
            show_error(self, error)
            return
        self.model.set_rows(lines)
        self.message.setText("")
        self._update_totals()
        self.grid.start()

    def _update_totals(self) -> None:
        collected, paid, unpaid = self.model.totals()
        self.totals.setText(s.DUES_SUMMARY.format(collected=s.money(collected), paid=paid, unpaid=unpaid))

    def save(self):
        result = self.context.run_action(self, dues.record_dues, self.cell.currentData(), self.month.text(),
                                         self.model.entries(), today=self.today)
        if result is not None:
            self.load()
            self.message.setText(s.DUES_SAVED.format(month=month_label(parse_month(self.month.text()))))
        return result

    def on_changes(self, changes: Changes) -> None:
        if changes.organisation:
            self._fill_cells()
