"""The demo register: a realistic synthetic commune (or, with many members, a whole superior's load).

Names are built family + middle + given with realistic frequencies and genders, cells are named
after hamlets and neighbourhoods, dates are coherent (joined as an adult, full member a year
later) and a realistic share of members are exempted, away, transferred or removed in the past.
Everything is generated from one seed, so the same command gives the same register.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from tayninh_desktop.domain import demo_names as pools
from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import add_months, add_years
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.ids import seeded as seeded_ids
from tayninh_desktop.domain.lifecycle import EventKind, MemberEvent, fold_periods, state_on
from tayninh_desktop.domain.members import Gender, MemberData, MemberStatus
from tayninh_desktop.domain.org import REORGANISATION_2025, UnitType, UnitVersion
from tayninh_desktop.services.organisation import HOME_UNIT_KEY
from tayninh_desktop.services.sample_register import mark_sample
from tayninh_desktop.storage import audit, demo_bulk, events_repo, members_repo, settings_repo, units_repo
from tayninh_desktop.storage.audit import now_iso
from tayninh_desktop.storage.db import Database

HOME_CODE = "HT"
HOME_NAME = "Đảng ủy xã Hưng Thuận"
PLACE_NAME = "Hưng Thuận"


@dataclass(frozen=True)
class DemoResult:
    members: int
    cells: int
    events: int
    home_unit_id: str


_CUMULATIVE: dict[int, tuple[tuple, list[str], list[float]]] = {}


def _weighted(rng: random.Random, pool: tuple[tuple[str, float], ...]) -> str:
    # The cumulative weights choices() would add up at every call, added up once (same draws, same results).
    found = _CUMULATIVE.get(id(pool))
    if found is None or found[0] is not pool:
        found = _CUMULATIVE[id(pool)] = (pool, [p[0] for p in pool], list(accumulate(p[1] for p in pool)))
    return rng.choices(found[1], cum_weights=found[2])[0]


def _random_date(rng: random.Random, start: date, end: date) -> date:
    span = (end - start).days
    return start + timedelta(days=rng.randint(0, max(span, 0)))


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


class _MemberFactory:
    def __init__(self, rng: random.Random, today: date, years: int) -> None:
        self.rng = rng
        self.today = today
        self.recent = date(today.year - years, 1, 1)

    def person(self, index: int) -> MemberData:
        rng = self.rng
        gender = Gender.MALE if rng.random() < 0.64 else Gender.FEMALE
        family = _weighted(rng, pools.FAMILY_NAMES)
        middle = _weighted(rng, pools.MIDDLE_MALE if gender is Gender.MALE else pools.MIDDLE_FEMALE)
        given = rng.choice(pools.GIVEN_MALE if gender is Gender.MALE else pools.GIVEN_FEMALE)
        full_name = " ".join(p for p in (family, middle, given) if p)
        age = min(int(rng.triangular(20, 96, 52)), 95)
        birth = _random_date(rng, date(self.today.year - age - 1, self.today.month, 1),
                             date(self.today.year - age, self.today.month, 1))
        join_age = rng.triangular(18.2, 50, 26)
        joined = birth + timedelta(days=int(join_age * 365.25))
        if joined > self.today - timedelta(days=20):
            # Too young for that joining age: admitted at some point since turning 18 instead, so
            # recent admissions spread over the months rather than piling up on one day.
            adult = add_years(birth, 18) + timedelta(days=60)
            joined = _random_date(rng, min(adult, self.today - timedelta(days=30)), self.today - timedelta(days=20))
        full = add_months(joined, 12) + timedelta(days=rng.randint(0, 20))
        hamlet = rng.choice(pools.HAMLETS)
        address = f"{hamlet[0].upper()}{hamlet[1:]}, xã Hưng Thuận, tỉnh Tây Ninh"
        century_digit = (0 if birth.year < 2000 else 2) + (0 if gender is Gender.MALE else 1)
        cccd = "" if rng.random() < 0.02 else f"072{century_digit}{birth.year % 100:02d}{(index * 7919) % 10**6:06d}"
        return MemberData(
            full_name=full_name, gender=gender, birth_date=birth, joined_on=joined,
            full_member_on=full if full <= self.today else None, hometown=rng.choice(pools.HOMETOWNS),
            permanent_address=address, current_address=address, ethnicity=_weighted(rng, pools.ETHNICITIES),
            religion=_weighted(rng, pools.RELIGIONS), cccd=cccd, card_number=f"{(index * 104729) % 10**8:08d}",
            dossier_number=f"{72000000 + index}", occupation=_weighted(rng, pools.OCCUPATIONS),
            education_general=rng.choice(pools.EDUCATION_GENERAL),
            education_professional=rng.choice(pools.EDUCATION_PROFESSIONAL),
            political_theory=rng.choice(pools.POLITICAL_THEORY),
            phone=f"09{rng.randint(10000000, 99999999)}" if rng.random() < 0.85 else "",
        )

    def history(self, member_id: str, data: MemberData, cells: list[str]) -> list[MemberEvent]:
        """A plausible history: entry, maybe a move, an exemption, a stint away, an exit."""
        rng = self.rng
        cell = rng.choice(cells)
        seq = iter(range(1, 100))
        events: list[MemberEvent] = []
        if rng.random() < 0.08 and data.full_member_on:
            entry_day = _random_date(rng, data.full_member_on, self.today - timedelta(days=30))
            events.append(MemberEvent(new_id(), member_id, EventKind.TRANSFER_IN, entry_day, cell_id=cell,
                                      seq=next(seq), doc_number=f"{rng.randint(1, 300)}-GGT/ĐU",
                                      doc_issuer="Đảng ủy xã Phước Chỉ", place=_origin(entry_day)))
        else:
            entry_day = data.joined_on
            events.append(MemberEvent(new_id(), member_id, EventKind.ADMITTED, data.joined_on, cell_id=cell,
                                      seq=next(seq), doc_number=f"{rng.randint(1, 400)}-QĐ/HU"))
            if data.full_member_on:
                events.append(MemberEvent(new_id(), member_id, EventKind.FULL_MEMBERSHIP, data.full_member_on,
                                          seq=next(seq), doc_number=f"{rng.randint(1, 400)}-QĐ/HU"))
        last = max(e.event_date for e in events)
        age = (self.today - data.birth_date).days / 365.25
        start = max(last + timedelta(days=1), self.recent)
        if start >= self.today:
            return events
        roll = rng.random()
        if roll < 0.05 and len(cells) > 1:
            day = _random_date(rng, start, self.today - timedelta(days=1))
            events.append(MemberEvent(new_id(), member_id, EventKind.MOVED_CELL, day,
                                      cell_id=rng.choice([c for c in cells if c != cell]), seq=next(seq)))
            start = day + timedelta(days=1)
        if start >= self.today:
            return events
        roll = rng.random()
        if age >= 68 and roll < 0.22:
            day = _random_date(rng, start, self.today - timedelta(days=1))
            events.append(MemberEvent(new_id(), member_id, EventKind.EXEMPTED, day, seq=next(seq),
                                      doc_number=f"{rng.randint(1, 40)}-NQ/CB", notes="Tuổi cao, sức yếu"))
        elif age < 50 and roll < 0.06:
            day = _random_date(rng, start, self.today - timedelta(days=1))
            # Leave for working away: a numbered decision of the commune committee, for under 12 months.
            end = add_months(day, rng.choice((6, 9, 11, 11))) - timedelta(days=1)
            events.append(MemberEvent(new_id(), member_id, EventKind.AWAY, day, end_date=end, seq=next(seq),
                                      place=rng.choice(pools.AWAY_PLACES), notes="Đi làm ăn xa",
                                      doc_number=f"{rng.randint(1, 200)}-QĐ/ĐU", doc_date=day,
                                      doc_issuer="Đảng ủy xã"))
            if end < self.today and rng.random() < 0.6:
                events.append(MemberEvent(new_id(), member_id, EventKind.AWAY_ENDED, end, seq=next(seq)))
        return self._exit(member_id, events, age, seq)

    def _exit(self, member_id: str, events: list[MemberEvent], age: float, seq) -> list[MemberEvent]:
        rng = self.rng
        start = max(max(e.event_date for e in events) + timedelta(days=1), self.recent)
        if start >= self.today:
            return events
        roll = rng.random()
        death_share = 0.02 + max(age - 70, 0) * 0.004
        exits = ((EventKind.DIED, death_share), (EventKind.TRANSFER_OUT, 0.025), (EventKind.STRUCK_OFF, 0.006),
                 (EventKind.LEFT_ON_REQUEST, 0.002), (EventKind.SETTLED_ABROAD, 0.001), (EventKind.EXPELLED, 0.001))
        for kind, share in exits:
            if roll < share:
                day = _random_date(rng, start, self.today - timedelta(days=1))
                # Mẫu 7 columns 10 and 12 and the statistics' transfer scope: where a member went, why a member
                # died (picked by the date, so the demo's random stream, and every figure drawn from it, stays).
                place = _destination(day) if kind is EventKind.TRANSFER_OUT else ""
                notes = DEATH_CAUSES[day.toordinal() % len(DEATH_CAUSES)] if kind is EventKind.DIED else ""
                events.append(MemberEvent(new_id(), member_id, kind, day, seq=next(seq), place=place, notes=notes,
                                          doc_number=f"{rng.randint(1, 300)}-QĐ/ĐU"))
                break
            roll -= share
        return events


DEATH_CAUSES = ("Bệnh già", "Bệnh nặng", "Tai nạn giao thông", "Đột quỵ")


def _origin(day: date) -> str:
    """Where a transfer came from (without drawing from the generator, so the demo stays the same)."""
    return "tỉnh Đồng Tháp" if day.day % 4 == 0 else "xã Phước Chỉ, tỉnh Tây Ninh"


def _destination(day: date) -> str:
    return "phường Thủ Dầu Một, Thành phố Hồ Chí Minh" if day.day % 3 == 0 else "xã Trảng Bàng, tỉnh Tây Ninh"


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
    factory = _MemberFactory(rng, today, years)
    # Millions of rows: recorded whole, not row by row; ids drawn from the seed, so a seed is one register.
    after = {"members": members, "cells": cell_count, "years": years, "seed": seed}
    with demo_bulk.page_cache(db):
        with demo_bulk.staging(db, staged), db.atomic(), audit.bulk_write(db, record=not staged), seeded_ids(seed):
            home, events = _generate(db, members, cell_count, years, seed, today, rng, factory)
            if not staged:
                audit.append(db, actor.name, "demo", "unit", home, None, after)
        if staged:   # the rows committed in the temporary file: their audit entry hashes them on two cores
            with db.atomic():
                audit.mark_everything(db, committed_in=demo_bulk.plain_file(db))
                audit.append(db, actor.name, "demo", "unit", home, None, after)
    return DemoResult(members=members, cells=cell_count, events=events, home_unit_id=home)


def _generate(db: Database, members: int, cell_count: int, years: int, seed: int, today: date,
              rng: random.Random, factory: _MemberFactory) -> tuple[str, int]:
    """Every row of the demo (inside its transaction); returns (home unit id, events)."""
    demo_bulk.defer_foreign_keys(db)
    if units_repo.home(db) is not None:
        from tayninh_desktop.domain.errors import DomainError

        raise DomainError("already_initialised", unit=units_repo.home(db).name)
    home, cell_ids = _make_org(db, cell_count)
    events = _members(db, factory, members, home, cell_ids, today)
    from tayninh_desktop.services.demo_party_life import generate_party_life

    generate_party_life(db, today=today, years=years, seed=seed)
    from tayninh_desktop.services.demo_papers import set_up as set_up_papers

    set_up_papers(db, home, cell_ids, today, rng)
    from tayninh_desktop.services.demo_support import generate_support

    generate_support(db, today=today, seed=seed, home_unit_id=home)
    from tayninh_desktop.services.demo_screening import generate_cases

    generate_cases(db, today=today, seed=seed)
    mark_sample(db)
    return home, events


BATCH = 5000   # members generated, then written, at a time (memory stays bounded whatever the size)


def _members(db: Database, factory: _MemberFactory, count: int, home: str, cell_ids: list[str], today: date) -> int:
    """Generate the members one by one from the random stream and write them in batches: their history and
    periods straight away, the members themselves staged and copied in the order of their ids."""
    stamp = now_iso()
    member_rows, event_rows, period_rows = [], [], []
    events = 0
    for index in range(count):
        member_id = new_id()
        data = factory.person(index)
        history = factory.history(member_id, data, cell_ids)
        periods = fold_periods(member_id, history, data.full_member_on)
        state = state_on(periods, today) or periods[-1].state
        cell = state.cell_id if state.present else next((e.cell_id for e in reversed(history) if e.cell_id), None)
        member_rows.append(members_repo.row_values(member_id, home, data, cell, state.status or MemberStatus.FULL,
                                                   stamp))
        event_rows += [events_repo.event_values(e, stamp) for e in history]
        period_rows += [events_repo.period_values(p) for p in periods]
        if len(member_rows) >= BATCH or index == count - 1:
            demo_bulk.stage_members(db, member_rows)
            events_repo.insert_events_many(db, event_rows)
            events_repo.insert_periods_many(db, period_rows)
            events += len(event_rows)
            member_rows, event_rows, period_rows = [], [], []
    demo_bulk.insert_staged_members(db)
    return events
