"""The screening page: the signs of a year (computed on the worker: the detectors read the whole register), the
cases with their next step, what it needs and its deadline, and the year's results with the removals allotted.

A cell secretary who has never done it picks the cell, reads the signs, opens a case from one, and follows the
"Bước tiếp theo" box: each step has its own small dialog (ui/dialogs/case_actions.py). Rule files set aside are
named at the top with why.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tayninh_desktop.services import cases as case_service
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings
from tayninh_desktop.ui import strings_screening as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.dialogs import case_actions
from tayninh_desktop.ui.models.rows_model import DisplayRow, RowsModel
from tayninh_desktop.ui.strings_party_life import number
from tayninh_desktop.ui.tasks import TaskRunner
from tayninh_desktop.ui.widgets.case_panel import OVERDUE_STYLE, CasePanel
from tayninh_desktop.ui.widgets.cell_filter import CellFilter
from tayninh_desktop.ui.widgets.full_text import show_full_text

GROUND_COLOUR = "#fde2e1"
CRITERION_COLOUR = "#fff4d6"
START_DELAY_MS = 300
SIGN_WIDTHS = (110, 150, 140, 320, 360, 130)   # px; the last column (open case) takes the rest
CASE_WIDTHS = (155, 150, 140)                  # px; the deadline takes the rest
ROWS_MEASURED = 400                            # rows fitted to their text; a longer list keeps two lines each


def _table(name: str, model: RowsModel) -> QTableView:
    table = QTableView(objectName=name)
    show_full_text(table, wrap=False)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    # Two lines a row by default: a long list is not measured row by row, and a wrapped text still shows its start
    # and its figures (the whole text is the cell's tooltip).
    table.verticalHeader().setDefaultSectionSize(2 * table.fontMetrics().lineSpacing() + 10)
    return table


class ScreeningPage(QWidget):
    def __init__(self, context: UiContext, today: date | None = None, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.context = context
        self.today = today or date.today()
        self.runner = runner or TaskRunner()
        self.run_result = None
        self.computing = False
        self.year = QSpinBox(objectName="screening_year", minimum=2000, maximum=self.today.year, value=self.today.year)
        self.cell_filter = CellFilter(s.ALL_CELLS, objectName="screening_cell")
        self.run_button = QPushButton(s.RUN, objectName="screening_run")
        self.summary = QLabel(objectName="screening_summary", wordWrap=True)
        self.problems = QLabel(objectName="screening_problems", wordWrap=True)
        self.problems.setStyleSheet(OVERDUE_STYLE)
        self.tabs = QTabWidget(objectName="screening_tabs")
        self.tabs.addTab(self._signs_tab(), s.TAB_SIGNS)
        self.tabs.addTab(self._cases_tab(), s.TAB_CASES)
        self.tabs.addTab(self._results_tab(), s.TAB_RESULTS)
        title = QLabel(s.TITLE)
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(s.YEAR))
        bar.addWidget(self.year)
        bar.addWidget(QLabel(s.CELL))
        bar.addWidget(self.cell_filter)
        bar.addWidget(self.run_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.problems)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.cell_filter.set_cells(context.cells())
        self.year.valueChanged.connect(self.refresh)
        self.cell_filter.currentIndexChanged.connect(self._cell_changed)
        self.run_button.clicked.connect(self.refresh)
        self.tabs.currentChanged.connect(self._tab_changed)
        context.changed.connect(self.on_changes)
        self.load_cases()
        # After the page is shown (unless something asked for the screening already).
        QTimer.singleShot(START_DELAY_MS, self._first_screening)

    # -- tabs ----------------------------------------------------------------------------------
    def _signs_tab(self) -> QWidget:
        self.signs_model = RowsModel(s.SIGNS_COLUMNS, self)
        self.signs_table = _table("screening_signs", self.signs_model)
        self.open_from_sign = QPushButton(s.OPEN_FROM_SIGN, objectName="screening_open_from_sign")
        self.sign_message = QLabel(objectName="screening_sign_message", wordWrap=True)
        self.open_from_sign.clicked.connect(self.open_case_from_sign)
        self.signs_table.activated.connect(lambda _index: self.open_case_from_sign())
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.signs_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.open_from_sign)
        row.addWidget(self.sign_message, 1)
        layout.addLayout(row)
        return tab

    def _cases_tab(self) -> QWidget:
        self.cases_model = RowsModel(s.CASES_COLUMNS, self)
        self.cases_table = _table("screening_cases", self.cases_model)
        self.show_filter = QComboBox(objectName="screening_cases_filter")
        self.show_filter.addItem(s.CASES_OPEN_ONLY, "dang_xu_ly")
        self.show_filter.addItem(s.CASES_ALL, "all")
        self.new_case = QPushButton(s.NEW_CASE, objectName="screening_new_case")
        self.list_papers = QComboBox(objectName="screening_list_papers")
        for form_id, label in s.LIST_PAPERS:
            self.list_papers.addItem(label, form_id)
        self.print_list = QPushButton(s.PRINT, objectName="screening_print_list")
        self.cases_message = QLabel(objectName="screening_cases_message", wordWrap=True)
        self.panel = CasePanel(self.context, self.today)
        self.show_filter.currentIndexChanged.connect(self.load_cases)
        self.new_case.clicked.connect(self.open_new_case)
        self.print_list.clicked.connect(self.choose_list_target)
        self.cases_table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._case_chosen())
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(s.CASES_SHOW))
        row.addWidget(self.show_filter)
        row.addStretch(1)
        row.addWidget(self.new_case)
        column.addLayout(row)
        column.addWidget(self.cases_table, 1)
        printing = QHBoxLayout()
        printing.addWidget(self.list_papers, 1)
        printing.addWidget(self.print_list)
        column.addLayout(printing)
        column.addWidget(self.cases_message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setSizes([600, 560])
        tab = QWidget()
        QVBoxLayout(tab).addWidget(splitter)
        return tab

    def _results_tab(self) -> QWidget:
        self.results_model = RowsModel(s.RESULTS_COLUMNS, self)
        self.results_table = _table("screening_results", self.results_model)
        self.allotment_button = QPushButton(s.SET_ALLOTMENT, objectName="screening_set_allotment")
        self.allotment_rule = QLabel(objectName="screening_allotment_rule", wordWrap=True)
        self.allotment_button.clicked.connect(self.open_allotment)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.results_table, 1)
        hint = QLabel(s.RESULTS_HINT, wordWrap=True)
        layout.addWidget(hint)
        row = QHBoxLayout()
        row.addWidget(self.allotment_button)
        row.addWidget(self.allotment_rule, 1)
        layout.addLayout(row)
        return tab

    # -- signs ---------------------------------------------------------------------------------
    def _first_screening(self) -> None:
        if self.run_result is None and not self.computing:
            self.refresh()

    @property
    def cell_id(self) -> str | None:
        return self.cell_filter.currentData()

    def refresh(self) -> None:
        """Screen the chosen year on the worker (a change during the work screens again after it)."""
        if self.computing:
            self._stale = True
            return
        self.computing, self._stale = True, False
        self.run_button.setEnabled(False)
        self.summary.setText(s.COMPUTING.format(year=self.year.value()))
        db, path, year, today = self.context.db, self.context.db_path, self.year.value(), self.today
        self.runner.run(lambda: _screen(db, path, year, today), self._screened, self._failed)

    def _screened(self, result) -> None:
        self.computing = False
        self.run_button.setEnabled(True)
        self.run_result = result
        if getattr(self, "_stale", False):
            self.refresh()
        self.show_signs()
        self.show_problems()
        if self.tabs.currentIndex() == 2:
            self.load_results()

    def _failed(self, error: Exception) -> None:
        self.computing = False
        self.run_button.setEnabled(True)
        self.summary.setText(s.FAILED.format(error=error))

    def show_problems(self) -> None:
        problems = self.run_result.detector_set.problems if self.run_result else ()
        lines = [s.RULES_SET_ASIDE] + [p.message + (s.RULES_CODES.format(codes=", ".join(p.codes)) if p.codes else "")
                                       for p in problems]
        self.problems.setText("\n".join(lines) if problems else "")
        self.problems.setVisible(bool(problems))

    def show_signs(self) -> None:
        result = self.run_result
        if result is None:
            return
        from tayninh_desktop.domain.sign_groups import group_signs

        cell_id = self.cell_id
        signs = [x for x in result.signs if cell_id is None or x.cell_id == cell_id]
        groups = group_signs(signs)   # one row per member, every sign (grounds, years) in it
        colours = {"ground": GROUND_COLOUR, "criterion": CRITERION_COLOUR}
        self.signs_model.set_rows([DisplayRow(
            (s.sign_level_text(g.strongest.level.value, len(g.signs)), g.member_name, g.cell_name, "\n".join(g.lines("description")),
             "\n".join(g.lines("evidence")), "\n".join(g.lines("basis")),
             s.SIGN_HAS_CASE if result.open_cases.get(g.member_id) else ""), g.member_id,
            colours.get(g.strongest.level.value, "")) for g in groups])
        self._signs_shown = groups
        members = len(groups)
        self.summary.setText(s.SIGNS_SUMMARY.format(year=result.year, as_of=strings.date_text(result.as_of),
                                                    count=number(len(signs)), members=number(members)) if signs else
                             s.SIGNS_NONE.format(year=result.year))
        # Fixed widths (measuring thousands of rows would take the window's thread): the texts wrap in their rows.
        for column, width in enumerate(SIGN_WIDTHS):
            self.signs_table.setColumnWidth(column, width)
        if len(signs) < ROWS_MEASURED:
            self.signs_table.resizeRowsToContents()

    def chosen_group(self):
        """The member chosen in the signs list, with every sign of the member."""
        index = self.signs_table.currentIndex()
        groups = getattr(self, "_signs_shown", [])
        return groups[index.row()] if index.isValid() and index.row() < len(groups) else None

    def open_case_from_sign(self):
        """Open a case from the member's strongest sign (a ground: removal; else help), the evidence of every sign."""
        group = self.chosen_group()
        if group is None:
            self.sign_message.setText(s.PICK_SIGN)
            return None
        self.sign_message.clear()
        sign = group.strongest
        removal = sign.level.value == "ground"
        return case_actions.open_case_dialog(
            self.context, sign.member_id, sign.member_name, self, self.today,
            kind="dua_ra" if removal else "giup_do", ground=sign.ground if removal else "",
            criterion="" if removal else (sign.criterion or _criterion_of(sign)), sign_code=sign.code,
            sign_year=sign.year, evidence=" ".join(x.evidence for x in group.signs))

    # -- cases ---------------------------------------------------------------------------------
    def load_cases(self) -> None:
        from tayninh_desktop.services import case_views

        state = self.show_filter.currentData()
        found = case_service.list_cases(self.context.db, cell_id=self.cell_id,
                                        states=None if state == "all" else (state,))
        rows = []
        for case in found:
            data = case_views.case_as_dict(self.context.db, case, self.today)
            step = data["next_step"]
            deadline = strings.date_text(date.fromisoformat(step["deadline"])) if step["deadline"] else ""
            doing = s.ACTION_TITLES.get(step["action"], "") if data["state"] == "dang_xu_ly" else \
                data["outcome_label"] or data["state_label"]
            rows.append(DisplayRow((f"{data['member_name']}\n{data['cell_name']}", data["what"], doing, deadline),
                                   case.id, GROUND_COLOUR if step["overdue"] else ""))
        current = self.panel.case.id if self.panel.case else None
        self.cases_model.set_rows(rows)
        self.cases_message.setText("" if rows else s.CASES_NONE)
        for column, width in enumerate(CASE_WIDTHS):
            self.cases_table.setColumnWidth(column, width)
        self.cases_table.resizeRowsToContents()
        self.select_case(current)

    def select_case(self, case_id: str | None) -> None:
        row = next((i for i, r in enumerate(self.cases_model.rows) if r.key == case_id), None) if case_id else None
        if row is None:
            self.panel.show_case(case_id if case_id else None)
            return
        self.cases_table.selectRow(row)
        self.panel.show_case(case_id)

    def _case_chosen(self) -> None:
        index = self.cases_table.currentIndex()
        self.panel.show_case(self.cases_model.key(index.row()) if index.isValid() else None)

    def show_case(self, case_id: str) -> None:
        """Open the cases tab on one case (the home page's help due dates open here)."""
        self.tabs.setCurrentIndex(1)
        if case_id not in {r.key for r in self.cases_model.rows}:
            self.show_filter.setCurrentIndex(1)
        self.select_case(case_id)

    def open_new_case(self):
        if self.cell_id is None:
            self.cases_message.setText(s.PICK_CELL)
            return None
        return case_actions.new_case_dialog(self.context, self.cell_id, self, self.today)

    def choose_list_target(self) -> None:
        form_id = self.list_papers.currentData()
        path, _ = QFileDialog.getSaveFileName(self, s.PRINT, f"{form_id}.pdf", "PDF (*.pdf)")
        if path:
            self.print_list_paper(form_id, Path(path))

    def print_list_paper(self, form_id: str, path: Path):
        """Print a cell's help-list paper (or the committee's report for the year) to ``path``."""
        from tayninh_desktop.services import documents

        if form_id != "bao_cao_ket_qua_ra_soat" and self.cell_id is None:
            self.cases_message.setText(s.PICK_CELL)
            return None
        request = documents.PrintRequest(cell_id=None if form_id == "bao_cao_ket_qua_ra_soat" else self.cell_id,
                                         year=self.year.value(), on=min(self.today, date(self.year.value(), 12, 31)))
        result = self.context.run_action(self, documents.print_form, form_id, path, request)
        if result is not None:
            printed = result[0]
            self.cases_message.setText(s.PRINTED.format(path=printed.path, pages=printed.pages,
                                                        symbol=f", số {printed.symbol}" if printed.symbol else ""))
        return result

    # -- results -------------------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        if index == 2:
            self.load_results()

    def load_results(self) -> None:
        from tayninh_desktop.domain.documents_report import percent_text
        from tayninh_desktop.services import screening_results
        from tayninh_desktop.services.party_life import rules

        year = self.year.value()
        done = self.run_result.signs if self.run_result is not None and self.run_result.year == year else None
        rows = screening_results.results(self.context.db, year, today=self.today, with_signs=done is not None,
                                         signs=done)
        states = {"near": s.ALLOTMENT_NEAR, "over": s.ALLOTMENT_OVER}
        self.results_model.set_rows([DisplayRow(
            (r.name, str(r.signs), str(r.listed), str(r.helped), str(r.progressed), str(r.xoa_ten), str(r.khai_tru),
             str(r.ra_khoi_dang), str(r.dinh_cu_nuoc_ngoai), percent_text(r.vs_previous), percent_text(r.vs_baseline),
             "" if r.allotted is None else f"{r.allotted} ({r.allotment_doc})"
             + (f"\n{states[r.allotment_state]}" if r.allotment_state else "")), r.cell_id or "",
            GROUND_COLOUR if r.allotment_state == "over" else CRITERION_COLOUR if r.allotment_state else "")
            for r in rows])
        self.results_table.setColumnWidth(0, 200)
        for column in range(1, 9):
            self.results_table.setColumnWidth(column, 66)
        self.results_table.setColumnWidth(9, 105)
        self.results_table.setColumnWidth(10, 105)
        self.results_table.resizeRowsToContents()
        rule = rules().on("allotment_warning", date(self.year.value(), 12, 31))
        self.allotment_rule.setText(s.ALLOTMENT_RULE.format(share=round(rule["approaching_share"] * 100),
                                                            basis=rule.citation_marked))

    def open_allotment(self):
        from tayninh_desktop.services import organisation

        unit = organisation.unit(self.context.db, self.cell_id) if self.cell_id else \
            organisation.require_home(self.context.db)
        return case_actions.allotment_dialog(self.context, unit.id, unit.name, self.year.value(), self)

    # -- refresh -------------------------------------------------------------------------------
    def _cell_changed(self) -> None:
        self.show_signs()
        self.load_cases()
        self.panel.show_case(None)

    def on_changes(self, changes: Changes) -> None:
        if changes.organisation:
            self.cell_filter.set_cells(self.context.cells())
        if changes.screening or changes.members or changes.history or changes.party_life:
            self.load_cases()
            if self.panel.case is not None:
                self.panel.show_case(self.panel.case.id)
            self.refresh()
        if (changes.screening or changes.settings) and self.tabs.currentIndex() == 2:
            self.load_results()


def _criterion_of(sign) -> str:
    """The help criterion a sign without one fits: an early sign of absence or unpaid dues."""
    return {"absent_months": "bo_sinh_hoat", "unpaid_months": "khong_dong_dang_phi"}.get(sign.measure.value, "khac")


def _screen(db, path: str, year: int, today: date):
    """On the worker: the detectors' modules load here, not with the window."""
    from tayninh_desktop.services import screening

    return screening.run_in(db, path, year, today=today)
