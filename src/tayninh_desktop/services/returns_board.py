"""The superior's board: the reporting units × the periods asked for, each cell saying where the return stands.

A period is on the board once the superior asked for it (``expect``: its deadline and the document asking) or
once a return of it arrived. The deadline is the one the superior recorded; without one, the rule's default
(``resources/rules/returns.toml``: days after the period's end, marked unconfirmed). A unit's return is on time
when its first accepted package arrived by the deadline, late after it; refused when only refused packages came;
missing when the deadline passed with nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import check_year, format_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.returns import OWED, BoardState, Role, board_state
from tayninh_desktop.domain.rules import party_life_rules
from tayninh_desktop.domain.stats_period import parse_period
from tayninh_desktop.domain.vn_text import fold, nfc
from tayninh_desktop.services import scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.storage import audit, returns_repo, units_repo
from tayninh_desktop.storage.db import Database


@dataclass(frozen=True)
class Deadline:
    period: str
    day: date
    doc_number: str
    from_rule: bool            # no deadline recorded: the rule's default (its citation says if unconfirmed)
    citation: str = ""


@dataclass(frozen=True)
class BoardCell:
    state: BoardState
    revision: int = 0               # the revision in force (0: none accepted)
    superseded: int = 0             # older revisions kept
    received_at: datetime | None = None
    refused: str = ""               # the last refusal's reason


@dataclass(frozen=True)
class BoardRow:
    unit_code: str
    unit_name: str
    cells: dict[str, BoardCell] = field(default_factory=dict)


@dataclass(frozen=True)
class Board:
    periods: tuple[Deadline, ...]
    rows: tuple[BoardRow, ...]
    today: date

    def counts(self, period: str) -> dict[str, int]:
        out = {state.value: 0 for state in BoardState}
        for row in self.rows:
            cell = row.cells.get(period)
            if cell is not None:
                out[cell.state.value] += 1
        return out

    def owed(self, period: str) -> list[BoardRow]:
        """The units a reminder goes to: nothing valid received and the deadline passed (or refused)."""
        return [r for r in self.rows if r.cells.get(period) and r.cells[period].state in OWED]


def deadline_for(db: Database, period_text: str) -> Deadline:
    period = parse_period(period_text)
    recorded = {e.period: e for e in returns_repo.expectations(db)}.get(period.code)
    if recorded is not None:
        return Deadline(period.code, recorded.deadline, recorded.doc_number, False)
    rule = party_life_rules().on("return_deadline", period.end)
    return Deadline(period.code, period.end + timedelta(days=rule["days_after_end"]), "", True,
                    rule.citation_marked)


def expect(db: Database, actor: Actor, period_text: str | None, *, deadline: date | None = None,
           doc_number: str = "") -> Changes:
    """Ask the reporting units for a period's return, by ``deadline`` (default: the rule's), citing ``doc_number``."""
    actor.require(Permission.EDIT_ORGANISATION)
    period = parse_period(period_text)
    day = deadline or deadline_for(db, period.code).day
    if day < period.end:
        raise ValidationError([FieldIssue("deadline", "return_bad_deadline", {
            "value": format_vn_date(day), "period": period.code, "end": format_vn_date(period.end)})])
    doc_number = " ".join(nfc(doc_number).split())[:60]
    with db.atomic():
        attached = _attach_reporting_units(db, actor)   # the units asked are units of the tree
        before = {e.period: e for e in returns_repo.expectations(db)}.get(period.code)
        returns_repo.put_expectation(db, period.code, day, doc_number)
        audit.append(db, actor.name, "expect_return", "return", period.code,
                     {"deadline": before.deadline.isoformat()} if before else None,
                     {"deadline": day.isoformat(), "doc": doc_number, "units_attached": attached})
    return Changes(settings=True, organisation=bool(attached))


def reporting_units(db: Database) -> list[tuple[str, str]]:
    """(code, name) of every unit whose key card is held, in name order: the unit of the organisation tree the card
    is attached to (its name as the tree gives it), the card's own name for one not attached yet."""
    tree = {u.id: u for u in units_repo.all_units(db)}
    units = {}
    for key in returns_repo.keys(db):
        if key.role is not Role.SUBORDINATE:
            continue
        unit = tree.get(key.unit_id or "")
        units[unit.code if unit else key.unit_code] = unit.name if unit else key.unit_name
    return sorted(units.items(), key=lambda item: (fold(item[1]), item[0]))


def _attach_reporting_units(db: Database, actor: Actor) -> list[str]:
    """Every reporting unit's key card attached to a unit of the tree (added under this committee when the tree has
    no unit of its code), inside the caller's transaction; the codes attached."""
    from tayninh_desktop.services.returns_keys import attach_card_unit

    attached = []
    tree = {u.id for u in units_repo.all_units(db)}
    for key in returns_repo.keys(db):
        if key.role is Role.SUBORDINATE and (key.unit_id or "") not in tree:
            attach_card_unit(db, actor, key)
            attached.append(key.unit_code)
    return attached


def _cell(db_state: dict, code: str, period: str, deadline: date, today: date) -> BoardCell:
    held = [r for r in db_state["received"] if r.sender_code == code and r.period == period]
    refused = [r for r in db_state["rejections"] if r.sender_code == code and r.period == period]
    first = db_state["first"].get(period, {}).get(code)
    current = next((r for r in held if r.state == "accepted"), None)
    state = board_state(first, bool(refused), deadline, today)
    return BoardCell(state, current.revision if current else 0, sum(r.state == "superseded" for r in held),
                     current.received_at if current else None, refused[-1].message if refused else "")


def board(db: Database, *, today: date | None = None, period: str | None = None,
          only_owed: bool = False) -> Board:
    """Units × periods (one period with ``period``); ``only_owed`` keeps the units a reminder would go to."""
    scope.require_committee(db)   # the committee's figures, not a cell secretary's
    today = today or date.today()
    codes = {e.period for e in returns_repo.expectations(db)} | set(returns_repo.received_periods(db))
    if period:
        codes = {parse_period(period).code}
    deadlines = tuple(deadline_for(db, p) for p in sorted(codes))
    state = {"received": returns_repo.received(db, states=("accepted", "superseded"), with_payload=False),
             "rejections": returns_repo.rejections(db),
             "first": {d.period: returns_repo.first_received(db, d.period) for d in deadlines}}
    rows = []
    for code, name in reporting_units(db):
        cells = {d.period: _cell(state, code, d.period, d.day, today) for d in deadlines}
        if only_owed and not any(c.state in OWED for c in cells.values()):
            continue
        rows.append(BoardRow(code, name, cells))
    return Board(deadlines, tuple(rows), today)


# --- removals allotted to each reporting unit (Đề án 03) -------------------------------------------------------
# One store: the screening's table (``removal_allotments``: unit, year, count, document), which the unit's own
# allotment warning reads too; the board names a unit by its code in the organisation tree.

def allotments(db: Database, year: int) -> dict[str, tuple[int, str]]:
    """unit code → (removals allotted for ``year``, the document that allotted them)."""
    from tayninh_desktop.storage import cases_repo

    codes = {u.id: u.code for u in units_repo.all_units(db)}
    return {codes[a.unit_id]: (a.allotted, a.doc_number) for a in cases_repo.allotments(db, check_year(year))
            if a.unit_id in codes}


def reporting_unit(db: Database, unit_code: str):
    """The unit of ``unit_code`` in this register's organisation tree (refused when the tree has none)."""
    unit = units_repo.by_code(db, nfc(unit_code or "").strip())
    if unit is None:
        raise DomainError("return_unit_unknown", unit_code=unit_code)
    return unit


def set_allotment(db: Database, actor: Actor, unit_code: str, year: int, allotted: int, doc_number: str,
                  doc_date: date | None = None) -> Changes:
    """The removals (xóa tên and leaving on request) the Đề án allots a unit for a year, with its document: the
    screening's ``set_allotment`` for the unit of that code (``returns allotment set`` is its alias)."""
    from tayninh_desktop.services import screening_records

    actor.require(Permission.EDIT_ORGANISATION)
    check_year(year)
    unit = reporting_unit(db, unit_code)
    return screening_records.set_allotment(db, actor, unit.id, year, allotted, doc_number, doc_date)
