"""Where the program keeps its files. Never anything personal in a file name or a log."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

DB_FILE_NAME = "so-dang-vien.sqlite3"
# The sample register (sổ mẫu, synthetic data to try the program) lives in its own file beside the real one,
# so that practising never writes into the office's register.
SAMPLE_DB_FILE_NAME = "so-mau.sqlite3"
ENV_DATA_DIR = "TAYNINH_DESKTOP_DATA_DIR"
# Portable mode (a program run from a USB stick): this file beside the program keeps the data in
# PORTABLE_DATA_FOLDER beside it too, instead of the user's application-data folder.
PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA_FOLDER = "du-lieu"


def program_dir() -> Path | None:
    """The folder of the bundled program (PyInstaller sets ``sys.frozen``); None when run from Python."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def portable_data_dir(program: Path | None) -> Path | None:
    """The data folder beside ``program`` when the portable marker file is there, else None."""
    if program is not None and (program / PORTABLE_MARKER).is_file():
        return program / PORTABLE_DATA_FOLDER
    return None


def data_dir() -> Path:
    """The data folder: ``TAYNINH_DESKTOP_DATA_DIR`` if set (tests, a chosen folder); else beside the
    program in portable mode; else the user's application-data folder (``%LOCALAPPDATA%\\tayninh-desktop``
    on Windows, ``~/.local/share/tayninh-desktop`` on Linux)."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    portable = portable_data_dir(program_dir())
    if portable is not None:
        return portable
    from platformdirs import user_data_dir

    return Path(user_data_dir("tayninh-desktop", appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def sample_db_path() -> Path:
    return data_dir() / SAMPLE_DB_FILE_NAME


def current_user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "nguoi-dung"


def program_version() -> str:
    """The installed wheel's version; the package's own when no metadata is there (a bundle built without it)."""
    from importlib import metadata

    try:
        return metadata.version("tayninh-desktop")
    except metadata.PackageNotFoundError:
        from tayninh_desktop import __version__

        return __version__
