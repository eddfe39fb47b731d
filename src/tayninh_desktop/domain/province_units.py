"""The commune-level units of the province (resources/reference/tay_ninh_units.toml): the list the first run
picks the committee from, with its source, and the search that finds a unit typed without diacritics.

Pure: the TOML text is parsed here; services/province_units.py reads the shipped file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.vn_text import fold, nfc

KINDS = ("xã", "phường", "đặc khu")


@dataclass(frozen=True)
class CommuneUnit:
    """One xã/phường: its administrative code, kind and name ("Hưng Thuận")."""

    code: str
    kind: str
    name: str

    @property
    def full_name(self) -> str:
        """"Xã Hưng Thuận", "Phường Long An"."""
        return f"{self.kind[:1].upper()}{self.kind[1:]} {self.name}"

    @property
    def committee_name(self) -> str:
        """The party committee's name: "Đảng ủy xã Hưng Thuận"."""
        return f"Đảng ủy {self.kind} {self.name}"

    @property
    def place_name(self) -> str:
        """The place written before a paper's date ("Hưng Thuận, ngày …")."""
        return self.name

    @property
    def label(self) -> str:
        """The line shown in the pick list: "Xã Hưng Thuận (25711)"."""
        return f"{self.full_name} ({self.code})"


@dataclass(frozen=True)
class UnitList:
    """The province's units and where the list comes from."""

    province: str
    superior_name: str
    basis: str
    doc_number: str
    doc_date: date
    valid_from: date
    licence: str
    issuer: str
    unconfirmed: bool
    note: str
    units: tuple[CommuneUnit, ...]

    @property
    def short_citation(self) -> str:
        """"Nghị quyết số 1682/NQ-UBTVQH15 ngày 16/06/2025 của Ủy ban Thường vụ Quốc hội"."""
        kind = self.basis.split(" về ")[0]
        issuer = f" của {self.issuer}" if self.issuer else ""
        return f"{kind} số {self.doc_number} ngày {self.doc_date:%d/%m/%Y}{issuer}"

    @property
    def citation(self) -> str:
        """"Nghị quyết … số 1682/NQ-UBTVQH15 ngày 16/06/2025" (+ "CHƯA XÁC NHẬN" when unconfirmed)."""
        text = f"{self.basis}, số {self.doc_number} ngày {self.doc_date:%d/%m/%Y}"
        return f"{text} — CHƯA XÁC NHẬN: {self.note}" if self.unconfirmed else text

    def search(self, text: str, limit: int | None = None) -> list[CommuneUnit]:
        """The units whose name, full name or code contains ``text`` folded ("tan" finds "Tân Ninh", "Tân An"),
        names that start with it first, then the others, each group in the list's order."""
        wanted = fold(nfc(text or ""))
        if not wanted:
            return list(self.units[:limit] if limit else self.units)
        starts, contains = [], []
        for unit in self.units:
            name, full = fold(unit.name), fold(unit.full_name)
            if name.startswith(wanted) or full.startswith(wanted) or unit.code.startswith(wanted):
                starts.append(unit)
            elif wanted in full or wanted in unit.code:
                contains.append(unit)
        found = starts + contains
        return found[:limit] if limit else found

    def find(self, name_or_code: str) -> CommuneUnit:
        """The one unit named or coded ``name_or_code`` ("25711", "Hưng Thuận", "xa hung thuan",
        "Đảng ủy xã Hưng Thuận"); refused, naming what was typed, when none or several match."""
        typed = nfc(name_or_code or "")
        wanted = fold(typed)
        for prefix in ("dang uy ", "dang bo "):
            wanted = wanted.removeprefix(prefix)
        if wanted.isdigit():   # the administrative code, with or without its leading zero
            for unit in self.units:
                if int(unit.code) == int(wanted):
                    return unit
        exact = [u for u in self.units if wanted in (fold(u.name), fold(u.full_name))]
        if len(exact) == 1:
            return exact[0]
        if len(exact) > 1:   # "tan thanh" is Tân Thành and Tân Thạnh: the diacritics typed decide
            spelled = [u for u in exact
                       if typed.lower() in (u.name.lower(), u.full_name.lower(), u.committee_name.lower())]
            if len(spelled) == 1:
                return spelled[0]
            raise DomainError("commune_ambiguous", value=typed, units=", ".join(u.label for u in exact))
        raise DomainError("commune_not_found", value=typed, province=self.province)


def parse_units(text: str) -> UnitList:
    """The list from the TOML text; a unit without code, kind or name, an unknown kind or a code used twice is
    refused (the shipped file is checked by a test)."""
    raw = tomllib.loads(text)
    source = raw["source"]
    units = []
    seen: set[str] = set()
    for number, entry in enumerate(raw.get("unit", []), start=1):
        code, kind, name = (nfc(str(entry.get(key, ""))) for key in ("code", "kind", "name"))
        if not code or not name or kind not in KINDS or code in seen:
            raise DomainError("commune_list_bad", row=number, value=f"{code} {kind} {name}".strip())
        seen.add(code)
        units.append(CommuneUnit(code=code, kind=kind, name=name))
    expected = source.get("expected_count")
    if expected is not None and expected != len(units):   # a unit lost or added by an edit of the file
        raise DomainError("commune_list_count", value=len(units), expected=expected)
    return UnitList(province=source["province"], superior_name=source["superior_name"], basis=source["basis"],
                    doc_number=source["doc_number"], doc_date=source["doc_date"], valid_from=source["valid_from"],
                    licence=source["licence"], issuer=source.get("issuer", ""),
                    unconfirmed=bool(source.get("unconfirmed", False)),
                    note=source.get("note", ""), units=tuple(units))
