"""Badges and cards given in the period (what Biểu 7 counts in parts II and III): the list, recording one,
removing one recorded by mistake."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_statistics import AWARD_LABELS
from tayninh_desktop.domain.stats_period import parse_period
from tayninh_desktop.services import statistics_records
from tayninh_desktop.ui import strings_statistics as s
from tayninh_desktop.ui.context import UiContext, confirm, show_error
from tayninh_desktop.ui.dialogs.award_dialog import AwardDialog
from tayninh_desktop.ui.models.rows_model import DisplayRow, RowsModel
from tayninh_desktop.ui.widgets.full_text import show_full_text


def read_only_table(model, name: str, stretch: int) -> QTableView:
    view = QTableView(objectName=name)
    show_full_text(view, wrap=False)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().lineSpacing() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def selected_key(view: QTableView, model: RowsModel) -> str:
    rows = view.selectionModel().selectedRows()
    return model.key(rows[0].row()) if rows else ""


class AwardsTab(QWidget):
    def __init__(self, context: UiContext, current: Callable[[], tuple[str, date]]) -> None:
        super().__init__()
        self.context, self.current = context, current
        self.records: dict = {}
        self.model = RowsModel(s.AWARDS_COLUMNS, self)
        self.table = read_only_table(self.model, "stats_awards", 5)
        for column, width in ((0, 220), (1, 170), (2, 120), (3, 100), (4, 130)):
            self.table.setColumnWidth(column, width)
        self.summary = QLabel(objectName="stats_awards_summary")
        self.message = QLabel(objectName="stats_awards_message", wordWrap=True)
        add = QPushButton(s.ADD_AWARD, objectName="stats_award_add")
        delete = QPushButton(s.DELETE_AWARD, objectName="stats_award_delete")
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(delete)
        buttons.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        add.clicked.connect(lambda: self.add())
        delete.clicked.connect(lambda: self.delete())

    def reload(self) -> None:
        period, _on = self.current()
        try:
            records = statistics_records.awards(self.context.db, period_text=period)
        except DomainError as error:
            self.summary.setText(error.message)
            self.model.set_rows([])
            return
        self.records = {r.id: r for r in records}
        self.model.set_rows([DisplayRow((r.member_name, AWARD_LABELS.get(r.kind, r.kind),
                                         str(r.badge_years or ""), format_vn_date(r.awarded_on), r.doc_number,
                                         r.notes), key=r.id) for r in records])
        self.summary.setText(s.AWARDS_SUMMARY.format(count=len(records), period=parse_period(period).label))

    def add(self) -> AwardDialog:
        _period, on = self.current()
        dialog = AwardDialog(self.context, min(on, date.today()), self)
        dialog.open()
        return dialog

    def delete(self, ask: bool = True) -> None:
        record = self.records.get(selected_key(self.table, self.model))
        if record is None:
            self.message.setText(s.CHOOSE_AWARD)
            return
        what = AWARD_LABELS.get(record.kind, record.kind)
        if ask and not confirm(self, s.CONFIRM_DELETE_AWARD.format(what=what, name=record.member_name)):
            return
        self.message.setText("")
        try:
            changes = statistics_records.delete_award(self.context.db, self.context.actor, record.id)
        except DomainError as error:
            show_error(self, error)
            return
        self.context.changed.emit(changes)
