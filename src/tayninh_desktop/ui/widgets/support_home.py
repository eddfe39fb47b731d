"""The support programme's line on the home page: how many members who may be eligible for the support have not
been told of the policy, per cell (the seed's failure: the policy never reached those it was for).

Computed on the worker after the window is shown and after each change that can move the figures; hidden for
an account that may not see household data. Follows the home page's cell filter.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from tayninh_desktop.domain.actors import Permission
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings_support as s
from tayninh_desktop.ui.context import UiContext
from tayninh_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:   # the screening loads on the worker, with the first count (not at start-up)
    from tayninh_desktop.services.support_screening import CellCount

START_DELAY_MS = 600
SHOWN_CELLS = 4


class SupportHomeLine(QLabel):
    def __init__(self, context: UiContext, runner: TaskRunner, today: date | None = None) -> None:
        super().__init__(objectName="home_support")
        self.context, self.runner, self.today = context, runner, today
        self.counts: list[CellCount] | None = None
        self.cell_id: str | None = None
        self._stale = False
        self.setWordWrap(True)
        self.linkActivated.connect(self.open_support)
        self.setStyleSheet("padding: 4px; background: #fff8e1; border: 1px solid #f0d58c;")
        try:
            context.actor.require(Permission.HOUSEHOLD_DATA)
        except DomainError:
            self.hide()
            return
        self.setText(s.HOME_SUPPORT_COMPUTING)
        context.changed.connect(self.on_changes)
        QTimer.singleShot(START_DELAY_MS, self.refresh)

    def refresh(self) -> None:
        """Compute on the worker; a hidden line (its window closed or not shown yet) waits until it is shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        db, path, actor, today = self.context.db, self.context.db_path, self.context.actor, self.today
        self.runner.run(lambda: _untold_counts(db, path, actor, today), self._computed, self._failed)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _computed(self, counts: list[CellCount]) -> None:
        self.counts = counts
        self.show_cell(self.cell_id)

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, DomainError):
            raise error
        self.setText(error.message)

    def show_cell(self, cell_id: str | None) -> None:
        """The figures of one cell, or of the committee with the cells that have most to tell."""
        self.cell_id = cell_id
        if self.counts is None:
            return
        counts = [c for c in self.counts if cell_id in (None, c.cell_id)]
        eligible, unknown = sum(c.untold_eligible for c in counts), sum(c.untold_unknown for c in counts)
        if not eligible and not unknown:
            self.setText(s.HOME_SUPPORT_NONE)
            return
        top = [c for c in counts if c.untold_eligible][:SHOWN_CELLS]
        cells = "" if cell_id or not top else s.HOME_SUPPORT_CELLS.format(
            cells=", ".join(f"{c.cell_name}: {c.untold_eligible}" for c in top)
            + (", …" if len([c for c in counts if c.untold_eligible]) > SHOWN_CELLS else ""))
        self.setText(s.HOME_SUPPORT.format(eligible=eligible, unknown=unknown, cells=cells) + s.HOME_SUPPORT_LINK)

    def open_support(self, _link: str = ""):
        """Open the support page on the members not yet told (of the cell chosen here)."""
        window = self.window()
        if not hasattr(window, "show_page"):
            return None
        page = window.show_page("support")
        screen = getattr(page, "screening", None)
        if screen is not None:
            page.show_tab(0)
            screen.untold.setChecked(True)
            screen.cell.setCurrentIndex(max(screen.cell.findData(self.cell_id), 0))
        return page

    def on_changes(self, changes: Changes) -> None:
        if changes.support or changes.members or changes.history or changes.party_life or changes.settings:
            self.refresh()


def _untold_counts(db, path: str, actor, today: date | None) -> list[CellCount]:
    from tayninh_desktop.services.support_screening import untold_counts_in

    return untold_counts_in(db, path, actor, today)
