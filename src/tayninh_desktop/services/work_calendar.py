"""The working-day calendar the deadlines count in ("30 ngày làm việc").

Tết Âm lịch and Giỗ Tổ Hùng Vương (10/3 lunar) move every year: they come from the Vietnamese lunar calendar
of the kept ``holidays`` library (pinned), for any year, with the days off in lieu it computes when they fall
on a weekend. The solar holidays, the day next to 2/9 of each year and the days swapped by the government
are data in ``resources/rules/calendar.toml`` with their basis.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from tayninh_desktop.domain.rules import RuleBook, WorkCalendar, party_life_rules

# The names the library gives (en_US) to the lunar days it computes: Tết (with its days in lieu) and Giỗ Tổ.
_LUNAR_NAMES = ("Lunar New Year", "Hung Kings")


@lru_cache(maxsize=64)
def lunar_days_off(year: int) -> frozenset[date]:
    """Tết and Giỗ Tổ days off of ``year`` (with their days in lieu), from the library's Vietnamese calendar."""
    import holidays

    calendar = holidays.country_holidays("VN", years=year, language="en_US")
    return frozenset(day for day, name in calendar.items() if any(part in name for part in _LUNAR_NAMES))


def _fixed_days_off(book: RuleBook, year: int) -> set[date]:
    """The solar holidays of the year; one on a weekend gives the next working day off (Labour Code art. 112.3)."""
    rule = book.find("fixed_holidays", date(year, 7, 1))
    if rule is None:
        return set()
    out: set[date] = set()
    for text in rule["days"]:
        day = date(year, int(text[3:5]), int(text[:2]))
        out.add(day)
        if day.weekday() >= 5:
            lieu = day + timedelta(days=7 - day.weekday())
            while lieu in out:
                lieu += timedelta(days=1)
            out.add(lieu)
    return out


def calendar_for(first_year: int, last_year: int, book: RuleBook | None = None) -> WorkCalendar:
    """The working-day calendar covering ``first_year``..``last_year`` (a deadline may run into the next year)."""
    return _calendar(first_year, last_year + 1, book or party_life_rules())


@lru_cache(maxsize=32)
def _calendar(first_year: int, last_year: int, book: RuleBook) -> WorkCalendar:
    days_off: set[date] = set()
    workdays: set[date] = set()
    for year in range(first_year, last_year + 1):
        days_off |= lunar_days_off(year) | _fixed_days_off(book, year)
        extra = book.find("year_days", date(year, 7, 1), key=year)
        if extra is not None:
            days_off.update(extra.get("days_off", []))
            workdays.update(extra.get("workdays", []))
    return WorkCalendar(frozenset(days_off), frozenset(workdays))


def add_working_days(start: date, days: int, book: RuleBook | None = None) -> date:
    """``days`` working days after ``start``."""
    from tayninh_desktop.domain.rules import add_working_days as count

    # 30 working days stay within about two months; one spare year covers a start in December.
    return count(start, days, calendar_for(start.year, start.year + 1, book))
