"""Members working away and members re-admitted: the checks the texts in force put on those two events.

Leave for working away in the country is granted by the commune committee, on the member's request and the
cell's proposal, for under 12 months, by a numbered decision; on return the comments of the local authority
or employer are recorded. Going abroad is a separate case (12 months or more: transfer party life abroad).
Re-admission (294-QĐ/TW, point 3.5): at least 36 months out, only once, never after an exit on an excluded
ground.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tayninh_desktop.domain.dates import add_months, format_vn_date
from tayninh_desktop.domain.errors import FieldIssue
from tayninh_desktop.domain.lifecycle import EventKind, MemberEvent
from tayninh_desktop.domain.rules import RuleBook

# Grounds of an exit from the Party (xóa tên, khai trừ, ra khỏi Đảng…): labels in messages_rules.EXIT_GROUNDS.
EXIT_GROUND_CODES = ("bo_sinh_hoat", "khong_dong_dang_phi", "tra_the", "khong_tien_bo", "vi_pham_tu_cach",
                     "tieu_chuan_chinh_tri", "xin_ra", "dinh_cu", "tay_sai", "phan_dong", "loi_ich_quoc_gia",
                     "tham_nhung", "ma_tuy", "mat_doan_ket", "khac")


@dataclass(frozen=True)
class EventDetails:
    """What some events carry besides the common fields: the leave (away), the return, the exit ground."""

    abroad: bool = False
    requested_on: date | None = None
    cell_proposal: str = ""
    return_comments: str = ""
    comments_by: str = ""
    ground: str = ""            # an exit's ground; on re-admission, the ground of the earlier exit if unrecorded


def months_between(start: date, end: date) -> int:
    """Whole months from ``start`` to ``end`` (a part month counts)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months + (1 if end.day > start.day else 0)


def leave_issues(event: MemberEvent, details: EventDetails, book: RuleBook) -> list[FieldIssue]:
    """A leave needs its decision number and an end under the limit (12 months); abroad its own limit."""
    section = "abroad_leave" if details.abroad else "away_leave"
    rule = book.on(section, event.event_date)
    basis = rule.citation_marked
    issues: list[FieldIssue] = []
    if not event.doc_number:
        issues.append(FieldIssue("doc_number", "away_needs_decision",
                                 {"granted_by": rule.get("granted_by", "cấp ủy có thẩm quyền")}))
    limit = rule["max_months"]
    if event.end_date is None:
        issues.append(FieldIssue("end_date", "away_needs_end", {"limit": limit, "basis": basis}))
    elif event.end_date <= event.event_date:
        issues.append(FieldIssue("end_date", "away_end_before_start", {}))
    elif event.end_date >= add_months(event.event_date, limit):
        code = "abroad_too_long" if details.abroad else "away_too_long"
        issues.append(FieldIssue("end_date", code, {"months": months_between(event.event_date, event.end_date),
                                                    "limit": limit, "basis": basis}))
    if details.requested_on and details.requested_on > event.event_date:
        issues.append(FieldIssue("requested_on", "away_request_after_start", {
            "value": format_vn_date(details.requested_on), "start": format_vn_date(event.event_date)}))
    return issues


def exit_ground_issues(details: EventDetails) -> list[FieldIssue]:
    if details.ground and details.ground not in EXIT_GROUND_CODES:
        return [FieldIssue("ground", "bad_choice", {"value": details.ground})]
    return []


def readmission_issues(event: MemberEvent, history: list[MemberEvent], grounds: dict[str, str],
                       details: EventDetails, book: RuleBook) -> list[FieldIssue]:
    """At least ``months_out`` after the last exit, at most ``max_times`` re-admissions, never after an excluded
    ground (the exit's recorded ground, else the one given now)."""
    from tayninh_desktop.domain.messages_rules import EXIT_GROUNDS

    rule = book.on("readmission", event.event_date)
    basis = rule.citation_marked
    exits = [e for e in history if e.kind.is_exit and e.kind is not EventKind.TRANSFER_OUT
             and e.event_date <= event.event_date]
    if not exits:
        return []
    last_exit = max(exits, key=lambda e: (e.event_date, e.seq))
    issues: list[FieldIssue] = []
    earliest = add_months(last_exit.event_date, rule["months_out"])
    if event.event_date < earliest:
        issues.append(FieldIssue("event_date", "readmit_too_soon", {
            "exit": format_vn_date(last_exit.event_date), "months": rule["months_out"],
            "earliest": format_vn_date(earliest), "basis": basis}))
    if sum(e.kind is EventKind.READMITTED for e in history) >= rule["max_times"]:
        issues.append(FieldIssue("event_date", "readmit_once", {"times": rule["max_times"], "basis": basis}))
    ground = grounds.get(last_exit.id) or details.ground
    if not ground:
        issues.append(FieldIssue("ground", "readmit_needs_ground", {"exit": format_vn_date(last_exit.event_date)}))
    elif ground in rule["excluded_grounds"]:
        issues.append(FieldIssue("ground", "readmit_excluded", {"ground": EXIT_GROUNDS.get(ground, ground),
                                                                 "basis": basis}))
    return issues
