"""Benchmark of importing a 10,000-row member list (issue 4), beside openpyxl alone reading it.

    .venv/bin/python bench/bench_import.py [--members 10000] [--layout flat|mau7] [--repeat 3]

Builds the demo register (`tayninh-desktop demo`, reused from bench/out/), times the export of
the whole register in both layouts (`members export`: Mẫu 7-HSĐV with its three bordered rows per
member and the members who left during the year, and the flat list), then times on the exported file:
  * bare: openpyxl in read-only mode iterating every cell value (what any reader must pay);
  * read: our reader + layout detection (fonts, merged ranges, legacy decoding per cell);
  * dry run: read + plan (conversion, form checks, matching) into a fresh register with the same cells;
  * import: dry run + the one-transaction write into a fresh register;
  * re-import: the same file again into the filled register (every row unchanged).
Budget (design.md §7): importing a 10,000-row xlsx ≤ 5 s.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import OUT, demo_db, report, timed

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.services import exporting, importing, organisation
from tayninh_desktop.storage.db import open_database

ACTOR = Actor("bench")


def bare_openpyxl(path: Path) -> int:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for row in book.active.iter_rows(values_only=True):
        cells += sum(v is not None for v in row)
    book.close()
    return cells


def empty_register(source_db: Path, target: Path) -> Path:
    """A fresh register with the same committee cells as the demo (codes and names)."""
    template = OUT / f"empty-like-{source_db.stem}.sqlite3"
    if not template.exists():
        src = open_database(source_db)
        cells = organisation.cells(src, include_closed=False)
        src.conn.close()
        db = open_database(template, create=True)
        organisation.initialise(db, ACTOR, unit_code="HT", unit_name="Đảng ủy xã Hưng Thuận",
                                superior_name="Tỉnh ủy Tây Ninh")
        for cell in cells:
            organisation.create_unit(db, ACTOR, code=cell.code, name=cell.name)
        db.conn.close()
    for suffix in ("", "-wal", "-shm"):
        target_part = Path(str(target) + suffix)
        target_part.unlink(missing_ok=True)
    shutil.copy(template, target)
    return target


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=10000)
    parser.add_argument("--layout", choices=("flat", "mau7"), default="flat")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    source_db = demo_db(args.members)
    xlsx = OUT / f"export-{args.members}-{args.layout}.xlsx"
    rows: dict[str, tuple[int, int]] = {}
    for layout in ("mau7", "flat"):
        target = OUT / f"export-{args.members}-{layout}.xlsx"
        db = open_database(source_db)

        def export(layout=layout, target=target, db=db):
            result = exporting.export_members(db, ACTOR, target, layout=layout)
            rows[layout] = (result.count, result.left)

        report(f"export {layout} ({'Mẫu 7-HSĐV' if layout == 'mau7' else 'danh sách'})", timed(export, args.repeat))
        db.conn.close()
        count, left = rows[layout]
        print(f"    {count} members + {left} who left this year; file {target.stat().st_size // 1024} KiB")

    bare = timed(lambda: bare_openpyxl(xlsx), args.repeat)
    report("openpyxl read-only, every cell (bare)", bare)

    def read():
        db = open_database(empty_register(source_db, OUT / "bench-import.sqlite3"))
        importing.open_source(db, xlsx)
        db.conn.close()

    report("read + find table (ours)", timed(read, args.repeat), bare)

    counts = {}

    def dry_run():
        db = open_database(empty_register(source_db, OUT / "bench-import.sqlite3"))
        plan = importing.plan_import(db, importing.open_source(db, xlsx))
        counts.update(plan.counts)
        db.conn.close()

    report("dry run: read + check + match", timed(dry_run, args.repeat), bare)

    def real():
        db = open_database(empty_register(source_db, OUT / "bench-import.sqlite3"))
        result = importing.import_file(db, ACTOR, xlsx)
        assert result.applied, result.plan.counts
        db.conn.close()

    report("import: dry run + one transaction", timed(real, args.repeat), bare)

    filled = OUT / "bench-import.sqlite3"

    def again():
        db = open_database(filled)
        result = importing.import_file(db, ACTOR, xlsx)
        assert result.plan.counts["unchanged"] == counts["added"], result.plan.counts
        db.conn.close()

    report("re-import the same file (all unchanged)", timed(again, args.repeat), bare)
    print(f"rows: {counts}")


if __name__ == "__main__":
    main()
