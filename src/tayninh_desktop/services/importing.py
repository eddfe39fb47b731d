"""Importing the member lists offices keep in Excel: read, map, dry run, then one transaction.

The steps the wizard and ``members import`` share:
``open_source`` (read the file, find the table, guess or recall the column mapping) →
``plan_import`` (row by row: convert, check with the member form's rules, match against the
register; writes nothing) → ``apply_import`` (the valid rows, in one transaction, one audit entry).
``import_file`` chains them for the command line.

Choices written down: an empty cell never erases what the register has; a matched member's chi bộ
is not changed by an import (moving a member is an event with its own document); a member row that
is held or refused is never written, and nothing is written at all unless every row is valid or the
user accepts to import only the valid ones.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.import_rules import (
    TARGETS,
    FieldDiff,
    HeaderGuess,
    Identity,
    MatchKind,
    RowStatus,
    column_letter,
    decide_match,
    merge_data,
)
from tayninh_desktop.domain.lifecycle import EventKind, fold_periods, state_on
from tayninh_desktop.domain.members import REQUIRED_FIELDS, MemberData, MemberStatus, parse_member_form
from tayninh_desktop.domain.messages import field_label, render
from tayninh_desktop.domain.org import Unit
from tayninh_desktop.domain.vn_text import fold
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.organisation import cells as list_cells
from tayninh_desktop.services.organisation import require_home
from tayninh_desktop.services.register import entry_events
from tayninh_desktop.spreadsheets.layout import SheetLayout, choose_sheet, converted_samples
from tayninh_desktop.spreadsheets.reader import read_workbook
from tayninh_desktop.spreadsheets.records import group_records, record_values
from tayninh_desktop.storage import audit, events_repo, import_repo, members_repo

Progress = Callable[[int, int], None]


@contextmanager
def _bulk():
    """Pause the cyclic garbage collector while a list's few hundred thousand small objects are made.

    They hold no cycles (reference counting frees them); collection passes over them cost ~20 %.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class ImportSource:
    """A file read and its table found: what the mapping step of the wizard shows."""

    path: Path
    kind: str
    sheets: tuple[str, ...]
    layout: SheetLayout
    mapping: dict[int, str]
    remembered: bool

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def sheet(self) -> str:
        return self.layout.sheet

    @property
    def header(self) -> HeaderGuess:
        return self.layout.header

    def conversions(self, limit: int = 12) -> list[tuple[str, str, str]]:
        """(encoding, as stored, as converted) examples of legacy text in the file."""
        return converted_samples(self.layout.rows, self.layout.data_start, limit)


@dataclass(frozen=True)
class RowIssue:
    """One problem of one row: ``message`` names file, sheet, row and column; ``reason`` only the column."""

    field: str
    column: str
    message: str
    reason: str = ""


@dataclass(frozen=True)
class RowOutcome:
    """What happens to one member row of the file (row numbers as Excel shows them)."""

    rows: tuple[int, ...]
    status: RowStatus
    full_name: str
    issues: tuple[RowIssue, ...] = ()
    diffs: tuple[FieldDiff, ...] = ()
    conversions: tuple[tuple[str, str, str], ...] = ()
    member_id: str | None = None
    data: MemberData | None = None
    cell_id: str | None = None

    @property
    def first_row(self) -> int:
        return self.rows[0]


@dataclass(frozen=True)
class ImportPlan:
    """The dry run: every row's outcome. Nothing has been written."""

    source: ImportSource
    outcomes: list[RowOutcome]

    @property
    def counts(self) -> dict[str, int]:
        out = {status.value: 0 for status in RowStatus}
        for outcome in self.outcomes:
            out[outcome.status.value] += 1
        return out

    @property
    def blocked(self) -> int:
        """Rows that stop a plain import: refused or held for the user."""
        return sum(o.status in (RowStatus.REFUSED, RowStatus.HELD) for o in self.outcomes)


@dataclass(frozen=True)
class ImportResult:
    plan: ImportPlan
    applied: bool
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    changes: Changes = field(default_factory=Changes)


def open_source(db, path: Path | str, *, sheet: str | None = None,
                mapping: dict[int, str] | None = None) -> ImportSource:
    """Read an .xlsx/.xls list and find its table; the mapping given, remembered, or guessed (in that order)."""
    path = Path(path)
    with _bulk():
        book = read_workbook(path)
        layout = choose_sheet(book, path.name, sheet)
    remembered = import_repo.get_mapping(db, layout.header.signature)
    chosen = mapping if mapping is not None else remembered if remembered is not None else layout.header.mapping
    return ImportSource(path, book.kind, tuple(g.name for g in book.sheets), layout, dict(chosen),
                        remembered is not None and mapping is None)


def remember_mapping(db, actor: Actor, source: ImportSource, mapping: dict[int, str]) -> Changes:
    """Keep the user's column mapping for the next file with the same headers."""
    actor.require(Permission.EDIT_REGISTER)
    unknown = [t for t in mapping.values() if t not in TARGETS]
    if unknown:
        raise DomainError("import_bad_mapping", value=unknown[0])
    with db.atomic():
        import_repo.put_mapping(db, source.header.signature, mapping)
        audit.append(db, actor.name, "remember_import_mapping", "settings", None, None,
                     {"headers": list(source.header.headers), "mapping": {str(k): v for k, v in mapping.items()}})
    return Changes(settings=True)


@dataclass
class ParsedRow:
    rows: tuple[int, ...]
    values: dict[str, str]
    sources: dict[str, int]
    conversions: tuple
    data: MemberData | None = None
    issues: list[RowIssue] = field(default_factory=list)


def _issue(source: ImportSource, row: ParsedRow, name: str, code: str, data: dict) -> RowIssue:
    column = row.sources.get(name)
    if column is None:
        column = next((c for c, t in source.mapping.items() if name in TARGETS.get(t, ())), None)
    message = render(code, {"field": name, **data})
    where = {"file": source.file_name, "sheet": source.sheet, "row": row.rows[0], "message": message}
    if column is None:
        if code == "required":
            where["message"] = render("import_column_missing", {"field": name})
        return RowIssue(name, "", render("import_at_row", where), where["message"])
    header = " ".join((source.header.headers[column] if column < len(source.header.headers) else "").split())
    letter = column_letter(column)
    return RowIssue(name, letter, render("import_at_cell", {**where, "column": letter, "header": header}),
                    f"Cột {letter} («{header}»): {message}")


def parse_rows(source: ImportSource, today: date, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> list[ParsedRow]:
    """Every member row of the table as form values, checked by the member form's rules."""
    layout = source.layout
    records = group_records(layout.rows, source.mapping, layout.data_start)
    parsed: list[ParsedRow] = []
    for index, record in enumerate(records):
        if cancelled is not None and index % 200 == 0 and cancelled():
            raise DomainError("import_cancelled")
        rv = record_values(layout.rows, record, source.mapping, today)
        row = ParsedRow(tuple(r + 1 for r in record.rows), rv.values, rv.sources, rv.conversions)
        try:
            row.data = parse_member_form(rv.values, today)
        except ValidationError as error:
            row.issues += [_issue(source, row, i.field, i.code, i.data) for i in error.issues]
        if progress is not None and index % 200 == 0:
            progress(index, len(records))
        parsed.append(row)
    return parsed


def _duplicates_in_file(source: ImportSource, parsed: list[ParsedRow]) -> None:
    for name in ("cccd", "card_number"):
        seen: dict[str, list[ParsedRow]] = defaultdict(list)
        for row in parsed:
            if row.data is not None and getattr(row.data, name):
                seen[getattr(row.data, name)].append(row)
        for value, rows in seen.items():
            if len(rows) > 1:
                numbers = ", ".join(str(r.rows[0]) for r in rows)
                for row in rows:
                    row.issues.append(_issue(source, row, name, "import_duplicate_in_file",
                                             {"value": value, "rows": numbers}))


class _CellFinder:
    """Finds a cell by its code or its name as typed ("Chi bộ ấp Cầu Xe", "ấp cầu xe", "CB01")."""

    def __init__(self, cells: list[Unit]) -> None:
        self.by_key: dict[str, Unit] = {}
        for unit in cells:
            for key in (fold(unit.code), fold(unit.name), fold(unit.name).removeprefix("chi bo ").strip()):
                self.by_key.setdefault(key, unit)

    def find(self, text: str) -> Unit | None:
        wanted = fold(text)
        return self.by_key.get(wanted) or self.by_key.get(wanted.removeprefix("chi bo ").strip())


class IdentityIndex:
    """The register's identifiers in memory: CCCD, card number, folded name + birth."""

    def __init__(self, identities: list[Identity]) -> None:
        self.cccd = {i.cccd: i for i in identities if i.cccd}
        self.card = {i.card_number: i for i in identities if i.card_number}
        self.name: dict[tuple[str, date], list[Identity]] = defaultdict(list)
        for i in identities:
            self.name[(fold(i.full_name), i.birth)].append(i)

    def decide(self, data: MemberData):
        return decide_match(data.cccd, data.card_number, self.cccd.get(data.cccd) if data.cccd else None,
                            self.card.get(data.card_number) if data.card_number else None,
                            self.name.get((fold(data.full_name), data.birth_date), []))


def plan_import(db, source: ImportSource, *, cell_id: str | None = None, today: date | None = None,
                progress: Progress | None = None, cancelled: Cancelled | None = None) -> ImportPlan:
    """The dry run: each row added / updated (with the differences) / unchanged / held / refused. Writes nothing."""
    today = today or date.today()
    require_home(db)
    with _bulk():
        return _plan(db, source, cell_id, today, progress, cancelled)


def _plan(db, source: ImportSource, cell_id: str | None, today: date, progress: Progress | None,
          cancelled: Cancelled | None) -> ImportPlan:
    parsed = parse_rows(source, today, progress, cancelled)
    _duplicates_in_file(source, parsed)
    index = IdentityIndex(import_repo.identities(db))
    open_cells = _CellFinder([c for c in list_cells(db) if c.is_open_on(today)])
    decisions = {id(r): index.decide(r.data) for r in parsed if r.data is not None and not r.issues}
    matched_ids = [d.member_id for d in decisions.values() if d.kind is MatchKind.MATCHED]
    members = {m.id: m for m in members_repo.get_many(db, list(set(matched_ids)))}
    claimed = defaultdict(list)
    for row in parsed:
        decision = decisions.get(id(row))
        if decision is not None and decision.kind is MatchKind.MATCHED:
            claimed[decision.member_id].append(row.rows[0])
    outcomes = [_outcome(source, row, decisions.get(id(row)), members, claimed, open_cells, cell_id)
                for row in parsed]
    if progress is not None:
        progress(len(parsed), len(parsed))
    return ImportPlan(source, outcomes)


def _outcome(source, row: ParsedRow, decision, members, claimed, open_cells, default_cell) -> RowOutcome:
    name = row.data.full_name if row.data else row.values.get("full_name", "")
    base = RowOutcome(row.rows, RowStatus.REFUSED, name, conversions=row.conversions, data=row.data)
    if row.issues or decision is None:
        return replace(base, issues=tuple(row.issues))
    if decision.kind is MatchKind.AMBIGUOUS:
        column = "card_number" if decision.code == "import_card_conflict" else "full_name"
        issue = _issue(source, row, decision.data.get("field", column), decision.code, decision.data)
        return replace(base, status=RowStatus.HELD, issues=(issue,))
    if decision.kind is MatchKind.MATCHED:
        if len(claimed[decision.member_id]) > 1:
            rows = ", ".join(str(r) for r in claimed[decision.member_id])
            issue = _issue(source, row, "full_name", "import_duplicate_in_file", {"value": name, "rows": rows})
            return replace(base, status=RowStatus.HELD, issues=(issue,), member_id=decision.member_id)
        before = members[decision.member_id]
        present = {f for f in row.values if f != "cell"}
        after, diffs = merge_data(before.data, row.data, present)
        status = RowStatus.UPDATED if diffs else RowStatus.UNCHANGED
        return replace(base, status=status, diffs=tuple(diffs), member_id=before.id, data=after,
                       cell_id=before.cell_id)
    cell_text = row.values.get("cell", "")
    if cell_text:
        unit = open_cells.find(cell_text)
        if unit is None:
            return replace(base, issues=(_issue(source, row, "cell", "import_unknown_cell", {"value": cell_text}),))
        cell_id = unit.id
    elif default_cell:
        cell_id = default_cell
    else:
        return replace(base, issues=(_issue(source, row, "cell", "import_no_cell", {}),))
    return replace(base, status=RowStatus.ADDED, cell_id=cell_id)


def apply_import(db, actor: Actor, plan: ImportPlan, *, accept_valid: bool = False, today: date | None = None,
                 progress: Progress | None = None, cancelled: Cancelled | None = None) -> ImportResult:
    """Write the added and updated rows of a dry run in one transaction with one audit entry.

    Refused unless every row is valid, or ``accept_valid`` (the user confirmed importing only the
    valid rows). Cancelling rolls everything back.
    """
    actor.require(Permission.EDIT_REGISTER)
    today = today or date.today()
    counts = plan.counts
    if plan.blocked and not accept_valid:
        raise DomainError("import_rows_refused", refused=counts["refused"], held=counts["held"])
    to_add = [o for o in plan.outcomes if o.status is RowStatus.ADDED]
    to_update = [o for o in plan.outcomes if o.status is RowStatus.UPDATED]
    total = len(to_add) + len(to_update)
    with db.atomic(), _bulk():
        home = require_home(db)
        added = _insert_new(db, home.id, to_add, today)
        if progress is not None:
            progress(len(to_add), total)
        for done, outcome in enumerate(to_update, start=len(to_add)):
            if cancelled is not None and cancelled():
                raise DomainError("import_cancelled")
            _update(db, outcome, today)
            if progress is not None and done % 100 == 0:
                progress(done, total)
        if cancelled is not None and cancelled():
            raise DomainError("import_cancelled")
        audit.append(db, actor.name, "import_members", "import", None, None, {
            "file": plan.source.file_name, "sheet": plan.source.sheet, "counts": counts, "added": added,
            "updated": {o.member_id: [[d.field, d.before, d.after] for d in o.diffs] for o in to_update}})
    ids = tuple(added) + tuple(o.member_id for o in to_update)
    return ImportResult(plan, True, tuple(added), tuple(o.member_id for o in to_update),
                        Changes(members=True, history=bool(added), member_ids=ids))


def _insert_new(db, home_id: str, outcomes: list[RowOutcome], today: date) -> list[str]:
    stamp = audit.now_iso()
    member_rows, event_rows, period_rows, ids = [], [], [], []
    for outcome in outcomes:
        member_id = new_id()
        events = entry_events(member_id, outcome.data, outcome.cell_id, EventKind.ADMITTED, None,
                              {"doc_number": "", "doc_date": None, "doc_issuer": ""})
        periods = fold_periods(member_id, events, outcome.data.full_member_on)
        state = state_on(periods, today) or periods[-1].state
        member_rows.append(members_repo.row_values(member_id, home_id, outcome.data, outcome.cell_id,
                                                   state.status or MemberStatus.FULL, stamp))
        event_rows += [events_repo.event_values(e, stamp) for e in events]
        period_rows += [events_repo.period_values(p) for p in periods]
        ids.append(member_id)
    members_repo.insert_many(db, member_rows)
    events_repo.insert_events_many(db, event_rows)
    events_repo.insert_periods_many(db, period_rows)
    return ids


def _update(db, outcome: RowOutcome, today: date) -> None:
    members_repo.update_data(db, outcome.member_id, outcome.data)
    if any(d.field == "full_member_on" for d in outcome.diffs):
        events = events_repo.events_of(db, outcome.member_id)
        periods = fold_periods(outcome.member_id, events, outcome.data.full_member_on)
        events_repo.replace_periods(db, outcome.member_id, periods)
        state = state_on(periods, today) or periods[-1].state
        if state.present:
            members_repo.update_state(db, outcome.member_id, state.cell_id, state.status or MemberStatus.FULL)


def import_file(db, actor: Actor, path: Path | str, *, cell_id: str | None = None, dry_run: bool = False,
                accept_valid: bool = False, sheet: str | None = None, mapping: dict[int, str] | None = None,
                today: date | None = None) -> ImportResult:
    """Read, plan and (unless a dry run) apply an import: the command line's ``members import``."""
    source = open_source(db, path, sheet=sheet, mapping=mapping)
    plan = plan_import(db, source, cell_id=cell_id, today=today)
    if dry_run:
        return ImportResult(plan, False)
    if plan.blocked and not accept_valid:
        return ImportResult(plan, False)
    return apply_import(db, actor, plan, accept_valid=accept_valid, today=today)


def save_report(plan: ImportPlan, out_path: Path | str) -> Path:
    """Save the dry run as an xlsx copy of the input with a result column (the user fixes and re-imports)."""
    from tayninh_desktop.domain.messages_import import ROW_STATUS_LABELS
    from tayninh_desktop.spreadsheets.report_writer import ResultLine, write_import_report

    lines = [ResultLine(o.first_row, o.status.value, ROW_STATUS_LABELS[o.status.value], outcome_detail(o))
             for o in plan.outcomes]
    source = plan.source
    return write_import_report(source.path, source.kind, source.sheet, source.layout.rows,
                               source.header.first_row + 1, lines, Path(out_path))


def outcome_detail(outcome: RowOutcome, *, short: bool = False) -> str:
    """The reasons or differences of one row, as one line (``short``: without the file and sheet)."""
    if outcome.issues:
        return "; ".join(i.reason if short and i.reason else i.message for i in outcome.issues)
    if outcome.diffs:
        return "; ".join(f"{field_label(d.field)}: «{d.before}» → «{d.after}»" for d in outcome.diffs)
    return ""


def required_missing(source: ImportSource) -> list[str]:
    """Required fields that no column of the mapping provides (shown at the mapping step)."""
    provided = {f for t in source.mapping.values() for f in TARGETS.get(t, ()) if f}
    if "birth_male" in provided or "birth_female" in provided:
        provided |= {"birth_date", "gender"}
    return [f for f in REQUIRED_FIELDS if f not in provided]
