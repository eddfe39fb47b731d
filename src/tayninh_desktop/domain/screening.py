"""Signs, never verdicts: the facts of a year → the members the detectors propose, each with its evidence.

The facts are read by storage for a year and an as-of day (the register as it stood that day); the detectors are
rule data (``screening_rules``). A ground reached in an earlier year (three months of unexcused absence or of unpaid
dues) stays a sign in the later years until a case decides it: the services leave out the grounds a decision closed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from tayninh_desktop.domain.dates import add_months, format_vn_date
from tayninh_desktop.domain.messages import render
from tayninh_desktop.domain.screening_rules import Detector, Level, Measure


@dataclass(frozen=True)
class MemberRef:
    member_id: str
    name: str
    cell_id: str | None
    cell_name: str


@dataclass(frozen=True)
class ReportedFact:
    """A decline concluded by the committee or reported by the hamlet front committee or the workplace."""

    id: str
    member_id: str
    kind: str            # suy_thoai, vi_pham, uy_tin_thap
    source: str          # cap_uy, mat_tran, noi_lam_viec
    source_name: str
    reported_on: date
    doc_number: str = ""
    text: str = ""


@dataclass(frozen=True)
class Allotment:
    """Removals (xóa tên and leaving on request) the Đề án allotted to a unit for a year, with its document."""

    unit_id: str
    year: int
    allotted: int
    doc_number: str
    doc_date: date | None = None
    note: str = ""


@dataclass(frozen=True)
class Reoffence:
    member_id: str
    on: date
    what: str            # the new violation
    earlier: str         # the discipline in force then
    until: date | None


@dataclass(frozen=True)
class AwayOnDay:
    member_id: str
    since: date
    until: date | None
    last_contact: date | None
    place: str = ""


@dataclass(frozen=True)
class HelpDue:
    case_id: str
    member_id: str
    listed_on: date
    due_on: date


@dataclass(frozen=True)
class ProbationOnDay:
    member_id: str
    start: date
    due: date
    review_by: date


@dataclass
class ScreeningFacts:
    """What the detectors read for ``year``, as the register stood on ``as_of``."""

    year: int
    as_of: date
    members: dict[str, MemberRef]                                  # on the register on as_of (the cell's)
    absent: dict[str, list[str]] = field(default_factory=dict)     # months of the year, per member
    unpaid: dict[str, list[str]] = field(default_factory=dict)
    earlier_absent: dict[int, dict[str, list[str]]] = field(default_factory=dict)   # open grounds of earlier years
    earlier_unpaid: dict[int, dict[str, list[str]]] = field(default_factory=dict)
    incomplete: dict[str, tuple[int, ...]] = field(default_factory=dict)
    reoffences: list[Reoffence] = field(default_factory=list)
    away: list[AwayOnDay] = field(default_factory=list)
    help_due: list[HelpDue] = field(default_factory=list)
    probation: list[ProbationOnDay] = field(default_factory=list)
    reported: list[ReportedFact] = field(default_factory=list)


@dataclass(frozen=True)
class Sign:
    """A member a detector proposes, with its evidence and basis. It changes nothing by itself."""

    code: str
    level: Level
    measure: Measure
    description: str
    basis: str
    member_id: str
    member_name: str
    cell_id: str | None
    cell_name: str
    year: int
    evidence: str
    ground: str = ""
    criterion: str = ""
    carried: bool = False        # a ground of an earlier year still open
    unconfirmed: bool = False
    data: dict = field(default_factory=dict)


LEVEL_ORDER = {Level.GROUND: 0, Level.CRITERION: 1, Level.REVIEW: 2, Level.SIGN: 3}


_FIXED: dict[int, tuple] = {}   # per detector record: the words every one of its signs repeats (computed once)


def _fixed(detector: Detector) -> tuple:
    key = id(detector.rule)
    found = _FIXED.get(key)
    if found is None or found[0] is not detector.rule:
        found = _FIXED[key] = (detector.rule, detector.code, detector.level, detector.measure, detector.description,
                               detector.rule.citation_marked, detector.get("ground", ""),
                               detector.get("criterion", ""), detector.rule.unconfirmed)
    return found


def _sign(detector: Detector, ref: MemberRef, year: int, evidence: str, *, carried: bool = False,
          **data) -> Sign:
    _rule, code, level, measure, description, basis, ground, criterion, unconfirmed = _fixed(detector)
    return Sign(code, level, measure, description, basis, ref.member_id, ref.name, ref.cell_id, ref.cell_name, year,
                evidence, ground, criterion, carried, unconfirmed, data)


def _months_text(months: list[str]) -> str:
    return ", ".join(f"{m[5:7]}/{m[:4]}" for m in months)   # party_life.month_label, inlined: thousands of signs


def months_signs(detectors: list[Detector], by_member: dict[str, list[str]], members: dict[str, MemberRef],
                 year: int, *, carried: bool = False) -> list[Sign]:
    """Members whose count of months lies in a detector's range (absences or unpaid dues of one year)."""
    out = []
    for detector in detectors:
        code = "sign_absent_months" if detector.measure is Measure.ABSENT_MONTHS else "sign_unpaid_months"
        template = render(code + ("_open" if carried else ""), {"count": "{count}", "year": year,
                                                               "months": "{months}"})
        low, high = detector.get("min", 1), detector.get("max")
        for member_id, months in by_member.items():
            count = len(months)
            if count < low or (high is not None and count > high):
                continue
            ref = members.get(member_id)
            if ref is None:
                continue
            evidence = template.replace("{count}", str(count)).replace("{months}", _months_text(months))
            out.append(_sign(detector, ref, year, evidence, carried=carried, months=list(months), count=count))
    return out


def incomplete_signs(detectors: list[Detector], facts: ScreeningFacts) -> list[Sign]:
    out = []
    for detector in detectors:
        for member_id, years in facts.incomplete.items():
            ref = facts.members.get(member_id)
            if ref is None or not detector.matches(len(years)):
                continue
            evidence = render("sign_incomplete_years", {"years": ", ".join(map(str, years)), "count": len(years)})
            out.append(_sign(detector, ref, facts.year, evidence, years=list(years)))
    return out


def reoffence_signs(detectors: list[Detector], facts: ScreeningFacts) -> list[Sign]:
    out = []
    for detector in detectors:
        for fact in facts.reoffences:
            ref = facts.members.get(fact.member_id)
            if ref is None:
                continue
            evidence = render("sign_reoffended", {"on": format_vn_date(fact.on), "what": fact.what,
                                                  "earlier": fact.earlier,
                                                  "until": format_vn_date(fact.until) if fact.until else "nay"})
            out.append(_sign(detector, ref, facts.year, evidence, on=fact.on.isoformat()))
    return out


def away_signs(detectors: list[Detector], facts: ScreeningFacts) -> list[Sign]:
    out = []
    for detector in detectors:
        for fact in facts.away:
            ref = facts.members.get(fact.member_id)
            if ref is None:
                continue
            if detector.measure is Measure.AWAY_OVERDUE:
                if fact.until is None or fact.until >= facts.as_of:
                    continue
                evidence = render("sign_away_overdue", {"until": format_vn_date(fact.until),
                                                        "place": fact.place or "không rõ nơi"})
            else:
                reference = fact.last_contact or fact.since
                if add_months(reference, detector.get("months")) >= facts.as_of:
                    continue
                evidence = render("sign_away_no_contact", {
                    "last": format_vn_date(fact.last_contact) if fact.last_contact else "chưa có",
                    "since": format_vn_date(fact.since), "months": detector.get("months"),
                    "place": fact.place or "không rõ nơi"})
            out.append(_sign(detector, ref, facts.year, evidence))
    return out


def help_signs(detectors: list[Detector], facts: ScreeningFacts) -> list[Sign]:
    out = []
    for detector in detectors:
        for due in facts.help_due:
            ref = facts.members.get(due.member_id)
            end = add_months(due.listed_on, detector.get("months"))
            if ref is None or end > facts.as_of:
                continue
            evidence = render("sign_help_overdue", {"listed": format_vn_date(due.listed_on),
                                                    "due": format_vn_date(end)})
            out.append(_sign(detector, ref, facts.year, evidence, case_id=due.case_id))
    return out


def probation_signs(detectors: list[Detector], facts: ScreeningFacts) -> list[Sign]:
    out = []
    for detector in detectors:
        for fact in facts.probation:
            ref = facts.members.get(fact.member_id)
            if ref is None or fact.review_by >= facts.as_of:
                continue
            evidence = render("sign_probation_overdue", {"start": format_vn_date(fact.start),
                                                         "due": format_vn_date(fact.due),
                                                         "review_by": format_vn_date(fact.review_by)})
            out.append(_sign(detector, ref, facts.year, evidence))
    return out


def reported_signs(detectors: list[Detector], facts: ScreeningFacts) -> list[Sign]:
    from tayninh_desktop.domain.messages_screening import FACT_KIND_LABELS, SOURCE_LABELS

    out = []
    for detector in detectors:
        sources, kinds = detector.get("sources") or (), detector.get("fact_kinds") or ()
        for fact in facts.reported:
            ref = facts.members.get(fact.member_id)
            if ref is None or fact.source not in sources or (kinds and fact.kind not in kinds):
                continue
            who = fact.source_name or SOURCE_LABELS.get(fact.source, fact.source)
            evidence = render("sign_reported", {"on": format_vn_date(fact.reported_on), "who": who,
                                                "kind": FACT_KIND_LABELS.get(fact.kind, fact.kind),
                                                "text": fact.text or "", "doc": fact.doc_number or "không số"})
            out.append(_sign(detector, ref, facts.year, evidence, fact_id=fact.id))
    return out


MEASURES: dict[Measure, Callable[[list[Detector], ScreeningFacts], list[Sign]]] = {
    Measure.ABSENT_MONTHS: lambda ds, f: months_signs(ds, f.absent, f.members, f.year),
    Measure.UNPAID_MONTHS: lambda ds, f: months_signs(ds, f.unpaid, f.members, f.year),
    Measure.INCOMPLETE_YEARS: incomplete_signs,
    Measure.REOFFENDED: reoffence_signs,
    Measure.AWAY_OVERDUE: away_signs,
    Measure.AWAY_NO_CONTACT: away_signs,
    Measure.HELP_OVERDUE: help_signs,
    Measure.PROBATION_OVERDUE: probation_signs,
    Measure.REPORTED: reported_signs,
}


def carried_signs(detectors_on: Callable[[date], list[Detector]], facts: ScreeningFacts) -> list[Sign]:
    """Grounds of earlier years still open: the ground detectors of that year (carry_over) over its months."""
    out = []
    for measure, earlier in ((Measure.ABSENT_MONTHS, facts.earlier_absent),
                             (Measure.UNPAID_MONTHS, facts.earlier_unpaid)):
        for year, by_member in sorted(earlier.items(), reverse=True):
            grounds = [d for d in detectors_on(date(year, 12, 31))
                       if d.measure is measure and d.level is Level.GROUND and d.get("carry_over")]
            out += months_signs(grounds, by_member, facts.members, year, carried=True)
    return out


def detect(detectors: list[Detector], facts: ScreeningFacts,
           detectors_on: Callable[[date], list[Detector]] | None = None) -> list[Sign]:
    """Every sign of the year: each detector in force over the facts, then the open grounds of earlier years;
    grounds first, then criteria, reviews and early signs; by cell, then as the members were given (list order)."""
    by_measure: dict[Measure, list[Detector]] = {}
    for detector in detectors:
        by_measure.setdefault(detector.measure, []).append(detector)
    signs: list[Sign] = []
    for measure, group in by_measure.items():
        if measure in (Measure.AWAY_OVERDUE, Measure.AWAY_NO_CONTACT):
            signs += away_signs(group, facts)
        else:
            signs += MEASURES[measure](group, facts)
    if detectors_on is not None:
        signs += carried_signs(detectors_on, facts)
    order = {member_id: index for index, member_id in enumerate(facts.members)}
    return sorted(signs, key=lambda s: (LEVEL_ORDER[s.level], s.cell_name, order.get(s.member_id, 0), -s.year,
                                        s.code))


def find_reoffences(records_by_member: dict, facts: list[ReportedFact], start: date, end: date,
                    describe: Callable[[object], str]) -> list[Reoffence]:
    """A discipline decided, or a violation reported, in [start, end] while an earlier discipline (party or state)
    was in force: the 02-HD criterion "violating again while the discipline is still in force"."""
    from tayninh_desktop.domain.discipline import in_force_on, in_force_until

    out: list[Reoffence] = []
    violations: dict[str, list[tuple[date, str, object]]] = {}
    for member_id, records in records_by_member.items():
        for record in records:
            if start <= record.decided_on <= end:
                violations.setdefault(member_id, []).append((record.decided_on, describe(record), record))
    for fact in facts:
        if fact.kind == "vi_pham" and start <= fact.reported_on <= end:
            violations.setdefault(fact.member_id, []).append((fact.reported_on, fact.text or "vi phạm", None))
    for member_id, found in violations.items():
        records = records_by_member.get(member_id, [])
        until = in_force_until(records)
        for day, what, record in sorted(found, key=lambda v: v[0]):
            earlier = [r for r in records if r is not record and r.decided_on < day and in_force_on(r, until[r.id], day)]
            if earlier:
                first = max(earlier, key=lambda r: r.decided_on)
                out.append(Reoffence(member_id, day, what, describe(first), until[first.id]))
                break
    return out
