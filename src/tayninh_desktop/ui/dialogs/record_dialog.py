"""A small form dialog for one party-life record (a rating, a letter, a contact…): the fields, an error line
under each, and one action that runs only when every field is right.

``submit(values)`` runs the service action and returns its Changes; a ValidationError shows each message
under its field (messages for fields the form does not show go to the line at the bottom), and nothing
is changed. On success the window is told what changed and the dialog closes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.domain.messages import field_label
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.unsaved import GuardedDialog, UnsavedGuard
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE


@dataclass(frozen=True)
class Field:
    """One input: ``choices`` (value, label) make a drop-down, ``check`` a tick box, else a line of text."""

    name: str
    value: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    check: bool = False
    hint: str = ""
    editable_choice: bool = False


class RecordDialog(GuardedDialog):
    def __init__(self, context: UiContext, title: str, fields: list[Field],
                 submit: Callable[[dict[str, str]], Changes], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.submit = submit
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.inputs: dict[str, QLineEdit | QComboBox | QCheckBox] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for spec in fields:
            widget = self._input(spec)
            error = QLabel(objectName=f"error_{spec.name}", wordWrap=True)
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            form.addRow("" if spec.check else field_label(spec.name), holder)
            self.inputs[spec.name] = widget
            self.errors[spec.name] = error
        self.status = QLabel(objectName="dialog_status", wordWrap=True)
        self.status.setStyleSheet(ERROR_STYLE)
        self.ok = QPushButton(s.DLG_OK, objectName="dialog_ok")
        self.ok.setDefault(True)
        cancel = QPushButton(s.DLG_CANCEL)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        self.hint = QLabel(objectName="dialog_hint", wordWrap=True)
        self.hint.setStyleSheet("color: #444;")
        self.hint.hide()
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.ok.clicked.connect(self.try_submit)
        cancel.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.try_submit)
        self.guard = UnsavedGuard(self, snapshot=self.values, save=self.try_submit,
                                  what=lambda: sw.WHAT_DIALOG.format(title=self.windowTitle()))
        self.guard.mark_clean()

    def _input(self, spec: Field):
        if spec.check:
            box = QCheckBox(field_label(spec.name) if not spec.hint else spec.hint, objectName=f"input_{spec.name}")
            box.setChecked(spec.value in ("1", "True", "true"))
            return box
        if spec.choices:
            combo = QComboBox(objectName=f"input_{spec.name}")
            combo.setEditable(spec.editable_choice)
            for value, label in spec.choices:
                combo.addItem(label, value)
            index = combo.findData(spec.value)
            if index >= 0:
                combo.setCurrentIndex(index)
            elif spec.editable_choice:
                combo.setEditText(spec.value)
            return combo
        edit = QLineEdit(spec.value, objectName=f"input_{spec.name}", placeholderText=spec.hint)
        edit.returnPressed.connect(self.try_submit)
        return edit

    def set_hint(self, text: str) -> None:
        """A line above the fields saying which rule applies (its text in force)."""
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def values(self) -> dict[str, str]:
        out = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QCheckBox):
                out[name] = "1" if widget.isChecked() else ""
            elif isinstance(widget, QComboBox):
                data = widget.currentData()
                out[name] = widget.currentText() if widget.isEditable() or data is None else str(data)
            else:
                out[name] = widget.text()
        return out

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.status.clear()

    def try_submit(self) -> bool:
        """Run the action; wrong fields get their message underneath and nothing is written."""
        self.clear_errors()
        try:
            changes = self.submit(self.values())
        except ValidationError as error:
            unplaced = []
            for name, messages in error.by_field().items():
                label = self.errors.get(name)
                if label is None:
                    unplaced += messages
                    continue
                label.setText("\n".join(messages))
                label.show()
            self.status.setText("\n".join(unplaced) or s.DLG_HAS_ERRORS)
            self.adjustSize()  # room for the messages under the fields
            first = next((n for n, label in self.errors.items() if label.isVisibleTo(self)), None)
            if first:
                self.inputs[first].setFocus()
            return False
        except DomainError as error:
            self.status.setText(error.message)
            return False
        if isinstance(changes, tuple):
            changes = changes[1]
        self.context.changed.emit(changes)
        self.accept()
        return True
