"""Waiting, not failing: a writer takes the lock first (BEGIN IMMEDIATE) so the busy timeout applies; it
waits for another writer, and when the wait runs out it says who has the register open."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import organisation

ROOT = Path(__file__).resolve().parents[2]


def test_a_writer_waits_for_another_and_then_writes(home_db, actor, db_path):
    import sqlite3

    holder = sqlite3.connect(str(db_path), isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE settings SET value = value WHERE key = 'home_unit_id'")
    released = threading.Event()

    def release() -> None:
        released.wait(5)
        holder.execute("COMMIT")

    thread = threading.Thread(target=release)
    thread.start()
    threading.Timer(0.3, released.set).start()
    organisation.create_unit(home_db, actor, code="CB09", name="Chi bộ chờ lượt")   # waits, then writes
    thread.join()
    holder.close()
    assert [u.code for u in organisation.cells(home_db) if u.code == "CB09"] == ["CB09"]


def test_when_the_wait_runs_out_the_refusal_names_who_holds_it(home_db, actor, db_path):
    code = textwrap.dedent(f"""
        import sys, time
        from tayninh_desktop.storage.db import open_database
        db = open_database({str(db_path)!r}, user="chi-lan")
        db.conn.execute("BEGIN IMMEDIATE")
        print("ready", flush=True)
        sys.stdin.readline()
    """)
    holder = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        home_db.execute("PRAGMA busy_timeout=300")   # the program waits longer; the test need not
        with pytest.raises(DomainError) as caught:
            organisation.create_unit(home_db, actor, code="CB09", name="Chi bộ chờ lượt")
        assert caught.value.code == "db_locked_by" and "chi-lan trên máy" in caught.value.message
    finally:
        holder.communicate("\n", timeout=10)
