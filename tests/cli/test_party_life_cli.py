"""Party-life commands: warnings as JSON, meetings and dues entered headlessly, refusals exit 1."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tayninh_desktop.cli import main


def run_main(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_warnings_json_process(demo_db_path):
    result = subprocess.run([sys.executable, "-m", "tayninh_desktop", "warnings", "--db", str(demo_db_path), "--json",
                             "--today", "27/11/2026"], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["count"] == len(payload["warnings"]) > 0
    for warning in payload["warnings"]:
        assert warning["kind"] and warning["evidence"]
        # committee-wide: the excellent-rating quota, the removals allotted to the committee
        assert warning["member_id"] or warning["month"] or warning["kind"] in ("vuot_ty_le_xuat_sac", "chi_tieu_xoa_ten")


def test_warnings_for_one_cell_text(demo_db_path, capsys):
    code, out, _ = run_main(capsys, "warnings", "--db", str(demo_db_path), "--cell", "CB01", "--today", "27/11/2026")
    assert code == 0 and "cảnh báo" in out.splitlines()[-1]


@pytest.fixture
def member_db(home_db, cells, actor, make_form, today, db_path):
    from tayninh_desktop.services import register

    member_id, _ = register.add_member(home_db, actor, make_form(), cells["CB01"].id, today=today)
    return db_path, member_id


def test_meeting_add_and_list(member_db, capsys):
    path, member_id = member_db
    code, out, _ = run_main(capsys, "meetings", "add", "--db", str(path), "--cell", "CB01", "--date", "05/03/2026",
                            "--unexcused", member_id, "--json")
    assert code == 0 and json.loads(out)["present"] == 0
    code, out, _ = run_main(capsys, "meetings", "list", "--db", str(path), "--cell", "CB01", "--year", "2026")
    assert "05/03/2026" in out


def test_a_meeting_recorded_by_mistake_is_deleted(member_db, capsys):
    path, _ = member_db
    code, out, _ = run_main(capsys, "meetings", "add", "--db", str(path), "--cell", "CB01", "--date", "05/03/2026",
                            "--json")
    meeting_id = json.loads(out)["meeting_id"]
    code, _, err = run_main(capsys, "meetings", "delete", meeting_id, "--db", str(path), "--reason", " ")
    assert code == 1 and "Lý do xóa: chưa nhập" in err and "Traceback" not in err
    code, out, err = run_main(capsys, "meetings", "delete", meeting_id, "--db", str(path), "--reason", "Ghi nhầm ngày",
                              "--json")
    assert code == 0, err
    assert json.loads(out) == {"ok": True, "meeting_id": meeting_id, "deleted": True}
    code, out, _ = run_main(capsys, "meetings", "list", "--db", str(path), "--cell", "CB01", "--year", "2026")
    assert "05/03/2026" not in out


def test_a_letter_is_listed_and_its_outcome_recorded(member_db, capsys):
    path, member_id = member_db
    code, out, err = run_main(capsys, "letters", "--db", str(path), "--member", member_id, "--direction", "di",
                              "--date", "02/11/2026", "--number", "12-GGT/ĐU", "--json")
    assert code == 0, err
    letter_id = json.loads(out)["letter_id"]
    code, out, _ = run_main(capsys, "letters", "--db", str(path), "--member", member_id, "--json")
    [row] = json.loads(out)["letters"]
    assert (row["letter_id"], row["outcome"], row["letter_number"]) == (letter_id, "cho", "12-GGT/ĐU")
    code, _, err = run_main(capsys, "letters", "--db", str(path), "--member", member_id, "--direction", "di")
    assert code != 0 and "--date" in err and "Traceback" not in err
    code, out, err = run_main(capsys, "letter-outcome", letter_id, "--db", str(path), "--outcome", "da_trinh",
                              "--presented-on", "10/11/2026", "--json")
    assert code == 0, err
    assert json.loads(out) == {"ok": True, "letter_id": letter_id, "outcome": "da_trinh"}
    code, out, _ = run_main(capsys, "letters", "--db", str(path), "--member", member_id)
    assert "Chuyển đi 12-GGT/ĐU ngày 02/11/2026" in out and "đã trình giấy" in out
    code, out, _ = run_main(capsys, "contact", "--db", str(path), "--member", member_id, "--json")
    assert code == 0 and json.loads(out)["contacts"] == []


def test_the_meeting_rubric_is_shown_and_replaced_from_a_file(member_db, capsys, tmp_path):
    path, _ = member_db
    code, out, _ = run_main(capsys, "meetings", "rubric", "--db", str(path), "--json")
    rubric = json.loads(out)["rubric"]
    assert code == 0 and rubric["criteria"]
    rubric["criteria"] = [{"code": "chung", "label": "Đánh giá chung", "max": 10}]
    (tmp_path / "bieu.json").write_text(json.dumps(rubric, ensure_ascii=False), encoding="utf-8")
    code, out, err = run_main(capsys, "meetings", "rubric", "--db", str(path), "--set", str(tmp_path / "bieu.json"))
    assert code == 0 and "tổng 10 điểm" in out, err
    (tmp_path / "hong.json").write_text("{không phải json", encoding="utf-8")
    code, _, err = run_main(capsys, "meetings", "rubric", "--db", str(path), "--set", str(tmp_path / "hong.json"))
    assert code == 1 and "hong.json" in err and "Traceback" not in err


def test_meeting_on_a_date_that_does_not_exist_exits_1(member_db, capsys):
    path, _ = member_db
    code, out, _ = run_main(capsys, "meetings", "add", "--db", str(path), "--cell", "CB01", "--date", "31/02/2026",
                            "--json")
    payload = json.loads(out)
    assert code == 1 and payload["fields"]["meeting_date"][0].startswith("Ngày họp: «31/02/2026»")


def test_dues_all_paid_then_show(member_db, capsys):
    path, _ = member_db
    code, out, _ = run_main(capsys, "dues", "show", "--db", str(path), "--cell", "CB01", "--month", "03/2026")
    assert "chưa ghi" in out and "Đã đóng" not in out          # a month not recorded is never shown paid
    code, _, _ = run_main(capsys, "dues", "record", "--db", str(path), "--cell", "CB01", "--month", "03/2026",
                          "--all-paid")
    assert code == 0
    code, out, _ = run_main(capsys, "dues", "show", "--db", str(path), "--cell", "CB01", "--month", "03/2026")
    assert "5.000 đ" in out and "Đã đóng" in out


def test_rating_twice_exits_1(member_db, capsys):
    path, member_id = member_db
    assert run_main(capsys, "ratings", "add", "--db", str(path), "--member", member_id, "--year", "2025",
                    "--level", "tot")[0] == 0
    code, _, err = run_main(capsys, "ratings", "add", "--db", str(path), "--member", member_id, "--year", "2025",
                            "--level", "tot")
    assert code == 1 and "đã được xếp loại năm 2025" in err
