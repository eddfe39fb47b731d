"""Record one event of a member's history, with the document that decided it."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from tayninh_desktop.domain.away import EventDetails
from tayninh_desktop.domain.dates import parse_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.domain.messages_rules import EXIT_GROUNDS
from tayninh_desktop.services import organisation, party_life, register
from tayninh_desktop.ui import strings
from tayninh_desktop.ui import strings_rules as sr
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.removal import confirm_removal
from tayninh_desktop.ui.unsaved import GuardedDialog, UnsavedGuard
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE

DATE_INPUTS = ("event_date", "end_date", "doc_date", "requested_on")
EXIT_KINDS = (EventKind.STRUCK_OFF, EventKind.EXPELLED, EventKind.LEFT_ON_REQUEST, EventKind.SETTLED_ABROAD)


def _extra_names(kind: EventKind) -> list[str]:
    """The fields an event carries besides the common ones (the rules in force ask for them)."""
    if kind is EventKind.AWAY:
        return ["requested_on", "cell_proposal", "abroad"]
    if kind is EventKind.AWAY_ENDED:
        return ["return_comments", "comments_by"]
    if kind in EXIT_KINDS or kind is EventKind.READMITTED:
        return ["ground"]
    return []


def _hint(kind: EventKind, on: date) -> str:
    book = party_life.rules()
    if kind is EventKind.AWAY:
        rule = book.on("away_leave", on)
        return sr.AWAY_HINT.format(granted_by=rule["granted_by"], limit=rule["max_months"], basis=rule.citation_marked)
    if kind is EventKind.READMITTED:
        rule = book.on("readmission", on)
        return sr.READMIT_HINT.format(months=rule["months_out"], basis=rule.citation_marked)
    return sr.RETURN_HINT if kind is EventKind.AWAY_ENDED else ""


class EventDialog(GuardedDialog):
    def __init__(self, context: UiContext, member_id: str, kind: EventKind, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.member_id = member_id
        self.kind = kind
        self.setWindowTitle(strings.EVENT_DIALOG_TITLE.format(event=strings.event_label(kind.value)))
        self.inputs: dict[str, QLineEdit | QComboBox | QCheckBox] = {}
        form = QFormLayout()
        names = ["event_date"]
        if kind.needs_cell:
            names.append("cell_id")
        if kind.has_end_date:
            names.append("end_date")
        if kind in (EventKind.AWAY, EventKind.TRANSFER_OUT, EventKind.TRANSFER_OUT_TEMPORARY,
                    EventKind.TRANSFER_IN, EventKind.SETTLED_ABROAD):
            names.append("place")
        names += ["doc_number", "doc_date", "doc_issuer", *_extra_names(kind), "notes"]
        for name in names:
            widget = self._widget(name)
            self.inputs[name] = widget
            label = sr.READMIT_GROUND if name == "ground" and kind is EventKind.READMITTED else (
                strings.EVENT_FIELDS.get(name) or sr.EVENT_EXTRA_FIELDS[name])
            form.addRow("" if name == "abroad" else label, widget)
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
        hint = _hint(kind, date.today())
        if hint:
            help_label = QLabel(hint, objectName="event_hint", wordWrap=True)
            help_label.setStyleSheet("color: #444;")
            layout.addWidget(help_label)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.record)
        self.guard = UnsavedGuard(self, snapshot=self._snapshot, save=self.record,
                                  what=lambda: sw.WHAT_DIALOG.format(title=self.windowTitle()))
        self.guard.mark_clean()

    def _snapshot(self) -> dict[str, object]:
        return {name: (w.isChecked() if isinstance(w, QCheckBox) else w.currentData() if isinstance(w, QComboBox)
                       else w.text()) for name, w in self.inputs.items()}

    def _widget(self, name: str):
        if name == "cell_id":
            widget = QComboBox(objectName="input_cell_id")
            for cell in organisation.cells(self.context.db):
                widget.addItem(cell.name, cell.id)
            return widget
        if name == "ground":
            widget = QComboBox(objectName="input_ground")
            widget.addItem(sr.GROUND_NONE, "")
            for code, label in EXIT_GROUNDS.items():
                widget.addItem(label, code)
            return widget
        if name == "abroad":
            return QCheckBox(sr.EVENT_EXTRA_FIELDS["abroad"], objectName="input_abroad")
        widget = QLineEdit(objectName=f"input_{name}")
        if name in DATE_INPUTS:
            widget.setPlaceholderText(strings.DATE_PLACEHOLDER)
        return widget

    def _details(self, dates: dict[str, date | None]) -> EventDetails:
        ground = self.inputs.get("ground")
        abroad = self.inputs.get("abroad")
        return EventDetails(abroad=isinstance(abroad, QCheckBox) and abroad.isChecked(),
                            requested_on=dates.get("requested_on"), cell_proposal=self._text("cell_proposal"),
                            return_comments=self._text("return_comments"), comments_by=self._text("comments_by"),
                            ground=ground.currentData() if isinstance(ground, QComboBox) else "")

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
            if not confirm_removal(self, self.context, self.member_id, self.kind, dates["event_date"]):
                return False
            cell = self.inputs.get("cell_id")
            _event_id, changes = register.record_event(
                self.context.db, self.context.actor, self.member_id, self.kind, dates["event_date"],
                cell_id=cell.currentData() if isinstance(cell, QComboBox) else None, end_date=dates["end_date"],
                place=self._text("place"), doc_number=self._text("doc_number"), doc_date=dates["doc_date"],
                doc_issuer=self._text("doc_issuer"), notes=self._text("notes"), details=self._details(dates),
                today=date.today())
        except DomainError as error:
            self.error.setText(error.message)
            return False
        self.context.changed.emit(changes)
        self.accept()
        return True
