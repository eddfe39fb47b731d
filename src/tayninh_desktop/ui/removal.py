"""Confirmation before a removal-type step (xóa tên, khai trừ, ra khỏi Đảng, định cư nước ngoài, từ trần) and
before deleting an event: the question names the member and says what follows, with buttons that say what
they do ("Ghi «Xóa tên»" / "Không ghi"), Escape meaning no."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox, QWidget

from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.services import organisation, register
from tayninh_desktop.ui import strings
from tayninh_desktop.ui import strings_window as sw


def named_box(parent: QWidget | None, title: str, text: str, informative: str, yes: str, no: str) -> QMessageBox:
    """The question itself, "no" the default (built apart so that the screenshots script can show it)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirm_box")
    box.setInformativeText(informative)
    box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    return box


def ask_named(parent: QWidget | None, title: str, text: str, informative: str, yes: str, no: str) -> bool:
    """A question whose buttons name the action; True only when the person clicks ``yes``."""
    box = named_box(parent, title, text, informative, yes, no)
    box.exec()
    clicked = box.clickedButton()
    answer = clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.AcceptRole
    box.deleteLater()
    return answer


def removal_question(context, member_id: str, kind: EventKind, on: date | None) -> tuple[str, str, str, str, str] | None:
    """(title, text, informative, yes, no) of the removal question, or None for an event that needs none."""
    consequence = sw.REMOVAL_CONSEQUENCE.get(kind.value)
    if consequence is None:
        return None
    name, cell = _who(context, member_id)
    event = strings.event_label(kind.value)
    text = sw.REMOVAL_TEXT.format(event=event, name=name, cell=cell or "—", date=strings.date_text(on))
    return (sw.REMOVAL_TITLE.format(event=event), text, f"{consequence}\n\n{sw.REMOVAL_UNDO}",
            sw.REMOVAL_YES.format(event=event), sw.REMOVAL_NO)


def _who(context, member_id: str) -> tuple[str, str]:
    member = register.get_member(context.db, member_id)
    names = {c.id: c.name for c in organisation.cells(context.db, include_closed=True)}
    return member.full_name, names.get(member.cell_id or "", "")


def confirm_removal(parent: QWidget | None, context, member_id: str, kind: EventKind, on: date | None) -> bool:
    """Ask before recording a removal-type event; any other event needs no question (True)."""
    question = removal_question(context, member_id, kind, on)
    return True if question is None else ask_named(parent, *question)


def confirm_event_deletion(parent: QWidget | None, context, member_id: str, event: str, day: str) -> bool:
    """Ask before deleting an event of a member's history, naming the member and what is recomputed."""
    name, _cell = _who(context, member_id)
    status = strings.status_label(register.get_member(context.db, member_id).status.value)
    return ask_named(parent, sw.DELETE_EVENT_TITLE, sw.DELETE_EVENT_TEXT.format(event=event, date=day, name=name),
                     sw.DELETE_EVENT_CONSEQUENCE.format(status=status), sw.DELETE_EVENT_YES, sw.DELETE_EVENT_NO)
