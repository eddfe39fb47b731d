"""The returns and keys commands end to end: a commune and its province on disk, a stick between them.
Refusals exit 1 with a Vietnamese sentence; usage errors exit 2."""

from __future__ import annotations

import json
import shutil

import pytest

from tayninh_desktop.cli import main

TODAY = "27/11/2026"


def run(capsys, *args) -> tuple[int, dict | str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    try:
        return code, json.loads(out.out), out.err
    except ValueError:
        return code, out.out, out.err


@pytest.fixture
def pair(demo_db_path, tmp_path, capsys):
    unit, sup, usb = tmp_path / "xa.sqlite3", tmp_path / "tinh.sqlite3", tmp_path / "usb"
    shutil.copy(demo_db_path, unit)
    usb.mkdir()
    code, out, err = run(capsys, "init", "--db", str(sup), "--unit-code", "TU", "--unit-name", "Tỉnh ủy Tây Ninh",
                         "--superior-name", "Ban Chấp hành Trung ương", "--level", "tinh", "--json")
    assert code == 0, err
    assert len(out["fingerprint"].split()) == 6
    assert run(capsys, "keys", "export", "--db", str(sup), "--out", str(usb), "--json")[0] == 0
    assert run(capsys, "keys", "export", "--db", str(unit), "--out", str(usb / "xa.tnkey"), "--json")[0] == 0
    return unit, sup, usb


def test_keys_import_needs_the_fingerprint_compared(pair, capsys):
    unit, sup, usb = pair
    code, out, _ = run(capsys, "keys", "import", "--db", str(sup), str(usb / "xa.tnkey"), "--json")
    assert code == 1 and out["error"] == "return_card_needs_confirm"
    assert "dấu vân tay" in out["message"]
    code, out, _ = run(capsys, "keys", "import", "--db", str(sup), str(usb / "xa.tnkey"), "--fingerprint",
                       "11111 11111 11111 11111 11111 11111", "--json")
    assert code == 1 and out["error"] == "return_card_not_confirmed"
    card = run(capsys, "keys", "show", "--db", str(unit), "--json")[1]["keys"][0]["fingerprint"]
    code, out, _ = run(capsys, "keys", "import", "--db", str(sup), str(usb / "xa.tnkey"), "--fingerprint", card,
                       "--json")
    assert code == 0 and out["role"] == "subordinate" and out["code"] == "HT"


def test_the_whole_round_on_the_command_line(pair, capsys, tmp_path):
    unit, sup, usb = pair
    assert run(capsys, "keys", "import", "--db", str(unit), str(usb / "the-khoa_TU.tnkey"), "--yes", "--json")[0] == 0
    assert run(capsys, "keys", "import", "--db", str(sup), str(usb / "xa.tnkey"), "--yes", "--json")[0] == 0
    code, out, _ = run(capsys, "returns", "check", "--db", str(unit), "--period", "2026-H1", "--today", TODAY, "--json")
    assert code == 0 and out["ok"]
    keys = [w["key"] for w in out["warnings"]]
    code, out, _ = run(capsys, "returns", "export", "--db", str(unit), "--period", "2026-H1", "--to", str(usb),
                       "--today", TODAY, "--json")
    assert code == 1 and out["error"] == "return_needs_explanations"
    explain = tmp_path / "giai-trinh.txt"
    explain.write_text("# giải trình\n" + "\n".join(f"{k} = Chưa có số liệu dòng này" for k in keys),
                       encoding="utf-8")
    code, out, err = run(capsys, "returns", "export", "--db", str(unit), "--period", "2026-H1", "--to", str(usb),
                         "--today", TODAY, "--explanations", str(explain))
    assert code == 0, err
    assert "Có thể rút USB" in out
    code, out, _ = run(capsys, "returns", "import", "--db", str(sup), str(usb), "--json")
    assert code == 0 and out["counts"]["accepted"] == 1
    code, out, _ = run(capsys, "returns", "import", "--db", str(sup), str(usb / "HT_2026-H1_r1.tnr"), "--json")
    assert code == 0 and out["counts"]["duplicate"] == 1
    code, out, _ = run(capsys, "returns", "receipt", "import", "--db", str(unit), str(usb), "--json")
    assert code == 0 and out["receipts"][0]["outcome"] == "accepted"
    code, out, _ = run(capsys, "returns", "status", "--db", str(unit), "--json")
    assert out["sent"][0]["receipt"] == "accepted" and out["sent"][0]["locked"]
    code, out, _ = run(capsys, "returns", "status", "--db", str(sup), "--period", "2026-H1", "--json")
    assert out["units"][0]["cells"]["2026-H1"]["revision"] == 1
    code, out, _ = run(capsys, "returns", "reopen", "--db", str(unit), "--period", "2026-H1", "--reason", "Sửa",
                       "--json")
    assert code == 0
    code, out, _ = run(capsys, "returns", "report", "--db", str(sup), "--period", "2026-H1", "--json")
    assert code == 0 and out["units"][0]["code"] == "HT"


def test_refusals_exit_one_and_usage_errors_exit_two(pair, capsys, tmp_path):
    unit, sup, usb = pair
    code, out, _ = run(capsys, "returns", "export", "--db", str(unit), "--period", "2026-H1", "--to", str(usb),
                       "--json")
    assert code == 1 and out["error"] == "return_no_superior_key"
    code, out, _ = run(capsys, "returns", "export", "--db", str(unit), "--period", "2026-13", "--to", str(usb),
                       "--json")
    assert code == 1
    code, out, _ = run(capsys, "returns", "import", "--db", str(sup), str(tmp_path / "khong-co.tnr"), "--json")
    assert code == 1 and out["error"] == "return_file_missing"
    empty = tmp_path / "rong"
    empty.mkdir()
    code, out, _ = run(capsys, "returns", "import", "--db", str(sup), str(empty), "--json")
    assert code == 1 and out["error"] == "return_no_packages"
    (empty / "rac.tnr").write_bytes(b"PK\x03\x04 not a zip")
    code, out, _ = run(capsys, "returns", "import", "--db", str(sup), str(empty), "--json")
    assert code == 1 and out["files"][0]["status"] == "refused" and "rac.tnr" in out["files"][0]["message"]
    code, out, _ = run(capsys, "returns", "remind", "--db", str(sup), "--period", "2026-H1", "--out",
                       str(tmp_path / "n.pdf"), "--json")
    assert code == 1
    with pytest.raises(SystemExit) as caught:
        main(["returns", "export", "--db", str(unit)])
    assert caught.value.code == 2
    assert "thiếu tham số bắt buộc" in capsys.readouterr().err


def test_returns_help_is_vietnamese(capsys):
    with pytest.raises(SystemExit):
        main(["returns", "--help"])
    out = capsys.readouterr().out
    assert "báo cáo" in out and "show this help" not in out
    with pytest.raises(SystemExit):
        main(["keys", "import", "--help"])
    assert "dấu vân tay" in capsys.readouterr().out


def test_drives_lists_without_failing(capsys):
    code, out, _ = run(capsys, "returns", "drives", "--json")
    assert code == 0 and isinstance(out["drives"], list)
