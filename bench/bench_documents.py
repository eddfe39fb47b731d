"""Benchmark of printed documents: a 1,000-member list beside reportlab drawing the same table bare.

    .venv/bin/python bench/bench_documents.py [--members 1000] [--repeat 3]

The bare baseline is a plain platypus LongTable of the same strings in the same embedded font,
with the same column widths and a repeated header row, and nothing else: the ratio is what the
party frame, the form definition and the field filling cost on top of reportlab. Budget
(design.md §7): a 1,000-member list PDF in ≤ 2 s.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, SimpleDocTemplate, TableStyle

from tayninh_desktop.documents.engine import render
from tayninh_desktop.documents.fields import format_value
from tayninh_desktop.documents.fonts import REGULAR, register_fonts
from tayninh_desktop.documents.forms import get_form
from tayninh_desktop.domain.documents import DocumentHeader

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Thị Ánh", "Văn", "Hữu", "Ngọc", "Thị", "Đức", "Minh", "Quốc"]
GIVEN = ["Tuyết", "Hùng", "Đào", "Ánh", "Thư", "Lộc", "Phượng", "Dũng", "Hạnh", "Khải", "Nguyệt", "Ưng"]


def synthetic_members(n: int) -> list[dict]:
    """Rows shaped like the register's (phase 2 reads the demo register instead)."""
    return [{
        "full_name": f"{FAMILY[i % 10]} {MIDDLE[i % 8]} {GIVEN[i % 12]}",
        "birth_date": date(1950 + i % 50, 1 + i % 12, 1 + i % 28),
        "gender": "Nữ" if i % 3 == 0 else "Nam",
        "joined_on": date(1975 + i % 45, 5, 19),
        "full_member_on": date(1976 + i % 45, 5, 19),
        "card_number": f"{76_000_000 + i:08d}",
        "notes": "",
    } for i in range(n)]


def context(rows: list[dict]) -> dict:
    header = DocumentHeader("Đảng bộ xã Tân Ninh", "Chi bộ ấp Tân Trung", "CB", "Tân Ninh", on=date(2026, 2, 5))
    return {"header": header, "unit_name": "Đảng bộ xã Tân Ninh", "as_of": date(2026, 2, 5), "members": rows,
            "member_count": len(rows), "committee_name": "Đảng ủy xã Tân Ninh", "signer_name": "Nguyễn Thị Ánh Tuyết"}


def bare_table(rows: list[dict], out: io.BytesIO) -> None:
    """The baseline: the same cells as strings in a LongTable, same font, same widths."""
    register_fonts()
    form = get_form("danh_sach_dang_vien")
    (table_block,) = [b for b in form.blocks if b.kind == "table"]
    total = sum(c.width for c in table_block.columns)
    widths = [c.width * 165 * mm / total for c in table_block.columns]
    keys = ["full_name", "birth_date", "gender", "joined_on", "full_member_on", "card_number", "notes"]
    data = [[c.header for c in table_block.columns]]
    data += [[str(i)] + [format_value(row[k]) for k in keys] for i, row in enumerate(rows, 1)]
    table = LongTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 11), ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm, topMargin=20 * mm,
                            bottomMargin=20 * mm, initialFontName=REGULAR)
    doc.build([table])


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rows = synthetic_members(args.members)
    form = get_form("danh_sach_dang_vien")
    register_fonts()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "list.pdf"
        result = render(form, context(rows), target)  # warm-up (font parsing happens once per process)
        engine_s = timed(lambda: render(form, context(rows), target), args.repeat)
        bare_s = timed(lambda: bare_table(rows, io.BytesIO()), args.repeat)
    print(f"danh sách {args.members} đảng viên: {result.pages} trang, {result.size / 1024:.0f} KiB")
    print(f"  engine (party frame, form, atomic write): {engine_s:.3f} s  ({result.pages / engine_s:.0f} trang/s)")
    print(f"  bare reportlab LongTable, same font:     {bare_s:.3f} s")
    print(f"  ratio engine / bare: {engine_s / bare_s:.2f}×   budget ≤ 2 s: {'OK' if engine_s <= 2 else 'VƯỢT'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
