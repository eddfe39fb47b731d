from datetime import date

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.lifecycle import EventKind, MemberEvent, fold_periods, state_on
from tayninh_desktop.domain.members import MemberStatus


def ev(kind, day, cell=None, seq=0, end=None):
    return MemberEvent(f"e{seq}", "m", kind, day, cell_id=cell, seq=seq, end_date=end)


def test_admission_then_full_membership():
    periods = fold_periods("m", [ev(EventKind.ADMITTED, date(2020, 1, 1), "A", 1),
                                 ev(EventKind.FULL_MEMBERSHIP, date(2021, 1, 1), seq=2)], date(2021, 1, 1))
    assert state_on(periods, date(2019, 12, 31)) is None
    assert state_on(periods, date(2020, 6, 1)).status is MemberStatus.PROBATIONARY
    assert state_on(periods, date(2021, 1, 1)).status is MemberStatus.FULL


def test_moves_and_exits_give_dated_periods():
    events = [ev(EventKind.ADMITTED, date(2000, 1, 1), "A", 1), ev(EventKind.FULL_MEMBERSHIP, date(2001, 1, 1), seq=2),
              ev(EventKind.MOVED_CELL, date(2024, 3, 1), "B", 3), ev(EventKind.STRUCK_OFF, date(2025, 5, 1), seq=4)]
    periods = fold_periods("m", events, date(2001, 1, 1))
    assert state_on(periods, date(2024, 2, 29)).cell_id == "A"
    assert state_on(periods, date(2024, 12, 31)).cell_id == "B"
    after = state_on(periods, date(2025, 5, 1))
    assert not after.present and after.status is MemberStatus.STRUCK_OFF


def test_away_and_exempted_states():
    events = [ev(EventKind.TRANSFER_IN, date(2010, 1, 1), "A", 1),
              ev(EventKind.AWAY, date(2024, 1, 1), seq=2, end=date(2025, 1, 1)),
              ev(EventKind.AWAY_ENDED, date(2025, 1, 1), seq=3), ev(EventKind.EXEMPTED, date(2025, 6, 1), seq=4)]
    periods = fold_periods("m", events, date(2005, 1, 1))
    assert state_on(periods, date(2024, 6, 1)).status is MemberStatus.AWAY
    assert state_on(periods, date(2025, 2, 1)).status is MemberStatus.FULL
    assert state_on(periods, date(2025, 7, 1)).status is MemberStatus.EXEMPTED


@pytest.mark.parametrize("events", [
    [ev(EventKind.FULL_MEMBERSHIP, date(2020, 1, 1), seq=1)],
    [ev(EventKind.ADMITTED, date(2020, 1, 1), "A", 1), ev(EventKind.ADMITTED, date(2020, 2, 1), "A", 2)],
    [ev(EventKind.ADMITTED, date(2020, 1, 1), "A", 1), ev(EventKind.DIED, date(2021, 1, 1), seq=2),
     ev(EventKind.MOVED_CELL, date(2022, 1, 1), "B", 3)],
    [ev(EventKind.ADMITTED, date(2020, 1, 1), "A", 1), ev(EventKind.MOVED_CELL, date(2021, 1, 1), "A", 2)],
    [ev(EventKind.ADMITTED, date(2020, 1, 1), "A", 1), ev(EventKind.DIED, date(2021, 1, 1), seq=2),
     ev(EventKind.READMITTED, date(2022, 1, 1), "A", 3)],
    [ev(EventKind.ADMITTED, date(2020, 1, 1), "A", 1), ev(EventKind.AWAY_ENDED, date(2021, 1, 1), seq=2)],
])
def test_impossible_histories_are_refused(events):
    with pytest.raises(DomainError) as caught:
        fold_periods("m", events, None)
    assert caught.value.code == "event_not_allowed"
    assert "{" not in caught.value.message


def test_readmission_after_striking_off():
    events = [ev(EventKind.ADMITTED, date(2000, 1, 1), "A", 1), ev(EventKind.STRUCK_OFF, date(2010, 1, 1), seq=2),
              ev(EventKind.READMITTED, date(2020, 1, 1), "B", 3)]
    state = state_on(fold_periods("m", events, None), date(2020, 2, 1))
    assert state.present and state.cell_id == "B" and state.status is MemberStatus.PROBATIONARY
