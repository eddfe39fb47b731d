"""The early-warnings page (the home page): per cell or for the whole committee, each warning opening its
member or meeting.

The page is the first thing shown, so it never computes while the window is being built: the committee's
warnings are computed once on the TaskRunner's worker after the window is shown (a "Đang tính…" line in
the meantime) and again when a user action changes party life or members; the cell filter only narrows
the list already computed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
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

from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui import strings_warnings as sw
from tayninh_desktop.ui import strings_window as swin
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.models.warning_table_model import WarningTableModel
from tayninh_desktop.ui.tasks import TaskRunner
from tayninh_desktop.ui.widgets.cell_filter import CellFilter
from tayninh_desktop.ui.widgets.dashboard import Dashboard
from tayninh_desktop.ui.widgets.full_text import fit_visible_rows, show_full_text
from tayninh_desktop.ui.widgets.start_checklist import StartChecklist

if TYPE_CHECKING:
    from tayninh_desktop.domain.warnings import EarlyWarning

START_DELAY_MS = 300
SCREENING_KINDS = ("het_han_giup_do", "chi_tieu_xoa_ten")   # warnings the screening page answers
SAMPLE_ROWS = 200       # rows measured for the widths of the cell and member columns
NAME_COLUMN_MAX = 300   # px: a longer cell name wraps onto the row's second line


class WarningsPage(QWidget):
    def __init__(self, context: UiContext, today: date | None = None, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.context = context
        self.today = today
        self.runner = runner or TaskRunner()
        self.warnings: list[EarlyWarning] | None = None  # the committee's, None until first computed
        self.computing = False
        self._stale = False
        self._sized = False  # the columns get their widths from the first rows shown, then keep the clerk's
        self.cell_filter = CellFilter(s.ALL_CELLS, objectName="warnings_cell")
        self.cell_filter.setMinimumWidth(320)
        self.summary = QLabel(objectName="warnings_summary")
        self.summary.setStyleSheet("font-size: 11pt; font-weight: bold;")
        self.help_due = QLabel(objectName="warnings_help_due", wordWrap=True)   # the twelve months of help
        self.help_due.setStyleSheet("color: #8a4b00;")
        self.help_due.hide()
        self.refresh_button = QPushButton(s.REFRESH, objectName="warnings_refresh")
        self.kind_filter = QComboBox(objectName="warnings_kind")   # the kinds found, with their counts
        self.kind_filter.addItem(sw.ALL_KINDS, None)
        self.kind_filter.setMinimumWidth(280)
        self.print_button = QPushButton(sw.PRINT_LIST, objectName="warnings_print", toolTip=sw.PRINT_TIP)
        self.list_status = QLabel(objectName="warnings_list_status", wordWrap=True)
        self.thematic = QLabel(objectName="warnings_thematic")   # the setting itself is on the Settings page
        self.thematic.setStyleSheet("color: #555;")
        self._show_thematic()
        self.model = WarningTableModel(self)
        self.table = QTableView(objectName="warnings_table")
        show_full_text(self.table, wrap=False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # Two lines per warning until measured; only the rows on screen are measured (every row's text would cost
        # seconds on a 100,000-member register), so a long basis shows all its lines, never a "…".
        self.table.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 10)
        fit_visible_rows(self.table)
        self.table.setMinimumHeight(4 * self.table.verticalHeader().defaultSectionSize() + 28)   # a few warnings
        self.table.setAlternatingRowColors(False)
        self.table.setSortingEnabled(True)   # a click on a column's header sorts by it
        header = self.table.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)   # most urgent first, as computed
        # Sized once, from the labels and a sample of the first rows shown (_size_columns): fitting every row,
        # as ResizeToContents did on every refresh, took ~100 ms of the window's thread at 4,000 warnings.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        title = QLabel(s.WARNINGS_TITLE)
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(s.CELL))
        bar.addWidget(self.cell_filter)
        bar.addWidget(self.refresh_button)
        bar.addWidget(QLabel(sw.KIND))
        bar.addWidget(self.kind_filter)
        bar.addWidget(self.print_button)
        bar.addStretch(1)
        counts = QHBoxLayout()   # the counts, and the setting that decides them (changed on the Settings page)
        counts.addWidget(self.summary, 1)
        counts.addWidget(self.thematic)
        self.checklist = StartChecklist(context)
        layout = QVBoxLayout(self)
        layout.addWidget(self.checklist)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addLayout(counts)
        from tayninh_desktop.ui.widgets.support_home import SupportHomeLine  # the support programme's line

        self.support_line = SupportHomeLine(context, self.runner, today)
        layout.addWidget(self.support_line)
        layout.addWidget(self.help_due)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(s.WARNINGS_HINT))
        layout.addWidget(self.list_status)
        self.dashboard = Dashboard(context, self.runner, today)   # the home page's charts, under its warnings
        layout.addWidget(self.dashboard)
        self._fill_cells()
        self.cell_filter.currentIndexChanged.connect(self.show_cell)
        self.kind_filter.currentIndexChanged.connect(self.show_cell)
        self.print_button.clicked.connect(lambda: self.print_list())
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
        self.cell_filter.set_cells(self.context.cells())

    def refresh(self) -> None:
        """Compute the committee's warnings on the worker; a change during the work computes again after it."""
        if self.computing:
            self._stale = True
            return
        self.computing, self._stale = True, False
        self.refresh_button.setEnabled(False)
        self.summary.setText(s.WARNINGS_COMPUTING if self.warnings is None else s.WARNINGS_RECOMPUTING)
        db, path, today = self.context.db, self.context.db_path, self.today
        self.runner.run(lambda: _compute(db, path, today), self._computed, self._failed)

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
        self.support_line.show_cell(self.cell_filter.currentData())
        if self.warnings is None:
            return
        from tayninh_desktop.domain.warnings import Severity  # loaded by the computation already
        from tayninh_desktop.services.warnings import for_cell

        in_cell = for_cell(self.warnings, self.cell_filter.currentData())
        self._fill_kinds(in_cell)
        kind = self.kind_filter.currentData()
        warnings = [w for w in in_cell if w.kind.value == kind] if kind else in_cell
        self.model.set_rows(warnings)
        self._show_help_due(warnings)
        if warnings and not self._sized:
            self._size_columns()
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

    def _show_help_due(self, warnings: list) -> None:
        """The help due dates of the screening cases, counted above the list (their rows open the case)."""
        from tayninh_desktop.ui import strings_screening as ss

        due = [w for w in warnings if w.kind.value == "het_han_giup_do"]
        passed = sum(1 for w in due if w.data.get("passed"))
        self.help_due.setText(ss.HOME_HELP_DUE.format(passed=passed, coming=len(due) - passed) if due else "")
        self.help_due.setVisible(bool(due))

    def _fill_kinds(self, warnings) -> None:
        """The kinds of the cell's warnings, each with its count; the kind chosen stays chosen while it is found."""
        counts: dict[str, int] = {}
        for w in warnings:
            counts[w.kind.value] = counts.get(w.kind.value, 0) + 1
        chosen = self.kind_filter.currentData()
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(sw.ALL_KINDS_COUNT.format(count=s.number(len(warnings))), None)
        for kind, count in sorted(counts.items(), key=lambda item: s.warning_label(item[0])):
            self.kind_filter.addItem(sw.KIND_COUNT.format(kind=s.warning_label(kind), count=s.number(count)), kind)
        self.kind_filter.setCurrentIndex(max(self.kind_filter.findData(chosen), 0))
        self.kind_filter.blockSignals(False)

    def shown_warnings(self) -> list:
        """The warnings as the table shows them: the cell and kind chosen, in the order sorted."""
        return list(self.model.rows)

    def print_list(self, path: str | None = None):
        """Print the list shown (its cell, its kind, its order) as a paper in the party document frame."""
        if self.warnings is None or self.computing:
            self.list_status.setText(sw.PRINT_WAIT)
            return None
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getSaveFileName(self, sw.PRINT_TITLE, sw.PRINT_FILE_NAME, sw.PDF_FILTER)
            if not path:
                return None
        from tayninh_desktop.services.warnings_print import print_warnings
        from tayninh_desktop.ui.context import show_error

        db, actor, shown = self.context.db, self.context.actor, self.shown_warnings()
        cell_id, kind, today = self.cell_filter.currentData(), self.kind_filter.currentData(), self.today
        self.print_button.setEnabled(False)
        self.list_status.setText(sw.PRINTING)

        def printed(result) -> None:
            self.print_button.setEnabled(True)
            self.list_status.setText(sw.PRINTED.format(path=result.path, pages=result.pages, count=len(shown)))

        def failed(error: Exception) -> None:
            from tayninh_desktop.domain.errors import DomainError

            self.print_button.setEnabled(True)
            self.list_status.setText("")
            if not isinstance(error, DomainError):
                raise error
            show_error(self, error)

        self.runner.run(lambda: print_warnings(db, actor, Path(path), shown, cell_id=cell_id, kind=kind, on=today),
                        printed, failed)
        return path

    def _size_columns(self) -> None:
        """Widths of the first four columns: every severity and kind label, the cell and member names of the
        first SAMPLE_ROWS rows; the evidence takes the rest of the width. Once: then they are the clerk's."""
        from tayninh_desktop.domain.warnings import WarningKind

        self._sized = True
        metrics = self.table.fontMetrics()
        padding = 2 * self.table.style().pixelMetric(self.table.style().PixelMetric.PM_FocusFrameHMargin) + 16
        header = self.table.horizontalHeader()
        sample = range(min(self.model.rowCount(), SAMPLE_ROWS))
        vocabularies = (s.SEVERITY_LABELS.values(), [s.warning_label(k.value) for k in WarningKind])
        for column in range(4):
            texts = [self.model.headerData(column, Qt.Orientation.Horizontal)]
            texts += vocabularies[column] if column < 2 else [self.model.data(self.model.index(r, column)) for r in sample]
            width = max(metrics.horizontalAdvance(text) for text in texts) + padding
            header.resizeSection(column, width if column < 2 else min(width, NAME_COLUMN_MAX))

    def open_warning(self, row: int):
        """Open the member the warning is about, or the cell's meetings for the month it names."""
        warning = self.model.warning(row)
        if warning is None:
            return None
        window = self.window()
        if warning.kind.value in SCREENING_KINDS and hasattr(window, "show_page"):
            page = window.show_page("screening")   # the help due date opens its case; an allotment the results
            if warning.data.get("case_id"):
                page.show_case(warning.data["case_id"])
            else:
                page.tabs.setCurrentIndex(2)
            return page
        if warning.member_id:
            from tayninh_desktop.ui.dialogs.member_dialog import MemberDialog

            dialog = MemberDialog(self.context, warning.member_id, self)
            dialog.open()
            return dialog
        if warning.cell_id and hasattr(window, "show_page"):
            page = window.show_page("meetings")
            page.show_month(warning.cell_id, warning.month)
            return page
        return None

    def _show_thematic(self) -> None:
        """The setting that decides what the absences count (changed on the Settings page)."""
        from tayninh_desktop.services.settings_party_life import thematic_absence_counts

        counts = thematic_absence_counts(self.context.db)
        self.thematic.setText(swin.WARNINGS_THEMATIC_ON if counts else swin.WARNINGS_THEMATIC_OFF)

    def on_changes(self, changes: Changes) -> None:
        if changes.settings:
            self._show_thematic()
        if changes.organisation:
            self._fill_cells()
            self.show_cell()
        if changes.party_life or changes.members or changes.history or changes.organisation:
            self.refresh()


def _compute(db, path: str, today: date | None) -> list[EarlyWarning]:
    """On the worker: the warnings' modules load here, after the window is shown, not with the first screen."""
    from tayninh_desktop.services.warnings import compute_warnings_in

    return compute_warnings_in(db, path, today=today)
