"""How the compact party-life tables store their values (m035, m048): the states and levels as small integers, the
month as a number, members, meetings and cells by the integer row id of their row, a month's amount paid only when
it is not the amount due, the timestamps of ratings and tasks as seconds.

The same mappings are written into the SQL of the views ``attendance`` and ``dues`` (schema_compact); a test
keeps the two in agreement. The codes are fixed: a new state gets a new code, never a reused one.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tayninh_desktop.domain.party_life import AttendanceState, DuesState, RatingLevel

ATTENDANCE_CODES: dict[str, int] = {AttendanceState.PRESENT.value: 0, AttendanceState.EXCUSED.value: 1,
                                    AttendanceState.UNEXCUSED.value: 2, AttendanceState.NOT_REQUIRED.value: 3}
DUES_CODES: dict[str, int] = {DuesState.PAID.value: 0, DuesState.UNPAID_EXCUSED.value: 1,
                              DuesState.UNPAID.value: 2, DuesState.NOT_REQUIRED.value: 3,
                              DuesState.DEFERRED.value: 4}
ATTENDANCE_STATES: dict[int, AttendanceState] = {code: AttendanceState(text) for text, code in ATTENDANCE_CODES.items()}
DUES_STATES: dict[int, DuesState] = {code: DuesState(text) for text, code in DUES_CODES.items()}
ATTENDANCE_TEXT: dict[int, str] = {code: text for text, code in ATTENDANCE_CODES.items()}
DUES_TEXT: dict[int, str] = {code: text for text, code in DUES_CODES.items()}

# Ratings (m048): the level as a small integer.
RATING_CODES: dict[str, int] = {RatingLevel.EXCELLENT.value: 0, RatingLevel.GOOD.value: 1,
                                RatingLevel.COMPLETE.value: 2, RatingLevel.INCOMPLETE.value: 3,
                                RatingLevel.NOT_RATED.value: 4}
RATING_LEVELS: dict[int, RatingLevel] = {code: RatingLevel(text) for text, code in RATING_CODES.items()}
RATING_TEXT: dict[int, str] = {code: text for text, code in RATING_CODES.items()}
INCOMPLETE = RATING_CODES[RatingLevel.INCOMPLETE.value]

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


_STAMP_FORMAT = "%Y-%m-%dT%H:%M:%S+00:00"   # audit.now_iso's form


def stamp_code(text: str) -> int | str:
    """A timestamp as ratings_compact and tasks_compact keep it (m048): "2026-12-02T07:03:05+00:00" as seconds since
    1970; a text in any other form as it is."""
    if len(text) == 25 and text.endswith("+00:00"):
        try:
            seconds = int(datetime.fromisoformat(text).timestamp())
        except ValueError:
            return text
        if stamp_text(seconds) == text:
            return seconds
    return text


def stamp_text(value: int | str) -> str:
    """The stored timestamp as the text it was written as."""
    if isinstance(value, int):
        return datetime.fromtimestamp(value, UTC).strftime(_STAMP_FORMAT)
    return value
