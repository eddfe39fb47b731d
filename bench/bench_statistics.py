"""The official statistics on the demo register: every form of a period, beside a hand SQL count.

    .venv/bin/python bench/bench_statistics.py [--members 100000] [--period 2026] [--today 27/11/2026] [--repeat 3]

Measured: reading the register for the forms (members, every event, awards, ratings, transfer scopes)
and folding each member's history; computing all seven forms for the period and the same period
last year; Biểu 1 alone through the service (read + fold + compute); the `statistics show` command in
a new process. The bare baseline is Biểu 1 counted by hand in SQL (the member_periods projection for
the opening and closing lists, member_events for the flows); the figures of both are printed side by
side so a difference shows.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from datetime import date

from common import demo_db, report, timed

from tayninh_desktop.domain.dates import parse_vn_date
from tayninh_desktop.domain.stats_period import parse_period, window_for
from tayninh_desktop.services import statistics
from tayninh_desktop.storage.db import open_database

FLOWS = {"B.1": ("ket_nap", "ket_nap_lai"), "B.2": ("chuyen_den",), "B.3": ("phuc_hoi_dang_tich",),
         "C.1": ("tu_tran",), "C.2": ("khai_tru",), "C.3": ("xoa_ten", "dinh_cu_nuoc_ngoai"),
         "C.4": ("ra_khoi_dang",), "C.5": ("chuyen_di",)}


def hand_bieu_1(conn, start: date, end: date) -> dict[str, int]:
    """Biểu 1 straight from SQL: the lists on two days and the events in between."""
    def on_list(day: date) -> int:
        d = day.isoformat()
        return conn.execute("SELECT COUNT(*) FROM member_periods WHERE valid_from <= ? AND (valid_to IS NULL"
                            " OR valid_to > ?) AND present = 1 AND status <> 'sinh_hoat_tam_thoi'", [d, d]).fetchone()[0]

    out = {"A": on_list(date.fromordinal(start.toordinal() - 1)), "D": on_list(end)}
    for key, kinds in FLOWS.items():
        marks = ",".join("?" * len(kinds))
        out[key] = conn.execute(f"SELECT COUNT(*) FROM member_events WHERE kind IN ({marks})"
                                " AND event_date BETWEEN ? AND ?", [*kinds, start.isoformat(), end.isoformat()]
                                ).fetchone()[0]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--period", default="2026")
    parser.add_argument("--today", default="27/11/2026")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = demo_db(args.members)
    today = parse_vn_date(args.today)
    db = open_database(path)
    window = window_for(parse_period(args.period), today)
    print(f"{path.name}: {db.execute('SELECT COUNT(*) FROM members').fetchone()[0]:,} members, "
          f"{db.execute('SELECT COUNT(*) FROM member_events').fetchone()[0]:,} events; period {window.period.code}")

    hand = timed(lambda: hand_bieu_1(db.conn, window.start, window.end), args.repeat)
    years = {window.period.year, window.period.year - 1}
    read = timed(lambda: statistics.load_register(db, years), args.repeat)
    every = []
    for _ in range(args.repeat):          # each time on a register read afresh (nothing counted yet)
        register = statistics.load_register(db, years)
        every += timed(lambda register=register: statistics.reports(db, args.period, today=today,
                                                                    register=register), 1)
    one = timed(lambda: statistics.report(db, "bieu_1", args.period, today=today), args.repeat)
    cli = timed(lambda: subprocess.run([sys.executable, "-m", "tayninh_desktop", "statistics", "show", "--form",
                                        "bieu_1", "--period", args.period, "--today", args.today, "--db",
                                        str(path), "--json"], check=True, capture_output=True), args.repeat)
    report("Biểu 1 by hand in SQL (bare)", hand)
    report("read + fold the register for the forms", read)
    report("all 7 forms, period and year before (counting)", every)
    report("Biểu 1 through the service (read+fold+compute)", one, hand)
    report("statistics show --form bieu_1 (new process)", cli, hand)
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    ours = statistics.report(db, "bieu_1", args.period, today=today).current
    figures = hand_bieu_1(db.conn, window.start, window.end)
    print("row   ours     hand SQL")
    for key in ("A", *FLOWS, "D"):
        print(f"{key:<5} {ours.value(key):>7,} {figures[key]:>9,}{'' if ours.value(key) == figures[key] else '   ≠'}")
    started = time.perf_counter()
    found = statistics.check(db, args.period, today=today)
    print(f"check of every form: {len(found.errors)} errors, {len(found.warnings)} warnings "
          f"({(time.perf_counter() - started) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
