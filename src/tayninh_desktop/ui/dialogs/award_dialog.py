"""Recording a Huy hiệu Đảng or a party card of a member: find the member by name, card or CCCD, choose what
was given, the day and the decision. A refusal is shown under the dialog and nothing is written."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from tayninh_desktop.domain.dates import format_vn_date, parse_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.messages_statistics import AWARD_LABELS
from tayninh_desktop.services import register, statistics_records
from tayninh_desktop.ui import strings_statistics as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE

FOUND_AT_MOST = 30


class AwardDialog(QDialog):
    def __init__(self, context: UiContext, today: date, parent=None) -> None:
        super().__init__(parent)
        self.context, self.today = context, today
        self.setWindowTitle(s.DLG_AWARD)
        self.setObjectName("stats_award_dialog")
        self.setMinimumWidth(620)
        self.search = QLineEdit(objectName="award_search", placeholderText=s.FIND_PLACEHOLDER)
        self.found = QListWidget(objectName="award_found")
        self.found.setMaximumHeight(150)
        self.kind = QComboBox(objectName="award_kind")
        for value, label in AWARD_LABELS.items():
            self.kind.addItem(label[:1].upper() + label[1:], value)
        self.years = QComboBox(objectName="award_years")
        for years in statistics_records.badge_years():
            self.years.addItem(f"{years} năm", years)
        self.day = QLineEdit(format_vn_date(today), objectName="award_day")
        self.decision = QLineEdit(objectName="award_decision")
        self.notes = QLineEdit(objectName="award_notes")
        self.error = QLabel(objectName="award_error", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        for label, widget in ((s.KIND, self.kind), (s.BADGE_YEARS, self.years), (s.AWARDED_ON, self.day),
                              (s.DECISION, self.decision), (s.NOTES, self.notes)):
            form.addRow(label, widget)
        self.ok = QPushButton(s.SAVE, objectName="award_ok")
        close = QPushButton(s.CANCEL)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.ok)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(s.FIND_MEMBER))
        layout.addWidget(self.search)
        layout.addWidget(self.found)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.search.textChanged.connect(self.find)
        self.kind.currentIndexChanged.connect(lambda _i: self.years.setEnabled(self.kind.currentData() == "huy_hieu"))
        self.ok.clicked.connect(self.record)
        close.clicked.connect(self.reject)

    def find(self, text: str) -> None:
        self.found.clear()
        if len(text.strip()) < 2:
            return
        rowids = register.list_rowids(self.context.db, search=text, limit=FOUND_AT_MOST)
        for member in register.summaries(self.context.db, rowids):
            item = QListWidgetItem(s.MEMBER_MATCH.format(name=member.full_name, cell=member.cell_name or "—",
                                                         birth=format_vn_date(member.birth_date)))
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            self.found.addItem(item)
        if not rowids:
            self.found.addItem(s.NO_MATCH)
        elif len(rowids) == 1:
            self.found.setCurrentRow(0)

    def record(self) -> bool:
        item = self.found.currentItem()
        member_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not member_id:
            self.error.setText(s.CHOOSE_FOUND)
            return False
        kind = self.kind.currentData()
        try:
            try:
                on = parse_vn_date(self.day.text())
            except ValueError:
                raise ValidationError([FieldIssue("awarded_on", "bad_date", {"value": self.day.text()})]) from None
            _id, changes = statistics_records.record_award(
                self.context.db, self.context.actor, member_id, kind, on,
                years=self.years.currentData() if kind == "huy_hieu" else None, doc_number=self.decision.text(),
                notes=self.notes.text(), today=self.today)
        except DomainError as error:
            self.error.setText(error.message)
            return False
        self.context.changed.emit(changes)
        self.accept()
        return True
