"""The crash harness: write actions in a child process killed with SIGKILL at random moments.

Run as ``python -m tests.crash.harness WORKDIR KIND TRIALS SEED`` (``test_crash.py`` does). This process
builds a small register once, then for each trial copies it, forks a worker that repeats one kind of
action (import, meeting, dues, backup, migration) and writes "ACK <what>" after each action returned
(committed), kills the worker at a random moment, and checks what a clerk would find at the next
start: the temporaries swept, the register opens, ``check`` passes, every acknowledged action is
there, and no stray or half file sits at a target name. Prints one JSON line with the figures.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sys
import time
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 27)


def main(argv: list[str]) -> int:
    workdir, kind, trials, seed = Path(argv[0]), argv[1], int(argv[2]), int(argv[3])
    os.environ["TAYNINH_DESKTOP_DATA_DIR"] = str(workdir / "data")
    from tayninh_desktop.domain import temp_journal

    temp_journal.configure(workdir / "data" / "tam")
    rng = random.Random(seed)
    base = build_base(workdir / "base", kind)
    figures = {"kind": kind, "trials": 0, "survived": 0, "acknowledged": 0, "failures": []}
    for trial in range(trials):
        folder = workdir / f"t{trial:03d}"
        shutil.copytree(base, folder)
        acks = run_and_kill(folder, kind, rng.uniform(0.02, 1.2), trial)
        figures["trials"] += 1
        figures["acknowledged"] += len(acks)
        problem = verify(folder, kind, acks)
        if problem:
            figures["failures"].append(f"trial {trial}: {problem}")
        else:
            figures["survived"] += 1
            shutil.rmtree(folder)
    print(json.dumps(figures, ensure_ascii=False))
    return 0


def build_base(folder: Path, kind: str) -> Path:
    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.services import demo
    from tayninh_desktop.storage.db import open_database

    folder.mkdir(parents=True)
    db = open_database(folder / "so.sqlite3", create=True)
    demo.generate(db, Actor("demo"), members=60 if kind != "migration" else 400, cells=3, years=1, seed=5,
                  today=TODAY)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    if kind == "migration":
        downgrade(folder / "so.sqlite3")
    return folder


def downgrade(path: Path) -> None:
    """The register as the program before the keyed log (m014) left it: plain hashes, no row hashes."""
    import sqlite3

    from tayninh_desktop.storage import audit

    conn = sqlite3.connect(str(path))
    conn.execute("DROP TABLE audit_rows")
    for column in ("mac_version", "key_id", "rows_digest"):
        conn.execute(f"ALTER TABLE audit_log DROP COLUMN {column}")
    prev = audit.GENESIS
    for seq, at, actor, action, entity, entity_id, before, after in conn.execute(
            "SELECT seq, at, actor, action, entity, entity_id, before_json, after_json FROM audit_log ORDER BY seq"
    ).fetchall():
        digest = audit._digest(prev, at, actor, action, entity, entity_id, before, after)
        conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq))
        prev = digest
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm014_integrity'")
    conn.commit()
    conn.execute("VACUUM")
    conn.close()


def run_and_kill(folder: Path, kind: str, after: float, trial: int) -> list[str]:
    ack_path = folder / "acks.txt"
    pid = os.fork()
    if pid == 0:   # the worker
        code = 1
        try:
            worker(folder, kind, ack_path, trial)
            code = 0
        finally:
            os._exit(code)
    time.sleep(after)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    text = ack_path.read_text(encoding="utf-8") if ack_path.exists() else ""
    return [line[4:] for line in text.split("\n")[:-1] if line.startswith("ACK ")]   # whole lines only


def worker(folder: Path, kind: str, ack_path: Path, trial: int) -> None:
    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.storage.db import open_database

    fd = os.open(ack_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)

    def ack(what: str) -> None:
        os.write(fd, f"ACK {what}\n".encode())

    db = open_database(folder / "so.sqlite3", user="crash")
    actor = Actor("crash")
    ack("opened")
    ACTIONS[kind](db, actor, folder, ack, trial)


def act_import(db, actor, folder: Path, ack, trial: int) -> None:
    from tayninh_desktop.services import importing, organisation
    from tests.spreadsheets.builders import flat_list, person

    cell = organisation.cells(db)[0].id
    (folder / "out").mkdir(exist_ok=True)
    for i in range(1, 200):
        rows = [person(1, **{"Họ và tên": f"Nguyễn Văn Nhập {i} {k}", "Số CCCD": f"0791{i:04d}{k:04d}",
                             "Số thẻ đảng viên": f"9{i:03d}{k:04d}"}) for k in range(1, 6)]
        path = flat_list(folder / "out" / f"ds-{i}.xlsx", rows)
        plan = importing.plan_import(db, importing.open_source(db, path), cell_id=cell, today=TODAY)
        importing.save_report(plan, folder / "out" / f"bao-cao-{i}.xlsx")
        importing.apply_import(db, actor, plan, today=TODAY)
        ack(f"import {i}")


def act_meeting(db, actor, folder: Path, ack, trial: int) -> None:
    from datetime import timedelta

    from tayninh_desktop.services import meetings, organisation

    cell = organisation.cells(db)[0].id
    for i in range(1, 400):
        day = TODAY - timedelta(days=i)
        meeting_id, _ = meetings.record_meeting(db, actor, cell, {"meeting_date": day.strftime("%d/%m/%Y"),
                                                                  "kind": "chuyen_de", "summary": f"Buổi {i}"},
                                                today=TODAY)
        ack(f"meeting {meeting_id}")


def act_dues(db, actor, folder: Path, ack, trial: int) -> None:
    from tayninh_desktop.services import dues, organisation

    cell = organisation.cells(db)[0].id
    for i in range(1, 400):
        sheet = dues.dues_sheet(db, cell, "10/2026")
        amount = 1000 * i + 7
        entries = {line.member_id: (amount, "da_dong", "") for line in sheet if line.state.value != "khong_phai_dong"}
        dues.record_dues(db, actor, cell, "10/2026", entries, today=TODAY)
        ack(f"dues {amount}")


def act_backup(db, actor, folder: Path, ack, trial: int) -> None:
    from datetime import datetime, timedelta

    from tayninh_desktop.services import backup, organisation

    start = datetime(2026, 11, 1, 8, 0)
    for i in range(1, 100):
        result = backup.automatic_backup(db, actor, now=start + timedelta(hours=i))
        ack(f"backup {result.path.name}")
        organisation.create_unit(db, actor, code=f"B{i}", name=f"Chi bộ sau sao lưu {i}")
        ack(f"unit B{i}")


def act_migration(db, actor, folder: Path, ack, trial: int) -> None:
    from tayninh_desktop.services import organisation

    for i in range(1, 200):
        organisation.create_unit(db, actor, code=f"M{i}", name=f"Chi bộ sau nâng cấp {i}")
        ack(f"unit M{i}")


ACTIONS = {"import": act_import, "meeting": act_meeting, "dues": act_dues, "backup": act_backup,
           "migration": act_migration}


def verify(folder: Path, kind: str, acks: list[str]) -> str:
    """What a clerk would find at the next start; "" when all is well, else what is wrong."""
    from tayninh_desktop.domain import temp_journal
    from tayninh_desktop.services.integrity import check_file
    from tayninh_desktop.storage.db import open_database

    temp_journal.sweep()
    stray = [p.name for p in folder.rglob(".*") if p.is_file() and not p.name.startswith(".so.sqlite3.dang-dung")]
    stray = [n for n in stray if "dang-dung" not in n]
    if stray:
        return f"temporaries left after the sweep: {stray}"
    path = folder / "so.sqlite3"
    db = open_database(path, user="kiem-tra")   # opens (and finishes a migration) at the next start
    try:
        missing = [a for a in acks if not present(db, a)]
    finally:
        db.conn.close()
    if missing:
        return f"acknowledged but missing: {missing[:3]}"
    report = check_file(path)
    if not report.ok:
        return "check fails: " + "; ".join(f.message for f in report.findings()[:3]) + "; ".join(report.integrity)
    return half_files(folder)


def present(db, ack: str) -> bool:
    what, _, key = ack.partition(" ")
    if what in ("opened", "backup"):
        return True   # the backup file itself is checked by half_files
    sql, params = {
        "import": ("SELECT count(*) = 5 FROM members WHERE full_name LIKE ?", (f"Nguyễn Văn Nhập {key} %",)),
        "meeting": ("SELECT count(*) FROM meetings WHERE id = ?", (key,)),
        "dues": ("SELECT count(*) FROM dues WHERE month = '2026-10' AND amount >= ?", (key,)),
        "unit": ("SELECT count(*) FROM units WHERE code = ?", (key,)),
    }[what]
    return bool(db.execute(sql, params).fetchone()[0])


def half_files(folder: Path) -> str:
    """Every file at a target name is whole: reports open, backups verify."""
    import openpyxl

    from tayninh_desktop.services.backup_restore import verify_backup

    for report in (folder / "out").glob("bao-cao-*.xlsx") if (folder / "out").exists() else []:
        try:
            openpyxl.load_workbook(report, read_only=True).close()
        except Exception as exc:   # noqa: BLE001 - any failure to open is a half file
            return f"half report {report.name}: {type(exc).__name__}"
    for made in (folder / "backups").glob("*.sqlite3") if (folder / "backups").exists() else []:
        if not verify_backup(made).ok:
            return f"backup does not verify: {made.name}"
    return ""


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
