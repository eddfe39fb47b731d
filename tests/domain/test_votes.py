"""The vote base of a cell: who votes, what a two-thirds decision needs; the rule file behind it."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain import document_rules
from tayninh_desktop.domain.members import MemberStatus, Standing
from tayninh_desktop.domain.votes import (
    RosterEntry,
    VoteBase,
    VoteKind,
    VoteRule,
    base_fields,
    tally,
    vote_base,
)

ON = date(2026, 3, 5)
TWO_THIRDS = VoteRule(2, 3)


def _entry(n: int, standing: Standing, status: MemberStatus) -> RosterEntry:
    return RosterEntry(f"m{n}", standing, status)


def test_base_of_a_cell_with_probationary_exempted_and_away_members():
    roster = [_entry(i, Standing.FULL, MemberStatus.FULL) for i in range(7)]
    roster += [_entry(10, Standing.PROBATIONARY, MemberStatus.PROBATIONARY),
               _entry(11, Standing.PROBATIONARY, MemberStatus.PROBATIONARY),
               _entry(12, Standing.FULL, MemberStatus.EXEMPTED),
               _entry(13, Standing.FULL, MemberStatus.AWAY),
               _entry(14, Standing.FULL, MemberStatus.TEMP_OUT),
               _entry(15, Standing.FULL, MemberStatus.TEMP_IN)]      # official elsewhere: not the cell's
    base = vote_base(roster, ON)
    assert (base.members, base.full, base.probationary, base.exempted, base.away, base.hosted) == (12, 10, 2, 1, 2, 1)
    # Probationary members never vote; only the exempted leave the base; the away stay in it.
    assert base.voters == 9
    fields = base_fields(base, TWO_THIRDS)
    assert fields["vb_members"] == fields["vb_full"] + fields["vb_probationary"]
    assert fields["vb_voters"] == fields["vb_full"] - fields["vb_exempted"]
    assert fields["vb_needed"] == 6


@pytest.mark.parametrize("voters, needed", [(1, 1), (2, 2), (3, 2), (9, 6), (10, 7), (12, 8), (0, 0)])
def test_two_thirds_is_at_least_two_thirds(voters, needed):
    assert TWO_THIRDS.needed(voters) == needed
    if voters:
        assert needed * 3 >= voters * 2 and (needed - 1) * 3 < voters * 2


@pytest.mark.parametrize("voters, needed", [(1, 1), (2, 2), (4, 3), (9, 5), (10, 6)])
def test_more_than_half(voters, needed):
    assert VoteRule(1, 2, strict=True).needed(voters) == needed


def test_an_empty_base_never_passes():
    assert not TWO_THIRDS.passes(0, 0)


def test_tally_concludes_against_the_base_not_the_slips_returned():
    base = VoteBase(ON, full=10, probationary=2, exempted=1)
    result = tally(base, TWO_THIRDS, yes=6, no=1, returned=8)
    assert (result.voters, result.needed, result.invalid, result.passed) == (9, 6, 1, True)
    assert result.percent(6) == "66,7"
    assert not tally(base, TWO_THIRDS, yes=5, no=0).passed
    with pytest.raises(ValueError):
        tally(base, TWO_THIRDS, yes=8, no=2)       # more slips than voters


def test_vote_rules_come_from_the_rule_file_with_their_basis():
    assert document_rules.vote_rule(VoteKind.REMOVAL, ON) == VoteRule(2, 3, False, True)
    assert document_rules.vote_rule(VoteKind.HELP_LIST, ON).needed(9) == 6
    resolution = document_rules.vote_rule(VoteKind.RESOLUTION, ON)
    assert not resolution.secret and resolution.needed(9) == 5
    sections = {s.section: s for s in document_rules.summaries(ON)}
    assert {"vote_help_list", "vote_removal", "vote_resolution", "numbering", "date_format"} <= set(sections)
    assert "36-HD/VPTW" in sections["numbering"].citation and not sections["numbering"].unconfirmed
    assert sections["date_format"].unconfirmed
