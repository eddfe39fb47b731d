"""The basic statistical forms as data: rows, what each row counts, consistency rules, legal basis.

One TOML file per form in ``resources/reference/statistics`` (bieu_1.toml …). A row says what it
counts in a small vocabulary read by ``stats_compute``:

    opening | closing                              members on the list at the start / end
    events KIND… [scope=tinh_khac] [standing=du_bi] member events in the period
    members [female] [minority] [age=31_35] …      the form's population (stock or new members)
    awards huy_hieu years=30 | awards the_moi      badges and cards given in the period
    ratings xuat_sac | ratings khong_xep_loai reason=mien_sinh_hoat
    sum KEY…                                       other rows of the same form

A row marked ``typed`` is a figure the register cannot know: the office types it per period. A row
with ``expand`` stands for one row per entry of a classification table (occupations, ethnic groups…).
Checks are equations between rows, "D = A + B - C" or "B.2.a + B.2.b <= B.2"; "bieu_1:D" names a
row of another form.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.stats_classify import Classifications, classifications, reference_text
from tayninh_desktop.domain.stats_period import Period, PeriodKind

FORM_IDS = ("bieu_1", "bieu_2", "bieu_2b", "bieu_3", "bieu_4", "bieu_6", "bieu_6f", "bieu_7")
COMPARISON = "comparison"     # columns: kỳ này, cùng kỳ năm trước, %
BREAKDOWN = "breakdown"       # columns: tổng số, trong đó nữ, tỷ lệ %
REVIEW = "review"             # columns: tập thể, đảng viên, ghi chú (Biểu 6F: the self-criticism reviews)
VERBS = frozenset({"opening", "closing", "events", "members", "awards", "ratings", "sum"})


@dataclass(frozen=True)
class LegalBasis:
    doc_number: str
    doc_date: date
    issuer: str
    article: str
    valid_from: date
    valid_to: date | None = None
    source: str = ""
    unconfirmed: bool = False
    note: str = ""

    @property
    def citation(self) -> str:
        """"Hướng dẫn 11-HD/BTCTW ngày 13/12/2021, Biểu số 1-BTCTW"."""
        return f"{self.doc_number} ngày {self.doc_date:%d/%m/%Y}, {self.article}"

    def covers(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on < self.valid_to)


@dataclass(frozen=True)
class StatRow:
    key: str
    label: str
    level: int = 0
    bold: bool = False
    count: str = ""              # what the row counts ("" for a heading without figures)
    typed: bool = False          # typed in by the office, per period
    average: bool = False        # printed with one decimal (an average age)
    hide_zero: bool = False      # an expanded row (an ethnic group) left off the print when zero
    note: str = ""               # an assumption about what the row counts, shown with the figures
    number: str = ""             # what the form's TT column prints ("3.1")
    collective: str = ""         # REVIEW: the row whose figure the line prints under "Tập thể"
    companion: bool = False      # REVIEW: a "Tập thể" figure printed in its line, not as a line of its own

    @property
    def has_value(self) -> bool:
        return bool(self.count) or self.typed


@dataclass(frozen=True)
class Check:
    id: str
    rule: str
    severity: str = "error"      # when "=" fails or "<=" is exceeded
    short: str = ""              # "<=": severity when the parts fall short of the whole ("" = fine)
    note: str = ""

    @property
    def sides(self) -> tuple[list[tuple[int, str]], str, list[tuple[int, str]]]:
        """(signed left terms, operator, signed right terms)."""
        for op in ("<=", "="):
            if f" {op} " in f" {self.rule} ":
                left, right = self.rule.split(op, 1)
                return _terms(left), op, _terms(right)
        raise ValueError(self.rule)


def _terms(text: str) -> list[tuple[int, str]]:
    out, sign = [], 1
    for token in text.split():
        if token in "+-":
            sign = 1 if token == "+" else -1
            continue
        out.append((sign, token))
        sign = 1
    return out


@dataclass(frozen=True)
class StatForm:
    id: str
    code: str                    # "1-BTCTW"
    title: str
    layout: str
    population: str              # "stock" | "admitted" | "none"
    periods: tuple[PeriodKind, ...]
    basis: LegalBasis
    rows: tuple[StatRow, ...]
    checks: tuple[Check, ...] = ()
    unconfirmed: bool = False
    note: str = ""
    total_key: str = ""          # the row the shares (%) of a breakdown are taken of

    def row(self, key: str) -> StatRow:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.rows if r.has_value)

    @property
    def typed_keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.rows if r.typed)

    def allows(self, period: Period) -> bool:
        return period.kind in self.periods


def _fail(form_id: str, reason: str) -> DomainError:
    return DomainError("stats_form_invalid", form=form_id, reason=reason)


def _expand(row: dict, tables: Classifications, form_id: str) -> list[StatRow]:
    """One row per entry of a classification table ("occupations", "ethnicities"…)."""
    name, prefix, level = row["expand"], row["prefix"], int(row.get("level", 1))
    extra = (" " + row["where"]) if row.get("where") else ""
    table = {"occupations": tables.occupations, "general": tables.general, "professional": tables.professional,
             "theory": tables.theory, "ethnicities": tables.ethnicities, "religions": tables.religions}.get(name)
    filters = {"occupations": "occupation", "general": "general", "professional": "professional",
               "theory": "theory", "ethnicities": "ethnicity", "religions": "religion", "ages": "age", "eras": "era"}
    if name == "ages":
        entries = [(b.code, f"- {b.label}", False, "") for b in tables.age_bands]
    elif name == "eras":
        entries = [(e.code, f"- {e.label}", False, "") for e in tables.eras]
    elif table is not None:
        entries = [(c.code, c.label if c.label.startswith("+") else f"- {c.label}", c.group, c.in_group)
                   for c in table.rows]
    else:
        raise _fail(form_id, f"unknown expansion {name!r}")
    out = []
    for code, label, group, in_group in entries:
        key = f"{prefix}.{code}"
        if group:
            members = [f"{prefix}.{c.code}" for c in table.rows if c.in_group == code]
            count = "sum " + " ".join(members)
        else:
            count = f"members {filters[name]}={code}{extra}"
        out.append(StatRow(key, label, level + (1 if in_group else 0), count=count,
                           hide_zero=bool(row.get("hide_zero", False))))
    return out


def _row(data: dict, form_id: str) -> StatRow:
    known = {"key", "label", "level", "bold", "count", "typed", "average", "hide_zero", "note", "number",
             "collective", "companion"}
    unknown = set(data) - known
    if unknown:
        raise _fail(form_id, f"row {data.get('key')!r}: unknown keys {sorted(unknown)}")
    row = StatRow(**data)
    if row.count and row.typed:
        raise _fail(form_id, f"row {row.key!r} is both counted and typed")
    if row.count and row.count.split()[0] not in VERBS:
        raise _fail(form_id, f"row {row.key!r}: unknown count {row.count!r}")
    return row


def _basis(data: dict, form_id: str) -> LegalBasis:
    try:
        return LegalBasis(**data)
    except TypeError as exc:
        raise _fail(form_id, f"basis: {exc}") from None


def parse_stat_form(data: dict, form_id: str, tables: Classifications) -> StatForm:
    """A form definition from its parsed TOML; refused (naming the form) when something is missing."""
    if "basis" not in data or not data["basis"].get("doc_number"):
        raise _fail(form_id, "no legal basis")
    rows: list[StatRow] = []
    for raw in data.get("rows", ()):
        rows += _expand(raw, tables, form_id) if "expand" in raw else [_row(raw, form_id)]
    keys = [r.key for r in rows]
    if len(set(keys)) != len(keys):
        raise _fail(form_id, "duplicate row keys")
    checks = tuple(Check(**c) for c in data.get("checks", ()))
    for check in checks:
        _left, _op, _right = check.sides
    try:
        periods = tuple(PeriodKind(p) for p in data["periods"])
        return StatForm(id=data.get("id", form_id), code=data["code"], title=data["title"], layout=data["layout"],
                        population=data.get("population", "none"), periods=periods,
                        basis=_basis(data["basis"], form_id), rows=tuple(rows), checks=checks,
                        unconfirmed=bool(data.get("unconfirmed", False)), note=data.get("note", ""),
                        total_key=data.get("total_key", ""))
    except (KeyError, ValueError) as exc:
        raise _fail(form_id, f"{type(exc).__name__}: {exc}") from None


@cache
def stat_forms() -> dict[str, StatForm]:
    """Every statistical form shipped with the program, by id, in form order."""
    tables = classifications()
    return {form_id: parse_stat_form(tomllib.loads(reference_text(f"{form_id}.toml")), form_id, tables)
            for form_id in FORM_IDS}


def normalise_form_id(text: str) -> str:
    """"bieu1", "Biểu 1", "1", "2B", "bieu_2b" → "bieu_1", "bieu_2b"; unchanged when unknown."""
    from tayninh_desktop.domain.vn_text import fold

    raw = fold(text or "").replace(" ", "").replace("_", "").replace("-", "")
    raw = raw.removeprefix("bieuso").removeprefix("bieu").removesuffix("btctw")
    candidate = f"bieu_{raw}"
    return candidate if candidate in FORM_IDS else (text or "")


def stat_form(form_id: str) -> StatForm:
    """The statistical form ``form_id`` (also "bieu1", "1", "2b"); refused naming the known ones."""
    forms = stat_forms()
    form = forms.get(normalise_form_id(form_id))
    if form is None:
        raise DomainError("stats_form_not_found", form=form_id, known=", ".join(forms))
    return form

