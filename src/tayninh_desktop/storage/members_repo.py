"""Members: rows in, domain dataclasses out; the list queries the register window stands on."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from operator import attrgetter
from typing import NamedTuple

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.domain.members import Gender, Member, MemberData, MemberStatus
from tayninh_desktop.domain.vn_text import fold, sort_key, split_name
from tayninh_desktop.storage.audit import now_iso

DATA_COLUMNS = [f.name for f in fields(MemberData)]
_DATA_VALUES = attrgetter(*DATA_COLUMNS)
MEMBER_COLUMNS = ["id", *DATA_COLUMNS, "cell_id", "status", "created_at", "updated_at"]
ROW_COLUMNS = ["id", "owner_unit_id", *DATA_COLUMNS, "cell_id", "status", "family_name", "middle_name",
               "given_name", "name_folded", "sort_key", "search_text", "created_at", "updated_at"]
_INSERT_SQL = (f"INSERT INTO members ({', '.join(ROW_COLUMNS)}) VALUES ({', '.join('?' * len(ROW_COLUMNS))})")


@dataclass(frozen=True)
class MemberSummary:
    """What one line of the register list shows."""

    rowid: int
    id: str
    full_name: str
    gender: Gender
    birth_date: date
    birth_year_only: bool
    cell_name: str
    status: MemberStatus
    joined_on: date
    full_member_on: date | None
    cccd: str
    card_number: str
    current_address: str


def search_text(data: MemberData, folded_name: str | None = None) -> str:
    """The folded words search-as-you-type matches: names, identifiers and phone (``folded_name``: the full name
    already folded, not folded again)."""
    parts = [fold(data.full_name) if folded_name is None else folded_name, fold(data.other_name), data.cccd,
             data.card_number, data.dossier_number, data.phone]
    return " ".join(p for p in parts if p)


def _value(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if value is None:
        return None
    return str(value)


def row_values(member_id: str, owner_unit_id: str, data: MemberData, cell_id: str | None,
               status: MemberStatus, stamp: str, created_at: str | None = None) -> list:
    parts = split_name(data.full_name)
    folded = fold(data.full_name)
    return [member_id, owner_unit_id, *(v if type(v) is str else _value(v) for v in _DATA_VALUES(data)), cell_id,
            status.value, parts.family, parts.middle, parts.given, folded, sort_key(data.full_name),
            search_text(data, folded), created_at or stamp, stamp]


def insert(db: Database, member_id: str, owner_unit_id: str, data: MemberData, cell_id: str | None,
           status: MemberStatus) -> None:
    db.execute(_INSERT_SQL, row_values(member_id, owner_unit_id, data, cell_id, status, now_iso()))


def insert_many(db: Database, rows: list[list]) -> None:
    """Bulk path (demo, imports): rows made with ``row_values``; executemany inside the caller's transaction."""
    db.conn.executemany(_INSERT_SQL, rows)


def update_data(db: Database, member_id: str, data: MemberData) -> None:
    parts = split_name(data.full_name)
    assignments = ", ".join(f"{c} = ?" for c in DATA_COLUMNS)
    db.execute(
        f"UPDATE members SET {assignments}, family_name = ?, middle_name = ?, given_name = ?, name_folded = ?,"
        " sort_key = ?, search_text = ?, updated_at = ? WHERE id = ?",
        [*(_value(getattr(data, c)) for c in DATA_COLUMNS), parts.family, parts.middle, parts.given,
         fold(data.full_name), sort_key(data.full_name), search_text(data), now_iso(), member_id],
    )


def update_state(db: Database, member_id: str, cell_id: str | None, status: MemberStatus) -> None:
    db.execute("UPDATE members SET cell_id = ?, status = ?, updated_at = ? WHERE id = ?",
               [cell_id, status.value, now_iso(), member_id])


def _member(row) -> Member:
    values = dict(zip(MEMBER_COLUMNS, row))
    for name in ("birth_date", "joined_on", "full_member_on"):
        values[name] = from_iso(values[name])
    values["gender"] = Gender(values["gender"])
    values["status"] = MemberStatus(values["status"])
    values["birth_year_only"] = bool(values["birth_year_only"])
    return Member(**values)


def get(db: Database, member_id: str) -> Member | None:
    row = db.execute(f"SELECT {', '.join(MEMBER_COLUMNS)} FROM members WHERE id = ?", [member_id]).fetchone()
    return _member(row) if row else None


def get_many(db: Database, member_ids: list[str]) -> list[Member]:
    out: list[Member] = []
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        out += [_member(r) for r in db.execute(
            f"SELECT {', '.join(MEMBER_COLUMNS)} FROM members WHERE id IN ({marks}) ORDER BY sort_key", chunk)]
    return out


def find_by(db: Database, column: str, value: str, exclude_id: str | None = None) -> Member | None:
    assert column in ("cccd", "card_number")
    if not value:
        return None
    row = db.execute(f"SELECT {', '.join(MEMBER_COLUMNS)} FROM members WHERE {column} = ? AND id IS NOT ?",
                     [value, exclude_id]).fetchone()
    return _member(row) if row else None


def find_by_name_birth(db: Database, full_name: str, birth: date) -> list[Member]:
    rows = db.execute(f"SELECT {', '.join(MEMBER_COLUMNS)} FROM members WHERE name_folded = ? AND birth_date = ?",
                      [fold(full_name), to_iso(birth)]).fetchall()
    return [_member(r) for r in rows]


MIN_DIGITS = 5


def _telling(word: str, alone: bool) -> bool:
    """Whether a typed word narrows the register enough to be worth a search."""
    if word.isdigit():
        return len(word) >= MIN_DIGITS
    return len(word) >= 2 or not alone


def fts_query(text: str) -> str | None:
    """An FTS5 query matching every word of ``text`` as a prefix, after folding; None when empty.

    Numbers count from five digits (every CCCD of the province starts with the same three, and the
    fourth only says man or woman and the century), and a lone letter counts only beside another
    word ("nguyen thi a"): either alone would match half of the register and say nothing.
    """
    words = fts_words(text)
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


def fts_words(text: str) -> list[str]:
    """The words of ``text`` that ``fts_query`` matches as prefixes (folded; none: no search)."""
    words = re.sub(r"[^\w]", " ", fold(text)).split()
    alone = not any(len(w) >= 2 and not w.isdigit() for w in words)
    return [w for w in words if _telling(w, alone)]


def _filters(search: str, cell_id: str | None, statuses: tuple[str, ...] | None) -> tuple[str, list]:
    """The WHERE clause (or "") of the list queries over ``members``, and its parameters."""
    where: list[str] = []
    params: list = []
    query = fts_query(search)
    if query:
        where.append("members.rowid IN (SELECT rowid FROM members_fts WHERE members_fts MATCH ?)")
        params.append(query)
    if cell_id:
        where.append("members.cell_id = ?")
        params.append(cell_id)
    if statuses:
        where.append(f"members.status IN ({','.join('?' * len(statuses))})")
        params += list(statuses)
    return (" WHERE " + " AND ".join(where) if where else ""), params


def list_rowids(db: Database, *, search: str = "", cell_id: str | None = None,
                statuses: tuple[str, ...] | None = None, order: str = "sort_key", descending: bool = False,
                limit: int | None = None) -> list[int]:
    """The rowids of the members that match, in list order: the lazy table keeps only these (the first
    ``limit`` of them when given: the first page, before the whole list)."""
    where, params = _filters(search, cell_id, statuses)
    # The first page in name order walks the name index and stops after ``limit`` rows; left to itself,
    # SQLite sorts every member of the statuses first (~12 ms at 100,000 members instead of ~0.2 ms).
    walk = limit is not None and order == "sort_key" and not descending and not cell_id and not fts_query(search)
    sql = "SELECT rowid FROM members" + (" INDEXED BY members_sort" if walk else "") + where
    direction = "DESC" if descending else "ASC"
    order_sql = {"sort_key": "sort_key", "birth_date": "birth_date", "joined_on": "joined_on",
                 "full_member_on": "full_member_on", "status": "status", "cell": "cell_id",
                 "cccd": "cccd", "card_number": "card_number"}.get(order, "sort_key")
    sql += f" ORDER BY {order_sql} {direction}, sort_key {direction}, rowid {direction}"  # namesakes: entry order
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [r[0] for r in db.execute(sql, params)]


def count_matching(db: Database, *, search: str = "", cell_id: str | None = None,
                   statuses: tuple[str, ...] | None = None) -> int:
    """How many members ``list_rowids`` would give."""
    where, params = _filters(search, cell_id, statuses)
    return db.execute("SELECT COUNT(*) FROM members" + where, params).fetchone()[0]


def rowids_of(db: Database, member_ids: list[str]) -> set[int]:
    """The rowids of these members (the register's table shows rows by rowid)."""
    found: set[int] = set()
    ids = list(member_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found.update(r[0] for r in db.execute(
            f"SELECT rowid FROM members WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return found


def match_rowids(db: Database, search: str) -> set[int] | None:
    """The rowids whose names or identifiers match every word of ``search`` (None: no search)."""
    text = match_text(db, search)
    if text is None:
        return None
    return set(map(int, text.split(","))) if text else set()


def match_text(db: Database, search: str) -> str | None:
    """``match_rowids`` as one text, the rowids separated by commas ("": none; None: no search)."""
    query = fts_query(search)
    if query is None:
        return None
    # One text of every rowid rather than a row each: a broad prefix ("ng") matches ~40,000 members, and handing
    # them to Python one row at a time was a quarter of the query's time (search as you type, issue 11).
    (text,) = db.execute("SELECT group_concat(rowid) FROM members_fts WHERE members_fts MATCH ?", [query]).fetchone()
    return text or ""


def summaries(db: Database, rowids: list[int]) -> list[MemberSummary]:
    """The list lines of ``rowids``, in the same order."""
    if not rowids:
        return []
    marks = ",".join("?" * len(rowids))
    rows = db.execute(
        "SELECT m.rowid, m.id, m.full_name, m.gender, m.birth_date, m.birth_year_only,"
        " COALESCE((SELECT v.name FROM unit_versions v WHERE v.unit_id = m.cell_id"
        " ORDER BY v.valid_from DESC LIMIT 1), ''),"
        " m.status, m.joined_on, m.full_member_on, m.cccd, m.card_number, m.current_address"
        f" FROM members m WHERE m.rowid IN ({marks})", rowids).fetchall()
    by_rowid = {
        r[0]: MemberSummary(r[0], r[1], r[2], Gender(r[3]), from_iso(r[4]), bool(r[5]), r[6], MemberStatus(r[7]),
                            from_iso(r[8]), from_iso(r[9]), r[10], r[11], r[12])
        for r in rows
    }
    return [by_rowid[i] for i in rowids if i in by_rowid]


class MemberListRow(NamedTuple):
    """One member as `members list` prints it: the stored texts (ISO dates, codes), nothing parsed; a tuple,
    so 100,000 of them cost no more than the rows SQLite hands over."""

    id: str
    full_name: str
    gender: str
    birth_date: str
    cell_name: str
    status: str
    joined_on: str
    full_member_on: str | None
    cccd: str
    card_number: str


# Each cell's latest name (SQLite takes the bare column from the row holding the MAX).
_LATEST_NAMES = "SELECT unit_id, name, MAX(valid_from) FROM unit_versions GROUP BY unit_id"


def list_rows(db: Database, *, search: str = "", cell_id: str | None = None,
              statuses: tuple[str, ...] | None = None) -> list[MemberListRow]:
    """The members that match, in list order, as the bulk paths print them (one query, no objects built)."""
    where, params = _filters(search, cell_id, statuses)
    cursor = db.conn.execute(
        "SELECT members.id, members.full_name, members.gender, members.birth_date, COALESCE(c.name, ''),"
        " members.status, members.joined_on, NULLIF(members.full_member_on, ''), members.cccd, members.card_number"
        f" FROM members LEFT JOIN ({_LATEST_NAMES}) c ON c.unit_id = members.cell_id{where}"
        " ORDER BY members.sort_key, members.rowid", params)
    return list(map(MemberListRow._make, cursor))


def count(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM members").fetchone()[0]
