"""Benchmark of the support programme (issue 13): the eligibility screen over the demo register with its
households, loans and outreach, beside a hand-written SQL query that returns the same list.

    .venv/bin/python bench/bench_support.py [--members 100000] [--db PATH] [--repeat 3]

Runs on the demo register (`tayninh-desktop demo --members N`, built once into bench/out/ unless --db names
one; the demo now holds households, loans, interest paid, presentations, applications and the fund). Timed:
  * screen: services.support_screening.run_screen for the whole committee (the list the page and
    `support screen` show: basis, categories, missing criteria with last year's hint, told or not);
    bare: one SQL statement computing the basis in a CASE, with the same joins, fetched as tuples;
  * home counts: the per-cell counts of possibly eligible members not told (the home page's line);
  * CLI: `tayninh-desktop support screen --json` in a new process (interpreter start and imports included).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import OUT, report, timed

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.services import support_reference, support_screening
from tayninh_desktop.storage.db import open_database

BARE = """
SELECT p.member_id, m.full_name, p.cell_id, p.status, h.classification,
       CASE WHEN h.classification IN ('ngheo', 'can_ngheo', 'muc_song_trung_binh') OR h.discharged <> ''
              THEN 'doi_tuong'
            WHEN h.classification IS NOT NULL THEN NULL
            WHEN EXISTS (SELECT 1 FROM support_loans l WHERE l.member_id = p.member_id AND l.start_date <= :day
                           AND l.end_date > :day AND l.programme IN ({programmes})) THEN 'khoan_vay'
            ELSE 'chua_ro' END AS basis,
       (SELECT MAX(o.told_on) FROM support_outreach o WHERE o.member_id = p.member_id AND o.told_on <= :day) AS told
FROM member_periods p
JOIN members m ON m.id = p.member_id
LEFT JOIN support_households h ON h.member_id = p.member_id AND h.year = :year
WHERE p.present = 1 AND p.cell_id IS NOT NULL AND p.valid_from <= :day AND (p.valid_to IS NULL OR p.valid_to > :day)
  AND p.status IN ('du_bi', 'chinh_thuc', 'mien_sinh_hoat', 'di_lam_an_xa', 'chuyen_tam_thoi_di')
  AND basis IS NOT NULL
ORDER BY m.sort_key
"""


def build(members: int, path: Path) -> None:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tayninh_desktop", "demo", "--members", str(members), "--db", str(path)],
                   check=True)
    print(f"built {path.name} in {time.perf_counter() - started:.1f} s ({path.stat().st_size / 2**20:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = args.db or OUT / f"support-{args.members}.sqlite3"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        build(args.members, path)
    db = open_database(path)
    raw = sqlite3.connect(str(path))
    actor = Actor("bench")
    today = date.today()
    counts = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("members", "support_households", "support_loans", "support_interest_payments",
                        "support_outreach", "support_applications", "fund_entries")}
    print(f"{path.name}: " + ", ".join(f"{n:,} {t}" for t, n in counts.items()))
    programmes = sorted(support_reference.book(db).production_codes())
    sql = BARE.format(programmes=", ".join(f"'{p}'" for p in programmes))
    params = {"day": today.isoformat(), "year": today.year}
    result = support_screening.run_screen(db, actor, today)
    bare_rows = raw.execute(sql, params).fetchall()
    print(f"  screen: {len(result.lines):,} members listed ({result.counts()}); bare SQL: {len(bare_rows):,} rows")
    report("eligibility screen, whole committee", timed(lambda: support_screening.run_screen(db, actor, today),
                                                        args.repeat),
           timed(lambda: raw.execute(sql, params).fetchall(), args.repeat))
    report("home page: untold per cell", timed(lambda: support_screening.untold_counts(db, actor, today),
                                               args.repeat))
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "tayninh_desktop", "support", "screen", "--json", "--db", str(path)],
                         capture_output=True, text=True, check=True).stdout
    elapsed = (time.perf_counter() - started) * 1000
    print(f"{'support screen --json, new process':<46} {elapsed:8.1f} ms   ({len(json.loads(out)['members']):,} members,"
          f" {len(out) / 2**20:.1f} MB of JSON)")


if __name__ == "__main__":
    main()
