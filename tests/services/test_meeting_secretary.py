"""The meeting's secretary (thư ký): migration m005, the action, the CLI, the demo, and the printed minutes."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tayninh_desktop.cli import main
from tayninh_desktop.domain.errors import ValidationError
from tayninh_desktop.services import documents, meetings, register
from tayninh_desktop.storage import migrations

ON = date(2026, 11, 27)


@pytest.fixture
def member(home_db, cells, actor, make_form):
    member_id, _ = register.add_member(home_db, actor, make_form(), cells["CB01"].id, today=ON)
    return member_id


def test_m005_is_registered_last_and_adds_the_column(fresh_db):
    names = [m.name for m in migrations.MIGRATIONS._migrations]
    assert names.index("m005_meeting_secretary") > names.index("m003_documents") > names.index("m002_party_life")
    assert "secretary" in fresh_db["meetings"].columns_dict


def test_record_meeting_keeps_the_secretary(home_db, actor, cells, member):
    meeting_id, _ = meetings.record_meeting(home_db, actor, cells["CB01"].id, {
        "meeting_date": "08/10/2026", "chair": "Trần Văn  Hùng", "secretary": "  Nguyễn Thị Ánh Tuyết "}, today=ON)
    meeting = meetings.get_meeting(home_db, meeting_id)
    assert (meeting.chair, meeting.secretary) == ("Trần Văn Hùng", "Nguyễn Thị Ánh Tuyết")
    meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "08/10/2026", "secretary": "Lê Văn Ba"},
                            meeting_id=meeting_id, today=ON)
    assert meetings.get_meeting(home_db, meeting_id).secretary == "Lê Văn Ba"


def test_secretary_who_is_the_chair_is_refused_and_nothing_changes(home_db, actor, cells, member):
    before = list(home_db.conn.iterdump())
    with pytest.raises(ValidationError) as caught:
        meetings.record_meeting(home_db, actor, cells["CB01"].id, {
            "meeting_date": "08/10/2026", "chair": "Trần Văn Hùng", "secretary": "trần văn hùng"}, today=ON)
    assert caught.value.by_field()["meeting_secretary"][0].startswith("Thư ký: đồng chí trần văn hùng đã chủ trì")
    with pytest.raises(ValidationError) as caught:
        meetings.record_meeting(home_db, actor, cells["CB01"].id, {"meeting_date": "08/10/2026",
                                                                   "secretary": "A" * 81}, today=ON)
    assert "quá 80 ký tự" in caught.value.by_field()["meeting_secretary"][0]
    assert list(home_db.conn.iterdump()) == before


def test_minutes_and_dossier_print_the_secretary(home_db, actor, cells, member):
    day = date(2026, 10, 8)
    request = documents.PrintRequest(cell_id=cells["CB01"].id, on=day)
    assert "secretary" not in documents.build_context(home_db, "bien_ban_hop_chi_bo", request)
    meetings.record_meeting(home_db, actor, cells["CB01"].id, {
        "meeting_date": "08/10/2026", "chair": "Trần Văn Hùng", "secretary": "Lê Thị Cúc"}, today=ON)
    for form_id in ("bien_ban_hop_chi_bo", "chuong_trinh_hop_chi_bo"):
        assert documents.build_context(home_db, form_id, request)["secretary"] == "Lê Thị Cúc"


def test_minutes_pdf_names_the_secretary_instead_of_dots(home_db, actor, cells, member, tmp_path):
    from tests.documents.conftest import pdftotext

    meetings.record_meeting(home_db, actor, cells["CB01"].id, {
        "meeting_date": "08/10/2026", "chair": "Trần Văn Hùng", "secretary": "Lê Thị Cúc"}, today=ON)
    request = documents.PrintRequest(cell_id=cells["CB01"].id, on=date(2026, 10, 8))
    result, _ = documents.print_form(home_db, actor, "bien_ban_hop_chi_bo", tmp_path / "bb.pdf", request)
    text = " ".join(pdftotext(result.path).split())
    assert "Thư ký: đồng chí Lê Thị Cúc" in text


def test_cli_meetings_add_secretary(home_db, cells, member, db_path, capsys):
    code = main(["meetings", "add", "--db", str(db_path), "--cell", "CB01", "--date", "05/03/2026",
                 "--chair", "Trần Văn Hùng", "--secretary", "Lê Thị Cúc", "--json"])
    assert code == 0
    capsys.readouterr()
    main(["meetings", "list", "--db", str(db_path), "--cell", "CB01", "--year", "2026", "--json"])
    assert json.loads(capsys.readouterr().out)["meetings"][0]["secretary"] == "Lê Thị Cúc"
    code = main(["meetings", "add", "--db", str(db_path), "--cell", "CB01", "--date", "05/04/2026",
                 "--chair", "Lê Thị Cúc", "--secretary", "Lê Thị Cúc", "--json"])
    assert code == 1 and "meeting_secretary" in json.loads(capsys.readouterr().out)["fields"]


def test_demo_meetings_have_a_secretary_other_than_the_chair(demo_db_path):
    from tayninh_desktop.storage.db import open_database

    db = open_database(demo_db_path)
    rows = db.execute("SELECT chair, secretary FROM meetings").fetchall()
    db.conn.close()
    chaired = [(chair, secretary) for chair, secretary in rows if chair]
    # (other tests of the session add a few meetings of their own to this register)
    assert chaired and sum(bool(sec) and sec != chair for chair, sec in chaired) >= 0.95 * len(chaired)
