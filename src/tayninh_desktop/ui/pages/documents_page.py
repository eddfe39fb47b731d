"""The "Văn bản" page: the forms for the chosen unit, member and year, a preview inside the window,
printing, saving, issuing a number; the document register with reprint; who signs for each unit.

Renders run on the TaskRunner's worker: the window stays responsive and a busy bar appears when a
render lasts over 0.6 s.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import documents, organisation, register
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_documents as s
from tayninh_desktop.ui.context import UiContext, show_error
from tayninh_desktop.ui.models.document_table_model import DocumentTableModel
from tayninh_desktop.ui.models.member_table_model import ACTIVE_FILTER
from tayninh_desktop.ui.pages.documents_settings_tab import DocumentSettingsTab
from tayninh_desktop.ui.tasks import TaskRunner
from tayninh_desktop.ui.widgets.form_list import FormList
from tayninh_desktop.ui.widgets.paper_inputs import PaperInputs, lines_of
from tayninh_desktop.ui.widgets.pdf_preview import PdfPreview
from tayninh_desktop.ui.widgets.personal_data_save import ask_save_path
from tayninh_desktop.ui.widgets.preview_folder import PreviewFolder

BUSY_AFTER_MS = 600


# Above this many members the committee-level list would be slow to build: choose the cell first.
COMMITTEE_MEMBER_LIMIT = 5000


def _date_of(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class DocumentsPage(QWidget):
    def __init__(self, context: UiContext, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.context = context
        self.runner = runner or TaskRunner()
        self._folder = PreviewFolder()
        self._folder.attach(self, QApplication.instance())
        self._renders = 0
        self._busy_now = False
        self.model = DocumentTableModel(context.db, self)
        self.preview = PdfPreview(self)
        self.busy = QProgressBar(objectName="busy", maximum=0, textVisible=False, visible=False)
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(lambda: self.busy.setVisible(True))
        self.status = QLabel(objectName="status", wordWrap=True)
        tabs = QTabWidget(objectName="documents_tabs")
        tabs.addTab(self._print_tab(), s.TAB_PRINT)
        tabs.addTab(self._register_tab(), s.TAB_REGISTER)
        self.settings_tab = DocumentSettingsTab(context, self.status.setText)
        tabs.addTab(self.settings_tab, s.TAB_SIGNERS)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        self._fill_units()
        self.model.refresh()
        self._update_count()
        context.changed.connect(self.on_changes)

    # -- building ------------------------------------------------------------------------------
    def _print_tab(self) -> QWidget:
        self.unit = QComboBox(objectName="unit")
        self.member = QComboBox(objectName="member")
        # Long lists (a whole committee): type part of a name to find it.
        self.member.setEditable(True)
        self.member.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.member.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.member.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.member.currentIndexChanged.connect(lambda _i: self.member.lineEdit().setCursorPosition(0))
        self.year = QSpinBox(objectName="year", minimum=2000, maximum=2100, value=date.today().year)
        self.on = QDateEdit(QDate.currentDate(), objectName="on", calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.forms = FormList()
        # Office forms (TOML files in the data folder's forms directory) that were skipped, and why.
        self.office_note = QLabel(objectName="office_note", wordWrap=True, visible=False)
        self.office_note.setStyleSheet("color: #B00020")
        self.blank = QCheckBox(s.BLANK, objectName="blank")
        self.inputs = PaperInputs()
        self.questions, self.summary, self.content = self.inputs.questions, self.inputs.summary, self.inputs.content
        self.form_note = QLabel(objectName="form_note", wordWrap=True)
        # room for the whole description of the chosen form (the list shows its first sentence)
        self.form_note.setMinimumHeight(self.form_note.fontMetrics().lineSpacing() * 4)
        self.form_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        form = QFormLayout()
        for label, widget in ((s.LABEL_UNIT, self.unit), (s.LABEL_MEMBER, self.member), (s.LABEL_YEAR, self.year),
                              (s.LABEL_DATE, self.on), *self.inputs.rows()):
            form.addRow(label, widget)
        self.buttons = {}
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(QLabel(s.FORMS_HEADING))
        left.addWidget(self.forms, 1)
        left.addWidget(self.office_note)
        left.addWidget(self.form_note)
        left.addWidget(self.blank)
        for key, text, slot in (("preview", s.PREVIEW, self.show_preview), ("print", s.PRINT, self.print_document),
                                ("save", s.SAVE_AS, self.save_as), ("issue", s.ISSUE, self.issue)):
            button = QPushButton(text, objectName=key)
            button.clicked.connect(lambda _=False, slot=slot: slot())
            self.buttons[key] = button
            left.addWidget(button)
        panel = QWidget()
        panel.setLayout(left)
        panel.setMinimumWidth(380)
        panel.setMaximumWidth(460)
        split = QSplitter()
        split.addWidget(panel)
        split.addWidget(self.preview)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 880])
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.member.currentIndexChanged.connect(self._fill_forms)
        self.forms.currentItemChanged.connect(self._form_changed)
        self.forms.itemDoubleClicked.connect(lambda _item: self.show_preview())
        self.blank.toggled.connect(lambda _on: self._update_actions())
        return split

    def _register_tab(self) -> QWidget:
        self.register_year = QComboBox(objectName="register_year")
        self.register_year.addItem(s.REGISTER_ALL_YEARS, None)
        for year in range(date.today().year, date.today().year - 6, -1):
            self.register_year.addItem(str(year), year)
        self.register_year.currentIndexChanged.connect(self._register_year_changed)
        self.register_unit = QComboBox(objectName="register_unit")    # each issuer keeps its own register
        self.register_unit.currentIndexChanged.connect(self._register_year_changed)
        self.table = QTableView(objectName="register_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((110, 100, 60, 420, 180)):
            self.table.setColumnWidth(column, width)
        self.register_count = QLabel(objectName="register_count")
        reprint = QPushButton(s.REPRINT, objectName="reprint")
        reprint.clicked.connect(lambda: self.reprint_selected())
        print_register = QPushButton(s.PRINT_REGISTER, objectName="print_register")
        print_register.clicked.connect(lambda: self.print_register())
        bar = QHBoxLayout()
        bar.addWidget(self.register_unit)
        bar.addWidget(self.register_year)
        bar.addWidget(self.register_count, 1)
        bar.addWidget(reprint)
        bar.addWidget(print_register)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        return tab

    # -- selection -----------------------------------------------------------------------------
    def _fill_units(self) -> None:
        home = organisation.home_unit(self.context.db)
        units = [(f"{cell.name} ({cell.code})", cell.id) for cell in organisation.cells(self.context.db)]
        if home:
            units.insert(0, (s.COMMITTEE_ITEM.format(name=home.name), home.id))
        current = self.unit.currentData()
        self.unit.blockSignals(True)
        self.unit.clear()
        for index, (label, unit_id) in enumerate(units):
            self.unit.addItem(label, None if home and index == 0 else unit_id)   # None: the whole committee
        self.unit.setCurrentIndex(max(self.unit.findData(current), 0))
        self.unit.blockSignals(False)
        self._fill_register_units(home, units)
        self._unit_changed()
        self.settings_tab.fill_units(units)

    def _fill_register_units(self, home, units: list[tuple[str, str]]) -> None:
        current = self.register_unit.currentData()
        self.register_unit.blockSignals(True)
        self.register_unit.clear()
        for index, (label, unit_id) in enumerate(units):
            self.register_unit.addItem(s.REGISTER_OF.format(unit=label), home.id if home and index == 0 else unit_id)
        self.register_unit.setCurrentIndex(max(self.register_unit.findData(current), 0))
        self.register_unit.blockSignals(False)
        self.model.unit_id = self.register_unit.currentData()

    def _unit_changed(self) -> None:
        cell_id = self.unit.currentData()
        self.member.blockSignals(True)
        self.member.clear()
        self.member.addItem(s.NO_MEMBER, None)
        if cell_id:
            for member in register.members_in_cell_on(self.context.db, cell_id, _date_of(self.on)):
                self.member.addItem(member.full_name, member.id)
        else:  # the committee issues for any of its members (giấy giới thiệu, quyết định…)
            rowids = register.list_rowids(self.context.db, statuses=ACTIVE_FILTER)
            if len(rowids) <= COMMITTEE_MEMBER_LIMIT:
                for row in register.summaries(self.context.db, rowids):
                    self.member.addItem(s.MEMBER_WITH_CELL.format(name=row.full_name, cell=row.cell_name), row.id)
            self.member.setToolTip("" if len(rowids) <= COMMITTEE_MEMBER_LIMIT else s.CHOOSE_CELL_FIRST)
        self.member.blockSignals(False)
        self._fill_forms()

    def _fill_forms(self) -> None:
        current = self.current_form()
        # Forms about one member (giấy giới thiệu…) are offered wherever a member can be chosen.
        scopes = ({"cell"} if self.unit.currentData() else {"unit"}) | {"member"}
        has_member = self.member.currentData() is not None
        self.forms.clear()
        for info in documents.list_forms():
            if scopes & set(info.scope):
                why = s.NO_MEMBER_CHOSEN if info.needs_member and not has_member else ""
                name = s.OFFICE_FORM_NAME.format(name=info.name) if info.office else info.name
                self.forms.add_form(info.id, name, info.description, disabled_because=why)
        problems = documents.office_form_problems()
        self.office_note.setText("\n".join(p.message for p in problems))
        self.office_note.setVisible(bool(problems))
        enabled = self.forms.enabled_rows()
        if not enabled:
            self.form_note.setText(s.FORMS_EMPTY)
        rows = [i for i in enabled if self.forms.item(i).data(Qt.ItemDataRole.UserRole) == current]
        self.forms.setCurrentRow(rows[0] if rows else (enabled[0] if enabled else -1))
        self._update_actions()

    def _form_changed(self, *_args) -> None:
        form_id = self.current_form()
        info = documents.get_form_info(form_id) if form_id else None
        self.form_note.setText(info.description if info else "")
        self._update_actions()

    def _update_actions(self) -> None:
        """Enable only what can apply now; a disabled button says why in its tooltip."""
        form_id = self.current_form()
        info = documents.get_form_info(form_id) if form_id else None
        why_not = {
            "preview": "" if info else s.NO_FORM_CHOSEN,
            "save": "" if info else s.NO_FORM_CHOSEN,
            "issue": s.NO_FORM_CHOSEN if not info else s.NO_NUMBER if not info.numbered
            else s.BLANK_NO_ISSUE if self.blank.isChecked() else "",
            "print": "" if self.preview.page_count else s.PRINT_NEEDS_PREVIEW,
        }
        for key, button in self.buttons.items():
            reason = s.RENDERING if self._busy_now else why_not.get(key, "")
            button.setEnabled(not reason)
            button.setToolTip(reason)

    def current_form(self) -> str | None:
        item = self.forms.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def request(self, *, issue: bool = False) -> documents.PrintRequest:
        member = self.member.currentData()
        return documents.PrintRequest(cell_id=self.unit.currentData(), member_id=member,
                                      member_ids=(member,) if member else (), year=self.year.value(),
                                      on=_date_of(self.on), blank=self.blank.isChecked(), issue=issue,
                                      questions=self.question_lines(), summary=self.summary.text().strip(),
                                      content=lines_of(self.content))

    def question_lines(self) -> tuple[str, ...]:
        """What the meeting votes on, one line each, as typed (empty lines dropped)."""
        return lines_of(self.questions)

    # -- rendering off the UI thread -------------------------------------------------------------
    def _run(self, work, on_done) -> None:
        self._busy_now = True
        self._update_actions()
        self.status.setText(s.RENDERING)
        self._busy_timer.start()

        def finish() -> None:
            self._busy_timer.stop()
            self.busy.setVisible(False)
            self._busy_now = False
            self._update_actions()

        def done(result) -> None:
            finish()
            on_done(result)

        def failed(error: Exception) -> None:
            finish()
            self.status.setText("")
            if not isinstance(error, DomainError):
                raise error
            show_error(self, error)

        self.runner.run(work, done, failed)

    def show_preview(self) -> None:
        form_id = self.current_form()
        if not form_id:
            return
        self._renders += 1
        target = self._folder.path_for(self._renders)
        db, actor, request = self.context.db, self.context.actor, self.request()

        def loaded(result) -> None:
            shown = self.preview.path
            self._show(result[0].path)
            self._folder.discard(shown)   # the preview before this one is closed: drop its file
            self.status.setText(s.RENDERED.format(pages=result[0].pages))

        self._run(lambda: documents.print_form(db, actor, form_id, target, request), loaded)

    def _ask_path(self, path: str | None) -> Path | None:
        if path:
            return Path(path)
        chosen = ask_save_path(self, s.SAVE_TITLE, "", s.PDF_FILTER)
        return Path(chosen) if chosen else None

    def save_as(self, path: str | None = None) -> None:
        form_id, target = self.current_form(), self._ask_path(path)
        if not form_id or target is None:
            return
        db, actor, request = self.context.db, self.context.actor, self.request()
        self._run(lambda: documents.print_form(db, actor, form_id, target, request),
                  lambda r: self.status.setText(s.SAVED.format(path=r[0].path, pages=r[0].pages)))

    def issue(self, path: str | None = None) -> None:
        form_id, target = self.current_form(), self._ask_path(path)
        if not form_id or target is None:
            return
        db, actor, request = self.context.db, self.context.actor, self.request(issue=True)

        def issued(result) -> None:
            printed, changes = result
            self.status.setText(s.ISSUED.format(symbol=printed.symbol, path=printed.path) if printed.symbol
                                else s.NOT_NUMBERED.format(path=printed.path))
            self._show(printed.path)
            self.context.changed.emit(changes)

        self._run(lambda: documents.print_form(db, actor, form_id, target, request), issued)

    def print_document(self, printer=None) -> int:
        """Print the previewed PDF (through the system dialog unless a printer is given)."""
        if self.preview.page_count == 0:
            self.status.setText(s.NOTHING_TO_PRINT)
            return 0
        if printer is None:
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter

            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return 0
        pages = self.preview.print_to(printer)
        self.status.setText(s.PRINTED.format(pages=pages))
        return pages

    # -- register and signers --------------------------------------------------------------------
    def _register_year_changed(self) -> None:
        self.model.year = self.register_year.currentData()
        self.model.unit_id = self.register_unit.currentData()
        self.model.refresh()
        self._update_count()

    def _update_count(self) -> None:
        self.register_count.setText(s.register_count(self.model.rowCount()))

    def reprint_selected(self, path: str | None = None) -> None:
        index = self.table.currentIndex()
        doc = self.model.document(index.row()) if index.isValid() else None
        target = self._ask_path(path) if doc else None
        if target is None:
            return
        db, actor = self.context.db, self.context.actor

        def reprinted(result) -> None:
            self.status.setText(s.SAVED.format(path=result.path, pages=result.pages))
            self._show(result.path)

        self._run(lambda: documents.reprint(db, actor, doc.id, target), reprinted)

    def print_register(self, path: str | None = None) -> None:
        target = self._ask_path(path)
        if target is None:
            return
        db, actor, year = self.context.db, self.context.actor, self.model.year
        home = organisation.home_unit(db)
        cell_id = self.model.unit_id if self.model.unit_id and (home is None or self.model.unit_id != home.id) else None
        self._run(lambda: documents.print_register(db, actor, target, year=year, cell_id=cell_id),
                  lambda r: (self.status.setText(s.SAVED.format(path=r.path, pages=r.pages)), self._show(r.path)))

    def _show(self, path: Path) -> None:
        self.preview.load(path)
        self._update_actions()

    def cleanup(self) -> None:
        """Close the preview and delete the temporary folder (also done on destruction and at exit)."""
        self.preview.clear()
        self._folder.cleanup()

    def on_changes(self, changes: Changes) -> None:
        if changes.organisation:
            self._fill_units()
        elif changes.members:
            self._unit_changed()
        if changes.documents:
            self.model.refresh()
            self._update_count()
