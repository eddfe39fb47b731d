"""The lists page: import a list from Excel (the wizard), export the register, cross-check a cell's list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import crosscheck, exporting, organisation
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_import as s
from tayninh_desktop.ui.context import UiContext, show_error
from tayninh_desktop.ui.tasks import TaskRunner
from tayninh_desktop.ui.widgets.personal_data_save import ask_save_path
from tayninh_desktop.ui.widgets.report_tables import STATUS_COLOURS, make_table, table_item

CROSSCHECK_COLOURS = {"same": "added", "differs": "held", "only_in_file": "refused", "only_in_register": "refused",
                      "unreadable": "refused"}


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate(), objectName=name, calendarPopup=True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


def _to_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class ListsPage(QWidget):
    def __init__(self, context: UiContext, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.context = context
        self.runner = runner or TaskRunner()
        self.crosscheck_result: crosscheck.CrossCheckResult | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._import_box())
        layout.addWidget(self._export_box())
        layout.addWidget(self._crosscheck_box(), 1)
        self._fill_cells()

    def _box(self, title: str, help_text: str) -> tuple[QGroupBox, QVBoxLayout]:
        box = QGroupBox(title)
        box.setStyleSheet("QGroupBox { font-weight: bold; } QGroupBox QLabel { font-weight: normal; }")
        inner = QVBoxLayout(box)
        inner.addWidget(QLabel(help_text, wordWrap=True))
        return box, inner

    def _import_box(self) -> QGroupBox:
        box, inner = self._box(s.PAGE_IMPORT_TITLE, s.PAGE_IMPORT_HELP)
        button = QPushButton(s.PAGE_IMPORT_BUTTON, objectName="open_import")
        button.clicked.connect(self.open_wizard)
        inner.addWidget(button)
        return box

    def _export_box(self) -> QGroupBox:
        box, inner = self._box(s.PAGE_EXPORT_TITLE, s.PAGE_EXPORT_HELP)
        self.export_cell = QComboBox(objectName="export_cell")
        self.export_layout = QComboBox(objectName="export_layout")
        for key, label in s.LAYOUTS:
            self.export_layout.addItem(label, key)
        self.export_on = _date_edit("export_on")
        form = QFormLayout()
        form.addRow(s.LABEL_CELL, self.export_cell)
        form.addRow(s.LABEL_LAYOUT, self.export_layout)
        form.addRow(s.LABEL_ON, self.export_on)
        inner.addLayout(form)
        button = QPushButton(s.PAGE_EXPORT_BUTTON, objectName="export")
        button.clicked.connect(lambda: self.export())
        self.export_status = QLabel(objectName="export_status", wordWrap=True)
        inner.addWidget(button)
        inner.addWidget(self.export_status)
        return box

    def _crosscheck_box(self) -> QGroupBox:
        box, inner = self._box(s.PAGE_CROSSCHECK_TITLE, s.PAGE_CROSSCHECK_HELP)
        self.check_cell = QComboBox(objectName="check_cell")
        self.check_on = _date_edit("check_on")
        row = QHBoxLayout()
        row.addWidget(QLabel(s.LABEL_CELL))
        row.addWidget(self.check_cell, 2)
        row.addWidget(QLabel(s.LABEL_ON))
        row.addWidget(self.check_on)
        run = QPushButton(s.PAGE_CROSSCHECK_BUTTON, objectName="crosscheck")
        run.clicked.connect(lambda: self.run_crosscheck())
        row.addWidget(run)
        inner.addLayout(row)
        self.check_summary = QLabel(objectName="check_summary", wordWrap=True)
        self.check_table = make_table(s.CROSSCHECK_COLUMNS, "check_table")
        self.save_check = QPushButton(s.SAVE_CROSSCHECK, objectName="save_crosscheck", enabled=False)
        self.save_check.clicked.connect(lambda: self.save_crosscheck())
        self.print_check = QPushButton(s.PRINT_CROSSCHECK, objectName="print_crosscheck", enabled=False)
        self.print_check.clicked.connect(lambda: self.print_crosscheck())
        inner.addWidget(self.check_summary)
        inner.addWidget(self.check_table, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.save_check)
        actions.addWidget(self.print_check)
        actions.addStretch(1)
        inner.addLayout(actions)
        return box

    def _fill_cells(self) -> None:
        cells = organisation.cells(self.context.db)
        self.export_cell.clear()
        self.export_cell.addItem(s.ALL_CELLS, None)
        self.check_cell.clear()
        for cell in cells:
            self.export_cell.addItem(f"{cell.name} ({cell.code})", cell.id)
            self.check_cell.addItem(f"{cell.name} ({cell.code})", cell.id)

    def on_changes(self, changes: Changes) -> None:
        if changes.organisation:
            self._fill_cells()

    def open_wizard(self):
        from tayninh_desktop.ui.dialogs.import_wizard import ImportWizard

        wizard = ImportWizard(self.context, self, self.runner)
        wizard.open()
        return wizard

    def _failed(self, error: Exception) -> None:
        if isinstance(error, DomainError):
            show_error(self, error)
        else:
            raise error

    def export(self, path: str | None = None) -> None:
        if not path:
            path = ask_save_path(self, s.PAGE_EXPORT_BUTTON, "danh-sach-dang-vien.xlsx", s.XLSX_FILTER)
        if not path:
            return
        db, actor = self.context.db, self.context.actor
        cell_id, layout, on = self.export_cell.currentData(), self.export_layout.currentData(), _to_date(self.export_on)
        self.export_status.setText(s.WORKING)
        self.runner.run(lambda: exporting.export_members(db, actor, Path(path), cell_id=cell_id, layout=layout, on=on),
                        lambda r: self.export_status.setText(s.EXPORTED.format(count=r.count, path=r.path)),
                        self._failed)

    def run_crosscheck(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, s.PAGE_CROSSCHECK_BUTTON, "", s.OPEN_FILTER)
        if not path:
            return
        db, cell_id, on = self.context.db, self.check_cell.currentData(), _to_date(self.check_on)
        self.check_summary.setText(s.WORKING)
        self.runner.run(lambda: crosscheck.crosscheck_file(db, Path(path), cell_id=cell_id, on=on),
                        self._show_crosscheck, self._failed)

    def _show_crosscheck(self, result: crosscheck.CrossCheckResult) -> None:
        self.crosscheck_result = result
        counts = ", ".join(f"{n} {s.crosscheck_label(k).lower()}" for k, n in result.counts.items() if n)
        text = s.CROSSCHECK_SUMMARY.format(file=result.file_name, on=format_vn_date(result.on), counts=counts)
        self.check_summary.setText(text + (" " + s.CROSSCHECK_AGREES if result.agrees else ""))
        lines = sorted(result.lines, key=lambda line: line.status == "same")
        self.check_table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            colour = STATUS_COLOURS[CROSSCHECK_COLOURS[line.status]]
            values = (s.crosscheck_label(line.status), line.full_name, line.birth, line.row or "",
                      "\n".join(line.details))
            for c, value in enumerate(values):
                self.check_table.setItem(r, c, table_item(value, colour if c == 0 else None))
        for column, width in enumerate((170, 220, 100, 110)):
            self.check_table.setColumnWidth(column, width)
        self.check_table.resizeRowsToContents()
        self.save_check.setEnabled(True)
        self.print_check.setEnabled(True)

    def save_crosscheck(self, path: str | None = None) -> None:
        if self.crosscheck_result is None:
            return
        if not path:
            path = ask_save_path(self, s.SAVE_CROSSCHECK, "doi-chieu.xlsx", s.XLSX_FILTER)
        if path:
            saved = crosscheck.save_report(self.crosscheck_result, path)
            self.check_summary.setText(self.check_summary.text() + "\n" + s.SAVED_TO.format(path=saved))

    def print_crosscheck(self):
        """The biên bản of the last cross-check, previewed in a dialog that saves or prints it."""
        from tayninh_desktop.ui.dialogs.crosscheck_print import CrossCheckPrintDialog

        if self.crosscheck_result is None:
            return None
        dialog = CrossCheckPrintDialog(self.context, self.crosscheck_result, self)
        dialog.open()
        return dialog
