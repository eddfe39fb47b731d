"""The official statistics of the committee: any form, any period, from the register's history.

Reading the register once (members, every event, badges and cards, ratings, transfer scopes) and
folding it in the domain gives every form for this period and for the same period last year; the
figures the office typed in are merged by period. ``check`` is the gate an export will call: errors
block it, warnings need a written explanation.
"""

from __future__ import annotations

import gc
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_statistics import PERIOD_KIND_LABELS
from tayninh_desktop.domain.org import Unit, UnitType
from tayninh_desktop.domain.stats_checks import CheckResult, check_results
from tayninh_desktop.domain.stats_classify import classifications
from tayninh_desktop.domain.stats_compute import Finding, FormResult, compute
from tayninh_desktop.domain.stats_facts import FactSource, FoldedSource
from tayninh_desktop.domain.stats_forms import COMPARISON, FORM_IDS, StatForm, stat_form, stat_forms
from tayninh_desktop.domain.stats_period import Period, Window, parse_period, window_for
from tayninh_desktop.domain.stats_register import StatRegister, build_register
from tayninh_desktop.domain.stats_table import DisplayRow, display_rows
from tayninh_desktop.services import scope
from tayninh_desktop.services.organisation import require_home
from tayninh_desktop.services.statistics_sql import SqlShared
from tayninh_desktop.storage import statistics_repo, units_repo
from tayninh_desktop.storage.db import Database

_PROVINCE_PREFIXES = ("Đảng bộ tỉnh ", "Đảng bộ thành phố ", "Tỉnh ủy ", "Thành ủy ", "Tỉnh ", "Thành phố ")


@dataclass(frozen=True)
class StatisticsReport:
    """One form for one period: the figures now and a year earlier, as table lines."""

    form: StatForm
    period: Period
    window: Window
    current: FormResult
    previous: FormResult | None
    rows: tuple[DisplayRow, ...]
    unit_name: str

    @property
    def complete(self) -> bool:
        return self.window.complete

    def as_dict(self) -> dict:
        return {
            "form": self.form.id, "code": self.form.code, "title": self.form.title, "unit": self.unit_name,
            "period": self.period.code, "period_label": self.period.label, "start": self.window.start.isoformat(),
            "end": self.window.end.isoformat(), "complete": self.complete,
            "basis": self.form.basis.citation, "unconfirmed": self.form.unconfirmed,
            "unconfirmed_notes": unconfirmed_notes(self.form),
            "rows": [{"key": r.key, "label": r.label, "level": r.level, "cells": list(r.cells), "typed": r.typed,
                      "missing": r.missing, "values": [v for v in r.values]} for r in self.rows],
            "notes": [n.as_dict() for n in self.current.notes],
        }


def unconfirmed_notes(form: StatForm) -> list[str]:
    """What in this form rests on a reading not yet confirmed against the text (shown with the figures)."""
    from tayninh_desktop.domain.messages import render

    notes = []
    if any("age=" in row.count for row in form.rows) and classifications().age_unconfirmed:
        notes.append(render("age_rule_unconfirmed"))
    if form.unconfirmed:
        notes.append(render("form_layout_unconfirmed", {"form": form.code}))
    elif form.basis.unconfirmed and form.basis.note:
        notes.append(form.basis.note)
    return notes


def home_province(db: Database, home: Unit) -> str:
    """The home committee's province as places name it ("Tây Ninh"), found up the organisation tree."""
    unit: Unit | None = home
    seen: set[str] = set()
    while unit is not None and unit.id not in seen:
        seen.add(unit.id)
        if unit.unit_type is UnitType.PROVINCE_COMMITTEE:
            if unit.place_name:
                return unit.place_name
            for prefix in _PROVINCE_PREFIXES:
                if unit.name.startswith(prefix):
                    return unit.name[len(prefix):]
            return unit.name
        unit = units_repo.get(db, unit.parent_id) if unit.parent_id else None
    return ""


@contextmanager
def _bulk():
    """Hundreds of thousands of small objects are made and kept: the cycle collector, which would scan
    them again and again while they are made, waits until the work is done (nothing here makes cycles)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def load_register(db: Database, years: set[int] | None = None) -> StatRegister:
    """The whole register folded for the forms (ratings of ``years`` only)."""
    home = require_home(db)
    with _bulk():
        return build_register(statistics_repo.people(db), statistics_repo.events_by_member(db),
                              scopes=statistics_repo.transfer_scopes(db), home_province=home_province(db, home),
                              awards=statistics_repo.all_awards(db),
                              ratings=statistics_repo.ratings_for_years(db, years or set()))


def checked_period(form: StatForm, text: str | None) -> Period:
    period = parse_period(text)
    if not form.allows(period):
        raise DomainError("stats_period_not_allowed", form=form.code, period=period.code,
                          kinds=", ".join(PERIOD_KIND_LABELS[k.value] for k in form.periods))
    return period


class _Sources:
    """One fact source per window, shared by every form that counts that window: SQL over the register's
    projection (``statistics_sql``), or the folded register when one is given (the oracle)."""

    def __init__(self, db: Database, home: Unit, years: set[int], register: StatRegister | None) -> None:
        self.db, self.home, self.years, self.register = db, home, years, register
        self.shared: SqlShared | None = None
        self.by_window: dict[tuple[date, date], FactSource] = {}

    def __call__(self, window: Window) -> FactSource:
        key = (window.start, window.end)
        if key not in self.by_window:
            if self.register is not None:
                self.by_window[key] = FoldedSource(self.register, window, classifications())
            else:
                if self.shared is None:
                    self.shared = SqlShared(self.db, classifications(), home_province(self.db, self.home), self.years)
                self.by_window[key] = self.shared.source(window)
        return self.by_window[key]

    def unreadable(self) -> tuple[tuple[str, str], ...]:
        if self.register is not None:
            return self.register.unreadable
        return self.shared.folded.unreadable if self.shared else ()


def _result(db: Database, home: Unit, form: StatForm, sources: _Sources, window: Window) -> FormResult:
    typed = statistics_repo.typed_values(db, home.id, window.period.code, form.id)
    return compute(form, sources(window), window, classifications(), typed)


def _report(db: Database, home: Unit, form: StatForm, period: Period, sources: _Sources,
            today: date) -> StatisticsReport:
    window = window_for(period, today)
    current = _result(db, home, form, sources, window)
    previous = (_result(db, home, form, sources, window.same_period_last_year())
                if form.layout == COMPARISON else None)
    return StatisticsReport(form, period, window, current, previous,
                            tuple(display_rows(form, current, previous)), home.name)


def _windows(forms: list[StatForm], periods: dict[str, Period], today: date) -> list[Window]:
    out = []
    for form in forms:
        window = window_for(periods[form.id], today)
        out += [window, window.same_period_last_year()] if form.layout == COMPARISON else [window]
    return out


def reports(db: Database, period_text: str | None, *, form_ids: tuple[str, ...] | None = None,
            today: date | None = None, register: StatRegister | None = None,
            sources: _Sources | None = None) -> dict[str, StatisticsReport]:
    """The forms asked for (every form the period allows when none) for the committee, by form id.

    Counted with SQL over the register's projection; ``register`` (a folded register) counts in Python
    instead — the oracle the tests compare with."""
    scope.require_committee(db)   # the committee's figures, not a cell secretary's
    today = today or date.today()
    home = require_home(db)
    if form_ids:
        forms = [stat_form(f) for f in form_ids]
        periods = {form.id: checked_period(form, period_text) for form in forms}
    else:
        period = parse_period(period_text)
        forms = [f for f in stat_forms().values() if f.allows(period)]
        periods = {form.id: period for form in forms}
    years = {p.year for p in periods.values()} | {p.year - 1 for p in periods.values()}
    sources = sources or _Sources(db, home, years, register)
    for window in _windows(forms, periods, today):    # the lists of every day asked for: one pass
        sources(window)
    return {form.id: _report(db, home, form, periods[form.id], sources, today) for form in forms}


def report(db: Database, form_id: str, period_text: str | None, *, today: date | None = None) -> StatisticsReport:
    """One form for one period (same period last year alongside)."""
    scope.require_committee(db)   # the committee's figures, not a cell secretary's
    form = stat_form(form_id)
    return reports(db, period_text, form_ids=(form.id,), today=today)[form.id]


def _unreadable(unreadable: tuple[tuple[str, str], ...]) -> list[Finding]:
    if not unreadable:
        return []
    names = ", ".join(f"{name} ({reason})" for name, reason in unreadable[:5])
    return [Finding("history_unreadable", "error", "", {"count": len(unreadable), "names": names})]


def check(db: Database, period_text: str | None, *, form_ids: tuple[str, ...] | None = None,
          today: date | None = None, previous: Mapping[str, Mapping[str, int]] | None = None) -> CheckResult:
    """Every consistency finding for the period's forms (all the period allows by default).

    ``previous``: the figures of the previous period as they were sent (form → row → value), to check
    that this period opens where that one closed.
    """
    scope.require_committee(db)   # the committee's figures, not a cell secretary's
    return reports_and_check(db, period_text, form_ids=form_ids, today=today, previous=previous)[1]


def reports_and_check(db: Database, period_text: str | None, *, form_ids: tuple[str, ...] | None = None,
                      today: date | None = None, previous: Mapping[str, Mapping[str, int]] | None = None,
                      register: StatRegister | None = None) -> tuple[dict[str, StatisticsReport], CheckResult]:
    """The period's forms and their check from one reading of the register (what a return carries)."""
    scope.require_committee(db)   # the committee's figures, not a cell secretary's
    today = today or date.today()
    period = parse_period(period_text)
    ids = form_ids or tuple(f for f in FORM_IDS if stat_form(f).allows(period))
    sources = _Sources(db, require_home(db), {period.year, period.year - 1}, register)
    found = reports(db, period_text, form_ids=ids, today=today, sources=sources)
    return found, check_results({fid: r.current for fid, r in found.items()}, stat_forms(), previous=previous,
                                extra=_unreadable(sources.unreadable()))
