"""What every page is given: the register, the person acting, and the one way to run a user action.

``run_action`` calls a service function, shows a refused action as a Vietnamese message, and tells
every page what changed (Anki's operation_did_execute): pages refresh on ``changed`` and never poll.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.ui import strings


class UiContext(QObject):
    changed = Signal(object)  # Changes
    open_member_requested = Signal(str)

    def __init__(self, db, actor: Actor, db_path: str = "") -> None:
        super().__init__()
        self.db = db
        self.actor = actor
        self.db_path = db_path
        self._cells: list | None = None
        self.changed.connect(self._forget)  # connected first, so it runs before any page refreshes

    def cells(self) -> list:
        """The committee's open cells in alphabetical order, read once and kept until the organisation changes:
        every page's cell filter shows them, and there are thousands at a province's size."""
        if self._cells is None:
            from tayninh_desktop.services import organisation

            self._cells = organisation.cells(self.db)
            if self.actor.scoped:   # a cell secretary's filters offer their cell only
                self._cells = [c for c in self._cells if c.id == self.actor.cell_id]
        return self._cells

    def _forget(self, changes: Changes) -> None:
        if changes.organisation:
            self._cells = None

    def run_action(self, parent: QWidget | None, action: Callable[..., Any], *args, **kwargs) -> Any:
        """Run a service action; on refusal show why and return None; broadcast its Changes."""
        result, error = self.attempt(action, *args, **kwargs)
        if error is not None:
            show_error(parent, error)
        return result

    def attempt(self, action: Callable[..., Any], *args, **kwargs) -> tuple[Any, DomainError | None]:
        """Run a service action for a page that shows refusals itself (under its fields): (result, error)."""
        try:
            result = action(self.db, self.actor, *args, **kwargs)
        except DomainError as error:
            return None, error
        changes = result[1] if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], Changes) \
            else result if isinstance(result, Changes) else None
        if changes is not None:
            self.changed.emit(changes)
        return result, None


def show_error(parent: QWidget | None, error: DomainError) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, strings.ERROR_TITLE, error.message, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("error_box")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def confirm(parent: QWidget | None, text: str) -> bool:
    answer = QMessageBox.question(parent, strings.CONFIRM_TITLE, text)
    return answer == QMessageBox.StandardButton.Yes
