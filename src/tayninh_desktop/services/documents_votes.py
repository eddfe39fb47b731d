"""The vote figures a paper prints, from ``domain.votes`` (the one function that computes a vote base).

Every paper of a meeting prints the same base the same way: the minutes, the resolution, the slips
(one per member entitled to vote), the vote count with its conclusion against the base.
"""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.document_rules import vote_rule
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.members import MemberStatus, Standing
from tayninh_desktop.domain.messages_documents import FRACTION_WORDS, MOTIONS
from tayninh_desktop.domain.org import Unit
from tayninh_desktop.domain.party_life import AttendanceState
from tayninh_desktop.domain.votes import VoteKind, base_fields, tally, vote_base
from tayninh_desktop.services import documents_context, meetings
from tayninh_desktop.storage import roster_repo
from tayninh_desktop.storage.db import Database


def fraction_words(kind: VoteKind, on: date) -> str:
    rule = vote_rule(kind, on)
    return FRACTION_WORDS.get((rule.numerator, rule.denominator, rule.strict), f"{rule.numerator}/{rule.denominator}")


def vote_context(db: Database, cell: Unit | None, on: date, kind: VoteKind,
                 counted: tuple[int, int, int | None] | None) -> dict:
    """The base of the cell's vote of ``kind`` on ``on`` (the committee's members when no cell), and the
    count when it is known."""
    base = vote_base(roster_repo.roster_on(db, cell.id if cell else None, on), on)
    secret = VoteKind.HELP_LIST if kind is VoteKind.RESOLUTION else kind
    # vb_needed: the monthly resolution (show of hands); secret_needed: the ballot the slips are for.
    out: dict = {**base_fields(base, vote_rule(VoteKind.RESOLUTION, on)),
                 "vote_fraction": fraction_words(VoteKind.RESOLUTION, on),
                 "secret_fraction": fraction_words(secret, on), "secret_needed": vote_rule(secret, on).needed(base.voters),
                 "slip_copies": base.voters, "required": base.members - base.exempted - base.away}
    if counted is not None:
        yes, no, returned = counted
        try:
            counted = tally(base, vote_rule(secret, on), yes=yes, no=no, returned=returned)
        except ValueError:
            raise DomainError("tally_impossible", yes=yes, no=no, returned=returned if returned is not None else yes + no,
                              voters=base.voters) from None
        out.update({"issued": counted.voters, "returned": counted.returned, "valid": counted.yes + counted.no,
                    "invalid": counted.invalid, "yes": counted.yes, "no": counted.no,
                    "yes_pct": counted.percent(counted.yes), "no_pct": counted.percent(counted.no),
                    "conclusion": ("đạt " if counted.passed else "không đạt ") + out["secret_fraction"]})
    return out


def present_voters(db: Database, cell: Unit, on: date, ctx: dict) -> dict:
    """With a meeting recorded that day: the voters present, and as many slips as there are of them."""
    meeting = documents_context.recorded_meeting(db, cell.id, on)
    if meeting is None:
        return {}
    entries = {e.member_id: e for e in roster_repo.roster_on(db, cell.id, on)}
    present = [line.member_id for line in meetings.attendance_lines(db, meeting.id)
               if line.state is AttendanceState.PRESENT]
    voters = sum(1 for member_id in present if member_id in entries
                 and entries[member_id].standing is Standing.FULL
                 and entries[member_id].status not in (MemberStatus.EXEMPTED, MemberStatus.TEMP_IN))
    return {"present_voters": voters, "slip_copies": voters}


def motion(kind: VoteKind, name: str) -> str:
    """What a slip asks about one member ("đưa đồng chí … vào danh sách …")."""
    return MOTIONS[kind.value].format(name=name)
