"""The early-warnings page: per cell or for the whole committee, each warning opening its member or meeting."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.warnings import Severity
from tayninh_desktop.services import organisation
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.warnings import compute_warnings
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.models.party_life_models import WarningTableModel


class WarningsPage(QWidget):
    def __init__(self, context: UiContext, today: date | None = None) -> None:
        super().__init__()
        self.context = context
        self.today = today
        self.cell_filter = QComboBox(objectName="warnings_cell")
        self.cell_filter.setMinimumWidth(320)
        self.summary = QLabel(objectName="warnings_summary")
        self.summary.setStyleSheet("font-size: 11pt; font-weight: bold;")
        self.refresh_button = QPushButton(s.REFRESH, objectName="warnings_refresh")
        self.model = WarningTableModel(self)
        self.table = QTableView(objectName="warnings_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # Two lines per warning: measuring every row's text would cost seconds on a 100,000-member register.
        self.table.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 10)
        self.table.setAlternatingRowColors(False)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        title = QLabel(s.WARNINGS_TITLE)
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(s.CELL))
        bar.addWidget(self.cell_filter)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(s.WARNINGS_HINT))
        self._fill_cells()
        self.cell_filter.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.activated.connect(lambda index: self.open_warning(index.row()))
        context.changed.connect(self.on_changes)
        self.refresh()

    def _fill_cells(self) -> None:
        self.cell_filter.blockSignals(True)
        self.cell_filter.clear()
        self.cell_filter.addItem(s.ALL_CELLS, None)
        for cell in organisation.cells(self.context.db):
            self.cell_filter.addItem(cell.name, cell.id)
        self.cell_filter.blockSignals(False)

    def refresh(self) -> None:
        warnings = compute_warnings(self.context.db, cell_id=self.cell_filter.currentData(), today=self.today)
        self.model.set_rows(warnings)
        if not warnings:
            self.summary.setText(s.WARNINGS_NONE)
            return
        count = {severity: sum(w.severity is severity for w in warnings) for severity in Severity}
        self.summary.setText(s.WARNINGS_SUMMARY.format(total=len(warnings), reached=count[Severity.REACHED],
                                                       near=count[Severity.NEAR], notice=count[Severity.NOTICE]))

    def open_warning(self, row: int):
        """Open the member the warning is about, or the cell's meetings for the month it names."""
        warning = self.model.warning(row)
        if warning is None:
            return None
        if warning.member_id:
            from tayninh_desktop.ui.dialogs.member_dialog import MemberDialog

            dialog = MemberDialog(self.context, warning.member_id, self)
            dialog.open()
            return dialog
        window = self.window()
        if warning.cell_id and hasattr(window, "show_page"):
            page = window.show_page("meetings")
            page.show_month(warning.cell_id, warning.month)
            return page
        return None

    def on_changes(self, changes: Changes) -> None:
        if changes.organisation:
            self._fill_cells()
        if changes.party_life or changes.members or changes.history:
            self.refresh()
