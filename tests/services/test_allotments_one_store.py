"""One store of removals allotted: the board's `returns allotment set` and the screening's `allotment set` write the
same table, read by the unit's own warning and by the superior's report; a register whose board kept its allotments
in a setting has them moved by m043 (a code the tree lacks becomes a unit under this committee), recorded by an
audit entry so that `check` vouches for it; `returns expect` attaches every reporting unit's card to the tree."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import integrity, returns_board, screening_records
from tayninh_desktop.storage import audit, returns_repo, settings_repo, units_repo
from tayninh_desktop.storage.db import open_database
from tests.services.returns_world import ACTOR, PERIOD, make_world


@pytest.fixture
def world(demo_db_path, tmp_path):
    w = make_world(demo_db_path, tmp_path)
    yield w
    w.close()


def test_the_board_and_the_screening_write_one_table(world):
    sup = world.superior
    returns_board.set_allotment(sup, ACTOR, "HT", 2026, 3, "125-CV/TU", date(2026, 1, 15))
    unit = units_repo.by_code(sup, "HT")
    [stored] = screening_records.allotments(sup, 2026)
    assert (stored.unit_id, stored.allotted, stored.doc_number, stored.doc_date) == (unit.id, 3, "125-CV/TU",
                                                                                      date(2026, 1, 15))
    screening_records.set_allotment(sup, ACTOR, unit.id, 2026, 4, "130-CV/TU")   # the screening's own action
    assert returns_board.allotments(sup, 2026) == {"HT": (4, "130-CV/TU")}
    assert settings_repo.get(sup, "returns.allotments") is None
    with pytest.raises(DomainError) as info:
        returns_board.set_allotment(sup, ACTOR, "KHONG-CO", 2026, 1, "125-CV/TU")
    assert info.value.code == "return_unit_unknown"


def _register_before_m043(path: Path, code_unknown: str) -> None:
    """A superior's register as the returns issue left it: the board's allotments in the setting (one unit of its
    tree, one code the tree does not hold), written by an audited action."""
    db = open_database(path)
    with db.atomic():
        settings_repo.put(db, "returns.allotments", {"HT": {"2026": {"allotted": 2, "doc": "125-CV/TU"}},
                                                     code_unknown: {"2025": {"allotted": 1, "doc": "90-CV/TU"}}})
        audit.append(db, "van-thu", "set_return_allotment", "settings", "HT", None, {"allotted": 2})
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm043_allotments_one_store'")
    db.conn.commit()
    db.conn.close()


def test_m043_moves_the_settings_allotments_into_the_table(world):
    path = Path(world.superior.path_text)
    world.superior.conn.close()
    _register_before_m043(path, "BC")
    db = open_database(path)
    try:
        assert returns_board.allotments(db, 2026) == {"HT": (2, "125-CV/TU")}
        assert returns_board.allotments(db, 2025) == {"BC": (1, "90-CV/TU")}
        added = units_repo.by_code(db, "BC")
        assert added is not None and added.parent_id == units_repo.home(db).id
        assert settings_repo.get(db, "returns.allotments") is None
        entry = db.execute("SELECT action, after_json FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        assert entry[0] == "migration" and "m043_allotments_one_store" in json.loads(entry[1])["migrations"]
    finally:
        db.conn.close()
    assert integrity.check_file(path).ok
    world.superior = open_database(path)


def test_expect_attaches_a_card_without_its_unit(world):
    sup = world.superior
    key = returns_repo.current_key(sup, returns_repo.Role.SUBORDINATE, "HT")
    with sup.atomic():   # a card imported before it was attached to the tree
        sup.execute("UPDATE exchange_keys SET unit_id = NULL WHERE id = ?", [key.id])
        audit.append(sup, "van-thu", "test_detach", "unit", None, None, None)
    changes = returns_board.expect(sup, ACTOR, PERIOD, deadline=date(2026, 7, 20))
    unit = units_repo.by_code(sup, "HT")
    assert returns_repo.current_key(sup, returns_repo.Role.SUBORDINATE, "HT").unit_id == unit.id
    assert changes.organisation and returns_board.reporting_units(sup) == [("HT", unit.name)]
