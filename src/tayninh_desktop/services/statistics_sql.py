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
from datetime import date

from tayninh_desktop.domain.stats_classify import Classifications
from tayninh_desktop.domain.stats_facts import (
    FactSource,
    FoldedSource,
    Movements,
    PopulationFacts,
    movement_note,
)
from tayninh_desktop.domain.stats_period import Window
from tayninh_desktop.domain.stats_register import TRANSFER_KINDS, StatRegister, build_register, transfer_scope
from tayninh_desktop.storage import statistics_repo, stats_sql_repo
from tayninh_desktop.storage.db import Database


class SqlShared:
    """What the windows of one computation share: the members left to Python, folded once, and the
    days whose lists are counted together."""

    def __init__(self, db: Database, tables: Classifications, home_province: str, years: set[int]) -> None:
        self.db, self.tables, self.home_province = db, tables, home_province
        ids = stats_sql_repo.irregular_members(db)
        self.excluded = json.dumps(ids)
        self.folded: StatRegister = build_register(
            statistics_repo.people(db, ids), statistics_repo.events_by_member(db, ids),
            scopes=statistics_repo.transfer_scopes(db), home_province=home_province,
            ratings=statistics_repo.ratings_for_years(db, years, ids))
        self.days: set[date] = set()
        self.counted: dict[date, int] = {}
        self.bands = [(b.low, b.high) for b in tables.age_bands]
        self.band_codes = [b.code for b in tables.age_bands]
        self.eras = [(e.start.isoformat() if e.start else None, e.end.isoformat() if e.end else None)
                     for e in tables.eras]
        self.era_codes = [e.code for e in tables.eras]
        self.exact_age = tables.age_rule != "year"

    def source(self, window: Window) -> SqlSource:
        self.days |= {window.opening_day, window.end}
        return SqlSource(self, window)

    def on_list(self, day: date) -> int:
        """Members on the list at the end of ``day`` (SQL part only), every asked day in one pass."""
        if day not in self.counted:
            days = sorted(self.days | {day} - set(self.counted))
            found = stats_sql_repo.list_counts(self.db, [d.isoformat() for d in days], self.excluded)
            self.counted.update({d: found[d.isoformat()] for d in days})
        return self.counted[day]

    def facts(self, rows: list[tuple]) -> PopulationFacts:
        """Grouped rows (``stats_sql_repo.stock_groups``) → population facts, profiles keyed as the domain
        keys them: (texts, flags) with the era's and the band's codes."""
        eras, bands = [*self.era_codes, ""], [*self.band_codes, None]      # index -1: none
        groups: Counter = Counter()
        for r in rows:
            groups[((r[0], r[1], r[2], r[3], r[4], r[5], r[6], eras[r[7]]),
                    (bands[r[8]], bool(r[9]), bool(r[10]), bool(r[11])))] += r[12]
        return PopulationFacts(groups, sum(r[13] or 0 for r in rows))


class SqlSource(FactSource):
    """One window's facts: SQL for the register's regular histories plus the fold of the others."""

    def __init__(self, shared: SqlShared, window: Window) -> None:
        super().__init__(window, shared.tables)
        self.shared, self.db = shared, shared.db
        self.folded = FoldedSource(shared.folded, window, shared.tables)
        self.start, self.end = window.start.isoformat(), window.end.isoformat()

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
        for kind, probationary, n in stats_sql_repo.event_counts(self.db, self.start, self.end, self.shared.excluded):
            out.counts[(kind, probationary, None)] += n
        for kind, day, place, issuer, recorded, name, probationary in stats_sql_repo.named_events(
                self.db, self.start, self.end, self.shared.excluded):
            scope = None
            if kind in TRANSFER_KINDS:
                found = recorded or transfer_scope(place, issuer, self.shared.home_province)
                scope = str(found) if found else None
            out.counts[(kind, bool(probationary), scope)] += 1
            text = movement_note(kind, scope, name, date.fromisoformat(day))
            if text is not None:
                out.name(kind, scope, text)
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
