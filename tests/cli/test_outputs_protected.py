"""Never write over what matters: every output option refuses the register, its -wal/-shm, a backup and
an input of the same command; the refusal exits 1, names the file, and changes nothing."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tayninh_desktop.cli import main
from tests.spreadsheets.builders import flat_list, person


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """A register ``so.db`` with a cell, two members imported from ``ds.xlsx``, and a backup."""
    folder = tmp_path_factory.mktemp("outputs")
    db = folder / "so.db"
    assert main(["init", "--unit-code", "HT", "--unit-name", "Đảng ủy xã Hưng Thuận", "--superior-name",
                 "Tỉnh ủy Tây Ninh", "--db", str(db)]) == 0
    assert main(["cells", "add", "--code", "CB01", "--name", "Chi bộ ấp Cầu Xe", "--db", str(db)]) == 0
    listing = flat_list(folder / "ds.xlsx", [person(1), person(2)])
    assert main(["members", "import", str(listing), "--cell", "CB01", "--db", str(db)]) == 0
    assert main(["backup", "create", "--db", str(db)]) == 0
    return folder


@pytest.fixture
def setup(prepared, tmp_path, capsys):
    capsys.readouterr()
    folder = tmp_path / "copy"
    shutil.copytree(prepared, folder)
    return folder / "so.db", folder / "ds.xlsx", next((folder / "backups").glob("*.sqlite3"))


def state(db: Path) -> str:
    conn = sqlite3.connect(str(db))
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def run(capsys, *argv) -> tuple[int, dict]:
    code = main([str(a) for a in argv] + ["--json"])
    return code, json.loads(capsys.readouterr().out)


COMMANDS = {
    "print": ["print", "danh_sach_dang_vien", "--cell", "CB01", "--out", "{out}"],
    "print numbered": ["print", "nghi_quyet_chi_bo", "--cell", "CB01", "--out", "{out}"],
    "documents register": ["documents", "register", "--out", "{out}"],
    "members export": ["members", "export", "{out}"],
    "import --report": ["members", "import", "{list}", "--dry-run", "--report", "{out}"],
    "crosscheck --report": ["crosscheck", "{list}", "--cell", "CB01", "--report", "{out}"],
    "crosscheck --pdf": ["crosscheck", "{list}", "--cell", "CB01", "--pdf", "{out}"],
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("target", ["register", "wal", "shm", "backup"])
def test_an_output_over_the_register_or_a_backup_is_refused(setup, capsys, command, target):
    db, listing, backup = setup
    out = {"register": db, "wal": Path(f"{db}-wal"), "shm": Path(f"{db}-shm"), "backup": backup}[target]
    before_backup = backup.read_bytes()
    before = state(db)
    argv = [a.format(out=out, list=listing) for a in COMMANDS[command]]
    code, payload = run(capsys, *argv, "--db", db)
    assert code == 1, payload
    assert payload["error"] in ("output_is_register", "output_is_backup") and str(out) in payload["message"]
    assert state(db) == before and backup.read_bytes() == before_backup
    conn = sqlite3.connect(str(db))
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0   # no number was taken
    conn.close()


@pytest.mark.parametrize("command", ["import --report", "crosscheck --report", "crosscheck --pdf"])
def test_an_output_over_the_file_being_read_is_refused(setup, capsys, command):
    db, listing, _ = setup
    before = listing.read_bytes()
    argv = [a.format(out=listing, list=listing) for a in COMMANDS[command]]
    code, payload = run(capsys, *argv, "--db", db)
    assert code == 1 and payload["error"] == "output_is_input" and str(listing) in payload["message"]
    assert listing.read_bytes() == before


def test_an_output_in_the_backups_folder_is_refused(setup, capsys):
    db, _, backup = setup
    code, payload = run(capsys, "members", "export", backup.parent / "ds.xlsx", "--db", db)
    assert code == 1 and payload["error"] == "output_in_backups"
    assert not (backup.parent / "ds.xlsx").exists()


def test_an_ordinary_output_is_written(setup, capsys, tmp_path):
    db, _, _ = setup
    code, _ = run(capsys, "members", "export", tmp_path / "so.xlsx", "--db", db)
    assert code == 0 and (tmp_path / "so.xlsx").exists()
