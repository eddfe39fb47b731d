"""The command line as a product surface: real processes, real files, exit codes and JSON."""

import json
import os
import subprocess
import sys

import pytest


def run(*args, env_dir=None):
    env = dict(os.environ)
    if env_dir:
        env["TAYNINH_DESKTOP_DATA_DIR"] = str(env_dir)
    return subprocess.run([sys.executable, "-m", "tayninh_desktop", *args], capture_output=True, text=True,
                          env=env, timeout=120, check=False)


@pytest.fixture
def inited(db_path):
    result = run("init", "--db", str(db_path), "--unit-code", "HT", "--unit-name", "Đảng ủy xã Hưng Thuận",
                 "--superior-name", "Tỉnh ủy Tây Ninh", "--place", "Hưng Thuận")
    assert result.returncode == 0, result.stderr
    assert run("cells", "add", "--db", str(db_path), "--code", "CB01", "--name", "Chi bộ ấp Cầu Xe").returncode == 0
    return db_path


def test_init_then_list_empty(inited):
    result = run("members", "list", "--db", str(inited), "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"ok": True, "count": 0, "members": []}


def test_init_twice_is_refused_with_exit_1(inited):
    result = run("init", "--db", str(inited), "--unit-code", "X", "--unit-name", "Đảng ủy xã X",
                 "--superior-name", "Tỉnh ủy Y", "--json")
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["error"] == "already_initialised" and "Đảng ủy xã Hưng Thuận" in payload["message"]


def test_demo_list_search_cell_and_check(db_path):
    assert run("demo", "--db", str(db_path), "--members", "300", "--seed", "3").returncode == 0
    everyone = json.loads(run("members", "list", "--db", str(db_path), "--json").stdout)
    assert everyone["count"] > 250
    names = [m["full_name"] for m in everyone["members"]]
    first = everyone["members"][0]
    query = first["full_name"].split()[-1]
    found = json.loads(run("members", "list", "--db", str(db_path), "--search", query, "--json").stdout)
    assert first["id"] in [m["id"] for m in found["members"]]
    in_cell = json.loads(run("members", "list", "--db", str(db_path), "--cell", "CB01", "--json").stdout)
    assert 0 < in_cell["count"] < everyone["count"]
    assert {m["cell"] for m in in_cell["members"]} == {in_cell["members"][0]["cell"]}
    assert len(names) == everyone["count"]
    check = run("check", "--db", str(db_path), "--json")
    assert check.returncode == 0 and json.loads(check.stdout)["ok"] is True


def test_check_fails_with_exit_1_on_a_tampered_audit_log(inited):
    import sqlite3

    conn = sqlite3.connect(inited)
    conn.execute("UPDATE audit_log SET actor = 'ke-gian' WHERE seq = 1")
    conn.commit()
    conn.close()
    result = run("check", "--db", str(inited))
    assert result.returncode == 1 and "KHÔNG ĐẠT" in result.stdout


def test_not_a_database_is_refused_in_vietnamese(tmp_path):
    bad = tmp_path / "x.sqlite3"
    bad.write_bytes(b"PK\x03\x04 not a database")
    result = run("members", "list", "--db", str(bad))
    assert result.returncode == 1
    assert "không phải cơ sở dữ liệu" in result.stderr and "Traceback" not in result.stderr


def test_unknown_cell_and_usage_errors(inited):
    result = run("members", "list", "--db", str(inited), "--cell", "KHONGCO")
    assert result.returncode == 1 and "KHONGCO" in result.stderr
    assert run("members", "lst").returncode == 2
    assert run("demo", "--members", "nhiều").returncode == 2


def test_self_test_passes():
    result = run("--self-test")
    assert result.returncode == 0 and "ĐẠT" in result.stdout


def test_default_data_dir_is_used(tmp_path):
    assert run("init", "--unit-code", "HT", "--unit-name", "Đảng ủy xã Hưng Thuận", "--superior-name",
               "Tỉnh ủy Tây Ninh", env_dir=tmp_path).returncode == 0
    assert (tmp_path / "so-dang-vien.sqlite3").exists()


def test_the_demo_goes_to_its_own_file_never_the_real_register(tmp_path):
    assert run("demo", "--members", "20", env_dir=tmp_path).returncode == 0
    assert (tmp_path / "so-mau.sqlite3").exists() and not (tmp_path / "so-dang-vien.sqlite3").exists()
    refused = run("demo", "--members", "20", "--db", str(tmp_path / "so-dang-vien.sqlite3"), env_dir=tmp_path)
    assert refused.returncode == 1 and "sổ đảng viên thật" in refused.stderr
    assert not (tmp_path / "so-dang-vien.sqlite3").exists()       # nothing created by the refused command


def test_units_both_hierarchies_from_the_command_line(inited):
    db = str(inited)
    assert run("units", "add", "--db", db, "--code", "HU", "--name", "Huyện ủy Trảng Bàng", "--type",
               "dang_bo_huyen", "--parent", _superior_code(db)).returncode == 0
    assert run("units", "move", "--db", db, "--code", "HT", "--parent", "HU", "--from", "01/01/2000").returncode == 0
    assert run("units", "move", "--db", db, "--code", "HT", "--parent", _superior_code(db), "--from",
               "01/07/2025").returncode == 0
    old = json.loads(run("units", "tree", "--db", db, "--on", "01/01/2024", "--json").stdout)
    new = json.loads(run("units", "tree", "--db", db, "--on", "01/01/2026", "--json").stdout)
    depth_old = {u["code"]: u["depth"] for u in old["units"]}
    depth_new = {u["code"]: u["depth"] for u in new["units"]}
    assert depth_old["HT"] == 2 and depth_new["HT"] == 1
    assert run("units", "move", "--db", db, "--code", "HT", "--parent", "HU", "--from", "31/02/2025").returncode == 1


def _superior_code(db):
    units = json.loads(run("units", "tree", "--db", db, "--json").stdout)["units"]
    return next(u["code"] for u in units if u["depth"] == 0)


@pytest.mark.parametrize(("args", "expected"), [
    (("demo", "--members", "nhiều"), "--members: «nhiều» không phải là số."),
    (("members", "lst"), "không có «lst»"),
    (("cells", "add"), "thiếu tham số bắt buộc: --code, --name."),
    (("check", "--bogus"), "không hiểu tham số: --bogus."),
])
def test_usage_errors_are_vietnamese(args, expected):
    result = run(*args)
    assert result.returncode == 2 and expected in result.stderr
    assert result.stderr.count("Cách dùng:") == 1


def test_help_is_vietnamese():
    out = run("--help").stdout
    assert "hiện hướng dẫn này rồi thoát" in out and "show this help" not in out


def test_an_unexpected_fault_gives_a_message_and_a_log_not_a_traceback(inited, tmp_path):
    import sqlite3

    conn = sqlite3.connect(inited)
    conn.execute("DROP TRIGGER members_fts_insert")
    conn.execute("ALTER TABLE members RENAME TO members_old")  # a file damaged outside the program
    conn.commit()
    conn.close()
    result = run("members", "list", "--db", str(inited), env_dir=tmp_path)
    assert result.returncode == 1
    assert "lỗi không lường trước" in result.stderr and "Traceback" not in result.stderr
    assert "Traceback" in (tmp_path / "logs" / "loi.log").read_text(encoding="utf-8")


def test_init_from_the_province_list_fills_the_committee(db_path):
    result = run("init", "--db", str(db_path), "--commune", "hung thuan", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert (payload["unit_code"], payload["unit_name"], payload["place"], payload["commune_code"]) == (
        "25711", "Đảng ủy xã Hưng Thuận", "Hưng Thuận", "25711")
    tree = run("units", "tree", "--db", str(db_path), "--json")
    assert "Đảng ủy xã Hưng Thuận" in tree.stdout and "Tỉnh ủy Tây Ninh" in tree.stdout


def test_init_with_a_commune_not_in_the_list_writes_nothing(tmp_path):
    target = tmp_path / "so.sqlite3"
    result = run("init", "--db", str(target), "--commune", "tan thanh", env_dir=tmp_path)
    assert result.returncode == 1 and "Xã Tân Thạnh (27826)" in result.stdout + result.stderr
    assert not target.exists()
    result = run("init", "--db", str(target), env_dir=tmp_path)
    assert result.returncode == 1 and "--commune" in result.stdout + result.stderr
    assert not target.exists()
