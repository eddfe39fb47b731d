"""Settling the held rows of a dry run: which existing member a row is, a new member, or skip it.

The user decides; this checks each decision against the register before anything is written: the
row must be held, a chosen member must be one of the row's candidates, a new member must not take
a CCCD or card number the register already gives someone, and no member may receive two rows.
``importing.apply_import`` runs the same check inside its transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.import_rules import (
    DECIDE_NEW,
    DECIDE_SKIP,
    RowStatus,
    history_changes,
    merge_data,
)
from tayninh_desktop.domain.messages_import import ROW_STATUS_LABELS
from tayninh_desktop.services.import_planning import IdentityIndex, ImportPlan, RowOutcome
from tayninh_desktop.storage import import_repo, members_repo


def apply_decisions(db, plan: ImportPlan, decisions: Mapping[int, str]) -> ImportPlan:
    """The plan with its held rows settled by ``decisions`` (first row of the member → member id, "new"
    or "skip"); raises DomainError naming the file, sheet and row of the first decision that cannot stand.
    Writes nothing; undecided held rows stay held."""
    base = plan.base or tuple(plan.outcomes)
    if not decisions:
        return replace(plan, outcomes=list(base), decisions={}, base=())
    where = {"file": plan.source.file_name, "sheet": plan.source.sheet}
    by_row = {row: o for o in base for row in o.rows}
    index = IdentityIndex(import_repo.identities(db))
    settled: dict[int, RowOutcome] = {}
    for row, value in sorted(decisions.items()):
        outcome = by_row.get(int(row))
        if outcome is None:
            raise DomainError("import_decide_no_row", row=row, **where)
        if outcome.status is not RowStatus.HELD:
            raise DomainError("import_decide_not_held", row=row, status=ROW_STATUS_LABELS[outcome.status.value],
                              **where)
        settled[outcome.first_row] = _settle(db, index, outcome, str(value).strip(), where)
    _one_row_per_member(base, settled, where)
    outcomes = [settled.get(o.first_row, o) for o in base]
    kept = {o.first_row: settled[o.first_row].decision for o in base if o.first_row in settled}
    return replace(plan, outcomes=outcomes, decisions=kept, base=base)


def _settle(db, index: IdentityIndex, outcome: RowOutcome, value: str, where: dict) -> RowOutcome:
    row = {"row": outcome.first_row, **where}
    if value.lower() == DECIDE_SKIP:
        return replace(outcome, status=RowStatus.SKIPPED, decision=DECIDE_SKIP)
    data = outcome.data
    if value.lower() == DECIDE_NEW:
        if outcome.cell_id is None:
            raise DomainError("import_decide_no_cell", **row)
        for name, table in (("cccd", index.cccd), ("card_number", index.card)):
            taken = table.get(getattr(data, name)) if getattr(data, name) else None
            if taken is not None:
                raise DomainError("import_decide_taken", field=name, value=getattr(data, name), name=taken.full_name,
                                  what="thêm một đảng viên mới mang số này", **row)
        return replace(outcome, status=RowStatus.ADDED, decision=DECIDE_NEW, member_id=None)
    chosen = next((c for c in outcome.candidates if c.member_id == value), None)
    if chosen is None:
        names = "; ".join(f"{c.member_id} = {c.full_name}" for c in outcome.candidates) or "không có"
        raise DomainError("import_decide_not_candidate", value=value, candidates=names, **row)
    for name, table in (("cccd", index.cccd), ("card_number", index.card)):
        taken = table.get(getattr(data, name)) if getattr(data, name) else None
        if taken is not None and taken.member_id != chosen.member_id:
            raise DomainError("import_decide_taken", field=name, value=getattr(data, name), name=taken.full_name,
                              what=f"ghi số này cho đảng viên {chosen.full_name}", **row)
    member = members_repo.get(db, chosen.member_id)
    after, diffs = merge_data(member.data, data, set(outcome.present))
    history = history_changes(diffs)
    if history:
        raise DomainError("import_decide_history", field=history[0].field, before=history[0].before or "chưa có",
                          after=history[0].after, name=member.full_name, **row)
    status = RowStatus.UPDATED if diffs else RowStatus.UNCHANGED
    return replace(outcome, status=status, decision=chosen.member_id, member_id=member.id, data=after,
                   diffs=tuple(diffs), cell_id=member.cell_id)


def _one_row_per_member(base: tuple[RowOutcome, ...], settled: dict[int, RowOutcome], where: dict) -> None:
    rows_of: dict[str, list[RowOutcome]] = defaultdict(list)
    for outcome in base:
        chosen = settled.get(outcome.first_row, outcome)
        if chosen.status in (RowStatus.UPDATED, RowStatus.UNCHANGED) and chosen.member_id:
            rows_of[chosen.member_id].append(chosen)
    for outcomes in rows_of.values():
        if len(outcomes) > 1:
            raise DomainError("import_decide_same_member", rows=", ".join(str(o.first_row) for o in outcomes),
                              name=outcomes[0].data.full_name if outcomes[0].data else "", **where)
