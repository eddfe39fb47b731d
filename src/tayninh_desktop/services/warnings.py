"""The early warnings of party life, for one cell or the whole committee (read-only)."""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.members import ACTIVE_STATUSES, MemberStatus
from tayninh_desktop.domain.party_life import month_label
from tayninh_desktop.domain.warnings import (
    EarlyWarning,
    MissingMeetingFact,
    MonthsFact,
    WarningKind,
    away_warnings,
    letter_warnings,
    missing_meeting_warnings,
    months_warnings,
    probation_warnings,
    quota_warning,
    sort_warnings,
)
from tayninh_desktop.services.party_life import cell_names, rules, today_or
from tayninh_desktop.storage import dues_repo, meetings_repo, ratings_repo, units_repo, warnings_repo
from tayninh_desktop.storage.db import Database


def _months_facts(db: Database, by_member: dict[str, list[str]], names: dict[str, str],
                  statuses: frozenset[str], warn_at: int) -> list[MonthsFact]:
    """Members still on the register (in ``statuses``) with ``warn_at`` months or more."""
    candidates = [m for m, months in by_member.items() if len(months) >= warn_at]
    info = {m: v for m, v in warnings_repo.member_names_cells(db, candidates).items() if v[3] in statuses}
    facts = [MonthsFact(m, info[m][0], info[m][1], names.get(info[m][1] or "", ""), tuple(by_member[m]))
             for m in candidates if m in info]
    return sorted(facts, key=lambda f: info[f.member_id][2])


def _missing_meetings(db: Database, today: date, names: dict[str, str]) -> list[MissingMeetingFact]:
    """Months of this year before the current one with no regular meeting, for cells open with members."""
    if today.month == 1:
        return []
    start, end = date(today.year, 1, 1), date(today.year, today.month, 1)
    held = meetings_repo.cells_with_regular_meeting(db, start, end)
    populated = warnings_repo.cells_with_members(db, tuple(sorted(ACTIVE_STATUSES)))
    months = [(date(today.year, n, 1), f"{today.year}-{n:02d}") for n in range(1, today.month)]
    facts = []
    for cell in units_repo.cells(db, include_closed=True):
        if cell.id not in populated:
            continue
        facts += [MissingMeetingFact(cell.id, cell.name, month) for first, month in months
                  if (cell.id, month) not in held and cell.is_open_on(first)]
    return facts


def compute_warnings(db: Database, *, cell_id: str | None = None, today: date | None = None) -> list[EarlyWarning]:
    """Every early warning on ``today`` (the committee's, or one cell's), most urgent first."""
    today = today_or(today)
    book = rules()
    names = cell_names(db)
    threshold = book.on("absence_threshold", today)
    year_start, first_month, this_month = date(today.year, 1, 1), f"{today.year}-01", today.strftime("%Y-%m")
    active = frozenset(s.value for s in ACTIVE_STATUSES)
    absences = meetings_repo.unexcused_months(db, year_start, today)
    out = months_warnings(_months_facts(db, absences, names, active, threshold["warn_at"]), WarningKind.ABSENCES,
                          today.year, book, today)
    unpaid = dues_repo.unpaid_months(db, first_month, this_month)
    if book.on("exempted_dues", today)["mode"] == "voluntary":
        active_payers = active - {MemberStatus.EXEMPTED.value}
    else:
        active_payers = active
    out += months_warnings(_months_facts(db, unpaid, names, active_payers, threshold["warn_at"]),
                           WarningKind.UNPAID_DUES, today.year, book, today)
    out += away_warnings(warnings_repo.away_facts(db, names), book, today)
    out += letter_warnings(warnings_repo.pending_letter_facts(db, today, names), book, today)
    out += probation_warnings(warnings_repo.probation_facts(db, names), book, today)
    out += missing_meeting_warnings(_missing_meetings(db, today, names))
    if cell_id:
        out = [w for w in out if w.cell_id == cell_id]
    else:
        year = ratings_repo.latest_rated_year(db)
        if year:
            counts = ratings_repo.level_counts(db, year)
            quota = quota_warning(year, counts.get("xuat_sac", 0), counts.get("tot", 0), book)
            if quota:
                out.append(quota)
    return sort_warnings(out)


def compute_warnings_in(db: Database, db_path: str = "", *, today: date | None = None) -> list[EarlyWarning]:
    """Every warning of the committee, read through a connection of its own when the register is a file.

    The window computes warnings on its worker thread: its own connection (WAL) lets it read while the
    window's connection writes, and never shares a transaction with it.
    """
    if not db_path:
        return compute_warnings(db, today=today)
    from pathlib import Path

    from tayninh_desktop.storage.db import connect

    own = connect(Path(db_path))
    try:
        return compute_warnings(own, today=today)
    finally:
        own.conn.close()


def for_cell(warnings: list[EarlyWarning], cell_id: str | None) -> list[EarlyWarning]:
    """The committee's warnings narrowed to one cell (the committee-wide ones, like the quota, drop out)."""
    return list(warnings) if not cell_id else [w for w in warnings if w.cell_id == cell_id]


def warning_as_dict(warning: EarlyWarning) -> dict:
    """The JSON shape of a warning (CLI, returns): its fields, the enums as their values. A copy of the fields
    and of ``data`` one level deep: dataclasses.asdict's recursive copy was a quarter of `warnings --json`."""
    data = dict(vars(warning))
    data["data"] = dict(warning.data)
    data["kind"] = warning.kind.value
    data["severity"] = warning.severity.value
    if warning.month:
        data["month_label"] = month_label(warning.month)
    return data
