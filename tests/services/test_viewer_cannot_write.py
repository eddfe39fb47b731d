"""A viewer cannot write through any service: every public function of every services module that takes
(db, actor) is called by a logged-in viewer, and the register is unchanged afterwards. Functions are found
by walking the package, not listed by hand: a new action in any area is covered the day it is added."""

from __future__ import annotations

import hashlib
import importlib
import inspect
import pkgutil
import re
from datetime import date
from pathlib import Path

import pytest

import tayninh_desktop.services as services_package
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import meetings, register
from tests.conftest import make_papers_ready, member_form
from tests.services.accounts_fixtures import add_people, login

WRITE_MARKS = ("db.atomic(", "audit.append(", "_issue(")
# What every role does to its own account (and nothing else), refused here by the wrong password: changing it,
# and typing it again to unlock the idle window.
OWN_ACCOUNT = {"accounts.change_password": "validation_failed", "session.confirm_password": "login_failed"}
NUMBERED = ("nghi_quyet_chi_bo",)


def _service_functions():
    for info in pkgutil.iter_modules(services_package.__path__):
        module = importlib.import_module(f"tayninh_desktop.services.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or name.startswith("_"):
                continue
            params = list(inspect.signature(fn).parameters)
            if len(params) >= 2 and params[1] == "actor":
                yield f"{info.name}.{name}", fn


def _source_with_helpers(fn) -> str:
    """The function's source and that of the private helpers of its module it calls (one level)."""
    source = inspect.getsource(fn)
    module = inspect.getmodule(fn)
    for helper in set(re.findall(r"\b(_[a-z]\w*)\(", source)):
        target = getattr(module, helper, None)
        if inspect.isfunction(target):
            source += inspect.getsource(target)
    return source


def writes(fn) -> bool:
    return any(mark in _source_with_helpers(fn) for mark in WRITE_MARKS)


FUNCTIONS = sorted(_service_functions())


def _dummy(annotation: str, tmp: Path):
    text = str(annotation)
    table = (("PrintRequest", None), ("date", date(2026, 3, 5)), ("Path", tmp / "ra.pdf"), ("dict", {}),
             ("Mapping", {}), ("list", []), ("tuple", ()), ("int", 1), ("bool", False), ("str", "x"))
    for word, value in table:
        if word in text:
            if word == "PrintRequest":
                from tayninh_desktop.services.documents import PrintRequest

                return PrintRequest()
            return value
    return None


def _fingerprint(db) -> str:
    digest = hashlib.sha256()
    for line in db.conn.iterdump():
        digest.update(line.encode("utf-8"))
    return digest.hexdigest()


@pytest.fixture(scope="module")
def viewer_register(tmp_path_factory):
    """A small register with a member, a meeting and every kind of account; reopened for the viewer."""
    from tayninh_desktop.services import organisation
    from tayninh_desktop.storage.db import open_database
    from tests.conftest import TODAY

    path = tmp_path_factory.mktemp("viewer") / "so.sqlite3"
    db = open_database(path, create=True)
    from tayninh_desktop.domain.actors import Actor

    boss = Actor("quan-tri-tam")
    organisation.initialise(db, boss, unit_code="HT", unit_name="Đảng ủy xã Hưng Thuận",
                            superior_name="Tỉnh ủy Tây Ninh", place_name="Hưng Thuận")
    organisation.create_unit(db, boss, code="CB01", name="Chi bộ ấp Cầu Xe")
    organisation.create_unit(db, boss, code="CB02", name="Chi bộ ấp Suối Dộp")
    cells = {c.code: c for c in organisation.cells(db)}
    register.add_member(db, boss, member_form(), cells["CB01"].id, today=TODAY)
    meetings.record_meeting(db, boss, cells["CB01"].id, {"meeting_date": "05/11/2026", "chair": "Bí thư"},
                            today=TODAY)
    make_papers_ready(db, boss)
    add_people(db, cells)
    db.conn.close()
    return path


@pytest.fixture(scope="module")
def viewer_session(viewer_register):
    """One login for the whole walk (argon2 is slow on purpose)."""
    session = login(viewer_register, "xem")
    yield session
    session.db.conn.close()


def test_the_walk_finds_the_writers():
    names = {name for name, fn in FUNCTIONS if writes(fn)}
    for expected in ("register.add_member", "meetings.record_meeting", "accounts.add_account", "fund.contribute",
                     "encryption.turn_on", "documents.print_form", "backup_restore.restore_backup"):
        assert expected in names
    assert len(names) > 60


@pytest.mark.parametrize("name,fn", FUNCTIONS, ids=[n for n, _ in FUNCTIONS])
def test_a_viewer_changes_nothing(viewer_session, tmp_path, name, fn):
    session = viewer_session
    db = session.db
    before = _fingerprint(db)
    params = list(inspect.signature(fn).parameters.values())[2:]
    args = [_dummy(p.annotation, tmp_path) for p in params
            if p.default is inspect.Parameter.empty and p.kind is p.POSITIONAL_OR_KEYWORD]
    kwargs = {p.name: _dummy(p.annotation, tmp_path) for p in params
              if p.default is inspect.Parameter.empty and p.kind is p.KEYWORD_ONLY}
    if name == "documents.print_form":   # a paper that would take a number: issuing is a write
        from tayninh_desktop.services.documents import PrintRequest

        cell = db.execute("SELECT id FROM units WHERE code = 'CB01'").fetchone()[0]
        args = [NUMBERED[0], tmp_path / "nq.pdf",
                PrintRequest(cell_id=cell, on=date(2026, 2, 5), content=("Học tập Nghị quyết.",))]
    refused = None
    try:
        fn(db, session.actor, *args, **kwargs)
    except DomainError as error:
        refused = error.code
    except (TypeError, ValueError, AttributeError, KeyError):
        refused = "bad_dummy"   # a reader given nonsense; writers are checked below
    if name in OWN_ACCOUNT:
        assert refused == OWN_ACCOUNT[name]
    elif writes(fn):
        assert refused == "permission_denied", f"{name}: a viewer was not refused ({refused})"
    assert _fingerprint(db) == before, f"{name}: the register changed"
    assert not list(tmp_path.iterdir()) or not writes(fn), f"{name}: a file was written"


def test_the_numbered_paper_prints_for_the_office(viewer_register, tmp_path):
    """The same call the viewer was refused takes a number for the office: the walk's refusal is the role's."""
    from tayninh_desktop.services import documents
    from tayninh_desktop.services.documents import PrintRequest

    session = login(viewer_register, "vanthu")
    try:
        cell = session.db.execute("SELECT id FROM units WHERE code = 'CB01'").fetchone()[0]
        result, _ = documents.print_form(session.db, session.actor, NUMBERED[0], tmp_path / "nq.pdf",
                                         PrintRequest(cell_id=cell, on=date(2026, 2, 5),
                                                      content=("Học tập Nghị quyết.",)))
        assert result.symbol.endswith("-NQ/CB")
        actor = session.db.execute("SELECT actor FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()[0]
        assert actor == "vanthu"   # the audit actor is the logged-in account
    finally:
        session.db.conn.close()
