"""Counting the rows of a statistical form over a window of the register's history.

``compute`` is pure: a form definition, the folded register, a window of days and the figures the
office typed in; out come the values of every row, which rows were typed (or are still missing)
and notes about the data met on the way (texts that fit no row, transfers of unknown scope…).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from tayninh_desktop.domain.stats_classify import Classifications
from tayninh_desktop.domain.stats_forms import BREAKDOWN, StatForm, StatRow
from tayninh_desktop.domain.stats_period import Window
from tayninh_desktop.domain.stats_register import (
    ADMISSION_KINDS,
    ENTRY_KINDS,
    EXIT_KINDS,
    TRANSFER_KINDS,
    PersonFacts,
    Phase,
    StatMember,
    StatRegister,
    Step,
)

NAMES_SHOWN = 5          # names or texts quoted in a note before "và N người khác"
AVERAGE = "age=avg"


@dataclass(frozen=True)
class Finding:
    """A consistency error or warning, or a note about the data; the sentence is made from code and data."""

    code: str
    severity: str                     # "error" | "warning"
    form_id: str = ""
    data: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        from tayninh_desktop.domain.messages import render

        return render(self.code, self.data)

    def as_dict(self) -> dict:
        return {"code": self.code, "severity": self.severity, "form": self.form_id, "message": self.message,
                **{k: v for k, v in self.data.items() if isinstance(v, (int, str, list))}}


@dataclass(frozen=True)
class FormResult:
    """The figures of one form for one window (and, once summed, for many units)."""

    form_id: str
    period: str
    start: date
    end: date
    values: Mapping[str, int]
    typed: frozenset[str] = frozenset()
    missing: frozenset[str] = frozenset()
    notes: tuple[Finding, ...] = ()

    def value(self, key: str) -> int | None:
        """A row's figure (None when typed and not entered yet)."""
        if key in self.missing:
            return None
        return self.values.get(key, 0)

    def average(self, key: str) -> float | None:
        n = self.values.get(f"{key}:n", 0)
        return self.values.get(f"{key}:sum", 0) / n if n else None


@dataclass(slots=True)
class _Item:
    """One person of the population: a member on the list, or one admission."""

    member: StatMember
    at: date
    phase: Phase | None
    step: Step | None = None
    age: int = 0


@dataclass(frozen=True)
class _Population:
    """A population reduced to what the rows read: who, their ages, and how many share each profile."""

    ids: tuple[str, ...]
    age_sum: int
    profiles: Counter            # frozenset of filter words → how many people have exactly those
    singles: Counter             # filter word → how many people carry it
    female: Counter              # the same among women
    notes: _Notes


def _parse(count: str) -> tuple[str, list[str], dict[str, str]]:
    verb, *rest = count.split()
    args = [t for t in rest if "=" not in t]
    options = dict(t.split("=", 1) for t in rest if "=" in t)
    return verb, args, options


class _Notes:
    """Texts that fit no row, collected while classifying, reported once per form."""

    def __init__(self) -> None:
        self.texts: dict[str, Counter] = {}
        self.names: dict[str, list[str]] = {}

    def copy(self) -> _Notes:
        out = _Notes()
        out.texts = {topic: Counter(c) for topic, c in self.texts.items()}
        out.names = {topic: list(names) for topic, names in self.names.items()}
        return out

    def text(self, topic: str, value: str) -> None:
        self.texts.setdefault(topic, Counter())[value or "(trống)"] += 1

    def name(self, topic: str, value: str) -> None:
        self.names.setdefault(topic, []).append(value)

    def findings(self, form: StatForm, used: set[str]) -> list[Finding]:
        out = []
        for topic, counter in self.texts.items():
            if topic.split("_")[0] in used:
                texts = ", ".join(f"«{t}» ({n})" for t, n in counter.most_common(NAMES_SHOWN))
                out.append(Finding(f"{topic}", "warning", form.id,
                                   {"form": form.code, "count": sum(counter.values()), "texts": texts}))
        for topic, names in self.names.items():
            if topic.split("_")[0] in used or topic in used:
                out.append(Finding(topic, "warning", form.id,
                                   {"form": form.code, "count": len(names), "names": _names(names)}))
        return out


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    return shown + (f" và {len(names) - NAMES_SHOWN} người khác" if len(names) > NAMES_SHOWN else "")


def _atoms(item: _Item, tables: Classifications, notes: _Notes, known: dict) -> frozenset[str]:
    """Every filter word the person satisfies ("female", "occupation=xa", "age=31_35"…)."""
    p = item.member.person
    if p.id not in known:              # what does not change with the day: read once per register
        problems: list[tuple[str, str]] = []
        known[p.id] = (frozenset(_origin_atoms(p, tables, problems) | _work_atoms(p, tables, problems)),
                       tuple(problems))
    fixed, problems = known[p.id]
    for topic, text in problems:
        notes.text(topic, text)
    atoms = set(fixed)
    if item.phase is not None and item.phase.probationary:
        atoms.add("probationary")
    if item.phase is not None and item.phase.exempted:
        atoms.add("exempted")
    if item.step is not None and item.step.kind == "ket_nap_lai":
        atoms.add("readmitted")
    item.age = tables.age(p.birth_date, item.at)
    band = tables.age_band(item.age)
    if band is None:
        notes.name("age_out_of_bands", f"{p.full_name} ({item.age} tuổi)")
    else:
        atoms.add(f"age={band}")
    return frozenset(atoms)


def _origin_atoms(p: PersonFacts, tables: Classifications, problems: list) -> set[str]:
    """Sex, ethnic group, religion and era of admission."""
    atoms = {"", "female"} if p.gender == "nu" else {""}
    ethnicity = tables.ethnicities.classify(p.ethnicity)
    if ethnicity is None:
        problems.append(("ethnicity_unclassified", p.ethnicity))
        ethnicity = tables.ethnicities.unmatched
    atoms.add(f"ethnicity={ethnicity}")
    if ethnicity != tables.majority:
        atoms.add("minority")
    religion = tables.religion(p.religion)
    if religion is None:
        problems.append(("religion_other", p.religion))
        religion = tables.religions.unmatched
    if religion:
        atoms |= {"religious", f"religion={religion}"}
    era = tables.era(p.joined_on)
    if era:
        atoms.add(f"era={era}")
    return atoms


def _work_atoms(p: PersonFacts, tables: Classifications, problems: list) -> set[str]:
    """Working or retired, occupation group, schooling, qualification and political theory."""
    retired = tables.is_retired(p.occupation)
    atoms = {"retired" if retired else "working"}
    occupation = tables.occupation(p.occupation)
    if occupation is None:
        if not retired:
            problems.append(("occupation_unclassified", p.occupation))
        occupation = tables.occupations.unmatched
    atoms.add(f"occupation={occupation}")
    for topic, text in (("general", p.education_general), ("professional", p.education_professional),
                        ("theory", p.political_theory)):
        code = tables.general_education(text) if topic == "general" else getattr(tables, topic).classify(text)
        if code:
            atoms.add(f"{topic}={code}")
        elif text.strip():
            problems.append((f"{topic}_unclassified", text))
    return atoms


def _population(form: StatForm, register: StatRegister, window: Window) -> list[_Item]:
    if form.population == "stock":
        out = []
        for member in register.members:
            phase = member.phase_at_end_of(window.end)
            if phase is not None and phase.in_list:
                out.append(_Item(member, window.end, phase))
        return out
    if form.population == "admitted":
        return [_Item(member, step.day, member.phase_at_end_of(step.day), step)
                for member, step in _window_steps(register, window)
                if step.kind in ADMISSION_KINDS and step.in_list_after]
    return []


def _window_steps(register: StatRegister, window: Window) -> list[tuple[StatMember, Step]]:
    return [(m, s) for m in register.members for s in m.steps if window.start <= s.day <= window.end]


def _counts_event(step: Step, kinds: set[str], options: dict[str, str]) -> bool:
    if step.kind not in kinds:
        return False
    if step.kind in ENTRY_KINDS and not step.in_list_after:
        return False
    if step.kind in EXIT_KINDS and not step.in_list_before:
        return False
    if "scope" in options and step.scope != options["scope"]:
        return False
    return not (options.get("standing") == "du_bi" and not step.probationary_before)


def _classified(form: StatForm, register: StatRegister, window: Window, tables: Classifications) -> _Population:
    """The population with each person's filter words counted by profile, and its notes."""
    notes = _Notes()
    known = register.memo.setdefault("atoms", {})
    profiles: Counter = Counter()
    ids, age_sum = [], 0
    for item in _population(form, register, window):
        profiles[_atoms(item, tables, notes, known)] += 1
        ids.append(item.member.id)
        age_sum += item.age
    singles: Counter = Counter()
    female: Counter = Counter()
    for atoms, n in profiles.items():
        for atom in atoms:
            singles[atom] += n
            if "female" in atoms:
                female[atom] += n
    return _Population(tuple(ids), age_sum, profiles, singles, female, notes)


class _Counter:
    """Evaluates the rows of one form over one window."""

    def __init__(self, form: StatForm, register: StatRegister, window: Window, tables: Classifications) -> None:
        self.form, self.register, self.window, self.tables = form, register, window, tables
        self.used: set[str] = set()
        self.rated: Counter | None = None
        memo = register.memo
        key = (form.population, window.start, window.end)
        if key not in memo:          # the forms of one population and window share their counting
            memo[key] = _classified(form, register, window, tables)
        self.population: _Population = memo[key]
        self.notes = self.population.notes.copy()      # this form's own notes (transfers…) go to a copy
        steps_key = ("steps", window.start, window.end)
        if steps_key not in memo and any(r.count.startswith("events") for r in form.rows):
            memo[steps_key] = _window_steps(register, window)
        self.steps = memo.get(steps_key, [])

    def members(self, args: list[str], options: dict[str, str], *, female: bool = False) -> int:
        atoms = set(args) | {f"{k}={v}" for k, v in options.items()}
        self.used |= {a.split("=")[0] for a in atoms}
        population = self.population
        if len(atoms) <= 1:   # every person carries the word "": the counters answer directly
            return (population.female if female else population.singles)[next(iter(atoms), "")]
        if female:
            atoms.add("female")
        return sum(n for profile, n in population.profiles.items() if atoms <= profile)

    def events(self, args: list[str], options: dict[str, str]) -> int:
        kinds = set(args)
        counted = [(m, s) for m, s in self.steps if _counts_event(s, kinds, options)]
        if kinds & TRANSFER_KINDS and "scope" not in options:
            self.used.add("transfer")
            for member, step in counted:
                if step.scope is None:
                    self.notes.name("transfer_scope_unknown", f"{member.person.full_name} ({step.day:%d/%m/%Y})")
        if "dinh_cu_nuoc_ngoai" in kinds and "standing" not in options:
            self.used.add("settled")
            for member, step in counted:
                if step.kind == "dinh_cu_nuoc_ngoai":
                    self.notes.name("settled_abroad_counted", member.person.full_name)
        return len(counted)

    def awards(self, args: list[str], options: dict[str, str]) -> int:
        years = int(options["years"]) if "years" in options else None
        return sum(1 for a in self.register.awards
                   if a.kind in args and self.window.start <= a.day <= self.window.end
                   and (years is None or a.years == years))

    def ratings(self, args: list[str], options: dict[str, str]) -> int:
        if self.rated is None:            # (level, reason) of each member of the population, counted once
            year_ratings = self.register.ratings.get(self.window.period.year, {})
            found = (year_ratings.get(member_id) for member_id in self.population.ids)
            self.rated = Counter((r.level, r.reason or "khac") for r in found if r is not None)
        reason = options.get("reason")
        return sum(n for (level, why), n in self.rated.items() if level in args and reason in (None, why))

    def opening_closing(self, verb: str) -> int:
        day = self.window.opening_day if verb == "opening" else self.window.end
        key = ("on_list", day)
        if key not in self.register.memo:
            self.register.memo[key] = sum(1 for m in self.register.members if m.in_list_at_end_of(day))
        return self.register.memo[key]


def _evaluate(counter: _Counter, row: StatRow, values: dict[str, int]) -> None:
    verb, args, options = _parse(row.count)
    if verb == "members" and options.get("age") == "avg":
        values[f"{row.key}:sum"] = counter.population.age_sum
        values[f"{row.key}:n"] = len(counter.population.ids)
        counter.used.add("age")
        return
    if verb == "members":
        values[row.key] = counter.members(args, options)
        if counter.form.layout == BREAKDOWN:
            values[f"{row.key}:nu"] = counter.members(args, options, female=True)
    elif verb == "events":
        values[row.key] = counter.events(args, options)
    elif verb == "awards":
        values[row.key] = counter.awards(args, options)
    elif verb == "ratings":
        values[row.key] = counter.ratings(args, options)
    elif verb in ("opening", "closing"):
        values[row.key] = counter.opening_closing(verb)


def _sums(form: StatForm, values: dict[str, int]) -> None:
    pending = [r for r in form.rows if r.count.startswith("sum ")]
    for _ in range(len(pending) + 1):
        for row in list(pending):
            parts = row.count.split()[1:]
            if all(p in values for p in parts):
                values[row.key] = sum(values[p] for p in parts)
                if form.layout == BREAKDOWN:
                    values[f"{row.key}:nu"] = sum(values.get(f"{p}:nu", 0) for p in parts)
                pending.remove(row)


def compute(form: StatForm, register: StatRegister, window: Window, tables: Classifications,
            typed: Mapping[str, int] | None = None) -> FormResult:
    """The figures of ``form`` for ``window`` (typed rows from ``typed``; absent ones are missing)."""
    counter = _Counter(form, register, window, tables)
    values: dict[str, int] = {}
    for row in form.rows:
        if row.count and not row.count.startswith("sum "):
            _evaluate(counter, row, values)
    typed = typed or {}
    entered = {key: typed[key] for key in form.typed_keys if key in typed}
    values.update(entered)
    missing = frozenset(key for key in form.typed_keys if key not in typed)
    for key in missing:
        values[key] = 0
    _sums(form, values)
    notes = counter.notes.findings(form, counter.used)
    return FormResult(form.id, window.period.code, window.start, window.end, values, frozenset(entered), missing,
                      tuple(notes))
