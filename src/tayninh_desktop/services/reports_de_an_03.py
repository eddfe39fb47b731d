"""The report on Đề án 03 results: figures from the register's member events, never typed.

The 2015–2020 figures predate the register: the office enters them once (a setting, audited) and
the report compares every year with their average. The help-list outcomes come from the screening
cases (``screening_results.help_rows``); a register without any help case leaves that part out (the
form's section prints only with data).
"""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.charts import ChartSpec, removals_by_year, spec_data
from tayninh_desktop.domain.dates import format_vn_date, from_iso
from tayninh_desktop.domain.documents_report import (
    BASELINE_YEARS,
    ENTRY_KINDS,
    EXIT_KINDS,
    KIND_WORDS,
    NO_DATA,
    PARTIAL,
    TARGET_REDUCTION,
    YearFigures,
    baseline_average,
    footnote,
    percent_text,
    year_figures,
)
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.org import Unit
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.storage import audit, documents_repo, settings_repo
from tayninh_desktop.storage.db import Database

SETTINGS_KEY = "documents.de_an_03"   # {"start_year": 2021, "data_since": "2023-01-01", "baseline": {…}}
START_YEAR = 2021                     # Đề án 03-ĐA/TU, 19/9/2021


def _settings(db: Database) -> dict:
    return settings_repo.get(db, SETTINGS_KEY, {}) or {}


def baseline(db: Database, unit_id: str) -> dict[int, int]:
    """The 2015–2020 yearly figures (xóa tên + xin ra khỏi Đảng) entered for a unit."""
    stored = _settings(db).get("baseline", {}).get(unit_id, {})
    return {int(k): int(v) for k, v in stored.items()}


def baselines(db: Database) -> dict[str, dict[int, int]]:
    """Every unit's 2015–2020 figures, read once (the screening results list every cell)."""
    return {unit_id: {int(k): int(v) for k, v in stored.items()}
            for unit_id, stored in _settings(db).get("baseline", {}).items()}


def set_baseline(db: Database, actor: Actor, unit_id: str, figures: dict[int, int | None]) -> Changes:
    """Enter the 2015–2020 figures of a unit (a year left empty is not counted in the average)."""
    actor.require(Permission.EDIT_ORGANISATION)
    issues = [FieldIssue(str(year), "bad_baseline_year", {"value": year}) for year in figures
              if year not in BASELINE_YEARS]
    issues += [FieldIssue(str(year), "bad_baseline_value", {"value": value}) for year, value in figures.items()
               if value is not None and (not isinstance(value, int) or value < 0)]
    if issues:
        raise ValidationError(issues)
    clean = {str(year): value for year, value in sorted(figures.items()) if value is not None}
    with db.atomic():
        stored = _settings(db)
        before = stored.get("baseline", {}).get(unit_id)
        stored.setdefault("baseline", {})[unit_id] = clean
        settings_repo.put(db, SETTINGS_KEY, stored)
        audit.append(db, actor.name, "set_de_an_03_baseline", "settings", unit_id, before, clean)
    return Changes(settings=True, documents=True)


def data_since(db: Database) -> tuple[date | None, bool]:
    """(since when the register holds data, whether the office set it): the date set, else the
    earliest meeting or member event recorded as it happened (not the history copied from a member's
    dossier); (None, False) when the register has recorded neither."""
    stored = _settings(db).get("data_since")
    if stored:
        return from_iso(stored), True
    return documents_repo.earliest_record(db, ENTRY_KINDS), False


def set_data_since(db: Database, actor: Actor, since: date | None, *, today: date | None = None) -> Changes:
    """Set since when the register holds data (None: derive it from the register again)."""
    actor.require(Permission.EDIT_ORGANISATION)
    if since is not None and since > (today or date.today()):
        raise ValidationError([FieldIssue("data_since", "date_in_future", {"value": format_vn_date(since)})])
    with db.atomic():
        stored = _settings(db)
        before = stored.get("data_since")
        after = since.isoformat() if since else None
        if after:
            stored["data_since"] = after
        else:
            stored.pop("data_since", None)
        settings_repo.put(db, SETTINGS_KEY, stored)
        audit.append(db, actor.name, "set_register_data_since", "settings", SETTINGS_KEY,
                     {"data_since": before}, {"data_since": after})
    return Changes(settings=True, documents=True)


def _cell(value: int, line: YearFigures) -> int | str:
    return value if line.has_data else "—"


def _row(line: YearFigures, on: date, since: date | None) -> dict:
    # A part of a year goes on a second line of its cell: a date is never broken inside.
    label = str(line.year) if line.year < on.year else f"{line.year}\n(đến {on:%d/%m})"
    if line.coverage == PARTIAL and since is not None:
        label = f"{line.year}\n(từ {since:%d/%m})" if line.year < on.year else f"{line.year}\n({since:%d/%m}–{on:%d/%m})"
    return {"year": line.year, "year_label": label, **{k: _cell(line.counts.get(k, 0), line) for k in EXIT_KINDS},
            "total": _cell(line.total, line), "measure": _cell(line.measure, line),
            "vs_previous": percent_text(line.against_previous), "vs_baseline": percent_text(line.against_baseline)}


def _since_note(lines: list[YearFigures], since: date | None) -> str:
    if since is None or all(line.coverage not in (NO_DATA, PARTIAL) for line in lines):
        return ""
    return (f"Sổ đảng viên có số liệu từ ngày {format_vn_date(since)}; năm chưa có số liệu ghi «—», "
            "không so sánh năm chưa có đủ số liệu cả năm.")


def _overview(lines: list[YearFigures], subject: str, start: str, on: date) -> str:
    totals = {k: sum(line.counts.get(k, 0) for line in lines) for k in EXIT_KINDS}
    total = sum(totals.values())
    if total == 0:
        return (f"Từ {start} đến ngày {format_vn_date(on)}, {subject} không có đảng viên bị xóa tên, "
                "khai trừ, xin ra khỏi Đảng hoặc ra nước ngoài định cư.")
    parts = ", ".join(f"{KIND_WORDS[k]} {n}" for k, n in totals.items() if n)
    per_year = "; ".join(footnote(line) for line in lines if line.total)
    return (f"Từ {start} đến ngày {format_vn_date(on)}, {subject} có {total} đảng viên ra khỏi Đảng "
            f"({parts}); trong đó {totals['xoa_ten'] + totals['ra_khoi_dang']} đảng viên bị xóa tên, xin ra khỏi "
            f"Đảng (chỉ tiêu kéo giảm của Đề án). Cụ thể: {per_year}.")


def removals(db: Database, home: Unit, cell: Unit | None, end: date) -> tuple[list[YearFigures], float | None]:
    """The Đề án's years up to ``end`` (the committee's, or one cell's) and the 2015–2020 average they compare
    with: the report's table and chart, and the home page's chart."""
    start = int(_settings(db).get("start_year", START_YEAR))
    if start > end.year:
        raise DomainError("report_before_start", year=end.year, start=start)
    events = documents_repo.exit_events(db, EXIT_KINDS, date(start - 1, 1, 1), end)
    if cell is not None:
        events = [e for e in events if e[3] == cell.id]
    entered = baseline(db, (cell or home).id)
    average = baseline_average({str(k): v for k, v in entered.items()})
    since, _ = data_since(db)
    return year_figures([(kind, day) for kind, day, _, _ in events], range(start, end.year + 1), average, since), average


def removals_chart(db: Database, home: Unit, end: date) -> ChartSpec:
    """The committee's Đề án 03 chart as the report prints it (the home page shows the same)."""
    lines, average = removals(db, home, None, end)
    since, _ = data_since(db)
    return removals_by_year(lines, [_row(line, end, since)["year_label"] for line in lines], average)


def report_context(db: Database, home: Unit, cell: Unit | None, on: date, year: int | None = None,
                   *, blank: bool = False) -> dict:
    """The values of the Đề án 03 report of the committee, or of one cell, up to ``on`` (or year's end)."""
    end = min(on, date(year, 12, 31)) if year else on
    start = int(_settings(db).get("start_year", START_YEAR))
    subject_unit = cell or home
    lines, average = removals(db, home, cell, end)
    entered = baseline(db, subject_unit.id)
    since, _ = data_since(db)
    first = f"ngày {format_vn_date(since)}" if since and since.year >= start else f"năm {start}"
    from tayninh_desktop.services.screening_results import help_rows as screening_help_rows

    # The help list's outcomes per year (listed, helped, progressed, removed after the help), from the cases.
    help_rows = screening_help_rows(db, range(start, end.year + 1), cell.id if cell else None)
    target = round(average * (100 - TARGET_REDUCTION) / 100, 2) if average is not None else None
    rows = [_row(line, end, since) for line in lines]
    chart = removals_by_year(lines, [row["year_label"] for row in rows], average)
    return {
        "summary": "kết quả thực hiện Đề án số 03-ĐA/TU về kéo giảm tình trạng đảng viên bị xóa tên và xin ra "
                   f"khỏi Đảng{f' ({cell.name})' if cell else ''}",
        "report_subject": subject_unit.name, "start_year": start, "end_date": end,
        "years": rows, "removals_chart": spec_data(chart), "overview": _overview(lines, subject_unit.name, first, end),
        "data_since": since, "data_since_note": _since_note(lines, since),
        "baseline_rows": [{"year": y, "count": entered[y]} for y in sorted(entered)],
        "baseline_years_text": ", ".join(str(y) for y in sorted(entered)),
        "baseline_average": average, "baseline_average_text": f"{average:g}".replace(".", ",") if average else "",
        "target": target, "target_text": f"{target:g}".replace(".", ",") if target is not None else "",
        "help_rows": help_rows, "assessment_heading": "IV" if help_rows or blank else "III",
    }
