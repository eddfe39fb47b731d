"""How the compact party-life tables store their values (m035): the states as small integers, the month as a
number, members, meetings and cells by the integer row id of their row, a month's amount paid only when it is not
the amount due.

The same mappings are written into the SQL of the views ``attendance`` and ``dues`` (schema_compact); a test
keeps the two in agreement. The codes are fixed: a new state gets a new code, never a reused one.
"""

from __future__ import annotations

from tayninh_desktop.domain.party_life import AttendanceState, DuesState

ATTENDANCE_CODES: dict[str, int] = {AttendanceState.PRESENT.value: 0, AttendanceState.EXCUSED.value: 1,
                                    AttendanceState.UNEXCUSED.value: 2, AttendanceState.NOT_REQUIRED.value: 3}
DUES_CODES: dict[str, int] = {DuesState.PAID.value: 0, DuesState.UNPAID_EXCUSED.value: 1,
                              DuesState.UNPAID.value: 2, DuesState.NOT_REQUIRED.value: 3,
                              DuesState.DEFERRED.value: 4}
ATTENDANCE_STATES: dict[int, AttendanceState] = {code: AttendanceState(text) for text, code in ATTENDANCE_CODES.items()}
DUES_STATES: dict[int, DuesState] = {code: DuesState(text) for text, code in DUES_CODES.items()}
ATTENDANCE_TEXT: dict[int, str] = {code: text for text, code in ATTENDANCE_CODES.items()}
DUES_TEXT: dict[int, str] = {code: text for text, code in DUES_CODES.items()}

UNEXCUSED = ATTENDANCE_CODES[AttendanceState.UNEXCUSED.value]
PRESENT = ATTENDANCE_CODES[AttendanceState.PRESENT.value]
PAID = DUES_CODES[DuesState.PAID.value]
UNPAID = DUES_CODES[DuesState.UNPAID.value]
UNPAID_EXCUSED = DUES_CODES[DuesState.UNPAID_EXCUSED.value]


def amount_stored(amount: int, due: int | None) -> int | None:
    """The amount paid as dues_compact keeps it: NULL when it is the amount due (most months), else itself."""
    return None if amount == due else amount


def month_code(month: str) -> int:
    """"2026-11" → 202611."""
    return int(month[:4]) * 100 + int(month[5:7])


def month_text(code: int) -> str:
    """202611 → "2026-11"."""
    text = _MONTH_TEXTS.get(code)
    if text is None:
        text = _MONTH_TEXTS[code] = f"{code // 100:04d}-{code % 100:02d}"
    return text


_MONTH_TEXTS: dict[int, str] = {}   # a few hundred months, met millions of times


def rows_of(db, table: str, ids) -> dict[str, int]:
    """UUID → row id of the given rows of ``table`` (members, meetings, units); unknown ids are left out."""
    ids = list(dict.fromkeys(ids))
    out: dict[str, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        out.update(db.execute(f"SELECT id, rowid FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return out


def ids_of(db, table: str, rows) -> dict[int, str]:
    """Row id → UUID of the given rows of ``table``."""
    rows = list(dict.fromkeys(rows))
    out: dict[int, str] = {}
    for start in range(0, len(rows), 500):
        chunk = rows[start:start + 500]
        out.update(db.execute(f"SELECT rowid, id FROM {table} WHERE rowid IN ({','.join('?' * len(chunk))})", chunk))
    return out


def row_of(db, table: str, uuid: str | None) -> int | None:
    if uuid is None:
        return None
    found = db.execute(f"SELECT rowid FROM {table} WHERE id = ?", [uuid]).fetchone()
    return found[0] if found else None
