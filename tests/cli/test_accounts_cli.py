"""Accounts and encryption on the command line: a register without accounts acts as its administrator; once
accounts exist every command names --user and gives the password (TAYNINH_PASSWORD, or typed when asked);
refusals are Vietnamese, exit 1, and change nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.documents.conftest import pdftotext

ADMIN_PW = "mat-khau-quan-tri"


def run(*args, password=None, new_password=None, stdin=None, env_extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TAYNINH_") or k == "TAYNINH_DESKTOP_DATA_DIR"}
    if password is not None:
        env["TAYNINH_PASSWORD"] = password
    if new_password is not None:
        env["TAYNINH_NEW_PASSWORD"] = new_password
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "tayninh_desktop", *args], capture_output=True, text=True,
                          env=env, timeout=180, check=False, input=stdin if stdin is not None else "")


@pytest.fixture
def office(db_path):
    """A register with a cell, an administrator and a viewer (created through the CLI)."""
    db = str(db_path)
    assert run("init", "--db", db, "--unit-code", "HT", "--unit-name", "Đảng ủy xã Hưng Thuận",
               "--superior-name", "Tỉnh ủy Tây Ninh").returncode == 0
    for code, name in (("CB01", "Chi bộ ấp Cầu Xe"), ("CB02", "Chi bộ ấp Suối Dộp")):
        assert run("cells", "add", "--db", db, "--code", code, "--name", name).returncode == 0
    made = run("accounts", "add", "quantri", "--role", "quan_tri", "--full-name", "Nguyễn Văn Quản", "--db", db,
               new_password=ADMIN_PW)
    assert made.returncode == 0, made.stderr
    for name, role, extra in (("xem", "xem", []), ("bithu1", "bi_thu_chi_bo", ["--cell", "CB01"])):
        made = run("accounts", "add", name, "--role", role, *extra, "--db", db, "--user", "quantri",
                   password=ADMIN_PW, new_password=f"{name}-tam-thoi")
        assert made.returncode == 0, made.stderr
        changed = run("accounts", "passwd", name, "--db", db, "--user", name, password=f"{name}-tam-thoi",
                      new_password=f"{name}-cua-toi")
        assert changed.returncode == 0, changed.stderr
    return db


def test_a_fresh_register_needs_no_login_and_a_register_with_accounts_does(office, db_path):
    refused = run("members", "list", "--db", office)
    assert refused.returncode == 1 and "--user" in refused.stderr and "Traceback" not in refused.stderr
    listed = run("members", "list", "--db", office, "--user", "quantri", "--json", password=ADMIN_PW)
    assert listed.returncode == 0 and json.loads(listed.stdout)["count"] == 0
    check = run("check", "--db", office, "--user", "xem", password="sai")   # read-only, still a login
    assert check.returncode == 1 and "không đúng" in check.stderr
    check = run("check", "--db", office, "--user", "xem", password="xem-cua-toi")
    assert check.returncode == 0 and "chuỗi băm nguyên vẹn" in check.stdout


def test_the_password_is_asked_when_not_in_the_environment(office):
    asked = run("accounts", "list", "--db", office, "--user", "quantri", "--json", stdin=ADMIN_PW + "\n")
    assert asked.returncode == 0, asked.stderr
    names = [a["name"] for a in json.loads(asked.stdout)["accounts"]]
    assert names == ["bithu1", "quantri", "xem"]
    assert "Mật khẩu của tài khoản «quantri»" in asked.stderr


def test_a_wrong_password_and_then_a_lock(office):
    for left in (4, 3, 2):
        wrong = run("members", "list", "--db", office, "--user", "xem", password="sai")
        assert wrong.returncode == 1 and (f"Còn {left} lần thử" in wrong.stderr or "hãy chờ" in wrong.stderr)
    unlock = run("accounts", "unlock", "xem", "--db", office, "--user", "quantri", password=ADMIN_PW)
    assert unlock.returncode == 0 and "Đã mở khóa" in unlock.stdout
    ok = run("members", "list", "--db", office, "--user", "xem", password="xem-cua-toi")
    assert ok.returncode == 0, ok.stderr


def test_a_viewer_and_a_secretary_are_refused_in_vietnamese(office):
    viewer = run("cells", "add", "--db", office, "--code", "CB03", "--name", "Chi bộ 3", "--user", "xem",
                 password="xem-cua-toi")
    assert viewer.returncode == 1 and "không có quyền" in viewer.stderr
    other = run("members", "list", "--cell", "CB02", "--db", office, "--user", "bithu1", password="bithu1-cua-toi")
    assert other.returncode == 1 and "chi bộ mình" in other.stderr
    own = run("members", "list", "--cell", "CB01", "--db", office, "--user", "bithu1", password="bithu1-cua-toi")
    assert own.returncode == 0, own.stderr
    trail = run("accounts", "list", "--db", office, "--user", "xem", "--json", password="xem-cua-toi")
    assert trail.returncode == 1 and json.loads(trail.stdout)["error"] == "permission_denied"


def test_encryption_on_the_command_line(office, tmp_path, db_path):
    sheet = tmp_path / "ma-khoi-phuc.pdf"
    on = run("encryption", "on", "--recovery-out", str(sheet), "--db", office, "--user", "quantri", "--json",
             password=ADMIN_PW)
    assert on.returncode == 0, on.stderr
    key = json.loads(on.stdout)["recovery_key"]
    assert key.replace("-", "") in pdftotext(sheet, 1, 1).replace(" ", "").replace("-", "").replace("\n", "")
    assert "Hưng Thuận".encode() not in db_path.read_bytes()
    status = json.loads(run("encryption", "status", "--db", office, "--json").stdout)
    assert status["encrypted"] and status["admins"] == ["quantri"] and status["recovery_key"]
    listed = run("members", "list", "--db", office, "--user", "xem", password="xem-cua-toi")
    assert listed.returncode == 0, listed.stderr
    check = run("check", "--db", office, "--user", "quantri", password=ADMIN_PW)
    assert check.returncode == 0 and "Toàn vẹn cơ sở dữ liệu: tốt" in check.stdout, check.stdout + check.stderr
    again = run("encryption", "on", "--db", office, "--user", "quantri", password=ADMIN_PW)
    assert again.returncode == 1 and "đã được mã hóa" in again.stderr
    off = run("encryption", "off", "--db", office, "--user", "quantri", password=ADMIN_PW)
    assert off.returncode == 0 and db_path.read_bytes().startswith(b"SQLite format 3")


def test_every_new_command_explains_itself_in_vietnamese():
    for args in (("accounts", "--help"), ("accounts", "add", "--help"), ("encryption", "--help"),
                 ("encryption", "on", "--help"), ("accounts", "recover", "--help")):
        shown = run(*args)
        assert shown.returncode == 0 and "Cách dùng:" in shown.stdout, args
    assert "mật khẩu" in run("accounts", "passwd", "--help").stdout
