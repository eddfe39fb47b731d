"""`dues advance`, `dues settle`, `dues payments`: the JSON fields, and a refusal that exits 1 naming the field with
nothing changed."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_rules_cli import _dump, run_main


@pytest.fixture
def member_db(home_db, cells, actor, make_form, today, db_path):
    from tayninh_desktop.services import register

    member_id, _ = register.add_member(home_db, actor, make_form(), cells["CB01"].id, today=today)
    return str(db_path), member_id


def _leave(capsys, path, member_id):
    code, _, err = run_main(capsys, "away", "leave", "--db", path, "--member", member_id, "--from", "05/06/2026",
                            "--to", "04/05/2027", "--decision", "07-QĐ/ĐU")
    assert code == 0, err


def test_advance_then_payments_in_json(member_db, capsys):
    path, member_id = member_db
    _leave(capsys, path, member_id)
    code, out, err = run_main(capsys, "dues", "advance", "--db", path, "--member", member_id, "--from", "07/2026",
                              "--to", "12/2026", "--paid-on", "02/07/2026", "--received-by", "Trần Văn Thu",
                              "--approval", "Chi bộ đồng ý", "--json")
    assert code == 0, err
    payload = json.loads(out)
    assert payload["ok"] and payload["kind"] == "advance" and payload["payment_id"] == 1
    assert (payload["from_month"], payload["to_month"], payload["amount"]) == ("2026-07", "2026-12", 30000)
    assert payload["paid_on"] == "2026-07-02" and payload["approval"] == "Chi bộ đồng ý"
    code, out, _ = run_main(capsys, "dues", "payments", "--db", path, "--member", member_id, "--json")
    [row] = json.loads(out)["payments"]
    assert set(row) == {"payment_id", "member_id", "kind", "from_month", "to_month", "amount", "paid_on",
                        "received_by", "reason", "approval"}
    code, out, _ = run_main(capsys, "dues", "payments", "--db", path, "--member", member_id)
    assert "Đóng trước 07/2026–12/2026" in out and "30.000 đ" in out
    code, out, _ = run_main(capsys, "dues", "show", "--db", path, "--cell", "CB01", "--month", "08/2026", "--json")
    assert json.loads(out)["lines"][0]["paid_as"] == "advance"


def test_an_overlapping_settlement_exits_1_naming_the_field_and_changes_nothing(member_db, capsys):
    path, member_id = member_db
    _leave(capsys, path, member_id)
    run_main(capsys, "dues", "settle", "--db", path, "--member", member_id, "--from", "06/2026", "--to",
             "08/2026", "--paid-on", "20/11/2026", "--received-by", "Thu")
    before = _dump(path)
    code, _, err = run_main(capsys, "dues", "settle", "--db", path, "--member", member_id, "--from", "08/2026",
                            "--to", "09/2026", "--paid-on", "20/11/2026", "--received-by", "Thu")
    assert code == 1 and "Từ tháng: tháng 08/2026" in err and "đã có khoản đóng chậm" in err
    assert _dump(path) == before


def test_a_payment_is_cancelled_with_its_reason_and_a_wrong_number_exits_1(member_db, capsys):
    path, member_id = member_db
    _leave(capsys, path, member_id)
    before = _dump(path)
    run_main(capsys, "dues", "advance", "--db", path, "--member", member_id, "--from", "07/2026", "--to", "09/2026",
             "--paid-on", "02/07/2026", "--received-by", "Thu")
    code, out, err = run_main(capsys, "dues", "cancel-payment", "--db", path, "--member", member_id, "--payment", "1",
                              "--reason", "Ghi nhầm", "--json")
    assert code == 0, err
    assert json.loads(out) == {"ok": True, "payment_id": 1, "member_id": member_id, "cancelled": True}
    code, out, _ = run_main(capsys, "dues", "payments", "--db", path, "--member", member_id, "--json")
    assert json.loads(out)["payments"] == []
    assert [line for line in _dump(path) if "dues_compact" in line] == \
        [line for line in before if "dues_compact" in line]
    after = _dump(path)
    code, _, err = run_main(capsys, "dues", "cancel-payment", "--db", path, "--member", member_id, "--payment", "1",
                            "--reason", "Ghi nhầm")
    assert code == 1 and "không có khoản đóng trước, đóng chậm số 1" in err and "Traceback" not in err
    assert _dump(path) == after
