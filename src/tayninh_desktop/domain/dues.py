"""Dues under the text in force: each member's category and base (a dated fact), exemptions and reductions by
decision, deferral for members away, and the amount a month computes to.

The rule of a month is the one in force on its first day: Quy định 01-QĐ/TW from 02/2026, Quyết định 342-QĐ/TW
before (``resources/rules/dues.toml``). A deferred or exempted month is never an unpaid month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tayninh_desktop.domain.errors import FieldIssue
from tayninh_desktop.domain.rules import Rule, RuleBook

MONEY_MAX = 1_000_000_000  # a base or an amount above a billion đồng is a typing error


class ReliefKind(StrEnum):
    EXEMPT = "mien"
    REDUCE = "giam"


@dataclass(frozen=True)
class DuesTerm:
    """From ``from_month`` on, the member pays as ``category`` on ``base`` (đồng; the salary or pension)."""

    id: str
    member_id: str
    from_month: str
    category: str
    base: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class DuesRelief:
    """An exemption (by category, on application) or a reduction (30/50/70 %, ≤ 12 months, by decision)."""

    id: str
    member_id: str
    kind: ReliefKind
    first_month: str
    last_month: str | None
    percent: int = 0
    ground: str = ""
    decision_number: str = ""
    decision_date: date | None = None
    issuer: str = ""
    reason: str = ""

    def covers(self, month: str) -> bool:
        return self.first_month <= month and (self.last_month is None or month <= self.last_month)


@dataclass(frozen=True)
class DueFigure:
    """What a month computes to for one member: the amount (None while the base is missing), how, under which text."""

    amount: int | None
    category: str
    category_label: str     # short, for a grid (the rule's short_label, else its label)
    rule: Rule | None
    category_rule: Rule | None
    relief: DuesRelief | None = None

    @property
    def exempt(self) -> bool:
        return self.relief is not None and self.relief.kind is ReliefKind.EXEMPT

    @property
    def unconfirmed(self) -> bool:
        return any(r is not None and r.unconfirmed for r in (self.rule, self.category_rule))


def month_start(month: str) -> date:
    return date(int(month[:4]), int(month[5:7]), 1)


def previous_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year - 1}-12" if number == 1 else f"{year}-{number - 1:02d}"


def months_between(first: str, last: str) -> int:
    """Months from ``first`` to ``last``, both counted."""
    return (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1


def term_on(terms: list[DuesTerm], month: str) -> DuesTerm | None:
    """The member's latest term starting on or before ``month``."""
    valid = [t for t in terms if t.from_month <= month]
    return max(valid, key=lambda t: t.from_month) if valid else None


def relief_on(reliefs: list[DuesRelief], month: str) -> DuesRelief | None:
    return next((r for r in reliefs if r.covers(month)), None)


def compute_due(month: str, terms: list[DuesTerm], reliefs: list[DuesRelief], book: RuleBook) -> DueFigure:
    """The amount of ``month``: the category's rate of the base (the base of the month before, for a salary) or its
    fixed amount, less a reduction; nothing for an exemption."""
    day = month_start(month)
    rule = book.find("dues_rule", day)
    term = term_on(terms, month)
    category = term.category if term else (rule["default_category"] if rule else "")
    category_rule = book.find("dues_category", day, key=category)
    label = (category_rule.get("short_label") or category_rule["label"]) if category_rule else category
    relief = relief_on(reliefs, month)
    amount = _amount(category_rule, terms, month)
    if relief is not None and relief.kind is ReliefKind.EXEMPT:
        amount = 0
    elif relief is not None and amount is not None:
        amount = round(amount * (100 - relief.percent) / 100)
    return DueFigure(amount, category, label, rule, category_rule, relief)


def _amount(category_rule: Rule | None, terms: list[DuesTerm], month: str) -> int | None:
    if category_rule is None:
        return None
    rate = category_rule.get("rate_permille")
    if not rate:
        return int(category_rule.get("fixed_amount", 0))
    # A salary rate applies to the base of the month before (the salary paid then); a base recorded from this
    # month on counts from this month when nothing earlier is recorded.
    term = term_on(terms, previous_month(month)) or term_on(terms, month)
    if term is None or term.base is None:
        return None
    return round(term.base * rate / 1000)


def check_relief(relief: DuesRelief, rule: Rule) -> list[FieldIssue]:
    """A reduction: an allowed percentage, at most the allowed months, a decision; an exemption: a known ground."""
    issues: list[FieldIssue] = []
    basis = rule.citation_marked
    if relief.last_month is not None and relief.last_month < relief.first_month:
        issues.append(FieldIssue("last_month", "dues_relief_end_before_start", {}))
    if relief.kind is ReliefKind.REDUCE:
        allowed = list(rule["reduction_percents"])
        if (allowed and relief.percent not in allowed) or not 0 < relief.percent < 100:
            shown = ", ".join(f"{p} %" for p in allowed) or "từ 1 % đến 99 %"
            issues.append(FieldIssue("percent", "dues_bad_percent",
                                     {"value": relief.percent, "allowed": shown, "basis": basis}))
        if relief.last_month is None:
            issues.append(FieldIssue("last_month", "required"))
        elif months_between(relief.first_month, relief.last_month) > rule["reduction_max_months"]:
            issues.append(FieldIssue("last_month", "dues_relief_too_long", {
                "count": months_between(relief.first_month, relief.last_month),
                "limit": rule["reduction_max_months"], "basis": basis}))
        if not relief.decision_number:
            issues.append(FieldIssue("decision_number", "dues_relief_needs_decision", {}))
    elif relief.ground not in rule.get("exemption_grounds", []):
        issues.append(FieldIssue("exemption_ground", "bad_choice", {"value": relief.ground or "—"}))
    return issues


def overlapping(relief: DuesRelief, others: list[DuesRelief]) -> DuesRelief | None:
    """Another relief of the member covering one of the same months."""
    end = relief.last_month or "9999-12"
    for other in others:
        other_end = other.last_month or "9999-12"
        if other.id != relief.id and other.first_month <= end and relief.first_month <= other_end:
            return other
    return None


def check_money(field: str, value, *, required: bool = False) -> FieldIssue | None:
    """An amount in whole đồng, not negative, not absurd."""
    if value is None:
        return FieldIssue(field, "required") if required else None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MONEY_MAX:
        return FieldIssue(field, "bad_amount", {"value": value})
    return None
