"""A member's several signs (grounds, criteria, early signs; this year's and earlier years' still open) seen together:
one row per member in the screening list, with every sign's details under it. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tayninh_desktop.domain.messages_screening import SIGN_LEVEL_LABELS
from tayninh_desktop.domain.screening import Sign


@dataclass(frozen=True)
class MemberSigns:
    """The signs of one member, the strongest first (the run's order), with their places in the run's list."""

    member_id: str
    member_name: str
    cell_id: str | None
    cell_name: str
    signs: tuple[Sign, ...]
    indexes: tuple[int, ...]

    @property
    def strongest(self) -> Sign:
        return self.signs[0]

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({s.year for s in self.signs}, reverse=True))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.code for s in self.signs))

    def lines(self, what: str) -> list[str]:
        """One line per sign: ``what`` is "description", "evidence" or "basis" (the bases named once each)."""
        if what == "basis":
            return list(dict.fromkeys(s.basis for s in self.signs))
        if len(self.signs) == 1:
            return [getattr(self.signs[0], what)]
        return [f"• {sign_heading(s)}: {getattr(s, what)}" if what == "description" else f"• {getattr(s, what)}"
                for s in self.signs]

    def as_dict(self) -> dict:
        """The ``member_groups`` summary of ``screening run --json`` (the signs stay in ``signs``)."""
        return {"member_id": self.member_id, "member_name": self.member_name, "cell_id": self.cell_id,
                "cell_name": self.cell_name, "level": self.strongest.level.value, "count": len(self.signs),
                "codes": list(self.codes), "years": list(self.years), "sign_indexes": list(self.indexes)}


def sign_heading(sign: Sign) -> str:
    """"Căn cứ xóa tên, năm 2025" (a ground of an earlier year still open says so)."""
    return f"{SIGN_LEVEL_LABELS[sign.level.value]}, năm {sign.year}" + (" (chưa xử lý)" if sign.carried else "")


def group_signs(signs: Iterable[Sign]) -> list[MemberSigns]:
    """The signs grouped per member, in the order each member first appears (the strongest sign first)."""
    found: dict[str, list[tuple[int, Sign]]] = {}
    for index, sign in enumerate(signs):
        found.setdefault(sign.member_id, []).append((index, sign))
    out = []
    for member_id, items in found.items():
        first = items[0][1]
        out.append(MemberSigns(member_id, first.member_name, first.cell_id, first.cell_name,
                               tuple(s for _i, s in items), tuple(i for i, _s in items)))
    return out
