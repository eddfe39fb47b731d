"""The bulk rows of bench_all.py: warnings, `members list --json`, the import dry run, the list PDF.
Each function runs in a child process of bench_all.py and returns wall times in ms."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from common import CPU_TIMES, OUT, demo_db, timed

# The hand SQL, on the compact tables (m035): members and meetings by row id, states as codes (2: unexcused
# absence, unpaid without reason), months as 202611.
BARE_WARNINGS = [
    """SELECT a.member_row, COUNT(DISTINCT substr(m.meeting_date, 1, 7)) AS n FROM attendance_compact a
       JOIN meetings m ON m.rowid = a.meeting_row WHERE a.state = 2 AND m.meeting_date BETWEEN ? AND ?
       GROUP BY a.member_row HAVING n >= 2""",
    """SELECT member_row, COUNT(*) AS n FROM dues_compact WHERE state = 2 AND month BETWEEN ? AND ?
       GROUP BY member_row HAVING n >= 2""",
]


def month_range(year: int, today: date) -> tuple[int, int]:
    """The months of the year up to today's, as the compact dues store them (202601, 202611)."""
    return year * 100 + 1, today.year * 100 + today.month if today.year == year else year * 100 + 12


# Every fact the warnings stand on, read by hand on the same tables (what the program's storage reads for them,
# fetched as tuples, without the names, rules, texts and sorting the program adds): unexcused absences and unpaid
# months of every year, ratings "không hoàn thành", members away with their stints and last contacts, overdue
# letters, probationary members, this year's regular meetings per cell, the candidates' names and cells.
# Each with the best plan SQLite has for it, as the program's own queries are written (its partial indexes named:
# SQLite picks a partial index only for the literal term of its WHERE, and otherwise reads every absence of every
# meeting, or every dues row, 0.5 s of the 0.55 s these took before 2 December's evening).
BARE_WARNING_FACTS = [
    ("SELECT a.member_row, substr(m.meeting_date, 1, 7) FROM attendance_compact a INDEXED BY attendance_absent"
     " CROSS JOIN meetings m ON m.rowid = a.meeting_row WHERE a.state = 2 AND m.kind = 'thuong_ky'"
     " AND m.meeting_date <= :today"),
    "SELECT member_row, month FROM dues_compact WHERE state = 2 AND month <= :month",
    "SELECT member_row, year FROM ratings_compact WHERE level = 3",   # khong_hoan_thanh (m048)
    ("SELECT m.id, m.full_name, m.cell_id, e.kind, e.event_date, e.end_date, e.place FROM members m"
     " INDEXED BY members_status_sort CROSS JOIN member_events e INDEXED BY member_events_member"
     " ON e.member_id = m.id WHERE m.status = 'di_lam_an_xa' AND e.kind IN ('di_lam_an_xa', 'het_di_lam_an_xa')"),
    "SELECT member_id, MAX(contacted_on) FROM away_contacts GROUP BY member_id",
    "SELECT id, member_id, deadline FROM transfer_letters WHERE outcome = 'cho' AND deadline < :today",
    ("SELECT m.id, m.full_name, m.cell_id, m.joined_on FROM members m JOIN member_periods p ON p.member_id = m.id"
     " AND p.valid_to IS NULL WHERE m.status IN ('du_bi', 'di_lam_an_xa', 'chuyen_tam_thoi_di', 'mien_sinh_hoat')"
     " AND p.present = 1 AND p.standing = 'du_bi'"),
    ("SELECT DISTINCT cell_id, substr(meeting_date, 1, 7) FROM meetings WHERE kind = 'thuong_ky'"
     " AND meeting_date BETWEEN :year_start AND :today"),
    ("SELECT id, full_name, cell_id, sort_key, status FROM members WHERE rowid IN (SELECT member_row FROM dues_compact"
     " INDEXED BY dues_unpaid WHERE state = 2 GROUP BY member_row HAVING COUNT(*) >= 2)"),
    # Since the evening of 2 December, the rest of what the warnings read (each as the program reads it):
    # the absences' candidates, as the dues' above;
    ("SELECT id, full_name, cell_id, sort_key, status FROM members WHERE rowid IN (SELECT member_row FROM"
     " attendance_compact INDEXED BY attendance_absent WHERE state = 2 GROUP BY member_row HAVING COUNT(*) >= 2)"),
    # the cells, their current names and dates (every warning names its cell; missing meetings; the order);
    ("SELECT u.id, u.code, v.name, u.valid_from, u.valid_to FROM units u JOIN unit_versions v ON v.unit_id = u.id"
     " AND v.valid_from IS (SELECT MAX(v2.valid_from) FROM unit_versions v2 WHERE v2.unit_id = u.id)"
     " WHERE u.unit_type = 'chi_bo'"),
    ("SELECT u.id FROM units u WHERE EXISTS (SELECT 1 FROM members m INDEXED BY members_cell_sort"
     " WHERE m.cell_id = u.id AND m.status IN ('chinh_thuc', 'chuyen_tam_thoi_di', 'di_lam_an_xa', 'du_bi',"
     " 'mien_sinh_hoat', 'sinh_hoat_tam_thoi'))"),
    # the decisions that close a ground reached in an earlier year: removals from the register, screening decisions;
    ("SELECT member_id, MAX(event_date) FROM member_events INDEXED BY member_events_kind_date"
     " WHERE kind IN ('xoa_ten', 'khai_tru', 'ra_khoi_dang', 'dinh_cu_nuoc_ngoai', 'tu_tran', 'chuyen_di')"
     " AND event_date > :grounds_from GROUP BY member_id"),
    ("SELECT c.member_id, MAX(s.on_date) FROM cases c JOIN case_steps s ON s.case_id = c.id"
     " WHERE (s.step = 'quyet_dinh' OR (s.step = 'bieu_quyet' AND s.passed = 1 AND c.kind = 'giup_do'))"
     " AND s.on_date > :grounds_from AND NOT EXISTS (SELECT 1 FROM case_steps x WHERE x.corrects_id = s.id)"
     " GROUP BY c.member_id"),
    # readmissions (a probation starts again);
    ("SELECT member_id, MAX(event_date) FROM member_events INDEXED BY member_events_kind_date"
     " WHERE kind = 'ket_nap_lai' GROUP BY member_id"),
    # the screening: help periods due, this year's allotments, the cases, the year's removals by cell;
    "SELECT id, member_id, due_on, cell_id, listed_on FROM cases WHERE state = 'dang_xu_ly' AND due_on IS NOT NULL",
    "SELECT unit_id, allotted, doc_number FROM removal_allotments WHERE year = :year",
    ("SELECT c.id, c.member_id, c.kind, c.state, c.cell_id, c.opened_on, c.closed_on FROM cases c"
     " JOIN members m ON m.id = c.member_id"),
    ("SELECT e.kind, e.event_date, e.member_id, (SELECT p.cell_id FROM member_periods p WHERE p.member_id ="
     " e.member_id AND p.present = 1 AND p.valid_from < e.event_date ORDER BY p.valid_from DESC LIMIT 1)"
     " FROM member_events e WHERE e.kind IN ('xoa_ten', 'khai_tru', 'ra_khoi_dang', 'dinh_cu_nuoc_ngoai')"
     " AND e.event_date BETWEEN :last_year_start AND :year_end"),
    # the quota of the last rated year.
    ("SELECT level, COUNT(*) FROM ratings_compact WHERE year = (SELECT MAX(year) FROM ratings_compact)"
     " GROUP BY level"),
]


def warning_facts_bare(db: Path, repeat: int) -> list[float]:
    """The same facts by hand: every query of BARE_WARNING_FACTS, fetched."""
    import sqlite3

    raw = sqlite3.connect(db)
    today = date.today()
    params = {"today": today.isoformat(), "month": today.year * 100 + today.month,
              "year_start": f"{today.year}-01-01", "grounds_from": f"{today.year - 2}-01-01", "year": today.year,
              "last_year_start": f"{today.year - 1}-01-01", "year_end": f"{today.year}-12-31"}

    def run():
        for sql in BARE_WARNING_FACTS:
            raw.execute(sql, {k: v for k, v in params.items() if f":{k}" in sql}).fetchall()

    run()
    return timed(run, repeat)


def warnings_ours(db: Path, repeat: int) -> list[float]:
    """services.warnings.compute_warnings for the whole committee, today."""
    from tayninh_desktop.services.warnings import compute_warnings
    from tayninh_desktop.storage.db import open_database

    register = open_database(db)
    compute_warnings(register)  # warm the page cache, as the bare side is warmed
    return timed(lambda: compute_warnings(register), repeat)


def warnings_bare(db: Path, repeat: int) -> list[float]:
    """The core of the warnings by hand: unexcused-absence months and unpaid months per member, ≥ 2, this year."""
    import sqlite3

    raw = sqlite3.connect(db)
    today = date.today()
    days, months = (f"{today.year}-01-01", today.isoformat()), month_range(today.year, today)

    def run():
        raw.execute(BARE_WARNINGS[0], days).fetchall()
        raw.execute(BARE_WARNINGS[1], months).fetchall()

    run()
    return timed(run, repeat)


# sqlite3 + json in a new process: the same members, columns and order as `members list --json`.
BARE_LIST_SCRIPT = r"""
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
active = ("chinh_thuc", "chuyen_tam_thoi_di", "di_lam_an_xa", "du_bi", "mien_sinh_hoat", "sinh_hoat_tam_thoi")
cells = dict(conn.execute("SELECT unit_id, name FROM unit_versions ORDER BY valid_from"))
keys = ("id", "full_name", "gender", "birth_date", "cell", "status", "joined_on", "full_member_on", "cccd",
        "card_number")
rows = conn.execute("SELECT id, full_name, gender, birth_date, cell_id, status, joined_on, full_member_on, cccd,"
                    f" card_number FROM members WHERE status IN ({','.join('?' * len(active))}) ORDER BY sort_key",
                    active).fetchall()
members = []
for r in rows:
    member = dict(zip(keys, r))
    member["cell"] = cells.get(r[4], "")
    members.append(member)
print(json.dumps({"ok": True, "count": len(members), "members": members}, ensure_ascii=False))
"""


def _process(command: list[str], repeat: int) -> list[float]:
    run = lambda: subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    run()
    CPU_TIMES.clear()
    return timed(run, repeat)


def list_json_ours(db: Path, repeat: int) -> list[float]:
    """`tayninh-desktop members list --json` in a new process (output to /dev/null)."""
    return _process([sys.executable, "-m", "tayninh_desktop", "members", "list", "--json", "--db", str(db)], repeat)


def list_json_bare(db: Path, repeat: int) -> list[float]:
    return _process([sys.executable, "-c", BARE_LIST_SCRIPT, str(db)], repeat)


IMPORT_MEMBERS = 10_000


def _import_files() -> tuple[Path, Path]:
    """The flat xlsx export of the 10,000-member demo, and an empty register with the same cells."""
    from bench_import import ACTOR, empty_register

    from tayninh_desktop.services import exporting
    from tayninh_desktop.storage.db import open_database

    source = demo_db(IMPORT_MEMBERS)
    xlsx = OUT / f"export-{IMPORT_MEMBERS}-flat.xlsx"
    if not xlsx.exists():
        db = open_database(source)
        exporting.export_members(db, ACTOR, xlsx, layout="flat")
        db.conn.close()
    return xlsx, empty_register(source, OUT / "bench-all-import.sqlite3")


def import_ours(_db: Path, repeat: int) -> list[float]:
    """`members import FILE --dry-run` as the command runs it (read, check, match), 10,000 rows."""
    from bench_import import ACTOR

    from tayninh_desktop.services import importing
    from tayninh_desktop.storage.db import open_database

    xlsx, empty = _import_files()
    db = open_database(empty)
    return timed(lambda: importing.import_file(db, ACTOR, xlsx, dry_run=True), repeat)


def import_bare(_db: Path, repeat: int) -> list[float]:
    """openpyxl in read-only mode reading every cell of the same file."""
    from bench_import import bare_openpyxl

    xlsx, _empty = _import_files()
    return timed(lambda: bare_openpyxl(xlsx), repeat)


PDF_MEMBERS = 1000


def pdf_ours(_db: Path, repeat: int) -> list[float]:
    """The member list (danh sách đảng viên) of the 1,000-member demo through the print service."""
    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.services import documents
    from tayninh_desktop.storage.db import open_database

    db = open_database(demo_db(PDF_MEMBERS))
    request = documents.PrintRequest(on=date.today(), issue=False)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "list.pdf"
        documents.print_form(db, Actor("bench"), "danh_sach_dang_vien_dang_bo", target, request)  # warm-up
        return timed(lambda: documents.print_form(db, Actor("bench"), "danh_sach_dang_vien_dang_bo", target, request),
                     repeat)


def pdf_bare(_db: Path, repeat: int) -> list[float]:
    """reportlab alone: a LongTable of the same table (strings, font, widths, paddings, alignment, long texts
    wrapped) on the same landscape page inside the same frame, into memory (``bench_documents.bare_table``)."""
    from bench_documents import LIST_KEYS, bare_table

    from tayninh_desktop.services import documents
    from tayninh_desktop.storage.db import open_database

    db = open_database(demo_db(PDF_MEMBERS))
    request = documents.PrintRequest(on=date.today(), issue=False)
    rows = documents.build_context(db, "danh_sach_dang_vien_dang_bo", request)["members"]
    bare_table("danh_sach_dang_vien_dang_bo", rows, LIST_KEYS, io.BytesIO())
    return timed(lambda: bare_table("danh_sach_dang_vien_dang_bo", rows, LIST_KEYS, io.BytesIO()), repeat)


def demo_build(members: int) -> dict:
    """`tayninh-desktop demo --members N` into a temporary file: seconds, peak MB, file MB."""
    from common import build_demo

    with tempfile.TemporaryDirectory(dir=OUT) as folder:
        path = Path(folder) / "demo.sqlite3"
        figures = build_demo(path, members)
        figures["file_mb"] = path.stat().st_size / 1e6
    return figures


def file_mb(db: Path) -> float:
    return sum(os.path.getsize(p) for p in (db, Path(f"{db}-wal")) if p.exists()) / 1e6
