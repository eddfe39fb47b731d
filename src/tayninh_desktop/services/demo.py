"""The demo register: a realistic synthetic commune (or, with many members, a whole superior's load).

Names are built family + middle + given with realistic frequencies and genders, cells are named
after hamlets and neighbourhoods, dates are coherent (joined as an adult, full member a year
later) and a realistic share of members are exempted, away, transferred or removed in the past.
Everything is generated from one seed, so the same command gives the same register.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from tayninh_desktop.domain import demo_names as pools
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.org import REORGANISATION_2025, UnitType, UnitVersion
from tayninh_desktop.services.demo_ids import seeded as seeded_ids
from tayninh_desktop.services.demo_members import MemberRows
from tayninh_desktop.services.organisation import HOME_UNIT_KEY
from tayninh_desktop.services.sample_register import mark_sample
from tayninh_desktop.storage import (
    audit,
    demo_bulk,
    events_repo,
    members_repo,
    roster_repo,
    settings_repo,
    units_repo,
)
from tayninh_desktop.storage.audit import now_iso
from tayninh_desktop.storage.db import Database

TablesDone = Callable[[tuple[str, ...]], None]

HOME_CODE = "HT"
HOME_NAME = "Đảng ủy xã Hưng Thuận"
PLACE_NAME = "Hưng Thuận"


@dataclass(frozen=True)
class DemoResult:
    members: int
    cells: int
    events: int
    home_unit_id: str


def _make_org(db: Database, cell_count: int) -> tuple[str, list[str]]:
    """The two hierarchies: tỉnh ủy → huyện ủy → đảng ủy xã until 30/6/2025, tỉnh ủy → đảng ủy xã after."""
    province = new_id()
    district = new_id()
    home = new_id()
    units_repo.insert_unit(db, province, "TU-TN", UnitType.PROVINCE_COMMITTEE, "Tây Ninh", None)
    units_repo.insert_version(db, new_id(), UnitVersion(province, "Tỉnh ủy Tây Ninh", "Đảng bộ tỉnh Tây Ninh",
                                                        None, None, None))
    units_repo.insert_unit(db, district, "HU-TB", UnitType.DISTRICT_COMMITTEE, "Trảng Bàng", None)
    units_repo.insert_version(db, new_id(), UnitVersion(district, "Huyện ủy Trảng Bàng", "Đảng bộ huyện Trảng Bàng",
                                                        province, None, REORGANISATION_2025))
    units_repo.close_unit(db, district, REORGANISATION_2025)
    units_repo.insert_unit(db, home, HOME_CODE, UnitType.COMMUNE_COMMITTEE, PLACE_NAME, None, is_home=True)
    units_repo.insert_version(db, new_id(), UnitVersion(home, HOME_NAME, "Đảng bộ xã Hưng Thuận", district, None,
                                                        REORGANISATION_2025))
    units_repo.insert_version(db, new_id(), UnitVersion(home, HOME_NAME, "Đảng bộ xã Hưng Thuận", province,
                                                        REORGANISATION_2025, None),
                              "1234-QĐ/TU", date(2025, 6, 28))
    settings_repo.put(db, HOME_UNIT_KEY, home)
    names = _cell_names(cell_count)
    cell_ids = []
    for index, name in enumerate(names, start=1):
        cell_id = new_id()
        units_repo.insert_unit(db, cell_id, f"CB{index:02d}", UnitType.CELL, "", None)
        if index == 2:  # the hamlet became a neighbourhood: a rename with history
            units_repo.insert_version(db, new_id(), UnitVersion(cell_id, name.replace("khu phố", "ấp"),
                                                                name.replace("khu phố", "ấp"), home, None,
                                                                date(2020, 1, 1)))
            units_repo.insert_version(db, new_id(), UnitVersion(cell_id, name, name, home, date(2020, 1, 1), None),
                                      "45-QĐ/ĐU", date(2019, 12, 20))
        else:
            units_repo.insert_version(db, new_id(), UnitVersion(cell_id, name, name, home, None, None))
        cell_ids.append(cell_id)
    return home, cell_ids


def _cell_names(count: int) -> list[str]:
    hamlets = ["Chi bộ " + h for h in pools.HAMLETS]
    hamlets.insert(1, "Chi bộ khu phố Ninh Trung")
    hamlets = list(dict.fromkeys(hamlets))
    institutions = list(pools.INSTITUTIONAL_CELLS) if count >= 12 else []
    names = hamlets[: max(count - len(institutions), 0)] + institutions
    round_no = 2
    while len(names) < count:
        names += [f"{h} {round_no}" for h in hamlets][: count - len(names)]
        round_no += 1
    return names[:count]


DEMO_LIMITS = {"members": (1, 1_000_000), "cells": (1, 3000), "years": (1, 50)}


def _check_sizes(**sizes: int | None) -> None:
    from tayninh_desktop.domain.errors import FieldIssue, ValidationError

    issues = [FieldIssue(name, "bad_count", {"value": value, "low": DEMO_LIMITS[name][0], "high": DEMO_LIMITS[name][1]})
              for name, value in sizes.items()
              if value is not None and not DEMO_LIMITS[name][0] <= value <= DEMO_LIMITS[name][1]]
    if issues:
        raise ValidationError(issues)


def generate(db: Database, actor: Actor, *, members: int, cells: int | None = None, years: int = 3,
             seed: int = 2026, today: date | None = None, staged: bool = False) -> DemoResult:
    """Fill an empty register with a synthetic commune; one transaction, bulk inserts. ``staged``: the register is
    a new file under a temporary name, moved into place only when complete (``demo_bulk.staging``)."""
    actor.require(Permission.EDIT_ORGANISATION)
    _check_sizes(members=members, cells=cells, years=years)
    today = today or date.today()
    rng = random.Random(seed)
    cell_count = cells or max(6, min(members // 35, 3000))
    factory = MemberRows(rng, today, years)
    # Millions of rows: recorded whole, not row by row; ids drawn from the seed, so a seed is one register.
    after = {"members": members, "cells": cell_count, "years": years, "seed": seed}
    with demo_bulk.page_cache(db), demo_bulk.hashed_as_built(db, staged) as early:
        with demo_bulk.staging(db, staged), db.atomic(), audit.bulk_write(db, record=not staged), seeded_ids(seed):
            home, events = _generate(db, members, cell_count, years, seed, today, rng, factory,
                                     early.tables_done if early else None)
            if not staged:
                audit.append(db, actor.name, "demo", "unit", home, None, after)
        if staged:   # the rows committed in the temporary file: their audit entry records the helper's hashes
            with db.atomic():
                audit.mark_everything(db, hashed_by=early)
                audit.append(db, actor.name, "demo", "unit", home, None, after)
    return DemoResult(members=members, cells=cell_count, events=events, home_unit_id=home)


def _generate(db: Database, members: int, cell_count: int, years: int, seed: int, today: date,
              rng: random.Random, factory: MemberRows, tables_done: TablesDone | None) -> tuple[str, int]:
    """Every row of the demo (inside its transaction); returns (home unit id, events). ``tables_done``: told the
    tables each step has finished writing (``early_hashes``)."""
    if units_repo.home(db) is not None:
        from tayninh_desktop.domain.errors import DomainError

        raise DomainError("already_initialised", unit=units_repo.home(db).name)
    home, cell_ids = _make_org(db, cell_count)
    events = _members(db, factory, members, home, cell_ids)
    if tables_done:
        tables_done(("members", "member_events", "member_periods"))
    from tayninh_desktop.services.demo_party_life import generate_party_life

    generate_party_life(db, today=today, years=years, seed=seed, tables_done=tables_done)
    from tayninh_desktop.services.demo_papers import set_up as set_up_papers

    roster = roster_repo.roster_on(db, None, today)   # the committee today: the papers' signers, the cases
    set_up_papers(db, home, cell_ids, today, rng, roster)
    from tayninh_desktop.services.demo_support import generate_support

    generate_support(db, today=today, seed=seed, home_unit_id=home)
    if tables_done:
        tables_done(("support_households", "support_loans", "support_interest_payments", "support_outreach"))
    from tayninh_desktop.services.demo_screening import generate_cases

    generate_cases(db, today=today, seed=seed, roster=roster)
    mark_sample(db)
    return home, events


BATCH = 5000   # members generated, then written, at a time (memory stays bounded whatever the size)


def _members(db: Database, factory: MemberRows, count: int, home: str, cell_ids: list[str]) -> int:
    """Generate the members one by one from the random stream and write them in batches, each member before its
    history and periods. Their ids are drawn first and handed out in sorted order, so the members arrive in the
    order of their ids: their row ids follow that order, and the party life keyed by those row ids is written in
    key order (``demo_party_life``)."""
    stamp = now_iso()
    member_ids = sorted(new_id() for _ in range(count))
    member_rows, event_rows, period_rows = [], [], []
    events = 0
    member = factory.member
    with demo_bulk.indexes_built_after(db, ("members", "member_events", "member_periods")), \
            demo_bulk.search_index_built_after(db):
        for index, member_id in enumerate(member_ids):
            row, history, periods = member(index, member_id, home, cell_ids, stamp)
            member_rows.append(row)
            event_rows += history
            period_rows += periods
            if len(member_rows) >= BATCH or index == count - 1:
                members_repo.insert_many(db, member_rows)
                events_repo.insert_events_many(db, event_rows)
                events_repo.insert_periods_many(db, period_rows)
                events += len(event_rows)
                member_rows, event_rows, period_rows = [], [], []
    factory.forget_names()   # the names' columns are not needed after the members (memory)
    return events
