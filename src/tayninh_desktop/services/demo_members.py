"""The demo's members and their history, drawn from the seeded random stream straight into rows.

Each member is drawn as the demo always drew it (the same calls on the same generator, in the same order) but
without the objects of the register's forms: no MemberData, no MemberEvent, no MemberState or MemberPeriod. The
histories the demo draws are simple (an entry, maybe full membership, a move, an exemption or a stint away, an exit),
so their periods are folded here as ``lifecycle.fold_periods`` folds them (a test compares every member's periods
and situation with that fold of its events), and the name's derived columns (split, folded, sort key) are worked out
once per distinct name.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from datetime import date, timedelta
from itertools import accumulate

from tayninh_desktop.domain import demo_names as pools
from tayninh_desktop.domain.dates import add_months, add_years
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.domain.members import Gender, MemberStatus, Standing
from tayninh_desktop.domain.vn_text import fold, sort_key, split_name

_CUMULATIVE: dict[int, tuple[tuple, list[str], list[float], float, int]] = {}


def weighted(rng: random.Random, pool: tuple[tuple[str, float], ...]) -> str:
    """``rng.choices(names, weights)[0]``: the same one draw and the same pick (what ``choices`` does for one
    pick from cumulative weights, without building its arguments and its list at every call)."""
    found = _CUMULATIVE.get(id(pool))
    if found is None or found[0] is not pool:
        cumulative = list(accumulate(p[1] for p in pool))
        found = _CUMULATIVE[id(pool)] = (pool, [p[0] for p in pool], cumulative, cumulative[-1] + 0.0,
                                         len(pool) - 1)
    _pool, names, cumulative, total, last = found
    return names[bisect_right(cumulative, rng.random() * total, 0, last)]


def random_date(rng: random.Random, start: date, end: date) -> date:
    span = (end - start).days
    return start + timedelta(days=rng.randint(0, max(span, 0)))


DEATH_CAUSES = ("Bệnh già", "Bệnh nặng", "Tai nạn giao thông", "Đột quỵ")

_MALE, _FEMALE = Gender.MALE.value, Gender.FEMALE.value
_PROBATIONARY, _FULL = Standing.PROBATIONARY.value, Standing.FULL.value
_EXITS = ((EventKind.DIED.value, MemberStatus.DIED.value), (EventKind.TRANSFER_OUT.value,
                                                              MemberStatus.TRANSFERRED_OUT.value),
          (EventKind.STRUCK_OFF.value, MemberStatus.STRUCK_OFF.value),
          (EventKind.LEFT_ON_REQUEST.value, MemberStatus.LEFT.value),
          (EventKind.SETTLED_ABROAD.value, MemberStatus.SETTLED_ABROAD.value),
          (EventKind.EXPELLED.value, MemberStatus.EXPELLED.value))
_EXIT_SHARES = (0.025, 0.006, 0.002, 0.001, 0.001)   # after death's share, which grows with age
_NAME_CACHE_LIMIT = 50_000   # distinct names whose derived columns are kept (memory stays bounded)


def _origin(day: date) -> str:
    """Where a transfer came from (without drawing from the generator, so the demo stays the same)."""
    return "tỉnh Đồng Tháp" if day.day % 4 == 0 else "xã Phước Chỉ, tỉnh Tây Ninh"


def _destination(day: date) -> str:
    return "phường Thủ Dầu Một, Thành phố Hồ Chí Minh" if day.day % 3 == 0 else "xã Trảng Bàng, tỉnh Tây Ninh"


class MemberRows:
    """One member at a time: ``member(index, member_id, home, cells, stamp)`` gives its member row (``members_repo.ROW_COLUMNS``),
    its event rows (``events_repo.event_values``) and its period rows (``events_repo.period_values``)."""

    def __init__(self, rng: random.Random, today: date, years: int) -> None:
        self.rng = rng
        self.today = today
        self.recent = date(today.year - years, 1, 1)
        self._names: dict[str, tuple[str, str, str, str, str]] = {}
        self._positions: tuple[list[str] | None, dict[str, int]] = (None, {})   # the cells and their places

    def _name_columns(self, full_name: str) -> tuple[str, str, str, str, str]:
        found = self._names.get(full_name)
        if found is None:
            if len(self._names) >= _NAME_CACHE_LIMIT:
                self._names.clear()
            parts = split_name(full_name)
            found = self._names[full_name] = (parts.family, parts.middle, parts.given, fold(full_name),
                                              sort_key(full_name))
        return found

    def forget_names(self) -> None:
        self._names.clear()

    def member(self, index: int, member_id: str, home: str, cells: list[str],
               stamp: str) -> tuple[list, list[list], list[list]]:
        person = self._person(index)
        events, periods, state, last_cell = self._history(member_id, person, cells, stamp)
        present, cell = state[0], state[1]
        family, middle, given, folded, key = self._name_columns(person[0])
        full_name, gender, birth, joined, hometown, address, ethnicity, religion, cccd, card, dossier, full, \
            occupation, general, professional, theory, phone = person
        search = " ".join(p for p in (folded, cccd, card, dossier, phone) if p)
        row = [member_id, home, full_name, gender, birth.isoformat(), joined.isoformat(), 0, "", hometown, address,
               address, ethnicity, religion, cccd, card, dossier, full.isoformat() if full else None, occupation,
               general, professional, theory, phone, "", cell if present else last_cell,
               _status(state) or MemberStatus.FULL.value, family, middle, given, folded, key, search, stamp, stamp]
        return row, events, periods

    def _person(self, index: int) -> tuple:
        rng = self.rng
        today = self.today
        male = rng.random() < 0.64
        family = weighted(rng, pools.FAMILY_NAMES)
        middle = weighted(rng, pools.MIDDLE_MALE if male else pools.MIDDLE_FEMALE)
        given = rng.choice(pools.GIVEN_MALE if male else pools.GIVEN_FEMALE)
        full_name = " ".join(p for p in (family, middle, given) if p)
        age = min(int(rng.triangular(20, 96, 52)), 95)
        birth = random_date(rng, date(today.year - age - 1, today.month, 1), date(today.year - age, today.month, 1))
        join_age = rng.triangular(18.2, 50, 26)
        joined = birth + timedelta(days=int(join_age * 365.25))
        if joined > today - timedelta(days=20):
            # Too young for that joining age: admitted at some point since turning 18 instead, so
            # recent admissions spread over the months rather than piling up on one day.
            adult = add_years(birth, 18) + timedelta(days=60)
            joined = random_date(rng, min(adult, today - timedelta(days=30)), today - timedelta(days=20))
        full = add_months(joined, 12) + timedelta(days=rng.randint(0, 20))
        hamlet = rng.choice(pools.HAMLETS)
        address = f"{hamlet[0].upper()}{hamlet[1:]}, xã Hưng Thuận, tỉnh Tây Ninh"
        century_digit = (0 if birth.year < 2000 else 2) + (0 if male else 1)
        cccd = "" if rng.random() < 0.02 else f"072{century_digit}{birth.year % 100:02d}{(index * 7919) % 10**6:06d}"
        hometown = rng.choice(pools.HOMETOWNS)
        ethnicity = weighted(rng, pools.ETHNICITIES)
        religion = weighted(rng, pools.RELIGIONS)
        occupation = weighted(rng, pools.OCCUPATIONS)
        general = rng.choice(pools.EDUCATION_GENERAL)
        professional = rng.choice(pools.EDUCATION_PROFESSIONAL)
        theory = rng.choice(pools.POLITICAL_THEORY)
        phone = f"09{rng.randint(10000000, 99999999)}" if rng.random() < 0.85 else ""
        return (full_name, _MALE if male else _FEMALE, birth, joined, hometown, address, ethnicity, religion, cccd,
                f"{(index * 104729) % 10**8:08d}", f"{72000000 + index}", full if full <= today else None,
                occupation, general, professional, theory, phone)

    def _history(self, member_id: str, person: tuple, cells: list[str], stamp: str):
        """A plausible history (entry, maybe a move, an exemption, a stint away, an exit): its event rows, its
        period rows, the state today and the last cell an event named."""
        rng = self.rng
        today = self.today
        _name, _gender, birth, joined, *_rest = person
        full = person[11]
        cell = rng.choice(cells)
        history = _History(member_id, stamp)
        if rng.random() < 0.08 and full:
            entry_day = random_date(rng, full, today - timedelta(days=30))
            # A transfer in after full membership: full standing from the entry on.
            history.add(new_id(), EventKind.TRANSFER_IN.value, entry_day, (True, cell, _FULL, False, False, None,
                                                                           None),
                        cell=cell, doc_number=f"{rng.randint(1, 300)}-GGT/ĐU", doc_issuer="Đảng ủy xã Phước Chỉ",
                        place=_origin(entry_day))
        else:
            history.add(new_id(), EventKind.ADMITTED.value, joined, (True, cell, _PROBATIONARY, False, False, None,
                                                                     None),
                        cell=cell, doc_number=f"{rng.randint(1, 400)}-QĐ/HU")
            if full:
                history.change(new_id(), EventKind.FULL_MEMBERSHIP.value, full, 2, _FULL,
                               doc_number=f"{rng.randint(1, 400)}-QĐ/HU")
        age = (today - birth).days / 365.25
        start = max(history.last + timedelta(days=1), self.recent)
        if start < today:
            self._changes(history, age, start, cell, cells)
        return history.events, history.periods, history.state, history.cell

    def _changes(self, history: _History, age: float, start: date, cell: str, cells: list[str]) -> None:
        rng = self.rng
        today = self.today
        roll = rng.random()
        if roll < 0.05 and len(cells) > 1:
            day = random_date(rng, start, today - timedelta(days=1))
            history.move(new_id(), day, self._other_cell(cells, cell))
            start = day + timedelta(days=1)
        if start >= today:
            return
        roll = rng.random()
        if age >= 68 and roll < 0.22:
            day = random_date(rng, start, today - timedelta(days=1))
            history.change(new_id(), EventKind.EXEMPTED.value, day, 3, True,
                           doc_number=f"{rng.randint(1, 40)}-NQ/CB", notes="Tuổi cao, sức yếu")
        elif age < 50 and roll < 0.06:
            day = random_date(rng, start, today - timedelta(days=1))
            # Leave for working away: a numbered decision of the commune committee, for under 12 months.
            end = add_months(day, rng.choice((6, 9, 11, 11))) - timedelta(days=1)
            event_id = new_id()
            place = rng.choice(pools.AWAY_PLACES)
            history.away(event_id, day, end, place=place, notes="Đi làm ăn xa",
                         doc_number=f"{rng.randint(1, 200)}-QĐ/ĐU", doc_date=day, doc_issuer="Đảng ủy xã")
            if end < today and rng.random() < 0.6:
                history.away_ended(new_id(), end)
        self._exit(history, age)

    def _other_cell(self, cells: list[str], cell: str) -> str:
        """``rng.choice([c for c in cells if c != cell])`` without building that list (thousands of cells): the same
        one draw below ``len(cells) - 1`` (``choice`` and ``randrange`` both take ``_randbelow``), the same pick."""
        if self._positions[0] is not cells:
            self._positions = (cells, {c: i for i, c in enumerate(cells)})
        drawn = self.rng.randrange(len(cells) - 1)
        return cells[drawn if drawn < self._positions[1][cell] else drawn + 1]

    def _exit(self, history: _History, age: float) -> None:
        rng = self.rng
        start = max(history.last + timedelta(days=1), self.recent)
        if start >= self.today:
            return
        roll = rng.random()
        for (kind, status), share in zip(_EXITS, (0.02 + max(age - 70, 0) * 0.004, *_EXIT_SHARES), strict=True):
            if roll < share:
                day = random_date(rng, start, self.today - timedelta(days=1))
                # Mẫu 7 columns 10 and 12 and the statistics' transfer scope: where a member went, why a member
                # died (picked by the date, so the demo's random stream, and every figure drawn from it, stays).
                place = _destination(day) if kind == EventKind.TRANSFER_OUT.value else ""
                notes = DEATH_CAUSES[day.toordinal() % len(DEATH_CAUSES)] if kind == EventKind.DIED.value else ""
                history.leave(new_id(), kind, status, day, place=place, notes=notes,
                              doc_number=f"{rng.randint(1, 300)}-QĐ/ĐU")
                return
            roll -= share


def _status(state: tuple) -> str | None:
    """``MemberState.status`` of a state tuple (present, cell, standing, exempted, away, away until, exit status)."""
    present, _cell, standing, exempted, away, _until, exit_status = state
    if not present:
        return exit_status
    if exempted:
        return MemberStatus.EXEMPTED.value
    if away:
        return MemberStatus.AWAY.value
    return MemberStatus.FULL.value if standing == _FULL else MemberStatus.PROBATIONARY.value


class _History:
    """A member's event rows and the periods they fold into (``fold_periods``: a new period at each event's date,
    the previous one closed there; a second event on the same date changes that period's state)."""

    __slots__ = ("_seq", "cell", "events", "last", "member_id", "periods", "stamp", "state")

    def __init__(self, member_id: str, stamp: str) -> None:
        self.member_id = member_id
        self.stamp = stamp
        self.events: list[list] = []
        self.periods: list[list] = []
        self.state: tuple = (False, None, None, False, False, None, None)
        self.last: date = date.min
        self.cell: str | None = None
        self._seq = 0

    def add(self, event_id: str, kind: str, day: date, state: tuple, *, cell: str | None = None,
            end: date | None = None, place: str = "", doc_number: str = "", doc_date: date | None = None,
            doc_issuer: str = "", notes: str = "") -> None:
        self._seq += 1
        iso = day.isoformat()
        self.events.append([event_id, self.member_id, kind, iso, cell, end.isoformat() if end else None, place,
                            doc_number, doc_date.isoformat() if doc_date else None, doc_issuer, notes, self._seq,
                            self.stamp, self.stamp])
        if cell:
            self.cell = cell
        self.last = max(self.last, day)
        self.state = state
        present, state_cell, standing, _exempted, _away, until, _exit = state
        row = [self.member_id, iso, None, int(present), state_cell, standing, _status(state),
               until.isoformat() if until else None]
        if self.periods and self.periods[-1][1] == iso:
            self.periods[-1][3:] = row[3:]
            return
        if self.periods:
            self.periods[-1][2] = iso
        self.periods.append(row)

    def change(self, event_id: str, kind: str, day: date, field: int, value, **details) -> None:
        state = list(self.state)
        state[field] = value
        self.add(event_id, kind, day, tuple(state), **details)

    def move(self, event_id: str, day: date, cell: str) -> None:
        self.change(event_id, EventKind.MOVED_CELL.value, day, 1, cell, cell=cell)

    def away(self, event_id: str, day: date, end: date, **details) -> None:
        present, cell, standing, exempted, _away, _until, exit_status = self.state
        self.add(event_id, EventKind.AWAY.value, day, (present, cell, standing, exempted, True, end, exit_status),
                 end=end, **details)

    def away_ended(self, event_id: str, day: date) -> None:
        present, cell, standing, exempted, _away, _until, exit_status = self.state
        self.add(event_id, EventKind.AWAY_ENDED.value, day, (present, cell, standing, exempted, False, None,
                                                             exit_status))

    def leave(self, event_id: str, kind: str, status: str, day: date, **details) -> None:
        self.add(event_id, kind, day, (False, None, self.state[2], False, False, None, status), **details)
