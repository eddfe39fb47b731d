"""A cell secretary reads and writes their own cell only: the members list, a member's record, meetings, dues,
ratings, warnings, documents and the support programme of another cell are refused (or left out of lists),
through the same services the window and the command line call."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import (
    documents,
    documents_register,
    dues,
    fund,
    meetings,
    member_party_life,
    ratings,
    register,
    support_applications,
    support_household,
    support_screening,
    warnings,
)
from tayninh_desktop.storage import members_repo
from tests.conftest import TODAY
from tests.services.accounts_fixtures import demo_with_people, login

OUT = "cell_out_of_scope"


@pytest.fixture(scope="module")
def scoped(demo_db_path, tmp_path_factory):
    """The demo register with accounts and a paper CB02 issued; opened for CB01's secretary."""
    path, cells = demo_with_people(demo_db_path, tmp_path_factory.mktemp("scope"))
    office = login(path, "vanthu")
    paper, _ = documents.print_form(office.db, office.actor, "nghi_quyet_chi_bo", path.parent / "nq.pdf",
                                    documents.PrintRequest(cell_id=cells["CB02"].id, on=date(2026, 2, 5),
                                                           content=("Học tập Nghị quyết.",)))
    office.db.conn.close()
    session = login(path, "bithu1")
    db = session.db
    own = db.execute("SELECT id FROM members WHERE cell_id = ? LIMIT 1", [cells["CB01"].id]).fetchone()[0]
    other = db.execute("SELECT id FROM members WHERE cell_id = ? LIMIT 1", [cells["CB02"].id]).fetchone()[0]
    yield {"db": db, "actor": session.actor, "cells": cells, "own": own, "other": other, "paper": paper,
           "path": path}
    db.conn.close()


def _refused(call) -> None:
    with pytest.raises(DomainError) as caught:
        call()
    assert caught.value.code == OUT, caught.value.code
    assert "chi bộ mình" in caught.value.message


def test_the_members_list_is_their_cell(scoped):
    db, cb1, cb2 = scoped["db"], scoped["cells"]["CB01"].id, scoped["cells"]["CB02"].id
    rows = register.list_rows(db)
    assert rows and {r.id for r in rows} == {r[0] for r in db.execute("SELECT id FROM members WHERE cell_id = ?",
                                                                     [cb1])}
    assert register.count_rowids(db) == len(register.list_rowids(db)) == len(rows) < register.count_rowids(
        db, cell_id=cb1) + 400
    _refused(lambda: register.list_rows(db, cell_id=cb2))
    _refused(lambda: register.list_rowids(db, cell_id=cb2))
    everyone = [r[0] for r in db.execute("SELECT rowid FROM members")]
    assert {s.id for s in register.summaries(db, everyone)} == {r.id for r in rows}
    assert register.member_count(db) == len(rows)


def test_a_member_record_of_another_cell(scoped):
    db, other, own = scoped["db"], scoped["other"], scoped["own"]
    assert register.get_member(db, own).id == own
    for call in (register.get_member, register.history, dues.member_dues, dues.arrears, ratings.ratings_of,
                 ratings.discipline_of):
        _refused(lambda call=call: call(db, other))
    _refused(lambda: member_party_life.member_party_life(db, other, 2026))
    _refused(lambda: meetings.member_attendance(db, other, 2026))


def test_meetings_dues_and_ratings_of_another_cell(scoped):
    db, cb1, cb2 = scoped["db"], scoped["cells"]["CB01"].id, scoped["cells"]["CB02"].id
    assert meetings.meetings_of_cell(db, cb1, 2026)
    _refused(lambda: meetings.meetings_of_cell(db, cb2, 2026))
    theirs = db.execute("SELECT id FROM meetings WHERE cell_id = ? LIMIT 1", [cb2]).fetchone()[0]
    _refused(lambda: meetings.get_meeting(db, theirs))
    _refused(lambda: meetings.attendance_lines(db, theirs))
    assert dues.dues_sheet(db, cb1, "10/2026")
    _refused(lambda: dues.dues_sheet(db, cb2, "10/2026"))
    _refused(lambda: dues.cell_totals(db, cb2, 2026))
    assert ratings.rating_sheet(db, cb1, 2025)
    _refused(lambda: ratings.rating_sheet(db, cb2, 2025))


def test_warnings_are_their_cell(scoped):
    db, cb1, cb2 = scoped["db"], scoped["cells"]["CB01"].id, scoped["cells"]["CB02"].id
    found = warnings.compute_warnings(db, today=TODAY)
    assert found and {w.cell_id for w in found} == {cb1}
    _refused(lambda: warnings.compute_warnings(db, cell_id=cb2, today=TODAY))


def test_documents_of_another_cell(scoped, tmp_path):
    db, actor, paper, cb2 = scoped["db"], scoped["actor"], scoped["paper"], scoped["cells"]["CB02"].id
    assert paper.document_id not in {d.id for d in documents_register.register_listing(db)}
    assert paper.document_id not in documents_register.register_ids(db)
    assert documents_register.register_rows(db, [paper.document_id]) == []
    _refused(lambda: documents.reprint(db, actor, paper.document_id, tmp_path / "lai.pdf"))
    _refused(lambda: documents_register.print_register(db, actor, tmp_path / "so.pdf", cell_id=cb2))
    _refused(lambda: documents.print_form(db, actor, "nghi_quyet_chi_bo", tmp_path / "nq.pdf",
                                          documents.PrintRequest(cell_id=cb2, on=date(2026, 2, 5))))
    assert not list(tmp_path.iterdir())


def test_support_data_of_another_cell(scoped):
    db, actor, cb1, cb2, other = (scoped["db"], scoped["actor"], scoped["cells"]["CB01"].id,
                                  scoped["cells"]["CB02"].id, scoped["other"])
    lines = support_screening.run_screen(db, actor, TODAY, everyone=True).lines
    assert lines and {line.cell_id for line in lines} == {cb1}
    _refused(lambda: support_screening.run_screen(db, actor, TODAY, cell_id=cb2))
    _refused(lambda: support_household.households_of(db, actor, other))
    _refused(lambda: support_household.loans_of(db, actor, other))
    _refused(lambda: support_screening.outreach_of(db, actor, other))
    own_cell = {r[0] for r in db.execute("SELECT id FROM members WHERE cell_id = ?", [cb1])}
    assert {loan.member_id for loan in support_household.all_loans(db, actor)} <= own_cell
    assert {a.member_id for a in support_applications.listing(db, actor)} <= own_cell
    _refused(lambda: fund.statement(db, actor))


def test_their_writes_stay_in_their_cell(scoped):
    db, actor, cb2, other, own = (scoped["db"], scoped["actor"], scoped["cells"]["CB02"].id, scoped["other"],
                                  scoped["own"])
    before = db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    _refused(lambda: meetings.record_meeting(db, actor, cb2, {"meeting_date": "10/11/2026"}, today=TODAY))
    _refused(lambda: register.update_member(db, actor, other, {}, today=TODAY))
    _refused(lambda: ratings.rate_member(db, actor, other, 2025, "tot"))
    # A write that reaches the rows without the services' checks is stopped when it commits (storage guard).
    member = members_repo.get(db, other)
    with pytest.raises(DomainError) as caught, db.atomic():
        members_repo.update_state(db, other, member.cell_id, member.status)
    assert caught.value.code == OUT
    assert db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before
    record = register.get_member(db, own)
    assert record.id == own   # their own member is theirs to read
