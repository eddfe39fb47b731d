"""The screening on the command line: `screening run` with its JSON, `cases list|show`, a case walked through its
steps, refused input with exit 1 and a Vietnamese message naming the field, nothing changed."""

from __future__ import annotations

import json
import shutil

import pytest

from tayninh_desktop.cli import main


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(demo_db_path, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db_path, path)
    return str(path)


def test_screening_run_json_lists_signs_with_rule_and_evidence(demo, capsys):
    code, out, _ = run(capsys, "screening", "run", "--year", "2026", "--db", demo, "--json", "--today", "27/11/2026")
    payload = json.loads(out)
    assert code == 0 and payload["ok"] and payload["count"] == len(payload["signs"]) > 0
    assert payload["disabled_rules"] == []
    sign = payload["signs"][0]
    assert sign["level"] == "ground" and sign["basis"] and sign["evidence"] and sign["member_name"]
    code, out, _ = run(capsys, "screening", "run", "--year", "2026", "--cell", "CB01", "--db", demo, "--today",
                       "27/11/2026")
    assert code == 0 and "Năm 2026 (tính đến ngày 27/11/2026)" in out.splitlines()[-1]


def test_cases_list_and_show_json(demo, capsys):
    code, out, _ = run(capsys, "cases", "list", "--state", "all", "--db", demo, "--json", "--today", "27/11/2026")
    payload = json.loads(out)
    assert code == 0 and payload["count"] >= 5   # the demo's handful of cases at various steps
    states = {c["state"] for c in payload["cases"]}
    assert {"dang_xu_ly", "da_ket_thuc"} <= states
    case = next(c for c in payload["cases"] if c["kind"] == "giup_do" and c["listed_on"])
    code, out, _ = run(capsys, "cases", "show", case["id"], "--db", demo, "--json", "--today", "27/11/2026")
    shown = json.loads(out)["case"]
    assert shown["steps"] and shown["next_step"]["text"] and any(s["vote"] for s in shown["steps"])
    code, out, _ = run(capsys, "cases", "show", case["id"], "--db", demo, "--today", "27/11/2026")
    assert "Bước tiếp theo:" in out


def test_a_case_through_the_cli_and_its_refusals(demo, capsys):
    code, out, _ = run(capsys, "members", "list", "--cell", "CB03", "--db", demo, "--json")
    member = json.loads(out)["members"][0]["id"]
    code, out, _ = run(capsys, "cases", "open", "--member", member, "--kind", "giup_do", "--date", "01/10/2026",
                       "--criterion", "uy_tin_thap", "--db", demo, "--json")
    case_id = json.loads(out)["case_id"]
    code, out, _ = run(capsys, "cases", "open", "--member", member, "--kind", "giup_do", "--date", "02/10/2026",
                       "--criterion", "suy_thoai", "--db", demo, "--json")
    refusal = json.loads(out)
    assert code == 1 and "case_member" in refusal["fields"] and "đang có hồ sơ" in refusal["message"]
    for step, extra in (("de_xuat", []), ("y_kien_noi_cu_tru", ["--source", "mat_tran", "--text", "Phản ánh"]),
                        ("y_kien_cap_tren", ["--text", "Đồng ý"])):
        assert run(capsys, "cases", "step", case_id, "--step", step, "--date", "05/10/2026", *extra, "--db",
                   demo)[0] == 0
    code, _, err = run(capsys, "cases", "vote", case_id, "--date", "10/10/2026", "--present", "5", "--ballots",
                       "900", "--yes", "900", "--no", "0", "--db", demo)
    assert code == 1 and "Số phiếu thu về: 900 phiếu nhiều hơn số có quyền biểu quyết" in err
    code, out, _ = run(capsys, "cases", "show", case_id, "--db", demo, "--json")
    assert all(s["step"] != "bieu_quyet" for s in json.loads(out)["case"]["steps"])   # nothing written
    code, _, err = run(capsys, "cases", "withdraw", case_id, "--date", "11/10/2026", "--reason", " ", "--db", demo)
    assert code == 1 and "Lý do rút hồ sơ" in err
    assert run(capsys, "cases", "withdraw", case_id, "--date", "11/10/2026", "--reason", "Ghi nhầm", "--db",
               demo)[0] == 0


def test_results_allotment_and_rules(demo, capsys):
    code, out, _ = run(capsys, "screening", "results", "--year", "2026", "--db", demo, "--json")
    rows = json.loads(out)["rows"]
    assert code == 0 and rows[-1]["cell_id"] is None and rows[-1]["allotted"] == 2
    code, _, err = run(capsys, "allotment", "set", "--unit", "HT", "--year", "2026", "--count", "-1", "--doc", "X",
                       "--db", demo)
    assert code == 1 and "Số được phân bổ" in err
    code, out, _ = run(capsys, "allotment", "list", "--db", demo, "--json")
    assert json.loads(out)["allotments"][0]["allotted"] == 2   # unchanged
    code, out, _ = run(capsys, "screening", "rules", "--db", demo, "--json")
    detectors = json.loads(out)["detectors"]
    assert {"bo_sinh_hoat_3_thang", "hai_nam_khong_hoan_thanh", "vang_sinh_hoat_1_2_thang"} <= {d["code"] for d in
                                                                                             detectors}
    assert all(d["citation"] and d["valid_from"] for d in detectors)


def test_every_screening_command_has_vietnamese_help(capsys):
    for args in (("screening", "run"), ("cases", "vote"), ("cases", "decide"), ("allotment", "set")):
        with pytest.raises(SystemExit):
            main([*args, "--help"])
        out = capsys.readouterr().out
        assert "Cách dùng:" in out and "tùy chọn" in out
