"""Values that forms take from other areas of the register: the signers of each unit, a recorded
meeting (chair, secretary, attendance), the member events behind the Mẫu 7-HSĐV columns 9–13.

A meeting form prefills from the meeting recorded in party life when there is one that day;
otherwise from the cell's members on the date (the counts are known, who came is not).
"""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain import register_book
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import FieldIssue, ValidationError
from tayninh_desktop.domain.members import Member
from tayninh_desktop.domain.messages_party_life import MEETING_KIND_LABELS
from tayninh_desktop.domain.messages_register import EVENT_LABELS
from tayninh_desktop.domain.org import Unit
from tayninh_desktop.domain.party_life import AttendanceState, Meeting
from tayninh_desktop.domain.register_book import REGISTER_KINDS
from tayninh_desktop.domain.vn_text import nfc
from tayninh_desktop.services import meetings
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.signers import SIGNERS_KEY, signers  # also read from here by the papers
from tayninh_desktop.storage import audit, documents_repo, members_repo, settings_repo, units_repo
from tayninh_desktop.storage.db import Database

NAME_LIMIT = 80


def set_signers(db: Database, actor: Actor, unit_id: str, secretary: str, deputy: str) -> Changes:
    """Record who signs for a unit (the committee or a cell): its bí thư and phó bí thư."""
    actor.require(Permission.EDIT_ORGANISATION)
    secretary, deputy = " ".join(nfc(secretary).split()), " ".join(nfc(deputy).split())
    issues = [FieldIssue(field, "signer_name_too_long", {"value": len(value)})
              for field, value in (("secretary", secretary), ("deputy", deputy)) if len(value) > NAME_LIMIT]
    if issues:
        raise ValidationError(issues)
    with db.atomic():
        stored = settings_repo.get(db, SIGNERS_KEY, {}) or {}
        before = stored.get(unit_id)
        stored[unit_id] = {"secretary": secretary, "deputy": deputy}
        settings_repo.put(db, SIGNERS_KEY, stored)
        audit.append(db, actor.name, "set_signers", "settings", unit_id, before, stored[unit_id])
    return Changes(settings=True, documents=True)


def recorded_meeting(db: Database, cell_id: str, on: date) -> Meeting | None:
    """The meeting party life recorded for the cell that day, if any."""
    return next((m for m in meetings.meetings_of_cell(db, cell_id, on.year) if m.meeting_date == on), None)


def _chair_name(db: Database, chair: str) -> str:
    # Party life records the chair as typed, or (its demo) as the member's id.
    if len(chair) == 36 and chair.count("-") == 4:
        member = members_repo.get(db, chair)
        return member.full_name if member else ""
    return chair


def _role(member: Member, names: tuple[str, str], note: str) -> str:
    """The attendance sheet's "Chức vụ / ghi chú": the secretaries, else the member's situation that day."""
    if member.full_name == names[0]:
        return "; ".join(p for p in ("Bí thư", note) if p)
    if member.full_name == names[1]:
        return "; ".join(p for p in ("Phó Bí thư", note) if p)
    return note


def meeting_values(db: Database, cell: Unit, on: date, members: list[Member], rows: list[dict]) -> dict:
    """Chair, secretary, attendance of the cell's meeting on ``on``; fills the rows' role and reason."""
    names = signers(db, cell.id)
    for member, row in zip(members, rows, strict=True):
        row["role"] = _role(member, names, str(row.get("status_note", "")))
    meeting = recorded_meeting(db, cell.id, on)
    if meeting is None:
        return {"chair": names[0], "chair_role": "Bí thư chi bộ" if names[0] else "", "meeting_recorded": False}
    chair = _chair_name(db, meeting.chair) or names[0]
    lines = meetings.attendance_lines(db, meeting.id)
    by_member = {line.member_id: line for line in lines}
    absent = [line for line in lines if line.state in (AttendanceState.EXCUSED, AttendanceState.UNEXCUSED)]
    for member, row in zip(members, rows, strict=True):
        line = by_member.get(member.id)
        if line and line.state is not AttendanceState.PRESENT:
            row["reason"] = line.reason or ("Có lý do" if line.state is AttendanceState.EXCUSED else
                                            "Không có lý do" if line.state is AttendanceState.UNEXCUSED else "Miễn")
    absent_text = ", ".join(f"{line.full_name} ({line.reason or 'có lý do'})" if line.state is AttendanceState.EXCUSED
                            else f"{line.full_name} (không có lý do)" for line in absent)
    return {
        "chair": chair, "chair_role": "Bí thư chi bộ" if chair and chair == names[0] else "",
        "secretary": _chair_name(db, meeting.secretary),   # "" leaves the dots to write by hand
        "meeting_kind": MEETING_KIND_LABELS.get(meeting.kind.value, "").lower(), "meeting_recorded": True,
        "present": sum(line.state is AttendanceState.PRESENT for line in lines),
        "absent": len(absent), "absent_names": absent_text or "không",
        "absent_excused": sum(line.state is AttendanceState.EXCUSED for line in lines),
        "absent_unexcused": sum(line.state is AttendanceState.UNEXCUSED for line in lines),
        "required": sum(line.state is not AttendanceState.NOT_REQUIRED for line in lines),
        "meeting_summary": meeting.summary,
    }


def register_columns(db: Database, rows: list[dict]) -> None:
    """Fill the Mẫu 7-HSĐV columns 9–13 of member rows from their events (``domain.register_book``)."""
    events = documents_repo.member_events(db, [r["id"] for r in rows], REGISTER_KINDS)
    by_member: dict[str, list] = {}
    for event in events:
        by_member.setdefault(event.member_id, []).append(event)
    for row in rows:
        columns = register_book.register_columns(str(row.get("occupation", "")), by_member.get(row["id"], ()))
        row["service"] = columns.service
        row.update(columns.filled())


def left_in_year(db: Database, unit: Unit, year: int, cell: bool) -> list[str]:
    """Members who left the committee (or the cell) during ``year``: the Mẫu 7 keeps them, with the date."""
    return documents_repo.members_left_between(db, date(year, 1, 1), date(year, 12, 31), unit.id if cell else None)


def member_record(db: Database, member: Member, on: date) -> dict:
    """A member's history and a year of attendance, for the annex of a meeting dossier."""
    from tayninh_desktop.services import party_life, register

    def cell_name(cell_id: str | None) -> str:   # as the cell was called on the paper's date
        version = units_repo.version_on(db, cell_id, on) if cell_id else None
        return version.name if version else (party_life.cell_names(db).get(cell_id or "", "") if cell_id else "")

    history = [{"date": format_vn_date(e.event_date), "event": EVENT_LABELS.get(e.kind.value, e.kind.value),
                "cell": cell_name(e.cell_id),
                "doc": " ".join(p for p in (e.doc_number, f"ngày {format_vn_date(e.doc_date)}" if e.doc_date else "",
                                            e.doc_issuer) if p), "notes": e.notes}
               for e in register.history(db, member.id)]
    attended = [a for m, a in meetings.member_attendance(db, member.id, on.year) if m.meeting_date <= on]
    counts = {state: sum(a.state is state for a in attended) for state in AttendanceState}
    unexcused = [m.meeting_date.strftime("%m") for m, a in meetings.member_attendance(db, member.id, on.year)
                 if a.state is AttendanceState.UNEXCUSED and m.meeting_date <= on]
    required = len(attended) - counts[AttendanceState.NOT_REQUIRED]
    attendance = (f"Năm {on.year} (đến ngày {format_vn_date(on)}): có mặt {counts[AttendanceState.PRESENT]}/{required}"
                  f" kỳ họp phải dự; vắng có lý do {counts[AttendanceState.EXCUSED]}; vắng không có lý do"
                  f" {counts[AttendanceState.UNEXCUSED]}" + (f" (tháng {', '.join(unexcused)})" if unexcused else "")
                  + ".") if attended else f"Năm {on.year}: chưa ghi kỳ họp nào có đồng chí này."
    return {"history": history, "attendance_text": attendance}
