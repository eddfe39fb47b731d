"""The "Báo cáo cấp trên" page: sending this unit's return (check, explain the warnings, pick the USB stick,
write, read back, "có thể rút USB"), the superior's board of the units reporting here, and the key cards.

A superior that keeps no register of its own members (a provincial committee) opens on the board. Every action
goes through ``UiContext.run_action`` (the same service functions as the command line); the long ones (counting
the forms, importing a stick) run on the worker. Tabs refresh when a user action changed what they show.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from tayninh_desktop.domain.org import UnitType
from tayninh_desktop.services import organisation
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_returns as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.tasks import TaskRunner

RECEIVING_LEVELS = (UnitType.PROVINCE_COMMITTEE, UnitType.DISTRICT_COMMITTEE)


def receives_only(context: UiContext) -> bool:
    """A superior level (tỉnh ủy, huyện ủy): it receives returns and may keep no register of its own."""
    home = organisation.home_unit(context.db)
    return home is not None and home.unit_type in RECEIVING_LEVELS


class ReturnsPage(QWidget):
    def __init__(self, context: UiContext, today: date | None = None, runner: TaskRunner | None = None) -> None:
        super().__init__()
        from tayninh_desktop.ui.pages.returns_board_tab import BoardTab
        from tayninh_desktop.ui.pages.returns_keys_tab import KeysTab
        from tayninh_desktop.ui.pages.returns_send_tab import SendTab

        self.context = context
        self.today = today or date.today()
        self.runner = runner or TaskRunner()
        title = QLabel(s.TITLE)
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.tabs = QTabWidget(objectName="returns_tabs")
        self.send = SendTab(context, self.runner, self.today)
        self.board = BoardTab(context, self.runner, self.today)
        self.keys = KeysTab(context)
        for tab, text in ((self.send, s.TAB_SEND), (self.board, s.TAB_BOARD), (self.keys, s.TAB_KEYS)):
            self.tabs.addTab(tab, text)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        if receives_only(context):
            self.tabs.setCurrentWidget(self.board)
        self.loaded: set[int] = set()
        self.tabs.currentChanged.connect(self._shown)
        context.changed.connect(self.on_changes)
        self._shown(self.tabs.currentIndex())

    def show_tab(self, widget: QWidget) -> QWidget:
        self.tabs.setCurrentWidget(widget)
        self._shown(self.tabs.currentIndex())
        return widget

    def _shown(self, index: int) -> None:
        if index < 0 or index in self.loaded:
            return
        self.loaded.add(index)
        self.tabs.widget(index).reload()

    def on_changes(self, changes: Changes) -> None:
        if not (changes.settings or changes.organisation or changes.members or changes.history):
            return
        current = self.tabs.currentIndex()
        self.loaded = set()
        self._shown(current)
