"""Where the program keeps its files. Never anything personal in a file name or a log."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

DB_FILE_NAME = "so-dang-vien.sqlite3"
ENV_DATA_DIR = "TAYNINH_DESKTOP_DATA_DIR"


def data_dir() -> Path:
    """The user data folder (``TAYNINH_DESKTOP_DATA_DIR`` overrides it, for tests and portable installs)."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("tayninh-desktop", appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def current_user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "nguoi-dung"
