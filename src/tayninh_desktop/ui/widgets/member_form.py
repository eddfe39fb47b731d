"""The member form: the phiếu đảng viên fields a commune keeps, with an error line under each field."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from tayninh_desktop.domain.members import MemberData
from tayninh_desktop.ui import strings

SECTIONS = (
    (strings.SECTION_IDENTITY, ("full_name", "other_name", "gender", "birth_date", "cccd", "ethnicity", "religion",
                                "hometown", "permanent_address", "current_address")),
    (strings.SECTION_PARTY, ("joined_on", "full_member_on", "card_number", "dossier_number", "occupation")),
    (strings.SECTION_EDUCATION, ("education_general", "education_professional", "political_theory", "phone",
                                 "notes")),
)
DATE_FIELDS = {"joined_on", "full_member_on"}
ERROR_STYLE = "color: #b00020;"


class MemberForm(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        for column, (title, names) in enumerate(SECTIONS):
            box = QGroupBox(title)
            form = QFormLayout(box)
            for name in names:
                widget = self._input(name)
                error = QLabel(objectName=f"error_{name}")
                error.setStyleSheet(ERROR_STYLE)
                error.setWordWrap(True)
                error.hide()
                holder = QWidget()
                inner = QFormLayout(holder)
                inner.setContentsMargins(0, 0, 0, 0)
                inner.addRow(widget)
                inner.addRow(error)
                form.addRow(strings.label(name), holder)
                self.inputs[name] = widget
                self.errors[name] = error
            grid.addWidget(box, 0 if column < 2 else 1, column if column < 2 else 0, 1, 1 if column < 2 else 2)

    def _input(self, name: str):
        if name == "gender":
            combo = QComboBox(objectName="input_gender")
            for value, text in strings.GENDER_CHOICES:
                combo.addItem(text, value)
            return combo
        edit = QLineEdit(objectName=f"input_{name}")
        if name in DATE_FIELDS:
            edit.setPlaceholderText(strings.DATE_PLACEHOLDER)
        elif name == "birth_date":
            edit.setPlaceholderText(strings.BIRTH_PLACEHOLDER)
        if name == "cccd":
            edit.setMaxLength(14)
        return edit

    def values(self) -> dict[str, str]:
        out = {}
        for name, widget in self.inputs.items():
            out[name] = widget.currentData() if isinstance(widget, QComboBox) else widget.text()
        return out

    def set_values(self, data: MemberData) -> None:
        for name, value in data.as_form().items():
            widget = self.inputs.get(name)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif widget is not None:
                widget.setText(value)

    def show_errors(self, by_field: dict[str, list[str]]) -> list[str]:
        """Show each field's messages under it; returns messages for fields the form does not show."""
        self.clear_errors()
        unplaced = []
        for name, messages in by_field.items():
            label = self.errors.get(name)
            if label is None:
                unplaced += messages
                continue
            label.setText("\n".join(messages))
            label.show()
        return unplaced

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def first_error_field(self) -> QWidget | None:
        for name, label in self.errors.items():
            if label.isVisibleTo(self):
                return self.inputs[name]
        return None
