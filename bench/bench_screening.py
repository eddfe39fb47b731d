"""Benchmark of the screening (issue 12): every detector for a year over the demo register, beside hand-written SQL
for the two count rules, and the screening page on that register.

    .venv/bin/python bench/bench_screening.py [--members 100000] [--db PATH] [--year 2026] [--repeat 3]

Runs on the demo register (`tayninh-desktop demo --members N`, built once into bench/out/ unless --db names one;
the 100,000-member build takes minutes). Timed:
  * screening a year: services.screening.run for the whole committee — every detector in force (absences, unpaid
    dues, the grounds of earlier years still open, two years not completed, a new violation under discipline,
    members away, twelve months of help, probation, facts reported), the members' names and cells, sorted;
    bare: the two count rules by hand — members with ≥ 3 months of unexcused absence, and with ≥ 3 months of dues
    unpaid without reason, in the year (two GROUP BY … HAVING queries, fetched);
  * the screening page: built and shown at 1366×768 offscreen until its signs and cases are on screen (the worker
    runs inline here), then a change of cell and the cases list reloaded.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import CPU_TIMES, demo_db, peak_mb, report, timed

from tayninh_desktop.services import screening
from tayninh_desktop.storage.db import open_database

BARE = [
    """SELECT a.member_id, COUNT(DISTINCT substr(m.meeting_date, 1, 7)) AS n FROM attendance a
       JOIN meetings m ON m.id = a.meeting_id WHERE a.state = 'vang_khong_ly_do' AND m.meeting_date BETWEEN ? AND ?
       AND m.kind = 'thuong_ky' GROUP BY a.member_id HAVING n >= 3""",
    """SELECT member_id, COUNT(*) AS n FROM dues WHERE state = 'chua_dong' AND month BETWEEN ? AND ?
       GROUP BY member_id HAVING n >= 3""",
]


def bench_detectors(db, raw, year: int, today: date, repeat: int) -> None:
    run = screening.run(db, year, today=today)
    by_level: dict[str, int] = {}
    for sign in run.signs:
        by_level[sign.level.value] = by_level.get(sign.level.value, 0) + 1
    print(f"  {len(run.signs):,} signs for {run.members:,} members: {by_level}")
    as_of = min(today, date(year, 12, 31))
    days, months = (f"{year}-01-01", as_of.isoformat()), (f"{year}-01", as_of.strftime("%Y-%m"))
    bare = [len(raw.execute(BARE[0], days).fetchall()), len(raw.execute(BARE[1], months).fetchall())]
    print(f"  hand SQL: {bare[0]:,} members ≥ 3 months absent, {bare[1]:,} ≥ 3 months unpaid (this year only)")
    cpu_before = len(CPU_TIMES)
    ours = timed(lambda: screening.run(db, year, today=today), repeat)
    cpu = CPU_TIMES[cpu_before:]
    report("screening a year, every detector", ours,
           timed(lambda: [raw.execute(BARE[0], days).fetchall(), raw.execute(BARE[1], months).fetchall()], repeat))
    print(f"  CPU of the screening: median {sorted(cpu)[len(cpu) // 2]:.0f} ms")
    # The same two count rules alone, through the program: only the two ground detectors loaded (and, as the
    # program always does, their grounds of the earlier years still open, with names and cells).
    from tayninh_desktop.domain.screening_rules import DetectorSet

    found = screening.detectors()
    two = DetectorSet(tuple(d for d in found.detectors if d.code in ("bo_sinh_hoat_3_thang",
                                                                     "khong_dong_dang_phi_3_thang")))
    shipped = screening.detectors
    screening.detectors = lambda folder=None: two
    try:
        report("the two count rules alone, through the program", timed(lambda: screening.run(db, year, today=today),
                                                                         repeat),
               timed(lambda: [raw.execute(BARE[0], days).fetchall(), raw.execute(BARE[1], months).fetchall()], repeat))
    finally:
        screening.detectors = shipped


def bench_page(path: Path, today: date) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.ui.context import UiContext
    from tayninh_desktop.ui.pages.screening_page import ScreeningPage
    from tayninh_desktop.ui.tasks import TaskRunner

    TaskRunner.synchronous = True
    app = QApplication.instance() or QApplication([])
    db = open_database(path)
    context = UiContext(db, Actor("bench"), str(path))
    started = time.perf_counter()
    page = ScreeningPage(context, today=today)
    page.resize(1366, 768)
    page.show()
    page.refresh()
    app.processEvents()
    shown = (time.perf_counter() - started) * 1000
    print(f"screening page shown with {page.signs_model.rowCount():,} signs and {page.cases_model.rowCount()} cases:"
          f" {shown:.0f} ms (of which the screening on the worker)")
    report("page: change of cell (signs narrowed, cases reloaded)",
           timed(lambda: (page.cell_filter.setCurrentIndex(page.cell_filter.currentIndex() % 40 + 1),
                          app.processEvents()), 5))
    report("page: cases list reloaded", timed(page.load_cases, 5))
    print(f"peak memory {peak_mb():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--year", type=int, default=date.today().year)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = args.db or demo_db(args.members)
    db = open_database(path)
    raw = sqlite3.connect(str(path))
    today = date.today() if args.year >= date.today().year else date(args.year, 12, 31)
    rows = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("members", "attendance", "dues",
                                                                              "cases")}
    print(f"{path.name}: " + ", ".join(f"{n:,} {t}" for t, n in rows.items()) + f"; year {args.year}")
    bench_detectors(db, raw, args.year, today, args.repeat)
    bench_page(path, today)


if __name__ == "__main__":
    main()
