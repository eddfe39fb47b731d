"""The "Quỹ hỗ trợ" tab: the ledger of a period with the balance after each entry, contributions with their
receipts, reversals with their reasons (entries are never edited), the statement and the reconciliation."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from tayninh_desktop.domain.assistance import FundKind
from tayninh_desktop.domain.dates import format_vn_date, parse_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.messages_support import CONTRIBUTOR_KIND_LABELS, FUND_KIND_LABELS
from tayninh_desktop.domain.vn_money import format_money, group_digits, parse_money
from tayninh_desktop.services import fund, support_printing
from tayninh_desktop.ui import strings_support as s
from tayninh_desktop.ui.context import show_error
from tayninh_desktop.ui.dialogs.record_dialog import Field
from tayninh_desktop.ui.models.rows_model import DisplayRow
from tayninh_desktop.ui.pages.support_tab import SupportTab

REVERSED_BACKGROUND = "#eeeeee"


class FundTab(SupportTab):
    def __init__(self, context, runner, today: date) -> None:
        super().__init__(context, runner, "support_fund")
        self.today = today
        self.entries: dict = {}
        self.start = QLineEdit(format_vn_date(date(today.year, 1, 1)), objectName="fund_from")
        self.end = QLineEdit(format_vn_date(today), objectName="fund_to")
        for edit in (self.start, self.end):
            edit.setMaximumWidth(110)
            edit.returnPressed.connect(self.reload)
        show = QPushButton(s.FUND_SHOW, objectName="fund_show")
        show.clicked.connect(self.reload)
        self.balance = QLabel(objectName="fund_balance", wordWrap=True)
        self.table, self.model = self.make_table(s.FUND_COLUMNS, "fund_table", stretch=3, right=(0, 5, 6, 7),
                                                 widths=(45, 85, 105, 260, 80, 105, 105, 115))
        actions, self.actions = self.buttons(
            ("fund_contribute", s.ACT_CONTRIBUTE, self.contribute), ("fund_reverse", s.ACT_REVERSE, self.reverse),
            ("fund_receipt", s.ACT_RECEIPT, lambda: self.print_receipt()), ("|", "", None),
            ("fund_statement", s.ACT_STATEMENT, lambda: self.print_statement()),
            ("fund_reconcile", s.ACT_RECONCILE, lambda: self.print_reconciliation()))
        bar = QHBoxLayout()
        for widget in (QLabel(s.FUND_FROM), self.start, QLabel(s.FUND_TO), self.end, show):
            bar.addWidget(widget)
        bar.addStretch(1)
        note = QLabel(s.FUND_NOTE, wordWrap=True)
        note.setStyleSheet("color: #444;")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.balance)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addLayout(actions)
        layout.addWidget(self.message)

    def period(self) -> tuple[date | None, date | None]:
        issues, out = [], []
        for name, edit in (("date_from", self.start), ("date_to", self.end)):
            try:
                out.append(parse_vn_date(edit.text()))
            except ValueError:
                issues.append(FieldIssue(name, "bad_date", {"value": edit.text()}))
                out.append(None)
        if issues:
            raise ValidationError(issues)
        return out[0], out[1]

    def _who(self, entry) -> str:
        return fund.entry_subject(self.context.db, self.context.actor, entry)

    def reload(self) -> None:
        db, actor = self.context.db, self.context.actor
        try:
            start, end = self.period()
            statement = fund.statement(db, actor, start, end)
        except DomainError as error:
            self.say(error.message, error=True)
            return
        self.entries = {line.entry.id: line.entry for line in statement.lines}
        rows = []
        for line in statement.lines:
            e = line.entry
            note = e.reason if e.kind is FundKind.REVERSAL else ""
            if line.reversed_by:
                note = s.REVERSED_BY.format(seq=line.reversed_by)
            rows.append(DisplayRow((str(e.seq), format_vn_date(e.entry_date), FUND_KIND_LABELS[e.kind.value],
                                    self._who(e), e.receipt_number, group_digits(e.amount) if e.direction > 0 else "",
                                    group_digits(e.amount) if e.direction < 0 else "", group_digits(line.balance),
                                    note), key=e.id, background=REVERSED_BACKGROUND if line.reversed_by or
                                   e.kind is FundKind.REVERSAL else ""))
        self.model.set_rows(rows)
        self.balance.setText(s.FUND_BALANCE.format(balance=format_money(fund.balance(db, actor)),
                                                   opening=format_money(statement.opening),
                                                   money_in=format_money(statement.money_in),
                                                   money_out=format_money(statement.money_out)))
        self.say("")

    def chosen(self):
        entry = self.entries.get(self.selected_key(self.table, self.model))
        if entry is None:
            self.say(s.CHOOSE_ENTRY, error=True)
        return entry

    def contribute(self):
        db, actor = self.context.db, self.context.actor
        fields = [Field("entry_date", format_vn_date(self.today), hint="dd/mm/yyyy"), Field("contributor"),
                  Field("contributor_kind", "don_vi", tuple(CONTRIBUTOR_KIND_LABELS.items())),
                  Field("contribution_amount", hint="ví dụ 5.000.000"),
                  Field("receipt_number", fund.next_receipt_number(db, self.today.year)),
                  Field("outreach_notes", hint="ghi chú (không bắt buộc)")]
        return self.open_dialog(s.DLG_CONTRIBUTE, fields, lambda values: fund.contribute(db, actor, values,
                                                                                       today=self.today),
                                "fund_contribute_dialog")

    def reverse(self):
        entry = self.chosen()
        if entry is None:
            return None
        db, actor = self.context.db, self.context.actor
        title = s.DLG_REVERSE.format(seq=entry.seq, what=FUND_KIND_LABELS[entry.kind.value].lower(),
                                     amount=format_money(entry.amount))
        fields = [Field("entry_date", format_vn_date(self.today), hint="dd/mm/yyyy"), Field("reversal_reason")]
        return self.open_dialog(title, fields, lambda values: fund.reverse(db, actor, entry.id, values,
                                                                         today=self.today), "fund_reverse_dialog")

    def print_receipt(self, path: str | None = None) -> None:
        entry = self.entries.get(self.selected_key(self.table, self.model))
        if entry is None or entry.kind is not FundKind.CONTRIBUTION:
            self.say(s.CHOOSE_CONTRIBUTION, error=True)
            return
        db, actor = self.context.db, self.context.actor
        name = "phieu-thu-" + "".join(ch if ch.isalnum() else "-" for ch in entry.receipt_number) + ".pdf"
        self.print_to_file(name, lambda target: support_printing.print_receipt(db, actor, entry.id, target), path)

    def print_statement(self, path: str | None = None) -> None:
        try:
            start, end = self.period()
        except DomainError as error:
            show_error(self, error)
            return
        start, end = start or date(self.today.year, 1, 1), end or self.today
        db, actor = self.context.db, self.context.actor
        self.print_to_file(f"so-quy-{start:%Y%m%d}-{end:%Y%m%d}.pdf",
                           lambda target: support_printing.print_statement(db, actor, start, end, target), path)

    def print_reconciliation(self, path: str | None = None, counted: str | None = None) -> None:
        if counted is None:
            from PySide6.QtWidgets import QInputDialog

            counted, ok = QInputDialog.getText(self, s.ACT_RECONCILE, "Số tiền thực có khi kiểm quỹ (để trống nếu"
                                                                      " chưa kiểm):")
            if not ok:
                return
        try:
            amount = parse_money(counted)
        except ValueError:
            show_error(self, ValidationError([FieldIssue("counted", "bad_money", {"value": counted})]))
            return
        db, actor, on = self.context.db, self.context.actor, self.today
        self.print_to_file(f"doi-chieu-quy-{on:%Y%m%d}.pdf", lambda target: support_printing.print_reconciliation(
            db, actor, on, target, amount), path)
