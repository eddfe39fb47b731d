"""The command line: members import / export and crosscheck, their output and exit codes."""

from __future__ import annotations

import json

import pytest

from tayninh_desktop.cli import main
from tests.spreadsheets.builders import encrypted_file, flat_list, person


@pytest.fixture
def db_file(tmp_path, capsys):
    path = tmp_path / "so.sqlite3"
    assert main(["init", "--unit-code", "HT", "--unit-name", "Đảng ủy xã Hưng Thuận", "--superior-name",
                 "Tỉnh ủy Tây Ninh", "--db", str(path)]) == 0
    assert main(["cells", "add", "--code", "CB01", "--name", "Chi bộ ấp Cầu Xe", "--db", str(path)]) == 0
    capsys.readouterr()
    return str(path)


def run_json(capsys, *argv) -> tuple[int, dict]:
    code = main([*argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_import_dry_run_then_import_then_again(db_file, tmp_path, capsys):
    path = str(flat_list(tmp_path / "ds.xlsx", [person(1), person(2)]))
    code, out = run_json(capsys, "members", "import", path, "--dry-run", "--cell", "CB01", "--db", db_file)
    assert code == 0 and out["counts"]["added"] == 2 and not out["applied"]
    assert out["mapping"]["C"] == "birth_date" and out["rows"][0]["row"] == 2
    code, out = run_json(capsys, "members", "import", path, "--cell", "CB01", "--db", db_file)
    assert code == 0 and out["applied"] and len(out["added_ids"]) == 2
    code, out = run_json(capsys, "members", "import", path, "--cell", "CB01", "--db", db_file)
    assert code == 0 and out["counts"]["unchanged"] == 2 and not out["added_ids"]


def test_import_refuses_with_exit_1_and_writes_nothing(db_file, tmp_path, capsys):
    path = str(flat_list(tmp_path / "ds.xlsx", [person(1), person(2, **{"Ngày sinh": "31/02/1960"})]))
    report = tmp_path / "bao-cao.xlsx"
    code = main(["members", "import", path, "--cell", "CB01", "--db", db_file, "--report", str(report)])
    text = capsys.readouterr().out
    assert code == 1 and "dòng 3, cột C («Ngày sinh»)" in text and "chưa ghi gì" in text
    assert report.exists()
    code, out = run_json(capsys, "members", "list", "--db", db_file)
    assert out["count"] == 0
    code, out = run_json(capsys, "members", "import", path, "--cell", "CB01", "--accept-valid", "--db", db_file)
    assert code == 0 and len(out["added_ids"]) == 1


def test_bad_files_exit_1_with_the_file_named(db_file, tmp_path, capsys):
    encrypted = encrypted_file(tmp_path / "mat-khau.xlsx")
    code, out = run_json(capsys, "members", "import", str(encrypted), "--db", db_file)
    assert code == 1 and out["error"] == "import_encrypted" and "mat-khau.xlsx" in out["message"]
    text = tmp_path / "ghi-chu.txt"
    text.write_text("xin chào", encoding="utf-8")
    code, out = run_json(capsys, "members", "import", str(text), "--db", db_file)
    assert code == 1 and out["error"] == "import_not_spreadsheet"


def test_map_option_and_remember(db_file, tmp_path, capsys):
    headers = ["STT", "Họ và tên", "Sinh", "Giới tính", "Số CCCD", "Số thẻ đảng viên", "Ngày vào Đảng",
               "Ngày chính thức", "Nơi ở hiện nay"]
    path = str(flat_list(tmp_path / "la.xlsx", [person(1)], headers=headers))
    code, out = run_json(capsys, "members", "import", path, "--dry-run", "--cell", "CB01", "--map", "C=birth_date",
                         "--remember", "--db", db_file)
    assert code == 0 and out["counts"]["added"] == 1
    code, out = run_json(capsys, "members", "import", path, "--dry-run", "--cell", "CB01", "--db", db_file)
    assert out["remembered_mapping"] and out["counts"]["added"] == 1
    code, out = run_json(capsys, "members", "import", path, "--map", "C=nonsense", "--db", db_file)
    assert code == 1 and out["error"] == "import_bad_mapping"


def test_export_and_crosscheck(db_file, tmp_path, capsys):
    path = str(flat_list(tmp_path / "ds.xlsx", [person(1), person(2)]))
    assert main(["members", "import", path, "--cell", "CB01", "--db", db_file]) == 0
    capsys.readouterr()
    for layout in ("mau7", "flat"):
        out_file = tmp_path / f"{layout}.xlsx"
        code, out = run_json(capsys, "members", "export", str(out_file), "--layout", layout, "--cell", "CB01",
                             "--db", db_file)
        assert code == 0 and out["count"] == 2 and out_file.exists()
    code, out = run_json(capsys, "crosscheck", str(tmp_path / "flat.xlsx"), "--cell", "CB01", "--db", db_file,
                         "--report", str(tmp_path / "dc.xlsx"))
    assert code == 0 and out["counts"]["same"] == 2
    code, out = run_json(capsys, "crosscheck", path, "--cell", "CB01", "--on", "01/01/1990", "--db", db_file)
    assert code == 1 and out["counts"]["only_in_file"] == 2


def test_every_new_command_has_help(capsys):
    for argv in (["members", "import", "-h"], ["members", "export", "-h"], ["crosscheck", "-h"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 0
        assert "--db" in capsys.readouterr().out
