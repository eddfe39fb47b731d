"""The support programme's arithmetic: the support for an application, who may be eligible, the fund's balance.

All in integer đồng. The support is the plan's share of the interest paid, on the part of the loan up to the
plan's cap, rounded as the plan says (down to the đồng by default, so the fund never pays a fraction more than
the share), and never more than what is left of the yearly cap for the member.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tayninh_desktop.domain.assistance import Category, Household, ScreenBasis
from tayninh_desktop.domain.assistance_reference import SupportPlan
from tayninh_desktop.domain.vn_money import RATE_SCALE, format_money, format_percent

PERCENT_SCALE = 100 * RATE_SCALE      # shares and rates are hundredths of a percent
ROUNDING_TEXT = {"xuong": "làm tròn xuống đến đồng, bỏ phần lẻ dưới 1 đồng",
                 "gan_nhat": "làm tròn đến đồng gần nhất, từ 0,5 đồng trở lên làm tròn lên"}


@dataclass(frozen=True)
class SupportComputation:
    """The amount and every step of it, in words the approval list prints."""

    interest_paid: int
    amount: int
    steps: tuple[str, ...]

    @property
    def text(self) -> str:
        return "; ".join(self.steps)


def _divide(numerator: int, denominator: int, rounding: str) -> int:
    if rounding == "gan_nhat":
        return (2 * numerator + denominator) // (2 * denominator)
    return numerator // denominator


def compute_support(plan: SupportPlan, interest_paid: int, principal: int, already_this_year: int = 0
                    ) -> SupportComputation:
    """The plan's share of ``interest_paid`` on a loan of ``principal`` đồng, within the plan's caps."""
    if interest_paid <= 0 or principal <= 0:
        return SupportComputation(interest_paid, 0, ("Không có lãi đã trả trong kỳ",))
    covered = min(principal, plan.max_principal) if plan.max_principal else principal
    numerator = interest_paid * plan.share_bp * covered
    denominator = PERCENT_SCALE * principal
    amount = _divide(numerator, denominator, plan.rounding)
    steps = [f"{format_percent(plan.share_bp)} × {format_money(interest_paid)} lãi đã trả"]
    if covered < principal:
        steps[0] += (f" × {format_money(covered)}/{format_money(principal)} (chỉ hỗ trợ lãi trên phần vốn vay"
                     f" đến {format_money(covered)})")
    steps[0] += (f" = {_exact_text(numerator, denominator)} đ → {format_money(amount)}"
                 f" ({ROUNDING_TEXT[plan.rounding]})")
    if plan.max_per_member_year is not None:
        left = max(plan.max_per_member_year - already_this_year, 0)
        if amount > left:
            steps.append(f"mức tối đa {format_money(plan.max_per_member_year)}/đảng viên/năm, đã hỗ trợ"
                         f" {format_money(already_this_year)} trong năm: còn {format_money(left)}")
            amount = left
    return SupportComputation(interest_paid, amount, tuple(steps))


def _exact_text(numerator: int, denominator: int) -> str:
    """The exact quotient to two decimals, Vietnamese style ("864.196,9"), from integers only."""
    hundredths = numerator * 100 // denominator
    whole, fraction = divmod(hundredths, 100)
    text = f"{whole:,}".replace(",", ".")
    return text if fraction == 0 else f"{text},{fraction:02d}".rstrip("0")


def counted_interest(payments: Iterable[tuple[date, int]], start: date, end: date, *, loan_start: date,
                     max_months: int | None) -> int:
    """Interest paid from ``start`` to ``end`` (inclusive) that the plan supports: within ``max_months`` of the
    loan's start when the plan limits it."""
    from tayninh_desktop.domain.dates import add_months

    limit = add_months(loan_start, max_months) if max_months else None
    return sum(amount for day, amount in payments
               if start <= day <= end and (limit is None or day < limit))


@dataclass(frozen=True)
class ScreenFacts:
    """What the register knows about one member for the screening."""

    household: Household | None          # the year's record
    eligible_loans: int                  # loans of a production programme running on the day
    told_on: date | None


@dataclass(frozen=True)
class ScreenVerdict:
    basis: ScreenBasis | None            # None: not eligible (the year's circumstances are known and outside)
    categories: tuple[Category, ...]
    missing: tuple[str, ...]             # criteria still unknown (codes of messages_support.MISSING_LABELS)


def screen(plan: SupportPlan, facts: ScreenFacts, income_hint: bool = False) -> ScreenVerdict:
    """Whether a member may be eligible under ``plan``, by what, and what is still to be found out.

    ``income_hint``: the household's income (when the survey noted it) lies under the plan's upper band,
    so an "other" classification may deserve a second look (it is listed as unknown, not as eligible).
    """
    missing: list[str] = []
    if facts.household is None:
        missing.append("hoan_canh")
        if not facts.eligible_loans:
            missing.append("khoan_vay")
        basis = ScreenBasis.LOAN if facts.eligible_loans else ScreenBasis.UNKNOWN
        return ScreenVerdict(basis, (), tuple(missing))
    categories = tuple(c for c in plan.categories if c in facts.household.categories())
    if not categories:
        if income_hint:
            return ScreenVerdict(ScreenBasis.UNKNOWN, (), ("muc_song",))
        return ScreenVerdict(None, (), ())
    if not facts.eligible_loans:
        missing.append("khoan_vay")
    if facts.household.classification.value in {c.value for c in categories} and not \
            facts.household.certificate_number:
        missing.append("giay_chung_nhan")
    return ScreenVerdict(ScreenBasis.CATEGORY, categories, tuple(missing))


def running_minimum(entries: Iterable[tuple[date, int, int]]) -> tuple[int, date | None]:
    """(lowest balance, the day it is reached) over (day, order, signed amount) entries, in date order."""
    balance, lowest, when = 0, 0, None
    for day, _order, signed in sorted(entries, key=lambda e: (e[0], e[1])):
        balance += signed
        if balance < lowest:
            lowest, when = balance, day
    return lowest, when
