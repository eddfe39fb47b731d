"""The start-up probe the bundle check and bench_bundle.py rely on: a real process opens its main window on a
register in its data folder, prints when it is shown, and exits 0 (Qt offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
import time


def test_the_window_is_shown_and_the_process_says_when(tmp_path):
    env = dict(os.environ, TAYNINH_DESKTOP_DATA_DIR=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "tayninh_desktop"]
    subprocess.run([*command, "init", "--unit-code", "HT", "--unit-name", "Đảng ủy xã Hưng Thuận",
                    "--superior-name", "Tỉnh ủy Tây Ninh"], env=env, check=True, capture_output=True, timeout=120)
    started = time.time()
    result = subprocess.run(command, env=dict(env, TAYNINH_DESKTOP_STARTUP_PROBE="1"), capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("shown ")]
    assert started <= float(line.split()[1]) <= time.time()
