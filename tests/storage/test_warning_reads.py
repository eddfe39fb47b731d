"""The early warnings' grouped reads (one query each for the whole committee) hold the same facts as the per-member
reads the screening uses: months per member and year at or above a count, the latest closing decision, the years
rated "không hoàn thành nhiệm vụ". Checked on a 3,000-member demo register with three years of party life."""

from __future__ import annotations

from datetime import date

import pytest

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.services import demo
from tayninh_desktop.storage import cases_repo, dues_repo, meetings_repo, ratings_repo, warnings_repo
from tayninh_desktop.storage.db import open_database
from tayninh_desktop.storage.party_life_codes import ids_of

TODAY = date(2026, 11, 20)
KINDS = ("thuong_ky", "chuyen_de")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    register = open_database(tmp_path_factory.mktemp("warning-reads") / "demo.sqlite3", create=True)
    demo.generate(register, Actor("demo"), members=3000, seed=11, today=TODAY)
    yield register
    register.conn.close()


def _in_years(by_member: dict[int, list[str]], at_least: int) -> dict[int, dict[int, list[str]]]:
    out: dict[int, dict[int, list[str]]] = {}
    for member, months in by_member.items():
        years: dict[int, list[str]] = {}
        for month in months:
            years.setdefault(int(month[:4]), []).append(month)
        for year, found in years.items():
            if len(found) >= at_least:
                out.setdefault(year, {})[member] = found
    return out


@pytest.mark.parametrize("at_least", [1, 2, 3])
def test_the_absences_grouped_by_year_are_the_members_months(db, at_least):
    start = date(2000, 1, 1)
    grouped = meetings_repo.unexcused_months_in_years(db, start, TODAY, KINDS, at_least)
    assert grouped == _in_years(meetings_repo.unexcused_months_by_row(db, start, TODAY, KINDS), at_least)
    assert len(grouped) == 3 and all(len(members) > 5 for members in grouped.values())


@pytest.mark.parametrize("at_least", [1, 2, 3])
def test_the_unpaid_months_grouped_by_year_are_the_members_months(db, at_least):
    grouped = dues_repo.unpaid_months_in_years(db, "2000-01", "2026-11", at_least)
    assert grouped == _in_years(dues_repo.unpaid_months_by_row(db, "2000-01", "2026-11"), at_least)
    assert len(grouped) == 3 and all(len(members) > 5 for members in grouped.values())


def test_a_ground_is_closed_for_a_year_exactly_when_a_decision_came_after_it_began(db):
    members = [row[0] for row in db.execute("SELECT id FROM members")]
    latest = warnings_repo.latest_closings(db, date(2024, 1, 1))
    for year in (2024, 2025, 2026):
        start = date(year, 1, 1)
        closed = set(warnings_repo.closing_decisions(db, members, start))
        assert closed == {m for m, day in latest.items() if day > start.isoformat()}
        assert closed    # removals from the register every year
    by_cases = cases_repo.latest_closing_cases(db, date(2024, 1, 1))    # the demo's screening decisions
    assert by_cases and all(latest[m] >= day for m, day in by_cases.items())


def test_the_years_rated_incomplete_by_row_are_those_by_member(db):
    by_row = ratings_repo.incomplete_years_by_row(db)
    ids = ids_of(db, "members", by_row)
    assert {ids[row]: years for row, years in by_row.items()} == ratings_repo.incomplete_years(db)
    assert any(len(years) >= 2 for years in by_row.values())
