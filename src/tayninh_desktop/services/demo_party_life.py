"""Demo party life: meetings with attendance, dues, ratings, discipline, tasks, letters, away contacts.

Called at the end of ``demo.generate`` inside its transaction, reading the member periods just
written. Members get a steady profile (most reliable, a few drifting away) so that the rates are
realistic and every warning has real cases. Rows are generated in key order and inserted with
executemany in batches: 100,000 members × 3 years is about 7 million attendance and dues rows, never all in
memory at once.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from tayninh_desktop.domain.dates import add_months, from_iso
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.lifecycle import EventKind, MemberEvent, fold_periods
from tayninh_desktop.domain.party_life import DisciplineForm, RatingLevel
from tayninh_desktop.domain.rules import Rubric, default_rubric, party_life_rules
from tayninh_desktop.services import demo_draws, demo_rules
from tayninh_desktop.services.work_calendar import add_working_days
from tayninh_desktop.storage import events_repo, letters_repo, meetings_repo, ratings_repo
from tayninh_desktop.storage.audit import now_iso
from tayninh_desktop.storage.db import Database
from tayninh_desktop.storage.party_life_codes import RATING_CODES, stamp_code

# (share of members, P(unexcused absence), P(excused absence), P(unpaid dues), P(KHT rating))
PROFILES = ((0.905, 0.002, 0.03, 0.002, 0.01), (0.07, 0.03, 0.08, 0.02, 0.05), (0.02, 0.13, 0.08, 0.12, 0.35),
            (0.005, 0.45, 0.05, 0.40, 0.7))
NOT_EXPECTED = ("mien_sinh_hoat", "di_lam_an_xa", "chuyen_tam_thoi_di")
REASONS = ("Ốm, có đơn xin phép", "Đi công tác", "Việc gia đình", "Đi làm ca", "Chăm người nhà nằm viện")
TASKS = ("Tuyên truyền, vận động nhân dân trong tổ tự quản", "Tham gia Ban công tác Mặt trận ấp",
         "Theo dõi, giúp đỡ hộ nghèo", "Tham gia tổ hòa giải ở cơ sở", "Phụ trách công tác an ninh trật tự",
         "Vận động đoàn viên, hội viên tham gia phong trào", "Phát triển kinh tế hộ gia đình, làm kinh tế giỏi")
VIOLATION = "Vi phạm quy định những điều đảng viên không được làm"


@dataclass(frozen=True)
class PartyLifeDemo:
    meetings: int
    attendance: int
    dues: int
    ratings: int


def _profile(rng: random.Random) -> tuple[float, float, float, float]:
    roll = rng.random()
    for share, *probabilities in PROFILES:
        if roll < share:
            return tuple(probabilities)  # type: ignore[return-value]
        roll -= share
    return tuple(PROFILES[0][1:])  # type: ignore[return-value]


def _months(today: date, years: int) -> list[str]:
    out, day = [], date(today.year - years + 1, 1, 1)
    while (day.year, day.month) < (today.year, today.month):
        out.append(day.strftime("%Y-%m"))
        day = add_months(day, 1)
    return out


def _load_periods(db: Database, start: str):
    """The periods in a cell since ``start``: by cell (members in the order of their ids) and by member row id.
    The demo's members have row ids in the order of their ids (demo_bulk), so both orders are the same."""
    rows = db.execute("SELECT m.rowid, p.cell_id, p.valid_from, p.valid_to, p.status FROM member_periods p"
                      " JOIN members m ON m.id = p.member_id"
                      " WHERE p.present = 1 AND p.cell_id IS NOT NULL AND (p.valid_to IS NULL OR p.valid_to > ?)"
                      " ORDER BY p.member_id, p.valid_from", [start]).fetchall()
    by_cell: dict[str, list[tuple]] = {}
    by_member: dict[int, list[tuple]] = {}
    intern = sys.intern   # a few thousand cells and a dozen statuses, each one string (memory)
    for member_row, cell_id, vf, vt, status in rows:
        cell_id, status = intern(cell_id), intern(status)
        by_cell.setdefault(cell_id, []).append((member_row, vf, vt or "9999-12-31", status))
        by_member.setdefault(member_row, []).append((cell_id, vf, vt or "9999-12-31", status))
    return by_cell, by_member


MEETING_BATCH = 1000   # meetings generated, then written with their attendance, at a time (about 33,000 rows)


def _meetings(db: Database, rng: random.Random, by_cell: dict, profiles: dict, months: list[str], today: date) -> tuple[int, int]:
    """Meetings and their attendance, in the order of the meetings' ids (members in the order of theirs:
    primary-key order), a batch of meetings at a time: the batch's attendance drawn at once (demo_draws), then
    each meeting's row. Returns (meetings, attendance rows)."""
    specs = []
    for cell_id in by_cell:
        day = rng.randint(3, 15)
        for month in months:
            missing_share = 0.02 if month.startswith(str(today.year)) else 0.004
            if rng.random() < missing_share:
                continue
            specs.append((new_id(), cell_id, f"{month}-{day:02d}", "thuong_ky"))
            if month.endswith("-09"):
                specs.append((new_id(), cell_id, f"{month}-{min(day + 10, 28):02d}", "chuyen_de"))
    specs.sort()
    rosters = demo_draws.rosters(by_cell, profiles, NOT_EXPECTED)
    rubric, stamp = default_rubric(), now_iso()
    first_row = (db.execute("SELECT MAX(rowid) FROM meetings").fetchone()[0] or 0) + 1
    attendance = 0
    for start in range(0, len(specs), MEETING_BATCH):
        batch = specs[start:start + MEETING_BATCH]
        drawn = demo_draws.attendance(rng, rosters, [(first_row + start + offset, spec[1], spec[2])
                                                     for offset, spec in enumerate(batch)], REASONS)
        context = _MeetingContext(_names(db, {*drawn.chair, *drawn.secretary}), rubric, stamp)
        meetings_repo.insert_meetings_with_rows(db, [
            _meeting(rng, spec, first_row + start + offset, context, drawn.present[offset], drawn.expected[offset],
                     (drawn.chair[offset], drawn.secretary[offset])) for offset, spec in enumerate(batch)])
        meetings_repo.insert_attendance_rows(db, drawn.rows)
        attendance += drawn.count
    return len(specs), attendance


def _names(db: Database, member_rows: set[int]) -> dict[int, str]:
    """The names of the chairs and secretaries of a batch of meetings (not of every member: memory)."""
    rows = sorted(member_rows)
    names: dict[int, str] = {}
    for start in range(0, len(rows), 500):
        chunk = rows[start:start + 500]
        names.update(db.execute(f"SELECT rowid, full_name FROM members WHERE rowid IN ({', '.join('?' * len(chunk))})",
                                chunk).fetchall())
    return names


@dataclass(frozen=True)
class _MeetingContext:
    names: dict[int, str]
    rubric: Rubric
    stamp: str


def _meeting(rng: random.Random, spec: tuple, meeting_row: int, context: _MeetingContext, present: int,
             expected: int, chair_and_secretary: tuple[int, int]) -> list:
    """One meeting's row (its row id first), its attendance drawn (demo_draws.attendance)."""
    meeting_id, cell_id, day, kind = spec
    names, rubric = context.names, context.rubric
    chair, secretary = chair_and_secretary
    random_ = rng.random
    scores = {c.code: c.max - int(random_() * random_() * c.max * 0.6) for c in rubric.criteria}
    total = sum(scores.values())
    summary = (f"Đánh giá kết quả tháng {day[5:7]}/{day[:4]}, triển khai nhiệm vụ tháng tới"
               if kind == "thuong_ky" else "Sinh hoạt chuyên đề học tập và làm theo tư tưởng, đạo đức,"
                                           " phong cách Hồ Chí Minh")
    return [meeting_row, meeting_id, cell_id, day, kind, names.get(chair, ""), summary, rubric.code,
            json.dumps(scores), total, rubric.level_for(total).code, present, expected, names.get(secretary, ""),
            context.stamp, context.stamp]


def _status_on(periods: list[tuple], day: str) -> str | None:
    for _cell, vf, vt, status in periods:
        if vf <= day < vt:
            return status
    return None


RATING_BATCH = 20000   # ratings (and as many tasks) written at a time


def _ratings_and_tasks(db: Database, rng: random.Random, by_member: dict, ids: dict[int, str], profiles: dict,
                       today: date, years: int, disciplined: set[tuple[int, int]]) -> int:
    """A rating and a task per member and year, written in batches; returns the number of ratings."""
    book = party_life_rules()
    joined = dict(db.execute("SELECT rowid, joined_on FROM members").fetchall())
    stamp = stamp_code(now_iso())
    ratings, tasks, count = [], [], 0
    for year in range(today.year - years, today.year):
        rule = book.on("rating_rule", date(year, 12, 31))
        late = add_months(date(year, 12, 31), -rule["min_months_in_party"]).isoformat()
        excellent = 0.15 if year == today.year - 1 else 0.10  # the last year breaks the 20 % quota (≈ 25 %)
        for member_row, periods in by_member.items():
            status = _status_on(periods, f"{year}-12-31")
            if status is None or status == "sinh_hoat_tam_thoi":
                continue  # members here only temporarily are rated at their official cell
            reason, level, score = None, None, None
            if status == "mien_sinh_hoat":
                level, reason = RatingLevel.NOT_RATED.value, "mien_sinh_hoat"
            elif joined[member_row] > late:
                level, reason = RatingLevel.NOT_RATED.value, "moi_vao_dang"
            else:
                roll = rng.random()
                p_kht = profiles[member_row][3]
                level = ("khong_hoan_thanh" if roll < p_kht or (member_row, year) in disciplined
                         else "xuat_sac" if roll < p_kht + excellent
                         else "tot" if roll < p_kht + excellent + 0.62 else "hoan_thanh")
                if rule.values.get("score_scale"):
                    low = {"xuat_sac": 90, "tot": 70, "hoan_thanh": 50, "khong_hoan_thanh": 30}[level]
                    score = low + int(rng.random() * (10 if level != "tot" else 20))
            rating_id, task_id = new_id(), new_id()   # keyed by the member's row id (m048)
            ratings.append([member_row, year, RATING_CODES[level], score, rule.doc_number, reason, "", rating_id, stamp])
            tasks.append([member_row, year, TASKS[int(rng.random() * len(TASKS))], "", task_id, stamp])
            if len(ratings) >= RATING_BATCH:
                count += _flush_ratings(db, ratings, tasks)
    return count + _flush_ratings(db, ratings, tasks)


def _flush_ratings(db: Database, ratings: list, tasks: list) -> int:
    ratings_repo.insert_ratings_many(db, ratings)
    ratings_repo.insert_tasks_many(db, tasks)
    count = len(ratings)
    ratings.clear()
    tasks.clear()
    return count


def _discipline(rng: random.Random, by_member: dict, ids: dict[int, str], today: date, years: int) -> list[list]:
    book = party_life_rules()
    stamp, rows = now_iso(), []
    start = date(today.year - years + 1, 1, 1)
    forms = (DisciplineForm.REPRIMAND,) * 14 + (DisciplineForm.WARNING,) * 5 + (DisciplineForm.DISMISSAL,)
    for member_row in by_member:
        if rng.random() >= 0.004 * years:
            continue
        member_id = ids[member_row]
        decided = start + timedelta(days=rng.randint(0, (today - start).days - 1))
        form = rng.choice(forms)
        announced = min(decided + timedelta(days=rng.randint(0, 10)), today - timedelta(days=1))
        months = book.on("party_discipline", decided)["lapse_months"]
        rows.append([new_id(), member_id, form.value, decided.isoformat(), add_months(announced, months).isoformat(),
                     f"{rng.randint(1, 90)}-QĐ/ĐU", "Đảng ủy xã", VIOLATION, announced.isoformat(), "dang",
                     stamp, stamp])
        if rng.random() < 0.3:  # the same violation also disciplined by the employer (state discipline)
            rows.append([new_id(), member_id, rng.choice(("khien_trach", "ha_bac_luong", "giang_chuc")),
                         decided.isoformat(), add_months(decided, 12).isoformat(), f"{rng.randint(1, 300)}/QĐ-UBND",
                         "UBND xã", VIOLATION, None, "chinh_quyen", stamp, stamp])
    return rows


def _letters(db: Database, rng: random.Random, today: date, years: int) -> list[list]:
    start = date(today.year - years + 1, 1, 1).isoformat()
    rows = db.execute("SELECT member_id, kind, event_date, doc_issuer FROM member_events WHERE kind IN"
                      " ('chuyen_di', 'chuyen_di_tam_thoi', 'chuyen_den', 'chuyen_den_tam_thoi') AND event_date >= ?",
                      [start]).fetchall()
    book = party_life_rules()
    stamp, out = now_iso(), []
    overdue_so_far = 0   # letters still waiting whose deadline has passed
    for member_id, kind, event_date, issuer in rows:
        issued = date.fromisoformat(event_date) - timedelta(days=rng.randint(0, 10))
        deadline = add_working_days(issued, book.on("transfer_deadline", issued)["working_days"], book)
        outcome, presented = "da_trinh", None
        if deadline >= today or rng.random() < 0.08 or overdue_so_far < 2:
            outcome = "cho"
            overdue_so_far += deadline < today
        else:
            presented = (issued + timedelta(days=rng.randint(2, 35))).isoformat()
        direction = "di" if kind.startswith("chuyen_di") else "den"
        counterpart = issuer or rng.choice(("Đảng ủy phường Trảng Bàng", "Đảng ủy xã Phước Chỉ", "Đảng ủy phường Gia Lộc"))
        out.append([new_id(), member_id, direction, int(kind.endswith("tam_thoi")), f"{rng.randint(1, 400)}-GGT/ĐU",
                    issued.isoformat(), deadline.isoformat(), counterpart, outcome, presented, "", stamp, stamp])
    return out


def _away_contacts(db: Database, rng: random.Random, today: date) -> list[list]:
    rows = db.execute("SELECT e.member_id, MIN(e.event_date), MAX(e.end_date), m.phone FROM member_events e"
                      " JOIN members m ON m.id = e.member_id WHERE e.kind = 'di_lam_an_xa'"
                      " AND m.status = 'di_lam_an_xa' GROUP BY e.member_id ORDER BY e.member_id").fetchall()
    stamp, out, lost = now_iso(), [], 0
    for member_id, since, until, phone in rows:
        day = date.fromisoformat(since)
        stop = today
        # About a fifth lose touch (at least one case in any demo whose arrangement still runs).
        running = (until or "9999") > today.isoformat() and day < today - timedelta(days=240)
        if rng.random() < 0.2 or (lost == 0 and running):
            stop = today - timedelta(days=rng.randint(100, 240))
            lost += running
        while True:
            day += timedelta(days=rng.randint(25, 70))
            if day > stop:
                break
            out.append([new_id(), member_id, day.isoformat(), rng.choice(("Điện thoại", "Zalo", "Về thăm nhà")),
                        phone, "Vẫn giữ liên lạc với chi bộ", stamp, stamp])
    return out


def _extend_arrangements(db: Database, rng: random.Random, today: date) -> None:
    """Half the members still away after their arrangement ended get it extended (gia hạn), by successive
    decisions of under 12 months each.

    The first stays ended, the second was extended in the old register without a term (the warnings flag it)
    and the third is always extended, so that even a small demo has each case.
    """
    rows = db.execute("SELECT e.member_id, MAX(e.end_date) FROM member_events e JOIN members m ON m.id = e.member_id"
                      " WHERE e.kind = 'di_lam_an_xa' AND m.status = 'di_lam_an_xa' GROUP BY e.member_id"
                      " HAVING MAX(e.end_date) < ? ORDER BY e.member_id", [today.isoformat()]).fetchall()
    stamp = now_iso()
    for index, (member_id, end) in enumerate(rows):
        if index == 0 or (index > 2 and rng.random() < 0.5):  # keep ended cases too
            continue
        events = events_repo.events_of(db, member_id)
        seq = max(e.seq for e in events)
        start = date.fromisoformat(end)
        extensions = []
        while start <= today:
            new_end = None if index == 1 else add_months(start, 11)
            seq += 1
            extensions.append(MemberEvent(new_id(), member_id, EventKind.AWAY, start, end_date=new_end, seq=seq,
                                          notes="Gia hạn tạm miễn sinh hoạt" if new_end else
                                          "Gia hạn (ghi từ sổ cũ, không ghi thời hạn)",
                                          doc_number=f"{rng.randint(1, 200)}-QĐ/ĐU" if new_end else "",
                                          doc_date=start if new_end else None))
            if new_end is None:
                break
            start = new_end
        events_repo.insert_events_many(db, [events_repo.event_values(e, stamp) for e in extensions])
        member = db.execute("SELECT full_member_on FROM members WHERE id = ?", [member_id]).fetchone()
        periods = fold_periods(member_id, [*events, *extensions], from_iso(member[0]))
        events_repo.replace_periods(db, member_id, periods)


def generate_party_life(db: Database, *, today: date, years: int, seed: int,
                        tables_done: Callable[[tuple[str, ...]], None] | None = None) -> PartyLifeDemo:
    """Fill party life for the register just generated (inside the caller's transaction; ``tables_done`` is told
    the tables each step has finished writing).

    Members are handled by row id; the demo's members have row ids in the order of their ids (demo_bulk), so
    every loop runs in the order it always did (the random stream, hence the register, is the seed's) and the
    compact attendance and dues rows are written in key order."""
    rng = random.Random(seed * 7919 + 3)
    months = _months(today, years)
    if not months:
        return PartyLifeDemo(0, 0, 0, 0)
    _extend_arrangements(db, rng, today)
    by_cell, by_member = _load_periods(db, months[0] + "-01")
    ids = dict(db.execute("SELECT rowid, id FROM members").fetchall())
    profiles = {member_row: _profile(rng) for member_row in sorted(by_member)}
    meetings, attendance = _meetings(db, rng, by_cell, profiles, months, today)
    if tables_done:
        tables_done(("meetings", "attendance_compact"))
    book = party_life_rules()
    members = [(row, ids[row]) for row in sorted(by_member)]
    terms, reliefs = demo_rules.terms_and_reliefs(db, rng, members, months[0], today, book)
    cells = dict(db.execute("SELECT id, rowid FROM units").fetchall())
    dues = demo_rules.write_dues(db, rng, by_member, profiles, months, terms, reliefs, book, cells)
    if tables_done:
        tables_done(("dues_compact", "dues_terms", "dues_reliefs"))
    discipline = _discipline(rng, by_member, ids, today, years)
    ratings_repo.insert_discipline_many(db, discipline)
    rows_of = {member_id: row for row, member_id in members}
    disciplined = {(rows_of[row[1]], int(row[3][:4])) for row in discipline}
    ratings = _ratings_and_tasks(db, rng, by_member, ids, profiles, today, years, disciplined)
    demo_rules.leave_details(db, rng)
    letters_repo.insert_letters_many(db, _letters(db, rng, today, years))
    letters_repo.insert_contacts_many(db, _away_contacts(db, rng, today))
    demo_rules.settle_some_deferred(db, today)
    if tables_done:   # with these, every table of a member's scope is hashed early (early_hashes.record_scopes)
        tables_done(("ratings", "task_assignments", "discipline", "transfer_letters", "away_contacts", "dues_payments",
                     "away_leaves", "away_returns", "exit_grounds"))
    return PartyLifeDemo(meetings, attendance, dues, ratings)
