"""Exporting the register (or one cell) as an xlsx list: Mẫu 7-HSĐV or a flat list, ready to print.

The Mẫu 7 is a register book: like its printed form, it also keeps the members who left during the
year (transferred out, died, removed), with columns 9–13 filled from their events by
``domain.register_book`` (the same function the PDF uses). The flat list holds the members on the
register on the date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tayninh_desktop.domain import output_targets
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.register_book import REGISTER_KINDS, register_columns
from tayninh_desktop.services import scope
from tayninh_desktop.services.organisation import cells as list_cells
from tayninh_desktop.services.organisation import require_home, unit
from tayninh_desktop.services.register import members_in_cell_on
from tayninh_desktop.spreadsheets.xlsx_export import CellGroup, ListHeading, write_flat, write_mau7
from tayninh_desktop.storage import documents_repo, members_repo

LAYOUTS = ("mau7", "flat")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int        # members on the register on the date
    left: int = 0     # members who left during the year, kept in a Mẫu 7


def member_groups(db, cell_id: str | None, on: date, *, with_left: bool = False) -> list[CellGroup]:
    """The members on the register on ``on``, cell by cell, in official list order; ``with_left``: also
    those who left during the year up to ``on``, after the cell's members, and the events of columns 9–13."""
    cell_id = scope.cell_filter(db, cell_id)   # a cell secretary: their cell's list only
    chosen = [unit(db, cell_id)] if cell_id else list_cells(db, include_closed=True)
    groups = []
    for cell in chosen:
        members = members_in_cell_on(db, cell.id, on)
        left: list = []
        if with_left:
            present = {m.id for m in members}
            left_ids = documents_repo.members_left_between(db, date(on.year, 1, 1), on, cell.id)
            left = members_repo.get_many(db, [i for i in left_ids if i not in present])
        if members or left or cell_id:
            groups.append(CellGroup(cell.name, members + left, left=len(left)))
    if with_left:
        groups = [_with_register(db, group) for group in groups]
    return groups


def _with_register(db, group: CellGroup) -> CellGroup:
    events: dict[str, list] = {}
    for event in documents_repo.member_events(db, [m.id for m in group.members], REGISTER_KINDS):
        events.setdefault(event.member_id, []).append(event)
    register = {m.id: register_columns(m.occupation, events.get(m.id, ())) for m in group.members}
    return CellGroup(group.cell_name, group.members, register, group.left)


def export_members(db, actor: Actor, path: Path | str, *, cell_id: str | None = None, layout: str = "mau7",
                   on: date | None = None) -> ExportResult:
    """Write the list of members on the register on ``on`` (today) to ``path``; the file is written atomically."""
    actor.require(Permission.READ)
    cell_id = scope.cell_filter(db, cell_id, actor)
    output_targets.check(path)
    if layout not in LAYOUTS:
        raise DomainError("export_bad_layout", value=layout)
    on = on or date.today()
    home = require_home(db)
    groups = member_groups(db, cell_id, on, with_left=layout == "mau7")
    covered = groups[0].cell_name if cell_id and groups else home.name
    title = "SỔ DANH SÁCH ĐẢNG VIÊN" if layout == "mau7" else "DANH SÁCH ĐẢNG VIÊN"
    heading = ListHeading(home.name, title, f"{covered} — đến ngày {format_vn_date(on)}"
                          + (" (Mẫu 7-HSĐV)" if layout == "mau7" else ""))
    writer = write_mau7 if layout == "mau7" else write_flat
    written = writer(Path(path), heading, groups)
    total = sum(len(g.members) for g in groups)
    left = sum(g.left for g in groups)
    return ExportResult(written, total - left, left)
