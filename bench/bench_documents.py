"""Benchmark of printed documents on the demo register, beside reportlab drawing the same table bare.

    .venv/bin/python bench/bench_documents.py [--members 1000] [--repeat 3]

1. The member list (danh sách đảng viên) of the whole committee, from the demo register built with
   `tayninh-desktop demo` (bench/common.py), through the service (register query, context, party
   frame, form, atomic write). Budget (design.md §7): a 1,000-member list PDF in ≤ 2 s.
2. The meeting dossier of the cell closest to 40 members with one member under discussion: cover and
   contents (laid out twice for the page numbers), agenda, attendance sheet, minutes, draft resolution,
   voting slips (8 a page), one vote count per question, the member's record.
3. The same prints as a clerk runs them, `tayninh-desktop print … --db` in a fresh process (start-up,
   imports, opening the register included): the 1,000-member list, its Mẫu 7-HSĐV, the dossier.

The bare baseline is a plain platypus LongTable of the same strings in the same embedded font, with
the same column widths and a repeated header row, and nothing else: the ratio is what the register,
the party frame and the form definition cost on top of reportlab.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import demo_db, report, timed
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, SimpleDocTemplate, TableStyle

from tayninh_desktop.documents.fields import format_value
from tayninh_desktop.documents.fonts import REGULAR, register_fonts
from tayninh_desktop.documents.forms import get_form
from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.services import documents, organisation, register
from tayninh_desktop.storage.db import open_database

LIST_KEYS = ["full_name", "birth_date", "gender", "joined_on", "full_member_on", "card_number", "notes"]


def bare_table(form_id: str, rows: list[dict], keys: list[str], out: io.BytesIO) -> int:
    """The baseline: the same cells as strings in a LongTable, same font, same widths; its page count."""
    register_fonts()
    (block,) = [b for b in get_form(form_id).blocks if b.kind == "table"]
    total = sum(c.width for c in block.columns)
    widths = [c.width * 165 * mm / total for c in block.columns]
    data = [[c.header for c in block.columns]]
    data += [[str(i)] + [format_value(row.get(k)) for k in keys] for i, row in enumerate(rows, 1)]
    table = LongTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 11), ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm, topMargin=20 * mm,
                            bottomMargin=20 * mm, initialFontName=REGULAR)
    doc.build([table])
    return doc.page


def _cell_near(db, size: int, on: date):
    cells = organisation.cells(db)
    return min(cells, key=lambda c: abs(len(register.members_in_cell_on(db, c.id, on)) - size))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--dossier-members", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    db = open_database(demo_db(args.members))
    actor, on = Actor("bench"), date.today()
    register_fonts()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        request = documents.PrintRequest(on=on, issue=False)
        rows = documents.build_context(db, "danh_sach_dang_vien_dang_bo", request)["members"]
        result, _ = documents.print_form(db, actor, "danh_sach_dang_vien_dang_bo", out / "list.pdf", request)  # warm-up
        ours = timed(lambda: documents.print_form(db, actor, "danh_sach_dang_vien_dang_bo", out / "list.pdf", request),
                     args.repeat)
        bare_pages = bare_table("danh_sach_dang_vien_dang_bo", rows, LIST_KEYS, io.BytesIO())
        bare = timed(lambda: bare_table("danh_sach_dang_vien_dang_bo", rows, LIST_KEYS, io.BytesIO()), args.repeat)
        print(f"danh sách {len(rows)} đảng viên (sổ mẫu {args.members}): {result.pages} trang; bare {bare_pages} trang")
        report("  danh sách đảng viên, toàn đảng bộ", ours, bare)
        budget = "OK" if max(ours) <= 2000 else "VƯỢT"
        print(f"  {result.pages / (min(ours) / 1000):.0f} trang/s; ngân sách ≤ 2 s: {budget}")

        cell = _cell_near(db, args.dossier_members, on)
        size = len(register.members_in_cell_on(db, cell.id, on))
        discussed = register.members_in_cell_on(db, cell.id, on)[0].id
        dossier_req = documents.PrintRequest(cell_id=cell.id, on=on, issue=False, member_ids=(discussed,))
        result, _ = documents.print_form(db, actor, "ho_so_hop_chi_bo", out / "hs.pdf", dossier_req)
        ours = timed(lambda: documents.print_form(db, actor, "ho_so_hop_chi_bo", out / "hs.pdf", dossier_req),
                     args.repeat)
        cell_rows = documents.build_context(db, "danh_sach_hop_chi_bo", dossier_req)["members"]
        sheet_keys = ["full_name", "birth_year", "role", "", ""]
        bare = timed(lambda: bare_table("danh_sach_hop_chi_bo", cell_rows, sheet_keys, io.BytesIO()), args.repeat)
        print(f"hồ sơ kỳ họp {cell.name} ({size} đảng viên): {result.pages} trang")
        report("  hồ sơ kỳ họp (bìa, mục lục, 7 phần)", ours, bare)
        print(f"  {result.pages / (min(ours) / 1000):.0f} trang/s (bìa và mục lục dựng hai lần để có số trang);"
              f" bare = chỉ bảng điểm danh {size} dòng")
        db_path = demo_db(args.members)
        db.conn.close()
        cli_runs(db_path, out, cell.code, discussed, args.repeat)
    return 0


def cli_runs(db_path: Path, out: Path, cell_code: str, member_id: str, repeat: int) -> None:
    """The prints as the command line makes them, each in a new process (what a clerk waits for)."""
    print("dòng lệnh (tiến trình mới, gồm khởi động):")
    runs = [("danh_sach_dang_vien_dang_bo", []), ("danh_sach_dang_vien_mau_7", []),
            ("ho_so_hop_chi_bo", ["--cell", cell_code, "--member", member_id])]
    for form_id, extra in runs:
        target = out / f"cli-{form_id}.pdf"
        command = [sys.executable, "-m", "tayninh_desktop", "print", form_id, "--db", str(db_path), "--draft",
                   "--json", "--out", str(target), *extra]
        times = timed(lambda command=command: subprocess.run(command, check=True, capture_output=True), repeat)
        from pypdf import PdfReader

        pages = len(PdfReader(str(target)).pages)
        report(f"  print {form_id} ({pages} trang)", times)
        print(f"    {pages / (min(times) / 1000):.0f} trang/s")


if __name__ == "__main__":
    sys.exit(main())
