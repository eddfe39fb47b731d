"""Numbers and papers commit together: a numbered print killed (SIGKILL) at random points, many times.

A child process issues numbered resolutions one after another; the parent kills it at a random moment
once it is printing. After every kill: the register opens and passes the check, no number of a series
is used twice, and every PDF at a target name is one the register knows (its hash is registered).
Temporaries of a killed run (hidden ".name-….tmp" files) may remain: they are not at a target name.

The number of trials is TAYNINH_KILL_TRIALS (default 8; the figures in the notes come from 200).
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.services import integrity, organisation, register
from tayninh_desktop.storage.db import open_database
from tests.conftest import make_papers_ready, member_form

CHILD = textwrap.dedent("""
    import sys
    from datetime import date
    from pathlib import Path
    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.services import documents, organisation
    from tayninh_desktop.storage.db import open_database

    db = open_database(Path(sys.argv[1]))
    out = Path(sys.argv[2])
    cell = organisation.cells(db)[0]
    request = documents.PrintRequest(cell_id=cell.id, on=date(2026, 11, 20), content=("Học tập Nghị quyết.",))
    documents.build_context(db, "nghi_quyet_chi_bo", request)   # warm the imports before saying ready
    print("ready", flush=True)
    for i in range(1000):
        documents.print_form(db, Actor("kill-test"), "nghi_quyet_chi_bo", out / f"nq-{sys.argv[3]}-{i}.pdf", request)
""")


@pytest.fixture
def register_path(tmp_path: Path) -> Path:
    path = tmp_path / "so.sqlite3"
    db = open_database(path, create=True)
    actor = Actor("van-thu")
    organisation.initialise(db, actor, unit_code="HT", unit_name="Đảng ủy xã Hưng Thuận",
                            superior_name="Tỉnh ủy Tây Ninh", superior_code="TU", place_name="Hưng Thuận")
    cell_id, _ = organisation.create_unit(db, actor, code="CB01", name="Chi bộ ấp Cầu Xe")
    register.add_member(db, actor, member_form(), cell_id, today=date(2026, 11, 20))
    make_papers_ready(db, actor)
    db.conn.close()
    return path


def _check_after_kill(path: Path, out: Path) -> int:
    db = open_database(path)
    try:
        assert integrity.check(db).ok
        rows = db.execute("SELECT unit_id, type_code, term_start, number, symbol, pdf_sha256 FROM documents").fetchall()
        series = [(r[0], r[1], r[2], r[3]) for r in rows]
        assert len(series) == len(set(series)), "a number used twice"
        assert len({r[4] for r in rows}) == len(rows), "a symbol used twice"
        known = {r[5] for r in rows}
        for pdf in out.glob("*.pdf"):
            digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
            assert digest in known, f"{pdf.name}: an official-looking PDF the register does not know"
        return len(rows)
    finally:
        db.conn.close()


def test_numbered_prints_killed_at_random_points(register_path, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    trials = int(os.environ.get("TAYNINH_KILL_TRIALS", "8"))
    rng = random.Random(20261201)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    issued = 0
    for trial in range(trials):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(register_path), str(out), str(trial)],
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
        assert child.stdout.readline().strip() == "ready"
        try:
            child.wait(timeout=rng.uniform(0.0, 0.8))   # a random moment inside the printing loop
        except subprocess.TimeoutExpired:
            pass
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        issued = _check_after_kill(register_path, out)
    pdfs = list(out.glob("*.pdf"))
    assert issued >= trials and len(pdfs) <= issued       # the trials did print, and every file is known
