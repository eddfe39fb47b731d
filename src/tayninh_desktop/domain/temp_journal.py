"""Temporary files of a run that was killed are removed at the next start.

Every file the program writes goes first to a temporary name beside its target (then fsync, then
rename). A run killed in between leaves that temporary behind; each one is noted here (one small
entry per temporary in the program's folder ``tam``), the note removed once the file is renamed or
deleted, and ``sweep`` (at every start) removes the temporaries whose program is no longer running.

The program's entry points (``cli.main``, ``app.run``) say where the notes go (``configure``); code
run without it (a test calling a writer directly) simply keeps no notes.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import uuid
from pathlib import Path

_folder: Path | None = None
_entries: dict[str, Path] = {}


def configure(folder: Path | None) -> None:
    global _folder
    _folder = folder


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` of this computer is still running (never signals it)."""
    if sys.platform == "win32":   # os.kill(pid, 0) would terminate the process on Windows
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _alive_windows(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    still_active, query = 259, 0x1000   # STILL_ACTIVE, PROCESS_QUERY_LIMITED_INFORMATION
    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(query, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def begin(temp: Path) -> None:
    """Note ``temp`` (created by this process) until ``end``."""
    if _folder is None:
        return
    entry = _folder / f"{os.getpid()}-{uuid.uuid4().hex[:12]}.json"
    try:
        _folder.mkdir(parents=True, exist_ok=True)
        entry.write_text(json.dumps({"path": str(Path(temp).resolve()), "pid": os.getpid(),
                                     "host": platform.node()}), encoding="utf-8")
    except OSError:
        return
    _entries[str(temp)] = entry


def end(temp: Path) -> None:
    entry = _entries.pop(str(temp), None)
    if entry is not None:
        try:
            entry.unlink(missing_ok=True)
        except OSError:
            pass


def sweep() -> list[Path]:
    """Remove the temporaries left by runs that are no longer running; returns what was removed."""
    removed: list[Path] = []
    if _folder is None or not _folder.is_dir():
        return removed
    for entry in _folder.glob("*.json"):
        try:
            note = json.loads(entry.read_text(encoding="utf-8"))
            pid, host, path = int(note["pid"]), note.get("host"), Path(note["path"])
        except (OSError, ValueError, KeyError, TypeError):
            entry.unlink(missing_ok=True)
            continue
        if host == platform.node() and process_alive(pid):
            continue
        try:
            # the temporary and what SQLite keeps beside a database being written (a backup's copy)
            for part in (path, *(path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm"))):
                if part.is_file() and part.name.startswith("."):
                    part.unlink()
                    removed.append(part)
            entry.unlink(missing_ok=True)
        except OSError:
            continue
    return removed


def create(target: Path) -> tuple[int, Path]:
    """A new temporary file beside ``target``, noted before it exists (a kill at any moment leaves
    nothing the next sweep does not find): (open file descriptor, path)."""
    folder = target.parent if str(target.parent) else Path(".")
    temp = folder / f".{target.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp"
    begin(temp)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    except BaseException:
        end(temp)
        raise
    return fd, temp
