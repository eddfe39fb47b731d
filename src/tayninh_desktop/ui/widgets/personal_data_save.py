"""The save dialog of every file the program writes for people (PDF, Excel): those files stay plain, so the
dialog says that the file holds personal data (Nghị định 13/2023/NĐ-CP) before the clerk chooses where."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QGridLayout, QLabel, QWidget

from tayninh_desktop.ui import strings_accounts as s

NOTE_STYLE = "background: #FFF4CE; color: #5A4300; padding: 6px; border: 1px solid #E0C060"


def build_dialog(parent: QWidget | None, title: str, default: str, name_filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, default, name_filter)
    dialog.setObjectName("personal_data_save")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)   # the native one cannot show the note
    suffix = "pdf" if "*.pdf" in name_filter else "xlsx" if "*.xlsx" in name_filter else ""
    if suffix:
        dialog.setDefaultSuffix(suffix)
    note = QLabel(s.PERSONAL_DATA_NOTE, objectName="personal_data_note", wordWrap=True)
    note.setStyleSheet(NOTE_STYLE)
    layout = dialog.layout()
    if isinstance(layout, QGridLayout):
        layout.addWidget(note, layout.rowCount(), 0, 1, layout.columnCount())
    return dialog


def ask_save_path(parent: QWidget | None, title: str, default: str, name_filter: str) -> str:
    """The path chosen, or "" when the clerk cancelled."""
    dialog = build_dialog(parent, title, default, name_filter)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]
