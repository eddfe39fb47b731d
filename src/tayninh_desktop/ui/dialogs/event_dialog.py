"""Record one event of a member's history, with the document that decided it."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from tayninh_desktop.domain.dates import parse_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.services import organisation, register
from tayninh_desktop.ui import strings
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE

DATE_INPUTS = ("event_date", "end_date", "doc_date")


class EventDialog(QDialog):
    def __init__(self, context: UiContext, member_id: str, kind: EventKind, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.member_id = member_id
        self.kind = kind
        self.setWindowTitle(strings.EVENT_DIALOG_TITLE.format(event=strings.event_label(kind.value)))
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        form = QFormLayout()
        names = ["event_date"]
        if kind.needs_cell:
            names.append("cell_id")
        if kind.has_end_date:
            names.append("end_date")
        if kind in (EventKind.AWAY, EventKind.TRANSFER_OUT, EventKind.TRANSFER_OUT_TEMPORARY,
                    EventKind.TRANSFER_IN, EventKind.SETTLED_ABROAD):
            names.append("place")
        names += ["doc_number", "doc_date", "doc_issuer", "notes"]
        for name in names:
            if name == "cell_id":
                widget = QComboBox(objectName="input_cell_id")
                for cell in organisation.cells(context.db):
                    widget.addItem(cell.name, cell.id)
            else:
                widget = QLineEdit(objectName=f"input_{name}")
                if name in DATE_INPUTS:
                    widget.setPlaceholderText(strings.DATE_PLACEHOLDER)
            self.inputs[name] = widget
            form.addRow(strings.EVENT_FIELDS[name], widget)
        self.inputs["event_date"].setText(strings.date_text(date.today()))
        self.error = QLabel(objectName="event_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox()
        buttons.addButton(strings.RECORD, QDialogButtonBox.ButtonRole.AcceptRole).setObjectName("record")
        buttons.addButton(strings.CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.record)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.record)

    def _text(self, name: str) -> str:
        widget = self.inputs.get(name)
        return widget.text() if isinstance(widget, QLineEdit) else ""

    def _dates(self) -> dict[str, date | None]:
        values, issues = {}, []
        for name in DATE_INPUTS:
            try:
                values[name] = parse_vn_date(self._text(name))
            except ValueError:
                issues.append(FieldIssue(name, "bad_date", {"value": self._text(name)}))
        if values.get("event_date") is None and not issues:
            issues.append(FieldIssue("event_date", "required"))
        if issues:
            raise ValidationError(issues)
        return values

    def record(self) -> bool:
        try:
            dates = self._dates()
            cell = self.inputs.get("cell_id")
            _event_id, changes = register.record_event(
                self.context.db, self.context.actor, self.member_id, self.kind, dates["event_date"],
                cell_id=cell.currentData() if isinstance(cell, QComboBox) else None, end_date=dates["end_date"],
                place=self._text("place"), doc_number=self._text("doc_number"), doc_date=dates["doc_date"],
                doc_issuer=self._text("doc_issuer"), notes=self._text("notes"), today=date.today())
        except DomainError as error:
            self.error.setText(error.message)
            return False
        self.context.changed.emit(changes)
        self.accept()
        return True
