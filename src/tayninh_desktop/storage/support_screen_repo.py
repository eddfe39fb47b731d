"""The screening of the register for the support programme, in one pass: every member on the register that
day with the year's household record, the count of running loans of eligible programmes and the last day
the member was told of the policy. Rows are tuples (the screen runs over 100,000 members)."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.dates import to_iso

# member_id, full_name, cell_id, status, classification, discharged, certificate_number, income, rural,
# eligible loans, last told_on
SCREEN_SQL = """
SELECT p.member_id, m.full_name, p.cell_id, p.status,
       h.classification, h.discharged, h.certificate_number, h.income_per_person, h.rural,
       (SELECT COUNT(*) FROM support_loans l WHERE l.member_id = p.member_id AND l.start_date <= :day
          AND l.end_date > :day AND l.programme IN ({programmes})) AS loans,
       (SELECT MAX(o.told_on) FROM support_outreach o WHERE o.member_id = p.member_id AND o.told_on <= :day) AS told
FROM member_periods p
JOIN members m ON m.id = p.member_id
LEFT JOIN support_households h ON h.member_id = p.member_id AND h.year = :year
WHERE p.present = 1 AND p.cell_id IS NOT NULL AND p.valid_from <= :day AND (p.valid_to IS NULL OR p.valid_to > :day)
  AND p.status IN ({statuses}) {cell_filter}
ORDER BY m.sort_key
"""


def screen_rows(db: Database, day: date, statuses: tuple[str, ...], programmes: tuple[str, ...],
                cell_id: str | None = None) -> list[tuple]:
    """The screening rows of the register on ``day`` (optionally one cell), in list order."""
    marks = {f"s{i}": s for i, s in enumerate(statuses)}
    progs = {f"p{i}": p for i, p in enumerate(programmes)} or {"p0": ""}
    sql = SCREEN_SQL.format(programmes=", ".join(":" + k for k in progs), statuses=", ".join(":" + k for k in marks),
                            cell_filter="AND p.cell_id = :cell" if cell_id else "")
    params = {"day": to_iso(day), "year": day.year, **marks, **progs}
    if cell_id:
        params["cell"] = cell_id
    return db.execute(sql, params).fetchall()


def earlier_households(db: Database, year: int) -> dict[str, tuple[int, str, str]]:
    """Per member, the latest record before ``year``: (year, classification, discharged) — a hint for the survey."""
    rows = db.execute("SELECT member_id, MAX(year), classification, discharged FROM support_households"
                      " WHERE year < ? GROUP BY member_id", [year]).fetchall()
    return {r[0]: (r[1], r[2], r[3]) for r in rows}
