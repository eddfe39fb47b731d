"""Dues: one cell's month in one keyboard grid, with the month's totals."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QPushButton

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.party_life import month_label, parse_month
from tayninh_desktop.services import dues
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui.context import UiContext, show_error
from tayninh_desktop.ui.models.party_life_models import DuesModel
from tayninh_desktop.ui.widgets.cell_sheet_page import CellSheetPage


class DuesPage(CellSheetPage):
    def __init__(self, context: UiContext, today: date | None = None) -> None:
        today = today or date.today()
        self.month = QLineEdit(objectName="dues_month", placeholderText="mm/yyyy")
        self.month.setText(today.strftime("%m/%Y"))
        self.month.setMaximumWidth(110)
        self.load_button = QPushButton(s.DUES_LOAD, objectName="dues_load")
        super().__init__(context, today, name="dues", model=DuesModel(), period_label=s.MONTH, period=self.month,
                         help_text=s.DUES_HELP, summary_name="dues_totals", extra=(self.load_button,))
        self.totals = self.summary
        self.load_button.clicked.connect(self.load)
        self.month.returnPressed.connect(self.load)
        self.model.dataChanged.connect(lambda *_: self._update_totals())
        self.load()

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
