"""Rules with a legal basis, read from the TOML files in ``resources/rules``.

Thresholds, deadlines and quotas change when the texts change (24-QĐ/TW → 294-QĐ/TW, 124-QĐ/TW →
366-QĐ/TW), so each value is a dated record with its basis; callers ask for the record valid on a
date. Values marked [R] in the files are defaults to be checked against the original texts.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, lru_cache
from importlib import resources
from itertools import pairwise
from types import MappingProxyType
from typing import Any

from tayninh_desktop.domain.rules_schema import (
    BASIS_KEYS,
    KEYED,
    META_FIELDS,
    REQUIRED,
    SECTIONS,
    field_type_ok,
)

RULES_PACKAGE = "tayninh_desktop.resources.rules"
PARTY_LIFE_FILE = "party_life.toml"
RUBRIC_FILE = "meeting_rubric.toml"
# The rule files read into one book (each section lives in exactly one of them).
RULE_FILES = ("party_life.toml", "dues.toml", "calendar.toml", "documents.toml", "screening_procedure.toml",
              "returns.toml")


class RuleError(ValueError):
    """A rule file is malformed: a missing basis, an unknown field, an overlapping or missing validity period.

    The message is Vietnamese and names the file, the section and the field, for the office that edits it."""

    def __init__(self, code: str, **data) -> None:
        from tayninh_desktop.domain.messages import render

        self.code = code
        self.data = data
        super().__init__(render(code, data))


@dataclass(frozen=True)
class Rule:
    """One dated rule record: its values and its legal basis (``unconfirmed``: a value not checked against the
    text, shown as such wherever it is shown)."""

    section: str
    values: MappingProxyType
    basis: str
    doc_number: str
    doc_date: date
    valid_from: date
    valid_to: date | None = None
    note: str = ""
    unconfirmed: bool = False
    source: str = ""

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def covers(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on < self.valid_to)

    @property
    def key(self) -> Any:
        field_name = KEYED.get(self.section)
        return self.values.get(field_name) if field_name else None

    @cached_property   # a frozen record: worked out once (thousands of warnings cite the same few records)
    def citation(self) -> str:
        """"294-QĐ/TW ngày 26/05/2025" — how a warning or a form cites its basis."""
        return f"{self.doc_number} ngày {self.doc_date:%d/%m/%Y}"

    @cached_property
    def citation_marked(self) -> str:
        """The citation, with "(chưa xác nhận)" when the record's values were not checked against the text."""
        from tayninh_desktop.domain.messages import render

        return self.citation + (render("rule_unconfirmed_mark") if self.unconfirmed else "")


@dataclass(frozen=True)
class RubricCriterion:
    code: str
    label: str
    max: int


@dataclass(frozen=True)
class RubricLevel:
    code: str
    label: str
    min: int


@dataclass(frozen=True)
class Rubric:
    """The chi bộ meeting quality self-evaluation: criteria with maximum points, and the levels."""

    code: str
    name: str
    basis: str
    doc_number: str
    doc_date: date
    criteria: tuple[RubricCriterion, ...]
    levels: tuple[RubricLevel, ...] = field(default_factory=tuple)

    @property
    def total(self) -> int:
        return sum(c.max for c in self.criteria)

    def level_for(self, score: int) -> RubricLevel:
        for level in sorted(self.levels, key=lambda lv: -lv.min):
            if score >= level.min:
                return level
        return self.levels[-1]


def _rule(source: str, section: str, raw: dict) -> Rule:
    """One record, checked against the schema: every basis key present, no unknown field, right types."""
    fields = SECTIONS.get(section)
    if fields is None:
        raise RuleError("rule_unknown_section", file=source, section=section)
    for name, value in raw.items():
        expected = META_FIELDS.get(name) or fields.get(name)
        if expected is None:
            raise RuleError("rule_unknown_field", file=source, section=section, field=name)
        if not field_type_ok(expected, value):
            raise RuleError("rule_bad_value", file=source, section=section, field=name, value=value)
    missing = [k for k in BASIS_KEYS if k not in raw]
    if missing:
        raise RuleError("rule_missing_field", file=source, section=section, field=", ".join(missing))
    missing = [k for k in REQUIRED.get(section, ()) if k not in raw]
    if missing:
        raise RuleError("rule_missing_value", file=source, section=section, field=", ".join(missing))
    if not str(raw["basis"]).strip() or not str(raw["doc_number"]).strip():
        raise RuleError("rule_missing_field", file=source, section=section, field="basis, doc_number")
    values = {k: v for k, v in raw.items() if k not in META_FIELDS}
    return Rule(section, MappingProxyType(values), raw["basis"], raw["doc_number"], raw["doc_date"],
                raw["valid_from"], raw.get("valid_to"), raw.get("note", ""), raw.get("unconfirmed", False), source)


@dataclass(frozen=True, eq=False)
class RuleBook:
    """All dated rule records by section (keyed sections: by section and key)."""

    sections: MappingProxyType

    def on(self, section: str, day: date, key: Any = None) -> Rule:
        """The record of ``section`` (and ``key``) valid on ``day``; the earliest one for days before any record."""
        records = [r for r in self.sections[section] if key is None or r.key == key]
        if not records:
            raise KeyError(f"{section}:{key}")
        for record in records:
            if record.covers(day):
                return record
        return min(records, key=lambda r: r.valid_from)

    def find(self, section: str, day: date, key: Any = None) -> Rule | None:
        """The record valid on ``day``, or None (no fallback to the earliest)."""
        return next((r for r in self.sections.get(section, ()) if (key is None or r.key == key) and r.covers(day)),
                    None)

    def keyed(self, section: str, day: date) -> dict[Any, Rule]:
        """Every key of a keyed section with its record valid on ``day``."""
        return {r.key: r for r in self.sections.get(section, ()) if r.covers(day)}

    def records(self, section: str) -> tuple[Rule, ...]:
        return self.sections.get(section, ())

    def in_force(self, day: date) -> list[Rule]:
        """Every record valid on ``day``, section by section (what ``rules show`` prints)."""
        return [r for records in self.sections.values() for r in records if r.covers(day)]


def parse_rule_book(data: dict, source: str = "") -> RuleBook:
    """Build and check a rule book from parsed TOML: every record has a basis and known fields; the periods of
    one section (one key of a keyed section) never overlap."""
    return merge_rule_books([(source, data)])


def merge_rule_books(files: list[tuple[str, dict]]) -> RuleBook:
    """One book from several parsed files; a section may live in one file only."""
    sections: dict[str, tuple[Rule, ...]] = {}
    for source, data in files:
        for section, raw_records in data.items():
            if section in sections:
                raise RuleError("rule_section_twice", file=source, section=section)
            if not isinstance(raw_records, list):
                raise RuleError("rule_unknown_section", file=source, section=section)
            records = tuple(sorted((_rule(source, section, r) for r in raw_records),
                                   key=lambda r: (str(r.key), r.valid_from)))
            for earlier, later in pairwise(records):
                if earlier.key == later.key and (earlier.valid_to is None or earlier.valid_to > later.valid_from):
                    raise RuleError("rule_overlap", file=source, section=section, first=earlier.doc_number,
                                    second=later.doc_number)
            sections[section] = records
    return RuleBook(MappingProxyType(sections))


def parse_rubric(data: dict) -> Rubric:
    for key in ("code", "name", *BASIS_KEYS, "criteria", "levels"):
        if key not in data:
            raise RuleError("rubric_missing", field=key)
    criteria = tuple(RubricCriterion(c["code"], c["label"], int(c["max"])) for c in data["criteria"])
    if len({c.code for c in criteria}) != len(criteria) or any(c.max <= 0 for c in criteria):
        raise RuleError("rubric_bad_criteria")
    levels = tuple(sorted((RubricLevel(lv["code"], lv["label"], int(lv["min"])) for lv in data["levels"]),
                          key=lambda lv: -lv.min))
    if not levels or levels[-1].min != 0:
        raise RuleError("rubric_bad_levels")
    return Rubric(data["code"], data["name"], data["basis"], data["doc_number"], data["doc_date"], criteria,
                  levels)


def _read(name: str) -> dict:
    text = resources.files(RULES_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError("rule_bad_toml", file=name, reason=str(exc)) from exc


@lru_cache(maxsize=1)
def party_life_rules() -> RuleBook:
    """The shipped rule book (cached; the files are read once)."""
    return merge_rule_books([(name, _read(name)) for name in RULE_FILES])


@lru_cache(maxsize=1)
def default_rubric() -> Rubric:
    """The shipped default meeting rubric."""
    return parse_rubric(_read(RUBRIC_FILE))


def rubric_from_dict(data: dict) -> Rubric:
    """A rubric edited by the office (stored as JSON in the settings, dates as ISO text)."""
    fixed = dict(data)
    if isinstance(fixed.get("doc_date"), str):
        fixed["doc_date"] = date.fromisoformat(fixed["doc_date"])
    fixed.setdefault("valid_from", fixed.get("doc_date"))
    return parse_rubric(fixed)


def rubric_to_dict(rubric: Rubric) -> dict:
    return {"code": rubric.code, "name": rubric.name, "basis": rubric.basis, "doc_number": rubric.doc_number,
            "doc_date": rubric.doc_date.isoformat(), "valid_from": rubric.doc_date.isoformat(),
            "criteria": [{"code": c.code, "label": c.label, "max": c.max} for c in rubric.criteria],
            "levels": [{"code": lv.code, "label": lv.label, "min": lv.min} for lv in rubric.levels]}


@dataclass(frozen=True)
class WorkCalendar:
    """The days that are not working days besides weekends (holidays, Tết, Giỗ Tổ, days off in lieu), and the
    Saturdays or Sundays that are worked in exchange; built by services from the rule data and the lunar
    calendar of a kept library."""

    days_off: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()

    def is_working_day(self, day: date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.days_off


def add_working_days(start: date, days: int, calendar: WorkCalendar) -> date:
    """``days`` working days after ``start``."""
    day = start
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    return day
