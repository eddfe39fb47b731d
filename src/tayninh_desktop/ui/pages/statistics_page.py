"""The "Thống kê" page: the basic statistical forms of a period on screen (this period and the same period last
year, computed from the register's history), the figures the register cannot know typed per period, the
party badges and cards given, and the province scope of official transfers (what Biểu 1 and 7 count).

A page of its own rather than a tab of "Văn bản": the clerk works here by period (a half year, a year), going
through every form, its typed rows and its check before the return goes up; "Văn bản" prints one paper. The
forms are computed on the TaskRunner's worker (a second or two at a superior's size) and again only when the
period changes or a user action changed what they count.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_statistics as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.pages.statistics_awards_tab import AwardsTab
from tayninh_desktop.ui.pages.statistics_forms_tab import FormsTab
from tayninh_desktop.ui.pages.statistics_transfers_tab import TransfersTab
from tayninh_desktop.ui.tasks import TaskRunner
from tayninh_desktop.ui.widgets.period_choice import PeriodChoice


def _last_closed_half(today: date) -> str:
    """The period a clerk most often reports: the half year just ended (the one running in July–December)."""
    return f"{today.year}-H1" if today.month >= 7 else f"{today.year - 1}-H2"


class StatisticsPage(QWidget):
    def __init__(self, context: UiContext, today: date | None = None, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.context = context
        self.runner = runner or TaskRunner()
        today = today or date.today()
        title = QLabel(s.TITLE)
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        help_line = QLabel(s.HELP, wordWrap=True)
        help_line.setStyleSheet("color: #444;")
        self.period = PeriodChoice(today.year, self)
        self.period.set_code(_last_closed_half(today))
        self.as_of = QDateEdit(QDate(today.year, today.month, today.day), objectName="stats_as_of",
                               calendarPopup=True, displayFormat="dd/MM/yyyy")
        refresh = QPushButton(s.REFRESH, objectName="stats_refresh")
        bar = QHBoxLayout()
        for widget in (QLabel(s.PERIOD), self.period.year, self.period.part, QLabel(s.AS_OF), self.as_of, refresh):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.forms = FormsTab(context, self.runner, self.current)
        self.awards = AwardsTab(context, self.current)
        self.transfers = TransfersTab(context, self.current)
        self.tabs = QTabWidget(objectName="stats_tabs")
        for tab, text in ((self.forms, s.TAB_FORMS), (self.awards, s.TAB_AWARDS), (self.transfers, s.TAB_TRANSFERS)):
            self.tabs.addTab(tab, text)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(help_line)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        self.stale: set[int] = set()
        self.period.changed.connect(self.reload)
        self.as_of.dateChanged.connect(lambda _d: self.reload())
        refresh.clicked.connect(self.reload)
        self.tabs.currentChanged.connect(self._shown)
        context.changed.connect(self.on_changes)
        self.reload()

    def current(self) -> tuple[str, date]:
        """The period chosen and the day the figures are taken on."""
        day = self.as_of.date()
        return self.period.code(), date(day.year(), day.month(), day.day())

    def reload(self) -> None:
        """The tab on screen reloads now, the others when shown."""
        self.stale = set(range(self.tabs.count()))
        self._shown(self.tabs.currentIndex())

    def _shown(self, index: int) -> None:
        if index in self.stale:
            self.stale.discard(index)
            self.tabs.widget(index).reload()

    def on_changes(self, changes: Changes) -> None:
        if changes.members or changes.history or changes.documents or changes.party_life or changes.organisation:
            self.reload()
