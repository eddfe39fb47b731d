"""The official statistics on the demo register: every form of a period, beside a hand SQL count.

    .venv/bin/python bench/bench_statistics.py [--members 100000] [--period 2026] [--today 27/11/2026]
        [--repeat 5] [--oracle]

Measured: Biểu 1 through the service (both printed columns: this period and the same period last year,
counted with SQL over the register's projection); every form of the period (Biểu 1, 2, 2B, 3, 4, 6, 7,
both columns); `statistics show` and `statistics check` in a new process (wall time and peak memory). The
bare baseline is Biểu 1 counted by hand in SQL (the member_periods projection for the opening and closing
lists, member_events for the flows), for this period alone and for both columns, printed beside ours so a
difference shows. ``--oracle`` also folds every history in Python (the domain's oracle) and compares
every figure of every form with the SQL count (slow: seconds and hundreds of MB at 100,000 members).
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


def in_new_process(args: list[str]) -> tuple[float, float]:
    """(wall ms, peak MB) of `tayninh-desktop ARGS` in a new process."""
    script = ("import resource, subprocess, sys, time; t = time.perf_counter(); subprocess.run(sys.argv[1:],"
              " stdout=subprocess.DEVNULL); print(time.perf_counter() - t,"
              " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", script, sys.executable, "-m", "tayninh_desktop", *args],
                         check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]) * 1000, int(out[1]) / 1024


def compare_with_the_oracle(db, period: str, today: date) -> None:
    """Every figure of every form, SQL against the fold of every history in Python."""
    p = parse_period(period)
    started = time.perf_counter()
    register = statistics.load_register(db, {p.year, p.year - 1})
    folded = statistics.reports(db, period, today=today, register=register)
    print(f"oracle: read and fold every history, count every form: {time.perf_counter() - started:.1f} s")
    counted = statistics.reports(db, period, today=today)
    differences = 0
    for form_id, ours in counted.items():
        for column in ("current", "previous"):
            mine, theirs = getattr(ours, column), getattr(folded[form_id], column)
            if mine is not None and dict(mine.values) != dict(theirs.values):
                differences += 1
                print(f"  ≠ {form_id} {column}")
    print(f"oracle: {sum(len(r.current.values) for r in counted.values())} figures a column, "
          f"{differences} forms differ")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--period", default="2026")
    parser.add_argument("--today", default="27/11/2026")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--oracle", action="store_true")
    args = parser.parse_args()
    path = demo_db(args.members)
    today = parse_vn_date(args.today)
    db = open_database(path)
    window = window_for(parse_period(args.period), today)
    before = window.same_period_last_year()
    print(f"{path.name}: {db.execute('SELECT COUNT(*) FROM members').fetchone()[0]:,} members, "
          f"{db.execute('SELECT COUNT(*) FROM member_events').fetchone()[0]:,} events; period {window.period.code}")

    hand = timed(lambda: hand_bieu_1(db.conn, window.start, window.end), args.repeat)
    hand_both = timed(lambda: (hand_bieu_1(db.conn, window.start, window.end),
                               hand_bieu_1(db.conn, before.start, before.end)), args.repeat)
    one = timed(lambda: statistics.report(db, "bieu_1", args.period, today=today), args.repeat)
    every = timed(lambda: statistics.reports(db, args.period, today=today), args.repeat)
    checked = timed(lambda: statistics.check(db, args.period, today=today), args.repeat)
    report("Biểu 1 by hand in SQL, this period (bare)", hand)
    report("Biểu 1 by hand in SQL, both columns (bare)", hand_both)
    report("Biểu 1 through the service, both columns", one, hand_both)
    report("every form of the period, both columns", every)
    report("statistics check (every form, checked)", checked)
    print(f"peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    common = ["--db", str(path), "--today", args.today, "--period", args.period]
    for name, command in (("statistics show --form bieu_1", ["statistics", "show", "--form", "bieu_1", *common]),
                          ("statistics check", ["statistics", "check", *common])):
        runs = [in_new_process(command) for _ in range(3)]
        print(f"{name + ' (new process)':<46} median {sorted(r[0] for r in runs)[1]:8.1f} ms   "
              f"peak {max(r[1] for r in runs):5.0f} MB")

    ours = statistics.report(db, "bieu_1", args.period, today=today)
    figures = hand_bieu_1(db.conn, window.start, window.end), hand_bieu_1(db.conn, before.start, before.end)
    print("row   ours     hand SQL   | same period last year: ours  hand SQL")
    for key in ("A", *FLOWS, "D"):
        now, then = ours.current.value(key), ours.previous.value(key)
        same = now == figures[0][key] and then == figures[1][key]
        print(f"{key:<5} {now:>7,} {figures[0][key]:>9,}   | {then:>27,} {figures[1][key]:>9,}{'' if same else '   ≠'}")
    if args.oracle:
        compare_with_the_oracle(db, args.period, today)


if __name__ == "__main__":
    main()
