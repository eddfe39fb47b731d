"""The early warnings of party life, for one cell or the whole committee (read-only)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from tayninh_desktop.domain.dates import YEAR_MIN
from tayninh_desktop.domain.members import ACTIVE_STATUSES
from tayninh_desktop.domain.org import code_order_key
from tayninh_desktop.domain.party_life import month_label
from tayninh_desktop.domain.rules import RuleBook
from tayninh_desktop.domain.warnings import (
    EarlyWarning,
    IncompleteFact,
    MissingMeetingFact,
    MonthsFact,
    WarningKind,
    away_warnings,
    incomplete_warnings,
    letter_warnings,
    missing_meeting_warnings,
    months_warnings,
    open_ground_warnings,
    probation_warnings,
    quota_warning,
    sort_warnings,
)
from tayninh_desktop.services import scope
from tayninh_desktop.services.party_life import rules, today_or
from tayninh_desktop.services.settings_party_life import thematic_absence_counts
from tayninh_desktop.services.work_calendar import calendar_for
from tayninh_desktop.storage import (
    dues_repo,
    meetings_repo,
    ratings_repo,
    units_repo,
    warnings_repo,
)
from tayninh_desktop.storage.db import Database

REGULAR_KINDS = ("thuong_ky",)
WITH_THEMATIC = ("thuong_ky", "chuyen_de")


def _months_facts(people: dict[int, tuple], by_member: dict[int, list[str]], names: dict[str, str],
                  statuses: frozenset[str], warn_at: int) -> list[MonthsFact]:
    """Members still on the register (in ``statuses``) with ``warn_at`` months or more (``by_member``: by the
    member's row id; ``people``: the candidates looked up, ``warnings_repo.members_by_row``)."""
    found = [(v, m) for m, months in by_member.items() if len(months) >= warn_at
             and (v := people.get(m)) is not None and v[4] in statuses]
    found.sort(key=lambda pair: (pair[0][3], pair[0][0]))
    return [MonthsFact(member_id, name, cell_id, names.get(cell_id or "", ""), tuple(by_member[m]))
            for (member_id, name, cell_id, _key, _status), m in found]


def _fewest_months(book: RuleBook, today: date) -> int:
    """The fewest months in a year any warning of absences or unpaid dues starts at: this year's warning, or an
    earlier year's ground (the members with fewer need not be read)."""
    return min([_months_from(book, today, today.year),
                *(rule["months_per_year"] for rule in book.records("absence_threshold"))])


def _months_from(book: RuleBook, today: date, year: int) -> int:
    """The months in ``year`` from which a warning is given: this year's warning, an earlier year's ground."""
    if year == today.year:
        return book.on("absence_threshold", today)["warn_at"]
    return book.on("absence_threshold", date(year, 12, 31))["months_per_year"]


def _candidates(db: Database, grounds: tuple[dict[int, dict[int, list[str]]], ...], book: RuleBook,
                today: date) -> dict[int, tuple]:
    """The members some warning of ``grounds`` is about, looked up once for every year and ground: member row →
    (id, full name, current cell id, sort key, current status)."""
    starts = {year: _months_from(book, today, year) for in_years in grounds for year in in_years}
    rows = {m for in_years in grounds for year, members in in_years.items()
            for m, months in members.items() if len(months) >= starts[year]}
    return warnings_repo.members_by_row(db, sorted(rows))


def _ground_warnings(in_years: dict[int, dict[int, list[str]]], kind: WarningKind, names: dict[str, str],
                     statuses: frozenset[str], book: RuleBook, today: date, closings: dict[str, str],
                     people: dict[int, tuple]) -> list[EarlyWarning]:
    """This year's months (near the threshold or at it), and the grounds reached in earlier years that no
    decision has closed yet (they stay open after 31 December). ``in_years``: per year, per member row id, the
    months (of the members with at least ``_fewest_months``); ``closings``: ``warnings_repo.latest_closings``;
    ``people``: ``_candidates``."""
    years = dict(in_years)
    out = months_warnings(_months_facts(people, years.pop(today.year, {}), names, statuses,
                                        _months_from(book, today, today.year)), kind, today.year, book, today)
    for year, members in sorted(years.items(), reverse=True):
        facts = _months_facts(people, members, names, statuses, _months_from(book, today, year))
        start = date(year, 1, 1).isoformat()   # closed by a decision after the year began
        out += open_ground_warnings([f for f in facts if closings.get(f.member_id, "") <= start], kind, year, book)
    return out


def _incomplete_facts(db: Database, names: dict[str, str], statuses: frozenset[str],
                      book: RuleBook, today: date) -> list[IncompleteFact]:
    """Members whose latest ratings are "không hoàn thành nhiệm vụ" the configured number of years running."""
    needed = book.on("screening_flags", today)["incomplete_years"]
    runs = {}
    for member_row, years in ratings_repo.incomplete_years_by_row(db).items():
        run = [years[-1]]
        for year in reversed(years[:-1]):
            if year != run[-1] - 1:
                break
            run.append(year)
        if len(run) >= needed:
            runs[member_row] = tuple(sorted(run))
    # member row → (id, full name, current cell id, sort key, current status)
    info = [v + (runs[r],) for r, v in warnings_repo.members_by_row(db, list(runs)).items() if v[4] in statuses]
    return [IncompleteFact(member_id, name, cell_id, names.get(cell_id or "", ""), run)
            for member_id, name, cell_id, _key, _status, run in sorted(info, key=lambda v: (v[3], v[0]))]


def _missing_meetings(db: Database, today: date, cells: list) -> list[MissingMeetingFact]:
    """Months of this year before the current one with no regular meeting, for cells open with members."""
    if today.month == 1:
        return []
    start, end = date(today.year, 1, 1), date(today.year, today.month, 1)
    held = meetings_repo.months_with_regular_meeting(db, start, end)
    populated = warnings_repo.cells_with_members(db, tuple(sorted(ACTIVE_STATUSES)))
    months = [(date(today.year, n, 1), f"{today.year}-{n:02d}") for n in range(1, today.month)]
    every = {month for _first, month in months}
    facts = []
    for cell in cells:
        if cell.id not in populated:
            continue
        missing = every - held.get(cell.id, set())
        facts += [MissingMeetingFact(cell.id, cell.name, month) for first, month in months
                  if month in missing and cell.is_open_on(first)]
    return facts


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while the warnings are read and built. They make no reference
    cycles, and the tens of thousands of rows and objects they go through set off its full pass over the whole heap:
    21 of 436 ms on the 100,000-member register, and more in the window, whose heap is larger. Reference counting
    frees everything as usual meanwhile; the collector runs again afterwards."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def compute_warnings(db: Database, *, cell_id: str | None = None, today: date | None = None) -> list[EarlyWarning]:
    """Every early warning on ``today`` (the committee's, or one cell's), most urgent first. A cell secretary
    gets their cell's."""
    with _collector_paused():
        return _compute_warnings(db, cell_id, today_or(today))


def _compute_warnings(db: Database, cell_id: str | None, today: date) -> list[EarlyWarning]:
    cell_id = scope.cell_filter(db, cell_id)
    book = rules()
    cells = units_repo.cells(db, include_closed=True)   # read once: names, missing meetings, the order
    names = {u.id: u.name for u in cells}
    active = frozenset(s.value for s in ACTIVE_STATUSES)
    kinds = WITH_THEMATIC if thematic_absence_counts(db) else REGULAR_KINDS
    fewest = _fewest_months(book, today)
    absences = meetings_repo.unexcused_months_in_years(db, date(YEAR_MIN, 1, 1), today, kinds, fewest)
    # Everyone still on the register pays, members exempted from party activity included (HD 27-HD/BTCTW);
    # deferred and exempted months are never "unpaid".
    unpaid = dues_repo.unpaid_months_in_years(db, f"{YEAR_MIN}-01", today.strftime("%Y-%m"), fewest)
    earlier = [year for year in (*absences, *unpaid) if year < today.year]
    closings = warnings_repo.latest_closings(db, date(min(earlier), 1, 1)) if earlier else {}
    people = _candidates(db, (absences, unpaid), book, today)
    out = _ground_warnings(absences, WarningKind.ABSENCES, names, active, book, today, closings, people)
    out += _ground_warnings(unpaid, WarningKind.UNPAID_DUES, names, active, book, today, closings, people)
    out += incomplete_warnings(_incomplete_facts(db, names, active, book, today), book, today)
    out += away_warnings(warnings_repo.away_facts(db, names), book, today)
    out += letter_warnings(warnings_repo.pending_letter_facts(db, today, names), book, today)
    out += probation_warnings(warnings_repo.probation_facts(db, names), book, today,
                              calendar_for(today.year - 2, today.year + 1, book))
    out += missing_meeting_warnings(_missing_meetings(db, today, cells))
    from tayninh_desktop.services import screening_warnings

    ordered = sorted(cells, key=lambda u: code_order_key(u.code))   # organisation.cells' order
    out += screening_warnings.warnings(db, today, ordered)
    if cell_id:
        out = [w for w in out if w.cell_id == cell_id]
    else:
        year = ratings_repo.latest_rated_year(db)
        if year:
            counts = ratings_repo.level_counts(db, year)
            quota = quota_warning(year, counts.get("xuat_sac", 0), counts.get("tot", 0), book)
            if quota:
                out.append(quota)
    order = {cell.id: rank for rank, cell in enumerate(ordered)}
    return sort_warnings(out, order)


def compute_warnings_in(db: Database, db_path: str = "", *, today: date | None = None) -> list[EarlyWarning]:
    """Every warning of the committee, read through a connection of its own when the register is a file.

    The window computes warnings on its worker thread: its own connection (WAL) lets it read while the
    window's connection writes, and never shares a transaction with it.
    """
    if not db_path:
        return compute_warnings(db, today=today)
    from tayninh_desktop.storage.db import connect_like

    own = connect_like(db)
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
