"""The dated reference data of the support programme: the support plans, the social-policy bank's loan
programmes with their rates, the poverty lines. Each record carries its legal basis and validity; a value
that could not be checked against the text is marked ``unconfirmed`` so every screen can say so.

The shipped defaults are ``resources/reference/support.toml``; the office may replace any section with
its own records (kept in the settings). ``parse_reference`` checks either and names the section, the row
and the field of every problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from tayninh_desktop.domain.assistance import Category
from tayninh_desktop.domain.errors import FieldIssue, ValidationError
from tayninh_desktop.domain.vn_money import RATE_SCALE, parse_rate, rate_number

SECTIONS = ("plan", "programmes", "poverty_lines")
ROUNDINGS = ("xuong", "gan_nhat")
COMMON_KEYS = ("basis", "doc_number", "doc_date", "valid_from", "valid_to", "unconfirmed", "unconfirmed_fields",
               "sources", "note")
PLAN_KEYS = ("code", "name", "issuer", "categories", "share", "rounding", "max_principal", "max_per_member_year",
             "max_months", "plausible_max_rate", "checklist")
PROGRAMME_KEYS = ("code", "name", "rate", "production")
POVERTY_KEYS = ("name", "rural_line", "urban_line", "rural_average_max", "urban_average_max")
MONEY_LIMIT = 10_000_000_000


@dataclass(frozen=True)
class Dated:
    """What every reference record carries: its basis, validity and whether it was checked."""

    basis: str
    doc_number: str
    doc_date: date
    valid_from: date
    valid_to: date | None = None
    unconfirmed: bool = False
    unconfirmed_fields: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    note: str = ""

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)

    def is_unconfirmed(self, name: str) -> bool:
        """True when ``name`` (a field) is not confirmed: listed, or the whole record is marked with no list."""
        return self.unconfirmed and (not self.unconfirmed_fields or name in self.unconfirmed_fields)

    @property
    def citation(self) -> str:
        return f"{self.doc_number} ngày {self.doc_date:%d/%m/%Y}"


@dataclass(frozen=True)
class CheckItem:
    code: str
    label: str


@dataclass(frozen=True)
class SupportPlan(Dated):
    code: str = ""
    name: str = ""
    issuer: str = ""
    categories: tuple[Category, ...] = ()
    share_bp: int = 0                       # 70 % → 7000
    rounding: str = "xuong"
    max_principal: int | None = None        # interest on the part of the loan above this is not supported
    max_per_member_year: int | None = None  # total support to one member in a calendar year
    max_months: int | None = None           # interest paid more than this many months after the loan started
    plausible_max_rate_bp: int = 2000       # a typed rate above this is a slip (66 for 6,6)
    checklist: tuple[CheckItem, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class LoanProgramme(Dated):
    code: str = ""
    name: str = ""
    rate_bp: int = 0
    production: bool = False


@dataclass(frozen=True)
class PovertyLine(Dated):
    name: str = ""
    rural_line: int = 0
    urban_line: int = 0
    rural_average_max: int = 0
    urban_average_max: int = 0

    def line(self, rural: bool) -> int:
        return self.rural_line if rural else self.urban_line

    def average_max(self, rural: bool) -> int:
        return self.rural_average_max if rural else self.urban_average_max


@dataclass(frozen=True)
class ReferenceBook:
    plans: tuple[SupportPlan, ...]
    programmes: tuple[LoanProgramme, ...]
    poverty_lines: tuple[PovertyLine, ...]

    def plan_on(self, day: date) -> SupportPlan | None:
        return next((p for p in self.plans if p.covers(day)), None)

    def programme(self, code: str, day: date) -> LoanProgramme | None:
        """The record of programme ``code`` valid on ``day`` (its earliest record for a day before any)."""
        records = [p for p in self.programmes if p.code == code]
        return next((p for p in records if p.covers(day)), min(records, key=lambda p: p.valid_from, default=None))

    def programme_codes(self) -> list[tuple[str, str]]:
        """(code, name) of every programme, in file order, once each."""
        seen: dict[str, str] = {}
        for p in self.programmes:
            seen.setdefault(p.code, p.name)
        return list(seen.items())

    def production_codes(self) -> frozenset[str]:
        return frozenset(p.code for p in self.programmes if p.production)

    def poverty_line_on(self, day: date) -> PovertyLine | None:
        return next((p for p in self.poverty_lines if p.covers(day)), None)


class _Reader:
    """Reads one record, collecting issues named "<section>" with the row and the key."""

    def __init__(self, section: str, row: int, raw: dict, issues: list[FieldIssue]) -> None:
        self.section, self.row, self.raw, self.issues = section, row, raw, issues

    def fail(self, key: str, reason: str) -> None:
        self.issues.append(FieldIssue(self.section, "reference_invalid", {"row": self.row, "key": key,
                                                                          "reason": reason}))

    def text(self, key: str, required: bool = True) -> str:
        value = self.raw.get(key, "")
        if not isinstance(value, str):
            self.fail(key, "phải là chữ")
            return ""
        value = " ".join(value.split())
        if required and not value:
            self.fail(key, "chưa có")
        return value

    def day(self, key: str, required: bool = True) -> date | None:
        value = self.raw.get(key)
        if isinstance(value, str) and value:
            try:
                value = date.fromisoformat(value)
            except ValueError:
                self.fail(key, f"«{value}» không phải ngày")
                return None
        if value is None or value == "":
            if required:
                self.fail(key, "chưa có")
            return None
        if not isinstance(value, date):
            self.fail(key, "không phải ngày")
            return None
        return value

    def money(self, key: str, required: bool = True) -> int | None:
        value = self.raw.get(key)
        if value is None or value == "":
            if required:
                self.fail(key, "chưa có")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MONEY_LIMIT:
            self.fail(key, f"«{value}» phải là số đồng nguyên dương")
            return None
        return value

    def rate(self, key: str, low: int, high: int) -> int:
        value = self.raw.get(key)
        try:
            parsed = parse_rate(str(value)) if isinstance(value, str | int) and not isinstance(value, bool) else None
        except ValueError:
            parsed = None
        if parsed is None or not low <= parsed <= high:
            self.fail(key, f"«{value}» phải là số từ {low // RATE_SCALE} đến {high // RATE_SCALE} (vd. 6,6)")
            return 0
        return parsed

    def flag(self, key: str) -> bool:
        value = self.raw.get(key, False)
        if not isinstance(value, bool):
            self.fail(key, "phải là true hoặc false")
            return False
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(key, "phải là danh sách chữ")
            return ()
        return tuple(value)

    def dated(self, keys: tuple[str, ...]) -> dict:
        unknown = sorted(set(self.raw) - set(keys) - set(COMMON_KEYS))
        for key in unknown:
            self.fail(key, "trường không có trong mẫu dữ liệu")
        out = {"basis": self.text("basis"), "doc_number": self.text("doc_number"), "doc_date": self.day("doc_date"),
               "valid_from": self.day("valid_from"), "valid_to": self.day("valid_to", required=False),
               "unconfirmed": self.flag("unconfirmed"), "unconfirmed_fields": self.strings("unconfirmed_fields"),
               "sources": self.strings("sources"), "note": self.text("note", required=False)}
        if out["valid_from"] and out["valid_to"] and out["valid_to"] <= out["valid_from"]:
            self.fail("valid_to", "phải sau ngày bắt đầu hiệu lực")
        bad = [f for f in out["unconfirmed_fields"] if f not in keys and f not in COMMON_KEYS]
        for name in bad:
            self.fail("unconfirmed_fields", f"«{name}» không phải trường của bản ghi")
        return out


def _plan(r: _Reader) -> SupportPlan:
    common = r.dated(PLAN_KEYS)
    categories = []
    for value in r.strings("categories"):
        try:
            categories.append(Category(value))
        except ValueError:
            r.fail("categories", f"«{value}» không phải đối tượng (xuat_ngu, ngheo, can_ngheo, muc_song_trung_binh)")
    if not categories:
        r.fail("categories", "cần ít nhất một đối tượng")
    rounding = r.text("rounding")
    if rounding and rounding not in ROUNDINGS:
        r.fail("rounding", "chọn «xuong» (làm tròn xuống) hoặc «gan_nhat» (làm tròn đến đồng gần nhất)")
    checklist = []
    for item in r.raw.get("checklist", []) or []:
        if not isinstance(item, dict) or not item.get("code") or not item.get("label"):
            r.fail("checklist", "mỗi mục cần code và label")
            continue
        checklist.append(CheckItem(str(item["code"]), " ".join(str(item["label"]).split())))
    if not checklist:
        r.fail("checklist", "cần ít nhất một mục kiểm tra")
    months = r.raw.get("max_months")
    if months is not None and (isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= 240):
        r.fail("max_months", f"«{months}» phải là số tháng từ 1 đến 240")
        months = None
    return SupportPlan(**common, code=r.text("code"), name=r.text("name"), issuer=r.text("issuer", required=False),
                       categories=tuple(categories), share_bp=r.rate("share", 1, 100 * RATE_SCALE),
                       rounding=rounding or "xuong", max_principal=r.money("max_principal", required=False),
                       max_per_member_year=r.money("max_per_member_year", required=False), max_months=months,
                       plausible_max_rate_bp=r.rate("plausible_max_rate", RATE_SCALE, 100 * RATE_SCALE),
                       checklist=tuple(checklist))


def _programme(r: _Reader) -> LoanProgramme:
    common = r.dated(PROGRAMME_KEYS)
    return LoanProgramme(**common, code=r.text("code"), name=r.text("name"), rate_bp=r.rate("rate", 1, 50 * RATE_SCALE),
                         production=r.flag("production"))


def _poverty(r: _Reader) -> PovertyLine:
    common = r.dated(POVERTY_KEYS)
    line = PovertyLine(**common, name=r.text("name"), rural_line=r.money("rural_line") or 0,
                       urban_line=r.money("urban_line") or 0, rural_average_max=r.money("rural_average_max") or 0,
                       urban_average_max=r.money("urban_average_max") or 0)
    if line.rural_average_max and line.rural_average_max <= line.rural_line:
        r.fail("rural_average_max", "phải lớn hơn chuẩn nghèo nông thôn")
    if line.urban_average_max and line.urban_average_max <= line.urban_line:
        r.fail("urban_average_max", "phải lớn hơn chuẩn nghèo thành thị")
    return line


def _no_overlap(section: str, records: list, key, issues: list[FieldIssue]) -> None:
    groups: dict[str, list] = {}
    for record in records:
        groups.setdefault(key(record), []).append(record)
    for group in groups.values():
        for earlier, later in pairwise(sorted(group, key=lambda r: r.valid_from)):
            if earlier.valid_to is None or earlier.valid_to > later.valid_from:
                issues.append(FieldIssue(section, "reference_overlap", {
                    "first": earlier.doc_number, "second": later.doc_number,
                    "day": later.valid_from.strftime("%d/%m/%Y")}))


def parse_reference(data: dict) -> ReferenceBook:
    """A checked reference book from parsed TOML (or the office's JSON); ValidationError names every problem."""
    issues: list[FieldIssue] = []
    unknown = sorted(set(data) - set(SECTIONS))
    issues += [FieldIssue(name, "reference_unknown_section", {"value": name}) for name in unknown]
    built: dict[str, list] = {}
    for section, reader in (("plan", _plan), ("programmes", _programme), ("poverty_lines", _poverty)):
        rows = data.get(section) or []
        if not isinstance(rows, list) or not rows:
            issues.append(FieldIssue(section, "reference_empty"))
            built[section] = []
            continue
        built[section] = [reader(_Reader(section, n, raw if isinstance(raw, dict) else {}, issues))
                          for n, raw in enumerate(rows, start=1)]
    if issues:
        raise ValidationError(issues)
    _no_overlap("plan", built["plan"], lambda r: "", issues)
    _no_overlap("programmes", built["programmes"], lambda r: r.code, issues)
    _no_overlap("poverty_lines", built["poverty_lines"], lambda r: "", issues)
    if issues:
        raise ValidationError(issues)
    order = lambda r: r.valid_from
    return ReferenceBook(tuple(sorted(built["plan"], key=order)), tuple(built["programmes"]),
                         tuple(sorted(built["poverty_lines"], key=order)))


def _common_raw(record: Dated) -> dict:
    out = {"basis": record.basis, "doc_number": record.doc_number, "doc_date": record.doc_date.isoformat(),
           "valid_from": record.valid_from.isoformat(), "unconfirmed": record.unconfirmed,
           "unconfirmed_fields": list(record.unconfirmed_fields), "sources": list(record.sources), "note": record.note}
    if record.valid_to:
        out["valid_to"] = record.valid_to.isoformat()
    return out


def to_raw(record: Dated) -> dict:
    """A record back in the shape ``parse_reference`` reads (dates as ISO text): the office's copy is kept so."""
    out = _common_raw(record)
    if isinstance(record, SupportPlan):
        out.update(code=record.code, name=record.name, issuer=record.issuer,
                   categories=[c.value for c in record.categories], share=rate_number(record.share_bp),
                   rounding=record.rounding, plausible_max_rate=rate_number(record.plausible_max_rate_bp),
                   checklist=[{"code": c.code, "label": c.label} for c in record.checklist])
        for key in ("max_principal", "max_per_member_year", "max_months"):
            if getattr(record, key) is not None:
                out[key] = getattr(record, key)
    elif isinstance(record, LoanProgramme):
        out.update(code=record.code, name=record.name, rate=rate_number(record.rate_bp), production=record.production)
    elif isinstance(record, PovertyLine):
        out.update(name=record.name, rural_line=record.rural_line, urban_line=record.urban_line,
                   rural_average_max=record.rural_average_max, urban_average_max=record.urban_average_max)
    return out


def book_to_raw(book: ReferenceBook) -> dict:
    return {"plan": [to_raw(p) for p in book.plans], "programmes": [to_raw(p) for p in book.programmes],
            "poverty_lines": [to_raw(p) for p in book.poverty_lines]}
