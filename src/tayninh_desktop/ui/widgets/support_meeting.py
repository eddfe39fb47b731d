"""The support policy as an item of a cell meeting's agenda, on the meetings page: a tick box under the meeting's
fields; saving with it ticked marks everyone present as told (services.support_presentation), and the page says
who was absent and is to be told in person."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import meetings, support_presentation, support_reference
from tayninh_desktop.ui import strings_support as s
from tayninh_desktop.ui.context import UiContext


def presentation_box(context: UiContext, today: date) -> QCheckBox:
    plan = support_reference.book(context.db).plan_on(today)
    box = QCheckBox(s.MEETING_PRESENTED.format(plan=plan.code if plan else "?"), objectName="meeting_support")
    box.setToolTip(s.MEETING_PRESENTED_HINT)
    return box


def was_presented(context: UiContext, meeting_id: str | None) -> bool:
    if not meeting_id:
        return False
    try:
        return support_presentation.presentation_of(context.db, context.actor, meeting_id) is not None
    except DomainError:
        return False


def save_meeting(context: UiContext, box: QCheckBox, meeting_id: str | None, cell_id, form, **kwargs):
    """Save through the presentation action when the item is ticked, or was on the agenda before (to take it
    off); otherwise exactly as the meetings page always did. Returns (result, error) like ``attempt``."""
    if box.isChecked() or was_presented(context, meeting_id):
        return context.attempt(support_presentation.record_meeting, cell_id, form, presented=box.isChecked(),
                               meeting_id=meeting_id, **kwargs)
    return context.attempt(meetings.record_meeting, cell_id, form, meeting_id=meeting_id, **kwargs)


def told_message(context: UiContext, meeting_id: str) -> str:
    """"Đã ghi 12 người có mặt được thông tin… Cần thông tin trực tiếp cho người vắng: …" (or "")."""
    try:
        shown = support_presentation.presentation_of(context.db, context.actor, meeting_id)
    except DomainError:
        return ""
    if shown is None:
        return ""
    text = s.MEETING_TOLD.format(count=len(shown.told))
    if shown.to_tell:
        text += " " + s.MEETING_TO_TELL.format(names=", ".join(name for _, name, _ in shown.to_tell))
    return text
