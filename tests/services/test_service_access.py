"""Every service obeys the roles (issue 15): the table in tests/services/service_access.py says who may call each
public ``(db, actor, …)`` function of ``services/``; this module finds them by walking the package (an unlisted one
fails), then on one real demo register calls every ``write``/``admin``/``household`` one as a viewer and every
``cell``/``committee``/``admin`` one as CB01's secretary with another cell's ids, and expects a refusal with the register
unchanged and no file written."""

from __future__ import annotations

import hashlib
import importlib
import inspect
import pkgutil
from datetime import date
from pathlib import Path

import pytest

import tayninh_desktop.services as services_package
from tayninh_desktop.domain.errors import DomainError
from tests.services.accounts_fixtures import demo_with_people, login
from tests.services.service_access import ACCESS, CELL_READS

WORDS = {"read", "write", "admin", "household", "committee", "cell", "own", "internal"}
OUT = "cell_out_of_scope"
DENIED = "permission_denied"


def _functions(first_two):
    found = {}
    for info in pkgutil.iter_modules(services_package.__path__):
        module = importlib.import_module(f"tayninh_desktop.services.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or name.startswith("_"):
                continue
            if first_two(list(inspect.signature(fn).parameters)):
                found[f"{info.name}.{name}"] = fn
    return found


ACTIONS = _functions(lambda p: len(p) >= 2 and p[1] == "actor")
CELL_NAMED = _functions(lambda p: p[:1] == ["db"] and len(p) >= 2 and p[1] != "actor"
                        and ({"cell_id", "unit_id"} & set(p)))


def _with(word):
    return sorted(name for name, words in ACCESS.items() if word in words.split() and name in ACTIONS)


def test_every_action_says_who_may_call_it():
    missing = sorted(set(ACTIONS) - set(ACCESS))
    assert not missing, f"add these to tests/services/service_access.py ACCESS: {missing}"
    gone = sorted(set(ACCESS) - set(ACTIONS))
    assert not gone, f"no longer in services/: {gone}"
    for name, words in ACCESS.items():
        assert set(words.split()) <= WORDS, name


def test_every_read_naming_a_cell_is_listed():
    missing = sorted(set(CELL_NAMED) - set(CELL_READS))
    assert not missing, f"add these to tests/services/service_access.py CELL_READS: {missing}"
    assert set(CELL_READS.values()) <= {"cell", "internal", "filtered"}


# ---------------------------------------------------------------------------------------------------------------
# One register for the module: the 400-member demo with accounts, a paper of another cell; logins of a viewer and CB01's
# secretary (argon2 is slow on purpose: one login each).


def _one(db, sql, *args):
    row = db.execute(sql, list(args)).fetchone()
    return row[0] if row else None


def _fingerprint(db) -> str:
    digest = hashlib.sha256()
    for line in db.conn.iterdump():
        digest.update(line.encode("utf-8"))
    return digest.hexdigest()


def _ids_in(db, cb2: str, cb1: str) -> dict:
    """Ids of rows of the cell ``cb2`` (or, where a read names a member, of anyone not in CB01, ``cb1``)."""
    in_cb2 = "SELECT m.id FROM members m WHERE m.cell_id = ?"
    not_cb1 = "SELECT m.id FROM members m WHERE m.cell_id IS NOT ?"   # another cell's, or left the committee
    return {
        "cell_id": cb2, "unit_id": cb2, "target_id": cb2, "source_ids": [cb2], "cell_ids": [cb2],
        "member_id": _one(db, in_cb2 + " LIMIT 1", cb2),
        "meeting_id": _one(db, "SELECT id FROM meetings WHERE cell_id = ? LIMIT 1", cb2),
        "case_id": _one(db, f"SELECT id FROM cases WHERE member_id IN ({in_cb2}) LIMIT 1", cb2),
        "step_id": _one(db, f"SELECT s.id FROM case_steps s JOIN cases c ON c.id = s.case_id "
                            f"WHERE c.member_id IN ({in_cb2}) LIMIT 1", cb2),
        "application_id": _one(db, f"SELECT id FROM support_applications WHERE member_id IN ({in_cb2}) LIMIT 1", cb2),
        "loan_id": _one(db, f"SELECT id FROM support_loans WHERE member_id IN ({in_cb2}) LIMIT 1", cb2),
        "household_id": _one(db, f"SELECT id FROM support_households WHERE member_id IN ({in_cb2}) LIMIT 1", cb2),
        "payment_id": _one(db, f"SELECT p.id FROM support_interest_payments p JOIN support_loans l ON l.id = p.loan_id"
                               f" WHERE l.member_id IN ({in_cb2}) LIMIT 1", cb2),
        "event_id": _one(db, f"SELECT id FROM member_events WHERE member_id IN ({in_cb2}) LIMIT 1", cb2),
        "letter_id": _one(db, f"SELECT id FROM transfer_letters WHERE member_id IN ({not_cb1}) LIMIT 1", cb1),
        "relief_id": _one(db, f"SELECT id FROM dues_reliefs WHERE member_id IN ({not_cb1}) LIMIT 1", cb1),
        "discipline_id": _one(db, f"SELECT id FROM discipline WHERE member_id IN ({not_cb1}) LIMIT 1", cb1),
        "award_id": _one(db, f"SELECT id FROM member_awards WHERE member_id IN ({not_cb1}) LIMIT 1", cb1),
        "entry_id": _one(db, "SELECT id FROM fund_entries LIMIT 1"),
        "helper_id": _one(db, in_cb2 + " LIMIT 1 OFFSET 1", cb2),
    }


@pytest.fixture(scope="module")
def world(demo_db_path, tmp_path_factory):
    from tayninh_desktop.services import documents

    path, cells = demo_with_people(demo_db_path, tmp_path_factory.mktemp("access"))
    viewer, secretary = login(path, "xem"), login(path, "bithu1")
    db = secretary.db
    cb1 = cells["CB01"].id
    # The other cell: the first after CB01 with a row of every kind the reads take (cases, support…); which cell
    # that is follows the demo's random stream.
    other, ids = next((code, found) for code, found in
                      ((code, _ids_in(db, cells[code].id, cb1)) for code in sorted(cells) if code != "CB01")
                      if all(v is not None for k, v in found.items() if k != "award_id"))
    office = login(path, "vanthu")
    paper, _ = documents.print_form(office.db, office.actor, "nghi_quyet_chi_bo", path.parent / "nq.pdf",
                                    documents.PrintRequest(cell_id=cells[other].id, on=date(2026, 2, 5),
                                                           content=("Học tập Nghị quyết.",)))
    office.db.conn.close()
    ids["document_id"] = paper.document_id
    if ids["award_id"] is None:
        from tayninh_desktop.services import statistics_records

        office = login(path, "vanthu")
        statistics_records.record_award(office.db, office.actor, ids["member_id"], "the_moi", date(2026, 2, 5))
        office.db.conn.close()
        ids["award_id"] = _one(db, "SELECT id FROM member_awards LIMIT 1")
    missing = [k for k, v in ids.items() if v is None]
    assert not missing, f"the demo register has no {missing} in {other}"
    yield {"viewer": viewer, "secretary": secretary, "ids": ids, "cells": cells, "path": path,
           "fingerprint": _fingerprint(db)}
    viewer.db.conn.close()
    secretary.db.conn.close()


def _dummy(annotation, tmp: Path):
    text = str(annotation)
    table = (("PrintRequest", None), ("date", date(2026, 3, 5)), ("Path", tmp / "ra.pdf"), ("dict", {}),
             ("Mapping", {}), ("list", []), ("tuple", ()), ("Sequence", ()), ("int", 1), ("bool", False),
             ("str", "x"))
    for word, value in table:
        if word in text:
            if word == "PrintRequest":
                from tayninh_desktop.services.documents import PrintRequest

                return PrintRequest()
            return value
    return None


# Arguments a function needs in a shape of its own, to name another cell's member.
SHAPED = {"ratings.rate_members": lambda ids: {"entries": {ids["member_id"]: ("tot", None, None)}}}


def _arguments(fn, tmp: Path, ids: dict | None):
    """Positional and keyword arguments: another cell's ids by parameter name (when given), else a dummy by type."""
    args, kwargs = [], {}
    for p in list(inspect.signature(fn).parameters.values())[2:]:
        if p.kind in (p.VAR_KEYWORD, p.VAR_POSITIONAL):
            continue
        if p.name == "form_id":   # a numbered paper: printing it is a write
            value = "nghi_quyet_chi_bo"
        elif ids is not None and p.name in ids and ids[p.name] is not None:
            value = ids[p.name]
        elif p.default is not inspect.Parameter.empty:
            continue
        else:
            value = _dummy(p.annotation, tmp)
        if p.name == "request" and ids is not None:
            from tayninh_desktop.services.documents import PrintRequest

            value = PrintRequest(cell_id=ids["cell_id"], member_id=ids["member_id"], on=date(2026, 2, 5), member_ids=(ids["member_id"],),
                                 content=("Học tập Nghị quyết.",))
        if p.kind is p.KEYWORD_ONLY or p.default is not inspect.Parameter.empty:
            kwargs[p.name] = value
        else:
            args.append(value)
    return args, kwargs


def _call(session, name, fn, tmp: Path, ids: dict | None):
    args, kwargs = _arguments(fn, tmp, ids)
    if ids is not None and name in SHAPED:
        names = list(inspect.signature(fn).parameters)[2:]
        for key, value in SHAPED[name](ids).items():
            if key in kwargs:
                kwargs[key] = value
            else:
                args[names.index(key)] = value
    try:
        fn(session.db, session.actor, *args, **kwargs)
    except DomainError as error:
        return error.code
    except (TypeError, ValueError, AttributeError, KeyError) as error:
        return f"not refused: {type(error).__name__}: {error}"
    return "not refused"


def _unchanged(world, session, tmp: Path, name):
    assert not [p for p in tmp.rglob("*") if p.is_file()], f"{name}: a file was written"
    if session.db.conn.in_transaction:
        session.db.conn.rollback()
    assert _fingerprint(session.db) == world["fingerprint"], f"{name}: the register changed"


VIEWER_REFUSED = sorted(set(_with("write")) | set(_with("admin")) | set(_with("household")))


@pytest.mark.parametrize("name", VIEWER_REFUSED)
def test_a_viewer_is_refused(world, tmp_path, name):
    session = world["viewer"]
    code = _call(session, name, ACTIONS[name], tmp_path, world["ids"])
    assert code == DENIED, f"{name}: a viewer got {code}"
    _unchanged(world, session, tmp_path, name)


SECRETARY_REFUSED = sorted(set(_with("cell")) | set(_with("committee")) | set(_with("admin")))


@pytest.mark.parametrize("name", SECRETARY_REFUSED)
def test_a_cell_secretary_is_refused_another_cell(world, tmp_path, name):
    session = world["secretary"]
    words = ACCESS[name].split()
    code = _call(session, name, ACTIONS[name], tmp_path, world["ids"])
    expected = {DENIED} if "admin" in words else {OUT, DENIED} if "committee" in words else {OUT}
    assert code in expected, f"{name}: CB01's secretary asking for another cell's got {code}"
    _unchanged(world, session, tmp_path, name)


@pytest.mark.parametrize("name", sorted(n for n, w in CELL_READS.items() if w in ("cell", "filtered")))
def test_a_read_naming_another_cell_is_refused(world, tmp_path, name):
    session = world["secretary"]
    fn = CELL_NAMED[name]
    args, kwargs = [], {}
    for p in list(inspect.signature(fn).parameters.values())[1:]:
        if p.name in world["ids"]:
            value = world["ids"][p.name]
        elif p.default is not inspect.Parameter.empty:
            continue
        else:
            value = _dummy(p.annotation, tmp_path)
        (kwargs.__setitem__(p.name, value) if p.kind is p.KEYWORD_ONLY or p.default is not inspect.Parameter.empty
         else args.append(value))
    try:
        result = fn(session.db, *args, **kwargs)
        code = OUT if CELL_READS[name] == "filtered" and not result else f"not refused: {type(result).__name__}"
    except DomainError as error:
        code = error.code
    except (TypeError, ValueError, AttributeError, KeyError) as error:
        code = f"not refused: {type(error).__name__}: {error}"
    assert code == OUT, f"{name}: CB01's secretary asking for another cell's got {code}"
    _unchanged(world, session, tmp_path, name)


# Reads given no actor of the committee as a whole: a cell secretary's session is refused them (the statistics,
# the returns' board and aggregate, the Đề án 03 report, the screening results), or sees their cell's part only
# (the home page's charts).
COMMITTEE_READS = {
    "statistics.reports": lambda: {"period_text": "2025"},
    "statistics.report": lambda: {"form_id": "bieu_1", "period_text": "2025"},
    "statistics.check": lambda: {"period_text": "2025"},
    "statistics.reports_and_check": lambda: {"period_text": "2025"},
    "statistics_records.typed_figures": lambda: {"period_text": "2025"},
    "statistics_records.transfers": lambda: {"period_text": "2025"},
    "returns_board.board": dict,
    "returns_report.aggregate": lambda: {"period_text": "2026-H1"},
    "screening_results.return_figures": lambda: {"year": 2025},
}


def _module_function(name):
    module, function = name.split(".")
    return getattr(importlib.import_module(f"tayninh_desktop.services.{module}"), function)


@pytest.mark.parametrize("name", sorted(COMMITTEE_READS))
def test_a_committee_read_is_refused_a_cell_secretary(world, tmp_path, name):
    session = world["secretary"]
    try:
        _module_function(name)(session.db, **COMMITTEE_READS[name]())
        code = "not refused"
    except DomainError as error:
        code = error.code
    assert code == OUT, f"{name}: CB01's secretary got {code}"
    _unchanged(world, session, tmp_path, name)


def test_the_home_page_charts_of_a_cell_secretary_are_their_cell(world):
    from tayninh_desktop.services import dashboard
    from tayninh_desktop.storage.db import connect_like

    session = world["secretary"]
    own = world["cells"]["CB01"].name
    for charts in (dashboard.dashboard(session.db), dashboard.dashboard_in(session.db, session.db.path_text)):
        assert charts
        for chart in charts:
            assert chart.categories and set(chart.categories) <= {own}, (chart.title, chart.categories)
    assert connect_like(session.db).actor == session.actor


def test_the_screening_results_of_a_cell_secretary_are_their_cell(world):
    from tayninh_desktop.services import screening_results

    rows = screening_results.results(world["secretary"].db, 2025, today=date(2026, 3, 5))
    assert [r.cell_id for r in rows] == [world["cells"]["CB01"].id]
