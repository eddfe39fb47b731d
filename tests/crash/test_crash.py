"""Nothing lost: write actions killed with SIGKILL at random moments, many times (``harness``).

After each kill: the temporaries are swept at the next start, the register opens, ``check`` passes,
every acknowledged action is present, and every file at a target name is whole. (The numbered print
has its own kill test with the documents.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRIALS = {"import": 8, "meeting": 10, "dues": 10, "backup": 8, "migration": 8}


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(TRIALS))
def test_killed_at_random_nothing_is_lost(tmp_path, kind):
    done = subprocess.run([sys.executable, "-m", "tests.crash.harness", str(tmp_path), kind, str(TRIALS[kind]), "26"],
                          capture_output=True, text=True, cwd=ROOT, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["failures"] == [] and figures["survived"] == figures["trials"] == TRIALS[kind]
    assert figures["acknowledged"] > 0
    print(f"\ncrash {kind}: {figures['trials']} kills, {figures['survived']} survived, "
          f"{figures['acknowledged']} acknowledged actions checked")


def test_a_killed_demo_leaves_no_half_made_register(tmp_path):
    """``demo`` builds the register under a temporary name: killed midway, the target does not exist, and
    the next start sweeps the temporary away."""
    import os
    import signal
    import time

    env = {**os.environ, "TAYNINH_DESKTOP_DATA_DIR": str(tmp_path / "data")}
    target = tmp_path / "so.sqlite3"
    child = subprocess.Popen([sys.executable, "-m", "tayninh_desktop", "demo", "--members", "30000", "--db",
                              str(target)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".so.sqlite3.dang-tao-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert not target.exists()
    leftovers = list(tmp_path.glob(".so.sqlite3.dang-tao-*"))
    assert leftovers   # killed while building
    done = subprocess.run([sys.executable, "-m", "tayninh_desktop", "check", "--db", str(tmp_path / "khac.sqlite3")],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 1   # no register there, but the start swept the temporaries
    assert not list(tmp_path.glob(".so.sqlite3.dang-tao-*")) and not target.exists()
