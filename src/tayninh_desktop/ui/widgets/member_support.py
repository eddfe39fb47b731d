"""The "Hỗ trợ" tab of a member's record: the household by year, the loans and the interest paid, when the
member was told of the policy, the applications. Read-only here; each button opens the same editor as the
support page (a household, a new loan, interest paid, told, an application), and the tab reloads when a user
action changes the support programme. Shown only to a role that may see household data."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.messages_support import DISCHARGED_LABELS, HOUSEHOLD_LABELS, STATE_LABELS
from tayninh_desktop.domain.vn_money import format_money, format_rate, group_digits
from tayninh_desktop.services import support_member, support_reference
from tayninh_desktop.ui import strings_support as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.models.rows_model import DisplayRow
from tayninh_desktop.ui.pages.support_loans_tab import interest_dialog
from tayninh_desktop.ui.pages.support_screen_tab import (
    application_dialog,
    household_dialog,
    loan_dialog,
    told_dialog,
)
from tayninh_desktop.ui.pages.support_tab import SupportTab
from tayninh_desktop.ui.tasks import TaskRunner

ROWS_SHOWN = 4


class MemberSupport(SupportTab):
    TITLE = s.TAB_MEMBER

    def __init__(self, context: UiContext, member_id: str, today: date | None = None) -> None:
        super().__init__(context, TaskRunner(), "member_support")
        self.member_id, self.today = member_id, today or date.today()
        self.record = None
        self.households, self.household_model = self._table(s.MEMBER_HOUSEHOLD_COLUMNS, (4,), "households",
                                                            5, (60, 190, 220, 260, 170))
        self.loans, self.loan_model = self._table(s.MEMBER_LOAN_COLUMNS, (2, 3, 6), "loans", 0,
                                                  (0, 110, 120, 120, 100, 90, 190))
        self.outreach, self.outreach_model = self._table(s.MEMBER_OUTREACH_COLUMNS, (), "outreach", 3,
                                                         (100, 330, 200))
        self.applications, self.application_model = self._table(s.MEMBER_APPLICATION_COLUMNS, (4,), "applications",
                                                                4, (120, 230, 110, 130))
        help_line = QLabel(s.MEMBER_HELP, wordWrap=True)
        help_line.setStyleSheet("color: #444;")
        self.action_buttons: dict = {}
        layout = QVBoxLayout(self)
        layout.addWidget(help_line)
        for heading, table, buttons in (
                (s.MEMBER_HOUSEHOLDS, self.households, (("member_household", s.ACT_HOUSEHOLD, self.household),)),
                (s.MEMBER_LOANS, self.loans, (("member_loan_new", s.ACT_LOAN, self.new_loan),
                                              ("member_interest", s.ACT_INTEREST, self.interest))),
                (s.MEMBER_OUTREACH, self.outreach, (("member_told", s.ACT_TOLD, self.told),)),
                (s.MEMBER_APPLICATIONS, self.applications, (("member_apply", s.ACT_APPLY, self.apply),))):
            box = QGroupBox(heading)
            inner = QVBoxLayout(box)
            inner.addWidget(table)
            row, found = self.buttons(*buttons, ("|", "", None))
            self.action_buttons.update(found)
            inner.addLayout(row)
            layout.addWidget(box)
        layout.addWidget(self.message)
        context.changed.connect(self.on_changes)
        self.reload()

    def _table(self, columns, right, name, stretch, widths):
        view, model = self.make_table(columns, f"member_{name}", stretch=stretch, right=right, widths=widths)
        view.setMaximumHeight(view.verticalHeader().defaultSectionSize() * (ROWS_SHOWN + 1) + 6)
        return view, model

    def reload(self) -> None:
        self.record = support_member.member_support(self.context.db, self.context.actor, self.member_id)
        self.household_model.set_rows([DisplayRow((
            str(h.year), HOUSEHOLD_LABELS.get(h.classification.value, h.classification.value),
            " ".join(p for p in (h.certificate_number, format_vn_date(h.certificate_date) if h.certificate_date
                                 else "") if p), DISCHARGED_LABELS.get(h.discharged.value, ""),
            format_money(h.income_per_person) if h.income_per_person else "", h.notes), key=h.id)
            for h in self.record.households])
        book = support_reference.book(self.context.db)
        self.loan_model.set_rows([self._loan_row(book, line) for line in self.record.loans])
        self.outreach_model.set_rows([DisplayRow((format_vn_date(o.told_on), o.how, o.told_by, o.notes), key=o.id)
                                      for o in self.record.outreach])
        self.application_model.set_rows([DisplayRow((
            a.label, f"{format_vn_date(a.period_from)} – {format_vn_date(a.period_to)}", format_vn_date(a.submitted_on),
            STATE_LABELS.get(a.state.value, a.state.value),
            format_money(a.support_amount) if a.support_amount is not None else ""), key=a.id)
            for a in self.record.applications])

    @staticmethod
    def _loan_row(book, line) -> DisplayRow:
        loan = line.loan
        programme = book.programme(loan.programme, loan.start_date)
        return DisplayRow((programme.name if programme else loan.programme, loan.contract_number,
                           group_digits(loan.amount), format_rate(loan.rate_bp), format_vn_date(loan.start_date),
                           s.MONTHS.format(n=loan.term_months),
                           s.MEMBER_PAYMENTS.format(amount=format_money(line.interest_paid), count=line.payments)),
                          key=loan.id)

    def _loan(self):
        key = self.selected_key(self.loans, self.loan_model)
        found = next((line.loan for line in self.record.loans if line.loan.id == key), None)
        if found is None and len(self.record.loans) == 1:
            found = self.record.loans[0].loan
        if found is None:
            self.say(s.CHOOSE_LOAN, error=True)
        return found

    # -- the support page's editors ---------------------------------------------------------------------
    def household(self):
        return household_dialog(self, self.member_id, self.record.full_name, self.today)

    def new_loan(self):
        return loan_dialog(self, self.member_id, self.record.full_name, None, self.today)

    def interest(self):
        loan = self._loan()
        return None if loan is None else interest_dialog(self, loan, self.record.full_name, self.today)

    def told(self):
        return told_dialog(self, self.member_id, self.record.full_name, self.today)

    def apply(self):
        loan = self._loan() if self.record.loans else None
        return application_dialog(self, self.member_id, self.record.full_name, loan.id if loan else None, self.today)

    def on_changes(self, changes) -> None:
        if changes.support or changes.members or changes.settings:
            self.reload()
