"""Shared by the benchmarks: the demo workload they run on, timing helpers, printing."""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def demo_db(members: int, seed: int = 2026) -> Path:
    """The demo register of ``members`` members, built once with `tayninh-desktop demo` and reused.

    The build's wall time, peak memory and file size are kept beside it (``<name>.json``): building the
    100,000-member register takes minutes, so bench_all.py reports the figures of the build it runs on."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"demo-{members}-{seed}.sqlite3"
    if not path.exists():
        figures = build_demo(path, members, seed)
        demo_figures_path(path).write_text(json.dumps(figures), encoding="utf-8")
        print(f"built {path.name} in {figures['seconds']:.1f} s, peak {figures['peak_mb']:.0f} MB")
    return path


def demo_figures_path(path: Path) -> Path:
    return path.with_suffix(".json")


def build_demo(path: Path, members: int, seed: int = 2026, env: dict | None = None) -> dict:
    """Run `tayninh-desktop demo` into ``path`` in a new process: its seconds and peak memory (MB). ``env``: the
    process's environment (another version of the program on PYTHONPATH: bench/yardstick.py)."""
    script = ("import resource, subprocess, sys, time; t = time.perf_counter(); subprocess.run(sys.argv[1:],"
              " check=True, stdout=subprocess.DEVNULL); print(time.perf_counter() - t,"
              " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    command = [sys.executable, "-m", "tayninh_desktop", "demo", "--members", str(members), "--seed", str(seed),
               "--db", str(path)]
    out = subprocess.run([sys.executable, "-c", script, *command], check=True, capture_output=True,
                         text=True, env=env).stdout.split()
    return {"members": members, "seconds": float(out[0]), "peak_mb": int(out[1]) / 1024}


# CPU milliseconds of the calls timed since the start (this process's and its children's): on a shared machine
# the wall time of a run depends on what else runs, its CPU time much less.
CPU_TIMES: list[float] = []


def cpu_now() -> float:
    """CPU seconds used so far by this process and the child processes it waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(fn, repeat: int = 5) -> list[float]:
    """Wall times in milliseconds of ``repeat`` calls (their CPU times go to CPU_TIMES)."""
    out = []
    for _ in range(repeat):
        cpu, started = cpu_now(), time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
        CPU_TIMES.append((cpu_now() - cpu) * 1000)
    return out


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_mb() -> float:
    """Peak resident memory of the largest child process waited for, in MB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def report(name: str, ours: list[float], baseline: list[float] | None = None) -> None:
    med = statistics.median(ours)
    line = f"{name:<46} median {med:8.1f} ms   worst {max(ours):8.1f} ms"
    if len(ours) >= 20:
        line += f"   p95 {p95(ours):6.1f} ms"
    if baseline:
        base = statistics.median(baseline)
        line += f"   | bare {base:7.1f} ms   ratio {med / base if base else float('inf'):5.1f}x"
    print(line)
