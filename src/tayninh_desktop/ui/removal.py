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


def ask_named(parent: QWidget | None, title: str, text: str, informative: str, yes: str, no: str) -> bool:
    """A question whose buttons name the action; True only when the person clicks ``yes``."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirm_box")
    box.setInformativeText(informative)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    answer = box.clickedButton() is yes_button
    box.deleteLater()
    return answer


def _who(context, member_id: str) -> tuple[str, str]:
    member = register.get_member(context.db, member_id)
    names = {c.id: c.name for c in organisation.cells(context.db, include_closed=True)}
    return member.full_name, names.get(member.cell_id or "", "")


def confirm_removal(parent: QWidget | None, context, member_id: str, kind: EventKind, on: date | None) -> bool:
    """Ask before recording a removal-type event; any other event needs no question (True)."""
    consequence = sw.REMOVAL_CONSEQUENCE.get(kind.value)
    if consequence is None:
        return True
    name, cell = _who(context, member_id)
    event = strings.event_label(kind.value)
    text = sw.REMOVAL_TEXT.format(event=event, name=name, cell=cell or "—", date=strings.date_text(on))
    return ask_named(parent, sw.REMOVAL_TITLE.format(event=event), text, f"{consequence}\n\n{sw.REMOVAL_UNDO}",
                     sw.REMOVAL_YES.format(event=event), sw.REMOVAL_NO)


def confirm_event_deletion(parent: QWidget | None, context, member_id: str, event: str, day: str) -> bool:
    """Ask before deleting an event of a member's history, naming the member and what is recomputed."""
    name, _cell = _who(context, member_id)
    status = strings.status_label(register.get_member(context.db, member_id).status.value)
    return ask_named(parent, sw.DELETE_EVENT_TITLE, sw.DELETE_EVENT_TEXT.format(event=event, date=day, name=name),
                     sw.DELETE_EVENT_CONSEQUENCE.format(status=status), sw.DELETE_EVENT_YES, sw.DELETE_EVENT_NO)
