"""The forms of a period on screen: the list of forms the period allows, the chosen form's lines (this period,
the same period last year, the ratio — or total, women, share), what in the form is not confirmed, the rows
the office types (yellow; double-click to type), and the check of every form of the period."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.stats_forms import BREAKDOWN, REVIEW
from tayninh_desktop.services import statistics, statistics_records
from tayninh_desktop.ui import strings_statistics as s
from tayninh_desktop.ui.context import UiContext, confirm, show_error
from tayninh_desktop.ui.dialogs.record_dialog import Field, RecordDialog
from tayninh_desktop.ui.models.rows_model import DisplayRow
from tayninh_desktop.ui.pages.support_tab import AlignedRowsModel
from tayninh_desktop.ui.tasks import TaskRunner
from tayninh_desktop.ui.widgets.full_text import show_full_text
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE

TYPED_BACKGROUND = "#fff3c4"
UNCONFIRMED_STYLE = "background: #fff3c4; color: #7a4a00; padding: 4px;"
ERROR_COLOUR, WARNING_COLOUR = "#b00020", "#8a5a00"


class FormsTab(QWidget):
    def __init__(self, context: UiContext, runner: TaskRunner, current: Callable[[], tuple[str, date]]) -> None:
        super().__init__()
        self.context, self.runner, self.current = context, runner, current
        self.reports: dict = {}
        self.check = None
        self.forms = QListWidget(objectName="stats_forms")
        self.forms.setSpacing(3)
        self.forms.setMinimumWidth(self.forms.fontMetrics().horizontalAdvance("Đảng viên mới kết nạp chia theo dân tộc"
                                                                              " và tôn giáo") + 40)
        self.forms.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.line = QLabel(objectName="stats_form_line", wordWrap=True)
        self.line.setStyleSheet("font-weight: bold;")
        self.unconfirmed = QLabel(objectName="stats_unconfirmed", wordWrap=True, visible=False)
        self.unconfirmed.setStyleSheet(UNCONFIRMED_STYLE)
        self.model = AlignedRowsModel(s.COMPARISON_COLUMNS, (2, 3, 4), self)
        self.table = QTableView(objectName="stats_rows")
        self.table.setModel(self.model)
        show_full_text(self.table, wrap=True)   # a long criterion wraps; the rows on screen grow to it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().lineSpacing() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)   # the row's code, never cut
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((2, 110), (3, 140), (4, 130)):
            self.table.setColumnWidth(column, width)
        self.type_button = QPushButton(s.TYPE_VALUE, objectName="stats_type")
        self.clear_button = QPushButton(s.CLEAR_VALUE, objectName="stats_clear")
        self.message = QLabel(objectName="stats_message", wordWrap=True)
        self.findings = QListWidget(objectName="stats_findings")
        self.findings.setMaximumHeight(140)
        self.findings.setWordWrap(True)
        self.findings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.check_line = QLabel(objectName="stats_check_line", wordWrap=True)
        self._lay_out()
        self.forms.currentItemChanged.connect(lambda *_: self.show_form())
        self.table.doubleClicked.connect(lambda _index: self.type_value())
        self.type_button.clicked.connect(lambda: self.type_value())
        self.clear_button.clicked.connect(self.clear_value)

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.type_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.message, 1)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.line, self.unconfirmed):
            column.addWidget(widget)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        column.addWidget(QLabel(f"<b>{s.CHECK_HEADING}</b>"))
        column.addWidget(self.check_line)
        column.addWidget(self.findings)
        left = QWidget()
        list_column = QVBoxLayout(left)
        list_column.setContentsMargins(0, 0, 0, 0)
        list_column.addWidget(QLabel(f"<b>{s.FORMS_HEADING}</b>"))
        list_column.addWidget(self.forms, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 1000])
        QVBoxLayout(self).addWidget(split)

    # -- computing on the worker -----------------------------------------------------------------------------
    def reload(self) -> None:
        period, on = self.current()
        db = self.context.db
        self.line.setText(s.COMPUTING)
        self.runner.run(lambda: statistics.reports_and_check(db, period, today=on), self._computed, self._failed)

    def _computed(self, result) -> None:
        self.reports, self.check = result
        chosen = self.form_id()
        self.forms.blockSignals(True)
        self.forms.clear()
        for form_id, report in self.reports.items():
            text = (s.FORM_ITEM_UNCONFIRMED if report.form.unconfirmed else s.FORM_ITEM).format(code=report.form.code)
            item = QListWidgetItem(f"{text}\n{report.form.title.capitalize()}")
            item.setData(Qt.ItemDataRole.UserRole, form_id)
            self.forms.addItem(item)
        self.forms.blockSignals(False)
        ids = list(self.reports)
        self.forms.setCurrentRow(ids.index(chosen) if chosen in ids else 0)
        self.show_form()
        self.show_check()

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, DomainError):
            raise error
        self.reports, self.check = {}, None
        self.forms.clear()
        self.model.set_rows([])
        self.findings.clear()
        self.check_line.setText("")
        self.unconfirmed.hide()
        self.line.setText(error.message)

    # -- showing ---------------------------------------------------------------------------------------------
    def form_id(self) -> str | None:
        item = self.forms.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def show_form(self) -> None:
        report = self.reports.get(self.form_id())
        if report is None:
            self.model.set_rows([])
            return
        window = report.window
        partial = "" if report.complete else s.PARTIAL.format(end=format_vn_date(window.end))
        self.line.setText(s.PERIOD_LINE.format(code=report.form.code, title=report.form.title.capitalize(),
                                               period=report.period.label, start=format_vn_date(window.start),
                                               end=format_vn_date(report.period.end), partial=partial))
        notes = statistics.unconfirmed_notes(report.form)
        self.unconfirmed.setText(s.UNCONFIRMED.format(notes=" ".join(notes)))
        self.unconfirmed.setVisible(bool(notes))
        self.model.columns = {BREAKDOWN: s.BREAKDOWN_COLUMNS, REVIEW: s.REVIEW_COLUMNS}.get(report.form.layout,
                                                                                        s.COMPARISON_COLUMNS)
        typed_keys = set(report.form.typed_keys)
        self.model.set_rows([self._line(row, row.key in typed_keys) for row in report.rows if not row.hidden])

    @staticmethod
    def _line(row, typed: bool) -> DisplayRow:
        first = s.MISSING_MARK if row.missing else (s.TYPED_MARK.format(value=row.cells[0]) if row.typed
                                                    else row.cells[0])
        label = "    " * row.level + row.label
        return DisplayRow((row.key, label, first, row.cells[1], row.cells[2]), key=row.key,
                          background=TYPED_BACKGROUND if typed else "")

    def show_check(self) -> None:
        self.findings.clear()
        if self.check is None:
            return
        errors, warnings = self.check.errors, self.check.warnings
        self.check_line.setText(s.CHECK_ERRORS.format(errors=len(errors), warnings=len(warnings)) if errors
                                else s.CHECK_OK.format(warnings=len(warnings)))
        self.check_line.setStyleSheet(ERROR_STYLE if errors else "")
        for mark, colour, found in ((s.ERROR_MARK, ERROR_COLOUR, errors), (s.WARNING_MARK, WARNING_COLOUR, warnings)):
            for finding in found:
                item = QListWidgetItem(f"{mark}: {finding.message}")
                item.setForeground(Qt.GlobalColor.red if colour == ERROR_COLOUR else Qt.GlobalColor.darkYellow)
                self.findings.addItem(item)

    # -- the rows the office types -----------------------------------------------------------------------------
    def _typed_row(self):
        report = self.reports.get(self.form_id())
        rows = self.table.selectionModel().selectedRows()
        key = self.model.key(rows[0].row()) if rows else ""
        if report is None or key not in report.form.typed_keys:
            self.message.setText(s.CHOOSE_TYPED_ROW)
            return None, None
        self.message.setText("")
        return report, key

    def type_value(self) -> RecordDialog | None:
        report, key = self._typed_row()
        if report is None:
            return None
        period, on = self.current()
        entered = report.current.value(key) if key not in report.current.missing else None
        fields = [Field("typed_value", "" if entered is None else str(entered)), Field("typed_note")]
        db, actor, form_id = self.context.db, self.context.actor, report.form.id
        dialog = RecordDialog(self.context, s.DLG_TYPED.format(code=report.form.code, row=key, period=period), fields,
                              lambda values: statistics_records.set_typed(
                                  db, actor, form_id, period, key, values["typed_value"], values["typed_note"],
                                  today=on), self)
        dialog.setObjectName("stats_typed_dialog")
        dialog.open()
        return dialog

    def clear_value(self, ask: bool = True) -> None:
        report, key = self._typed_row()
        if report is None:
            return
        period, _on = self.current()
        if ask and not confirm(self, s.CONFIRM_CLEAR.format(row=key, code=report.form.code, period=period)):
            return
        try:
            changes = statistics_records.clear_typed(self.context.db, self.context.actor, report.form.id, period, key)
        except DomainError as error:
            show_error(self, error)
            return
        self.context.changed.emit(changes)
