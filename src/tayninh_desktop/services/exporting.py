"""Exporting the register (or one cell) as an xlsx list: Mẫu 7-HSĐV or a flat list, ready to print."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services.organisation import cells as list_cells
from tayninh_desktop.services.organisation import require_home, unit
from tayninh_desktop.services.register import members_in_cell_on
from tayninh_desktop.spreadsheets.xlsx_export import CellGroup, ListHeading, write_flat, write_mau7

LAYOUTS = ("mau7", "flat")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int


def member_groups(db, cell_id: str | None, on: date) -> list[CellGroup]:
    """The members on the register on ``on``, cell by cell, in official list order."""
    chosen = [unit(db, cell_id)] if cell_id else list_cells(db, include_closed=True)
    groups = []
    for cell in chosen:
        members = members_in_cell_on(db, cell.id, on)
        if members or cell_id:
            groups.append(CellGroup(cell.name, members))
    return groups


def export_members(db, actor: Actor, path: Path | str, *, cell_id: str | None = None, layout: str = "mau7",
                   on: date | None = None) -> ExportResult:
    """Write the list of members on the register on ``on`` (today) to ``path``; the file is written atomically."""
    actor.require(Permission.READ)
    if layout not in LAYOUTS:
        raise DomainError("export_bad_layout", value=layout)
    on = on or date.today()
    home = require_home(db)
    groups = member_groups(db, cell_id, on)
    scope = groups[0].cell_name if cell_id and groups else home.name
    title = "SỔ DANH SÁCH ĐẢNG VIÊN" if layout == "mau7" else "DANH SÁCH ĐẢNG VIÊN"
    heading = ListHeading(home.name, title, f"{scope} — đến ngày {format_vn_date(on)}"
                          + (" (Mẫu 7-HSĐV)" if layout == "mau7" else ""))
    writer = write_mau7 if layout == "mau7" else write_flat
    written = writer(Path(path), heading, groups)
    return ExportResult(written, sum(len(g.members) for g in groups))
