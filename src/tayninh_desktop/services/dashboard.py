"""The home page's pictures (read only): members by cell and situation, the last twelve months' meetings with
their attendance rate, dues collected by month, ratings by level per cell, and the Đề án 03 removals by year
against the 2015–2020 baseline — the same chart the report prints (``reports_de_an_03.removals_chart``).

The window asks for them on its worker after it is shown (``dashboard_pictures``): the figures through a
connection of their own, the pictures drawn there too, so the window's thread only shows images.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from tayninh_desktop.domain import messages_charts as m
from tayninh_desktop.domain.charts import (
    ChartSpec,
    dues_by_month,
    meetings_by_month,
    members_by_cell,
    ratings_by_cell,
)
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import organisation, reports_de_an_03, scope
from tayninh_desktop.services.party_life import today_or
from tayninh_desktop.storage import dashboard_repo
from tayninh_desktop.storage.dashboard_repo import CellCount
from tayninh_desktop.storage.db import Database

MONTHS = 12
REGULAR = "thuong_ky"
PAID = "da_dong"


def last_months(today: date, count: int = MONTHS) -> list[tuple[int, int]]:
    """(year, month) of the ``count`` months up to ``today``'s, oldest first."""
    out = []
    year, month = today.year, today.month
    for _ in range(count):
        out.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def month_labels(months: list[tuple[int, int]]) -> list[str]:
    """"T5", and the year under the first month and under every January."""
    return [m.MONTH_LABEL_YEAR.format(month=mo, year=y) if i == 0 or mo == 1 else m.MONTH_LABEL.format(month=mo)
            for i, (y, mo) in enumerate(months)]


def _by_cell(counts: Iterable[CellCount], cells: list[tuple[str, str]]) -> list[tuple[str, dict[str, int]]]:
    """Counts per cell, in the register's order of cells; cells with nothing to count are left out."""
    per: dict[str, dict[str, int]] = {}
    for c in counts:
        per.setdefault(c.cell_id, {})[c.key] = c.count
    return [(name, per[cell_id]) for cell_id, name in cells if cell_id in per]


def _meetings(db: Database, months: list[tuple[int, int]]) -> ChartSpec:
    keys = [f"{y}-{mo:02d}" for y, mo in months]
    held = {row.month: row for row in dashboard_repo.meetings_by_month(db, keys[0], keys[-1], REGULAR)}
    rows = [(label, held[k].held if k in held else 0, held[k].present if k in held else 0,
             held[k].expected if k in held else 0) for k, label in zip(keys, month_labels(months), strict=True)]
    return meetings_by_month(rows)


def _dues(db: Database, months: list[tuple[int, int]], cells_with_members: int) -> ChartSpec:
    keys = [f"{y}-{mo:02d}" for y, mo in months]
    recorded = {row.month: row for row in dashboard_repo.dues_by_month(db, keys[0], keys[-1], PAID)}
    rows = [(label, recorded[k].collected if k in recorded else None,
             max(cells_with_members - (recorded[k].cells if k in recorded else 0), 0))
            for k, label in zip(keys, month_labels(months), strict=True)]
    return dues_by_month(rows)


def _removals(db: Database, today: date) -> ChartSpec | None:
    home = organisation.home_unit(db)
    if home is None:
        return None
    try:
        return reports_de_an_03.removals_chart(db, home, today)
    except DomainError:   # the Đề án starts after today: nothing to draw yet
        return None


def dashboard(db: Database, *, today: date | None = None) -> tuple[ChartSpec, ...]:
    """Every chart of the home page, in the order shown."""
    today = today_or(today)
    cells = [(cell.id, cell.name) for cell in organisation.cells(db)]
    members = _by_cell(dashboard_repo.members_by_cell(db, tuple(key for key, _, _ in m.STATUS_GROUPS)), cells)
    months = last_months(today)
    year = dashboard_repo.latest_rated_year(db)
    ratings = _by_cell(dashboard_repo.ratings_by_cell(db, year), cells) if year else []
    if scope.scoped_cell(db) is not None:   # a cell secretary: their cell's charts (the monthly ones are the committee's)
        charts = [members_by_cell(members, m.STATUS_GROUPS), ratings_by_cell(year, ratings, m.RATING_GROUPS)]
        return tuple(chart for chart in charts if chart is not None)
    charts = [members_by_cell(members, m.STATUS_GROUPS), _meetings(db, months), _dues(db, months, len(members)),
              ratings_by_cell(year, ratings, m.RATING_GROUPS), _removals(db, today)]
    return tuple(chart for chart in charts if chart is not None)


def dashboard_in(db: Database, db_path: str = "", *, today: date | None = None) -> tuple[ChartSpec, ...]:
    """The charts read through a connection of their own when the register is a file (the window's worker:
    it reads while the window's connection writes, and shares no transaction with it)."""
    if not db_path:
        return dashboard(db, today=today)
    from tayninh_desktop.storage.db import connect_like

    own = connect_like(db)   # the same key and the same person (a cell secretary's scope applies)
    try:
        return dashboard(own, today=today)
    finally:
        own.conn.close()


def dashboard_pictures(db: Database, db_path: str, size: tuple[int, int], scale: float = 1.0, *,
                       today: date | None = None) -> list[tuple[ChartSpec, bytes]]:
    """The charts and their pictures (PNG) of ``size`` pixels at ``scale`` (the screen's pixel ratio)."""
    from tayninh_desktop.documents.chart_image import chart_png_px, picture_height

    width, height = size
    return [(spec, chart_png_px(spec, width * scale, picture_height(spec, height) * scale, dpi=96 * scale))
            for spec in dashboard_in(db, db_path, today=today)]
