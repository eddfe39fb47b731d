"""Who votes in a cell on a date, and what a vote needs: the one place that computes a vote base.

Every paper that counts a vote (the minutes, the resolution, the slips, the vote count, the meeting
dossier; the screening procedure next) takes its figures from ``vote_base`` and prints them with
``base_fields``, so the same cell on the same date prints the same numbers everywhere and the totals
add up on paper:

    members = full + probationary          (the cell's own members that day)
    voters  = full - exempted              (full members not exempted from party activity)

The texts (resources/rules/documents.toml, each with its basis and validity):

- a probationary member does not vote (Điều lệ Đảng, Điều 3: dự bị có các quyền trên, trừ quyền biểu
  quyết, ứng cử và bầu cử);
- a removal (xóa tên) or a help-list (danh sách cần giáo dục, giúp đỡ) decision needs at least two thirds
  of the full members, with only the members exempted from party activity (miễn công tác và sinh hoạt
  đảng) left out of the base: members working away or in temporary party life elsewhere stay in it;
- the monthly resolution passes with more than half of the same base, by show of hands.

Members in temporary party life *in* the cell (sinh hoạt tạm thời, official elsewhere) are not the
cell's members: they are counted apart (``hosted``) and never in the base.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tayninh_desktop.domain.members import MemberStatus, Standing


class VoteKind(StrEnum):
    """What a cell votes on; each kind has its rule record in documents.toml (section ``vote_<kind>``)."""

    HELP_LIST = "help_list"        # đưa vào danh sách đảng viên cần được chi bộ giáo dục, giúp đỡ
    REMOVAL = "removal"            # đề nghị xóa tên
    RESOLUTION = "resolution"      # nghị quyết sinh hoạt chi bộ hằng tháng (giơ tay)
    SCREENING = "screening"        # sàng lọc sau 12 tháng giúp đỡ: công nhận đã tiến bộ
    COMMITTEE = "committee"        # đảng ủy xem xét đề nghị xóa tên (của số đảng ủy viên)
    STANDING = "standing"          # ban thường vụ cấp ủy có thẩm quyền quyết định (của số ủy viên)

    @property
    def rule_section(self) -> str:
        return f"vote_{self.value}"


@dataclass(frozen=True)
class RosterEntry:
    """A member's situation in a cell on a date, as the register's periods say it."""

    member_id: str
    standing: Standing
    status: MemberStatus
    cell_id: str | None = None


@dataclass(frozen=True)
class VoteRule:
    """A fraction of the base that must agree: at least n/d (``strict``: more than n/d)."""

    numerator: int
    denominator: int
    strict: bool = False
    secret: bool = True

    def needed(self, voters: int) -> int:
        """The fewest "yes" that pass among ``voters`` (integer arithmetic: 2/3 of 9 is 6, of 10 is 7)."""
        if voters <= 0:
            return 0
        whole, rest = divmod(voters * self.numerator, self.denominator)
        if self.strict:
            return whole + 1
        return whole + (1 if rest else 0)

    def passes(self, yes: int, voters: int) -> bool:
        """Whether ``yes`` votes carry the decision (never with an empty base)."""
        return voters > 0 and yes >= self.needed(voters)


@dataclass(frozen=True)
class VoteBase:
    """The figures of a cell's vote on a date."""

    on: date
    full: int = 0            # full members of the cell (exempted and away included)
    probationary: int = 0    # probationary members (never vote)
    exempted: int = 0        # full members exempted from party activity (left out of the base)
    away: int = 0            # members working away or in temporary party life elsewhere (in the base if full)
    hosted: int = 0          # members of other cells in temporary party life here (not the cell's)

    @property
    def members(self) -> int:
        return self.full + self.probationary

    @property
    def voters(self) -> int:
        """The base of a vote: full members not exempted from party activity."""
        return self.full - self.exempted


def vote_base(entries: Iterable[RosterEntry], on: date) -> VoteBase:
    """The vote base of a cell on ``on`` from its roster that day (``roster_repo.roster_on``)."""
    full = probationary = exempted = away = hosted = 0
    for entry in entries:
        if entry.status is MemberStatus.TEMP_IN:
            hosted += 1
            continue
        if entry.standing is Standing.FULL:
            full += 1
            exempted += entry.status is MemberStatus.EXEMPTED
        else:
            probationary += 1
        away += entry.status in (MemberStatus.AWAY, MemberStatus.TEMP_OUT)
    return VoteBase(on, full, probationary, exempted, away, hosted)


def base_fields(base: VoteBase, rule: VoteRule) -> dict[str, int]:
    """The figures every paper prints about a vote (the form's {fields}); they add up on paper."""
    return {"vb_members": base.members, "vb_full": base.full, "vb_probationary": base.probationary,
            "vb_exempted": base.exempted, "vb_away": base.away, "vb_voters": base.voters,
            "vb_needed": rule.needed(base.voters)}


@dataclass(frozen=True)
class Tally:
    """A counted secret ballot: slips issued and returned, valid, yes, no; the conclusion against the base."""

    voters: int
    needed: int
    returned: int
    yes: int
    no: int

    @property
    def invalid(self) -> int:
        return self.returned - self.yes - self.no

    @property
    def passed(self) -> bool:
        return self.voters > 0 and self.yes >= self.needed

    def percent(self, count: int) -> str:
        """A share of the base in per cent, one decimal with a comma ("66,7")."""
        if self.voters <= 0:
            return "0"
        return f"{count * 100 / self.voters:.1f}".replace(".", ",").removesuffix(",0")


def tally(base: VoteBase, rule: VoteRule, *, yes: int, no: int, returned: int | None = None) -> Tally:
    """The count of a ballot. Raises ValueError for figures that cannot be (more slips than voters)."""
    returned = yes + no if returned is None else returned
    if min(yes, no, returned) < 0 or yes + no > returned or returned > base.voters:
        raise ValueError("impossible tally")
    return Tally(base.voters, rule.needed(base.voters), returned, yes, no)
