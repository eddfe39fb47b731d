"""The report on Đề án 03 results: figures from the register's member events, never typed.

The 2015–2020 figures predate the register: the office enters them once (a setting, audited) and
the report compares every year with their average. The help-list outcomes come from the screening
area; until it records cases the report leaves that part out (the form's section prints only with
data).
"""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.documents_report import (
    BASELINE_YEARS,
    EXIT_KINDS,
    KIND_WORDS,
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

SETTINGS_KEY = "documents.de_an_03"   # {"start_year": 2021, "baseline": {unit_id: {"2015": 4, …}}}
START_YEAR = 2021                     # Đề án 03-ĐA/TU, 19/9/2021


def _settings(db: Database) -> dict:
    return settings_repo.get(db, SETTINGS_KEY, {}) or {}


def baseline(db: Database, unit_id: str) -> dict[int, int]:
    """The 2015–2020 yearly figures (xóa tên + xin ra khỏi Đảng) entered for a unit."""
    stored = _settings(db).get("baseline", {}).get(unit_id, {})
    return {int(k): int(v) for k, v in stored.items()}


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


def _row(line: YearFigures, on: date) -> dict:
    label = str(line.year) if line.year < on.year else f"{line.year} (đến {on:%d/%m})"
    return {"year": line.year, "year_label": label, **{k: line.counts.get(k, 0) for k in EXIT_KINDS},
            "total": line.total, "measure": line.measure,
            "vs_previous": percent_text(line.against_previous), "vs_baseline": percent_text(line.against_baseline)}


def _overview(lines: list[YearFigures], subject: str, start: int, on: date) -> str:
    totals = {k: sum(line.counts.get(k, 0) for line in lines) for k in EXIT_KINDS}
    total = sum(totals.values())
    if total == 0:
        return (f"Từ năm {start} đến ngày {format_vn_date(on)}, {subject} không có đảng viên bị xóa tên, "
                "khai trừ, xin ra khỏi Đảng hoặc ra nước ngoài định cư.")
    parts = ", ".join(f"{KIND_WORDS[k]} {n}" for k, n in totals.items() if n)
    per_year = "; ".join(footnote(line) for line in lines if line.total)
    return (f"Từ năm {start} đến ngày {format_vn_date(on)}, {subject} có {total} đảng viên ra khỏi Đảng "
            f"({parts}); trong đó {totals['xoa_ten'] + totals['ra_khoi_dang']} đảng viên bị xóa tên, xin ra khỏi "
            f"Đảng (chỉ tiêu kéo giảm của Đề án). Cụ thể: {per_year}.")


def report_context(db: Database, home: Unit, cell: Unit | None, on: date, year: int | None = None) -> dict:
    """The values of the Đề án 03 report of the committee, or of one cell, up to ``on`` (or year's end)."""
    end = min(on, date(year, 12, 31)) if year else on
    start = int(_settings(db).get("start_year", START_YEAR))
    if start > end.year:
        raise DomainError("report_before_start", year=end.year, start=start)
    subject_unit = cell or home
    events = documents_repo.exit_events(db, EXIT_KINDS, date(start - 1, 1, 1), end)
    if cell is not None:
        events = [e for e in events if e[3] == cell.id]
    entered = baseline(db, subject_unit.id)
    average = baseline_average({str(k): v for k, v in entered.items()})
    lines = year_figures([(kind, day) for kind, day, _, _ in events], range(start, end.year + 1), average)
    help_rows: list[dict] = []   # the screening area will provide these (listed, helped, progressed, removed)
    target = round(average * (100 - TARGET_REDUCTION) / 100, 2) if average is not None else None
    return {
        "summary": "kết quả thực hiện Đề án số 03-ĐA/TU về kéo giảm tình trạng đảng viên bị xóa tên và xin ra "
                   f"khỏi Đảng{f' ({cell.name})' if cell else ''}",
        "report_subject": subject_unit.name, "start_year": start, "end_date": end,
        "years": [_row(line, end) for line in lines], "overview": _overview(lines, subject_unit.name, start, end),
        "baseline_rows": [{"year": y, "count": entered[y]} for y in sorted(entered)],
        "baseline_years_text": ", ".join(str(y) for y in sorted(entered)),
        "baseline_average": average, "baseline_average_text": f"{average:g}".replace(".", ",") if average else "",
        "target": target, "target_text": f"{target:g}".replace(".", ",") if target is not None else "",
        "help_rows": help_rows, "assessment_heading": "IV" if help_rows else "III",
    }
