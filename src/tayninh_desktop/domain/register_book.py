"""The columns 9–13 of the sổ danh sách đảng viên (Mẫu 7-HSĐV) that the register fills from member events.

One pure function for every output of the Mẫu 7 (the printed PDF and the xlsx export): bộ đội / công
an / hưu trí (from the occupation: the register keeps no such field), the last transfer out and in,
death, and leaving the Party with its form and date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date

from tayninh_desktop.domain.lifecycle import EventKind, MemberEvent
from tayninh_desktop.domain.messages_register import EVENT_LABELS

SERVICE_WORDS = (("công an", "Công an"), ("bộ đội", "Bộ đội"), ("quân nhân", "Bộ đội"), ("quân đội", "Bộ đội"),
                 ("hưu", "Hưu trí"))
LEAVING_KINDS = (EventKind.STRUCK_OFF, EventKind.EXPELLED, EventKind.LEFT_ON_REQUEST, EventKind.SETTLED_ABROAD)
REGISTER_KINDS = tuple(k.value for k in (EventKind.TRANSFER_IN, EventKind.TRANSFER_OUT, EventKind.DIED,
                                         *LEAVING_KINDS))


@dataclass(frozen=True)
class RegisterColumns:
    """The values of columns 9–13 for one member ("" / None where nothing is recorded)."""

    service: str = ""
    moved_out_on: date | None = None
    moved_out_to: str = ""
    moved_in_on: date | None = None
    moved_in_from: str = ""
    died_on: date | None = None
    death_reason: str = ""
    left_on: date | None = None
    left_form: str = ""

    def filled(self) -> dict[str, object]:
        """The fields that have a value (what a form's row takes)."""
        return {k: v for k, v in asdict(self).items() if v not in ("", None)}


def service_of(occupation: str) -> str:
    """ "Bộ đội", "Công an" or "Hưu trí" when the occupation says so, else ""."""
    low = occupation.lower()
    return next((label for word, label in SERVICE_WORDS if word in low), "")


def register_columns(occupation: str, events: Iterable[MemberEvent]) -> RegisterColumns:
    """Columns 9–13 of one member from the member's events (in date order; the last event of each kind counts).

    Leaving the Party takes the last of xóa tên, khai trừ, xin ra khỏi Đảng, định cư nước ngoài.
    """
    last: dict[EventKind, MemberEvent] = {}
    leaving: MemberEvent | None = None
    for event in events:
        last[event.kind] = event
        if event.kind in LEAVING_KINDS:
            leaving = event
    moved_in, moved_out, died = (last.get(k) for k in (EventKind.TRANSFER_IN, EventKind.TRANSFER_OUT, EventKind.DIED))
    return RegisterColumns(
        service=service_of(occupation),
        moved_out_on=moved_out.event_date if moved_out else None, moved_out_to=moved_out.place if moved_out else "",
        moved_in_on=moved_in.event_date if moved_in else None,
        moved_in_from=(moved_in.place or moved_in.doc_issuer) if moved_in else "",
        died_on=died.event_date if died else None, death_reason=died.notes if died else "",
        left_on=leaving.event_date if leaving else None,
        left_form=EVENT_LABELS[leaving.kind.value] if leaving else "",
    )
