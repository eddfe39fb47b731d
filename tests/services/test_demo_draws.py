"""The demo's attendance and dues drawn a batch at a time (demo_draws): the rows each member is owed, in key order,
with the shares of the probabilities given, the same rows from the same seed."""

import random

from tayninh_desktop.services import demo_draws
from tayninh_desktop.storage.party_life_codes import ATTENDANCE_CODES, DUES_CODES

PRESENT, EXCUSED, UNEXCUSED, NOT_REQUIRED = (ATTENDANCE_CODES[s] for s in (
    "co_mat", "vang_co_ly_do", "vang_khong_ly_do", "mien"))
REASONS = ("Ốm", "Đi công tác")


def _attendance(seed, profiles, by_cell, meetings):
    rosters = demo_draws.rosters(by_cell, profiles, ("mien_sinh_hoat",))
    return demo_draws.attendance(random.Random(seed), rosters, meetings, REASONS)


def test_attendance_rows_roster_and_shares():
    members = range(1, 2001)
    profiles = {m: (0.1, 0.2, 0.0, 0.0) for m in members}
    by_cell = {"a": [(m, "2020-01-01", "9999-12-31", "mien_sinh_hoat" if m == 5 else "chinh_thuc") for m in members],
               "b": [(3000, "2024-06-01", "2024-07-01", "chinh_thuc"), (3001, "2024-01-01", "9999-12-31", "x")]}
    profiles |= {3000: (0.0, 0.0, 0.0, 0.0), 3001: (0.0, 0.0, 0.0, 0.0)}
    meetings = [(7, "a", "2024-03-10"), (8, "b", "2024-03-10"), (9, "b", "2024-06-10")]
    drawn = _attendance(1, profiles, by_cell, meetings)
    rows = list(drawn.rows)
    assert drawn.count == len(rows) == 2000 + 1 + 2
    assert [r[:2] for r in rows] == sorted(r[:2] for r in rows)          # key order
    assert [r[1] for r in rows if r[0] == 9] == [3000, 3001]             # only the members of the cell that day
    assert [r[2] for r in rows if r[1] == 5] == [NOT_REQUIRED]
    states = [r[2] for r in rows if r[0] == 7]
    assert 140 <= states.count(UNEXCUSED) <= 260 and 320 <= states.count(EXCUSED) <= 480
    assert all((r[3] in REASONS) == (r[2] == EXCUSED) for r in rows)
    present_a = [r[1] for r in rows if r[0] == 7 and r[2] == PRESENT]
    assert drawn.present == [len(present_a), 1, 2] and drawn.expected == [1999, 1, 2]
    assert (drawn.chair[0], drawn.secretary[0]) == (present_a[0], present_a[1])
    assert (drawn.chair[1], drawn.secretary[1]) == (3001, 0)
    again = _attendance(1, profiles, by_cell, meetings)
    assert list(again.rows) == rows


def test_dues_rows_states_amounts_and_reliefs():
    months = [f"2025-{m:02d}" for m in range(1, 13)]
    by_member = {1: [("c1", "2020-01-01", "2025-06-10", "chinh_thuc"), ("c2", "2025-06-10", "9999-12-31", "chinh_thuc")],
                 2: [("c1", "2020-01-01", "9999-12-31", "di_lam_an_xa")],
                 3: [("c1", "2025-03-20", "9999-12-31", "chinh_thuc")]}
    profiles = {1: (0, 0, 0.5, 0), 2: (0, 0, 0.0, 0), 3: (0, 0, 0.0, 0)}
    text = demo_draws.DuesText(("khó khăn",), "tự nguyện")

    def relief_of(member_row, month, due):
        return (0, True) if month >= "2025-10" else (due // 2, False)

    rows, count = demo_draws.dues(random.Random(3), [1, 2, 3], by_member, profiles, months, {"c1": 11, "c2": 12},
                                  lambda member, month: 10_000 * member, relief_of, {3}, text)
    rows = list(rows)
    assert count == len(rows) == 12 + 12 + 9
    assert [r[:2] for r in rows] == sorted(r[:2] for r in rows)
    assert [r[2] for r in rows if r[0] == 1] == [11] * 5 + [12] * 7      # the cell on the 15th
    deferred = [r for r in rows if r[0] == 2 and r[4] == DUES_CODES["hoan_dong"]]
    assert deferred and all(r[3] == 0 and r[6] == 20_000 for r in deferred)
    three = [r for r in rows if r[0] == 3]
    assert [r[4] for r in three if r[1] >= 202510] == [DUES_CODES["mien"]] * 3
    assert all(r[6] == 0 and r[3] is None for r in three if r[1] >= 202510)
    assert all(r[6] == 15_000 for r in three if r[1] < 202510)
    for r in rows:
        paid = r[4] == DUES_CODES["da_dong"]
        assert r[3] is None or r[3] != r[6]                              # the amount kept only when not the due
        assert (r[7] == "tự nguyện") == (paid and r[3] == r[6] + 5000)
