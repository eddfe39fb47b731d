"""Nothing typed is lost: ONE unsaved-changes guard shared by every editor (dialogs and pages).

An editor makes an ``UnsavedGuard`` with three callables:

- ``snapshot()`` — the values as they stand now (any comparable value: a dict of the fields, the grid's rows);
- ``save()`` — save them the way the editor's own "Lưu" does; truthy when saved;
- ``what()`` — what is being edited, for the question ("Buổi sinh hoạt ngày 10/07/2026 của Chi bộ ấp Cầu Xe");

and, for a page that stays on screen, ``discard()`` — put back what was last loaded. The editor calls
``guard.mark_clean()`` after every load and every save. Before anything that would drop the typed work —
closing the dialog or the window, switching record, cell, month, year or page, quitting, switching register —
the code asks ``guard.allow_leave()``: with nothing changed it is True at once; else the person chooses
Lưu / Không lưu / Ở lại (Escape = Ở lại). ``allow_leave_all(widget)`` asks every guard inside a widget (the
main window uses it for page switches and for closing). Dialogs use ``GuardedDialog`` (its ``reject`` — the
Đóng button, Escape, the window's ×, all go through it — asks first). Combo boxes and spin boxes that switch
what an editor shows use ``guard_combo`` / ``guard_spin`` (the choice is put back when the person stays).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QDialog, QMessageBox, QSpinBox, QWidget

from tayninh_desktop.ui import strings_window as sw

SAVE, DISCARD, STAY = "save", "discard", "stay"


class UnsavedGuard(QObject):
    def __init__(self, owner: QWidget, *, snapshot: Callable[[], Any], save: Callable[[], Any],
                 what: Callable[[], str], discard: Callable[[], None] | None = None) -> None:
        super().__init__(owner)
        self.setObjectName("unsaved_guard")
        # The callables are bound to the editor: dropped when the editor is destroyed, so that no Python cycle
        # keeps a dead editor's wrapper alive.
        calls = self._calls = {"snapshot": snapshot, "save": save, "what": what, "discard": discard}
        self.destroyed.connect(lambda *_: calls.clear())
        self._clean: Any = None
        self._tracking = False
        self.retired = False   # a closed dialog: its leftovers are not "unsaved work" any more

    @property
    def owner(self) -> QWidget:
        return self.parent()

    def _call(self, name: str):
        function = self._calls.get(name)
        return function() if function is not None else None

    def mark_clean(self) -> None:
        """What the editor shows now is what is stored (just loaded, or just saved)."""
        self._clean = self._call("snapshot")
        self._tracking = True

    def is_dirty(self) -> bool:
        return self._tracking and not self.retired and bool(self._calls) and self._call("snapshot") != self._clean

    def allow_leave(self) -> bool:
        """True when the work may be dropped: nothing changed, saved now, or the person chose not to save."""
        if not self.is_dirty():
            return True
        choice = ask_unsaved(self.owner, self._call("what"))
        if choice == STAY:
            return False
        if choice == DISCARD:
            self._call("discard")
            self.mark_clean()
            return True
        saved = self._call("save")
        return saved is not None and saved is not False and not self.is_dirty()


def unsaved_box(parent: QWidget | None, what: str) -> QMessageBox:
    """The question itself (built apart so that the screenshots script can show it)."""
    box = QMessageBox(QMessageBox.Icon.Question, sw.UNSAVED_TITLE, sw.UNSAVED_TEXT.format(what=what),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("unsaved_box")
    box.setInformativeText(sw.UNSAVED_QUESTION)
    box.setDefaultButton(box.addButton(sw.UNSAVED_SAVE, QMessageBox.ButtonRole.AcceptRole))
    box.addButton(sw.UNSAVED_DISCARD, QMessageBox.ButtonRole.DestructiveRole)
    box.setEscapeButton(box.addButton(sw.UNSAVED_STAY, QMessageBox.ButtonRole.RejectRole))
    return box


def ask_unsaved(parent: QWidget | None, what: str) -> str:
    """Lưu / Không lưu / Ở lại about ``what``; Escape and closing the box mean Ở lại."""
    box = unsaved_box(parent, what)
    box.exec()
    role = box.buttonRole(box.clickedButton()) if box.clickedButton() is not None else None
    box.deleteLater()
    if role == QMessageBox.ButtonRole.AcceptRole:
        return SAVE
    return DISCARD if role == QMessageBox.ButtonRole.DestructiveRole else STAY


def live_guards(widget: QWidget) -> list[UnsavedGuard]:
    """The guards inside ``widget`` (itself included) that still hold work: open dialogs and pages."""
    guards = widget.findChildren(UnsavedGuard)
    return [g for g in guards if not g.retired]


def allow_leave_all(widget: QWidget) -> bool:
    """Ask every guard inside ``widget`` in turn; False as soon as the person chooses to stay."""
    return all(guard.allow_leave() for guard in live_guards(widget))


class GuardedDialog(QDialog):
    """A dialog whose typed work is guarded: closing it in any way asks first when something changed.

    Subclasses create ``self.guard = UnsavedGuard(self, …)`` and call ``self.guard.mark_clean()`` once their
    fields are filled."""

    guard: UnsavedGuard | None = None

    def reject(self) -> None:
        if self.guard is not None and self.isVisible() and not self.guard.allow_leave():
            return
        if self.result() == QDialog.DialogCode.Accepted and not self.isVisible():
            return   # saved from the question: the dialog closed itself
        super().reject()

    def done(self, result: int) -> None:
        if self.guard is not None:
            if result == QDialog.DialogCode.Accepted:
                self.guard.mark_clean()     # what it shows was saved
            self.guard.retired = True
        super().done(result)

    def showEvent(self, event) -> None:
        if self.guard is not None:
            self.guard.retired = False
        super().showEvent(event)


def guard_combo(combo: QComboBox, guard: UnsavedGuard, apply: Callable[[], None]) -> Callable[[], None]:
    """``apply()`` when the person picks another item — after the guard allows it; else the old item is put back.
    While the question is open the combo shows the old item again, so that "Lưu" saves what was on screen (the
    old cell), never under the new one. Returns ``remember()``: call it after refilling the combo with its
    signals blocked."""
    state = {"data": combo.currentData()}

    def show(data) -> None:
        combo.blockSignals(True)
        combo.setCurrentIndex(max(combo.findData(data), 0))
        combo.blockSignals(False)

    def changed(_index: int) -> None:
        data = combo.currentData()
        if data == state["data"]:
            return
        show(state["data"])
        if guard.allow_leave():
            show(data)
            state["data"] = data
            apply()

    def remember() -> None:
        state["data"] = combo.currentData()

    combo.currentIndexChanged.connect(changed)
    return remember


def guard_spin(spin: QSpinBox, guard: UnsavedGuard, apply: Callable[[], None]) -> None:
    """The same for a year box; it reacts when the typed year is complete (Enter or leaving the box)."""
    spin.setKeyboardTracking(False)
    state = {"value": spin.value()}

    def show(value: int) -> None:
        spin.blockSignals(True)
        spin.setValue(value)
        spin.blockSignals(False)

    def changed(value: int) -> None:
        if value == state["value"]:
            return
        show(state["value"])
        if guard.allow_leave():
            show(value)
            state["value"] = value
            apply()

    spin.valueChanged.connect(changed)
