"""A member's record: the form (new or edit) and, for an existing member, the history timeline."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.dates import format_vn_date, parse_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.services import organisation, register
from tayninh_desktop.ui import role_gate, strings
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.context import UiContext, show_error
from tayninh_desktop.ui.screen_fit import fit_to_screen
from tayninh_desktop.ui.unsaved import GuardedDialog, UnsavedGuard
from tayninh_desktop.ui.widgets.history_view import HistoryView
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE, MemberForm
from tayninh_desktop.ui.widgets.member_party_life import MemberPartyLife


class MemberDialog(GuardedDialog):
    def __init__(self, context: UiContext, member_id: str | None, parent=None, *,
                 default_cell_id: str | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.member_id = member_id
        fit_to_screen(self, 1100, 720)
        self.form = MemberForm()
        self.status = QLabel(objectName="form_status")
        self.save_button = QPushButton(strings.SAVE, objectName="save")
        close_button = QPushButton(strings.CANCEL)
        self.save_button.setDefault(True)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.form)
        if member_id is None:
            details_layout.addWidget(self._entry_box(default_cell_id))
        else:
            details_layout.addWidget(self._changes_box())
        details_layout.addStretch(1)
        scroll.setWidget(details)

        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, strings.TAB_DETAILS)
        self.history: HistoryView | None = None
        if member_id is not None:
            self.history = HistoryView(context, member_id)
            self.tabs.addTab(self.history, strings.TAB_HISTORY)
            self.tabs.addTab(MemberPartyLife(context, member_id), MemberPartyLife.TITLE)
            self._add_support_tab(member_id)
            member = register.get_member(context.db, member_id)
            self.form.set_values(member.data)
            self.setWindowTitle(strings.MEMBER_DIALOG_EDIT.format(name=member.full_name))
        else:
            self.setWindowTitle(strings.MEMBER_DIALOG_NEW)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        # Saving belongs to the form: the other tabs record their facts with their own buttons.
        self.tabs.currentChanged.connect(lambda index: self.save_button.setVisible(index == 0))
        close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        self.guard = UnsavedGuard(self, snapshot=self._snapshot, save=self.save, what=self._what)
        self.guard.mark_clean()
        role_gate.gate_buttons(self, context.actor, role_gate.MEMBER_DIALOG_BUTTONS)

    def _snapshot(self) -> dict[str, str]:
        values = self.form.values()
        if hasattr(self, "cell_input") and self.member_id is None:
            values.update(cell=self.cell_input.currentData(), entry=self.entry_input.currentData(),
                          entry_date=self.entry_date.text())
        return values

    def _what(self) -> str:
        name = self.form.values().get("full_name", "").strip()
        return sw.WHAT_MEMBER.format(name=name) if name else sw.WHAT_MEMBER_NEW

    def _add_support_tab(self, member_id: str) -> None:
        """The support programme of this member, for a role that may see household data (the others never see
        that the tab exists)."""
        from tayninh_desktop.services.support_member import may_see

        if may_see(self.context.actor):
            from tayninh_desktop.ui.widgets.member_support import MemberSupport

            self.support = MemberSupport(self.context, member_id)
            holder = QScrollArea(objectName="support_scroll")   # four tables: scroll on a laptop screen
            holder.setWidgetResizable(True)
            holder.setWidget(self.support)
            self.tabs.addTab(holder, MemberSupport.TITLE)

    def _changes_box(self) -> QWidget:
        """When occupation, schooling, qualification or theory change: from which day (the statistics of a past
        period count the value of its day), or a correction of a typing mistake (no dated change)."""
        box = QWidget()
        form = QFormLayout(box)
        self.changes_on = QLineEdit(format_vn_date(date.today()), objectName="input_changes_effective_on",
                                    placeholderText=strings.DATE_PLACEHOLDER)
        self.changes_on.setMaximumWidth(self.changes_on.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        self.correction = QCheckBox(strings.CHANGES_CORRECTION, objectName="input_correction")
        self.changes_error = QLabel(objectName="error_changes_effective_on", wordWrap=True)
        self.changes_error.setStyleSheet(ERROR_STYLE)
        self.changes_error.hide()
        form.addRow(QLabel(strings.CHANGES_HELP, wordWrap=True))
        form.addRow(strings.CHANGES_EFFECTIVE, self.changes_on)
        form.addRow(self.correction)
        form.addRow(self.changes_error)
        self.correction.toggled.connect(lambda on: self.changes_on.setEnabled(not on))
        return box

    def _update(self):
        """Save the edited member (a change of occupation or schooling dated, unless it is a correction)."""
        correction = self.correction.isChecked()
        return register.update_member(self.context.db, self.context.actor, self.member_id, self.form.values(),
                                      today=date.today(), correction=correction,
                                      changes_effective=None if correction else self._changes_effective())

    def _changes_effective(self) -> date:
        try:
            return parse_vn_date(self.changes_on.text())
        except ValueError:
            raise ValidationError([FieldIssue("changes_effective_on", "bad_date",
                                              {"value": self.changes_on.text()})]) from None

    def _entry_box(self, default_cell_id: str | None) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.cell_input = QComboBox(objectName="input_cell")
        for cell in organisation.cells(self.context.db):
            self.cell_input.addItem(cell.name, cell.id)
        if default_cell_id:
            self.cell_input.setCurrentIndex(max(self.cell_input.findData(default_cell_id), 0))
        self.entry_input = QComboBox(objectName="input_entry")
        self.entry_input.addItem(strings.ENTRY_ADMITTED, EventKind.ADMITTED)
        self.entry_input.addItem(strings.ENTRY_TRANSFER_IN, EventKind.TRANSFER_IN)
        self.entry_date = QLineEdit(objectName="input_entry_date", placeholderText=strings.DATE_PLACEHOLDER)
        self.entry_error = QLabel(objectName="error_entry")
        self.entry_error.setStyleSheet(ERROR_STYLE)
        self.entry_error.hide()
        form.addRow(strings.label("cell_id"), self.cell_input)
        form.addRow(strings.ENTRY_KIND, self.entry_input)
        form.addRow(strings.ENTRY_DATE, self.entry_date)
        form.addRow(self.entry_error)
        self.entry_date.setEnabled(False)
        self.entry_input.currentIndexChanged.connect(
            lambda: self.entry_date.setEnabled(self.entry_input.currentData() != EventKind.ADMITTED))
        return box

    def save(self) -> bool:
        """Validate and save; field errors appear under their fields and nothing is written."""
        self.form.clear_errors()
        try:
            if self.member_id is None:
                entry = EventKind(self.entry_input.currentData())
                try:
                    entry_date = parse_vn_date(self.entry_date.text()) if entry is not EventKind.ADMITTED else None
                except ValueError:
                    raise ValidationError([FieldIssue("event_date", "bad_date",
                                                      {"value": self.entry_date.text()})]) from None
                member_id, changes = register.add_member(self.context.db, self.context.actor, self.form.values(),
                                                         self.cell_input.currentData(), entry=entry,
                                                         entry_date=entry_date, today=date.today())
                self.member_id = member_id
            else:
                changes = self._update()
        except ValidationError as error:
            unplaced = self.form.show_errors(error.by_field())
            below = self.entry_error if self.member_id is None and hasattr(self, "entry_error") else \
                getattr(self, "changes_error", None)
            if below is not None and unplaced:
                below.setText("\n".join(unplaced))
                below.show()
            self.status.setText(strings.FORM_HAS_ERRORS)
            self.status.setStyleSheet(ERROR_STYLE)
            field = self.form.first_error_field()
            if field is not None:
                field.setFocus()
            return False
        except DomainError as error:
            show_error(self, error)
            return False
        self.status.setText(strings.SAVED)
        self.status.setStyleSheet("")
        self.context.changed.emit(changes)
        self.accept()
        return True
