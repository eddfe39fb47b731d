"""Issue 12's gaps on the command line: a progress note at a cell meeting (`cases meetings`, `cases step --meeting`),
`cases correct` (the old step kept and marked), the signs grouped per member (`screening run` text and JSON), the
committee's and standing committee's tally papers printed from the case; refusals exit 1 naming the field."""

from __future__ import annotations

import json
import shutil

import pytest

from tayninh_desktop.cli import main

TODAY = ("--today", "27/11/2026")


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(demo_db_path, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_db_path, path)
    return str(path)


def _listed_case(demo, capsys) -> dict:
    _, out, _ = run(capsys, "cases", "list", "--kind", "giup_do", "--db", demo, "--json", *TODAY)
    return next(c for c in json.loads(out)["cases"] if c["listed_on"] and c["state"] == "dang_xu_ly")


def test_a_progress_note_at_a_meeting_then_corrected(demo, capsys):
    case = _listed_case(demo, capsys)
    code, out, _ = run(capsys, "cases", "meetings", case["id"], "--db", demo, "--json", *TODAY)
    meetings = json.loads(out)["meetings"]
    assert code == 0 and meetings and all(case["listed_on"] <= m["date"] <= "2026-11-27" for m in meetings)
    code, out, _ = run(capsys, "cases", "step", case["id"], "--step", "theo_doi", "--meeting", meetings[0]["id"],
                       "--text", "Có tiến bộ, tham gia sinh hoạt đều", "--db", demo, "--json")
    step_id = json.loads(out)["step_id"]
    code, out, _ = run(capsys, "cases", "show", case["id"], "--db", demo, "--json", *TODAY)
    note = next(s for s in json.loads(out)["case"]["steps"] if s["id"] == step_id)
    assert code == 0 and note["meeting_date"] == meetings[0]["date"] == note["date"]
    code, out, _ = run(capsys, "cases", "correct", case["id"], "--step-id", step_id, "--reason",
                       "Ghi nhầm nội dung", "--text", "Có tiến bộ rõ", "--no-meeting", "--db", demo, "--json")
    new_id = json.loads(out)["step_id"]
    code, out, _ = run(capsys, "cases", "show", case["id"], "--db", demo, *TODAY)
    assert code == 0 and "ĐÃ SỬA — Ghi nhầm nội dung: Theo dõi, nhận xét" in out and f"[{new_id}]" in out


def test_cases_correct_refusals_exit_1_and_change_nothing(demo, capsys):
    case = _listed_case(demo, capsys)
    code, out, _ = run(capsys, "cases", "show", case["id"], "--db", demo, "--json", *TODAY)
    vote = next(s for s in json.loads(out)["case"]["steps"] if s["step"] == "bieu_quyet")
    before = out
    code, _, err = run(capsys, "cases", "correct", case["id"], "--step-id", vote["id"], "--reason", "Đếm lại",
                       "--yes", "0", "--no", str(vote["vote"]["ballots"]), "--db", demo)
    assert code == 1 and "Số phiếu đồng ý" in err and "rút hồ sơ" in err
    code, _, err = run(capsys, "cases", "correct", case["id"], "--step-id", "khong-co", "--reason", "x", "--db", demo)
    assert code == 1 and "Bước cần sửa" in err
    _, out, _ = run(capsys, "cases", "show", case["id"], "--db", demo, "--json", *TODAY)
    assert out == before


def test_new_commands_have_vietnamese_help(capsys):
    for args in (("cases", "correct"), ("cases", "meetings"), ("cases", "step")):
        with pytest.raises(SystemExit):
            main([*args, "--help"])
        out = capsys.readouterr().out
        assert "Cách dùng:" in out and "tùy chọn" in out


def test_screening_run_groups_a_members_signs(demo, capsys):
    code, out, _ = run(capsys, "screening", "run", "--year", "2026", "--db", demo, "--json", *TODAY)
    payload = json.loads(out)
    groups, signs = payload["member_groups"], payload["signs"]
    assert code == 0 and len(groups) == payload["members"] and sum(g["count"] for g in groups) == payload["count"]
    for group in groups:   # each summary points at its member's signs, kept one object per sign
        assert {signs[i]["member_id"] for i in group["sign_indexes"]} == {group["member_id"]}
        assert group["level"] == signs[group["sign_indexes"][0]]["level"]
    assert {"code", "level", "member_id", "evidence", "basis", "year", "open_cases"} <= set(signs[0])
    several = next(g for g in groups if g["count"] > 1)
    code, out, _ = run(capsys, "screening", "run", "--year", "2026", "--db", demo, *TODAY)
    lines = out.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith(f"{several['member_name']} — "))
    assert f"{several['count']} dấu hiệu" in lines[head]
    assert all(line.startswith("    [") for line in lines[head + 1:head + 1 + several["count"]])
    assert sum(line.startswith(f"{several['member_name']} — ") for line in lines) == 1


def test_the_meeting_dossier_binds_cases_and_the_level_tallies_print(demo, capsys, tmp_path):
    case = _listed_case(demo, capsys)
    out = tmp_path / "ho-so.pdf"
    code, printed, err = run(capsys, "print", "ho_so_hop_chi_bo", "--case", case["id"], "--out", str(out), "--db",
                             demo, "--json")
    assert code == 0, err
    assert json.loads(printed)["pages"] > 5 and out.exists()
    code, _, err = run(capsys, "print", "bien_ban_kiem_phieu", "--case", case["id"], "--case", case["id"], "--out",
                       str(tmp_path / "x.pdf"), "--db", demo)
    assert code == 1 and "chỉ hồ sơ kỳ họp chi bộ nhận nhiều --case" in err and not (tmp_path / "x.pdf").exists()
    code, _, err = run(capsys, "print", "bien_ban_kiem_phieu_dang_uy", "--case", case["id"], "--out",
                       str(tmp_path / "y.pdf"), "--db", demo)
    assert code == 1 and "không in theo hồ sơ" in err    # a help case has no committee vote
