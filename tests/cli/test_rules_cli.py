"""Commands of the rules in force: dues with categories and reliefs, discipline, leaves, re-admission, rules;
refused input exits 1 with the Vietnamese sentence and changes nothing."""

from __future__ import annotations

import json

import pytest

from tayninh_desktop.cli import main


def run_main(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def member_db(home_db, cells, actor, make_form, today, db_path):
    from tayninh_desktop.services import register

    member_id, _ = register.add_member(home_db, actor, make_form(), cells["CB01"].id, today=today)
    return str(db_path), member_id


def _dump(path):
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_dues_category_then_show_computes_the_amount_under_the_text(member_db, capsys):
    path, member_id = member_db
    code, _, _ = run_main(capsys, "dues", "category", "--db", path, "--member", member_id, "--from", "01/2026",
                          "--category", "bhxh", "--base", "6000000")
    assert code == 0
    code, out, _ = run_main(capsys, "dues", "show", "--db", path, "--cell", "CB01", "--month", "03/2026", "--json")
    payload = json.loads(out)
    assert payload["rule"].startswith("01-QĐ/TW") and payload["lines"][0]["due"] == 60000
    code, out, _ = run_main(capsys, "dues", "show", "--db", path, "--cell", "CB01", "--month", "01/2026")
    assert "342-QĐ/TW" in out.splitlines()[0] and "(chưa xác nhận)" in out.splitlines()[0]


@pytest.mark.parametrize(("args", "words"), [
    (("dues", "relief", "--kind", "giam", "--from", "03/2026", "--to", "08/2026", "--percent", "40",
      "--decision", "1-QĐ/ĐU"), "Tỷ lệ giảm: giảm 40 %"),
    (("discipline", "--form", "canh_cao", "--date", "15/03/2026", "--announced", "10/03/2026"),
     "Ngày công bố quyết định"),
    (("away", "leave", "--from", "05/01/2026", "--to", "05/07/2027", "--decision", "3-QĐ/ĐU"),
     "Đến ngày: tạm miễn 18 tháng"),
    (("dues", "category", "--from", "03/2026", "--category", "bhxh"), "Mức lương / lương hưu làm căn cứ"),
])
def test_bad_input_exits_1_naming_the_field_and_changes_nothing(member_db, capsys, args, words):
    path, member_id = member_db
    before = _dump(path)
    code, _, err = run_main(capsys, *args, "--db", path, "--member", member_id)
    assert code == 1 and words in err and "Traceback" not in err
    assert _dump(path) == before


def test_a_relief_is_listed_then_removed_with_its_reason(member_db, capsys):
    path, member_id = member_db
    code, out, _ = run_main(capsys, "dues", "relief", "--db", path, "--member", member_id, "--kind", "giam", "--from",
                            "03/2026", "--to", "08/2026", "--percent", "50", "--decision", "12-QĐ/ĐU", "--json")
    relief_id = json.loads(out)["relief_id"]
    code, out, _ = run_main(capsys, "dues", "reliefs", "--db", path, "--member", member_id, "--json")
    [row] = json.loads(out)["reliefs"]
    assert row["relief_id"] == relief_id and (row["kind"], row["percent"], row["first_month"], row["last_month"]) == \
        ("giam", 50, "2026-03", "2026-08")
    assert set(row) == {"relief_id", "member_id", "kind", "first_month", "last_month", "percent", "ground",
                        "decision_number", "decision_date", "reason"}
    code, out, _ = run_main(capsys, "dues", "reliefs", "--db", path, "--member", member_id)
    assert "Giảm 50 % (12-QĐ/ĐU)  03/2026–08/2026" in out
    before = _dump(path)
    code, _, err = run_main(capsys, "dues", "relief-remove", "--db", path, "--relief", relief_id, "--reason", " ")
    assert code == 1 and "Lý do hủy: chưa nhập" in err and _dump(path) == before
    code, out, err = run_main(capsys, "dues", "relief-remove", "--db", path, "--relief", relief_id, "--reason",
                              "Ghi nhầm", "--json")
    assert code == 0, err
    assert json.loads(out) == {"ok": True, "relief_id": relief_id, "removed": True}
    code, out, _ = run_main(capsys, "dues", "reliefs", "--db", path, "--member", member_id, "--json")
    assert json.loads(out)["reliefs"] == []


def test_a_yearly_task_is_recorded_corrected_and_listed(member_db, capsys):
    path, member_id = member_db
    code, out, err = run_main(capsys, "tasks", "add", "--db", path, "--member", member_id, "--year", "2026", "--task",
                              "Phụ trách tổ 3", "--json")
    assert code == 0, err
    assert json.loads(out) == {"ok": True, "member_id": member_id, "year": 2026, "task": "Phụ trách tổ 3", "notes": ""}
    code, _, err = run_main(capsys, "tasks", "add", "--db", path, "--member", member_id, "--year", "2026", "--task", "X")
    assert code == 1 and "đã được phân công nhiệm vụ năm 2026" in err and "Traceback" not in err
    code, _, err = run_main(capsys, "tasks", "add", "--db", path, "--member", member_id, "--year", "hai", "--task", "X")
    assert code == 1 and "«hai»" in err and "Traceback" not in err
    code, out, _ = run_main(capsys, "tasks", "correct", "--db", path, "--member", member_id, "--year", "2026",
                            "--task", "Phụ trách tổ 4", "--json")
    assert code == 0 and json.loads(out)["task"] == "Phụ trách tổ 4"
    code, out, _ = run_main(capsys, "tasks", "list", "--db", path, "--member", member_id, "--json")
    assert json.loads(out)["tasks"] == [{"year": 2026, "task": "Phụ trách tổ 4", "notes": ""}]


def test_discipline_recorded_then_listed_in_force(member_db, capsys):
    path, member_id = member_db
    code, out, _ = run_main(capsys, "discipline", "--db", path, "--member", member_id, "--form", "khien_trach",
                            "--date", "10/01/2026", "--announced", "15/01/2026", "--json")
    assert code == 0 and json.loads(out)["in_force_until"] == "2027-01-15"
    code, out, _ = run_main(capsys, "discipline", "--db", path, "--member", member_id, "--json")
    assert json.loads(out)["discipline"][0]["form"] == "khien_trach"
    discipline_id = json.loads(out)["discipline"][0]["id"]
    code, out, err = run_main(capsys, "discipline-remove", discipline_id, "--db", path, "--reason", "Ghi nhầm", "--json")
    assert code == 0, err
    assert json.loads(out) == {"ok": True, "discipline_id": discipline_id, "removed": True}
    code, _, err = run_main(capsys, "discipline-remove", discipline_id, "--db", path, "--reason", "Ghi nhầm")
    assert code == 1 and "Không tìm thấy quyết định kỷ luật" in err and "Traceback" not in err


def test_leave_and_return_and_rules(member_db, capsys):
    path, member_id = member_db
    code, _, err = run_main(capsys, "away", "leave", "--db", path, "--member", member_id, "--from", "05/01/2026",
                            "--to", "04/01/2027", "--decision", "3-QĐ/ĐU", "--requested", "02/01/2026")
    assert code == 0, err
    code, _, err = run_main(capsys, "away", "return", "--db", path, "--member", member_id, "--date", "01/10/2026",
                            "--comments", "Chấp hành tốt", "--by", "Công ty X")
    assert code == 0, err
    code, out, _ = run_main(capsys, "rules", "show", "--db", path, "--on", "01/03/2026", "--json")
    sections = {r["section"] for r in json.loads(out)["rules"]}
    assert {"dues_rule", "party_discipline", "away_leave", "readmission"} <= sections
    code, out, _ = run_main(capsys, "rules", "thematic", "on", "--db", path)
    assert code == 0 and "được tính" in out


def test_readmission_refused_with_its_basis(member_db, capsys):
    from tayninh_desktop.domain.actors import Actor
    from tayninh_desktop.domain.away import EventDetails
    from tayninh_desktop.domain.lifecycle import EventKind
    from tayninh_desktop.services import register
    from tayninh_desktop.storage.db import open_database

    path, member_id = member_db
    db = open_database(__import__("pathlib").Path(path))
    register.record_event(db, Actor("x"), member_id, EventKind.STRUCK_OFF, __import__("datetime").date(2024, 5, 1),
                          details=EventDetails(ground="khong_dong_dang_phi"))
    db.conn.close()
    code, _, err = run_main(capsys, "readmit", "--db", path, "--member", member_id, "--date", "01/06/2026",
                            "--cell", "CB01")
    assert code == 1 and "ít nhất 36 tháng" in err and "294-QĐ/TW" in err
