"""Placing a member's register text on the rows of the statistical forms.

The register keeps occupation, schooling, qualification, theory, ethnicity and religion as the text
of the member's file ("Làm nông", "12/12", "Trung cấp", "Khơ Me"). The tables in
``resources/reference/statistics/classifications.toml`` give each row of the forms its keywords; a
value no keyword places is reported (``None`` here), never silently dropped.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

from tayninh_desktop.domain.vn_text import fold

REFERENCE_PACKAGE = "tayninh_desktop.resources"
REFERENCE_FOLDER = ("reference", "statistics")
CLASSIFICATIONS_FILE = "classifications.toml"

_NON_WORD = re.compile(r"[^0-9a-z']+")
_FRACTION = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*$")
_PREFIXES = ("dan toc ", "nguoi ", "dao ", "ton giao ")


def words(text: str) -> str:
    """Folded text reduced to words separated by single spaces, padded for whole-word matching."""
    return " " + " ".join(_NON_WORD.sub(" ", fold(text or "")).split()) + " "


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    keywords: tuple[str, ...] = ()
    group: bool = False          # a heading row that sums its members (the enterprise rows)
    in_group: str = ""


@dataclass(frozen=True)
class Table:
    """One classification: its rows in form order, the order keywords are tried, how to match."""

    rows: tuple[Category, ...]
    match_order: tuple[str, ...]
    exact: bool = False
    unmatched: str = ""
    # A register repeats a few dozen texts across thousands of members: each is read once.
    _seen: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def by_code(self, code: str) -> Category:
        return next(c for c in self.rows if c.code == code)

    def classify(self, text: str) -> str | None:
        """The code of the row ``text`` belongs to, or None when no keyword places it."""
        if text not in self._seen:
            self._seen[text] = self._classify(text)
        return self._seen[text]

    def _classify(self, text: str) -> str | None:
        value = words(text)
        if self.exact:
            for prefix in _PREFIXES:
                if value.startswith(" " + prefix):
                    value = " " + value[len(prefix) + 1:]
        for code in self.match_order:
            for keyword in self.by_code(code).keywords:
                key = " " + " ".join(_NON_WORD.sub(" ", keyword).split()) + " "
                if (value == key) if self.exact else (key in value):
                    return code
        return None


@dataclass(frozen=True)
class AgeBand:
    code: str
    label: str
    low: int
    high: int


@dataclass(frozen=True)
class Era:
    code: str
    label: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class Classifications:
    """Every table the forms need, with the age rule and the legal basis of the rows."""

    occupations: Table
    retired_keywords: tuple[str, ...]
    general: Table
    school_systems: tuple[tuple[int, int, int], ...]     # (grades, last primary, last lower secondary)
    professional: Table
    theory: Table
    ethnicities: Table
    majority: str
    religions: Table
    no_religion: tuple[str, ...]
    age_bands: tuple[AgeBand, ...]
    age_rule: str
    age_unconfirmed: bool
    eras: tuple[Era, ...]
    basis: dict

    _seen: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    # -- the questions the forms ask ---------------------------------------------------------------
    def is_retired(self, occupation: str) -> bool:
        key = ("retired", occupation)
        if key not in self._seen:
            value = words(occupation)
            self._seen[key] = any(f" {k} " in value for k in self.retired_keywords)
        return self._seen[key]

    def occupation(self, text: str) -> str | None:
        return self.occupations.classify(text)

    def general_education(self, text: str) -> str | None:
        key = ("general", text)
        if key not in self._seen:
            self._seen[key] = self._general_education(text)
        return self._seen[key]

    def _general_education(self, text: str) -> str | None:
        match = _FRACTION.match(text or "")
        if match:
            grade, grades = int(match[1]), int(match[2])
            for system, primary, lower in self.school_systems:
                if grades == system and 1 <= grade <= system:
                    return "tieu_hoc" if grade <= primary else "thcs" if grade <= lower else "thpt"
            return None
        return self.general.classify(text)

    def religion(self, text: str) -> str | None:
        """The religion's code; "" for no religion; None when the text names none this table knows."""
        key = ("religion", text)
        if key not in self._seen:
            self._seen[key] = self._religion(text)
        return self._seen[key]

    def _religion(self, text: str) -> str | None:
        value = words(text).strip()
        if not value or value in self.no_religion or value.startswith("khong "):
            return ""
        return self.religions.classify(text)

    def age(self, birth: date, on: date) -> int:
        if self.age_rule == "year":
            return on.year - birth.year
        return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))

    def age_band(self, age: int) -> str | None:
        key = ("age", age)
        if key not in self._seen:
            self._seen[key] = next((b.code for b in self.age_bands if b.low <= age <= b.high), None)
        return self._seen[key]

    def era(self, joined: date) -> str | None:
        return next((e.code for e in self.eras
                     if (e.start is None or e.start <= joined) and (e.end is None or joined <= e.end)), None)


def _table(data: dict, *, exact: bool = False) -> Table:
    rows = tuple(Category(r["code"], r["label"], tuple(r.get("keywords", ())), bool(r.get("group")),
                          r.get("in_group", "")) for r in data["rows"])
    order = tuple(data.get("match_order") or [r.code for r in rows if not r.group])
    return Table(rows, order, exact=exact or data.get("match") == "exact", unmatched=data.get("unmatched", ""))


def parse_classifications(data: dict) -> Classifications:
    """The tables from the parsed TOML (a KeyError names a missing part: the file ships with the program)."""
    occupations = data["occupations"]
    general = data["general_education"]
    return Classifications(
        occupations=_table(occupations),
        retired_keywords=tuple(occupations.get("retired_keywords", ())),
        general=_table(general),
        school_systems=tuple((s["grades"], s["primary"], s["lower_secondary"]) for s in general["systems"]),
        professional=_table(data["professional"]),
        theory=_table(data["political_theory"]),
        ethnicities=_table(data["ethnicities"]),
        majority=data["ethnicities"]["majority"],
        religions=_table(data["religions"]),
        no_religion=tuple(data["religions"].get("none_keywords", ())),
        age_bands=tuple(AgeBand(b["code"], b["label"], b["low"], b["high"]) for b in data["age"]["bands"]),
        age_rule=data["age"].get("rule", "exact"),
        age_unconfirmed=bool(data["age"].get("unconfirmed", False)),
        eras=tuple(Era(e["code"], e["label"], e.get("from"), e.get("to")) for e in data["eras"]["bands"]),
        basis=dict(data.get("basis", {})),
    )


def reference_text(name: str) -> str:
    """The text of a file in resources/reference/statistics (installed with the package)."""
    folder = resources.files(REFERENCE_PACKAGE).joinpath(*REFERENCE_FOLDER)
    return folder.joinpath(name).read_text(encoding="utf-8")


@cache
def classifications() -> Classifications:
    return parse_classifications(tomllib.loads(reference_text(CLASSIFICATIONS_FILE)))
