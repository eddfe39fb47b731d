"""The statistical forms' facts read with SQL from the register's dated projection.

``SqlSource`` answers a window's questions (``domain/stats_facts.FactSource``) with grouped queries
(``storage/stats_sql_repo``); the few members whose history the projection cannot answer exactly are
left out of every query and folded in Python (``FoldedSource`` over just them), and the two answers are
added. What several windows share (those members, the days whose lists are counted) is a ``SqlShared``:
the lists of every day the forms ask about are counted in one pass over the periods.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from datetime import date
from functools import cache

from tayninh_desktop.domain.stats_classify import Classifications
from tayninh_desktop.domain.stats_facts import (
    FactSource,
    FoldedSource,
    Movements,
    PopulationFacts,
    movement_note,
)
from tayninh_desktop.domain.stats_forms import stat_forms
from tayninh_desktop.domain.stats_period import Window
from tayninh_desktop.domain.stats_register import TRANSFER_KINDS, StatRegister, build_register, transfer_scope
from tayninh_desktop.storage import statistics_repo, stats_sql_repo
from tayninh_desktop.storage.db import Database


@cache
def counted_kinds() -> frozenset[str]:
    """The event kinds some form counts ("events KIND…" rows)."""
    return frozenset(kind for form in stat_forms().values() for row in form.rows if row.count.startswith("events ")
                     for kind in row.count.split()[1:] if "=" not in kind)


class SqlShared:
    """What the windows of one computation share: the members left to Python (found and folded once,
    when the first question is asked: every window is known by then), the lists of every asked day counted
    in one pass, the events of every window read at once."""

    def __init__(self, db: Database, tables: Classifications, home_province: str, years: set[int]) -> None:
        self.db, self.tables, self.home_province, self.years = db, tables, home_province, years
        self.windows: list[Window] = []
        self.counted: dict[date, int] = {}
        self._excluded: str | None = None
        self._folded: StatRegister | None = None
        self._events: list[tuple] | None = None
        self._named: list[tuple] | None = None
        self.bands = [(b.low, b.high) for b in tables.age_bands]
        self.band_codes = [b.code for b in tables.age_bands]
        self.eras = [(e.start.isoformat() if e.start else None, e.end.isoformat() if e.end else None)
                     for e in tables.eras]
        self.era_codes = [e.code for e in tables.eras]
        self.exact_age = tables.age_rule != "year"

    def source(self, window: Window) -> SqlSource:
        self.windows.append(window)
        return SqlSource(self, window)

    @property
    def span(self) -> tuple[str, str]:
        """From the first day of the earliest window to the last day of the latest."""
        return (min(w.start for w in self.windows).isoformat(), max(w.end for w in self.windows).isoformat())

    @property
    def excluded(self) -> str:
        """The members left to Python, as the JSON array the queries read."""
        if self._excluded is None:
            ids = stats_sql_repo.irregular_members(self.db, *self.span)
            self._excluded = json.dumps(ids)
            self._folded = build_register(
                statistics_repo.people(self.db, ids), statistics_repo.events_by_member(self.db, ids),
                scopes=statistics_repo.transfer_scopes(self.db), home_province=self.home_province,
                ratings=statistics_repo.ratings_for_years(self.db, self.years, ids))
        return self._excluded

    @property
    def folded(self) -> StatRegister:
        self.excluded   # noqa: B018 - finds and folds them
        return self._folded

    def on_list(self, day: date) -> int:
        """Members on the list at the end of ``day`` (SQL part only), every asked day in one pass."""
        if day not in self.counted:
            asked = {w.opening_day for w in self.windows} | {w.end for w in self.windows} | {day}
            days = sorted(asked - set(self.counted))
            found = stats_sql_repo.list_counts(self.db, [d.isoformat() for d in days], self.excluded)
            self.counted.update({d: found[d.isoformat()] for d in days})
        return self.counted[day]

    def events(self) -> list[tuple]:
        """(kind, probationary before, date, count) of every window's events (those no note names)."""
        if self._events is None:
            kinds = sorted(counted_kinds() - set(stats_sql_repo.NAMED_KINDS))
            self._events = stats_sql_repo.event_counts(self.db, *self.span, self.excluded, kinds)
        return self._events

    def named(self) -> list[tuple]:
        """Transfers and settlements abroad of every window, one row each."""
        if self._named is None:
            self._named = stats_sql_repo.named_events(self.db, *self.span, self.excluded)
        return self._named

    def facts(self, rows: Iterable[tuple]) -> PopulationFacts:
        """Grouped rows (``stats_sql_repo.stock_groups``) → population facts, profiles keyed as the domain
        keys them: (texts, flags) with the era's and the band's codes. The texts of a register repeat: each
        combination is kept once (a 100,000-member list has tens of thousands of groups, not of texts)."""
        eras, bands = [*self.era_codes, ""], [*self.band_codes, None]      # index -1: none
        groups: Counter = Counter()
        kept: dict = {}
        age_sum = 0
        for r in rows:
            texts = (r[0], r[1], r[2], r[3], r[4], r[5], r[6], eras[r[7]])
            flags = (bands[r[8]], bool(r[9]), bool(r[10]), bool(r[11]))
            groups[(kept.setdefault(texts, texts), kept.setdefault(flags, flags))] += r[12]
            age_sum += r[13] or 0
        return PopulationFacts(groups, age_sum)


class SqlSource(FactSource):
    """One window's facts: SQL for the register's regular histories plus the fold of the others."""

    def __init__(self, shared: SqlShared, window: Window) -> None:
        super().__init__(window, shared.tables)
        self.shared, self.db = shared, shared.db
        self._folded: FoldedSource | None = None
        self.start, self.end = window.start.isoformat(), window.end.isoformat()

    @property
    def folded(self) -> FoldedSource:
        """The window's facts about the members left to Python."""
        if self._folded is None:
            self._folded = FoldedSource(self.shared.folded, self.window, self.shared.tables)
        return self._folded

    def on_list(self, day: date) -> int:
        return self.shared.on_list(day) + self.folded.on_list(day)

    def population(self, kind: str) -> PopulationFacts:
        return self.kept(("population", kind), lambda: self._population(kind).add(self.folded.population(kind)))

    def _population(self, kind: str) -> PopulationFacts:
        shared, ages = self.shared, {"exact_age": self.shared.exact_age, "bands": self.shared.bands}
        if kind == "stock":
            rows = stats_sql_repo.stock_groups(self.db, self.end, shared.excluded, eras=shared.eras, **ages)
        elif kind == "admitted":
            rows = stats_sql_repo.admitted_groups(self.db, self.start, self.end, shared.excluded, eras=shared.eras,
                                                  **ages)
        else:
            return PopulationFacts()
        facts = shared.facts(rows)
        if any(flags[0] is None for _texts, flags in facts.groups):
            outside = (stats_sql_repo.out_of_band_people(self.db, self.end, shared.excluded, **ages)
                       if kind == "stock" else
                       stats_sql_repo.out_of_band_admissions(self.db, self.start, self.end, shared.excluded, **ages))
            facts.out_of_bands = [f"{name} ({age} tuổi)" for name, age in outside]
        return facts

    def movements(self) -> Movements:
        return self.kept("movements", lambda: self._movements().add(self.folded.movements()))

    def _movements(self) -> Movements:
        out = Movements()
        start, end = self.start, self.end
        for kind, probationary, day, n in self.shared.events():
            if start <= day <= end:
                out.counts[(kind, probationary, None)] += n
        noted = []
        for kind, day, place, issuer, recorded, member_id, probationary in self.shared.named():
            if not start <= day <= end:
                continue
            scope = None
            if kind in TRANSFER_KINDS:
                found = recorded or transfer_scope(place, issuer, self.shared.home_province)
                scope = str(found) if found else None
            out.counts[(kind, bool(probationary), scope)] += 1
            if movement_note(kind, scope, "", date.fromisoformat(day)) is not None:
                noted.append((kind, scope, member_id, day))
        names = stats_sql_repo.names_of(self.db, sorted({member_id for _k, _s, member_id, _d in noted}))
        for kind, scope, member_id, day in sorted(noted, key=lambda n: (n[3], names[n[2]][1])):
            out.name(kind, scope, movement_note(kind, scope, names[member_id][0], date.fromisoformat(day)))
        return out

    def awards(self) -> Counter:
        return self.kept("awards", lambda: Counter({(kind, years): n for kind, years, n in
                                                    stats_sql_repo.award_counts(self.db, self.start, self.end)}))

    def ratings(self) -> Counter:
        def count() -> Counter:
            rows = stats_sql_repo.rating_counts(self.db, self.end, self.window.period.year, self.shared.excluded)
            return Counter({(level, reason): n for level, reason, n in rows}) + self.folded.ratings()
        return self.kept("ratings", count)

    def unreadable(self) -> tuple[tuple[str, str], ...]:
        return self.shared.folded.unreadable
