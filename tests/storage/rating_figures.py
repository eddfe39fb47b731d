"""What a register says about ratings and yearly tasks, as plain JSON: counts, sums, every row through the old
names, every warning, and what the services and the statistics read from them.

Computed through the program's own services and through plain SQL on ``ratings`` and ``task_assignments`` (the
names other code reads by), so the same function run by the program before the compact tables (m048, which made
``fixtures/before_m048.json``) and after them must give the same figures for the same register.
"""

from __future__ import annotations

import hashlib
import json

from tests.storage.register_figures import TODAY, YEARS, plain

SQL_FIGURES = {
    "ratings_by_year_level": "SELECT year, level, COUNT(*), SUM(score), COUNT(score), SUM(length(rule_code)),"
                             " COUNT(not_rated_reason), SUM(length(notes)) FROM ratings GROUP BY 1, 2 ORDER BY 1, 2",
    "ratings_by_reason": "SELECT not_rated_reason, COUNT(*) FROM ratings GROUP BY 1 ORDER BY 1",
    "tasks_by_year": "SELECT year, COUNT(*), SUM(length(task)), SUM(length(notes)) FROM task_assignments"
                     " GROUP BY 1 ORDER BY 1",
    "counts": "SELECT (SELECT COUNT(*) FROM members), (SELECT COUNT(*) FROM ratings),"
              " (SELECT COUNT(*) FROM task_assignments), (SELECT MAX(year) FROM ratings)",
    "ratings_by_cell": "SELECT m.cell_id, r.level, COUNT(*) FROM ratings r JOIN members m ON m.id = r.member_id"
                       " GROUP BY 1, 2 ORDER BY 1, 2",
}
ROW_DIGESTS = {
    "rating_rows": "SELECT id, member_id, year, level, score, rule_code, not_rated_reason, notes, created_at,"
                   " updated_at, typeof(score), typeof(not_rated_reason) FROM ratings ORDER BY member_id, year",
    "task_rows": "SELECT id, member_id, year, task, notes, created_at, updated_at FROM task_assignments"
                 " ORDER BY member_id, year",
}


def _digest(rows) -> str:
    return hashlib.sha256(json.dumps([list(r) for r in rows], ensure_ascii=False).encode("utf-8")).hexdigest()


def figures(db) -> dict:
    """Every figure of ratings and tasks the register gives, through SQL and through the services."""
    from tayninh_desktop.services import (
        dashboard,
        member_party_life,
        ratings,
        screening,
        statistics,
        warnings,
    )
    from tayninh_desktop.storage import dashboard_repo, ratings_repo, statistics_repo, stats_sql_repo

    out: dict = {name: [list(r) for r in db.execute(sql).fetchall()] for name, sql in SQL_FIGURES.items()}
    out.update({name: _digest(db.execute(sql).fetchall()) for name, sql in ROW_DIGESTS.items()})
    out["warnings"] = [plain(warnings.warning_as_dict(w)) for w in warnings.compute_warnings(db, today=TODAY)]
    out["incomplete_years"] = plain(ratings_repo.incomplete_years(db))
    out["latest_rated_year"] = ratings_repo.latest_rated_year(db)
    out["dashboard_latest"] = dashboard_repo.latest_rated_year(db)
    years = sorted({r[0] for r in db.execute("SELECT DISTINCT year FROM ratings")}) or list(YEARS)
    out["level_counts"] = {str(y): plain(ratings_repo.level_counts(db, y)) for y in years}
    out["quota"] = {str(y): plain(ratings.quota_check(db, y)) for y in years}
    out["dashboard_by_cell"] = {str(y): sorted(plain(dashboard_repo.ratings_by_cell(db, y)), key=json.dumps)
                                for y in years}
    out["rating_counts"] = {str(y): sorted(list(r) for r in stats_sql_repo.rating_counts(db, f"{y}-12-31", y, "[]"))
                            for y in years}
    out["ratings_for_years"] = plain(statistics_repo.ratings_for_years(db, set(years)))
    cells = [r[0] for r in db.execute("SELECT id FROM units WHERE unit_type = 'chi_bo' ORDER BY code")]
    out["rating_sheets"] = {c: {str(y): plain(ratings.rating_sheet(db, c, y)) for y in years} for c in cells[:4]}
    member_ids = [r[0] for r in db.execute(
        "SELECT member_id FROM ratings WHERE level IN ('khong_hoan_thanh', 'khong_xep_loai')"
        " UNION SELECT member_id FROM ratings WHERE score IS NOT NULL ORDER BY 1 LIMIT 8")]
    out["member_ratings"] = {m: plain(ratings.ratings_of(db, m)) for m in member_ids}
    out["member_tasks"] = {m: plain(ratings.tasks_of(db, m)) for m in member_ids}
    out["member_tasks_for"] = {m: {str(y): plain(ratings_repo.task_for(db, m, y)) for y in years} for m in member_ids}
    out["member_rating_for"] = {m: {str(y): plain(ratings_repo.rating_for(db, m, y)) for y in years}
                                for m in member_ids}
    out["member_party_life"] = {m: plain(member_party_life.member_party_life(db, m, 2026)) for m in member_ids}
    out["screening_warnings"] = _screening(db, screening)
    out["dashboard"] = _dashboard(db, dashboard)
    out["statistics"] = _statistics(db, statistics)
    return out


def _screening(db, screening) -> str:
    """Every screening sign of 2025 (the incomplete ratings among them)."""
    found = screening.run(db, 2025, today=TODAY)
    return _digest(sorted([json.dumps(plain(s), ensure_ascii=False, sort_keys=True)] for s in found.signs))


def _dashboard(db, dashboard) -> str:
    return _digest([[json.dumps(plain(dashboard.dashboard(db, today=TODAY)), ensure_ascii=False, sort_keys=True)]])


def _statistics(db, statistics) -> dict:
    """Every statistics form of 2025 (ratings counted among them): the figures of each."""
    out = {}
    for form_id, report in statistics.reports(db, "2025", today=TODAY).items():
        out[form_id] = _digest([[json.dumps(plain(report), ensure_ascii=False, sort_keys=True, default=str)]])
    return out
