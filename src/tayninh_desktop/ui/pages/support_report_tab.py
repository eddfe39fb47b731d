"""The "Báo cáo" tab: the programme's figures for a period per cell and for the committee (the same figures the
return to the superior carries), and the numbered report with its chart."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.vn_money import format_money, group_digits
from tayninh_desktop.services import support_printing, support_report
from tayninh_desktop.ui import strings_support as s
from tayninh_desktop.ui.context import show_error
from tayninh_desktop.ui.models.rows_model import DisplayRow
from tayninh_desktop.ui.pages.support_tab import SupportTab

KEYS = ("screened", "told", "applied", "approved", "paid", "rejected")


class ReportTab(SupportTab):
    def __init__(self, context, runner, today: date) -> None:
        super().__init__(context, runner, "support_report")
        self.today = today
        self.period = QLineEdit(str(today.year), objectName="report_period", placeholderText=s.PERIOD_HINT)
        self.period.setMaximumWidth(120)
        self.period.returnPressed.connect(self.reload)
        show = QPushButton(s.REPORT_SHOW, objectName="report_show")
        show.clicked.connect(self.reload)
        self.print_button = QPushButton(s.REPORT_PRINT, objectName="report_print")
        self.print_button.clicked.connect(lambda: self.print_report())
        self.table, self.model = self.make_table(s.REPORT_COLUMNS, "report_table", stretch=0,
                                                 right=(1, 2, 3, 4, 5, 6, 7, 8),
                                                 widths=(0, 115, 95, 65, 85, 85, 65, 120, 120))
        self.fund = QLabel(objectName="report_fund", wordWrap=True)
        bar = QHBoxLayout()
        for widget in (QLabel(s.PERIOD), self.period, show, self.print_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.fund)
        layout.addWidget(self.message)

    def reload(self) -> None:
        try:
            start, end = support_report.parse_period(self.period.text(), today=self.today)
            report = support_report.build_report(self.context.db, self.context.actor, start, min(end, self.today))
        except DomainError as error:
            self.say(error.message, error=True)
            return
        rows = [DisplayRow((c.cell_name, *(str(c.values[k]) for k in KEYS), group_digits(c.values["approved_amount"]),
                            group_digits(c.values["paid_amount"]))) for c in report.cells]
        t = report.totals
        rows.append(DisplayRow((s.REPORT_TOTAL, *(str(t[k]) for k in KEYS), group_digits(t["approved_amount"]),
                                group_digits(t["paid_amount"])), background="#e3f2fd"))
        self.model.set_rows(rows)
        self.fund.setText(s.REPORT_FUND.format(**{k: format_money(v) for k, v in report.fund.items()}))
        self.say(f"{report.period_text.capitalize()} — {report.plan.code}"
                 + (" (chưa xác nhận)" if report.plan.unconfirmed else ""))

    def print_report(self, path: str | None = None) -> None:
        try:
            start, end = support_report.parse_period(self.period.text(), today=self.today)
        except DomainError as error:
            show_error(self, error)
            return
        end = min(end, self.today)
        db, actor = self.context.db, self.context.actor
        self.print_to_file(f"bao-cao-ho-tro-{start:%Y%m%d}-{end:%Y%m%d}.pdf",
                           lambda target: support_printing.print_report(db, actor, start, end, target), path)
