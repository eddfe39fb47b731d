"""Rules with a legal basis, read from the TOML files in ``resources/rules``.

Thresholds, deadlines and quotas change when the texts change (24-QĐ/TW → 294-QĐ/TW, 124-QĐ/TW →
366-QĐ/TW), so each value is a dated record with its basis; callers ask for the record valid on a
date. Values marked [R] in the files are defaults to be checked against the original texts.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from types import MappingProxyType
from typing import Any

RULES_PACKAGE = "tayninh_desktop.resources.rules"
PARTY_LIFE_FILE = "party_life.toml"
RUBRIC_FILE = "meeting_rubric.toml"

# Keys every dated rule record must carry (the legal basis and the validity period).
BASIS_KEYS = ("basis", "doc_number", "doc_date", "valid_from")


class RuleError(ValueError):
    """A rule file is malformed: a missing basis, an overlapping or missing validity period."""


@dataclass(frozen=True)
class Rule:
    """One dated rule record: its values and its legal basis."""

    section: str
    values: MappingProxyType
    basis: str
    doc_number: str
    doc_date: date
    valid_from: date
    valid_to: date | None = None
    note: str = ""

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def covers(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on < self.valid_to)

    @property
    def citation(self) -> str:
        """"294-QĐ/TW ngày 26/05/2025" — how a warning or a form cites its basis."""
        return f"{self.doc_number} ngày {self.doc_date:%d/%m/%Y}"


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


def _rule(section: str, raw: dict) -> Rule:
    missing = [k for k in BASIS_KEYS if k not in raw]
    if missing:
        raise RuleError(f"[{section}] thiếu {', '.join(missing)}")
    values = {k: v for k, v in raw.items() if k not in (*BASIS_KEYS, "valid_to", "note")}
    return Rule(section, MappingProxyType(values), raw["basis"], raw["doc_number"], raw["doc_date"],
                raw["valid_from"], raw.get("valid_to"), raw.get("note", ""))


@dataclass(frozen=True)
class RuleBook:
    """All dated rule records by section."""

    sections: MappingProxyType

    def on(self, section: str, day: date) -> Rule:
        """The record of ``section`` valid on ``day`` (the earliest one for days before any record)."""
        records = self.sections[section]
        for record in records:
            if record.covers(day):
                return record
        return min(records, key=lambda r: r.valid_from)

    def records(self, section: str) -> tuple[Rule, ...]:
        return self.sections[section]

    def holidays(self) -> frozenset[date]:
        """Lunar new year days listed per year (fixed-date holidays are in the transfer rule)."""
        out: set[date] = set()
        for record in self.sections.get("holidays", ()):
            day = record["first"]
            while day <= record["last"]:
                out.add(day)
                day += timedelta(days=1)
        return frozenset(out)


def parse_rule_book(data: dict) -> RuleBook:
    """Build and check a rule book from parsed TOML: every record has a basis; periods never overlap."""
    sections: dict[str, tuple[Rule, ...]] = {}
    for section, raw_records in data.items():
        if section == "holidays":
            sections[section] = tuple(
                Rule(section, MappingProxyType(r), "", "", r["first"], r["first"]) for r in raw_records)
            continue
        records = tuple(sorted((_rule(section, r) for r in raw_records), key=lambda r: r.valid_from))
        for earlier, later in pairwise(records):
            if earlier.valid_to is None or earlier.valid_to > later.valid_from:
                raise RuleError(f"[{section}] các thời hạn hiệu lực chồng nhau ({earlier.doc_number},"
                                f" {later.doc_number})")
        sections[section] = records
    return RuleBook(MappingProxyType(sections))


def parse_rubric(data: dict) -> Rubric:
    for key in ("code", "name", *BASIS_KEYS, "criteria", "levels"):
        if key not in data:
            raise RuleError(f"biểu đánh giá thiếu {key}")
    criteria = tuple(RubricCriterion(c["code"], c["label"], int(c["max"])) for c in data["criteria"])
    if len({c.code for c in criteria}) != len(criteria) or any(c.max <= 0 for c in criteria):
        raise RuleError("tiêu chí trùng mã hoặc điểm tối đa không dương")
    levels = tuple(sorted((RubricLevel(lv["code"], lv["label"], int(lv["min"])) for lv in data["levels"]),
                          key=lambda lv: -lv.min))
    if not levels or levels[-1].min != 0:
        raise RuleError("mức xếp loại thấp nhất phải bắt đầu từ 0 điểm")
    return Rubric(data["code"], data["name"], data["basis"], data["doc_number"], data["doc_date"], criteria,
                  levels)


def _read(name: str) -> dict:
    return tomllib.loads(resources.files(RULES_PACKAGE).joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def party_life_rules() -> RuleBook:
    """The shipped party-life rule book (cached; the files are read once)."""
    return parse_rule_book(_read(PARTY_LIFE_FILE))


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


def add_working_days(start: date, days: int, book: RuleBook | None = None) -> date:
    """``days`` working days after ``start`` (Monday–Friday, minus fixed holidays and listed Tết days)."""
    book = book or party_life_rules()
    fixed = set(book.on("transfer_deadline", start)["fixed_holidays"])
    extra = book.holidays()
    day = start
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if day.weekday() >= 5 or day.strftime("%d-%m") in fixed or day in extra:
            continue
        counted += 1
    return day
