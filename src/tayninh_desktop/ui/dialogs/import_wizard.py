"""The import wizard: file → column mapping → converted text → dry-run report → import.

Reading, the dry run and the import run on the task runner's worker thread (a 10,000-row list takes
seconds); the window stays responsive, shows progress, and the import can be cancelled (the service
rolls the whole transaction back). Every sentence comes from ``strings_import`` or the domain
messages, so the window says what the command line says.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import importing
from tayninh_desktop.ui import strings_import as s
from tayninh_desktop.ui.context import UiContext, show_error
from tayninh_desktop.ui.tasks import TaskRunner
from tayninh_desktop.ui.widgets.column_mapping import ColumnMapping
from tayninh_desktop.ui.widgets.held_rows import HeldRows
from tayninh_desktop.ui.widgets.import_cell_choice import CellChoice
from tayninh_desktop.ui.widgets.import_outcomes import fill_outcomes
from tayninh_desktop.ui.widgets.personal_data_save import ask_save_path
from tayninh_desktop.ui.widgets.report_tables import heading, make_table, table_item

FILE, MAPPING, PREVIEW, REPORT, RUN = range(5)


class _Progress(QObject):
    moved = Signal(int, int)


class ImportWizard(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner or TaskRunner()
        self.setWindowTitle(s.WIZARD_TITLE)
        self.setObjectName("import_wizard")
        self.resize(1000, 640)
        self.source: importing.ImportSource | None = None
        self.plan: importing.ImportPlan | None = None        # the dry run, with the user's decisions applied
        self.dry_plan: importing.ImportPlan | None = None    # the dry run as the service made it
        self.decision_error = ""
        self.result: importing.ImportResult | None = None
        self._cancel = threading.Event()
        self._progress = _Progress()
        self._progress.moved.connect(self._on_progress)
        self.stack = QStackedWidget()
        for build in (self._file_step, self._mapping_step, self._preview_step, self._report_step, self._run_step):
            self.stack.addWidget(build())
        self.status = QLabel(objectName="wizard_status")
        self.back = QPushButton(s.BACK_BUTTON, objectName="back")
        self.next = QPushButton(s.NEXT_BUTTON, objectName="next")
        self.close_button = QPushButton(s.CLOSE_BUTTON, objectName="close")
        self.next.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.back, self.next, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.back.clicked.connect(self.go_back)
        self.next.clicked.connect(self.go_next)
        self.close_button.clicked.connect(self.reject)
        self._show(FILE)

    # --- steps -----------------------------------------------------------------------------------

    def _file_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        for label in heading(s.STEP_FILE, s.STEP_FILE_SUB):
            layout.addWidget(label)
        self.path_edit = QLineEdit(objectName="path")
        browse = QPushButton(s.BROWSE, objectName="browse")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(s.FILE_LABEL, row)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _mapping_step(self) -> QWidget:
        self.mapping = ColumnMapping()
        self.mapping.sheet_requested.connect(self.read_file)
        self.mapping.changed.connect(self._mapping_changed)
        # the names the rest of the wizard (and its tests) know the step's widgets by
        self.sheet_combo, self.mapping_table = self.mapping.sheet_combo, self.mapping.table
        self.missing_label, self.remember = self.mapping.missing_label, self.mapping.remember
        # the cell new members go to, where the clerk sees whether the file names cells at all
        self.cell_choice = CellChoice(self.context.db)
        self.cell_combo, self.cell_notice = self.cell_choice.combo, self.cell_choice.notice
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mapping, 1)
        margins = self.mapping.layout().contentsMargins()
        self.cell_choice.setContentsMargins(margins.left(), 0, margins.right(), margins.bottom())
        layout.addWidget(self.cell_choice)
        return page

    def _preview_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        for label in heading(s.STEP_PREVIEW, s.STEP_PREVIEW_SUB):
            layout.addWidget(label)
        self.preview_info = QLabel(objectName="preview_info")
        self.preview_table = make_table(s.PREVIEW_COLUMNS, "preview_table")
        layout.addWidget(self.preview_info)
        layout.addWidget(self.preview_table, 1)
        return page

    def _report_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        for label in heading(s.STEP_REPORT, s.STEP_REPORT_SUB):
            layout.addWidget(label)
        self.summary = QLabel(objectName="summary", wordWrap=True)
        self.summary.setStyleSheet("font-size: 11pt; font-weight: bold")
        self.filter = QComboBox(objectName="report_filter")
        for key, label in s.REPORT_FILTER:
            self.filter.addItem(label, key)
        self.filter.currentIndexChanged.connect(self._fill_report)
        save = QPushButton(s.SAVE_REPORT, objectName="save_report")
        save.clicked.connect(self.save_report)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.filter)
        bar.addWidget(save)
        self.report_table = make_table(s.REPORT_COLUMNS, "report_table")
        self.held = HeldRows()
        self.held.changed.connect(self._decided)
        self.blocked_label = QLabel(s.BLOCKED, objectName="blocked", wordWrap=True)
        self.blocked_label.setStyleSheet("color: #B00020")
        self.accept_valid = QCheckBox(objectName="accept_valid")
        self.accept_valid.toggled.connect(self._update_buttons)
        self.new_cells = QLabel(objectName="new_cells", wordWrap=True, visible=False)
        self.new_cells.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.create_cells = QCheckBox(objectName="create_cells", visible=False)
        self.create_cells.toggled.connect(self._create_cells_toggled)
        layout.addLayout(bar)
        layout.addWidget(self.new_cells)
        layout.addWidget(self.create_cells)
        layout.addWidget(self.report_table, 1)
        layout.addWidget(self.held, 1)
        layout.addWidget(self.blocked_label)
        layout.addWidget(self.accept_valid)
        return page

    def _run_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        for label in heading(s.STEP_RUN, s.STEP_RUN_SUB):
            layout.addWidget(label)
        self.bar = QProgressBar(objectName="progress")
        self.run_label = QLabel(objectName="run_label", wordWrap=True)
        self.run_label.setStyleSheet("font-size: 11pt")
        self.cancel_button = QPushButton(s.CANCEL_RUN, objectName="cancel_run")
        self.cancel_button.clicked.connect(self._cancel.set)
        self.show_added = QPushButton(objectName="show_added", visible=False)
        self.show_added.clicked.connect(lambda: self.show_added_members())
        layout.addWidget(self.bar)
        layout.addWidget(self.run_label)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.show_added, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    # --- navigation ------------------------------------------------------------------------------

    def _show(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        self.status.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        step = self.stack.currentIndex()
        self.back.setEnabled(step in (MAPPING, PREVIEW, REPORT))
        self.next.setText(s.RUN_BUTTON if step == REPORT else s.NEXT_BUTTON)
        enabled = step != RUN
        if step == REPORT and self.plan is not None:
            valid = self.plan.counts["added"] + self.plan.counts["updated"]
            enabled = (valid > 0 and not self.decision_error
                       and (not self.plan.blocked or self.accept_valid.isChecked()))
        self.next.setEnabled(enabled)
        self.next.setVisible(step != RUN)

    def go_back(self) -> None:
        self._show(max(self.stack.currentIndex() - 1, FILE))

    def go_next(self) -> None:
        step = self.stack.currentIndex()
        if step == FILE:
            self.read_file()
        elif step == MAPPING:
            self.dry_run()
        elif step == PREVIEW:
            self._show(REPORT)
        elif step == REPORT:
            self.run_import()

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, s.FILE_LABEL, "", s.OPEN_FILTER)
        if path:
            self.path_edit.setText(path)

    def _busy(self, text: str) -> None:
        self.status.setText(text)
        self.next.setEnabled(False)
        self.back.setEnabled(False)

    def _failed(self, error: Exception) -> None:
        self._update_buttons()
        self.status.clear()
        if isinstance(error, DomainError):
            show_error(self, error)
        else:
            raise error

    # --- work ------------------------------------------------------------------------------------

    def read_file(self, sheet: str | None = None) -> None:
        path = self.path_edit.text().strip()
        if not path:
            self.status.setText(s.NO_FILE)
            return
        self._busy(s.READING)
        db = self.context.db
        self.runner.run(lambda: importing.open_source(db, Path(path), sheet=sheet), self._file_read, self._failed)

    def _file_read(self, source: importing.ImportSource) -> None:
        self.source = source
        self._opened_mapping = dict(source.mapping)
        self.mapping.show_source(source)
        self.cell_choice.show_source(source, new_file=True)
        self._show(MAPPING)

    def chosen_mapping(self) -> dict[int, str]:
        return self.mapping.chosen_mapping()

    @property
    def _combos(self) -> list:
        return self.mapping.combos

    def _mapping_changed(self) -> None:
        self.source = replace(self.source, mapping=self.chosen_mapping())
        self.cell_choice.show_source(self.source)

    def dry_run(self) -> None:
        source = replace(self.source, mapping=self.chosen_mapping())
        remember = self.remember.isChecked() and source.mapping != self._opened_mapping
        if remember and self.context.run_action(self, importing.remember_mapping, source, source.mapping) is None:
            return
        self.source = source
        self._plan(self._planned)

    def _plan(self, done) -> None:
        """The dry run of the current file, cell and choice of creating the new cells, on the worker."""
        self._busy(s.CHECKING)
        db, source, cell_id = self.context.db, self.source, self.cell_choice.cell_id()
        create = self.create_cells.isChecked()
        self.runner.run(lambda: importing.plan_import(db, source, cell_id=cell_id, create_cells=create),
                        done, self._failed)

    def _create_cells_toggled(self) -> None:
        """Creating the new cells or not changes the rows that go to them: plan again (nothing written)."""
        if self.plan is not None and self.source is not None:
            self._plan(self._replanned)

    def _take_plan(self, plan: importing.ImportPlan) -> None:
        self.plan = self.dry_plan = plan
        self.decision_error = ""
        self.filter.setCurrentIndex(1 if plan.blocked else 0)  # problems first: that is what needs reading
        self.held.fill(plan.held)
        self._refresh_report()

    def _replanned(self, plan: importing.ImportPlan) -> None:
        self._take_plan(plan)
        self._show(REPORT)

    def _planned(self, plan: importing.ImportPlan) -> None:
        self.accept_valid.setChecked(False)
        self._take_plan(plan)
        samples = self.source.conversions(50)
        self.preview_info.setText(s.PREVIEW_SOME.format(count=len(samples)) if samples else s.PREVIEW_NONE)
        self.preview_table.setRowCount(len(samples))
        for r, (encoding, before, after) in enumerate(samples):
            self.preview_table.setItem(r, 0, table_item(s.ENCODING_NAMES.get(encoding, encoding)))
            self.preview_table.setItem(r, 1, table_item(before))
            self.preview_table.setItem(r, 2, table_item(after))
        self.preview_table.setColumnWidth(0, 150)
        self.preview_table.setColumnWidth(1, 380)
        self._show(PREVIEW if samples else REPORT)

    def _decided(self) -> None:
        """The user settled a held row: the service checks the decisions; the report shows their effect."""
        try:
            self.plan = importing.apply_decisions(self.context.db, self.dry_plan, self.held.decisions())
            self.decision_error = ""
        except DomainError as error:
            self.plan, self.decision_error = self.dry_plan, error.message
        self._refresh_report()
        self._update_buttons()

    def _refresh_report(self) -> None:
        plan = self.plan
        counts = plan.counts
        self.summary.setText(s.REPORT_SUMMARY.format(**counts) + (s.SKIPPED_COUNT.format(**counts)
                                                                   if counts["skipped"] else ""))
        valid = counts["added"] + counts["updated"]
        held = len(plan.held)
        decided = len(plan.decisions)
        self.accept_valid.setVisible(bool(plan.blocked) and valid > 0)
        self.accept_valid.setText(s.ACCEPT_VALID.format(count=valid))
        if self.decision_error:
            text = self.decision_error
        elif plan.blocked:
            text = s.BLOCKED + (" " + s.DECISIONS_DONE.format(done=decided, total=held) if held else "")
        elif valid == 0:
            text = s.NOTHING_TO_DO
        else:
            text = s.DECISIONS_DONE.format(done=decided, total=held) if held else ""
        self.blocked_label.setText(text)
        self.blocked_label.setStyleSheet("color: #B00020" if self.decision_error or plan.blocked else "color: #1B5E20")
        self.blocked_label.setVisible(bool(text))
        self._show_new_cells()
        self._fill_report()

    def _show_new_cells(self) -> None:
        """The cells the file names that the register lacks, for the clerk to confirm creating them."""
        cells = self.plan.new_cells
        lines = [s.NEW_CELLS_FOUND.format(count=len(cells))]
        lines += [s.NEW_CELL_LINE.format(name=c.name, code=c.code, members=len(c.rows),
                                         rows=", ".join(str(r) for r in c.rows)) for c in cells]
        self.new_cells.setText("\n".join(lines))
        self.new_cells.setVisible(bool(cells))
        self.create_cells.blockSignals(True)
        self.create_cells.setText(s.CREATE_CELLS.format(count=len(cells)))
        self.create_cells.setChecked(self.plan.create_cells)
        self.create_cells.blockSignals(False)
        self.create_cells.setVisible(bool(cells))

    def _fill_report(self) -> None:
        if self.plan is not None:
            fill_outcomes(self.report_table, self.plan.outcomes, self.filter.currentData())

    def save_report(self, path: str | None = None) -> None:
        if self.plan is None:
            return
        if not path:
            default = str(self.source.path.with_name(self.source.path.stem + "-ket-qua.xlsx"))
            path = ask_save_path(self, s.SAVE_REPORT, default, s.XLSX_FILTER)
        if path:
            saved = importing.save_report(self.plan, path)
            self.status.setText(s.SAVED_TO.format(path=saved))

    def run_import(self) -> None:
        self._cancel.clear()
        self._show(RUN)
        self.bar.setRange(0, 0)
        self.run_label.setText(s.RUNNING)
        self.cancel_button.setVisible(True)
        db, actor, plan, accept = self.context.db, self.context.actor, self.plan, self.accept_valid.isChecked()
        progress = self._progress.moved.emit

        def work():
            return importing.apply_import(db, actor, plan, accept_valid=accept, progress=progress,
                                          cancelled=self._cancel.is_set)

        self.runner.run(work, self._imported, self._import_failed)

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _imported(self, result: importing.ImportResult) -> None:
        self.result = result
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.cancel_button.setVisible(False)
        text = s.DONE.format(added=len(result.added), updated=len(result.updated))
        created = result.plan.cells_to_create()
        if created:
            text += s.DONE_CELLS.format(count=len(created), names=", ".join(f"{c.name} ({c.code})" for c in created))
        self.run_label.setText(text)
        self.close_button.setText(s.FINISHED_BUTTON)
        self.show_added.setText(s.SHOW_ADDED.format(count=len(result.added)))
        self.show_added.setVisible(bool(result.added))
        self.context.changed.emit(result.changes)

    def show_added_members(self):
        """The register page showing only the members this import added; the wizard closes."""
        window = self.parent().window() if self.parent() is not None else None
        if self.result is None or window is None or not hasattr(window, "show_page"):
            return None
        page = window.show_page("register")
        if page is None or not hasattr(page, "show_only"):
            return None
        page.show_only(list(self.result.added))
        self.accept()
        return page

    def _import_failed(self, error: Exception) -> None:
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.cancel_button.setVisible(False)
        if isinstance(error, DomainError) and error.code == "import_cancelled":
            self.run_label.setText(s.CANCELLED)
            return
        self.run_label.setText(error.message if isinstance(error, DomainError) else str(error))
        if not isinstance(error, DomainError):
            raise error
