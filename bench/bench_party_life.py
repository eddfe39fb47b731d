"""Benchmark of party life (issue 3): the committee's early warnings, and a year's attendance and dues
counts per member, each beside a hand-written SQL aggregate of the same counts.

    .venv/bin/python bench/bench_party_life.py [--members 100000] [--db PATH] [--year 2026] [--repeat 3]

Runs on the demo register (`tayninh-desktop demo --members N`, built once into bench/out/ unless --db
names one). Timed:
  * warnings: services.warnings.compute_warnings for the whole committee (every kind of warning);
    bare: the two SQL aggregates of unexcused-absence months and unpaid months per member this year,
    with the ≥ 2 filter, fetched (the core of the warnings, without names, cells, rules or the rest);
  * year counts: services.party_life.member_year_counts (per member, attendance and dues by state);
    bare: one GROUP BY per table over the same year, fetched as tuples.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import OUT, report, timed

# On the compact tables (m035: members and meetings by row id, states as codes, months as 202611), as one would
# write them by hand; the warnings' core is rows_bulk.BARE_WARNINGS.
from rows_bulk import BARE_WARNINGS, month_range

from tayninh_desktop.services.party_life import member_year_counts
from tayninh_desktop.services.warnings import compute_warnings
from tayninh_desktop.storage.db import open_database

BARE_COUNTS = [
    """SELECT a.member_row, a.state, COUNT(*) FROM meetings m JOIN attendance_compact a ON a.meeting_row = m.rowid
       WHERE m.meeting_date BETWEEN ? AND ? GROUP BY a.member_row, a.state""",
    "SELECT member_row, state, COUNT(*) FROM dues_compact WHERE month BETWEEN ? AND ? GROUP BY member_row, state",
]


def build(members: int, path: Path) -> None:
    import subprocess

    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tayninh_desktop", "demo", "--members", str(members), "--db", str(path)],
                   check=True)
    print(f"built {path.name} in {time.perf_counter() - started:.1f} s ({path.stat().st_size / 2**20:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--year", type=int, default=date.today().year)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = args.db or OUT / f"party-life-{args.members}.sqlite3"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        build(args.members, path)
    db = open_database(path)
    raw = sqlite3.connect(str(path))
    today = date(args.year, 12, 31) if args.year < date.today().year else date.today()
    rows = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("members", "meetings",
                                                                              "attendance_compact", "dues_compact",
                                                                              "ratings")}
    print(f"{path.name}: " + ", ".join(f"{n:,} {t}" for t, n in rows.items()) + f"; year {args.year}")

    warnings = compute_warnings(db, today=today)
    print(f"  {len(warnings)} warnings")
    year_range = (f"{args.year}-01-01", today.isoformat())
    months = month_range(args.year, today)
    report("warnings, whole committee", timed(lambda: compute_warnings(db, today=today), args.repeat),
           timed(lambda: [raw.execute(BARE_WARNINGS[0], year_range).fetchall(),
                          raw.execute(BARE_WARNINGS[1], months).fetchall()], args.repeat))
    counts = member_year_counts(db, args.year)
    print(f"  {len(counts):,} members with counts")
    report("year counts per member (attendance + dues)", timed(lambda: member_year_counts(db, args.year), args.repeat),
           timed(lambda: [raw.execute(BARE_COUNTS[0], (f"{args.year}-01-01", f"{args.year}-12-31")).fetchall(),
                          raw.execute(BARE_COUNTS[1], (args.year * 100 + 1, args.year * 100 + 12)).fetchall()],
                 args.repeat))


if __name__ == "__main__":
    main()
