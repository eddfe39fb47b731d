"""Where the data lives: the user's application-data folder, or beside the program in portable mode."""

from __future__ import annotations

import sys

import pytest

from tayninh_desktop import config


@pytest.fixture
def bundled(tmp_path, monkeypatch):
    """The program as PyInstaller runs it: ``sys.frozen`` set, the executable in its own folder."""
    program = tmp_path / "Sổ đảng viên"
    program.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program / "tayninh-desktop.exe"))
    monkeypatch.delenv(config.ENV_DATA_DIR, raising=False)
    return program


def test_run_from_python_there_is_no_program_folder():
    assert config.program_dir() is None


def test_the_marker_file_keeps_the_data_beside_the_program(bundled):
    (bundled / config.PORTABLE_MARKER).write_text("di động\n", encoding="utf-8")
    assert config.data_dir() == bundled / "du-lieu"
    assert config.default_db_path() == bundled / "du-lieu" / config.DB_FILE_NAME


def test_without_the_marker_the_data_goes_to_the_users_folder(bundled):
    from platformdirs import user_data_dir

    assert config.data_dir() == config.Path(user_data_dir("tayninh-desktop", appauthor=False))
    assert bundled not in config.data_dir().parents


def test_a_folder_named_like_the_marker_is_not_the_marker(bundled):
    (bundled / config.PORTABLE_MARKER).mkdir()
    assert config.portable_data_dir(bundled) is None


def test_the_environment_variable_wins_over_the_marker(bundled, tmp_path, monkeypatch):
    (bundled / config.PORTABLE_MARKER).touch()
    monkeypatch.setenv(config.ENV_DATA_DIR, str(tmp_path / "chosen"))
    assert config.data_dir() == tmp_path / "chosen"


def test_a_portable_register_is_created_beside_the_program(bundled):
    from tayninh_desktop.storage.db import open_database

    (bundled / config.PORTABLE_MARKER).touch()
    db = open_database(config.default_db_path(), create=True)
    db.conn.close()
    assert (bundled / "du-lieu" / config.DB_FILE_NAME).is_file()
