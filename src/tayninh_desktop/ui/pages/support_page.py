"""The "Hỗ trợ đảng viên" page: the support programme for members in hardship (Kế hoạch 90-KH/TU and what
follows it). On top, the plan in force and whether its values are confirmed; below, one tab per part of the
work: finding and telling, loans, applications, the fund, the report, the reference data.

Household circumstances and loans are sensitive: an account without the permission sees only a notice.
Tabs load when first shown and refresh when a user action changed what they show (pages never poll).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from tayninh_desktop.domain.actors import Permission
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.vn_money import format_percent
from tayninh_desktop.services import support_reference
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_support as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.tasks import TaskRunner

FIELD_WORDS = {"rounding": "cách làm tròn", "max_principal": "vốn vay tối đa", "max_per_member_year": "mức tối đa/năm",
               "max_months": "thời gian hỗ trợ", "checklist": "danh mục hồ sơ", "doc_number": "số văn bản"}


class SupportPage(QWidget):
    def __init__(self, context: UiContext, today: date | None = None, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.context = context
        self.today = today or date.today()
        self.runner = runner or TaskRunner()
        title = QLabel(s.TITLE)
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.plan_line = QLabel(objectName="support_plan_line", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.plan_line)
        self.tabs = QTabWidget(objectName="support_tabs")
        self.loaded: set[int] = set()
        try:
            context.actor.require(Permission.HOUSEHOLD_DATA)
        except DomainError:
            notice = QLabel(s.NOT_ALLOWED, objectName="support_not_allowed")
            layout.addWidget(notice)
            layout.addStretch(1)
            self.tabs.hide()
            self.show_plan()
            return
        self._build_tabs()
        layout.addWidget(self.tabs, 1)
        self.show_plan()
        self.tabs.currentChanged.connect(self._shown)
        context.changed.connect(self.on_changes)
        self._shown(0)

    def _build_tabs(self) -> None:
        from tayninh_desktop.ui.pages.support_applications_tab import ApplicationsTab
        from tayninh_desktop.ui.pages.support_fund_tab import FundTab
        from tayninh_desktop.ui.pages.support_loans_tab import LoansTab
        from tayninh_desktop.ui.pages.support_reference_tab import ReferenceTab
        from tayninh_desktop.ui.pages.support_report_tab import ReportTab
        from tayninh_desktop.ui.pages.support_screen_tab import ScreenTab

        self.screening = ScreenTab(self.context, self.runner, self.today)
        self.loans = LoansTab(self.context, self.runner, self.today)
        self.applications = ApplicationsTab(self.context, self.runner, self.today)
        self.fund = FundTab(self.context, self.runner, self.today)
        self.report = ReportTab(self.context, self.runner, self.today)
        self.reference = ReferenceTab(self.context, self.runner)
        for tab, text in ((self.screening, s.TAB_SCREEN), (self.loans, s.TAB_LOANS),
                          (self.applications, s.TAB_APPLICATIONS), (self.fund, s.TAB_FUND),
                          (self.report, s.TAB_REPORT), (self.reference, s.TAB_REFERENCE)):
            self.tabs.addTab(tab, text)

    def show_plan(self) -> None:
        plan = support_reference.book(self.context.db).plan_on(self.today)
        if plan is None:
            self.plan_line.setText(s.PLAN_NONE)
            return
        citation = "chưa có số hiệu" if plan.doc_number.startswith("(") else plan.citation
        text = s.PLAN_LINE.format(name=plan.name, citation=citation, share=format_percent(plan.share_bp))
        if plan.unconfirmed:
            fields = ", ".join(FIELD_WORDS.get(f, f) for f in plan.unconfirmed_fields) or s.ALL_FIELDS
            text += s.PLAN_UNCONFIRMED.format(fields=fields)
        self.plan_line.setText(text)

    def show_tab(self, index: int) -> QWidget:
        self.tabs.setCurrentIndex(index)
        self._shown(index)
        return self.tabs.widget(index)

    def _shown(self, index: int) -> None:
        if index < 0 or index in self.loaded:
            return
        self.loaded.add(index)
        self.tabs.widget(index).reload()

    def on_changes(self, changes: Changes) -> None:
        if changes.settings or changes.support:
            self.show_plan()
        current = self.tabs.currentIndex()
        self.loaded = {current} if current >= 0 else set()   # the others reload when shown again
        if current >= 0:
            self.tabs.widget(current).on_changes(changes)
