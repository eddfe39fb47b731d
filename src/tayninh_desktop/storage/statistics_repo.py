"""What the statistical forms read from the register, and the typed figures, awards and transfer scopes.

The reads are bulk (one query each, rows straight into plain dataclasses) so that every form of a
100,000-member register is computed from one pass over members, events, awards and ratings.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from operator import itemgetter

from sqlite_utils import Database

from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.domain.lifecycle import EventKind, MemberEvent
from tayninh_desktop.domain.stats_register import Award, FieldChange, PersonFacts, RatingFact
from tayninh_desktop.storage import party_life_codes as codes
from tayninh_desktop.storage.audit import now_iso

_PERSON_SQL = ("SELECT id, full_name, gender, birth_date, joined_on, full_member_on, ethnicity, religion, occupation,"
               " education_general, education_professional, political_theory FROM members")


_SUBSET = " WHERE {column} IN (SELECT value FROM json_each(?))"


def _subset(sql: str, column: str, ids: list[str] | None, order: str = "") -> tuple[str, list]:
    if ids is None:
        return sql + order, []
    return sql + _SUBSET.format(column=column) + order, [json.dumps(ids)]


def people(db: Database, ids: list[str] | None = None) -> list[PersonFacts]:
    """Every member of the register (whatever their status today), or those of ``ids``, as the forms read
    them, with the dated changes of their work fields."""
    changes = field_changes(db, ids)
    sql, params = _subset(_PERSON_SQL, "id", ids)
    return [PersonFacts(r[0], r[1], r[2], date.fromisoformat(r[3]), date.fromisoformat(r[4]), from_iso(r[5]),
                        r[6], r[7], r[8], r[9], r[10], r[11], changes.get(r[0], ()))
            for r in db.execute(sql, params)]


def field_changes(db: Database, ids: list[str] | None = None) -> dict[str, tuple[FieldChange, ...]]:
    """Each member's dated changes of occupation and schooling, in the order they took effect."""
    sql, params = _subset("SELECT member_id, field, changed_on, old_value FROM member_field_changes",
                          "member_id", ids, " ORDER BY member_id, changed_on, seq")
    out: dict[str, tuple[FieldChange, ...]] = {}
    for member_id, group in groupby(db.execute(sql, params), key=itemgetter(0)):
        out[member_id] = tuple(FieldChange(f, date.fromisoformat(on), old) for _m, f, on, old in group)
    return out


def events_by_member(db: Database, ids: list[str] | None = None) -> Iterator[tuple[str, list[MemberEvent]]]:
    """Every member's events (or those of ``ids``) in history order, one member at a time — what folding a
    history needs: the document's number, date and notes are left out (the forms never read them)."""
    kinds = {k.value: k for k in EventKind}
    day = date.fromisoformat
    sql, params = _subset("SELECT id, member_id, kind, event_date, cell_id, end_date, place, doc_issuer, seq"
                          " FROM member_events", "member_id", ids, " ORDER BY member_id, event_date, seq")
    rows = db.execute(sql, params)
    for member_id, group in groupby(rows, key=itemgetter(1)):
        yield member_id, [MemberEvent(event_id, member_id, kinds[kind], day(on), cell_id, end and day(end), place,
                                      "", None, issuer, "", seq)
                          for event_id, _m, kind, on, cell_id, end, place, issuer, seq in group]


def transfer_scopes(db: Database) -> dict[str, str]:
    return {r[0]: r[1] for r in db.execute("SELECT event_id, scope FROM transfer_scopes")}


def set_transfer_scope(db: Database, event_id: str, scope: str) -> str | None:
    """Record the scope of a transfer event; returns the scope recorded before, if any."""
    row = db.execute("SELECT scope FROM transfer_scopes WHERE event_id = ?", [event_id]).fetchone()
    stamp = now_iso()
    db.execute("INSERT INTO transfer_scopes (event_id, scope, created_at, updated_at) VALUES (?, ?, ?, ?)"
               " ON CONFLICT(event_id) DO UPDATE SET scope = excluded.scope, updated_at = excluded.updated_at",
               [event_id, scope, stamp, stamp])
    return row[0] if row else None


def ratings_for_years(db: Database, years: set[int],
                      ids: list[str] | None = None) -> dict[int, dict[str, RatingFact]]:
    out: dict[int, dict[str, RatingFact]] = {year: {} for year in years}
    if not years:
        return out
    marks = ",".join("?" * len(years))
    sql = ("SELECT m.id, r.year, r.level, r.not_rated_reason FROM ratings_compact r JOIN members m"
           f" ON m.rowid = r.member_row WHERE r.year IN ({marks})")
    params: list = sorted(years)
    if ids is not None:
        sql += " AND m.id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(ids))
    levels = codes.RATING_TEXT
    for member_id, year, level, reason in db.execute(sql, params):
        out[year][member_id] = RatingFact(levels[level], reason or "")
    return out


# -- awards: badges and cards ----------------------------------------------------------------------

@dataclass(frozen=True)
class AwardRecord:
    id: str
    member_id: str
    kind: str
    awarded_on: date
    badge_years: int | None = None
    doc_number: str = ""
    notes: str = ""
    member_name: str = ""


_AWARD_COLUMNS = "a.id, a.member_id, a.kind, a.awarded_on, a.badge_years, a.doc_number, a.notes, m.full_name"


def _award(row) -> AwardRecord:
    return AwardRecord(row[0], row[1], row[2], date.fromisoformat(row[3]), row[4], row[5], row[6], row[7])


def insert_award(db: Database, record: AwardRecord) -> None:
    stamp = now_iso()
    db.execute("INSERT INTO member_awards (id, member_id, kind, badge_years, awarded_on, doc_number, notes,"
               " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [record.id, record.member_id, record.kind, record.badge_years, to_iso(record.awarded_on),
                record.doc_number, record.notes, stamp, stamp])


def delete_award(db: Database, award_id: str) -> None:
    db.execute("DELETE FROM member_awards WHERE id = ?", [award_id])


def get_award(db: Database, award_id: str) -> AwardRecord | None:
    row = db.execute(f"SELECT {_AWARD_COLUMNS} FROM member_awards a JOIN members m ON m.id = a.member_id"
                     " WHERE a.id = ?", [award_id]).fetchone()
    return _award(row) if row else None


def awards_listing(db: Database, *, member_id: str | None = None, start: date | None = None,
                   end: date | None = None) -> list[AwardRecord]:
    where, params = [], []
    if member_id:
        where.append("a.member_id = ?")
        params.append(member_id)
    if start:
        where.append("a.awarded_on >= ?")
        params.append(to_iso(start))
    if end:
        where.append("a.awarded_on <= ?")
        params.append(to_iso(end))
    sql = f"SELECT {_AWARD_COLUMNS} FROM member_awards a JOIN members m ON m.id = a.member_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [_award(r) for r in db.execute(sql + " ORDER BY a.awarded_on, m.sort_key", params)]


def all_awards(db: Database) -> tuple[Award, ...]:
    return tuple(Award(r[0], r[1], date.fromisoformat(r[2]), r[3])
                 for r in db.execute("SELECT member_id, kind, awarded_on, badge_years FROM member_awards"))


# -- typed figures ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class TypedFigure:
    unit_id: str
    period: str
    form_id: str
    row_key: str
    value: int
    note: str = ""
    typed_by: str = ""
    updated_at: str = ""


_TYPED_COLUMNS = "unit_id, period, form_id, row_key, value, note, typed_by, updated_at"


def typed_values(db: Database, unit_id: str, period: str, form_id: str) -> dict[str, int]:
    rows = db.execute("SELECT row_key, value FROM statistics_typed WHERE unit_id = ? AND period = ? AND form_id = ?",
                      [unit_id, period, form_id])
    return {r[0]: r[1] for r in rows}


def get_typed(db: Database, unit_id: str, period: str, form_id: str, row_key: str) -> TypedFigure | None:
    row = db.execute(f"SELECT {_TYPED_COLUMNS} FROM statistics_typed WHERE unit_id = ? AND period = ?"
                     " AND form_id = ? AND row_key = ?", [unit_id, period, form_id, row_key]).fetchone()
    return TypedFigure(*row) if row else None


def typed_listing(db: Database, unit_id: str, period: str | None = None,
                  form_id: str | None = None) -> list[TypedFigure]:
    sql, params = f"SELECT {_TYPED_COLUMNS} FROM statistics_typed WHERE unit_id = ?", [unit_id]
    for column, value in (("period", period), ("form_id", form_id)):
        if value:
            sql += f" AND {column} = ?"
            params.append(value)
    return [TypedFigure(*r) for r in db.execute(sql + " ORDER BY period, form_id, row_key", params)]


def put_typed(db: Database, figure: TypedFigure) -> None:
    stamp = now_iso()
    db.execute(
        f"INSERT INTO statistics_typed ({_TYPED_COLUMNS}, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(unit_id, period, form_id, row_key) DO UPDATE SET value = excluded.value,"
        " note = excluded.note, typed_by = excluded.typed_by, updated_at = excluded.updated_at",
        [figure.unit_id, figure.period, figure.form_id, figure.row_key, figure.value, figure.note, figure.typed_by,
         stamp, stamp])


def delete_typed(db: Database, unit_id: str, period: str, form_id: str, row_key: str) -> None:
    db.execute("DELETE FROM statistics_typed WHERE unit_id = ? AND period = ? AND form_id = ? AND row_key = ?",
               [unit_id, period, form_id, row_key])


def transfer_events(db: Database, start: date, end: date) -> list[tuple]:
    """(event id, member name, kind, date, place, issuer, recorded scope) of official transfers in a span."""
    return db.execute(
        "SELECT e.id, m.full_name, e.kind, e.event_date, e.place, e.doc_issuer, s.scope FROM member_events e"
        " JOIN members m ON m.id = e.member_id LEFT JOIN transfer_scopes s ON s.event_id = e.id"
        " WHERE e.kind IN ('chuyen_den', 'chuyen_di') AND e.event_date BETWEEN ? AND ?"
        " ORDER BY e.event_date, m.sort_key", [to_iso(start), to_iso(end)]).fetchall()
