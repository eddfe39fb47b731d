"""The statistics commands on the demo register: figures as JSON against a hand SQL count, the check's
exit code, typed rows, transfers, awards and the printed form; refusals exit 1, usage errors 2."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from tayninh_desktop.cli import main

TODAY = "27/11/2026"


def run_main(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def hand_count_on_list(path, day: str) -> int:
    """Members on the list at the end of ``day``, counted straight from the member_periods projection."""
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT COUNT(*) FROM member_periods WHERE valid_from <= ? AND (valid_to IS NULL"
                            " OR valid_to > ?) AND present = 1 AND status <> 'sinh_hoat_tam_thoi'",
                            [day, day]).fetchone()[0]


def test_show_json_agrees_with_a_hand_count(demo_db_path):
    result = subprocess.run([sys.executable, "-m", "tayninh_desktop", "statistics", "show", "--form", "bieu1",
                             "--period", "2026-H1", "--db", str(demo_db_path), "--json", "--today", TODAY],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    values = {row["key"]: row["values"] for row in payload["rows"]}
    assert (payload["form"], payload["period"], payload["end"], payload["complete"]) == (
        "bieu_1", "2026-H1", "2026-06-30", True)
    assert values["D"][0] == hand_count_on_list(demo_db_path, "2026-06-30")
    assert values["A"][0] == hand_count_on_list(demo_db_path, "2025-12-31")
    assert values["D"][1] == hand_count_on_list(demo_db_path, "2025-06-30")
    assert values["D"][0] == values["A"][0] + values["B"][0] - values["C"][0]


def test_show_text_and_forms_list(demo_db_path, capsys):
    code, out, _ = run_main(capsys, "statistics", "show", "--form", "3", "--period", "2026", "--db",
                            str(demo_db_path), "--today", TODAY)
    assert code == 0
    assert out.startswith("Biểu số 3-BTCTW — THỐNG KÊ CHẤT LƯỢNG ĐỘI NGŨ ĐẢNG VIÊN — năm 2026")
    assert "(kỳ chưa kết thúc)" in out and "Tuổi bình quân" in out and "(chưa nhập)" in out
    code, out, _ = run_main(capsys, "statistics", "forms", "--db", str(demo_db_path), "--json")
    forms = json.loads(out)["forms"]
    assert [f["id"] for f in forms] == ["bieu_1", "bieu_2", "bieu_2b", "bieu_3", "bieu_4", "bieu_6", "bieu_6f",
                                        "bieu_7"]
    assert forms[5]["unconfirmed"] and forms[6]["typed_rows"] and forms[7]["typed_rows"]


def test_check_warns_then_an_error_makes_it_exit_1(demo_copy, capsys):
    code, out, _ = run_main(capsys, "statistics", "check", "--period", "2026", "--db", str(demo_copy), "--json",
                            "--today", TODAY)
    payload = json.loads(out)
    assert code == 0 and payload["ok"] and payload["warnings"] and not payload["errors"]
    code, _, _ = run_main(capsys, "statistics", "typed", "set", "--form", "bieu_2", "--period", "2026", "--row",
                          "I.doan_vien", "--value", "999", "--db", str(demo_copy))
    assert code == 0
    code, out, _ = run_main(capsys, "statistics", "check", "--period", "2026", "--form", "bieu_2", "--db",
                            str(demo_copy), "--today", TODAY)
    assert code == 1
    assert "LỖI: Biểu số 2-BTCTW: dòng I.doan_vien = 999 lớn hơn dòng I" in out and "phải sửa" in out


def test_typed_rows_round_trip_and_refusals(demo_copy, capsys):
    db = ["--db", str(demo_copy)]
    code, out, _ = run_main(capsys, "statistics", "typed", "set", "--form", "bieu7", "--period", "2026", "--row",
                            "IV.3.gia_mao", "--value", "1", "--note", "Đối chiếu lý lịch", *db, "--json")
    assert code == 0 and json.loads(out)["value"] == 1
    code, out, _ = run_main(capsys, "statistics", "typed", "list", "--period", "2026", *db, "--json")
    assert [(t["form"], t["row"], t["value"]) for t in json.loads(out)["typed"]] == [("bieu_7", "IV.3.gia_mao", 1)]
    code, _, err = run_main(capsys, "statistics", "typed", "set", "--form", "bieu_1", "--period", "2026",
                            "--row", "D", "--value", "1", *db)
    assert code == 1 and "do sổ đảng viên tự tính" in err
    code, _, err = run_main(capsys, "statistics", "typed", "set", "--form", "bieu_7", "--period", "nam ngoai",
                            "--row", "IV.3.gia_mao", "--value", "1", *db)
    assert code == 1 and "Kỳ báo cáo «nam ngoai» không đúng" in err
    code, _, _ = run_main(capsys, "statistics", "typed", "clear", "--form", "bieu_7", "--period", "2026",
                          "--row", "IV.3.gia_mao", *db)
    assert code == 0


def test_transfers_and_their_scope(demo_copy, capsys):
    db = ["--db", str(demo_copy)]
    code, out, _ = run_main(capsys, "statistics", "transfers", "--period", "2026", *db, "--json")
    transfers = json.loads(out)["transfers"]
    assert code == 0 and transfers and all(t["scope"] in ("trong_tinh", "tinh_khac") for t in transfers)
    first = transfers[0]
    other = "tinh_khac" if first["scope"] == "trong_tinh" else "trong_tinh"
    code, _, _ = run_main(capsys, "statistics", "transfer-scope", first["event_id"], "--scope", other, *db)
    code, out, _ = run_main(capsys, "statistics", "transfers", "--period", "2026", *db, "--json")
    again = next(t for t in json.loads(out)["transfers"] if t["event_id"] == first["event_id"])
    assert (again["scope"], again["recorded"]) == (other, True)


def test_awards_add_list_and_a_bad_date(demo_copy, capsys):
    with sqlite3.connect(demo_copy) as conn:
        member_id = conn.execute("SELECT id FROM members WHERE joined_on < '1990-01-01' AND status = 'chinh_thuc'"
                                 " ORDER BY sort_key LIMIT 1").fetchone()[0]
    db = ["--db", str(demo_copy)]
    code, out, _ = run_main(capsys, "awards", "add", "--member", member_id, "--kind", "huy_hieu", "--years", "30",
                            "--date", "03/02/2026", "--decision", "15-QĐ/TU", *db)
    assert code == 0 and "Huy hiệu 30 năm tuổi Đảng" in out
    code, out, _ = run_main(capsys, "awards", "list", "--period", "2026", *db, "--json")
    assert [a["years"] for a in json.loads(out)["awards"]] == [30]
    code, _, err = run_main(capsys, "awards", "add", "--member", member_id, "--kind", "the_moi", "--date",
                            "31/02/2026", *db)
    assert code == 1 and "31/02/2026" in err


def test_print_a_half_year(demo_db_path, tmp_path, capsys):
    out = tmp_path / "bieu1.pdf"
    code, text, _ = run_main(capsys, "print", "bieu_1", "--period", "2026-H1", "--date", TODAY, "--out", str(out),
                             "--db", str(demo_db_path))
    assert code == 0 and out.exists() and "Đã in" in text


@pytest.mark.parametrize(("args", "code", "words"), [
    (["statistics", "show", "--form", "bieu_9", "--period", "2026"], 1, "Không có biểu thống kê «bieu_9»"),
    (["statistics", "show", "--form", "bieu_6", "--period", "2026-Q1"], 1, "chỉ lập theo năm"),
    (["statistics", "show", "--form", "bieu_1", "--period", "2031"], 1, "chưa có số liệu"),
    (["statistics", "show", "--form", "bieu_1", "--period", "2026", "--today", "32/01/2026"], 1, "32/01/2026"),
    (["statistics", "show", "--form", "bieu_1"], 2, "--period"),
    (["statistics", "transfer-scope", "x", "--scope", "mars"], 2, "mars"),
])
def test_refusals_and_usage_errors(demo_db_path, capsys, args, code, words):
    try:
        got = main([*args, "--db", str(demo_db_path)])
    except SystemExit as exit_:            # argparse: a usage error
        got = exit_.code
    err = capsys.readouterr().err
    assert got == code and words in err and "Traceback" not in err


def test_help_is_vietnamese(capsys):
    with pytest.raises(SystemExit):
        main(["statistics", "show", "--help"])
    out = capsys.readouterr().out
    assert "Cách dùng:" in out and "6 tháng «2026-H1»" in out and "tùy chọn" in out
