"""Two communes merged into one: the other register brought in, duplicates found and decided, history kept."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.services import demo, integrity, register, unit_merge
from tayninh_desktop.storage import merge_repo, units_repo
from tayninh_desktop.storage.db import open_database

ACTOR = Actor("van-thu")
TODAY = date(2026, 11, 27)
MERGED = date(2025, 7, 1)


@pytest.fixture
def registers(demo_db_path, tmp_path):
    home_path = tmp_path / "xa-moi.sqlite3"
    shutil.copy(demo_db_path, home_path)
    home = open_database(home_path)
    other = open_database(tmp_path / "xa-cu.sqlite3", create=True)
    demo.generate(other, ACTOR, members=40, seed=11, today=TODAY)
    # the other commune's register: its own code, one member with a CCCD of ours, one with our name and birth date
    ours = home.execute("SELECT cccd, full_name, birth_date FROM members WHERE cccd <> '' ORDER BY sort_key"
                        " LIMIT 2").fetchall()
    theirs = [r[0] for r in other.execute("SELECT id FROM members ORDER BY sort_key LIMIT 2")]
    with other.atomic():
        other.execute("UPDATE units SET code = 'BT' WHERE is_home = 1")
        # two demo registers draw identifiers from the same series: make the other commune's its own
        other.execute("UPDATE members SET card_number = '', cccd = CASE WHEN cccd = '' THEN '' ELSE '99' || substr(cccd, 3)"
                      " END")
        other.execute("UPDATE members SET cccd = ? WHERE id = ?", [ours[0][0], theirs[0]])
        other.execute("UPDATE members SET full_name = ?, birth_date = ?, cccd = '', card_number = '' WHERE id = ?",
                      [ours[1][1], ours[1][2], theirs[1]])
    other.conn.close()
    yield home, tmp_path / "xa-cu.sqlite3", ours
    home.conn.close()


def test_merge_finds_duplicates_and_keeps_each_history_with_the_old_unit(registers):
    home, source_file, ours = registers
    before = home.execute("SELECT count(*) FROM members").fetchone()[0]
    plan, _ = unit_merge.plan(home, ACTOR, register_file=source_file, merged_on=MERGED)
    assert plan.members == 40 and plan.source.unit_code == "BT"
    by = {p.matched_by for p in plan.pairs}
    assert {"cccd", "name_birth"} <= by
    with pytest.raises(DomainError) as caught:
        unit_merge.apply(home, ACTOR, plan.source.id, today=TODAY)
    assert caught.value.code == "merge_undecided"
    cccd_pair = next(p for p in plan.pairs if p.matched_by == "cccd")
    with pytest.raises(DomainError) as caught:
        unit_merge.decide(home, ACTOR, cccd_pair.id, "different")
    assert caught.value.code == "merge_different_same_id" and "CCCD" in caught.value.message
    for pair in plan.pairs:
        unit_merge.decide(home, ACTOR, pair.id, "same" if pair.matched_by == "cccd" else "different")
    unit_merge.apply(home, ACTOR, plan.source.id, today=TODAY)
    same = len({p.member for p in plan.pairs if p.matched_by == "cccd"})
    assert home.execute("SELECT count(*) FROM members").fetchone()[0] == before + 40 - same
    old = units_repo.by_code(home, "BT")
    assert old.valid_to == MERGED and old.merged_into_id == organisation_home(home)
    kept = home.execute("SELECT id FROM members WHERE cccd = ?", [ours[0][0]]).fetchone()[0]
    assert merge_repo.origins(home, kept)[0][0] == "BT"       # the other record is kept as the member's origin
    brought = home.execute("SELECT member_id FROM member_origins WHERE member_id <> ?", [kept]).fetchone()[0]
    cells_before = {e.cell_id for e in register.history(home, brought) if e.cell_id}
    assert cells_before and all(units_repo.get(home, c) is not None for c in cells_before)
    cell = units_repo.get(home, next(iter(cells_before)))
    versions = units_repo.versions(home, cell.id)
    assert versions[0].parent_id == old.id and versions[-1].parent_id == organisation_home(home)
    assert integrity.check(home).ok
    with pytest.raises(DomainError) as caught:
        unit_merge.apply(home, ACTOR, plan.source.id, today=TODAY)
    assert caught.value.code == "merge_already_applied"


def test_a_source_that_is_not_a_register_is_refused(registers, tmp_path):
    home, _, _ = registers
    bad = tmp_path / "khong-phai-so.sqlite3"
    bad.write_bytes(b"hello")
    before = home.execute("SELECT count(*) FROM merge_sources").fetchone()[0]
    with pytest.raises(DomainError) as caught:
        unit_merge.plan(home, ACTOR, register_file=bad, merged_on=MERGED)
    assert caught.value.code == "merge_source_unreadable" and "khong-phai-so" in caught.value.message
    assert home.execute("SELECT count(*) FROM merge_sources").fetchone()[0] == before


def organisation_home(db) -> str:
    return units_repo.home(db).id
