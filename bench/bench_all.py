"""Every row of issue 11's table in one run, each beside its bare baseline, with the ratio and the peak memory.

    .venv/bin/python bench/bench_all.py [--members 100000] [--repeat 5] [--rounds 3] [--only startup,pdf]
                                        [--demo] [--yardstick]

Runs on the demo register of --members (bench/out/demo-<N>-2026.sqlite3, built once and reused; the list PDF
uses the 1,000-member demo and the import the flat export of the 10,000-member one, both built once too).
Each side of each row runs in a child process of its own, so its peak memory (ru_maxrss) is its own; a
row that starts processes (start-up, `members list --json`) reports the largest of those. Times are medians
of --repeat runs (search: every keystroke of --rounds rounds of typing ten names, with the p95), after one
run not counted, with the program's bytecode compiled first. The CPU column (the process and its children)
varies much less than the wall time when other work shares the machine.
The demo row reports the figures of the build of the register it runs on unless --demo builds a new one
(minutes at 100,000 members). The table is also written to bench/out/bench_all.md.

--yardstick also runs the program the issue measured (bench/yardstick.py: 02dd456, its own demo built once and
rebuilt with --demo, its start-up beside ours) and judges the two absolute targets (350 ms, 30 s) scaled by how
much slower this host runs that program than the machine of the issue's figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import rows_bulk
import rows_window
import yardstick
from common import CPU_TIMES, OUT, children_peak_mb, demo_db, demo_figures_path, p95, peak_mb


@dataclass(frozen=True)
class Row:
    key: str
    path: str
    bare_label: str
    ours: object
    bare: object
    target: str                    # as the issue writes it
    limit: tuple[str, float]       # ("ms", 350) median; ("p95", 25) p95 in ms; ("ratio", 1.3) of the medians
    samples: str = "repeat"        # "repeat" or "rounds" (search keystrokes)
    memory: str = "self"           # "self" or "children" (the processes the row starts)


ROWS = (
    Row("startup", "process start → register usable", "bare QMainWindow + QTableView", rows_window.startup_ours,
        rows_window.startup_bare, "≤ 350 ms", ("ms", 350), memory="children"),
    Row("search_repaint", "search keystroke incl. table repaint", "bare QTableView with FTS",
        rows_window.search_repaint_ours, rows_window.search_repaint_bare, "p95 ≤ 25 ms", ("p95", 25),
        samples="rounds"),
    Row("search_model", "search keystroke, model only", "FTS5 query", rows_window.search_model_ours,
        rows_window.search_model_bare, "≤ 2×", ("ratio", 2.0), samples="rounds"),
    Row("warnings", "warnings, whole committee", "hand SQL", rows_bulk.warnings_ours, rows_bulk.warnings_bare,
        "≤ 1.5×", ("ratio", 1.5)),
    Row("warnings_facts", "warnings, whole committee (the same facts by hand)", "hand SQL of every fact",
        rows_bulk.warnings_ours, rows_bulk.warning_facts_bare, "≤ 1.5×", ("ratio", 1.5)),
    Row("list_json", "`members list --json`, 100k", "sqlite3 + json", rows_bulk.list_json_ours,
        rows_bulk.list_json_bare, "≤ 1.3×", ("ratio", 1.3), memory="children"),
    Row("import", "`members import --dry-run`, 10k rows", "openpyxl read-only", rows_bulk.import_ours,
        rows_bulk.import_bare, "≤ 1.5×", ("ratio", 1.5)),
    Row("pdf", "list PDF, 1,000 members", "reportlab LongTable, same table and frame", rows_bulk.pdf_ours, rows_bulk.pdf_bare, "≤ 1.3×",
        ("ratio", 1.3)),
)
BY_KEY = {row.key: row for row in ROWS}


def run_child(args) -> None:
    """One side of one row, in this process: print its times and peak memory as one JSON line."""
    row = BY_KEY[args.child[0]]
    function = row.ours if args.child[1] == "ours" else row.bare
    count = args.rounds if row.samples == "rounds" else args.repeat
    times = function(Path(args.db), count)
    memory = children_peak_mb() if row.memory == "children" else peak_mb()
    print(json.dumps({"times": times, "cpu": CPU_TIMES, "peak_mb": memory}))


def measure(row: Row, side: str, args) -> dict:
    command = [sys.executable, __file__, "--child", row.key, side, "--db", str(args.db), "--repeat",
               str(args.repeat), "--rounds", str(args.rounds)]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def verdict(row: Row, ours: list[float], bare: list[float], factor: float | None = None) -> tuple[float, str]:
    """The ratio to the bare side, and whether the target is met; ``factor``: an absolute target (ms) scaled by how
    much slower this host runs the issue's program (yardstick)."""
    ratio = statistics.median(ours) / statistics.median(bare)
    kind, limit = row.limit
    value = {"ms": statistics.median(ours), "p95": p95(ours), "ratio": ratio}[kind]
    if kind == "ms" and factor is not None:
        return ratio, f"{'yes' if value <= limit * factor else 'NO'} (≤ {limit * factor:,.0f} ms here)"
    return ratio, "yes" if value <= limit else "NO"


def ms(value: float) -> str:
    return f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"


def format_row(row: Row, ours: dict, bare: dict, factor: float | None = None) -> list[str]:
    o, b = ours["times"], bare["times"]
    ratio, met = verdict(row, o, b, factor)
    now = ms(statistics.median(o)) + (f", p95 {ms(p95(o))}" if row.samples == "rounds" else "")
    base = ms(statistics.median(b)) + (f", p95 {ms(p95(b))}" if row.samples == "rounds" else "")
    cpu = f"{ms(statistics.median(ours['cpu']))} / {ms(statistics.median(bare['cpu']))}"
    if row.samples == "rounds":
        cpu += f" (p95 {ms(p95(ours['cpu']))} / {ms(p95(bare['cpu']))})"
    return [row.path, f"{row.bare_label} {base}", now, f"{ratio:.2f}×", row.target, met,
            f"{ours['peak_mb']:,.0f} / {bare['peak_mb']:,.0f} MB", cpu]


def demo_rows(args, yard: dict | None) -> list[list[str]]:
    members = args.members
    figures = rows_bulk.demo_build(members) if args.demo else None
    if figures is None:
        recorded = demo_figures_path(args.db)
        figures = json.loads(recorded.read_text(encoding="utf-8")) if recorded.exists() else {}
        figures["file_mb"] = rows_bulk.file_mb(args.db)
    source = "built now" if args.demo else "its build"
    seconds = f"{figures['seconds']:.0f} s, peak {figures['peak_mb']:,.0f} MB ({source})" \
        if "seconds" in figures else "not recorded (run with --demo)"
    limit = 30 * (yard["demo_factor"] if yard else 1)
    fast = "seconds" in figures and figures["seconds"] <= limit and figures["peak_mb"] <= 300
    met = ("yes" if fast else "NO") + (f" (≤ {limit:.0f} s here)" if yard else "")
    per_member_year = figures["file_mb"] * 1000 / (members * 3)
    return [[f"`demo --members {members}`", "—", seconds, "—", "≤ 30 s, ≤ 300 MB", met, "", ""],
            [f"database file, {members // 1000}k × 3 years", "—",
             f"{figures['file_mb']:,.0f} MB ({per_member_year:.1f} KB per member-year)", "—", "≤ 700 MB",
             "yes" if figures["file_mb"] <= 700 * members / 100_000 else "NO", "", ""]]


HEADER = ["path", "bare baseline", "ours", "ratio", "target", "met", "peak memory ours / bare",
          "CPU ours / bare (median)"]


def print_table(lines: list[list[str]]) -> str:
    widths = [max(len(line[i]) for line in [HEADER, *lines]) for i in range(len(HEADER))]
    for line in [HEADER, *lines]:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)))
    markdown = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    markdown += ["| " + " | ".join(line) + " |" for line in lines]
    return "\n".join(markdown) + "\n"


def warm_bytecode() -> None:
    """Compile the program's modules now: with PYTHONDONTWRITEBYTECODE set, every start would compile them."""
    import compileall

    import tayninh_desktop

    compileall.compile_dir(Path(tayninh_desktop.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", help="comma-separated row keys: " + ", ".join(BY_KEY))
    parser.add_argument("--demo", action="store_true", help="build a new demo register and time it")
    parser.add_argument("--yardstick", action="store_true",
                        help="time the issue's program (02dd456) here too and scale the absolute targets by it")
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args)
        return
    args.db = demo_db(args.members)
    warm_bytecode()
    keys = args.only.split(",") if args.only else list(BY_KEY)
    print(f"workload: {args.db.name}; medians of {args.repeat} (search: {args.rounds} rounds of typing)")
    yard = yardstick_line = None
    if args.yardstick and args.members == yardstick.MEMBERS:
        yard = yardstick.measure(args.repeat, rebuild=args.demo)
        yardstick_line = (
            f"yardstick: the issue's program ({yardstick.REVISION}) on this host: demo {yard['demo_s']:.1f} s"
            f" (built {yard['demo_when']}; the issue: {yardstick.ISSUE_DEMO_S:.0f} s, so {yard['demo_factor']:.2f}×),"
            f" start-up {yard['startup_ms']:,.0f} ms (the issue: {yardstick.ISSUE_STARTUP_MS:.0f} ms, so"
            f" {yard['startup_factor']:.2f}×)")
        print(yardstick_line, flush=True)
    lines = []
    for key in keys:
        row = BY_KEY[key]
        factor = yard["startup_factor"] if yard and key == "startup" else None
        lines.append(format_row(row, measure(row, "ours", args), measure(row, "bare", args), factor))
        print("  " + " | ".join(lines[-1]), flush=True)
    if not args.only or args.demo:
        lines += demo_rows(args, yard)
    print()
    markdown = print_table(lines) + (f"\n{yardstick_line}\n" if yardstick_line else "")
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_all.md").write_text(markdown, encoding="utf-8")


if __name__ == "__main__":
    main()
