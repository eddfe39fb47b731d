"""One member headless (what the member dialog does): show, add, update or correct the record, record an event
or delete one recorded by mistake, correct a rating; the JSON fields, and refusals that exit 1 or 2 naming the
field with nothing changed."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_rules_cli import _dump, run_main

NEW = ["--field", "full_name=Trần Thị Mới", "--field", "gender=nu", "--field", "birth_date=05/05/1995",
       "--field", "joined_on=10/03/2025", "--field", "cccd=072195000111"]


@pytest.fixture
def path(home_db, cells, db_path):
    return str(db_path)


def _add(capsys, path) -> dict:
    code, out, err = run_main(capsys, "members", "add", "--db", path, "--cell", "CB01", *NEW, "--json")
    assert code == 0, err
    return json.loads(out)


def test_a_member_added_then_shown_with_the_history(path, capsys):
    added = _add(capsys, path)
    assert set(added) == {"ok", "member_id", "status", "cell_code", "fields", "events"}
    assert (added["status"], added["cell_code"], added["fields"]["full_name"]) == ("du_bi", "CB01", "Trần Thị Mới")
    assert [e["kind"] for e in added["events"]] == ["ket_nap"]
    assert set(added["events"][0]) == {"event_id", "kind", "date", "end_date", "cell_code", "place", "doc_number",
                                       "notes"}
    code, out, _ = run_main(capsys, "members", "show", added["member_id"], "--db", path)
    assert code == 0 and "Trần Thị Mới — Dự bị, chi bộ CB01" in out and "Giới tính: Nữ" in out
    assert "10/03/2025  Kết nạp" in out


def test_a_duplicate_or_a_bad_date_is_refused_by_name_with_nothing_written(path, capsys):
    _add(capsys, path)
    before = _dump(path)
    code, _, err = run_main(capsys, "members", "add", "--db", path, "--cell", "CB01", *NEW)
    assert code == 1 and "Traceback" not in err and "072195000111" in err and "Trần Thị Mới" in err
    code, _, err = run_main(capsys, "members", "add", "--db", path, "--cell", "CB01", "--field", "full_name=A B",
                            "--field", "gender=nam", "--field", "birth_date=31/02/1990", "--field", "joined_on=1/1/2020")
    assert code == 1 and "Ngày sinh: «31/02/1990»" in err
    code, _, err = run_main(capsys, "members", "add", "--db", path, "--cell", "CB01", "--field", "ten=A")
    assert code == 2 and "--field ten=A" in err
    assert _dump(path) == before


def test_an_update_changes_only_the_fields_given(path, capsys):
    member_id = _add(capsys, path)["member_id"]
    code, out, err = run_main(capsys, "members", "update", member_id, "--db", path, "--field", "phone=0912 345 678",
                              "--correction", "--json")
    assert code == 0, err
    fields = json.loads(out)["fields"]
    assert fields["phone"] == "0912345678" and fields["full_name"] == "Trần Thị Mới" and fields["gender"] == "nu"
    before = _dump(path)
    code, _, err = run_main(capsys, "members", "update", member_id, "--db", path, "--field", "cccd=123")
    assert code == 1 and "«123»" in err and "Traceback" not in err
    code, _, err = run_main(capsys, "members", "update", member_id, "--db", path)
    assert code == 2 and "--field" in err
    assert _dump(path) == before


def test_an_event_recorded_then_deleted_as_a_mistake(path, capsys):
    member_id = _add(capsys, path)["member_id"]
    code, out, err = run_main(capsys, "members", "event", member_id, "--db", path, "--kind", "chuyen_chi_bo",
                              "--date", "01/06/2026", "--cell", "CB02", "--json")
    assert code == 0, err
    event_id = json.loads(out)["event_id"]
    code, out, _ = run_main(capsys, "members", "show", member_id, "--db", path, "--json")
    assert json.loads(out)["cell_code"] == "CB02"
    code, out, err = run_main(capsys, "members", "event-delete", event_id, "--db", path, "--json")
    assert code == 0 and json.loads(out) == {"ok": True, "event_id": event_id, "deleted": True}
    code, out, _ = run_main(capsys, "members", "show", member_id, "--db", path, "--json")
    assert json.loads(out)["cell_code"] == "CB01"
    first = json.loads(out)["events"][0]["event_id"]
    before = _dump(path)
    code, _, err = run_main(capsys, "members", "event-delete", first, "--db", path)   # the admission holds the rest
    assert code == 1 and "Traceback" not in err
    assert _dump(path) == before


def test_a_rating_is_corrected_with_its_reason(path, capsys):
    member_id = _add(capsys, path)["member_id"]
    code, _, err = run_main(capsys, "ratings", "add", "--db", path, "--member", member_id, "--year", "2025",
                            "--level", "hoan_thanh")
    assert code == 0, err
    code, _, err = run_main(capsys, "ratings", "correct", "--db", path, "--member", member_id, "--year", "2025",
                            "--level", "tot", "--reason", " ")
    assert code == 1 and "Traceback" not in err
    code, out, err = run_main(capsys, "ratings", "correct", "--db", path, "--member", member_id, "--year", "2025",
                              "--level", "tot", "--reason", "Chi bộ họp lại ngày 10/01/2026", "--json")
    assert code == 0, err
    assert json.loads(out) == {"ok": True, "member_id": member_id, "year": 2025, "level": "tot"}
