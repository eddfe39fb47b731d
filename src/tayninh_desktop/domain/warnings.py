"""Early warnings of party life: facts recorded → flags with their evidence and legal basis.

A warning never changes anything; it tells the cell whom to help before a threshold is reached
(two months of unexcused absence or unpaid dues, when three are a ground for xóa tên), and what the
office has left undone (missing minutes, overdue letters, probation reviews).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from tayninh_desktop.domain.dates import add_months, format_vn_date
from tayninh_desktop.domain.messages import render, renderer
from tayninh_desktop.domain.party_life import month_label, quota_broken
from tayninh_desktop.domain.rules import RuleBook, WorkCalendar, add_working_days
from tayninh_desktop.domain.vn_numbers import decimal


class WarningKind(StrEnum):
    ABSENCES = "vang_sinh_hoat"
    UNPAID_DUES = "no_dang_phi"
    AWAY_NO_CONTACT = "di_xa_mat_lien_lac"
    AWAY_ENDED = "het_thoi_han_di_xa"
    TRANSFER_OVERDUE = "qua_han_giay_gioi_thieu"
    PROBATION_DUE = "du_bi_du_12_thang"
    MISSING_MEETING = "thieu_bien_ban"
    RATING_QUOTA = "vuot_ty_le_xuat_sac"
    TWO_YEARS_INCOMPLETE = "hai_nam_khong_hoan_thanh"
    AWAY_TERM = "tam_mien_khong_dung_thoi_han"
    HELP_DUE = "het_han_giup_do"           # the twelve months of help end (screening, issue 12)
    ALLOTMENT = "chi_tieu_xoa_ten"         # a unit near or over the removals the Đề án allotted it


class Severity(StrEnum):
    NOTICE = "nhac_viec"      # office work to do
    NEAR = "sap_den_nguong"   # one more month reaches a ground for removal
    REACHED = "da_den_nguong"  # the ground is reached: the cell must consider it


@dataclass(frozen=True)
class EarlyWarning:
    """One flag: what it is about (member or meeting/month or the committee), why, and on what basis."""

    kind: WarningKind
    severity: Severity
    evidence: str
    cell_id: str | None = None
    cell_name: str = ""
    member_id: str | None = None
    member_name: str = ""
    meeting_id: str | None = None
    month: str | None = None
    basis: str = ""
    data: dict = field(default_factory=dict)


# --- facts, as storage returns them -------------------------------------------------------------

@dataclass(frozen=True)
class MonthsFact:
    """A member's months with an unexcused absence (or unpaid dues without reason) in a year."""

    member_id: str
    member_name: str
    cell_id: str | None
    cell_name: str
    months: tuple[str, ...]


@dataclass(frozen=True)
class AwayFact:
    member_id: str
    member_name: str
    cell_id: str | None
    cell_name: str
    since: date
    until: date | None
    place: str
    last_contact: date | None
    leave_start: date | None = None   # the start of the latest leave decision (an extension starts later)


@dataclass(frozen=True)
class LetterFact:
    letter_id: str
    member_id: str
    member_name: str
    cell_id: str | None
    cell_name: str
    number: str
    direction: str
    issued_on: date
    deadline: date


@dataclass(frozen=True)
class ProbationFact:
    member_id: str
    member_name: str
    cell_id: str | None
    cell_name: str
    joined_on: date


@dataclass(frozen=True)
class IncompleteFact:
    """A member rated "không hoàn thành nhiệm vụ" in consecutive years (the last ones)."""

    member_id: str
    member_name: str
    cell_id: str | None
    cell_name: str
    years: tuple[int, ...]


@dataclass(frozen=True)
class MissingMeetingFact:
    cell_id: str
    cell_name: str
    month: str


def months_warnings(facts: list[MonthsFact], kind: WarningKind, year: int, rules: RuleBook,
                    today: date) -> list[EarlyWarning]:
    """Members with ``warn_at`` or more months in the year: near the threshold, or at it."""
    rule = rules.on("absence_threshold", today)
    fill = renderer("warn_absences" if kind is WarningKind.ABSENCES else "warn_unpaid")
    warn_at, limit, basis, marked = rule["warn_at"], rule["months_per_year"], rule.citation, rule.citation_marked
    out = []
    for fact in facts:
        count = len(fact.months)
        if count < warn_at:
            continue
        severity = Severity.REACHED if count >= limit else Severity.NEAR
        evidence = fill({"count": count, "year": year, "months": ", ".join(map(month_label, fact.months)),
                         "limit": limit, "basis": marked})
        out.append(EarlyWarning(kind, severity, evidence, fact.cell_id, fact.cell_name, fact.member_id, fact.member_name,
                           basis=basis, data={"year": year, "months": list(fact.months), "count": count}))
    return out


def open_ground_warnings(facts: list[MonthsFact], kind: WarningKind, year: int, rules: RuleBook) -> list[EarlyWarning]:
    """A ground reached in an earlier year (three months in that year) stays open until a decision closes it: the
    facts are the members of ``year`` at the threshold whose ground no decision has closed."""
    rule = rules.on("absence_threshold", date(year, 12, 31))
    fill = renderer("warn_absences_open" if kind is WarningKind.ABSENCES else "warn_unpaid_open")
    limit, basis, marked = rule["months_per_year"], rule.citation, rule.citation_marked
    out = []
    for fact in facts:
        count = len(fact.months)
        if count < limit:
            continue
        evidence = fill({"count": count, "year": year, "months": ", ".join(map(month_label, fact.months)),
                         "limit": limit, "basis": marked})
        out.append(EarlyWarning(kind, Severity.REACHED, evidence, fact.cell_id, fact.cell_name, fact.member_id,
                                fact.member_name, basis=basis,
                                data={"year": year, "months": list(fact.months), "count": count, "open": True}))
    return out


def incomplete_warnings(facts: list[IncompleteFact], rules: RuleBook, today: date) -> list[EarlyWarning]:
    """Rated "không hoàn thành nhiệm vụ" the configured number of consecutive years: a criterion of the 02-HD
    review (the cell considers putting the member on the help list)."""
    rule = rules.on("screening_flags", today)
    out = []
    for fact in facts:
        if len(fact.years) < rule["incomplete_years"]:
            continue
        years = ", ".join(str(y) for y in fact.years)
        evidence = render("warn_two_years_incomplete", {"years": years, "count": len(fact.years),
                                                        "basis": rule.citation_marked})
        out.append(EarlyWarning(WarningKind.TWO_YEARS_INCOMPLETE, Severity.REACHED, evidence, fact.cell_id,
                                fact.cell_name, fact.member_id, fact.member_name, basis=rule.citation,
                                data={"years": list(fact.years)}))
    return out


def away_warnings(facts: list[AwayFact], rules: RuleBook, today: date) -> list[EarlyWarning]:
    """Away members whose arrangement has ended, or with no contact for longer than the limit."""
    rule = rules.on("away_contact", today)
    limit = rule["max_months_without_contact"]
    out = []
    for fact in facts:
        base = {"cell_id": fact.cell_id, "cell_name": fact.cell_name, "member_id": fact.member_id,
                "member_name": fact.member_name}
        if fact.until is not None and fact.until < today:
            out.append(EarlyWarning(WarningKind.AWAY_ENDED, Severity.NOTICE,
                               render("warn_away_ended", {"until": format_vn_date(fact.until)}),
                               data={"until": fact.until.isoformat(), "place": fact.place}, **base))
            continue
        term = _term_warning(fact, rules, base)
        if term is not None:
            out.append(term)
        reference = fact.last_contact or fact.since
        if add_months(reference, limit) < today:
            last = format_vn_date(fact.last_contact) if fact.last_contact else "chưa có"
            out.append(EarlyWarning(WarningKind.AWAY_NO_CONTACT, Severity.NEAR,
                               render("warn_away_no_contact", {"place": fact.place or "không rõ nơi", "last": last,
                                                               "limit": limit, "basis": rule.citation_marked}),
                               basis=rule.citation,
                               data={"last_contact": fact.last_contact.isoformat() if fact.last_contact else None,
                                     "since": fact.since.isoformat(), "place": fact.place}, **base))
    return out


def _term_warning(fact: AwayFact, rules: RuleBook, base: dict) -> EarlyWarning | None:
    """A leave recorded before the rule (no end, or 12 months or more) is warned: the committee decides anew."""
    start = fact.leave_start or fact.since
    rule = rules.on("away_leave", start)
    if fact.until is not None and fact.until < add_months(start, rule["max_months"]):
        return None
    code = "warn_away_open_ended" if fact.until is None else "warn_away_too_long"
    evidence = render(code, {"since": format_vn_date(start), "until": format_vn_date(fact.until),
                             "limit": rule["max_months"], "basis": rule.citation_marked})
    return EarlyWarning(WarningKind.AWAY_TERM, Severity.NEAR, evidence, basis=rule.citation,
                        data={"since": start.isoformat(), "until": fact.until.isoformat() if fact.until else None},
                        **base)


def letter_warnings(facts: list[LetterFact], rules: RuleBook, today: date) -> list[EarlyWarning]:
    from tayninh_desktop.domain.messages_party_life import LETTER_DIRECTION_LABELS

    out = []
    for fact in facts:
        if fact.deadline >= today:
            continue
        rule = rules.on("transfer_deadline", fact.issued_on)
        evidence = render("warn_transfer_overdue", {
            "number": fact.number or "(không số)", "direction": LETTER_DIRECTION_LABELS.get(fact.direction, ""),
            "issued": format_vn_date(fact.issued_on), "deadline": format_vn_date(fact.deadline),
            "basis": f"{rule['working_days']} ngày làm việc, {rule.citation_marked}"})
        # Overdue is the highest level: the member or the organisation must report the reason to the committee.
        out.append(EarlyWarning(WarningKind.TRANSFER_OVERDUE, Severity.REACHED, evidence, fact.cell_id, fact.cell_name,
                           fact.member_id, fact.member_name, basis=rule.citation,
                           data={"letter_id": fact.letter_id, "deadline": fact.deadline.isoformat(),
                                 "direction": fact.direction}))
    return out


def probation_warnings(facts: list[ProbationFact], rules: RuleBook, today: date,
                       calendar: WorkCalendar) -> list[EarlyWarning]:
    """Probationary members within ``warn_days_before`` of their 12 months, or past them."""
    out = []
    for fact in facts:
        rule = rules.on("probation", fact.joined_on)
        due = add_months(fact.joined_on, rule["months"])
        if due - timedelta(days=rule["warn_days_before"]) > today:
            continue
        review_by = add_working_days(due, rule["review_working_days"], calendar)
        severity = Severity.REACHED if review_by < today else Severity.NOTICE
        evidence = render("warn_probation", {"joined": format_vn_date(fact.joined_on), "due": format_vn_date(due),
                                             "review_by": format_vn_date(review_by)})
        out.append(EarlyWarning(WarningKind.PROBATION_DUE, severity, evidence, fact.cell_id, fact.cell_name,
                           fact.member_id, fact.member_name, basis=rule.citation,
                           data={"due": due.isoformat(), "review_by": review_by.isoformat()}))
    return out


def missing_meeting_warnings(facts: list[MissingMeetingFact]) -> list[EarlyWarning]:
    evidence = {m: render("warn_missing_meeting", {"month": month_label(m)}) for m in {f.month for f in facts}}
    return [EarlyWarning(WarningKind.MISSING_MEETING, Severity.NOTICE, evidence[f.month], f.cell_id, f.cell_name,
                         month=f.month, data={"month": f.month}) for f in facts]


def quota_warning(year: int, excellent: int, good: int, rules: RuleBook) -> EarlyWarning | None:
    rule = rules.on("rating_quota", date(year, 12, 31))
    if not quota_broken(excellent, good, rule):
        return None
    share = decimal(100 * excellent / good if good else 100.0)
    evidence = render("warn_quota", {"year": year, "excellent": excellent, "good": good, "share": share,
                                     "limit": round(100 * rule["excellent_max_share_of_good"]),
                                     "basis": rule.citation_marked})
    return EarlyWarning(WarningKind.RATING_QUOTA, Severity.NEAR, evidence, basis=rule.citation,
                   data={"year": year, "excellent": excellent, "good": good})


SEVERITY_ORDER = {Severity.REACHED: 0, Severity.NEAR: 1, Severity.NOTICE: 2}
KIND_ORDER = {kind: index for index, kind in enumerate(WarningKind)}


def sort_warnings(warnings: list[EarlyWarning], cell_rank: dict[str, int] | None = None) -> list[EarlyWarning]:
    """Most urgent first, then by cell (in the committee's order of cells, ``cell_rank``: cell id → position;
    the committee's own warnings first) and kind, then member name (as given, already in list order)."""
    rank = cell_rank or {}
    return sorted(warnings, key=lambda w: (SEVERITY_ORDER[w.severity], rank.get(w.cell_id or "", -1),
                                           w.cell_name, KIND_ORDER[w.kind]))
