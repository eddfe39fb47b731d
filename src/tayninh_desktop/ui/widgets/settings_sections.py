"""The sections of the Settings page that exist today: the register open, the early warnings (thematic meetings),
the meeting rubric, the printed documents' frame. Each is one small widget (ui/pages/settings_page.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tayninh_desktop.domain.documents import DocumentSettings
from tayninh_desktop.services import meetings, sample_register
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.settings_party_life import set_thematic_absence, thematic_absence_counts
from tayninh_desktop.ui import strings_party_life as s
from tayninh_desktop.ui import strings_rules as sr
from tayninh_desktop.ui import strings_window as sw
from tayninh_desktop.ui.context import UiContext


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text, objectName=name, wordWrap=True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _button_row(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


class RegisterSection(QWidget):
    """Which register is open (its file), and whether it is the sample one."""

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        sample = sample_register.is_sample(context.db)
        kind = sw.SETTINGS_REGISTER_SAMPLE if sample else sw.SETTINGS_REGISTER_REAL
        column = QVBoxLayout(self)
        column.addWidget(_label(sw.SETTINGS_REGISTER_TEXT.format(kind=kind, path=context.db_path or "—"),
                                "settings_register_path"))


class WarningsSection(QWidget):
    """Whether an unexcused absence from a thematic meeting counts toward the three months (an office choice)."""

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context
        self.thematic = QCheckBox(sr.THEMATIC_CHECK, objectName="settings_thematic")
        self.thematic.setChecked(thematic_absence_counts(context.db))
        self.thematic.toggled.connect(self._set_thematic)
        column = QVBoxLayout(self)
        column.addWidget(_label(sw.SETTINGS_THEMATIC_HELP))
        column.addWidget(self.thematic)

    def _set_thematic(self, counts: bool) -> None:
        if self.context.run_action(self, set_thematic_absence, counts) is None:
            self.thematic.blockSignals(True)
            self.thematic.setChecked(not counts)
            self.thematic.blockSignals(False)

    def on_changes(self, changes: Changes) -> None:
        if changes.settings:
            self.thematic.blockSignals(True)
            self.thematic.setChecked(thematic_absence_counts(self.context.db))
            self.thematic.blockSignals(False)


class MeetingsSection(QWidget):
    """The rubric the cells' meetings are scored with, and its editor."""

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context
        self.text = _label("", "settings_rubric")
        edit = QPushButton(s.RUBRIC_EDIT, objectName="settings_rubric_edit")
        edit.clicked.connect(self.edit_rubric)
        column = QVBoxLayout(self)
        column.addWidget(self.text)
        column.addLayout(_button_row(edit))
        self._show()

    def _show(self) -> None:
        rubric = meetings.rubric(self.context.db)
        self.text.setText(sw.SETTINGS_RUBRIC_HELP.format(name=rubric.name, basis=rubric.doc_number))

    def edit_rubric(self):
        from tayninh_desktop.ui.dialogs.rubric_dialog import RubricDialog

        dialog = RubricDialog(self.context, self)
        dialog.open()
        return dialog

    def on_changes(self, changes: Changes) -> None:
        if changes.settings:
            self._show()


class DocumentsSection(QWidget):
    """The frame every printed document follows (HD 36), the sample mark, and where the signers are set."""

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context
        frame = DocumentSettings()
        column = QVBoxLayout(self)
        column.addWidget(_label(sw.SETTINGS_FRAME_HELP.format(
            top=f"{frame.margin_top_mm:g}", bottom=f"{frame.margin_bottom_mm:g}", left=f"{frame.margin_left_mm:g}",
            right=f"{frame.margin_right_mm:g}", body=f"{frame.body_size:g}", type_name=f"{frame.type_name_size:g}"),
            "settings_frame"))
        if sample_register.is_sample(context.db):
            mark = _label(sw.SETTINGS_FRAME_SAMPLE.format(mark=sample_register.SAMPLE_PRINT_MARK), "settings_sample")
            mark.setStyleSheet("color: #8a6d00; font-weight: bold;")
            column.addWidget(mark)
        column.addWidget(_label(sw.SETTINGS_FRAME_SIGNERS))
        signers = QPushButton(sw.SETTINGS_FRAME_SIGNERS_OPEN, objectName="settings_open_signers")
        signers.clicked.connect(self.open_signers)
        column.addLayout(_button_row(signers))

    def open_signers(self):
        """The signers and the Đề án 03 figures: the section below on the same page."""
        page = self.parent()
        while page is not None and not hasattr(page, "show_section"):
            page = page.parent()
        return page.show_section("signers") if page is not None else None
