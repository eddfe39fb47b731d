"""The demo's attendance and dues rows drawn a batch at a time, at C speed (numpy), not one Python draw per row.

Each row's draw is a 32-bit integer of the demo's own random stream (``rng.randbytes``: the seed's Mersenne
Twister, whatever numpy's version), read as a number in [0, 1) and compared with the member's probabilities in
numpy arrays. The rows are zipped from the arrays' lists (no Python code runs per row) and written by the caller
with executemany, in key order (WITHOUT ROWID tables), a bounded batch at a time. The shares are those of the
draw per row they replace: the same probabilities, the same states, reasons only on the rows that have one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from tayninh_desktop.domain.party_life import AttendanceState, DuesState
from tayninh_desktop.storage.party_life_codes import ATTENDANCE_CODES, DUES_CODES, month_code

_EXCUSED, _UNEXCUSED, _PRESENT, _NOT_REQUIRED = (ATTENDANCE_CODES[s.value] for s in (
    AttendanceState.EXCUSED, AttendanceState.UNEXCUSED, AttendanceState.PRESENT, AttendanceState.NOT_REQUIRED))
_PAID, _UNPAID, _UNPAID_EXCUSED, _EXEMPT, _DEFERRED = (DUES_CODES[s.value] for s in (
    DuesState.PAID, DuesState.UNPAID, DuesState.UNPAID_EXCUSED, DuesState.NOT_REQUIRED, DuesState.DEFERRED))


def rolls(rng, count: int) -> np.ndarray:
    """``count`` numbers in [0, 1) from ``rng`` (32 bits each)."""
    return np.frombuffer(rng.randbytes(4 * count), dtype="<u4") * (1.0 / 4294967296.0)


def day_number(iso: str) -> int:
    """"2026-03-15" → 20260315 (the order of the dates)."""
    return int(iso[:4]) * 10000 + int(iso[5:7]) * 100 + int(iso[8:10])


@dataclass(frozen=True)
class Rosters:
    """Every cell's periods, cell after cell (members in the order of their row ids): where each cell's begin,
    how many, and per period the member's row id, from, to (day numbers), whether the status excuses them from
    meetings, P(unexcused absence) and P(absence)."""
    start: dict[str, int]
    length: dict[str, int]
    members: np.ndarray
    valid_from: np.ndarray
    valid_to: np.ndarray
    not_expected: np.ndarray
    p_unexcused: np.ndarray
    p_absent: np.ndarray


def rosters(by_cell: dict, profiles: dict, not_expected: tuple[str, ...]) -> Rosters:
    start, length, flat = {}, {}, []
    for cell, periods in by_cell.items():
        start[cell], length[cell] = len(flat), len(periods)
        flat.extend(periods)
    members = [p[0] for p in flat]
    return Rosters(start, length, np.array(members, dtype=np.int64),
                   np.array([day_number(p[1]) for p in flat], dtype=np.int64),
                   np.array([day_number(p[2]) for p in flat], dtype=np.int64),
                   np.array([p[3] in not_expected for p in flat], dtype=bool),
                   np.array([profiles[m][0] for m in members], dtype=np.float64),
                   np.array([profiles[m][0] + profiles[m][1] for m in members], dtype=np.float64))


@dataclass(frozen=True)
class Attendance:
    """A batch of meetings' attendance: its rows (meeting row, member row, state, reason) in key order, and per
    meeting the members present, expected, the first present (chair) and the second (secretary), 0 if none."""
    rows: Iterator[tuple]
    count: int
    present: list[int]
    expected: list[int]
    chair: list[int]
    secretary: list[int]


def attendance(rng, rosters_: Rosters, meetings: list[tuple[int, str, str]], reasons: tuple[str, ...]) -> Attendance:
    """The attendance of ``meetings`` ((row id, cell, day), in the order of their row ids): every member of the
    cell on the day; those whose status excuses them not required, the others absent unexcused, excused (with
    a reason) or present by one draw each."""
    r = rosters_
    count = len(meetings)
    starts = np.array([r.start[m[1]] for m in meetings], dtype=np.int64)
    lengths = np.array([r.length[m[1]] for m in meetings], dtype=np.int64)
    which = np.repeat(np.arange(count), lengths)
    first = np.cumsum(lengths) - lengths
    index = np.arange(len(which)) + np.repeat(starts - first, lengths)
    days = np.array([day_number(m[2]) for m in meetings], dtype=np.int64)[which]
    on_roll = (r.valid_from[index] <= days) & (r.valid_to[index] > days)
    index, which = index[on_roll], which[on_roll]
    roll = rolls(rng, len(index))
    state = np.full(len(index), _PRESENT, dtype=np.int64)
    state[roll < r.p_absent[index]] = _EXCUSED
    state[roll < r.p_unexcused[index]] = _UNEXCUSED
    excused_by_status = r.not_expected[index]
    state[excused_by_status] = _NOT_REQUIRED
    reason = np.full(len(index), "", dtype=object)
    excused = np.flatnonzero(state == _EXCUSED)
    reason[excused] = np.array(reasons, dtype=object)[(roll[excused] * 1000).astype(np.int64) % len(reasons)]
    members = r.members[index]
    present_at = np.flatnonzero(state == _PRESENT)
    present_in = which[present_at]
    first_present = np.ones(len(present_at), dtype=bool)
    first_present[1:] = present_in[1:] != present_in[:-1]
    second_present = np.zeros(len(present_at), dtype=bool)
    second_present[1:] = first_present[:-1] & ~first_present[1:]
    chair, secretary = np.zeros(count, dtype=np.int64), np.zeros(count, dtype=np.int64)
    chair[present_in[first_present]] = members[present_at[first_present]]
    secretary[present_in[second_present]] = members[present_at[second_present]]
    meeting_rows = np.array([m[0] for m in meetings], dtype=np.int64)[which]
    return Attendance(zip(meeting_rows.tolist(), members.tolist(), state.tolist(), reason.tolist()), len(index),
                      np.bincount(present_in, minlength=count).tolist(),
                      np.bincount(which[~excused_by_status], minlength=count).tolist(), chair.tolist(),
                      secretary.tolist())


@dataclass(frozen=True)
class DuesText:
    """The texts of the dues rows: reasons of unpaid months excused, of a voluntary extra, the extra paid."""
    unpaid_reasons: tuple[str, ...]
    voluntary: str
    extra: int = 5000


def dues(rng, members: list[int], by_member: dict, profiles: dict, months: list[str], cells: dict[str, int],
         due_of: Callable[[int, str], int], relief_of: Callable[[int, str, int], tuple[int, bool]] | None,
         with_reliefs: set[int], text: DuesText) -> tuple[Iterator[tuple], int]:
    """The dues rows of ``members`` (row ids in order) in key order (member row, month code), and their number.

    A row per month whose 15th falls in one of the member's periods (the first such period gives the cell and
    status), owing ``due_of(member, month)`` of the first month of each dues text in force (one computation per
    member and text), or ``relief_of(member, month, due)`` → (due, exempt) for the members ``with_reliefs``. One
    draw per row: deferred (70 %) while away for work, unpaid, unpaid with a reason (0.4 %), paid with a voluntary
    extra (0.3 %) or paid."""
    mids = np.array([day_number(m + "-15") for m in months], dtype=np.int64)
    codes = np.array([month_code(m) for m in months], dtype=np.int64)
    text_of_month = np.array([m >= "2026-02" for m in months], dtype=np.int64)   # 342-QĐ/TW, then 01-QĐ/TW
    owner, cell_rows, starts, ends, away = [], [], [], [], []
    for position, member_row in enumerate(members):
        for cell_id, vf, vt, status in by_member[member_row]:
            owner.append(position)
            cell_rows.append(cells[cell_id])
            starts.append(day_number(vf))
            ends.append(day_number(vt))
            away.append(status == "di_lam_an_xa")
    covers = (np.array(starts)[:, None] <= mids[None, :]) & (np.array(ends)[:, None] > mids[None, :])
    period, month = np.nonzero(covers)
    owner_ = np.array(owner, dtype=np.int64)
    key = owner_[period] * len(months) + month
    order = np.argsort(key, kind="stable")   # by member and month; the first period covering a month wins
    key, period, month = key[order], period[order], month[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    period, month = period[first], month[first]
    who = owner_[period]
    rows = len(who)
    groups, first_row, group_of = np.unique(who * 2 + text_of_month[month], return_index=True, return_inverse=True)
    amounts = [due_of(members[g // 2], months[month[i]]) for g, i in zip(groups.tolist(), first_row.tolist())]
    due = np.array(amounts, dtype=np.int64)[group_of] if rows else np.zeros(0, dtype=np.int64)
    exempt = np.zeros(rows, dtype=bool)
    if with_reliefs and relief_of is not None:
        relieved = np.array([m in with_reliefs for m in members], dtype=bool)
        for i in np.flatnonzero(relieved[who]).tolist():
            due[i], exempt[i] = relief_of(members[who[i]], months[month[i]], int(due[i]))
    roll = rolls(rng, rows)
    p_unpaid = np.array([profiles[m][2] for m in members], dtype=np.float64)[who]
    state = np.full(rows, _PAID, dtype=np.int64)
    state[roll < p_unpaid + 0.004] = _UNPAID_EXCUSED
    state[roll < p_unpaid] = _UNPAID
    state[np.array(away, dtype=bool)[period] & (roll < 0.7)] = _DEFERRED
    state[exempt] = _EXEMPT
    voluntary = (state == _PAID) & (roll > 0.997)
    amount = np.where(state == _PAID, due, 0)
    amount[voluntary] += text.extra
    stored = np.full(rows, None, dtype=object)
    kept = np.flatnonzero(amount != due)
    stored[kept] = amount[kept].astype(object)   # Python ints (SQLite binds no numpy integer)
    reason = np.full(rows, "", dtype=object)
    excused = np.flatnonzero(state == _UNPAID_EXCUSED)
    pool = np.array(text.unpaid_reasons, dtype=object)
    reason[excused] = pool[(roll[excused] * 997).astype(np.int64) % len(pool)]
    reason[voluntary] = text.voluntary
    amount_reason = np.full(rows, "", dtype=object)
    amount_reason[voluntary] = text.voluntary
    member_rows = np.array(members, dtype=np.int64)[who]
    return zip(member_rows.tolist(), codes[month].tolist(), np.array(cell_rows, dtype=np.int64)[period].tolist(),
               stored.tolist(), state.tolist(), reason.tolist(), due.tolist(), amount_reason.tolist()), rows

