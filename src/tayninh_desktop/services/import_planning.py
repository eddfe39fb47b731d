"""The dry run of an import: every member row of the file converted, checked and matched; nothing written.

Each row becomes an outcome: added / updated (with the differences) / unchanged / held for the user /
refused (with the reason, naming file, sheet, row and column). A held row lists the members it may
be (name, birth date, cell, CCCD) so the user can settle it (``import_decisions``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from tayninh_desktop.domain.errors import DomainError, ValidationError
from tayninh_desktop.domain.import_headers import GONE_FIELDS, TARGETS, column_letter
from tayninh_desktop.domain.import_rules import (
    FieldDiff,
    Identity,
    MatchDecision,
    MatchKind,
    RowStatus,
    decide_match,
    history_changes,
    identity_disagreement,
    left_the_list,
    merge_data,
    possible_duplicates,
)
from tayninh_desktop.domain.members import MemberData, parse_member_form
from tayninh_desktop.domain.messages import render
from tayninh_desktop.domain.org import Unit, new_cell_name, next_cell_codes
from tayninh_desktop.domain.vn_text import fold
from tayninh_desktop.services import scope
from tayninh_desktop.services.import_source import Cancelled, ImportSource, Progress, bulk
from tayninh_desktop.services.organisation import cells as list_cells
from tayninh_desktop.services.organisation import require_home
from tayninh_desktop.spreadsheets.records import group_records, record_values
from tayninh_desktop.storage import import_repo, members_repo


@dataclass(frozen=True)
class RowIssue:
    """One problem of one row: ``message`` names file, sheet, row and column; ``reason`` only the column."""

    field: str
    column: str
    message: str
    reason: str = ""


@dataclass(frozen=True)
class Candidate:
    """A member of the register a held row may be: what the user needs to tell people apart."""

    member_id: str
    full_name: str
    birth: str
    cell_name: str
    cccd: str
    card_number: str


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
    candidates: tuple[Candidate, ...] = ()   # held rows: the members it may be
    present: frozenset[str] = frozenset()    # the fields the file fills for this row
    decision: str = ""                       # held rows the user settled: "new", "skip" or a member id

    @property
    def first_row(self) -> int:
        return self.rows[0]


NEW_CELL = "new-cell:"   # a row's ``cell_id`` while its cell is one the import will create


@dataclass(frozen=True)
class NewCell:
    """A cell named in the file and not in the register, created by the import when the user confirms it."""

    name: str                 # as the register will name it ("Chi bộ ấp Cầu Xe")
    code: str                 # the next free code of the office's numbering
    rows: tuple[int, ...]     # the first rows of the members who go to it

    @property
    def key(self) -> str:
        return NEW_CELL + self.code


@dataclass(frozen=True)
class ImportPlan:
    """The dry run: every row's outcome. Nothing has been written.

    ``decisions`` (first row → member id / "new" / "skip") settle held rows; ``base`` keeps the outcomes
    before they were applied, so deciding again starts from the dry run.
    """

    source: ImportSource
    outcomes: list[RowOutcome]
    decisions: dict[int, str] = field(default_factory=dict)
    base: tuple[RowOutcome, ...] = ()
    cell_id: str | None = None       # the cell new members go to (``--cell``), to plan again
    register_mark: int = -1          # the register's last audit entry when planned: changed → plan again
    create_cells: bool = False       # cells named in the file and not in the register are created
    new_cells: tuple[NewCell, ...] = ()   # the cells the file names that the register does not have

    def cells_to_create(self) -> list[NewCell]:
        """The new cells that members being added go to (what the import will create)."""
        used = {o.cell_id for o in self.outcomes if o.status is RowStatus.ADDED}
        return [c for c in self.new_cells if c.key in used]

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

    @property
    def held(self) -> list[RowOutcome]:
        """The rows waiting for the user's decision (in the dry run, before any decision)."""
        return [o for o in (self.base or self.outcomes) if o.status is RowStatus.HELD]


@dataclass
class ParsedRow:
    rows: tuple[int, ...]
    values: dict[str, str]
    sources: dict[str, int]
    conversions: tuple
    data: MemberData | None = None
    issues: list[RowIssue] = field(default_factory=list)


def row_issue(source: ImportSource, row: ParsedRow, name: str, code: str, data: dict) -> RowIssue:
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
    records = group_records(layout.rows, source.mapping, layout.data_start, layout.row_merges)
    parsed: list[ParsedRow] = []
    for index, record in enumerate(records):
        if cancelled is not None and index % 200 == 0 and cancelled():
            raise DomainError("import_cancelled")
        rv = record_values(layout.rows, record, source.mapping, today)
        row = ParsedRow(tuple(r + 1 for r in record.rows), rv.values, rv.sources, rv.conversions)
        try:
            row.data = parse_member_form(rv.values, today)
        except ValidationError as error:
            row.issues += [row_issue(source, row, i.field, i.code, i.data) for i in error.issues]
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
                    row.issues.append(row_issue(source, row, name, "import_duplicate_in_file",
                                                {"value": value, "rows": numbers}))


class CellFinder:
    """Finds a cell by its code or its name as typed ("Chi bộ ấp Cầu Xe", "ấp cầu xe", "CB01")."""

    def __init__(self, cells: list[Unit]) -> None:
        self.by_key: dict[str, Unit] = {}
        for unit in cells:
            for key in (fold(unit.code), fold(unit.name), fold(unit.name).removeprefix("chi bo ").strip()):
                self.by_key.setdefault(key, unit)
        self.found: dict[str, Unit | None] = {}   # a list names its few cells row after row: each text once

    def find(self, text: str) -> Unit | None:
        try:
            return self.found[text]
        except KeyError:
            pass
        wanted = fold(text)
        unit = self.found[text] = self.by_key.get(wanted) or self.by_key.get(wanted.removeprefix("chi bo ").strip())
        return unit


class IdentityIndex:
    """The register's identifiers in memory: CCCD, card number, folded name + birth."""

    def __init__(self, identities: list[Identity]) -> None:
        self.cccd = {i.cccd: i for i in identities if i.cccd}
        self.card = {i.card_number: i for i in identities if i.card_number}
        self.name: dict[tuple[str, date], list[Identity]] = defaultdict(list)
        self.folded: dict[str, str] = {}   # a name as written -> folded: once per distinct name, file and register
        for i in identities:
            self.name[(self.fold(i.full_name), i.birth)].append(i)

    def fold(self, name: str) -> str:
        folded = self.folded.get(name)
        if folded is None:
            folded = self.folded[name] = fold(name)
        return folded

    def decide(self, data: MemberData) -> MatchDecision:
        return decide_match(data.cccd, data.card_number, self.cccd.get(data.cccd) if data.cccd else None,
                            self.card.get(data.card_number) if data.card_number else None,
                            self.name.get((self.fold(data.full_name), data.birth_date), []))


def candidates_of(db, member_ids: list[str]) -> dict[str, Candidate]:
    """The members a held row may be, as the user will see them."""
    from tayninh_desktop.domain.dates import format_vn_date

    cells = {c.id: c.name for c in list_cells(db, include_closed=True)}
    out = {}
    for m in members_repo.get_many(db, list(dict.fromkeys(member_ids))):
        birth = str(m.birth_date.year) if m.birth_year_only else format_vn_date(m.birth_date)
        out[m.id] = Candidate(m.id, m.full_name, birth, cells.get(m.cell_id or "", ""), m.cccd, m.card_number)
    return out


def plan_import(db, source: ImportSource, *, cell_id: str | None = None, today: date | None = None,
                progress: Progress | None = None, cancelled: Cancelled | None = None,
                create_cells: bool = False) -> ImportPlan:
    """The dry run: each row added / updated (with the differences) / unchanged / held / refused. Writes nothing.

    ``create_cells``: a cell the file names that the register does not have is not a refusal; the plan lists it
    (``new_cells``, with the code it will get) and the import creates it in the same transaction."""
    cell_id = scope.cell_filter(db, cell_id)   # a cell secretary imports into their own cell only
    today = today or date.today()
    require_home(db)
    with bulk():
        return _plan(db, source, cell_id, today, progress, cancelled, create_cells)


@dataclass
class _Context:
    source: ImportSource
    members: dict
    claimed: dict[str, list[int]]
    twins: dict[int, tuple[int, ...]]
    candidates: dict[str, Candidate]
    open_cells: CellFinder
    default_cell: str | None
    create_cells: bool = False
    new_cells: dict[str, list] = field(default_factory=dict)   # folded name → [name, first rows]


def _plan(db, source: ImportSource, cell_id: str | None, today: date, progress: Progress | None,
          cancelled: Cancelled | None, create_cells: bool = False) -> ImportPlan:
    parsed = parse_rows(source, today, progress, cancelled)
    _duplicates_in_file(source, parsed)
    index = IdentityIndex(import_repo.identities(db))
    decisions = {id(r): index.decide(r.data) for r in parsed if r.data is not None and not r.issues}
    matched_ids = [d.member_id for d in decisions.values() if d.kind is MatchKind.MATCHED]
    members = {m.id: m for m in members_repo.get_many(db, list(set(matched_ids)))}
    claimed = defaultdict(list)
    for row in parsed:
        decision = decisions.get(id(row))
        if decision is not None and decision.kind is MatchKind.MATCHED:
            claimed[decision.member_id].append(row.rows[0])
    new_rows = [r for r in parsed if id(r) in decisions and decisions[id(r)].kind is MatchKind.NEW]
    twins = possible_duplicates([(r.rows[0], index.fold(r.data.full_name), r.data.birth_date, r.data.cccd,
                                  r.data.card_number) for r in new_rows])
    wanted = [m for d in decisions.values() if d.kind is MatchKind.AMBIGUOUS for m in d.candidates]
    wanted += [m for m, rows in claimed.items() if len(rows) > 1]
    wanted += [d.member_id for r in parsed if (d := decisions.get(id(r))) is not None and d.kind is MatchKind.MATCHED
               and identity_disagreement(members[d.member_id].data, r.data)]
    ctx = _Context(source, members, claimed, twins, candidates_of(db, wanted) if wanted else {},
                   CellFinder([c for c in list_cells(db) if c.is_open_on(today)]), cell_id, create_cells)
    outcomes = [_outcome(ctx, row, decisions.get(id(row))) for row in parsed]
    new_cells: tuple[NewCell, ...] = ()
    if ctx.new_cells:
        codes = next_cell_codes([c.code for c in list_cells(db, include_closed=True)], len(ctx.new_cells))
        new_cells = tuple(NewCell(name, code, tuple(rows)) for (name, rows), code in zip(ctx.new_cells.values(), codes))
        keys = {NEW_CELL + key: cell.key for key, cell in zip(ctx.new_cells, new_cells)}
        outcomes = [replace(o, cell_id=keys[o.cell_id]) if o.cell_id in keys else o for o in outcomes]
    if progress is not None:
        progress(len(parsed), len(parsed))
    return ImportPlan(source, outcomes, cell_id=cell_id, register_mark=register_mark(db), create_cells=create_cells,
                      new_cells=new_cells)


def register_mark(db) -> int:
    """The register's last audit entry: every write of the program adds one."""
    return import_repo.last_audit_seq(db)


def _sides(member, data: MemberData) -> dict:
    """The register's and the file's identity of a held row, side by side."""
    from tayninh_desktop.domain.dates import format_vn_date

    def birth(m) -> str:
        return str(m.birth_date.year) if m.birth_year_only else format_vn_date(m.birth_date)

    same_cccd = data.cccd and data.cccd == member.cccd
    via = f"số CCCD {data.cccd}" if same_cccd else f"số thẻ đảng viên {data.card_number}"
    return {"via": via, "file_name": data.full_name, "file_birth": birth(data), "name": member.full_name,
            "birth": birth(member)}


def _cell_for_new(ctx: _Context, row: ParsedRow) -> tuple[str | None, RowIssue | None]:
    cell_text = row.values.get("cell", "")
    if cell_text:
        unit = ctx.open_cells.find(cell_text)
        if unit is None and new_cell_name(cell_text) != "Chi bộ":   # listed, for the user to confirm creating
            name = new_cell_name(cell_text)
            key = fold(name).removeprefix("chi bo ").strip()
            ctx.new_cells.setdefault(key, [name, []])[1].append(row.rows[0])
            if ctx.create_cells:
                return NEW_CELL + key, None
        if unit is None:
            return None, row_issue(ctx.source, row, "cell", "import_unknown_cell", {"value": cell_text})
        return unit.id, None
    if ctx.default_cell:
        return ctx.default_cell, None
    return None, row_issue(ctx.source, row, "cell", "import_no_cell", {})


def _held(ctx: _Context, base: RowOutcome, row: ParsedRow, issue: RowIssue, member_ids: tuple[str, ...]) -> RowOutcome:
    cell_id, _ = _cell_for_new(ctx, row)
    found = tuple(ctx.candidates[m] for m in member_ids if m in ctx.candidates)
    return replace(base, status=RowStatus.HELD, issues=(issue,), candidates=found, cell_id=cell_id)


def _present(values: dict[str, str]) -> frozenset[str]:
    """The fields a row fills (its cell and the Mẫu 7 columns of leaving aside): the rows of a list fill the same
    few sets of fields, each set worked out once."""
    key = tuple(values)
    present = _PRESENT.get(key)
    if present is None:
        if len(_PRESENT) > 256:
            _PRESENT.clear()
        present = _PRESENT[key] = frozenset(f for f in values if f != "cell" and f not in GONE_FIELDS)
    return present


_PRESENT: dict[tuple[str, ...], frozenset[str]] = {}


def _outcome(ctx: _Context, row: ParsedRow, decision: MatchDecision | None) -> RowOutcome:
    source = ctx.source
    name = row.data.full_name if row.data else row.values.get("full_name", "")
    base = RowOutcome(row.rows, RowStatus.REFUSED, name, conversions=row.conversions, data=row.data,
                      present=_present(row.values))
    gone = left_the_list(row.values)
    if gone:
        issue = row_issue(source, row, gone, "import_left_the_list", {"value": row.values[gone]})
        return replace(base, status=RowStatus.SKIPPED, issues=(issue,))
    if row.issues or decision is None:
        return replace(base, issues=tuple(row.issues))
    if decision.kind is MatchKind.AMBIGUOUS:
        column = "card_number" if decision.code == "import_card_conflict" else "full_name"
        issue = row_issue(source, row, decision.data.get("field", column), decision.code, decision.data)
        return _held(ctx, base, row, issue, decision.candidates)
    if decision.kind is MatchKind.MATCHED:
        if len(ctx.claimed[decision.member_id]) > 1:
            rows = ", ".join(str(r) for r in ctx.claimed[decision.member_id])
            issue = row_issue(source, row, "full_name", "import_duplicate_in_file", {"value": name, "rows": rows})
            return _held(ctx, base, row, issue, (decision.member_id,))
        before = ctx.members[decision.member_id]
        disagree = identity_disagreement(before.data, row.data)
        if disagree:   # the same CCCD or card, another name or birth: the user decides, never the list
            issue = row_issue(source, row, disagree[0], "import_identity_mismatch", _sides(before, row.data))
            return _held(ctx, base, row, issue, (decision.member_id,))
        after, diffs = merge_data(before.data, row.data, set(base.present))
        history = history_changes(diffs)
        if history:
            issue = row_issue(source, row, history[0].field, "import_history_change",
                              {"before": history[0].before or "chưa có", "after": history[0].after,
                               "name": before.full_name})
            return replace(base, issues=(issue,), member_id=before.id)
        status = RowStatus.UPDATED if diffs else RowStatus.UNCHANGED
        return replace(base, status=status, diffs=tuple(diffs), member_id=before.id, data=after,
                       cell_id=before.cell_id)
    twins = ctx.twins.get(row.rows[0])
    if twins:
        others = ", ".join(str(r) for r in twins if r != row.rows[0])
        issue = row_issue(source, row, "full_name", "import_possible_duplicate", {"rows": others})
        return _held(ctx, base, row, issue, ())
    cell_id, problem = _cell_for_new(ctx, row)
    if problem is not None:
        return replace(base, issues=(problem,))
    return replace(base, status=RowStatus.ADDED, cell_id=cell_id)
