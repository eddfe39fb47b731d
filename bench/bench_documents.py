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

The bare baseline is a plain platypus LongTable of the same table (``bare_table``): the same strings in the
same embedded font, column widths, paddings, alignment and grid, a repeated header row, long texts wrapped,
on the same page size inside the same frame, and nothing else: the ratio is what the register, the party
frame and the form definition cost on top of reportlab.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import demo_db, report, timed
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Frame, LongTable, PageTemplate, Paragraph, TableStyle

from tayninh_desktop.documents.fields import format_value
from tayninh_desktop.documents.fonts import BOLD, REGULAR, register_fonts
from tayninh_desktop.documents.forms import get_form
from tayninh_desktop.documents.frame import frame_height, frame_width, page_size
from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.documents import DocumentSettings
from tayninh_desktop.services import documents, organisation, register
from tayninh_desktop.storage.db import open_database

LIST_KEYS = ["full_name", "birth_date", "gender", "joined_on", "full_member_on", "card_number", "cell", "notes"]


def bare_table(form_id: str, rows: list[dict], keys: list[str], out: io.BytesIO) -> int:
    """The baseline: the form's table drawn by reportlab alone; its page count.

    The same strings (``keys``: the row's field of each column after STT; "" for an empty column) in the same
    embedded font and size, the same column widths, cell paddings, leading, alignment and grid, the header row
    in bold paragraphs and repeated, a text wider than its column in a wrapping paragraph (reportlab draws a
    plain string on one line, across the next column), on the form's page size inside the same frame (the party
    margins of ``DocumentSettings``). What it leaves out is what the program adds: the register, the form
    definition, the party header, title and closing, the page numbers."""
    register_fonts()
    form = get_form(form_id)
    settings = DocumentSettings()
    (block,) = [b for b in form.blocks if b.kind == "table"]
    size = block.font_size or settings.table_size
    width = frame_width(settings, form.orientation)
    total = sum(c.width for c in block.columns)
    widths = [c.width * width / total for c in block.columns]
    leading, top, bottom = (size * 1.1, 1.2, 2.2) if block.compact else (size * 1.15, 2, 3)
    header_style = ParagraphStyle("h", fontName=BOLD, fontSize=size, leading=leading, alignment=TA_CENTER)
    cell_style = ParagraphStyle("c", fontName=REGULAR, fontSize=size, leading=leading)
    aligned = {a: cell_style.clone(f"c-{a}", alignment=n) for a, n in (("left", 0), ("center", 1), ("right", 2))}
    aligns = [c.align for c in block.columns]
    rooms = [w - 6 for w in widths]

    def cell(text: str, column: int) -> object:
        if stringWidth(text, REGULAR, size) <= rooms[column]:
            return text
        return Paragraph(escape(text), aligned[aligns[column]])

    data: list[list[object]] = [[Paragraph(c.header, header_style) for c in block.columns]]
    for i, row in enumerate(rows, 1):
        texts = [str(i)] + [format_value(row.get(k)) if k else "" for k in keys]
        data.append([cell(text, j) if text else text for j, text in enumerate(texts)])
    table = LongTable(data, colWidths=widths, repeatRows=1)
    commands = [("FONT", (0, 0), (-1, -1), REGULAR, size, leading), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), top), ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
                ("GRID", (0, 0), (-1, -1), 0.5, "black")]
    commands += [("ALIGN", (i, 1), (i, -1), a.upper()) for i, a in enumerate(aligns) if a != "left"]
    table.setStyle(TableStyle(commands))
    page = page_size(form.orientation)
    frame = Frame(settings.margin_left_mm * mm, settings.margin_bottom_mm * mm, width,
                  frame_height(settings, form.orientation), leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0)
    doc = BaseDocTemplate(out, pagesize=page, pageTemplates=[PageTemplate(frames=[frame], pagesize=page)],
                          initialFontName=REGULAR)
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
