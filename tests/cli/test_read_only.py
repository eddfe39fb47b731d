"""A register on a write-protected medium opens read-only, says so, lists and prints; every write is
refused saying why. (A read-only mount needs root; elsewhere these tests are skipped.)"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def stick(demo_db_path, tmp_path):
    """The demo register on a tmpfs mounted read-only, as on a write-protected USB stick."""
    mount = tmp_path / "usb"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mount)], capture_output=True,
                      check=False).returncode != 0:
        pytest.skip("mounting a read-only medium needs root")
    try:
        shutil.copy(demo_db_path, mount / "so.sqlite3")
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount / "so.sqlite3"
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tayninh_desktop", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, check=False)


def test_a_write_protected_register_lists_prints_and_refuses_writes(stick, tmp_path):
    listed = cli("members", "list", "--db", stick)
    assert listed.returncode == 0 and "Tổng số: " in listed.stdout
    printed = cli("print", "danh_sach_dang_vien", "--cell", "CB01", "--out", tmp_path / "ds.pdf", "--db", stick)
    assert printed.returncode == 0 and (tmp_path / "ds.pdf").stat().st_size > 1000
    assert cli("check", "--db", stick).returncode == 0
    refused = cli("cells", "add", "--code", "CBX", "--name", "Chi bộ mới", "--db", stick)
    assert refused.returncode == 1 and "chỉ đọc" in refused.stderr and "Traceback" not in refused.stderr
    assert "không phải cơ sở dữ liệu" not in refused.stderr


def test_the_window_says_read_only(stick, qtbot, qapp):
    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.services import organisation
    from tayninh_desktop.storage.db import open_database
    from tayninh_desktop.ui.context import UiContext
    from tayninh_desktop.ui.main_window import MainWindow

    db = open_database(stick)
    assert db.read_only
    context = UiContext(db, Actor("van-thu"), str(stick))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("register")
    assert window.findChild(type(page), "page_register") is not None
    assert "(chỉ đọc)" in window.windowTitle() and window.findChild(object, "read_only_banner").isVisible()
    _, error = context.attempt(organisation.create_unit, code="CBX", name="Chi bộ mới")
    assert error.code == "db_read_only"
    window.resize(1366, 768)
    Path("/tmp/safety-shots").mkdir(exist_ok=True)
    window.grab().save("/tmp/safety-shots/chi-doc.png")
    window.close()   # no automatic backup can be written on the stick: nothing breaks
    db.conn.close()
