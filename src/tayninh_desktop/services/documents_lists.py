"""The member rows of a paper, as the register stood on the paper's date: lists a signer can trust.

- Each row says in its notes what the signer must know: probationary, exempted from party activity,
  working away (until when), in temporary party life elsewhere or hosted here.
- The commune's list has a cell column, and the totals (full, probationary) add up to its rows.
- The sổ danh sách đảng viên (Mẫu 7-HSĐV) is in register order (the order members came onto the
  committee's register) and keeps the members who left during its span, with where they went and why.
- Members of other cells in temporary party life here are not the cell's members: only the attendance
  sheet of a meeting lists them (they attend and sign).
"""

from __future__ import annotations

from datetime import date

from tayninh_desktop.documents.forms import FormDefinition
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.members import Member, MemberStatus, Standing
from tayninh_desktop.domain.messages_register import STATUS_LABELS
from tayninh_desktop.domain.org import Unit
from tayninh_desktop.domain.votes import RosterEntry
from tayninh_desktop.services import documents_context, documents_issuer
from tayninh_desktop.storage import documents_repo, members_repo, roster_repo
from tayninh_desktop.storage.db import Database

NOTE_WORDS = {
    MemberStatus.PROBATIONARY: "Dự bị",
    MemberStatus.EXEMPTED: "Miễn công tác và sinh hoạt đảng",
    MemberStatus.AWAY: "Đi làm ăn xa",
    MemberStatus.TEMP_OUT: "Sinh hoạt tạm thời nơi khác",
    MemberStatus.TEMP_IN: "Sinh hoạt tạm thời (chính thức nơi khác)",
}


def member_row(member: Member, entry: RosterEntry | None = None) -> dict:
    """One member's values as forms print them (standing and status as on the paper's date when given)."""
    birth = str(member.birth_date.year) if member.birth_year_only else member.birth_date
    status = entry.status if entry else member.status
    probationary = entry.standing is Standing.PROBATIONARY if entry else status is MemberStatus.PROBATIONARY
    return {
        "id": member.id, "full_name": member.full_name, "birth_date": birth, "birth_year": member.birth_date.year,
        "gender": member.gender.label, "ethnicity": member.ethnicity, "religion": member.religion,
        "hometown": member.hometown, "current_address": member.current_address,
        "education_general": member.education_general, "political_theory": member.political_theory,
        "education_professional": member.education_professional, "occupation": member.occupation,
        "joined_on": member.joined_on, "full_member_on": member.full_member_on, "card_number": member.card_number,
        "dossier_number": member.dossier_number, "status": STATUS_LABELS.get(status.value, ""),
        "standing": "dự bị" if probationary else "chính thức", "member_notes": member.notes,
    }


def status_note(entry: RosterEntry, away_until: date | None) -> str:
    """The list's note for a member's situation ("" for a full member at home)."""
    words = NOTE_WORDS.get(entry.status, "")
    if entry.status is MemberStatus.EXEMPTED and entry.standing is Standing.PROBATIONARY:
        words = f"Dự bị; {words.lower()}"
    if entry.status is MemberStatus.AWAY and away_until:
        words += f" (đến {format_vn_date(away_until)})"
    return words


def _rows(db: Database, entries: list[RosterEntry], on: date, cell_names: dict[str, str]) -> tuple[list, list]:
    members = members_repo.get_many(db, [e.member_id for e in entries])
    by_id = {m.id: m for m in members}
    away = roster_repo.away_until_on(db, [e.member_id for e in entries if e.status is MemberStatus.AWAY], on)
    rows, objects = [], []
    for entry in entries:
        member = by_id[entry.member_id]
        row = member_row(member, entry)
        note = status_note(entry, away.get(member.id))
        row["notes"] = "; ".join(p for p in (note, member.notes) if p)
        row["status_note"] = note
        if cell_names:
            row["cell"] = cell_names.get(member.id, "")
        rows.append(row)
        objects.append(member)
    return rows, objects


def _cells_of(db: Database, entries: list[RosterEntry], on: date) -> dict[str, str]:
    names = {cell_id: documents_issuer.name_on(db, cell_id, on) for cell_id in {e.cell_id for e in entries} if cell_id}
    return {e.member_id: names.get(e.cell_id or "", "") for e in entries}


def member_list(db: Database, form: FormDefinition, cell: Unit | None, on: date, year: int | None) -> dict:
    """The rows of the paper's member table and the totals printed under it."""
    entries = roster_repo.roster_on(db, cell.id if cell else None, on)
    if "meeting" not in form.scope:
        entries = [e for e in entries if e.status is not MemberStatus.TEMP_IN]
    cell_names = _cells_of(db, entries, on) if cell is None else {}
    rows, objects = _rows(db, entries, on, cell_names)
    full = sum(e.standing is Standing.FULL and e.status is not MemberStatus.TEMP_IN for e in entries)
    out = {"members": rows, "member_objects": objects, "member_count": len(rows), "by_cell": cell is None,
           "list_full": full, "list_probationary": sum(e.standing is Standing.PROBATIONARY for e in entries)}
    if form.source == "member_events":
        out.update(_register_book(db, cell, on, year, rows, objects))
    return out


def _register_book(db: Database, cell: Unit | None, on: date, year: int | None, rows: list, objects: list) -> dict:
    """The Mẫu 7 rows: the members on the register and those who left during the span, in register order."""
    start = date(year or on.year, 1, 1)
    end = min(on, date(year or on.year, 12, 31))
    here = {r["id"] for r in rows}
    left_ids = [i for i in documents_repo.members_left_between(db, start, end, cell.id if cell else None)
                if i not in here]
    for member in members_repo.get_many(db, left_ids):
        row = member_row(member)
        row["notes"] = member.notes
        rows.append(row)
        objects.append(member)
    order = {member_id: index for index, member_id in enumerate(roster_repo.register_order(db, [r["id"] for r in rows]))}
    paired = sorted(zip(rows, objects, strict=True), key=lambda pair: order.get(pair[0]["id"], len(order)))
    rows[:] = [r for r, _ in paired]
    objects[:] = [o for _, o in paired]
    documents_context.register_columns(db, rows)
    return {"member_count": len(rows), "left_count": len(left_ids), "span_text": f"từ ngày {format_vn_date(start)}"
            f" đến ngày {format_vn_date(end)}"}
