"""Shared by the benchmarks: the demo workload they run on, timing helpers, printing."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def demo_db(members: int, seed: int = 2026) -> Path:
    """The demo register of ``members`` members, built once with `tayninh-desktop demo` and reused."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"demo-{members}-{seed}.sqlite3"
    if not path.exists():
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tayninh_desktop", "demo", "--members", str(members), "--seed",
                        str(seed), "--db", str(path)], check=True)
        print(f"built {path.name} in {time.perf_counter() - started:.1f} s")
    return path


def timed(fn, repeat: int = 5) -> list[float]:
    """Wall times in milliseconds of ``repeat`` calls."""
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def report(name: str, ours: list[float], baseline: list[float] | None = None) -> None:
    med = statistics.median(ours)
    line = f"{name:<46} median {med:8.1f} ms   worst {max(ours):8.1f} ms"
    if len(ours) >= 20:
        line += f"   p95 {statistics.quantiles(ours, n=20)[-1]:6.1f} ms"
    if baseline:
        base = statistics.median(baseline)
        line += f"   | bare {base:7.1f} ms   ratio {med / base if base else float('inf'):5.1f}x"
    print(line)
