"""The early-warnings page (the home page): per cell or for the whole committee, each warning opening its
member or meeting.

The page is the first thing shown, so it never computes while the window is being built: the committee's
warnings are computed once on the TaskRunner's worker after the window is shown (a "Đang tính…" line in
the meantime) and again when a user action changes party life or members; the cell filter only narrows
the list already computed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
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

from tayninh_desktop.domain.warnings import EarlyWarning, Severity
from tayninh_desktop.services import organisation
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.warnings import compute_warnings_in, for_cell, thematic_absence_counts
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.models.party_life_models import WarningTableModel
from tayninh_desktop.ui.tasks import TaskRunner
from tayninh_desktop.ui.widgets.start_checklist import StartChecklist

START_DELAY_MS = 300


class WarningsPage(QWidget):
    def __init__(self, context: UiContext, today: date | None = None, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.context = context
        self.today = today
        self.runner = runner or TaskRunner()
        self.warnings: list[EarlyWarning] | None = None  # the committee's, None until first computed
        self.computing = False
        self._stale = False
        self.cell_filter = QComboBox(objectName="warnings_cell")
        self.cell_filter.setMinimumWidth(320)
        self.summary = QLabel(objectName="warnings_summary")
        self.summary.setStyleSheet("font-size: 11pt; font-weight: bold;")
        self.refresh_button = QPushButton(s.REFRESH, objectName="warnings_refresh")
        self.thematic = QLabel(objectName="warnings_thematic")
        self.thematic.setStyleSheet("color: #555;")
        self._show_thematic()
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
        bar.addWidget(self.thematic)
        self.checklist = StartChecklist(context)
        layout = QVBoxLayout(self)
        layout.addWidget(self.checklist)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(s.WARNINGS_HINT))
        self._fill_cells()
        self.cell_filter.currentIndexChanged.connect(self.show_cell)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.activated.connect(lambda index: self.open_warning(index.row()))
        context.changed.connect(self.on_changes)
        self.summary.setText(s.WARNINGS_COMPUTING)
        # After the window is shown, and a moment later still: the worker shares Python's lock with the window,
        # so the first paint and the person's first click (often the register) go before the computation.
        QTimer.singleShot(START_DELAY_MS, self.refresh)

    @property
    def ready(self) -> bool:
        """The warnings shown are computed and up to date."""
        return self.warnings is not None and not self.computing

    def _fill_cells(self) -> None:
        self.cell_filter.blockSignals(True)
        self.cell_filter.clear()
        self.cell_filter.addItem(s.ALL_CELLS, None)
        for cell in organisation.cells(self.context.db):
            self.cell_filter.addItem(cell.name, cell.id)
        self.cell_filter.blockSignals(False)

    def refresh(self) -> None:
        """Compute the committee's warnings on the worker; a change during the work computes again after it."""
        if self.computing:
            self._stale = True
            return
        self.computing, self._stale = True, False
        self.refresh_button.setEnabled(False)
        self.summary.setText(s.WARNINGS_COMPUTING if self.warnings is None else s.WARNINGS_RECOMPUTING)
        db, path, today = self.context.db, self.context.db_path, self.today
        self.runner.run(lambda: compute_warnings_in(db, path, today=today), self._computed, self._failed)

    def _computed(self, warnings: list[EarlyWarning]) -> None:
        self.computing = False
        self.refresh_button.setEnabled(True)
        self.warnings = warnings
        if self._stale:
            self.refresh()
        self.show_cell()

    def _failed(self, error: Exception) -> None:
        self.computing = False
        self.refresh_button.setEnabled(True)
        self.summary.setText(s.WARNINGS_FAILED.format(error=error))

    def show_cell(self) -> None:
        """Show the computed warnings of the chosen cell (or all), with their counts."""
        if self.warnings is None:
            return
        warnings = for_cell(self.warnings, self.cell_filter.currentData())
        self.model.set_rows(warnings)
        if self.computing:
            return
        if not warnings:
            self.summary.setText(s.WARNINGS_NONE)
            return
        count = {severity: sum(w.severity is severity for w in warnings) for severity in Severity}
        self.summary.setText(s.WARNINGS_SUMMARY.format(total=s.number(len(warnings)),
                                                       reached=s.number(count[Severity.REACHED]),
                                                       near=s.number(count[Severity.NEAR]),
                                                       notice=s.number(count[Severity.NOTICE])))

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

    def _show_thematic(self) -> None:
        """The setting that decides what the absences count (changed on the Settings page)."""
        counts = thematic_absence_counts(self.context.db)
        self.thematic.setText(sw.WARNINGS_THEMATIC_ON if counts else sw.WARNINGS_THEMATIC_OFF)

    def on_changes(self, changes: Changes) -> None:
        if changes.settings:
            self._show_thematic()
        if changes.organisation:
            self._fill_cells()
            self.show_cell()
        if changes.party_life or changes.members or changes.history or changes.organisation:
            self.refresh()
