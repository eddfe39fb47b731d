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
from tayninh_desktop.domain.stats_facts import (
    SETTLED,
    FactSource,
    Flags,
    FoldedSource,
    PopulationFacts,
    Texts,
)
from tayninh_desktop.domain.stats_forms import BREAKDOWN, StatForm, StatRow
from tayninh_desktop.domain.stats_period import Window
from tayninh_desktop.domain.stats_register import TRANSFER_KINDS, StatRegister

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


FLAG_WORDS = frozenset({"probationary", "exempted", "readmitted"})


def _is_flag(word: str) -> bool:
    return word in FLAG_WORDS or word.startswith("age=")


@dataclass
class _Population:
    """A population reduced to what the rows read: how many people share each profile, the filter words
    of each part of a profile (its texts, its flags), and how many carry each word (among women too)."""

    size: int
    age_sum: int
    groups: Counter              # (texts, flags) → how many
    texts_words: dict            # texts → frozenset of filter words ("female", "occupation=xa"…)
    flags_words: dict            # flags → frozenset ("probationary", "age=31_35"…)
    by_texts: Counter
    by_flags: Counter
    singles: Counter             # filter word → how many people carry it
    female: Counter              # the same among women
    notes: _Notes
    counted: dict = field(default_factory=dict)

    def count(self, words: frozenset[str]) -> int:
        """How many people carry every word of ``words``."""
        if words not in self.counted:
            self.counted[words] = self._count(words)
        return self.counted[words]

    def _count(self, words: frozenset[str]) -> int:
        flags = frozenset(w for w in words if _is_flag(w))
        texts = words - flags
        if not flags:
            return sum(n for key, n in self.by_texts.items() if texts <= self.texts_words[key])
        if not texts:
            return sum(n for key, n in self.by_flags.items() if flags <= self.flags_words[key])
        fitting_texts = {key for key, found in self.texts_words.items() if texts <= found}
        fitting_flags = {key for key, found in self.flags_words.items() if flags <= found}
        return sum(n for (t, f), n in self.groups.items() if t in fitting_texts and f in fitting_flags)


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

    def text(self, topic: str, value: str, n: int = 1) -> None:
        self.texts.setdefault(topic, Counter())[value or "(trống)"] += n

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


def _texts_words(texts: Texts, tables: Classifications) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """Every filter word the texts satisfy ("female", "occupation=xa"…) and the texts no row places (topic,
    text); a register repeats its texts, so each combination is read once."""
    key = ("texts", texts)
    seen = tables._seen
    if key not in seen:
        problems: list[tuple[str, str]] = []
        words = _origin_atoms(texts, tables, problems) | _work_atoms(texts, tables, problems)
        seen[key] = (frozenset(words), tuple(problems))
    return seen[key]


def _flags_words(flags: Flags) -> frozenset[str]:
    words = {name for name, on in (("probationary", flags.probationary), ("exempted", flags.exempted),
                                   ("readmitted", flags.readmitted)) if on}
    if flags.band is not None:
        words.add(f"age={flags.band}")
    return frozenset(words)


def _origin_atoms(p: Texts, tables: Classifications, problems: list) -> set[str]:
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
    if p.era:
        atoms.add(f"era={p.era}")
    return atoms


def _work_atoms(p: Texts, tables: Classifications, problems: list) -> set[str]:
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


def _classified(facts: PopulationFacts, tables: Classifications) -> _Population:
    """The population with each part of each profile turned into filter words, counted, and its notes."""
    notes = _Notes()
    by_texts: Counter = Counter()
    by_flags: Counter = Counter()
    female_flags: Counter = Counter()
    for (texts, flags), n in facts.groups.items():
        by_texts[texts] += n
        by_flags[flags] += n
        if texts[0] == "nu":
            female_flags[flags] += n
    texts_words, flags_words = {}, {}
    singles: Counter = Counter()
    female: Counter = Counter()
    for texts, n in by_texts.items():
        words, problems = _texts_words(Texts(*texts), tables)
        texts_words[texts] = words
        for topic, text in problems:
            notes.text(topic, text, n)
        target = (singles, female) if "female" in words else (singles,)
        for counter in target:
            for word in words:
                counter[word] += n
    for flags, n in by_flags.items():
        words = flags_words[flags] = _flags_words(Flags(*flags))
        for word in words:
            singles[word] += n
            female[word] += female_flags[flags]
    for name in facts.out_of_bands:
        notes.name("age_out_of_bands", name)
    return _Population(facts.size, facts.age_sum, facts.groups, texts_words, flags_words, by_texts, by_flags,
                       singles, female, notes)


class _Counter:
    """Evaluates the rows of one form over one window."""

    def __init__(self, form: StatForm, source: FactSource) -> None:
        self.form, self.source, self.window = form, source, source.window
        self.used: set[str] = set()
        # the forms of one population and window share their counting
        self.population: _Population = source.kept(("classified", form.population), lambda: _classified(
            source.population(form.population), source.tables))
        self.notes = self.population.notes.copy()      # this form's own notes (transfers…) go to a copy

    def members(self, args: list[str], options: dict[str, str], *, female: bool = False) -> int:
        atoms = set(args) | {f"{k}={v}" for k, v in options.items()}
        self.used |= {a.split("=")[0] for a in atoms}
        population = self.population
        if len(atoms) <= 1:   # every person carries the word "": the counters answer directly
            return (population.female if female else population.singles)[next(iter(atoms), "")]
        if female:
            atoms.add("female")
        return population.count(frozenset(atoms))

    def events(self, args: list[str], options: dict[str, str]) -> int:
        kinds = set(args)
        moves = self.source.movements()
        scope, probationary_only = options.get("scope"), options.get("standing") == "du_bi"
        total = sum(n for (kind, probationary, moved_scope), n in moves.counts.items()
                    if kind in kinds and (scope is None or moved_scope == scope)
                    and (probationary or not probationary_only))
        if kinds & TRANSFER_KINDS and scope is None:
            self.used.add("transfer")
            for kind in sorted(kinds & TRANSFER_KINDS):
                for text in moves.named.get((kind, None), ()):
                    self.notes.name("transfer_scope_unknown", text)
        if SETTLED in kinds and not probationary_only:
            self.used.add("settled")
            for text in moves.named.get((SETTLED, None), ()):
                self.notes.name("settled_abroad_counted", text)
        return total

    def awards(self, args: list[str], options: dict[str, str]) -> int:
        years = int(options["years"]) if "years" in options else None
        return sum(n for (kind, given_years), n in self.source.awards().items()
                   if kind in args and (years is None or given_years == years))

    def ratings(self, args: list[str], options: dict[str, str]) -> int:
        reason = options.get("reason")
        return sum(n for (level, why), n in self.source.ratings().items() if level in args and reason in (None, why))

    def opening_closing(self, verb: str) -> int:
        return self.source.on_list(self.window.opening_day if verb == "opening" else self.window.end)


def _evaluate(counter: _Counter, row: StatRow, values: dict[str, int]) -> None:
    verb, args, options = _parse(row.count)
    if verb == "members" and options.get("age") == "avg":
        values[f"{row.key}:sum"] = counter.population.age_sum
        values[f"{row.key}:n"] = counter.population.size
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


def compute(form: StatForm, source: FactSource | StatRegister, window: Window, tables: Classifications,
            typed: Mapping[str, int] | None = None) -> FormResult:
    """The figures of ``form`` for ``window`` (typed rows from ``typed``; absent ones are missing).

    ``source`` answers the window's questions; a folded register is read through ``FoldedSource``
    (give the same source to every form of one window: what they share is counted once)."""
    if isinstance(source, StatRegister):
        source = FoldedSource(source, window, tables)
    counter = _Counter(form, source)
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
