"""Cross-checking a cell's list (đối chiếu danh sách) against the register on a date.

The list is read exactly as an import reads it; each row is matched against the members of the
cell on that date by CCCD, card number, then name + date of birth. The result names members missing
on either side and, for members on both, every field the list has that differs from the register.
Nothing is written to the register.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tayninh_desktop.domain import output_targets
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.import_rules import FieldDiff, Identity, MatchKind, decide_match, merge_data
from tayninh_desktop.domain.messages import field_label
from tayninh_desktop.domain.messages_import import CROSSCHECK_LABELS
from tayninh_desktop.domain.messages_register import STATUS_LABELS
from tayninh_desktop.domain.vn_text import fold
from tayninh_desktop.services import scope
from tayninh_desktop.services.import_planning import IdentityIndex, parse_rows
from tayninh_desktop.services.import_source import open_source
from tayninh_desktop.services.organisation import require_home, unit
from tayninh_desktop.services.register import get_member, members_in_cell_on
from tayninh_desktop.storage import import_repo

STATUSES = ("same", "differs", "only_in_file", "only_in_register", "unreadable")


@dataclass(frozen=True)
class CrossCheckLine:
    status: str
    full_name: str
    row: int | None = None
    member_id: str | None = None
    birth: str = ""
    details: tuple[str, ...] = ()
    diffs: tuple[FieldDiff, ...] = ()   # "differs": each field (after = in the list, before = in the register)
    card_number: str = ""


@dataclass(frozen=True)
class CrossCheckResult:
    file_name: str
    cell_name: str
    on: date
    lines: list[CrossCheckLine]
    sheet: str = ""
    cell_id: str = ""
    source_path: str = ""   # the list read: never written over by the command's outputs

    @property
    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in STATUSES}
        for line in self.lines:
            out[line.status] += 1
        return out

    @property
    def agrees(self) -> bool:
        return all(line.status == "same" for line in self.lines)


def crosscheck_file(db, path: Path | str, *, cell_id: str | None, on: date | None = None,
                    sheet: str | None = None, today: date | None = None) -> CrossCheckResult:
    """Compare the list in ``path`` with the members of the cell on ``on`` (today); read-only."""
    if not cell_id:
        raise DomainError("crosscheck_no_cell")
    scope.require_cell(db, cell_id)
    today = today or date.today()
    on = on or today
    require_home(db)
    cell = unit(db, cell_id)
    source = open_source(db, path, sheet=sheet)
    members = members_in_cell_on(db, cell_id, on)
    by_id = {m.id: m for m in members}
    cccd = {m.cccd: m for m in members if m.cccd}
    card = {m.card_number: m for m in members if m.card_number}
    names: dict[tuple, list] = {}
    for m in members:
        names.setdefault((fold(m.full_name), m.birth_date), []).append(m)
    seen: set[str] = set()
    register_index = IdentityIndex(import_repo.identities(db))
    lines: list[CrossCheckLine] = []
    for row in parse_rows(source, today):
        name = row.values.get("full_name", "")
        if row.data is None:
            lines.append(CrossCheckLine("unreadable", name, row.rows[0], details=tuple(i.message for i in row.issues)))
            continue
        data = row.data
        decision = decide_match(data.cccd, data.card_number, _identity(cccd.get(data.cccd)),
                                _identity(card.get(data.card_number)),
                                [_identity(m) for m in names.get((fold(data.full_name), data.birth_date), [])])
        birth = row.values.get("birth_date", "")
        if decision.kind is not MatchKind.MATCHED or decision.member_id in seen:
            lines.append(CrossCheckLine("only_in_file", data.full_name, row.rows[0], birth=birth,
                                        details=_elsewhere(db, register_index, data, on),
                                        card_number=data.card_number))
            continue
        seen.add(decision.member_id)
        member = by_id[decision.member_id]
        present = {f for f in row.values if f != "cell"}
        _, diffs = merge_data(member.data, data, present)
        details = tuple(f"{field_label(d.field)}: trong danh sách «{d.after}», trong sổ «{d.before}»" for d in diffs)
        lines.append(CrossCheckLine("differs" if diffs else "same", data.full_name, row.rows[0], member.id, birth,
                                    details, tuple(diffs), member.card_number))
    for member in members:
        if member.id not in seen:
            lines.append(CrossCheckLine("only_in_register", member.full_name, None, member.id,
                                        format_vn_date(member.birth_date), card_number=member.card_number))
    return CrossCheckResult(source.file_name, cell.name, on, lines, source.sheet, cell.id, str(source.path))


def _elsewhere(db, index: IdentityIndex, data, on: date) -> tuple[str, ...]:
    """Where the register has this person, when not in the cell on that date (a hint for the inspector)."""
    decision = index.decide(data)
    if decision.kind is not MatchKind.MATCHED:
        return ("Không có trong sổ của đảng bộ.",)
    member = get_member(db, decision.member_id)
    cell = unit(db, member.cell_id).name if member.cell_id else ""
    status = STATUS_LABELS.get(member.status.value, member.status.value)
    text = (f"Trong sổ: {cell or 'chưa xếp chi bộ'} — {status.lower()} (hiện nay); không thuộc chi bộ này"
            f" vào ngày {format_vn_date(on)}.")
    return (text,)


def _identity(member) -> Identity | None:
    if member is None:
        return None
    return Identity(member.id, member.full_name, member.birth_date, member.cccd, member.card_number)


def save_report(result: CrossCheckResult, out_path: Path | str) -> Path:
    """The cross-check as an xlsx table (one line per member, differences spelled out)."""
    from tayninh_desktop.spreadsheets.report_writer import write_table_report

    output_targets.check(out_path, inputs=(result.source_path,))
    colours = {"same": "added", "differs": "held", "only_in_file": "refused", "only_in_register": "refused",
               "unreadable": "refused"}
    rows = [[CROSSCHECK_LABELS[line.status], line.full_name, line.birth, line.row or "", "\n".join(line.details)]
            for line in result.lines]
    counts = result.counts
    subtitle = (f"Danh sách «{result.file_name}» so với sổ đảng viên ngày {format_vn_date(result.on)}: "
                + ", ".join(f"{counts[s]} {CROSSCHECK_LABELS[s].lower()}" for s in STATUSES))
    return write_table_report(Path(out_path), f"KẾT QUẢ ĐỐI CHIẾU DANH SÁCH ĐẢNG VIÊN — {result.cell_name.upper()}",
                              subtitle, ["Kết quả", "Họ và tên", "Ngày sinh", "Dòng trong tệp", "Chi tiết"], rows,
                              [colours[line.status] for line in result.lines])
