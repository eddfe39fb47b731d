"""Who has the register open: one small file per running program beside the register.

When a write has to wait and the wait runs out, the refusal names who else has the register open
("van-thu trên máy VP-DANGUY, từ 08:12"), when it can tell. Files of programs that are no longer
running on this computer are ignored; on a write-protected folder nothing is written.
"""

from __future__ import annotations

import atexit
import json
import os
import platform
from datetime import datetime
from pathlib import Path

from tayninh_desktop.domain.temp_journal import process_alive

_ANNOUNCED: set[Path] = set()


def presence_dir(db_path: Path | str) -> Path:
    path = Path(db_path)
    return path.parent / f".{path.name}.dang-dung"


def _host() -> str:
    return platform.node() or "?"


def _own_file(db_path: Path | str) -> Path:
    return presence_dir(db_path) / f"{_host()}-{os.getpid()}.json"


def announce(db_path: Path | str, user: str) -> None:
    """Say that this program has the register open (removed when the program ends)."""
    own = _own_file(db_path)
    if own in _ANNOUNCED:
        return
    _forget_the_dead(db_path)
    try:
        own.parent.mkdir(exist_ok=True)
        own.write_text(json.dumps({"user": user, "host": _host(), "pid": os.getpid(),
                                   "since": datetime.now().isoformat(timespec="minutes")}, ensure_ascii=False),
                       encoding="utf-8")
    except OSError:
        return
    _ANNOUNCED.add(own)
    atexit.register(_withdraw, own)


def _withdraw(own: Path) -> None:
    try:
        own.unlink(missing_ok=True)
        _ANNOUNCED.discard(own)
        own.parent.rmdir()
    except OSError:
        pass


def _forget_the_dead(db_path: Path | str) -> None:
    """Remove the files of programs of this computer that ended without saying so (killed, power cut)."""
    for file in presence_dir(db_path).glob(f"{_host()}-*.json"):
        try:
            pid = int(file.stem.rsplit("-", 1)[1])
        except (IndexError, ValueError):
            continue
        if not process_alive(pid):
            file.unlink(missing_ok=True)


def others(db_path: Path | str) -> list[dict]:
    """The other programs that have the register open (as far as their files tell)."""
    folder = presence_dir(db_path)
    out = []
    try:
        files = sorted(folder.glob("*.json"))
    except OSError:
        return []
    for file in files:
        if file == _own_file(db_path):
            continue
        try:
            info = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(info, dict):
            continue
        if info.get("host") == _host() and isinstance(info.get("pid"), int) and not process_alive(info["pid"]):
            continue
        out.append(info)
    return out


def describe_others(db_path: Path | str) -> str:
    """ "van-thu trên máy VP (từ 2026-11-27T08:12)"; "" when nobody else can be named."""
    parts = []
    for info in others(db_path):
        since = str(info.get("since", "")).replace("T", " lúc ")
        parts.append(f"{info.get('user', '?')} trên máy {info.get('host', '?')}" + (f" (mở từ {since})" if since else ""))
    return "; ".join(parts)


def withdraw_all() -> None:
    """This program no longer has any register open (the end of a command)."""
    for own in list(_ANNOUNCED):
        _withdraw(own)
