"""The window's own preferences on this computer (which register columns are shown…), in a small JSON file in
the data folder — written whole to a temporary name and renamed (QSaveFile), never half-written. A missing or
unreadable file means the defaults."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QIODevice, QSaveFile

from tayninh_desktop.config import data_dir

FILE_NAME = "cua-so.json"


def _path() -> Path:
    return data_dir() / FILE_NAME


def load() -> dict:
    try:
        value = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def get(key: str, default=None):
    return load().get(key, default)


def put(key: str, value) -> bool:
    """Store one preference; False when the file could not be written (the window carries on)."""
    values = load()
    values[key] = value
    path = _path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    out = QSaveFile(str(path))
    if not out.open(QIODevice.OpenModeFlag.WriteOnly):
        return False
    out.write(json.dumps(values, ensure_ascii=False, indent=1).encode("utf-8"))
    return out.commit()
