"""The bank's Excel statement of interest paid (sao kê / bảng kê thu lãi of the social-policy bank), read
row by row (pure): which column holds what, and the values of one row.

The statements vary by branch; columns are recognised by their (folded) headings: the loan's contract or
loan-book number, the borrower's name and citizen id, the day the interest was paid and the amount. A
heading row needs the day and the amount, and a way to find the loan (contract, CCCD or name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from tayninh_desktop.domain.dates import parse_vn_date
from tayninh_desktop.domain.import_headers import normalise_header
from tayninh_desktop.domain.vn_money import parse_money

HEADER_SCAN_ROWS = 30
# Ordered, first match wins; principal and balances are named so they are never taken for the interest.
PATTERNS: tuple[tuple[str, str], ...] = (
    ("ignore", r"du no|goc|von vay|so tien vay|han tra|lai suat|ma khach hang|ngay vay"),
    ("row_number", r"^(so )?(tt|stt)$"),
    ("contract_number", r"khe uoc|so so vay|so hop dong|hop dong vay|ma so vay|so hd"),
    ("cccd", r"cccd|can cuoc|cmnd|dinh danh|chung minh"),
    ("full_name", r"ho (va )?ten|ten khach hang|ten nguoi vay|khach hang"),
    ("paid_on", r"ngay (tra|thu|nop|giao dich)|ngay$"),
    ("amount", r"(tien )?lai (thuc thu|da tra|da thu|phai tra|tra)|so tien lai|^lai$|tien lai"),
    ("reference", r"so (bien lai|chung tu|phieu)|chung tu|bien lai"),
)
_COMPILED = tuple((t, re.compile(p)) for t, p in PATTERNS)
TARGETS = tuple(t for t, _ in PATTERNS if t not in ("ignore", "row_number"))


def column_target(text: str) -> str | None:
    norm = normalise_header(text)
    if not norm:
        return None
    return next((target for target, pattern in _COMPILED if pattern.search(norm)), None)


def map_columns(headers: list[str]) -> dict[str, int]:
    """target → column index (the first column naming each target)."""
    out: dict[str, int] = {}
    for index, text in enumerate(headers):
        target = column_target(text)
        if target and target not in ("ignore", "row_number") and target not in out:
            out[target] = index
    return out


def usable(mapping: dict[str, int]) -> bool:
    return {"paid_on", "amount"} <= set(mapping) and bool({"contract_number", "cccd", "full_name"} & set(mapping))


def find_header(rows: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    """(row index, mapping) of the first row, among the first rows, that names enough columns."""
    for r in range(min(len(rows), HEADER_SCAN_ROWS)):
        mapping = map_columns(rows[r])
        if usable(mapping):
            return r, mapping
    return None


@dataclass(frozen=True)
class StatementRow:
    """The values of one row, and the problems reading them (sentence codes with their data)."""

    contract_number: str
    cccd: str
    full_name: str
    paid_on: date | None
    amount: int | None
    reference: str
    problems: tuple[tuple[str, dict], ...]

    @property
    def empty(self) -> bool:
        return not (self.contract_number or self.cccd or self.full_name or self.amount)


def _day(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_vn_date(str(value or ""))


def _amount(value) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(value)
        return int(value)
    return parse_money(str(value or ""))


def read_row(values: list, texts: list[str], mapping: dict[str, int]) -> StatementRow:
    """One statement row from its cell values (numbers, dates) and texts (Unicode)."""
    def cell(target: str):
        index = mapping.get(target)
        return (values[index], texts[index]) if index is not None and index < len(values) else (None, "")

    problems: list[tuple[str, dict]] = []
    raw_day, day_text = cell("paid_on")
    try:
        paid_on = _day(raw_day)
    except ValueError:
        paid_on = None
        problems.append(("bad_date", {"field": "paid_on", "value": day_text}))
    raw_amount, amount_text = cell("amount")
    try:
        amount = _amount(raw_amount)
        if amount is not None and amount <= 0:
            problems.append(("money_not_positive", {"field": "interest_amount"}))
            amount = None
    except ValueError:
        amount = None
        problems.append(("bad_money", {"field": "interest_amount", "value": amount_text}))
    return StatementRow(" ".join(cell("contract_number")[1].split()), re.sub(r"\D", "", cell("cccd")[1]),
                        " ".join(cell("full_name")[1].split()), paid_on, amount, " ".join(cell("reference")[1].split()),
                        tuple(problems))
