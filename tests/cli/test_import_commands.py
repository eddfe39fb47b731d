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


def test_import_decide_settles_held_rows(db_file, tmp_path, capsys):
    twin = {"Họ và tên": "Lê Văn Tám", "Ngày sinh": "16/05/1950", "Số CCCD": "", "Số thẻ đảng viên": ""}
    path = str(flat_list(tmp_path / "ds.xlsx", [person(1, **twin), person(2, **twin)]))
    code = main(["members", "import", path, "--cell", "CB01", "--db", db_file])
    text = capsys.readouterr().out
    assert code == 1 and "--decide 2=new" in text and "Chờ quyết định" in text
    code = main(["members", "import", path, "--cell", "CB01", "--decide", "2=ai-do", "--db", db_file])
    text = capsys.readouterr().out + capsys.readouterr().err
    assert code == 1
    code, out = run_json(capsys, "members", "import", path, "--cell", "CB01", "--decide", "2=new", "--decide",
                         "3=skip", "--db", db_file)
    assert code == 0 and out["applied"] and len(out["added_ids"]) == 1
    assert [r["decision"] for r in out["rows"]] == ["new", "skip"]
    assert main(["members", "import", path, "--decide", "hai=new", "--db", db_file]) == 2
    capsys.readouterr()


def test_import_decide_names_a_member(db_file, tmp_path, capsys):
    first = str(flat_list(tmp_path / "dau.xlsx", [person(1, **{"Số CCCD": "", "Số thẻ đảng viên": ""})]))
    code, out = run_json(capsys, "members", "import", first, "--cell", "CB01", "--db", db_file)
    member_id = out["added_ids"][0]
    again = str(flat_list(tmp_path / "sau.xlsx", [person(1, **{"Số CCCD": "", "Số thẻ đảng viên": ""}),
                                                  person(2, **{"Họ và tên": "Nguyễn Văn Thử A", "Ngày sinh": "02/03/1970",
                                                               "Số CCCD": "", "Số thẻ đảng viên": ""})]))
    code, out = run_json(capsys, "members", "import", again, "--cell", "CB01", "--dry-run", "--db", db_file)
    held = [r for r in out["rows"] if r["status"] == "held"]
    assert held and held[0]["candidates"][0]["member_id"] == member_id
    code, out = run_json(capsys, "members", "import", again, "--cell", "CB01", "--decide", f"2={member_id}",
                         "--decide", "3=skip", "--db", db_file)
    assert code == 0 and out["applied"]


def test_crosscheck_prints_the_bien_ban(db_file, tmp_path, capsys):
    path = str(flat_list(tmp_path / "ds.xlsx", [person(1), person(2)]))
    main(["members", "import", path, "--cell", "CB01", "--db", db_file])
    other = str(flat_list(tmp_path / "khac.xlsx", [person(1, **{"Nơi ở hiện nay": "Ấp Suối Dộp"}), person(3)]))
    pdf = tmp_path / "bien-ban.pdf"
    capsys.readouterr()
    code, out = run_json(capsys, "crosscheck", other, "--cell", "CB01", "--pdf", str(pdf), "--db", db_file)
    assert code == 1 and out["pdf"] == str(pdf) and pdf.read_bytes().startswith(b"%PDF")
    assert out["counts"] == {"same": 0, "differs": 1, "only_in_file": 1, "only_in_register": 1, "unreadable": 0}
