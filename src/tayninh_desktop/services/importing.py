"""Importing the member lists offices keep in Excel: read, map, dry run, decide, then one transaction.

The steps the wizard and ``members import`` share:
``open_source`` (read the file, find the table, guess or recall the column mapping; ``import_source``) →
``plan_import`` (row by row: convert, check with the member form's rules, match against the
register; writes nothing; ``import_planning``) → ``apply_decisions`` (the user settles held rows;
``import_decisions``) → ``apply_import`` (the valid rows, in one transaction, one audit entry).
``import_file`` chains them for the command line.

Choices written down: an empty cell never erases what the register has; a matched member's chi bộ
is not changed by an import (moving a member is an event with its own document); a member row that
is held (and not settled by the user) or refused is never written, and nothing is written at all
unless every row is valid or settled, or the user accepts to import only the valid ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from tayninh_desktop.domain import output_targets
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.import_rules import RowStatus
from tayninh_desktop.domain.lifecycle import EventKind, fold_periods, state_on
from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.domain.messages import field_label
from tayninh_desktop.domain.messages_import import ROW_STATUS_LABELS
from tayninh_desktop.services import scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.import_decisions import apply_decisions
from tayninh_desktop.services.import_planning import (
    NEW_CELL,
    Candidate,
    IdentityIndex,
    ImportPlan,
    NewCell,
    RowIssue,
    RowOutcome,
    parse_rows,
    plan_import,
    register_mark,
)
from tayninh_desktop.services.import_source import (
    Cancelled,
    ImportSource,
    Progress,
    bulk,
    open_source,
    remember_mapping,
    required_missing,
)
from tayninh_desktop.services.organisation import require_home
from tayninh_desktop.services.register import entry_events
from tayninh_desktop.storage import audit, events_repo, members_repo

__all__ = [
    "NEW_CELL",
    "Candidate",
    "IdentityIndex",
    "ImportPlan",
    "ImportResult",
    "ImportSource",
    "NewCell",
    "RowIssue",
    "RowOutcome",
    "apply_decisions",
    "apply_import",
    "import_file",
    "open_source",
    "outcome_detail",
    "parse_rows",
    "plan_import",
    "remember_mapping",
    "required_missing",
    "save_report",
]


@dataclass(frozen=True)
class ImportResult:
    plan: ImportPlan
    applied: bool
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    changes: Changes = field(default_factory=Changes)
    created_cells: tuple[str, ...] = ()     # the ids of the cells the import created


def apply_import(db, actor: Actor, plan: ImportPlan, *, decisions: Mapping[int, str] | None = None,
                 accept_valid: bool = False, today: date | None = None, progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> ImportResult:
    """Write the added and updated rows of a dry run in one transaction with one audit entry.

    ``decisions`` (or the plan's own, when it was settled with ``apply_decisions``) settle held rows;
    they are checked again inside the transaction. Refused unless every row is valid or settled, or
    ``accept_valid`` (the user confirmed importing only the valid rows). Cancelling rolls everything back.
    """
    actor.require(Permission.EDIT_REGISTER)
    today = today or date.today()
    with db.atomic(), bulk():
        wanted = dict(decisions) if decisions is not None else dict(plan.decisions)
        plan = _revalidated(db, plan, today)
        if wanted or plan.base:
            plan = apply_decisions(db, plan, wanted)
        counts = plan.counts
        if plan.blocked and not accept_valid:
            raise DomainError("import_rows_refused", refused=counts["refused"], held=counts["held"])
        to_add = [o for o in plan.outcomes if o.status is RowStatus.ADDED]
        to_update = [o for o in plan.outcomes if o.status is RowStatus.UPDATED]
        total = len(to_add) + len(to_update)
        home = require_home(db)
        created = _create_cells(db, actor, plan)
        to_add = [replace(o, cell_id=created[o.cell_id]) if o.cell_id in created else o for o in to_add]
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
            "decisions": {str(row): value for row, value in sorted(plan.decisions.items())},
            "updated": {o.member_id: [[d.field, d.before, d.after] for d in o.diffs] for o in to_update},
            "created_cells": {c.code: c.name for c in plan.cells_to_create()}})
    ids = tuple(added) + tuple(o.member_id for o in to_update)
    return ImportResult(plan, True, tuple(added), tuple(o.member_id for o in to_update),
                        Changes(members=True, history=bool(added), member_ids=ids, organisation=bool(created)),
                        tuple(created.values()))


def _create_cells(db, actor: Actor, plan: ImportPlan) -> dict[str, str]:
    """The new cells the added members go to, created in the import's transaction: placeholder → unit id."""
    from tayninh_desktop.services import organisation

    created: dict[str, str] = {}
    for cell in plan.cells_to_create():
        unit_id, _ = organisation.create_unit(db, actor, code=cell.code, name=cell.name)
        created[cell.key] = unit_id
    return created


def _revalidated(db, plan: ImportPlan, today: date) -> ImportPlan:
    """Inside the write transaction: a plan made before someone else wrote is made again, and must come out
    the same as the dry run the user saw (else nothing is written and the user looks again)."""
    if plan.register_mark < 0 or register_mark(db) == plan.register_mark:
        return plan
    fresh = plan_import(db, plan.source, cell_id=plan.cell_id, today=today, create_cells=plan.create_cells)
    if _signature(fresh.outcomes) != _signature(plan.base or tuple(plan.outcomes)):
        raise DomainError("import_plan_stale")
    return replace(fresh, decisions=dict(plan.decisions))


def _signature(outcomes) -> list[tuple]:
    return [(o.first_row, o.status, o.member_id, o.diffs, o.cell_id, tuple(i.message for i in o.issues))
            for o in outcomes]


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
                decisions: Mapping[int, str] | None = None, today: date | None = None,
                create_cells: bool = False) -> ImportResult:
    """Read, plan, settle the held rows with ``decisions`` and (unless a dry run) apply an import:
    the command line's ``members import``."""
    if not dry_run:
        actor.require(Permission.EDIT_REGISTER)
    cell_id = scope.cell_filter(db, cell_id, actor)   # a cell secretary imports into their own cell only
    source = open_source(db, path, sheet=sheet, mapping=mapping)
    plan = plan_import(db, source, cell_id=cell_id, today=today, create_cells=create_cells)
    if decisions:
        plan = apply_decisions(db, plan, decisions)
    if dry_run or (plan.blocked and not accept_valid):
        return ImportResult(plan, False)
    return apply_import(db, actor, plan, accept_valid=accept_valid, today=today)


def names_cells(mapping: Mapping[int, str]) -> bool:
    """Whether a column of this mapping gives the member's cell."""
    from tayninh_desktop.domain.import_headers import TARGETS

    return any("cell" in TARGETS.get(target, ()) for target in mapping.values())


def has_sections(source: ImportSource) -> bool:
    """Whether the table names cells by section rows ("Chi bộ ấp Cầu Xe" above its members)."""
    from tayninh_desktop.spreadsheets.records import group_records

    layout = source.layout
    return any(r.section for r in group_records(layout.rows, source.mapping, layout.data_start, layout.row_merges))


def save_report(plan: ImportPlan, out_path: Path | str) -> Path:
    """Save the dry run as an xlsx copy of the input with a result column (the user fixes and re-imports)."""
    from tayninh_desktop.spreadsheets.report_writer import ResultLine, write_import_report

    source = plan.source
    output_targets.check(out_path, inputs=(source.path,))
    lines = [ResultLine(o.first_row, o.status.value, ROW_STATUS_LABELS[o.status.value], outcome_detail(o))
             for o in plan.outcomes]
    return write_import_report(source.path, source.kind, source.sheet, source.layout.rows,
                               source.header.first_row + 1, lines, Path(out_path))


def outcome_detail(outcome: RowOutcome, *, short: bool = False) -> str:
    """The reasons or differences of one row, as one line (``short``: without the file and sheet)."""
    decided = _decided(outcome)
    if outcome.issues and not decided:
        return "; ".join(i.reason if short and i.reason else i.message for i in outcome.issues)
    changes = "; ".join(f"{field_label(d.field)}: «{d.before}» → «{d.after}»" for d in outcome.diffs)
    return "; ".join(p for p in (decided, changes) if p)


def _decided(outcome: RowOutcome) -> str:
    if not outcome.decision:
        return ""
    if outcome.decision == "new":
        return "Theo quyết định của người dùng: thêm mới (người khác)"
    if outcome.decision == "skip":
        return "Theo quyết định của người dùng: bỏ qua, không nhập"
    return f"Theo quyết định của người dùng: là đảng viên {outcome.data.full_name if outcome.data else ''}"
