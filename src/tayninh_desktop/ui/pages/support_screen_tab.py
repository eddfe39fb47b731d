"""The "Rà soát, thông tin" tab: members who may be eligible (by category, by loan, circumstances unknown), who
was told of the policy, and the actions on one member (told, household, a new loan, an application)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.messages_support import (
    BASIS_LABELS,
    CATEGORY_LABELS,
    DISCHARGED_LABELS,
    HOUSEHOLD_LABELS,
)
from tayninh_desktop.services import organisation, support_household, support_reference, support_screening
from tayninh_desktop.services.support_screening import ScreenLine, ScreenResult
from tayninh_desktop.ui import strings_support as s
from tayninh_desktop.ui.dialogs.record_dialog import Field
from tayninh_desktop.ui.models.rows_model import DisplayRow
from tayninh_desktop.ui.pages.support_tab import TOLD_BACKGROUND, SupportTab

EVERYONE = "ca_nguoi_khong_thuoc_dien"


class ScreenTab(SupportTab):
    def __init__(self, context, runner, today: date) -> None:
        super().__init__(context, runner, "support_screen")
        self.today = today
        self.result: ScreenResult | None = None
        self.lines: dict[str, ScreenLine] = {}
        self.cell = QComboBox(objectName="support_cell")
        self.cell.setMinimumWidth(240)
        self.basis = QComboBox(objectName="support_basis")
        self.basis.addItem(s.ALL_BASES, None)
        for value, label in BASIS_LABELS.items():
            self.basis.addItem(label, value)
        self.basis.addItem("Cả người không thuộc diện", EVERYONE)
        self.untold = QCheckBox(s.UNTOLD_ONLY, objectName="support_untold")
        self.refresh_button = QPushButton(s.REFRESH, objectName="support_refresh")
        self.summary = QLabel(objectName="support_summary", wordWrap=True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.table, self.model = self.make_table(s.SCREEN_COLUMNS, "support_screen_table", stretch=4,
                                                 widths=(190, 190, 130, 170), wrap=True)
        actions, self.actions = self.buttons(("support_told", s.ACT_TOLD, self.tell),
                                             ("support_household", s.ACT_HOUSEHOLD, self.household),
                                             ("support_loan_new", s.ACT_LOAN, self.new_loan),
                                             ("support_apply", s.ACT_APPLY, self.apply), ("|", "", None))
        bar = QHBoxLayout()
        for widget in (QLabel(s.CELL), self.cell, QLabel(s.BASIS), self.basis, self.untold, self.refresh_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        help_label = QLabel(s.SCREEN_HELP, wordWrap=True)
        help_label.setStyleSheet("color: #444;")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(help_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self.fill_cells()
        self.cell.currentIndexChanged.connect(self.show_lines)
        self.basis.currentIndexChanged.connect(self.show_lines)
        self.untold.toggled.connect(self.show_lines)
        self.refresh_button.clicked.connect(self.reload)
        self.table.activated.connect(lambda _index: self.tell())

    def fill_cells(self) -> None:
        self.cell.blockSignals(True)
        current = self.cell.currentData()
        self.cell.clear()
        self.cell.addItem(s.ALL_CELLS, None)
        for cell in organisation.cells(self.context.db):
            self.cell.addItem(cell.name, cell.id)
        self.cell.setCurrentIndex(max(self.cell.findData(current), 0))
        self.cell.blockSignals(False)

    def reload(self) -> None:
        """Screen the register again on the worker (the list stays usable meanwhile)."""
        self.summary.setText(s.COMPUTING)
        db, actor, today = self.context.db, self.context.actor, self.today
        self.runner.run(lambda: support_screening.run_screen(db, actor, today, everyone=True), self._computed,
                        self._failed)

    def _computed(self, result: ScreenResult) -> None:
        self.result = result
        self.lines = {line.member_id: line for line in result.lines}
        self.show_lines()

    def _failed(self, error: Exception) -> None:
        from tayninh_desktop.domain.errors import DomainError

        if not isinstance(error, DomainError):
            raise error
        self.summary.setText(error.message)

    def visible_lines(self) -> list[ScreenLine]:
        if self.result is None:
            return []
        cell, basis, untold = self.cell.currentData(), self.basis.currentData(), self.untold.isChecked()
        return [line for line in self.result.lines
                if (cell is None or line.cell_id == cell) and (not untold or not line.told)
                and (basis == EVERYONE or (line.basis is not None and basis in (None, line.basis.value)))]

    def show_lines(self) -> None:
        lines = self.visible_lines()
        self.model.set_rows([DisplayRow((
            line.full_name, line.cell_name, BASIS_LABELS[line.basis.value] if line.basis else "Không thuộc diện",
            ", ".join(CATEGORY_LABELS[c] for c in line.categories), "; ".join(line.missing),
            format_vn_date(line.told_on) if line.told_on else s.NOT_TOLD), key=line.member_id,
            background=TOLD_BACKGROUND if line.told else "") for line in lines])
        if self.result is not None:
            c = self.result.counts()
            self.summary.setText(s.SCREEN_SUMMARY.format(shown=len(lines), screened=c["screened"],
                                                         category=c["doi_tuong"], loan=c["khoan_vay"],
                                                         unknown=c["chua_ro"], told=c["told"]))

    def member_line(self) -> ScreenLine | None:
        line = self.lines.get(self.selected_key(self.table, self.model))
        if line is None:
            self.say(s.CHOOSE_MEMBER, error=True)
        return line

    def select(self, member_id: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.key(row) == member_id:
                self.table.selectRow(row)
                return

    def tell(self):
        line = self.member_line()
        return None if line is None else told_dialog(self, line.member_id, line.full_name, self.today)

    def household(self):
        line = self.member_line()
        return None if line is None else household_dialog(self, line.member_id, line.full_name, self.today)

    def new_loan(self):
        line = self.member_line()
        if line is None:
            return None
        return loan_dialog(self, line.member_id, line.full_name, None, self.today)

    def apply(self):
        line = self.member_line()
        if line is None:
            return None
        return application_dialog(self, line.member_id, line.full_name, None, self.today)

    def on_changes(self, changes) -> None:
        if changes.organisation:
            self.fill_cells()
        if changes.support or changes.members or changes.history or changes.party_life or changes.settings:
            self.reload()


def told_dialog(tab: SupportTab, member_id: str, name: str, today: date):
    """Record that a member was told of the policy: when, how, by whom."""
    fields = [Field("told_on", format_vn_date(today), hint="dd/mm/yyyy"),
              Field("how", "Gặp trực tiếp tại nhà", editable_choice=True, choices=(
                  ("Gặp trực tiếp tại nhà", "Gặp trực tiếp tại nhà"), ("Gọi điện thoại", "Gọi điện thoại"),
                  ("Phát tờ rơi, hướng dẫn", "Phát tờ rơi, hướng dẫn"))),
              Field("told_by", tab.context.actor.name), Field("outreach_notes")]
    return tab.open_dialog(f"{s.DLG_TOLD}: {name}", fields, lambda values: support_screening.record_told(
        tab.context.db, tab.context.actor, member_id, values, today=today), "support_told_dialog")


def household_dialog(tab: SupportTab, member_id: str, name: str, today: date):
    """Record (or correct) a member's household circumstances of this year."""
    db, actor, year = tab.context.db, tab.context.actor, today.year
    h = support_household.household_of(db, actor, member_id, year)
    fields = [Field("year", str(year)),
              Field("classification", h.classification.value if h else "", tuple(HOUSEHOLD_LABELS.items())),
              Field("certificate_number", h.certificate_number if h else ""),
              Field("certificate_date", format_vn_date(h.certificate_date) if h else "", hint="dd/mm/yyyy"),
              Field("certificate_issuer", h.certificate_issuer if h else ""),
              Field("discharged", h.discharged.value if h else "", tuple(DISCHARGED_LABELS.items())),
              Field("income_per_person", str(h.income_per_person or "") if h else "", hint="đồng/người/tháng"),
              Field("area", "thanh_thi" if h and not h.rural else "nong_thon",
                    (("nong_thon", "Nông thôn"), ("thanh_thi", "Thành thị"))),
              Field("household_notes", h.notes if h else "")]
    return tab.open_dialog(f"{s.DLG_HOUSEHOLD.format(year=year)}: {name}", fields,
                           lambda values: support_household.record_household(
                               db, actor, member_id, values, household_id=h.id if h else None, today=today),
                           "support_household_dialog")


def loan_dialog(tab: SupportTab, member_id: str, name: str, loan, today: date):
    """Record a new loan of a member, or correct ``loan``."""
    db, actor = tab.context.db, tab.context.actor
    book = support_reference.book(db)
    programmes = tuple((code, label) for code, label in book.programme_codes())
    money = (lambda v: f"{v:,}".replace(",", ".")) if loan else None
    from tayninh_desktop.domain.vn_money import rate_number

    fields = [Field("programme", loan.programme if loan else "can_ngheo", programmes),
              Field("contract_number", loan.contract_number if loan else ""),
              Field("loan_amount", money(loan.amount) if loan else "", hint="ví dụ 50.000.000"),
              Field("rate", rate_number(loan.rate_bp) if loan else "", hint="%/năm, ví dụ 6,6"),
              Field("start_date", format_vn_date(loan.start_date) if loan else "", hint="dd/mm/yyyy"),
              Field("term_months", str(loan.term_months) if loan else "36"),
              Field("purpose", loan.purpose if loan else ""), Field("loan_notes", loan.notes if loan else "")]
    return tab.open_dialog(f"{s.DLG_LOAN}: {name}", fields, lambda values: support_household.record_loan(
        db, actor, member_id, values, loan_id=loan.id if loan else None, today=today), "support_loan_dialog")


def application_dialog(tab: SupportTab, member_id: str, name: str, loan_id: str | None, today: date):
    """Receive an application: which loan, the period of interest paid, the day it was handed in."""
    db, actor = tab.context.db, tab.context.actor
    loans = tuple((x.id, support_household.loan_label(db, x))
                  for x in support_household.loans_of(db, actor, member_id))
    start = date(today.year, 1, 1)
    fields = [Field("loan_id", loan_id or (loans[0][0] if loans else ""), loans or (("", "Chưa ghi khoản vay nào"),)),
              Field("period_from", format_vn_date(start), hint="dd/mm/yyyy"),
              Field("period_to", format_vn_date(today), hint="dd/mm/yyyy"),
              Field("submitted_on", format_vn_date(today), hint="dd/mm/yyyy"), Field("application_notes")]
    from tayninh_desktop.services import support_applications

    return tab.open_dialog(f"{s.DLG_APPLY}: {name}", fields, lambda values: support_applications.submit(
        db, actor, member_id, values, today=today), "support_apply_dialog")
