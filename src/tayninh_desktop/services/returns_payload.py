"""What a return carries (docs/return-package.md, "The payload"): each section versioned on its own.

- ``indicators``: every statistical form the period allows (Hướng dẫn 11-HD/BTCTW), counted from the register's
  history, with the check the superior runs again (errors block the export; each warning travels with the
  office's written explanation, ``explanations``);
- ``changes``: the member-level changes of the period (biến động: admissions, official transfers, exemptions,
  removals with their decision, deaths…);
- ``de_an_03``: the ways out of the Party per year since the Đề án began, the 2015–2020 baseline the office
  entered, ``screening`` (the year's results of the help list and removals, per cell: ``screening_section``) and
  ``cases`` (the case summaries of the year: ``case_summaries``);
- ``support``: the support programme's figures of the period (``support_report.return_figures``);
- ``snapshot`` (optional): the whole register, for a superior that keeps a consolidated register or merges units.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.documents_report import EXIT_KINDS, coverage
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.returns import PAYLOAD_FORMAT, VERSION, finding_keys
from tayninh_desktop.domain.stats_checks import CheckResult
from tayninh_desktop.domain.stats_period import parse_period, window_for
from tayninh_desktop.services import organisation, reports_de_an_03, scope, statistics, support_report
from tayninh_desktop.storage import documents_repo, return_data_repo, returns_repo, settings_repo
from tayninh_desktop.storage.db import Database


@dataclass(frozen=True)
class Prepared:
    """A period's figures and their check, before anything is sent: what the office must explain."""

    period: str
    period_label: str
    start: date
    end: date
    complete: bool
    reports: dict
    check: CheckResult
    warning_keys: tuple[str, ...]

    def warnings(self) -> list[tuple[str, object]]:
        return list(zip(self.warning_keys, self.check.warnings, strict=True))


def previous_figures(db: Database, period_text: str) -> dict | None:
    """The figures of the previous period as they were last sent (the opening check), if sent."""
    previous = parse_period(period_text).previous().code
    sent = returns_repo.sent_returns(db, previous)
    return sent[-1].figures if sent else None


def prepare(db: Database, period_text: str, *, today: date | None = None) -> Prepared:
    """Count the period's forms and check them as the superior will."""
    today = today or date.today()
    period = parse_period(period_text)
    window = window_for(period, today)
    found, check = statistics.reports_and_check(db, period.code, today=today,
                                                previous=previous_figures(db, period.code))
    return Prepared(period.code, period.label, window.start, window.end, window.complete, found, check,
                    tuple(finding_keys(check.warnings)))


def checked_explanations(prepared: Prepared, explanations: Mapping[str, str]) -> list[dict]:
    """Each warning with the office's explanation; refused when an error remains, a warning is not explained
    or an explanation names no warning."""
    if prepared.check.errors:
        raise DomainError("return_check_errors", period=prepared.period, count=len(prepared.check.errors),
                          first=prepared.check.errors[0].message)
    keys = list(prepared.warning_keys)
    unknown = [k for k in explanations if k not in keys]
    if unknown:
        raise DomainError("return_unknown_explanation", key=unknown[0], period=prepared.period,
                          keys=", ".join(keys) or "không có")
    missing = [k for k in keys if not (explanations.get(k) or "").strip()]
    if missing:
        raise DomainError("return_needs_explanations", period=prepared.period, count=len(missing),
                          keys=", ".join(missing))
    return [{"key": key, "code": f.code, "form": f.form_id, "message": f.message,
             "explanation": " ".join(explanations[key].split())} for key, f in prepared.warnings()]


def figures(prepared: Prepared) -> dict[str, dict[str, int]]:
    """form → row → value, as sent (the next period's opening check reads them)."""
    return {fid: dict(r.current.values) for fid, r in prepared.reports.items()}


def indicators_section(prepared: Prepared, today: date) -> dict:
    forms = {}
    for fid, r in prepared.reports.items():
        result = r.current
        forms[fid] = {"code": r.form.code, "title": r.form.title, "period": result.period,
                      "start": result.start.isoformat(), "end": result.end.isoformat(), "complete": r.complete,
                      "values": dict(result.values), "typed": sorted(result.typed), "missing": sorted(result.missing)}
    check = prepared.check.as_dict()
    check["warnings"] = [{**w, "key": k} for w, k in zip(check["warnings"], prepared.warning_keys, strict=True)]
    return {"version": 1, "taken_on": today.isoformat(), "forms": forms, "check": check}


def changes_section(db: Database, start: date, end: date) -> dict:
    rows = [asdict(r) for r in return_data_repo.changes_between(db, start, end)]
    return {"version": 1, "from": start.isoformat(), "to": end.isoformat(), "rows": rows,
            "counts": dict(Counter(r["kind"] for r in rows))}


def screening_section(db: Database, year: int, today: date) -> dict | None:
    """The screening's figures of ``year`` (signs, help list, removals by form, allotment, reductions): the
    committee's row and each cell's (``services.screening_results.return_figures``)."""
    from tayninh_desktop.services import screening_results

    return screening_results.return_figures(db, year, today=today)


def case_summaries(db: Database, start: date, end: date) -> list[dict]:
    """The Đề án 03 cases alive in the period (opened by ``end``, not closed before ``start``): who (the member's
    UUID), what kind and form, on which ground, where it stands, and its dates (the steps stay at the unit)."""
    from tayninh_desktop.services import cases

    def iso(day: date | None) -> str | None:
        return day.isoformat() if day else None

    return [{"id": c.id, "member_id": c.member_id, "kind": c.kind.value, "form": c.form.value if c.form else None,
             "ground": c.ground, "criterion": c.criterion, "state": c.state.value, "outcome": c.outcome.value,
             "opened_on": iso(c.opened_on), "listed_on": iso(c.listed_on), "due_on": iso(c.due_on),
             "closed_on": iso(c.closed_on), "steps": len(c.steps)}
            for c in cases.list_cases(db)
            if c.opened_on <= end and (c.closed_on is None or c.closed_on >= start)]


def de_an_03_section(db: Database, end: date, today: date) -> dict:
    home = organisation.require_home(db)
    stored = settings_repo.get(db, reports_de_an_03.SETTINGS_KEY, {}) or {}
    start_year = int(stored.get("start_year", reports_de_an_03.START_YEAR))
    since, _ = reports_de_an_03.data_since(db)
    counts: dict[int, Counter] = {}
    for kind, day, _member, _cell in documents_repo.exit_events(db, EXIT_KINDS, date(start_year, 1, 1), end):
        counts.setdefault(day.year, Counter())[kind] += 1
    years = [{"year": y, **{k: counts.get(y, Counter())[k] for k in EXIT_KINDS}, "coverage": coverage(y, since)}
             for y in range(start_year, end.year + 1)]
    return {"version": 1, "start_year": start_year, "to": end.isoformat(), "years": years,
            "baseline": {str(y): n for y, n in sorted(reports_de_an_03.baseline(db, home.id).items())},
            "data_since": since.isoformat() if since else None,
            "screening": screening_section(db, end.year, today),
            "cases": case_summaries(db, date(end.year, 1, 1), end)}


def support_section(db: Database, actor: Actor, start: date, end: date) -> dict:
    scope.require_committee(db, actor)
    return {"version": 1, **support_report.return_figures(db, actor, start, end)}


def snapshot_section(db: Database) -> dict:
    snap = return_data_repo.snapshot(db)
    return {"version": 1, "units": snap.units, "members": snap.members, "events": snap.events}


def build(db: Database, actor: Actor, prepared: Prepared, explanations: list[dict], *, revision: int,
          made: str, today: date, with_snapshot: bool) -> dict:
    """The payload of one unit's own return."""
    scope.require_committee(db, actor)
    home = organisation.require_home(db)
    payload = {"format": PAYLOAD_FORMAT, "version": VERSION, "kind": "return",
               "unit": {"code": home.code, "name": home.name}, "period": prepared.period,
               "period_label": prepared.period_label, "revision": revision, "made": made,
               "explanations": explanations,
               "indicators": indicators_section(prepared, today),
               "changes": changes_section(db, prepared.start, prepared.end),
               "de_an_03": de_an_03_section(db, prepared.end, today),
               "support": support_section(db, actor, prepared.start, prepared.end)}
    if with_snapshot:
        payload["snapshot"] = snapshot_section(db)
    return payload
