"""Discipline in force: when a party discipline lapses, what a probationary member may receive, state discipline
with its period, and what a discipline in the year means for the year's rating."""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.dates import add_months, format_vn_date
from tayninh_desktop.domain.errors import FieldIssue
from tayninh_desktop.domain.members import Standing
from tayninh_desktop.domain.party_life import (
    LEVEL_ORDER,
    DisciplineForm,
    DisciplineRecord,
    DisciplineTrack,
    RatingLevel,
)
from tayninh_desktop.domain.rules import RuleBook


def check_discipline(record: DisciplineRecord, standing: Standing | None, today: date,
                     book: RuleBook) -> list[FieldIssue]:
    """The form fits the track (and a probationary member's standing), the announcement follows the decision, a
    state discipline's period ends after it starts."""
    issues: list[FieldIssue] = []
    if record.track is DisciplineTrack.PARTY:
        rule = book.on("party_discipline", record.decided_on)
        if record.form.value not in rule["forms"]:
            issues.append(FieldIssue("form", "discipline_form_not_party", {"value": record.form.value}))
        probation = book.on("probationary_discipline", record.decided_on)
        if standing is Standing.PROBATIONARY and record.form.value not in probation["forms"]:
            issues.append(FieldIssue("form", "discipline_probationary_form", {"basis": probation.citation}))
        if record.announced_on is None:
            issues.append(FieldIssue("announced_on", "required"))
    else:
        rule = book.on("state_discipline", record.decided_on)
        if record.form.value not in rule["forms"]:
            issues.append(FieldIssue("form", "discipline_form_not_state", {"value": record.form.value}))
        if record.in_force_until is not None and record.in_force_until <= record.decided_on:
            issues.append(FieldIssue("in_force_until", "date_before", {
                "value": format_vn_date(record.in_force_until), "other_label": "ngày quyết định",
                "other_value": format_vn_date(record.decided_on)}))
    if record.announced_on is not None:
        if record.announced_on < record.decided_on:
            issues.append(FieldIssue("announced_on", "discipline_announced_before_decided", {
                "value": format_vn_date(record.announced_on), "decided": format_vn_date(record.decided_on)}))
        if record.announced_on > today:
            issues.append(FieldIssue("announced_on", "date_in_future", {"value": format_vn_date(record.announced_on)}))
    return issues


def default_until(record: DisciplineRecord, book: RuleBook) -> date | None:
    """The end of the period in force as recorded: 12 months after the announcement for party discipline
    (expulsion: none), the decision's period or the default term for a state discipline."""
    if record.track is DisciplineTrack.PARTY:
        rule = book.on("party_discipline", record.decided_on)
        if record.form.value in rule["never_lapses"]:
            return None
        return add_months(record.counts_from, rule["lapse_months"])
    rule = book.on("state_discipline", record.decided_on)
    if record.in_force_until is not None or record.form.value in rule["never_lapses"]:
        return record.in_force_until
    return add_months(record.decided_on, rule["default_months"])


def in_force_until(records: list[DisciplineRecord]) -> dict[str, date | None]:
    """When each record stops being in force. A party discipline lapses 12 months after its announcement only
    "without a new violation": a later party discipline decided before that day carries it on to the later one's
    end. Expulsion (None) never lapses."""
    out = {r.id: r.in_force_until for r in records}
    party = sorted((r for r in records if r.track is DisciplineTrack.PARTY), key=lambda r: r.decided_on, reverse=True)
    for index, record in enumerate(party):
        until = out[record.id]
        for later in party[:index]:
            if until is None:
                break
            if record.decided_on < later.decided_on < until:
                later_until = out[later.id]
                until = None if later_until is None else max(until, later_until)
        out[record.id] = until
    return out


def in_force_on(record: DisciplineRecord, until: date | None, day: date) -> bool:
    start = record.counts_from if record.track is DisciplineTrack.PARTY else record.decided_on
    return start <= day and (until is None or day < until)


def disciplined_in(records: list[DisciplineRecord], year: int) -> DisciplineRecord | None:
    """The first discipline (party or state) decided in ``year``: the year's rating cannot be above KHTNV."""
    found = sorted((r for r in records if r.decided_on.year == year), key=lambda r: r.decided_on)
    return found[0] if found else None


def level_allowed(level: RatingLevel, max_level: str) -> bool:
    """Whether ``level`` is not above ``max_level`` (not rated is always allowed)."""
    if level is RatingLevel.NOT_RATED:
        return True
    return LEVEL_ORDER.index(level) >= LEVEL_ORDER.index(RatingLevel(max_level))


PARTY_FORMS = (DisciplineForm.REPRIMAND, DisciplineForm.WARNING, DisciplineForm.DISMISSAL, DisciplineForm.EXPULSION)
STATE_FORMS = (DisciplineForm.REPRIMAND, DisciplineForm.WARNING, DisciplineForm.SALARY_DOWNGRADE,
               DisciplineForm.DEMOTION, DisciplineForm.DISMISSAL, DisciplineForm.FORCED_RESIGNATION)
