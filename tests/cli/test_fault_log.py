"""The error log holds no personal data: a fault while handling a named member leaves where it happened
(files, lines, functions, the kind of fault) and nothing of the member."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

NAME = "Nguyễn Thị Ánh Tuyết"
CCCD = "072160102822"


def _run(*args, data_dir):
    env = dict(os.environ, TAYNINH_DESKTOP_DATA_DIR=str(data_dir))
    env.pop("TAYNINH_DESKTOP_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "tayninh_desktop", *args], capture_output=True, text=True,
                          env=env, timeout=120, check=False)




def _damage(db_path, member_id):
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE members SET gender = full_name || ' ' || cccd WHERE id = ?", [member_id])
    conn.commit()
    conn.close()


def _log_text(data_dir) -> str:
    return (data_dir / "logs" / "loi.log").read_text(encoding="utf-8")


def test_a_cli_fault_on_a_named_member_logs_no_name_and_no_cccd(home_db, actor, cells, make_form, db_path,
                                                                  tmp_path):
    from tayninh_desktop.services import register

    member_id, _ = register.add_member(home_db, actor, make_form(full_name=NAME, cccd=CCCD), cells["CB01"].id)
    home_db.conn.close()
    _damage(db_path, member_id)
    data_dir = tmp_path / "du lieu"
    result = _run("print", "trich_ngang_dang_vien", "--member", member_id, "--draft", "--db", str(db_path),
                  "--out", str(tmp_path / f"{NAME}.pdf"), data_dir=data_dir)
    assert result.returncode == 1
    assert "lỗi không lường trước" in result.stderr and "Traceback" not in result.stderr
    log = _log_text(data_dir)
    assert "Traceback" in log and "ValueError" in log
    assert "tayninh_desktop/storage/members_repo.py" in log        # where it happened is kept
    for secret in (NAME, CCCD, "Nguyen", "Tuyết", member_id, str(tmp_path)):
        assert secret not in log, secret


def test_the_report_keeps_codes_and_errno_but_no_message(tmp_path):
    from tayninh_desktop.domain import fault_report
    from tayninh_desktop.domain.errors import DomainError

    try:
        try:
            (tmp_path / f"{NAME} {CCCD}.xlsx").read_text(encoding="utf-8")
        except OSError as error:
            raise DomainError("file_error", path=str(error.filename), reason=NAME) from error
    except DomainError as error:
        text = fault_report.describe(error)
    assert "FileNotFoundError [errno 2]" in text and "DomainError [file_error]" in text
    assert "direct cause" in text
    assert NAME not in text and CCCD not in text and str(tmp_path) not in text


def test_paths_lose_the_user_folder():
    from tayninh_desktop.domain.fault_report import short_path

    assert short_path(r"C:\Users\NguyenVanAn\AppData\Local\Programs\So dang vien\_internal\tayninh_desktop"
                      r"\services\register.py") == "tayninh_desktop/services/register.py"
    assert short_path("/home/tuyet/.venv/lib/python3.11/site-packages/sqlite_utils/db.py") == \
        "<lib>/sqlite_utils/db.py"
    assert short_path("/home/tuyet/scripts/mine.py") == "mine.py"
