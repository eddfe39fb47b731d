"""Two boxes of the "Người ký và số liệu" tab: the committee's congresses (the terms that number documents)
and where the figures of papers come from (each rule's basis, and whether it was confirmed)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.document_rules import summaries
from tayninh_desktop.domain.documents import term_on
from tayninh_desktop.services import documents_numbering
from tayninh_desktop.ui import strings_documents as s
from tayninh_desktop.ui.context import UiContext


class TermsBox(QWidget):
    """The congresses of the committee: add one by its closing day, remove one entered by mistake."""

    def __init__(self, context: UiContext, report) -> None:
        super().__init__()
        self.context = context
        self.report = report
        self.closed = QDateEdit(QDate.currentDate(), objectName="congress_closed", calendarPopup=True,
                                displayFormat="dd/MM/yyyy")
        self.label = QLineEdit(objectName="congress_label")
        self.list = QListWidget(objectName="congresses")
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 7)
        add = QPushButton(s.TERMS_ADD, objectName="add_congress")
        add.clicked.connect(lambda: self.add())
        remove = QPushButton(s.TERMS_REMOVE, objectName="remove_congress")
        remove.clicked.connect(lambda: self.remove_selected())
        form = QFormLayout()
        form.addRow(s.TERMS_CLOSED, self.closed)
        form.addRow(s.TERMS_LABEL, self.label)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"<b>{s.TERMS_HEADING}</b>", wordWrap=True))
        layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.load()

    def load(self) -> None:
        self.list.clear()
        items = documents_numbering.congresses(self.context.db)
        closes = [c.closed_on for c in items]
        for congress in items:
            term = term_on(closes, congress.closed_on + timedelta(days=1))
            end = s.TERMS_ITEM_END.format(end=format_vn_date(term.end)) if term and term.end else s.TERMS_ITEM_NOW
            text = s.TERMS_ITEM.format(date=format_vn_date(congress.closed_on),
                                       label=f" ({congress.label})" if congress.label else "",
                                       start=format_vn_date(term.start) if term else "", end=end)
            item = QListWidgetItem(text)
            item.setData(256, congress.closed_on.isoformat())
            self.list.addItem(item)
        if not items:
            self.list.addItem(s.TERMS_NONE)

    def add(self) -> bool:
        value = self.closed.date()
        closed = date(value.year(), value.month(), value.day())
        if self.context.run_action(self, documents_numbering.add_congress, closed, self.label.text()):
            self.label.clear()
            self.load()
            self.report(s.TERMS_SAVED.format(date=format_vn_date(closed)))
            return True
        return False

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        closed = item.data(256) if item else None
        if closed and self.context.run_action(self, documents_numbering.remove_congress, date.fromisoformat(closed)):
            self.load()
            self.report(s.TERMS_REMOVED.format(date=format_vn_date(date.fromisoformat(closed))))


def rules_note(on: date) -> QLabel:
    """Each rule behind the papers' figures with its citation; an unconfirmed one says so."""
    lines = [f"<b>{s.RULES_HEADING}</b>"]
    for rule in summaries(on):
        title = s.RULE_SECTIONS.get(rule.section, rule.section)
        lines.append(f"• {title}: {rule.basis} ({rule.citation}){s.RULE_UNCONFIRMED if rule.unconfirmed else ''}")
    label = QLabel("<br/>".join(lines), objectName="rules_note", wordWrap=True)
    return label
