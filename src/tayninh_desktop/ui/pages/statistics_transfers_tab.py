"""The official transfers in and out of the period and the province scope Biểu 1 counts each under (B.2.a/b,
C.5.a/b): read from the place or issuing body when it names a province, else recorded by the office here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_statistics import TRANSFER_SCOPE_LABELS
from tayninh_desktop.services import statistics_records
from tayninh_desktop.ui import strings_statistics as s
from tayninh_desktop.ui.context import UiContext, show_error
from tayninh_desktop.ui.models.rows_model import DisplayRow, RowsModel
from tayninh_desktop.ui.pages.statistics_awards_tab import read_only_table, selected_key

UNKNOWN_BACKGROUND = "#ffe0e0"


class TransfersTab(QWidget):
    def __init__(self, context: UiContext, current: Callable[[], tuple[str, date]]) -> None:
        super().__init__()
        self.context, self.current = context, current
        self.lines: dict = {}
        self.model = RowsModel(s.TRANSFERS_COLUMNS, self)
        self.table = read_only_table(self.model, "stats_transfers", 3)
        for column, width in ((0, 200), (1, 100), (2, 90), (4, 220), (5, 230)):
            self.table.setColumnWidth(column, width)
        self.summary = QLabel(objectName="stats_transfers_summary")
        self.message = QLabel(objectName="stats_transfers_message", wordWrap=True)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(s.SET_SCOPE))
        for scope, text in (("trong_tinh", s.SET_IN_PROVINCE), ("tinh_khac", s.SET_OTHER_PROVINCE)):
            button = QPushButton(text, objectName=f"stats_scope_{scope}")
            button.clicked.connect(lambda _c=False, scope=scope: self.set_scope(scope))
            buttons.addWidget(button)
        buttons.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def reload(self) -> None:
        period, _on = self.current()
        try:
            lines = statistics_records.transfers(self.context.db, period)
        except DomainError as error:
            self.summary.setText(error.message)
            self.model.set_rows([])
            return
        self.lines = {line.event_id: line for line in lines}
        self.model.set_rows([self._row(line) for line in lines])
        unknown = sum(1 for line in lines if line.scope is None)
        self.summary.setText(s.TRANSFERS_SUMMARY.format(count=len(lines), unknown=unknown))

    @staticmethod
    def _row(line) -> DisplayRow:
        if line.scope is None:
            scope = s.SCOPE_UNKNOWN
        else:
            label = TRANSFER_SCOPE_LABELS.get(line.scope, line.scope)
            scope = (s.SCOPE_RECORDED if line.recorded else s.SCOPE_READ).format(scope=label)
        kind = s.TRANSFER_IN if line.kind == "chuyen_den" else s.TRANSFER_OUT
        return DisplayRow((line.member_name, kind, format_vn_date(line.day), line.place, line.issuer, scope),
                          key=line.event_id, background=UNKNOWN_BACKGROUND if line.scope is None else "")

    def set_scope(self, scope: str) -> None:
        line = self.lines.get(selected_key(self.table, self.model))
        if line is None:
            self.message.setText(s.CHOOSE_TRANSFER)
            return
        self.message.setText("")
        try:
            changes = statistics_records.set_transfer_scope(self.context.db, self.context.actor, line.event_id, scope)
        except DomainError as error:
            show_error(self, error)
            return
        self.context.changed.emit(changes)
