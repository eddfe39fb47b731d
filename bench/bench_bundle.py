"""Benchmark of the one-folder program (issue 16) beside the source install.

    .venv/bin/python bench/bench_bundle.py [--bundle build/bundle/app/tayninh-desktop] [--repeat 5]

Builds the bundle with installer/build_bundle.sh when it is not there. Reports:
- size: the bundle unpacked and zipped (deflate, as an office would copy it to a stick), beside the
  source install (the installed files of tayninh-desktop and of every package it depends on, without the
  Python interpreter itself);
- start-up, medians over fresh processes: process start → `--self-test` done, and process start → the
  main window shown (Qt offscreen, on a register created beforehand, through the startup probe in app.py),
  for the bundle and for the source install, beside a bare PySide6 window started from the same Python.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BUNDLE = ROOT / "build" / "bundle" / "app" / "tayninh-desktop"
SOURCE = [sys.executable, "-m", "tayninh_desktop"]

BARE_WINDOW = r"""
import time
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget(); w.resize(800, 600); w.show(); app.processEvents()
print(f"shown {time.time():.3f}")
"""


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def zipped_size(folder: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "bundle.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(folder.parent))
        return target.stat().st_size


def source_install_size(name: str = "tayninh-desktop") -> tuple[int, int]:
    """(bytes, packages) of the installed distribution and its runtime dependencies, recursively."""
    seen: set[str] = set()
    todo, total = [name], 0
    while todo:
        dist_name = todo.pop()
        key = dist_name.lower().replace("_", "-")
        if key in seen:
            continue
        seen.add(key)
        dist = metadata.distribution(dist_name)
        for file in dist.files or ():
            path = Path(dist.locate_file(file))
            if path.is_file():
                total += path.stat().st_size
        for text in dist.requires or ():
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return total, len(seen)


def _env(data_dir: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TAYNINH_DESKTOP_DATA_DIR=str(data_dir))
    env.pop("PYTHONPATH", None)
    return env


def self_test_ms(command: list[str], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            started = time.time()
            subprocess.run([*command, "--self-test"], check=True, capture_output=True, env=_env(Path(tmp)), cwd=tmp)
            out.append((time.time() - started) * 1000)
    return out


def window_ms(command: list[str], repeat: int, *, bare: bool = False) -> list[float]:
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(Path(tmp))
        if not bare:
            subprocess.run([*command, "init", "--unit-code", "TKT", "--unit-name", "Đảng ủy xã Thử Nghiệm",
                            "--superior-name", "Tỉnh ủy Tây Ninh"], check=True, capture_output=True, env=env)
            env["TAYNINH_DESKTOP_STARTUP_PROBE"] = "1"
        for _ in range(repeat):
            started = time.time()
            result = subprocess.run(command, check=True, capture_output=True, text=True, env=env, cwd=tmp)
            shown = next(line for line in result.stdout.splitlines() if line.startswith("shown "))
            out.append((float(shown.split()[1]) - started) * 1000)
    return out


def _line(name: str, bundle: list[float], source: list[float]) -> None:
    b, s = statistics.median(bundle), statistics.median(source)
    print(f"{name:<40} bundle {b:7.0f} ms   source {s:7.0f} ms   ratio {b / s:4.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not (args.bundle / "tayninh-desktop").exists():
        subprocess.run(["bash", str(ROOT / "installer" / "build_bundle.sh")], check=True)
    bundle = [str(args.bundle / "tayninh-desktop")]
    unpacked, packed = folder_size(args.bundle), zipped_size(args.bundle)
    source, packages = source_install_size()
    mb = 1024 * 1024
    print(f"bundle unpacked {unpacked / mb:6.1f} MB   zipped {packed / mb:6.1f} MB   "
          f"| source install {source / mb:6.1f} MB in {packages} packages (without Python)")
    _line("process start -> --self-test done", self_test_ms(bundle, args.repeat), self_test_ms(SOURCE, args.repeat))
    _line("process start -> window shown (offscreen)", window_ms(bundle, args.repeat),
          window_ms(SOURCE, args.repeat))
    bare = statistics.median(window_ms([sys.executable, "-c", BARE_WINDOW], args.repeat, bare=True))
    print(f"{'bare PySide6 window (source Python)':<40} {bare:7.0f} ms")


if __name__ == "__main__":
    main()
