"""The keys live beside the data: the folder start-up resolved (portable mode), unless the environment names one."""

from tayninh_desktop.storage import keystore


def test_the_configured_folder_holds_the_keys(tmp_path, monkeypatch):
    monkeypatch.delenv("TAYNINH_DESKTOP_DATA_DIR", raising=False)
    monkeypatch.setattr(keystore, "_configured", None)
    keystore.configure(tmp_path / "du-lieu" / "khoa")
    assert keystore.keys_dir() == tmp_path / "du-lieu" / "khoa"


def test_the_environment_still_wins(tmp_path, monkeypatch):
    monkeypatch.setattr(keystore, "_configured", tmp_path / "elsewhere")
    monkeypatch.setenv("TAYNINH_DESKTOP_DATA_DIR", str(tmp_path / "data"))
    assert keystore.keys_dir() == tmp_path / "data" / "khoa"
