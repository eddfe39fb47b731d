"""The "Văn bản" page: the forms for the chosen unit, member and year, the body of a free-text paper typed
here, a preview inside the window, printing, saving (PDF or Word), issuing a number; the document register
with reprint; who signs for each unit.

The preview is never stale: any change to what the paper says (form, unit, member, year, date, the texts
typed, a change in the register) clears it, and printing, saving and issuing wait for the next preview —
what is printed, saved or numbered is what the clerk has just looked at. A render that finishes after
the inputs changed is thrown away.

Renders run on the TaskRunner's worker: the window stays responsive and a busy bar appears when a
render lasts over 0.6 s.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import documents, documents_word, organisation
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_documents as s
from tayninh_desktop.ui.context import UiContext, show_error
from tayninh_desktop.ui.pages.documents_register_tab import DocumentRegisterTab
from tayninh_desktop.ui.tasks import TaskRunner
from tayninh_desktop.ui.widgets.body_editor import BodyEditor
from tayninh_desktop.ui.widgets.form_list import FormList
from tayninh_desktop.ui.widgets.paper_inputs import PaperInputs, lines_of
from tayninh_desktop.ui.widgets.paper_selection import PaperSelection, date_of
from tayninh_desktop.ui.widgets.pdf_preview import PdfPreview
from tayninh_desktop.ui.widgets.personal_data_save import ask_save_path
from tayninh_desktop.ui.widgets.preview_folder import PreviewFolder
from tayninh_desktop.ui.widgets.signers_settings import SettingsLink

BUSY_AFTER_MS = 600
# What the preview shows: nothing, the paper of the current inputs, or another file (a reprint, the register).
SHOWS_NOTHING, SHOWS_PAPER, SHOWS_OTHER = "", "paper", "other"
FILTERS = {"pdf": s.PDF_FILTER, "docx": s.WORD_FILTER}


class DocumentsPage(QWidget):
    def __init__(self, context: UiContext, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.context = context
        self.runner = runner or TaskRunner()
        self._folder = PreviewFolder()
        self._folder.attach(self, QApplication.instance())
        self._renders = 0
        self._busy_now = False
        self._shows = SHOWS_NOTHING
        self._generation = 0          # counts changes of the inputs: a render of older inputs is dropped
        self.preview = PdfPreview(self)
        self.busy = QProgressBar(objectName="busy", maximum=0, textVisible=False, visible=False)
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(lambda: self.busy.setVisible(True))
        self.status = QLabel(objectName="status", wordWrap=True)
        tabs = QTabWidget(objectName="documents_tabs")
        tabs.addTab(self._print_tab(), s.TAB_PRINT)
        self.register_tab = DocumentRegisterTab(context, self._run, self._show, self._ask_path, self.status.setText)
        self.model, self.table = self.register_tab.model, self.register_tab.table
        self.register_unit, self.register_year = self.register_tab.register_unit, self.register_tab.register_year
        self.reprint_selected, self.print_register = self.register_tab.reprint_selected, self.register_tab.print_register
        tabs.addTab(self.register_tab, s.TAB_REGISTER)
        self.settings_tab = SettingsLink(self.open_settings)
        tabs.addTab(self.settings_tab, s.TAB_SIGNERS)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        self._fill_units()
        self._watch_inputs()
        context.changed.connect(self.on_changes)

    # -- building ------------------------------------------------------------------------------
    def _print_tab(self) -> QWidget:
        self.selection = PaperSelection(self.context)
        self.unit, self.member, self.year, self.on = (self.selection.unit, self.selection.member, self.selection.year,
                                                      self.selection.on)
        self.part = self.selection.part
        self.forms = FormList()
        # Office forms (TOML files in the data folder's forms directory) that were skipped, and why.
        self.office_note = QLabel(objectName="office_note", wordWrap=True, visible=False)
        self.office_note.setStyleSheet("color: #B00020")
        self.blank = QCheckBox(s.BLANK, objectName="blank")
        self.inputs = PaperInputs()
        self.questions, self.summary, self.content = self.inputs.questions, self.inputs.summary, self.inputs.content
        self.form_note = QLabel(objectName="form_note", wordWrap=True)
        # room for the whole description of the chosen form (the list shows its first sentence)
        self.form_note.setMinimumHeight(self.form_note.fontMetrics().lineSpacing() * 3)
        self.form_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.fields = QFormLayout()
        for label, widget in ((s.LABEL_UNIT, self.unit), (s.LABEL_MEMBER, self.member), (s.LABEL_YEAR, self.year),
                              (s.LABEL_PERIOD_PART, self.part), (s.LABEL_DATE, self.on), *self.inputs.rows()):
            self.fields.addRow(label, widget)
        left = QVBoxLayout()
        left.addLayout(self.fields)
        left.addWidget(QLabel(s.FORMS_HEADING))
        left.addWidget(self.forms, 1)
        left.addWidget(self.office_note)
        left.addWidget(self.form_note)
        left.addWidget(self.blank)
        left.addLayout(self._buttons())
        panel = QWidget()
        panel.setLayout(left)
        panel.setMinimumWidth(380)
        panel.setMaximumWidth(460)
        self.body = BodyEditor()
        self.paper_tabs = QTabWidget(objectName="paper_tabs")
        self.paper_tabs.addTab(self.body, s.TAB_BODY)
        self.paper_tabs.addTab(self.preview, s.TAB_PREVIEW)
        split = QSplitter()
        split.addWidget(panel)
        split.addWidget(self.paper_tabs)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 880])
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.member.currentIndexChanged.connect(self._fill_forms)
        self.forms.currentItemChanged.connect(self._form_changed)
        self.forms.itemDoubleClicked.connect(lambda _item: self.show_preview())
        return split

    def _buttons(self) -> QGridLayout:
        self.buttons = {}
        grid = QGridLayout()
        for index, (key, text, slot) in enumerate((
                ("preview", s.PREVIEW, self.show_preview), ("print", s.PRINT, self.print_document),
                ("save", s.SAVE_AS, self.save_as), ("word", s.SAVE_WORD, self.save_word),
                ("issue", s.ISSUE, self.issue))):
            button = QPushButton(text, objectName=key)
            button.clicked.connect(lambda _=False, slot=slot: slot())
            self.buttons[key] = button
            grid.addWidget(button, index // 2, index % 2, 1, 2 if key == "issue" else 1)
        return grid

    def _watch_inputs(self) -> None:
        """Whatever changes the paper clears its preview."""
        for signal in (self.unit.currentIndexChanged, self.member.currentIndexChanged, self.year.valueChanged,
                       self.part.currentIndexChanged, self.on.dateChanged, self.blank.toggled, self.forms.currentItemChanged,
                       self.questions.textChanged, self.summary.textChanged, self.content.textChanged,
                       self.body.changed):
            signal.connect(self._inputs_changed)

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
        self.register_tab.fill_units(home, units)
        self._unit_changed()

    def _unit_changed(self) -> None:
        self.selection.fill_members()
        self._fill_forms()

    def _fill_forms(self) -> None:
        current = self.current_form()
        # Forms about one member (giấy giới thiệu…) are offered wherever a member can be chosen.
        scopes = ({"cell"} if self.unit.currentData() else {"unit"}) | {"member"}
        has_member = self.member.currentData() is not None
        self.forms.blockSignals(True)
        self.forms.clear()
        for info in documents.list_forms():
            if scopes & set(info.scope):
                why = s.NO_MEMBER_CHOSEN if info.needs_member and not has_member else ""
                name = s.OFFICE_FORM_NAME.format(name=info.name) if info.office else info.name
                self.forms.add_form(info.id, name, info.description, disabled_because=why)
        self.forms.blockSignals(False)
        problems = documents.office_form_problems()
        self.office_note.setText("\n".join(p.message for p in problems))
        self.office_note.setVisible(bool(problems))
        enabled = self.forms.enabled_rows()
        rows = [i for i in enabled if self.forms.item(i).data(Qt.ItemDataRole.UserRole) == current]
        self.forms.setCurrentRow(rows[0] if rows else (enabled[0] if enabled else -1))
        self._form_changed()

    def _form_changed(self, *_args) -> None:
        form_id = self.current_form()
        info = documents.get_form_info(form_id) if form_id else None
        self.form_note.setText(info.description if info else s.FORMS_EMPTY)
        inputs = info.inputs if info else frozenset()
        self.fields.setRowVisible(self.part, bool(info and info.by_period))
        for key, widget in (("questions", self.questions), ("summary", self.summary), ("content", self.content)):
            shown = key in inputs and not (key == "content" and "body" in inputs)
            self.fields.setRowVisible(widget, shown)
        self.body.set_outline(info.outline if info else ())
        has_body = "body" in inputs
        self.paper_tabs.setTabEnabled(0, has_body)
        self.paper_tabs.setTabToolTip(0, "" if has_body else s.BODY_NOT_FOR_FORM)
        self.paper_tabs.setCurrentIndex(0 if has_body else 1)
        self._update_actions()

    def _update_actions(self) -> None:
        """Enable only what can apply now; a disabled button says why in its tooltip."""
        form_id = self.current_form()
        info = documents.get_form_info(form_id) if form_id else None
        fresh = "" if self._shows == SHOWS_PAPER else s.NEEDS_FRESH_PREVIEW
        why_not = {
            "preview": "" if info else s.NO_FORM_CHOSEN,
            "save": s.NO_FORM_CHOSEN if not info else fresh,
            "word": s.NO_FORM_CHOSEN if not info else s.WORD_NOT_FOR_DOSSIER if info.parts else fresh,
            "issue": s.NO_FORM_CHOSEN if not info else s.NO_NUMBER if not info.numbered
            else s.BLANK_NO_ISSUE if self.blank.isChecked() else fresh,
            "print": "" if self.preview.page_count else s.PRINT_NEEDS_PREVIEW,
        }
        for key, button in self.buttons.items():
            reason = s.RENDERING if self._busy_now else why_not.get(key, "")
            button.setEnabled(not reason)
            button.setToolTip(reason)

    def _inputs_changed(self, *_args) -> None:
        self._generation += 1
        if self._shows:
            shown = self.preview.path
            self.preview.clear()
            self._folder.discard(shown)
            self._shows = SHOWS_NOTHING
            self.preview.info.setText(s.PREVIEW_STALE)
        self._update_actions()

    def current_form(self) -> str | None:
        item = self.forms.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def request(self, *, issue: bool = False) -> documents.PrintRequest:
        member = self.member.currentData()
        info = documents.get_form_info(self.current_form()) if self.current_form() else None
        inputs = info.inputs if info else frozenset()
        return documents.PrintRequest(
            cell_id=self.unit.currentData(), member_id=member, member_ids=(member,) if member else (),
            year=self.year.value(), on=date_of(self.on), blank=self.blank.isChecked(), issue=issue,
            period=self.selection.period() if info and info.by_period else None,
            questions=self.question_lines() if "questions" in inputs else (),
            summary=self.summary.text().strip() if "summary" in inputs else "",
            content=lines_of(self.content) if "content" in inputs and "body" not in inputs else (),
            body=self.body.body() if "body" in inputs else ())

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

    def _fresh_or_say_why(self) -> bool:
        """Saving and issuing take only the paper just previewed (a direct call is held to the buttons' rule)."""
        if self._shows == SHOWS_PAPER and not self._busy_now:
            return True
        self.status.setText(s.NEEDS_FRESH_PREVIEW)
        return False

    def show_preview(self) -> None:
        form_id = self.current_form()
        if not form_id:
            return
        self._renders += 1
        target = self._folder.path_for(self._renders)
        db, actor, request, generation = self.context.db, self.context.actor, self.request(), self._generation

        def loaded(result) -> None:
            if generation != self._generation:   # the inputs changed while it was rendered: not this paper
                self._folder.discard(result[0].path)
                self.status.setText(s.RENDER_OUTDATED)
                return
            shown = self.preview.path
            self._show(result[0].path, SHOWS_PAPER)
            self._folder.discard(shown)   # the preview before this one is closed: drop its file
            self.paper_tabs.setCurrentIndex(1)
            self.status.setText(s.RENDERED.format(pages=result[0].pages))

        self._run(lambda: documents.print_form(db, actor, form_id, target, request), loaded)

    def _ask_path(self, path: str | None, kind: str = "pdf") -> Path | None:
        if path:
            return Path(path)
        chosen = ask_save_path(self, s.SAVE_TITLE, "", FILTERS[kind])   # says the file holds personal data
        if chosen and not chosen.lower().endswith(f".{kind}"):
            chosen += f".{kind}"
        return Path(chosen) if chosen else None

    def save_as(self, path: str | None = None) -> None:
        if not self._fresh_or_say_why():
            return
        form_id, target = self.current_form(), self._ask_path(path)
        if not form_id or target is None:
            return
        db, actor, request = self.context.db, self.context.actor, self.request()
        self._run(lambda: documents.print_form(db, actor, form_id, target, request),
                  lambda r: self.status.setText(s.SAVED.format(path=r[0].path, pages=r[0].pages)))

    def save_word(self, path: str | None = None) -> None:
        """The paper just previewed as a Word file in the same frame, to finish in Word."""
        if not self._fresh_or_say_why():
            return
        form_id, target = self.current_form(), self._ask_path(path, "docx")
        if not form_id or target is None:
            return
        db, actor, request = self.context.db, self.context.actor, self.request()
        self._run(lambda: documents_word.save_docx(db, actor, form_id, target, request),
                  lambda r: self.status.setText(s.SAVED_WORD.format(path=r.path)))

    def issue(self, path: str | None = None) -> None:
        if not self._fresh_or_say_why():
            return
        form_id, target = self.current_form(), self._ask_path(path)
        if not form_id or target is None:
            return
        db, actor, request, generation = self.context.db, self.context.actor, self.request(issue=True), self._generation

        def issued(result) -> None:
            printed, changes = result
            unchanged = generation == self._generation
            self.context.changed.emit(changes)
            if unchanged:   # what was issued, shown; issuing again needs a new preview
                self._show(printed.path, SHOWS_OTHER)
            self.status.setText(s.ISSUED.format(symbol=printed.symbol, path=printed.path) if printed.symbol
                                else s.NOT_NUMBERED.format(path=printed.path))

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

    def _show(self, path: Path, shows: str = SHOWS_OTHER) -> None:
        self.preview.load(path)
        self._shows = shows
        self.paper_tabs.setCurrentIndex(1)
        self._update_actions()

    def cleanup(self) -> None:
        """Close the preview and delete the temporary folder (also done on destruction and at exit)."""
        self.preview.clear()
        self._folder.cleanup()

    def open_settings(self):
        """The signers, the Đề án 03 figures and the data-since date live on the Settings page."""
        window = self.window()
        if hasattr(window, "open_action"):
            return window.open_action("settings", "open_signers")
        return None

    def on_changes(self, changes: Changes) -> None:
        if changes.organisation:
            self._fill_units()
        elif changes.members:
            self._unit_changed()
        if changes.documents:
            self.register_tab.refresh()
        if self._shows == SHOWS_PAPER:   # signers, terms, members, meetings: any may change the paper
            self._inputs_changed()
