"""What the statistical forms count, for one window of days, whoever read it from the register.

A form's rows ask a few questions of a window: how many were on the list at the end of a day; who
made up the population (the list at the cut-off, or the members admitted in the period), reduced to
their profiles (sex, ethnic group, religion, the texts of occupation and schooling valid that day,
era of admission; age band, probationary, exempted); the movements that put members on the list or
took them off; badges and cards given; ratings of the population.

A ``FactSource`` answers them. ``FoldedSource`` (here, pure) answers from the folded register
(``stats_register``): every member's whole history walked in Python — the oracle the tests hold the
fast answers to. The service layer's source answers the same questions with SQL over the register's
dated projection (``services/statistics_sql.py``), folding in Python only the few histories a
projection cannot answer exactly. Both give the same facts, so ``stats_compute`` is one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from tayninh_desktop.domain.stats_classify import Classifications
from tayninh_desktop.domain.stats_period import Window
from tayninh_desktop.domain.stats_register import (
    ADMISSION_KINDS,
    ENTRY_KINDS,
    EXIT_KINDS,
    TRANSFER_KINDS,
    StatMember,
    StatRegister,
    Step,
)

SETTLED = "dinh_cu_nuoc_ngoai"
WORK_FIELDS = ("occupation", "education_general", "education_professional", "political_theory")


class Texts(NamedTuple):
    """What does not change with the day for a person (their texts on the day counted): the part of a
    profile classified once per distinct combination."""

    gender: str
    ethnicity: str
    religion: str
    occupation: str
    education_general: str
    education_professional: str
    political_theory: str
    era: str                 # code of the era of admission ("" when none fits)


class Flags(NamedTuple):
    """What depends on the day: the age band and the member's situation."""

    band: str | None         # code of the age band (None: outside every band)
    probationary: bool
    exempted: bool
    readmitted: bool         # an admission that was a re-admission (kết nạp lại)


@dataclass
class PopulationFacts:
    """A population: how many people share each profile — (texts, flags) as plain tuples in the order of
    ``Texts`` and ``Flags`` — the sum of their ages, and who falls outside every age band ("Name (N tuổi)")."""

    groups: Counter = field(default_factory=Counter)
    age_sum: int = 0
    out_of_bands: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(self.groups.values())

    def add(self, other: PopulationFacts) -> PopulationFacts:
        return PopulationFacts(self.groups + other.groups, self.age_sum + other.age_sum,
                               self.out_of_bands + other.out_of_bands)


@dataclass
class Movements:
    """The events of a window the forms count (``counts_as_event``): entries that put a member on the
    list, exits that took one off it, and the other events as they are.

    ``counts``: (kind, probationary just before, scope) → how many; scope is the transfer's
    ("tinh_khac", "trong_tinh"; None when unknown), None for other kinds. ``named``: the people a note
    names — transfers of unknown scope ("Tâm (10/05/2025)") under (kind, None), settled abroad under
    ("dinh_cu_nuoc_ngoai", None)."""

    counts: Counter = field(default_factory=Counter)
    named: dict[tuple[str, str | None], list[str]] = field(default_factory=dict)

    def add(self, other: Movements) -> Movements:
        named = {key: list(names) for key, names in self.named.items()}
        for key, names in other.named.items():
            named.setdefault(key, []).extend(names)
        return Movements(self.counts + other.counts, named)

    def name(self, kind: str, scope: str | None, text: str) -> None:
        self.named.setdefault((kind, scope), []).append(text)


def movement_note(kind: str, scope: str | None, name: str, day: date) -> str | None:
    """The text a note quotes for a movement, or None when no note names it."""
    if kind in TRANSFER_KINDS and scope is None:
        return f"{name} ({day:%d/%m/%Y})"
    if kind == SETTLED:
        return name
    return None


class FactSource:
    """The questions a form asks of one window (subclasses answer them; each answer is kept)."""

    def __init__(self, window: Window, tables: Classifications) -> None:
        self.window, self.tables = window, tables
        self.cache: dict = {}

    def kept(self, key, make):
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]

    def on_list(self, day: date) -> int:
        raise NotImplementedError

    def population(self, kind: str) -> PopulationFacts:
        """"stock": the list at the end of the window; "admitted": admissions in the window."""
        raise NotImplementedError

    def movements(self) -> Movements:
        raise NotImplementedError

    def awards(self) -> Counter:
        """(kind, badge years or None) → how many given in the window."""
        raise NotImplementedError

    def ratings(self) -> Counter:
        """(level, reason or "khac") → how many of the list at the end of the window, for its year."""
        raise NotImplementedError

    def unreadable(self) -> tuple[tuple[str, str], ...]:
        """(name, reason) of histories that could not be read."""
        return ()


def profile_on(member: StatMember, day: date, tables: Classifications, *, probationary: bool, exempted: bool,
               readmitted: bool = False) -> tuple[Texts, Flags, int]:
    """The person's profile on ``day`` (the texts valid at the end of that day) and their age."""
    p = member.person
    age = tables.age(p.birth_date, day)
    values = [p.value_at(name, day) for name in WORK_FIELDS]
    return (Texts(p.gender, p.ethnicity, p.religion, *values, tables.era(p.joined_on) or ""),
            Flags(tables.age_band(age), probationary, exempted, readmitted), age)


class FoldedSource(FactSource):
    """Answers from the folded register (every history walked in Python): the oracle."""

    def __init__(self, register: StatRegister, window: Window, tables: Classifications) -> None:
        super().__init__(window, tables)
        self.register = register

    def on_list(self, day: date) -> int:
        return self.kept(("on_list", day), lambda: sum(1 for m in self.register.members if m.in_list_at_end_of(day)))

    def _stock(self) -> list[StatMember]:
        end = self.window.end
        return self.kept("stock_members", lambda: [m for m in self.register.members if m.in_list_at_end_of(end)])

    def _steps(self) -> list[tuple[StatMember, Step]]:
        start, end = self.window.start, self.window.end
        return self.kept("steps", lambda: [(m, s) for m in self.register.members for s in m.steps
                                           if start <= s.day <= end])

    def population(self, kind: str) -> PopulationFacts:
        return self.kept(("population", kind), lambda: self._population(kind))

    def _population(self, kind: str) -> PopulationFacts:
        if kind == "stock":
            items = [(m, self.window.end, m.phase_at_end_of(self.window.end), False) for m in self._stock()]
        elif kind == "admitted":
            items = [(m, s.day, m.phase_at_end_of(s.day), s.kind == "ket_nap_lai") for m, s in self._steps()
                     if s.kind in ADMISSION_KINDS and s.in_list_after]
        else:
            items = []
        return population_of(items, self.tables)

    def movements(self) -> Movements:
        return self.kept("movements", lambda: moved(self._steps()))

    def awards(self) -> Counter:
        start, end = self.window.start, self.window.end
        return self.kept("awards", lambda: Counter((a.kind, a.years) for a in self.register.awards
                                                   if start <= a.day <= end))

    def ratings(self) -> Counter:
        def count() -> Counter:
            of_year = self.register.ratings.get(self.window.period.year, {})
            found = (of_year.get(m.id) for m in self._stock())
            return Counter((r.level, r.reason or "khac") for r in found if r is not None)
        return self.kept("ratings", count)

    def unreadable(self) -> tuple[tuple[str, str], ...]:
        return self.register.unreadable


def population_of(items: Iterable[tuple], tables: Classifications) -> PopulationFacts:
    """(member, day, phase, readmitted) of each person → their population facts."""
    facts = PopulationFacts()
    for member, day, phase, readmitted in items:
        texts, flags, age = profile_on(member, day, tables, probationary=bool(phase and phase.probationary),
                                       exempted=bool(phase and phase.exempted), readmitted=readmitted)
        facts.groups[(texts, flags)] += 1
        facts.age_sum += age
        if flags.band is None:
            facts.out_of_bands.append(f"{member.person.full_name} ({age} tuổi)")
    return facts


def counts_as_event(step: Step) -> bool:
    """An event the forms count: an entry only when it put the member on the list, an exit only when it
    took them off it (a member hosted in temporary party life is on another organisation's list); any
    other event (temporary transfers…) as it is."""
    if step.kind in ENTRY_KINDS:
        return step.in_list_after
    if step.kind in EXIT_KINDS:
        return step.in_list_before
    return True


def moved(steps: Iterable[tuple[StatMember, Step]]) -> Movements:
    out = Movements()
    for member, step in steps:
        if not counts_as_event(step):
            continue
        scope = step.scope if step.kind in TRANSFER_KINDS else None
        out.counts[(step.kind, step.probationary_before, scope)] += 1
        text = movement_note(step.kind, scope, member.person.full_name, step.day)
        if text is not None:
            out.name(step.kind, scope, text)
    return out
