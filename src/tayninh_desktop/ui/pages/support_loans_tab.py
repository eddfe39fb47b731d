"""The "Khoản vay" tab: every member's loan from the social-policy bank with the interest paid, the payments of
the chosen loan, and the import of the bank's Excel statement (row by row, with its report)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_import import ROW_STATUS_LABELS
from tayninh_desktop.domain.vn_money import format_money, format_rate, group_digits
from tayninh_desktop.services import support_household, support_import, support_reference
from tayninh_desktop.ui import strings_support as s
from tayninh_desktop.ui.context import confirm, show_error
from tayninh_desktop.ui.dialogs.record_dialog import Field
from tayninh_desktop.ui.models.rows_model import DisplayRow
from tayninh_desktop.ui.pages.support_screen_tab import application_dialog, loan_dialog
from tayninh_desktop.ui.pages.support_tab import SupportTab
from tayninh_desktop.ui.widgets.personal_data_save import ask_save_path

REFUSED_BACKGROUND = "#ffc7ce"


class LoansTab(SupportTab):
    def __init__(self, context, runner, today: date) -> None:
        super().__init__(context, runner, "support_loans")
        self.today = today
        self.loans: dict[str, object] = {}
        self.table, self.model = self.make_table(s.LOANS_COLUMNS, "support_loans_table", stretch=1, right=(3, 7),
                                                 widths=(190, 220, 110, 120, 90, 95, 80))
        self.payments, self.payments_model = self.make_table(s.PAYMENTS_COLUMNS, "support_payments_table", right=(1,),
                                                             widths=(110, 120, 120))
        self.payments.setMaximumHeight(170)
        actions, self.actions = self.buttons(("support_interest", s.ACT_INTEREST, self.add_interest),
                                             ("support_loan_edit", s.ACT_EDIT_LOAN, self.edit_loan),
                                             ("support_loan_apply", s.ACT_APPLY, self.apply),
                                             ("support_loan_delete", s.ACT_DELETE_LOAN, self.delete_loan),
                                             ("|", "", None),
                                             ("support_import", s.ACT_IMPORT, self.import_statement))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(QLabel(s.PAYMENTS_OF))
        layout.addWidget(self.payments)
        layout.addWidget(self.message)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_payments())

    def reload(self) -> None:
        db, actor = self.context.db, self.context.actor
        current = self.selected_key(self.table, self.model)
        loans = support_household.all_loans(db, actor)
        names = support_household.member_names(db, (x.member_id for x in loans))
        book = support_reference.book(db)
        rows = []
        for loan in loans:
            programme = book.programme(loan.programme, loan.start_date)
            paid = sum(p.amount for p in support_household.payments_of(db, actor, loan.id))
            rows.append(DisplayRow((names.get(loan.member_id, ""), programme.name if programme else loan.programme,
                                    loan.contract_number, group_digits(loan.amount), format_rate(loan.rate_bp),
                                    format_vn_date(loan.start_date), s.MONTHS.format(n=loan.term_months),
                                    format_money(paid)), key=loan.id))
        self.loans = {x.id: x for x in loans}
        self.names = names
        self.model.set_rows(rows)
        if current:
            for row in range(self.model.rowCount()):
                if self.model.key(row) == current:
                    self.table.selectRow(row)
        self.show_payments()

    def chosen(self):
        loan = self.loans.get(self.selected_key(self.table, self.model))
        if loan is None:
            self.say(s.CHOOSE_LOAN, error=True)
        return loan

    def show_payments(self) -> None:
        loan = self.loans.get(self.selected_key(self.table, self.model))
        payments = support_household.payments_of(self.context.db, self.context.actor, loan.id) if loan else []
        self.payments_model.set_rows([DisplayRow((format_vn_date(p.paid_on), format_money(p.amount), p.reference,
                                                  p.source), key=p.id) for p in reversed(payments)])

    def add_interest(self):
        loan = self.chosen()
        return None if loan is None else interest_dialog(self, loan, self.names.get(loan.member_id, ""), self.today)

    def edit_loan(self):
        loan = self.chosen()
        return None if loan is None else loan_dialog(self, loan.member_id, self.names.get(loan.member_id, ""), loan,
                                                     self.today)

    def delete_loan(self) -> bool:
        loan = self.chosen()
        if loan is None or not confirm(self, s.CONFIRM_DELETE_LOAN.format(
                loan=support_household.loan_label(self.context.db, loan))):
            return False
        return self.context.run_action(self, support_household.delete_loan, loan.id) is not None

    def apply(self):
        loan = self.chosen()
        return None if loan is None else application_dialog(self, loan.member_id, self.names.get(loan.member_id, ""),
                                                            loan.id, self.today)

    def import_statement(self, path: str | None = None):
        """Read a statement, show what each row would do, then write the valid rows on request."""
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, s.IMPORT_TITLE, "", s.XLSX_FILTER)
        if not path:
            return None
        try:
            plan = support_import.plan_statement(self.context.db, self.context.actor, path)
        except DomainError as error:
            show_error(self, error)
            return None
        dialog = StatementDialog(self, plan)
        dialog.open()
        return dialog


class StatementDialog(QDialog):
    """The statement's rows with what importing each would do; write the valid ones, save the row report."""

    def __init__(self, tab: LoansTab, plan) -> None:
        super().__init__(tab)
        self.tab, self.plan = tab, plan
        self.setObjectName("support_statement_dialog")
        self.setWindowTitle(s.IMPORT_TITLE)
        self.resize(1000, 560)
        c = plan.counts
        self.summary = QLabel(s.IMPORT_SUMMARY.format(file=plan.path.name, sheet=plan.sheet, **c), wordWrap=True)
        self.summary.setStyleSheet("font-weight: bold;")
        view, model = tab.make_table(s.IMPORT_COLUMNS, "support_statement_rows", stretch=5, right=(0, 4),
                                     widths=(50, 90, 200, 95, 110))
        view.setParent(self)
        model.set_rows([DisplayRow((str(x.row), ROW_STATUS_LABELS[x.status], x.member_name,
                                    format_vn_date(x.paid_on) if x.paid_on else "",
                                    format_money(x.amount) if x.amount else "", x.message),
                                   background=REFUSED_BACKGROUND if x.status == "refused" else "")
                        for x in plan.lines])
        self.apply_button = QPushButton(s.IMPORT_APPLY, objectName="statement_apply")
        self.apply_button.setEnabled(c["added"] > 0)
        report = QPushButton(s.IMPORT_REPORT, objectName="statement_report")
        close = QPushButton("Đóng")
        self.status = QLabel(wordWrap=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (report, self.apply_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(view, 1)
        layout.addLayout(buttons)
        self.apply_button.clicked.connect(self.apply)
        report.clicked.connect(lambda: self.save_report())
        close.clicked.connect(self.accept)

    def apply(self) -> bool:
        result = self.tab.context.run_action(self, support_import.apply_statement, self.plan, accept_valid=True)
        if result is None:
            return False
        self.status.setText(s.IMPORT_DONE.format(count=result[0]))
        self.apply_button.setEnabled(False)
        return True

    def save_report(self, path: str | None = None) -> Path | None:
        if not path:
            path = ask_save_path(self, s.IMPORT_REPORT, "bao-cao-sao-ke.xlsx", s.XLSX_FILTER)
        if not path:
            return None
        try:
            return support_import.save_report(self.plan, path)
        except DomainError as error:
            show_error(self, error)
            return None


def interest_dialog(tab: SupportTab, loan, name: str, today: date):
    """Record interest the member paid on ``loan`` (from the bank's statement)."""
    db, actor = tab.context.db, tab.context.actor
    fields = [Field("paid_on", format_vn_date(today), hint="dd/mm/yyyy"),
              Field("interest_amount", hint="ví dụ 990.000"), Field("reference"),
              Field("period_from", hint="kỳ lãi: từ ngày (không bắt buộc)"),
              Field("period_to", hint="kỳ lãi: đến ngày (không bắt buộc)")]
    return tab.open_dialog(f"{s.DLG_INTEREST}: {name} — {support_household.loan_label(db, loan)}", fields,
                           lambda values: support_household.record_payment(db, actor, loan.id, values, today=today),
                           "support_interest_dialog")
