"""The roster read from the member periods: the full members' cells on a day are exactly the full members of the
committee's roster that day (the demo's screening reads them without the roster's order and entries)."""

from datetime import date

import pytest

from tayninh_desktop.domain.members import MemberStatus, Standing
from tayninh_desktop.storage import roster_repo
from tayninh_desktop.storage.db import open_database


@pytest.mark.parametrize("day", [date(2023, 1, 1), date(2025, 7, 27), date(2026, 11, 27)])
def test_the_full_members_cells_are_the_full_members_of_the_roster(demo_db_path, day):
    db = open_database(demo_db_path)
    roster = roster_repo.roster_on(db, None, day)
    expected = {e.member_id: e.cell_id for e in roster
                if e.standing is Standing.FULL and e.status is MemberStatus.FULL}
    found = roster_repo.full_members_cells_on(db, day)
    assert found == expected
    assert 0 < len(found) < len(roster)   # probationary and exempted members are on the roster, not here
    db.conn.close()


def test_a_member_without_standing_or_status_counts_as_full(demo_copy):
    db = open_database(demo_copy)
    day = date(2026, 11, 27)
    member_id = roster_repo.roster_on(db, None, day)[0].member_id
    with db.atomic():   # an old register's period with neither column filled
        db.execute("UPDATE member_periods SET standing = NULL, status = NULL WHERE member_id = ?", [member_id])
    entry = next(e for e in roster_repo.roster_on(db, None, day) if e.member_id == member_id)
    assert (entry.standing, entry.status) == (Standing.FULL, MemberStatus.FULL)
    assert member_id in roster_repo.full_members_cells_on(db, day)
    db.conn.close()
