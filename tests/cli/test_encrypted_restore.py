"""An encrypted register (issue 15): a damaged one is told apart from one encrypted with another key, and is
restored from its backup — the one beside it (encrypted with the register's key) or a passphrase-encrypted one —
into a register encrypted again with the same key; the damaged file is kept under another name."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.storage import cipher
from tests.cli import test_accounts_cli
from tests.cli.test_accounts_cli import ADMIN_PW, run

office = test_accounts_cli.office   # the register with an administrator, a viewer and a cell secretary

PAGE = 4096


def _damage(path: Path, *, first_page: bool) -> None:
    """Overwrite some bytes of page 1 (or of page 3) with noise, as a failing disk would."""
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with path.open("r+b") as handle:
        handle.seek(200 if first_page else 2 * PAGE + 100)
        handle.write(os.urandom(900))


def _as_admin(*args):
    return run(*args, "--user", "quantri", password=ADMIN_PW)


@pytest.fixture
def encrypted(office, tmp_path):
    on = _as_admin("encryption", "on", "--db", office, "--json")
    assert on.returncode == 0, on.stderr
    made = _as_admin("backup", "create", "--db", office, "--json")
    assert made.returncode == 0, made.stderr
    beside = json.loads(made.stdout)["file"]
    secret = tmp_path / "mat-khau.txt"
    secret.write_text("cum-tu-bi-mat-2026\n", encoding="utf-8")
    stick = tmp_path / "usb"
    stick.mkdir()
    away = _as_admin("backup", "create", "--db", office, "--to", str(stick), "--passphrase-file", str(secret),
                     "--json")
    assert away.returncode == 0, away.stderr
    return {"db": office, "beside": beside, "away": json.loads(away.stdout)["file"], "secret": str(secret)}


def test_a_damaged_encrypted_register_says_so_and_is_restored_from_the_backup_beside_it(encrypted):
    db = Path(encrypted["db"])
    _damage(db, first_page=True)
    damaged = db.read_bytes()
    listed = _as_admin("members", "list", "--db", str(db))
    assert listed.returncode == 1
    assert "bị hỏng" in listed.stderr and "khóa khác" not in listed.stderr, listed.stderr
    shown = _as_admin("backup", "restore", encrypted["beside"], "--db", str(db))
    assert shown.returncode == 0, shown.stderr
    assert "Chưa phục hồi" in shown.stdout and db.read_bytes() == damaged   # nothing changed without --yes
    done = _as_admin("backup", "restore", encrypted["beside"], "--db", str(db), "--yes", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert Path(result["kept"]).read_bytes() == damaged            # the damaged file is kept, never deleted
    assert not db.read_bytes().startswith(b"SQLite format 3")    # encrypted again, with the same keyring
    assert "Hưng Thuận".encode() not in db.read_bytes()
    check = _as_admin("check", "--db", str(db))
    assert check.returncode == 0 and "Toàn vẹn cơ sở dữ liệu: tốt" in check.stdout, check.stdout + check.stderr
    viewer = run("members", "list", "--db", str(db), "--user", "xem", password="xem-cua-toi")
    assert viewer.returncode == 0, viewer.stderr


def test_a_passphrase_backup_restores_over_a_damaged_encrypted_register(encrypted):
    db = Path(encrypted["db"])
    _damage(db, first_page=False)
    done = _as_admin("backup", "restore", encrypted["away"], "--db", str(db), "--yes", "--passphrase-file",
                     encrypted["secret"], "--json")
    assert done.returncode == 0, done.stderr
    assert not db.read_bytes().startswith(b"SQLite format 3")
    check = _as_admin("check", "--db", str(db))
    assert check.returncode == 0 and "Toàn vẹn cơ sở dữ liệu: tốt" in check.stdout, check.stdout + check.stderr


def test_a_viewer_cannot_restore(encrypted):
    db = Path(encrypted["db"])
    _damage(db, first_page=True)
    damaged = db.read_bytes()
    refused = run("backup", "restore", encrypted["beside"], "--db", str(db), "--yes", "--user", "xem",
                  password="xem-cua-toi")
    assert refused.returncode == 1 and db.read_bytes() == damaged, refused.stdout + refused.stderr
    assert "Traceback" not in refused.stderr


def test_damaged_and_wrong_key_are_told_apart(tmp_path):
    import sqlcipher3

    path, key = tmp_path / "so.sqlite3", os.urandom(32)
    conn = cipher.connect(str(path), key)
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 400,)] * 200)
    conn.commit()
    conn.close()
    with pytest.raises(DomainError) as other:
        cipher.connect(str(path), os.urandom(32))
    assert other.value.code == "encrypted_wrong_key" and "khóa khác" in other.value.message
    _damage(path, first_page=True)
    with pytest.raises(DomainError) as broken:
        cipher.connect(str(path), key)
    assert broken.value.code == "encrypted_damaged"
    assert "bị hỏng" in broken.value.message and "khóa đúng" in broken.value.message
    assert sqlcipher3 is not None
