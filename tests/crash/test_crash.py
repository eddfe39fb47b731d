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
