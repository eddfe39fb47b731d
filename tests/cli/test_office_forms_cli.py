"""`forms list` and `print` with the office's own forms (real processes, a real data folder)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.documents.test_office_forms import INVITATION


def _run(*args, data_dir):
    env = dict(os.environ, TAYNINH_DESKTOP_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "tayninh_desktop", *args], capture_output=True, text=True,
                          env=env, timeout=120, check=False)


def _office(tmp_path):
    folder = tmp_path / "data" / "forms"
    folder.mkdir(parents=True)
    (folder / "giay_moi_hop.toml").write_text(INVITATION, encoding="utf-8")
    (folder / "hong.toml").write_text('name = "Giấy mời\n', encoding="utf-8")
    return tmp_path / "data"


def test_forms_list_shows_the_office_form_and_names_the_broken_one(tmp_path):
    data = _office(tmp_path)
    result = _run("forms", "list", data_dir=data)
    assert result.returncode == 0
    assert "giay_moi_hop" in result.stdout and "Giấy mời họp chi bộ mở rộng  (mẫu của văn phòng)" in result.stdout
    assert "cong_van" in result.stdout                                   # the shipped ones are all there
    assert "Bỏ qua mẫu của văn phòng «hong.toml»: sai cú pháp TOML ở dòng 1" in result.stderr
    payload = json.loads(_run("forms", "list", "--json", data_dir=data).stdout)
    office = [f["id"] for f in payload["forms"] if f["office"]]
    assert office == ["giay_moi_hop"] and payload["count"] > 15
    assert [p["file"] for p in payload["problems"]] == ["hong.toml"]
    assert payload["office_folder"] == str(data / "forms")
    assert "sai cú pháp TOML" in payload["problems"][0]["message"]


def test_print_an_office_form_and_refuse_a_broken_one(tmp_path, db_path):
    data = _office(tmp_path)
    assert _run("init", "--db", str(db_path), "--unit-code", "HT", "--unit-name", "Đảng ủy xã Hưng Thuận",
                "--superior-name", "Tỉnh ủy Tây Ninh", data_dir=data).returncode == 0
    assert _run("cells", "add", "--db", str(db_path), "--code", "CB01", "--name", "Chi bộ ấp Cầu Xe",
                data_dir=data).returncode == 0
    assert _run("signers", "set", "--db", str(db_path), "--unit", "CB01", "--secretary", "Nguyễn Văn An",
                data_dir=data).returncode == 0
    assert _run("terms", "add", "--db", str(db_path), "--closed", "15/08/2025", data_dir=data).returncode == 0
    out = tmp_path / "gm.pdf"
    printed = _run("print", "giay_moi_hop", "--cell", "CB01", "--db", str(db_path), "--out", str(out), "--json",
                   "--summary", "Mời họp chi bộ mở rộng", data_dir=data)
    assert printed.returncode == 0, printed.stdout + printed.stderr
    assert json.loads(printed.stdout)["symbol"].startswith("01-GM/") and out.read_bytes().startswith(b"%PDF")
    refused = _run("print", "hong", "--cell", "CB01", "--db", str(db_path), "--out", str(tmp_path / "h.pdf"),
                   data_dir=data)
    assert refused.returncode == 1
    assert "Mẫu của văn phòng «hong.toml» có lỗi nên chưa in được: sai cú pháp TOML" in refused.stderr
    assert not (tmp_path / "h.pdf").exists()
