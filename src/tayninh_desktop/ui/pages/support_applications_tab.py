"""The "Hồ sơ đề nghị" tab: applications from submission to payment, the computation of the chosen one, the
actions of each stage, and the application, approval list and payment list to print."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from tayninh_desktop.domain.assistance import ApplicationState
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.messages_support import STATE_LABELS
from tayninh_desktop.domain.vn_money import format_money, group_digits
from tayninh_desktop.services import (
    fund,
    support_applications,
    support_household,
    support_printing,
    support_report,
)
from tayninh_desktop.ui import strings_support as s
from tayninh_desktop.ui.dialogs.record_dialog import Field
from tayninh_desktop.ui.models.rows_model import DisplayRow
from tayninh_desktop.ui.pages.support_tab import SupportTab

STATE_BACKGROUND = {"da_chi": "#e8f5e9", "tu_choi": "#eeeeee", "da_duyet": "#e3f2fd"}


class ApplicationsTab(SupportTab):
    def __init__(self, context, runner, today: date) -> None:
        super().__init__(context, runner, "support_applications")
        self.today = today
        self.applications: dict = {}
        self.names: dict[str, str] = {}
        self.state = QComboBox(objectName="support_state")
        self.state.addItem(s.ALL_STATES, None)
        for value, label in STATE_LABELS.items():
            self.state.addItem(label, value)
        self.period = QLineEdit(str(today.year), objectName="support_period", placeholderText=s.PERIOD_HINT)
        self.period.setMaximumWidth(110)
        self.table, self.model = self.make_table(s.APPLICATIONS_COLUMNS, "support_applications_table", stretch=1,
                                                 right=(5, 6, 7), widths=(90, 200, 100, 170, 90, 110, 110))
        self.detail = QLabel(objectName="support_application_detail", wordWrap=True)
        self.detail.setMinimumHeight(48)
        actions, self.actions = self.buttons(
            ("support_check", s.ACT_CHECK, self.check), ("support_approve", s.ACT_APPROVE, self.approve),
            ("support_reject", s.ACT_REJECT, self.reject), ("support_pay", s.ACT_PAY, self.pay),
            ("support_print_application", s.ACT_PRINT_APPLICATION, lambda: self.print_application()),
            ("|", "", None))
        lists, self.list_actions = self.buttons(
            ("support_print_approvals", s.ACT_PRINT_APPROVALS, lambda: self.print_list("approvals")),
            ("support_print_payments", s.ACT_PRINT_PAYMENTS, lambda: self.print_list("payments")), ("|", "", None))
        bar = QHBoxLayout()
        for widget in (QLabel(s.STATE), self.state):
            bar.addWidget(widget)
        bar.addStretch(1)
        lists.insertWidget(0, self.period)
        lists.insertWidget(0, QLabel(s.PERIOD))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(actions)
        layout.addLayout(lists)
        layout.addWidget(self.message)
        self.state.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_detail())

    def reload(self) -> None:
        db, actor = self.context.db, self.context.actor
        current = self.selected_key(self.table, self.model)
        rows = support_applications.listing(db, actor, state=self.state.currentData())
        self.names = support_household.member_names(db, (a.member_id for a in rows))
        self.applications = {a.id: a for a in rows}
        self.model.set_rows([DisplayRow((
            a.label, self.names.get(a.member_id, ""), STATE_LABELS[a.state.value],
            f"{format_vn_date(a.period_from)}–{format_vn_date(a.period_to)}", format_vn_date(a.submitted_on),
            group_digits(a.interest_paid), group_digits(a.support_amount) if a.support_amount else "",
            group_digits(fund.paid_to(db, actor, a.id)) if a.support_amount else ""),
            key=a.id, background=STATE_BACKGROUND.get(a.state.value, "")) for a in rows])
        for row in range(self.model.rowCount()):
            if self.model.key(row) == current:
                self.table.selectRow(row)
        self.show_detail()

    def chosen(self):
        application = self.applications.get(self.selected_key(self.table, self.model))
        if application is None:
            self.say(s.CHOOSE_APPLICATION, error=True)
        return application

    def show_detail(self) -> None:
        a = self.applications.get(self.selected_key(self.table, self.model))
        if a is None:
            self.detail.setText("")
            return
        if a.state is ApplicationState.REJECTED:
            detail = s.DETAIL_REJECTED.format(reason=a.rejection_reason)
        elif a.computation:
            detail = s.DETAIL_COMPUTED.format(text=a.computation)
        else:
            result = support_applications.computation(self.context.db, a, self.today)
            detail = s.DETAIL_WOULD_BE.format(amount=format_money(result.amount), text=result.text)
        self.detail.setText(s.APPLICATION_DETAIL.format(label=a.label, state=STATE_LABELS[a.state.value],
                                                        detail=detail))

    def check(self):
        a = self.chosen()
        if a is None:
            return None
        from tayninh_desktop.ui.dialogs.support_checklist_dialog import ChecklistDialog

        dialog = ChecklistDialog(self.context, a.id, self.today, self)
        dialog.open()
        return dialog

    def approve(self):
        a = self.chosen()
        if a is None:
            return None
        db, actor = self.context.db, self.context.actor
        fields = [Field("approved_on", format_vn_date(self.today), hint="dd/mm/yyyy"),
                  Field("approved_by", hint="họ tên, chức vụ người duyệt"),
                  Field("decision_number", hint="ví dụ 45-QĐ/ĐU")]
        return self.open_dialog(s.DLG_APPROVE.format(label=a.label), fields, lambda values: support_applications.approve(
            db, actor, a.id, values, today=self.today), "support_approve_dialog")

    def reject(self):
        a = self.chosen()
        if a is None:
            return None
        db, actor = self.context.db, self.context.actor
        fields = [Field("rejected_on", format_vn_date(self.today), hint="dd/mm/yyyy"), Field("rejection_reason")]
        return self.open_dialog(s.DLG_REJECT.format(label=a.label), fields, lambda values: support_applications.reject(
            db, actor, a.id, values, today=self.today), "support_reject_dialog")

    def pay(self):
        a = self.chosen()
        if a is None:
            return None
        db, actor = self.context.db, self.context.actor
        left = (a.support_amount or 0) - fund.paid_to(db, actor, a.id)
        fields = [Field("paid_on", format_vn_date(self.today), hint="dd/mm/yyyy"),
                  Field("payment_amount", group_digits(left) if left > 0 else ""),
                  Field("receipt_number", hint="số phiếu chi")]
        return self.open_dialog(s.DLG_PAY.format(label=a.label, left=format_money(left)), fields,
                                lambda values: fund.pay(db, actor, a.id, values, today=self.today),
                                "support_pay_dialog")

    def print_application(self, path: str | None = None) -> None:
        a = self.chosen()
        if a is None:
            return
        db, actor = self.context.db, self.context.actor
        self.print_to_file(f"don-de-nghi-{a.number:03d}-{a.submitted_on.year}.pdf",
                           lambda target: support_printing.print_application(db, actor, a.id, target), path)

    def print_list(self, which: str, path: str | None = None) -> None:
        from tayninh_desktop.domain.errors import DomainError
        from tayninh_desktop.ui.context import show_error

        try:
            start, end = support_report.parse_period(self.period.text(), today=self.today)
        except DomainError as error:
            show_error(self, error)
            return
        db, actor = self.context.db, self.context.actor
        printer = support_printing.print_approval_list if which == "approvals" else support_printing.print_payment_list
        name = "danh-sach-duyet" if which == "approvals" else "danh-sach-chi-tra"
        self.print_to_file(f"{name}-{start:%Y%m%d}-{end:%Y%m%d}.pdf",
                           lambda target: printer(db, actor, start, end, target), path)
