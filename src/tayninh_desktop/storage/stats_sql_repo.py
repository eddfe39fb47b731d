"""The statistical forms' questions asked of the register's dated projection, in SQL.

``member_periods`` holds each member's situation from one event to the next (present, standing,
status), ``member_events`` the dated events. A stock (who was on the list at the end of a day) is a range condition on the periods;
a flow (who came, who went) a range of events; a population is grouped by the texts and flags the rows
read, so Python sees a few thousand groups instead of every member.

A few histories say more than a period row keeps (a member hosted in temporary party life who is also
exempted or away, an exemption hidden under a temporary transfer out, several events of one member on
the day of an exit), and a member whose texts changed reads another text on another day:
``irregular_members`` names them, every query here leaves them out (``excluded``:
the ids as a JSON array) and the service folds them in Python. Dates are ISO text; the day a period
covers is ``valid_from <= day < valid_to``: its state at the end of that day.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from sqlite_utils import Database

from tayninh_desktop.storage import party_life_codes as codes

EXIT_KINDS = ("tu_tran", "khai_tru", "xoa_ten", "ra_khoi_dang", "dinh_cu_nuoc_ngoai", "chuyen_di")
NAMED_KINDS = ("chuyen_den", "chuyen_di", "dinh_cu_nuoc_ngoai")     # a note may name the member
_COVERS = "p.valid_from <= {day} AND (p.valid_to IS NULL OR p.valid_to > {day})"


def _marks(values: Sequence) -> str:
    return ",".join("?" * len(values))


def irregular_members(db: Database, start: str, end: str) -> list[str]:
    """Members whose situation the period rows cannot tell exactly (see the module's doc); an exit matters
    only within [start, end], the days counted."""
    exits = _marks(EXIT_KINDS)
    sql = (
        "SELECT member_id FROM member_events WHERE kind = 'chuyen_den_tam_thoi'"
        " UNION SELECT t.member_id FROM member_events t WHERE t.kind = 'chuyen_di_tam_thoi' AND EXISTS"
        "  (SELECT 1 FROM member_events x WHERE x.member_id = t.member_id AND x.kind = 'mien_sinh_hoat')"
        " UNION SELECT e.member_id FROM member_events e JOIN member_events x ON x.member_id = e.member_id"
        f"  AND x.event_date = e.event_date AND x.seq < e.seq WHERE e.kind IN ({exits})"
        "  AND e.event_date BETWEEN ? AND ?"
        " UNION SELECT member_id FROM member_field_changes")
    return [row[0] for row in db.execute(sql, [*EXIT_KINDS, start, end])]


def _unless(excluded: str, column: str, mark: str = "?1") -> str:
    """" AND <column> is not one of the excluded" (nothing when none is: the common case costs nothing)."""
    return "" if excluded == "[]" else f" AND {column} NOT IN (SELECT value FROM json_each({mark}))"


def list_counts(db: Database, days: Sequence[str], excluded: str) -> dict[str, int]:
    """How many members were on the list at the end of each day (one pass over the periods)."""
    if not days:
        return {}
    days = sorted(days)
    sums = ", ".join(f"SUM(valid_from <= ?{i + 2} AND (valid_to IS NULL OR valid_to > ?{i + 2}))"
                     for i in range(len(days)))
    last, first = len(days) + 1, 2
    sql = (f"SELECT {sums} FROM member_periods WHERE present = 1 AND status <> 'sinh_hoat_tam_thoi'"
           f" AND valid_from <= ?{last} AND (valid_to IS NULL OR valid_to > ?{first})"
           + _unless(excluded, "member_id"))
    row = db.execute(sql, [excluded, *days]).fetchone()
    return {day: int(value or 0) for day, value in zip(days, row)}


def _age(day: str, exact: bool) -> str:
    """Age in whole years on ``day`` (an SQL expression over a per-row day); ``exact``: not yet when the
    birthday comes later in the year."""
    years = f"CAST(substr({day}, 1, 4) AS INTEGER) - CAST(m.birth_date AS INTEGER)"
    return f"({years} - (substr(m.birth_date, 6) > substr({day}, 6)))" if exact else f"({years})"


def _band(age: str, bands: Sequence[tuple[int, int]]) -> str:
    whens = " ".join(f"WHEN {age} BETWEEN {low:d} AND {high:d} THEN {i}" for i, (low, high) in enumerate(bands))
    return f"CASE {whens} ELSE -1 END"


def _reached(day: str, years: int, exact: bool) -> str:
    """The ISO text a birth date is at most when the person is ``years`` old on ``day`` (compared as text:
    "2002-02-29" needs no such day)."""
    year = int(day[:4]) - years
    return f"{year:04d}-{day[5:]}" if exact else f"{year:04d}-12-31"


def _band_on(day: str, bands: Sequence[tuple[int, int]], exact: bool) -> str:
    """The age band on a fixed ``day`` as comparisons of the birth date with threshold texts."""
    whens = " ".join(f"WHEN m.birth_date <= '{_reached(day, low, exact)}'"
                     f" AND m.birth_date > '{_reached(day, high + 1, exact)}' THEN {i}"
                     for i, (low, high) in enumerate(bands))
    return f"CASE {whens} ELSE -1 END"


def _age_on(day: str, exact: bool) -> str:
    """Age on a fixed ``day`` (the birth date's leading digits are its year)."""
    years = f"{int(day[:4]):d} - CAST(m.birth_date AS INTEGER)"
    return f"({years} - (substr(m.birth_date, 6) > '{day[5:]}'))" if exact else f"({years})"


def _era(eras: Sequence[tuple[str | None, str | None]]) -> str:
    """The index of the era of admission (-1: none); the bounds are ISO dates checked by the caller."""
    whens = []
    for i, (start, end) in enumerate(eras):
        conditions = [f"m.joined_on >= '{start}'" if start else "", f"m.joined_on <= '{end}'" if end else ""]
        whens.append(f"WHEN {' AND '.join(c for c in conditions if c) or '1'} THEN {i}")
    return f"CASE {' '.join(whens)} ELSE -1 END"


_PROFILE = ("m.gender, m.ethnicity, m.religion, m.occupation, m.education_general, m.education_professional,"
            " m.political_theory, {era}, {band}, p.standing = 'du_bi', p.status = 'mien_sinh_hoat', {readmitted},"
            " COUNT(*), SUM({age})")
_GROUP = " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12"
# The members' columns the forms read come from one covering index (members_statistics, m045): the rows
# of the register are wide, the index is not.
_MEMBERS = "CROSS JOIN members m INDEXED BY members_statistics ON m.id = {column}"


def _is_iso(day: str) -> str:
    if len(day) != 10 or day[4] != "-" or day[7] != "-" or not (day[:4] + day[5:7] + day[8:]).isdigit():
        raise ValueError(day)
    return day


def stock_groups(db: Database, day: str, excluded: str, *, exact_age: bool, bands, eras) -> Iterator[tuple]:
    """The list at the end of ``day`` grouped by raw profile: (gender, ethnicity, religion, occupation,
    general, professional, theory, era index, band index, probationary, exempted, readmitted=0, count,
    sum of ages), read one at a time. ``bands``: (low, high) of each age band; ``eras``: (from, to) ISO bounds
    of each era. Members whose texts changed are among the excluded (their values depend on the day)."""
    day = _is_iso(day)
    columns = _PROFILE.format(era=_era(eras), band=_band_on(day, bands, exact_age), readmitted="0",
                              age=_age_on(day, exact_age))
    sql = (f"SELECT {columns} FROM member_periods p {_MEMBERS.format(column='p.member_id')}"
           f" WHERE {_COVERS.format(day='?2')} AND p.present = 1 AND p.status <> 'sinh_hoat_tam_thoi'"
           + _unless(excluded, "p.member_id") + _GROUP)
    return iter(db.execute(sql, [excluded, day]))


def admitted_groups(db: Database, start: str, end: str, excluded: str, *, exact_age: bool, bands,
                    eras) -> Iterator[tuple]:
    """The admissions of [start, end] grouped by raw profile on the day of admission (as ``stock_groups``;
    readmitted = a re-admission)."""
    age = _age("e.event_date", exact_age)
    columns = _PROFILE.format(era=_era(eras), band=_band(age, bands), readmitted="e.kind = 'ket_nap_lai'", age=age)
    sql = (f"SELECT {columns} FROM member_events e {_MEMBERS.format(column='e.member_id')}"
           f" JOIN member_periods p ON p.member_id = e.member_id AND {_COVERS.format(day='e.event_date')}"
           " WHERE e.kind IN ('ket_nap', 'ket_nap_lai') AND e.event_date BETWEEN ?2 AND ?3"
           + _unless(excluded, "e.member_id") + _GROUP)
    return iter(db.execute(sql, [excluded, start, end]))


def out_of_band_people(db: Database, day: str, excluded: str, *, exact_age: bool,
                       bands) -> list[tuple[str, int]]:
    """(name, age) of the list at the end of ``day`` whose age falls in no band."""
    day = _is_iso(day)
    sql = (f"SELECT m.full_name, {_age_on(day, exact_age)} FROM member_periods p JOIN members m ON m.id = p.member_id"
           f" WHERE {_COVERS.format(day='?2')} AND p.present = 1 AND p.status <> 'sinh_hoat_tam_thoi'"
           f"{_unless(excluded, 'p.member_id')} AND {_band_on(day, bands, exact_age)} = -1 ORDER BY m.sort_key")
    return [(r[0], r[1]) for r in db.execute(sql, [excluded, day])]


def out_of_band_admissions(db: Database, start: str, end: str, excluded: str, *, exact_age: bool,
                           bands) -> list[tuple[str, int]]:
    """(name, age at admission) of the admissions of [start, end] whose age falls in no band."""
    age = _age("e.event_date", exact_age)
    sql = (f"SELECT m.full_name, {age} FROM member_events e JOIN members m ON m.id = e.member_id"
           " WHERE e.kind IN ('ket_nap', 'ket_nap_lai') AND e.event_date BETWEEN ?2 AND ?3"
           f"{_unless(excluded, 'e.member_id')} AND {_band(age, bands)} = -1 ORDER BY e.event_date, m.sort_key")
    return [(r[0], r[1]) for r in db.execute(sql, [excluded, start, end])]


_BEFORE = ("(SELECT q.standing FROM member_periods q WHERE q.member_id = e.member_id"
           " AND q.valid_to = e.event_date) = 'du_bi'")


def event_counts(db: Database, start: str, end: str, excluded: str,
                 kinds: Sequence[str]) -> list[tuple[str, bool, str, int]]:
    """(kind, probationary just before, date, count) of the events of ``kinds`` in [start, end] (one index
    range per kind; by date, so that one reading serves every window inside)."""
    exits = ", ".join(f"'{k}'" for k in EXIT_KINDS)
    marks = ", ".join(f"?{i + 4}" for i in range(len(kinds)))
    sql = (f"SELECT e.kind, CASE WHEN e.kind IN ({exits}) THEN COALESCE({_BEFORE}, 0) ELSE 0 END AS before,"
           f" e.event_date, COUNT(*) FROM member_events e WHERE e.kind IN ({marks})"
           f" AND e.event_date BETWEEN ?2 AND ?3{_unless(excluded, 'e.member_id')} GROUP BY 1, 2, 3")
    rows = db.execute(sql, [excluded, start, end, *kinds])
    return [(r[0], bool(r[1]), r[2], r[3]) for r in rows]


def named_events(db: Database, start: str, end: str, excluded: str) -> list[tuple]:
    """Official transfers and settlements abroad of [start, end], one row each: (kind, date, place, issuer,
    recorded scope, member id, probationary just before — read for a settlement only: Biểu 1 counts the
    probationary among those struck off, and a settlement abroad counts there)."""
    marks = ", ".join(f"?{i + 4}" for i in range(len(NAMED_KINDS)))
    sql = (f"SELECT e.kind, e.event_date, e.place, e.doc_issuer, s.scope, e.member_id,"
           f" CASE WHEN e.kind = 'dinh_cu_nuoc_ngoai' THEN COALESCE({_BEFORE}, 0) ELSE 0 END"
           " FROM member_events e LEFT JOIN transfer_scopes s ON s.event_id = e.id"
           f" WHERE e.kind IN ({marks}) AND e.event_date BETWEEN ?2 AND ?3{_unless(excluded, 'e.member_id')}")
    return db.execute(sql, [excluded, start, end, *NAMED_KINDS]).fetchall()


def names_of(db: Database, member_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """(full name, sort key) of each member, for the few a note names."""
    if not member_ids:
        return {}
    rows = db.execute("SELECT id, full_name, sort_key FROM members WHERE id IN (SELECT value FROM json_each(?))",
                      [json.dumps(list(member_ids))])
    return {r[0]: (r[1], r[2]) for r in rows}


def rating_counts(db: Database, day: str, year: int, excluded: str) -> list[tuple[str, str, int]]:
    """(level, reason or "khac", count) of the ratings of ``year`` of the list at the end of ``day`` (read
    from the year's ratings: nothing to read before the year is rated)."""
    sql = ("SELECT r.level, COALESCE(NULLIF(r.not_rated_reason, ''), 'khac'), COUNT(*) FROM ratings_compact r"
           f" JOIN members m ON m.rowid = r.member_row WHERE r.year = ?3{_unless(excluded, 'm.id')}"
           f" AND EXISTS (SELECT 1 FROM member_periods p WHERE p.member_id = m.id AND {_COVERS.format(day='?2')}"
           " AND p.present = 1 AND p.status <> 'sinh_hoat_tam_thoi') GROUP BY 1, 2")
    return [(codes.RATING_TEXT[level], reason, count)
            for level, reason, count in db.execute(sql, [excluded, day, year]).fetchall()]


def award_counts(db: Database, start: str, end: str) -> list[tuple[str, int | None, int]]:
    """(kind, badge years, count) of the badges and cards given in [start, end]."""
    return db.execute("SELECT kind, badge_years, COUNT(*) FROM member_awards WHERE awarded_on BETWEEN ? AND ?"
                      " GROUP BY 1, 2", [start, end]).fetchall()
