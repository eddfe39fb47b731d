"""The organisation tree: party units with types, codes, names and validity periods.

A unit's name and parent can change over time (rename, the 2025 reorganisation that removed the
district level); each change is a ``UnitVersion`` with its own validity, so a document dated
before 1/7/2025 prints the superior of that time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class UnitType(StrEnum):
    PROVINCE_COMMITTEE = "dang_bo_tinh"
    DISTRICT_COMMITTEE = "dang_bo_huyen"
    COMMUNE_COMMITTEE = "dang_uy_xa"
    PARTIAL_COMMITTEE = "dang_bo_bo_phan"
    CELL = "chi_bo"
    GROUP = "to_dang"

    @property
    def label(self) -> str:
        return UNIT_TYPE_LABELS[self]

    @property
    def issuer_code(self) -> str:
        """The issuer part of a document number: 12-NQ/ĐU, 3-NQ/CB, 5-CV/HU."""
        return ISSUER_CODES[self]


_CODE_PARTS = re.compile(r"\d+|\D+")


def code_order_key(code: str) -> tuple:
    """Units are listed by code, everywhere, numbers compared as numbers: CB2 before CB10 (the office numbers its
    cells; this is the order of its lists and reports). Every cell list sorts thousands of codes at a province's
    size (the home page's cell filter at start-up): one compiled pattern and a list, not a generator."""
    return tuple([(0, int(part)) if part.isdigit() else (1, part.casefold())
                  for part in _CODE_PARTS.findall(code or "")])


UNIT_TYPE_LABELS = {
    UnitType.PROVINCE_COMMITTEE: "Đảng bộ tỉnh",
    UnitType.DISTRICT_COMMITTEE: "Đảng bộ huyện",
    UnitType.COMMUNE_COMMITTEE: "Đảng ủy xã/phường",
    UnitType.PARTIAL_COMMITTEE: "Đảng bộ bộ phận",
    UnitType.CELL: "Chi bộ",
    UnitType.GROUP: "Tổ đảng",
}

ISSUER_CODES = {
    UnitType.PROVINCE_COMMITTEE: "TU",
    UnitType.DISTRICT_COMMITTEE: "HU",
    UnitType.COMMUNE_COMMITTEE: "ĐU",
    UnitType.PARTIAL_COMMITTEE: "ĐU",
    UnitType.CELL: "CB",
    UnitType.GROUP: "TĐ",
}

# Which unit types may sit under which: the rule that keeps a tree sensible in both hierarchies.
ALLOWED_PARENTS: dict[UnitType, frozenset[UnitType | None]] = {
    UnitType.PROVINCE_COMMITTEE: frozenset({None}),
    UnitType.DISTRICT_COMMITTEE: frozenset({UnitType.PROVINCE_COMMITTEE}),
    UnitType.COMMUNE_COMMITTEE: frozenset({UnitType.PROVINCE_COMMITTEE, UnitType.DISTRICT_COMMITTEE, None}),
    UnitType.PARTIAL_COMMITTEE: frozenset({UnitType.COMMUNE_COMMITTEE}),
    UnitType.CELL: frozenset({UnitType.COMMUNE_COMMITTEE, UnitType.PARTIAL_COMMITTEE}),
    UnitType.GROUP: frozenset({UnitType.CELL}),
}

# The day districts were abolished and communes merged (Nghị quyết 60, HD 31-HD/BTCTW).
REORGANISATION_2025 = date(2025, 7, 1)

_CODE = re.compile(r"^[A-Za-z0-9._-]{1,20}$")


def valid_unit_code(code: str) -> bool:
    return bool(_CODE.match(code or ""))


@dataclass(frozen=True)
class UnitVersion:
    """The name and parent of a unit during one period (valid_to exclusive; None = still valid)."""

    unit_id: str
    name: str
    header_name: str
    parent_id: str | None
    valid_from: date | None
    valid_to: date | None

    def covers(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (self.valid_to is None or on < self.valid_to)


@dataclass(frozen=True)
class Unit:
    """A party unit as it stands now (its latest version)."""

    id: str
    code: str
    unit_type: UnitType
    name: str
    header_name: str
    parent_id: str | None
    place_name: str
    valid_from: date | None
    valid_to: date | None
    merged_into_id: str | None = None

    def is_open_on(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (self.valid_to is None or on < self.valid_to)


def default_header_name(name: str) -> str:
    """The form a unit takes as the superior line of a document: "Đảng ủy xã X" → "Đảng bộ xã X"."""
    for prefix in ("Đảng ủy ", "Huyện ủy ", "Tỉnh ủy "):
        if name.startswith(prefix):
            rest = name[len(prefix):]
            if prefix == "Huyện ủy ":
                return "Đảng bộ huyện " + rest
            if prefix == "Tỉnh ủy ":
                return "Đảng bộ tỉnh " + rest
            return "Đảng bộ " + rest
    return name


@dataclass(frozen=True)
class HeaderLines:
    """The top-left block of a party document on a given date."""

    superior_line: str
    issuer_line: str
    issuer_code: str
    place_name: str


def new_cell_name(text: str) -> str:
    """A cell named in a list as the register will name it: "ấp Cầu Xe" → "Chi bộ ấp Cầu Xe"."""
    from tayninh_desktop.domain.vn_text import fold, nfc

    name = " ".join(nfc(text).split())
    return name if fold(name).startswith("chi bo") else f"Chi bộ {name}"


def next_cell_codes(existing: list[str], count: int) -> list[str]:
    """``count`` free codes after the office's own numbering (CB07 after CB06; CB01 in an empty register)."""
    numbered = [(m[1], m[2]) for code in existing if (m := re.fullmatch(r"([A-Za-z]*)(\d+)", code or ""))]
    prefix, width, last = ("CB", 2, 0)
    if numbered:
        prefix = max({p for p, _ in numbered}, key=lambda p: sum(q == p for q, _ in numbered))
        digits = [d for p, d in numbered if p == prefix]
        width, last = max(len(d) for d in digits), max(int(d) for d in digits)
    taken = {c.casefold() for c in existing}
    out: list[str] = []
    number = last
    while len(out) < count:
        number += 1
        code = f"{prefix}{number:0{width}d}"
        if code.casefold() not in taken:
            out.append(code)
    return out
