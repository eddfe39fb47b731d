"""What the tabs of the "Hỗ trợ đảng viên" page share: a read-only table of display rows, a message line, the
record dialog for one action, and printing a paper to a file the person chooses (on the worker thread)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_support as s
from tayninh_desktop.ui.context import UiContext, show_error
from tayninh_desktop.ui.dialogs.record_dialog import Field, RecordDialog
from tayninh_desktop.ui.models.rows_model import RowsModel
from tayninh_desktop.ui.tasks import TaskRunner
from tayninh_desktop.ui.widgets.full_text import show_full_text
from tayninh_desktop.ui.widgets.member_form import ERROR_STYLE
from tayninh_desktop.ui.widgets.personal_data_save import ask_save_path

UNCONFIRMED_BACKGROUND = "#fff3c4"
TOLD_BACKGROUND = "#e8f5e9"


class AlignedRowsModel(RowsModel):
    """Display rows with some columns (amounts) aligned right."""

    def __init__(self, columns: tuple[str, ...], right: tuple[int, ...], parent=None) -> None:
        super().__init__(columns, parent)
        self.right = frozenset(right)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid() and index.column() in self.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class SupportTab(QWidget):
    """One tab: subclasses build their widgets, implement ``reload`` and react to ``on_changes``."""

    def __init__(self, context: UiContext, runner: TaskRunner, name: str) -> None:
        super().__init__()
        self.context = context
        self.runner = runner
        self.name = name
        self.message = QLabel(objectName=f"{name}_message", wordWrap=True)

    def make_table(self, columns: tuple[str, ...], name: str, stretch: int = -1, right: tuple[int, ...] = (),
                   widths: tuple[int, ...] = (), wrap: bool = False) -> tuple[QTableView, RowsModel]:
        """``wrap``: long texts (what an application still lacks…) wrap and their rows grow, instead of a tooltip."""
        model = AlignedRowsModel(columns, right, self)
        view = QTableView(objectName=name)
        show_full_text(view, wrap=wrap)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().lineSpacing() + 10)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(stretch < 0)
        if stretch >= 0:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate(widths):
            if width:    # 0: leave the column as it is (the stretching one)
                view.setColumnWidth(column, width)
        return view, model

    @staticmethod
    def selected_key(view: QTableView, model: RowsModel) -> str:
        rows = view.selectionModel().selectedRows() if view.selectionModel() else []
        return model.key(rows[0].row()) if rows else ""

    def buttons(self, *pairs: tuple[str, str, Callable]) -> tuple[QHBoxLayout, dict[str, QPushButton]]:
        layout, out = QHBoxLayout(), {}
        for name, text, slot in pairs:
            if name == "|":
                layout.addStretch(1)
                continue
            button = QPushButton(text, objectName=name)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            layout.addWidget(button)
            out[name] = button
        return layout, out

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def open_dialog(self, title: str, fields: list[Field], submit: Callable[[dict], Changes | tuple],
                    name: str = "support_dialog") -> RecordDialog:
        """A form for one action; every wrong field is named under it and nothing is written."""
        dialog = RecordDialog(self.context, title, fields, submit, self)
        dialog.setObjectName(name)
        dialog.open()
        return dialog

    def print_to_file(self, default_name: str, work: Callable[[Path], object], path: str | None = None) -> None:
        """Ask where to save (unless ``path``), print there on the worker, say where it went or why not."""
        if not path:
            path = ask_save_path(self, s.PDF_FILTER, default_name, s.PDF_FILTER)
        if not path:
            return
        target = Path(path)

        def done(result) -> None:
            result = result[0] if isinstance(result, tuple) else result
            self.say(s.SAVED_PDF.format(pages=result.pages, path=result.path))
            if result and getattr(result, "symbol", ""):
                self.context.changed.emit(Changes(documents=True))

        def failed(error: Exception) -> None:
            if not isinstance(error, DomainError):
                raise error
            show_error(self, error)

        self.runner.run(lambda: work(target), done, failed)

    def reload(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def on_changes(self, changes: Changes) -> None:
        if changes.support or changes.members or changes.organisation or changes.settings:
            self.reload()
