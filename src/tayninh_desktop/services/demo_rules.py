"""Demo data for the rules in force: dues categories and bases, exemptions and reductions, the months they give
(deferred while away, exempted by decision), the details of leaves for working away and the grounds of exits.

Called by ``demo_party_life`` inside the demo's transaction. The amounts come from the rule of each month
(342-QĐ/TW before 02/2026, 01-QĐ/TW after), computed once per member and rule period, not per month.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from tayninh_desktop.domain.dues import DuesRelief, DuesTerm, ReliefKind, compute_due
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.party_life import DuesState
from tayninh_desktop.domain.rules import RuleBook
from tayninh_desktop.services import demo_draws, dues_payments
from tayninh_desktop.services.demo_draws import DuesText
from tayninh_desktop.storage import audit, dues_repo
from tayninh_desktop.storage.audit import now_iso
from tayninh_desktop.storage.db import Database
from tayninh_desktop.storage.party_life_codes import DUES_CODES

SALARIED = ("Công chức", "Viên chức", "Giáo viên", "Công nhân", "Lực lượng vũ trang", "Bác sĩ", "Kỹ sư",
            "Cán bộ ấp")
DUES_REASONS = ("Hoàn cảnh khó khăn, xin nộp sau", "Đang điều trị bệnh")
_VOLUNTARY = "Đóng thêm tự nguyện"
STRUCK_OFF_GROUNDS = ("bo_sinh_hoat", "khong_dong_dang_phi", "khong_tien_bo", "bo_sinh_hoat")
EXIT_GROUNDS = {"ra_khoi_dang": ("xin_ra",), "dinh_cu_nuoc_ngoai": ("dinh_cu",), "khai_tru": ("tham_nhung", "khac"),
                "xoa_ten": STRUCK_OFF_GROUNDS}


def _category(rng: random.Random, occupation: str, birth: str, today: date) -> tuple[str, int | None]:
    age = today.year - int(birth[:4])
    if occupation == "Hưu trí" or (age >= 62 and rng.random() < 0.5):
        return "huu_tri", rng.randrange(3_200_000, 9_000_000, 50_000)
    if occupation in SALARIED:
        return "bhxh", rng.randrange(4_200_000, 14_000_000, 10_000)
    if age < 24 and rng.random() < 0.5:
        return "hoc_sinh", None
    return "ngoai_bhxh", None


TERM_BATCH = 5000   # dues terms written at a time


def terms_and_reliefs(db: Database, rng: random.Random, members: list[tuple[int, str]], first_month: str,
                      today: date, book: RuleBook) -> tuple[dict[int, list[DuesTerm]], dict[int, list[DuesRelief]]]:
    """A term per member (category and base from the first demo month), a few exemptions of members with 50
    years in the Party (on application, from 02/2026) and reductions by decision; written in bulk. ``members``:
    (row id, id) in the order of their ids, hence of their row ids; the dicts returned are by row id."""
    stamp, terms, reliefs = now_iso(), {}, {}
    term_rows, relief_rows = [], []
    # The members' facts read in the order of their row ids beside ``members`` (same order), not held in a dict
    # of all of them (memory: the demo's peak is here).
    info = db.execute("SELECT rowid, occupation, birth_date, joined_on FROM members ORDER BY rowid")
    for member_row, member_id in members:
        row = next(info)
        while row[0] != member_row:
            row = next(info)
        _row, occupation, birth, joined = row
        category, base = _category(rng, occupation, birth, today)
        term = DuesTerm(new_id(), member_id, max(first_month, joined[:7]), category, base)
        terms[member_row] = [term]
        term_rows.append([term.id, member_id, term.from_month, category, base, "", stamp, stamp])
        relief = _relief(rng, member_id, joined, today)
        if relief is not None:
            reliefs[member_row] = [relief]
            relief_rows.append(dues_repo.relief_values(relief, stamp))
        if len(term_rows) >= TERM_BATCH:
            dues_repo.insert_terms_many(db, term_rows)
            term_rows.clear()
    dues_repo.insert_terms_many(db, term_rows)
    dues_repo.insert_reliefs_many(db, relief_rows)
    return terms, reliefs


def _relief(rng: random.Random, member_id: str, joined: str, today: date) -> DuesRelief | None:
    party_years = today.year - int(joined[:4])
    if today >= date(2026, 3, 1) and party_years >= 50 and rng.random() < 0.5:
        return DuesRelief(new_id(), member_id, ReliefKind.EXEMPT, "2026-02", None, ground="tuoi_dang_50",
                          decision_number=f"{rng.randint(1, 60)}-QĐ/ĐU", decision_date=date(2026, 2, 20),
                          issuer="Đảng ủy xã", reason="Có đơn đề nghị miễn đóng đảng phí")
    if today >= date(2026, 4, 1) and rng.random() < 0.01:
        first = f"2026-{rng.randint(2, 3):02d}"
        return DuesRelief(new_id(), member_id, ReliefKind.REDUCE, first, f"2026-{int(first[5:]) + 5:02d}",
                          percent=rng.choice((30, 50, 70)), decision_number=f"{rng.randint(1, 60)}-QĐ/ĐU",
                          decision_date=date(2026, 2, 25), issuer="Đảng ủy xã", reason="Hoàn cảnh khó khăn")
    return None


DUES_BATCH = 1000   # members whose dues rows (36 months each at most) are drawn and written at a time


def write_dues(db: Database, rng: random.Random, by_member: dict, profiles: dict, months: list[str],
               terms: dict[int, list[DuesTerm]], reliefs: dict[int, list[DuesRelief]], book: RuleBook,
               cells: dict[str, int]) -> int:
    """Dues rows in key order (member row, month), drawn and written a batch of members at a time
    (demo_draws.dues): the member's cell on the 15th of each month, the amount the rule of the month computes
    (once per member and dues text: 342-QĐ/TW, then 01-QĐ/TW from 02/2026); deferred while away for work (some
    pay anyway), exempted or reduced by decision; the amount paid kept only when it is not the amount due
    (party_life_codes.amount_stored). Returns the number of rows."""
    amounts: dict[tuple, int] = {}

    def due_of(member_row: int, month: str) -> int:
        """compute_due's amount; with one term (every demo member) it depends only on the month, the term's
        category and base, and whether the term starts before, in or after the month: computed once for each."""
        member_terms = terms.get(member_row, [])
        if len(member_terms) != 1:
            return compute_due(month, member_terms, [], book).amount or 0
        term = member_terms[0]
        key = (month, term.category, term.base, (term.from_month > month) - (term.from_month < month))
        amount = amounts.get(key)
        if amount is None:
            amount = amounts[key] = compute_due(month, member_terms, [], book).amount or 0
        return amount

    def relief_of(member_row: int, month: str, due: int) -> tuple[int, bool]:
        member_reliefs = reliefs[member_row]
        if any(r.kind is ReliefKind.EXEMPT and r.covers(month) for r in member_reliefs):
            return 0, True
        return _with_relief(due, member_reliefs, month), False

    members, count = sorted(by_member), 0
    text = DuesText(DUES_REASONS, _VOLUNTARY)
    for start in range(0, len(members), DUES_BATCH):
        rows, drawn = demo_draws.dues(rng, members[start:start + DUES_BATCH], by_member, profiles, months, cells,
                                      due_of, relief_of, set(reliefs), text)
        dues_repo.insert_rows(db, rows)
        count += drawn
    return count


def _with_relief(amount: int, reliefs: list[DuesRelief], month: str) -> int:
    for relief in reliefs:
        if relief.covers(month):
            return 0 if relief.kind is ReliefKind.EXEMPT else round(amount * (100 - relief.percent) / 100)
    return amount


_PAID, _UNPAID, _UNPAID_EXCUSED, _NOT_REQUIRED, _DEFERRED = (DUES_CODES[s.value] for s in (
    DuesState.PAID, DuesState.UNPAID, DuesState.UNPAID_EXCUSED, DuesState.NOT_REQUIRED, DuesState.DEFERRED))


def leave_details(db: Database, rng: random.Random) -> None:
    """The request and the cell's proposal of each leave for working away (abroad when the place is abroad), and
    the comments of the employer or local authority on each return; the grounds of exits."""
    stamp = now_iso()
    leaves = db.execute("SELECT id, event_date, place FROM member_events WHERE kind = 'di_lam_an_xa'").fetchall()
    db.conn.executemany(
        "INSERT INTO away_leaves (event_id, abroad, requested_on, cell_proposal, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(event_id, int(place.startswith("Hàn Quốc")),
          (date.fromisoformat(day) - timedelta(days=rng.randint(7, 25))).isoformat(),
          f"Nghị quyết chi bộ ngày {(date.fromisoformat(day) - timedelta(days=5)):%d/%m/%Y}", stamp, stamp)
         for event_id, day, place in leaves])
    returns = db.execute("SELECT id FROM member_events WHERE kind = 'het_di_lam_an_xa'").fetchall()
    db.conn.executemany(
        "INSERT INTO away_returns (event_id, comments, comments_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
        [(r[0], "Chấp hành tốt nội quy lao động, giữ liên lạc với chi bộ", rng.choice(
            ("Công ty TNHH Phước Đông", "UBND phường nơi tạm trú", "Ban quản lý khu công nghiệp")), stamp, stamp)
         for r in returns])
    exits = db.execute("SELECT id, kind FROM member_events WHERE kind IN ('xoa_ten', 'khai_tru', 'ra_khoi_dang',"
                       " 'dinh_cu_nuoc_ngoai')").fetchall()
    db.conn.executemany("INSERT INTO exit_grounds (event_id, ground, created_at, updated_at) VALUES (?, ?, ?, ?)",
                        [(event_id, rng.choice(EXIT_GROUNDS[kind]), stamp, stamp) for event_id, kind in exits])


DEMO_SETTLEMENTS = 3   # away members whose deferred months the demo shows settled late
_RECEIVER, _APPROVAL = "Phó bí thư chi bộ", "Chi bộ đồng ý tại kỳ sinh hoạt"


def settle_some_deferred(db: Database, today: date) -> int:
    """A few members away for work settle their deferred months late (dues_payments, m046): the first
    ``DEMO_SETTLEMENTS`` members by row id with a deferred month, their first run of consecutive deferred months
    (at most 12), paid on the 5th of the month after the run when that day has come. No random draw: the rest of
    the demo stays the seed's. Returns the number of payments."""
    from tayninh_desktop.storage import party_life_codes as codes

    members = [r[0] for r in db.execute(
        "SELECT DISTINCT m.rowid FROM member_events e JOIN members m ON m.id = e.member_id"
        " WHERE e.kind = 'di_lam_an_xa' ORDER BY m.rowid").fetchall()]
    stamp, written = now_iso(), 0
    for member_row in members:
        if written >= DEMO_SETTLEMENTS:
            break
        rows = db.execute("SELECT month, state, due FROM dues_compact WHERE member_row = ? ORDER BY month",
                          [member_row]).fetchall()
        run = _first_deferred_run(rows)
        if not run:
            continue
        last = codes.month_text(run[-1][0])
        year, number = int(last[:4]), int(last[5:7])
        paid_on = date(year + (number == 12), 1 if number == 12 else number + 1, 5)
        if paid_on > today:
            continue
        written += 1
        note = f"Đóng chậm ngày {paid_on:%d/%m/%Y}"
        db.execute("INSERT INTO dues_payments (member_row, from_month, to_month, id, amount, paid_on, received_by,"
                   " kind, reason, approval, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'late', '', ?, ?)",
                   [member_row, run[0][0], run[-1][0], written, sum(r[2] for r in run), paid_on.isoformat(),
                    _RECEIVER, _APPROVAL, stamp])
        member_id = db.execute("SELECT id FROM members WHERE rowid = ?", [member_row]).fetchone()[0]
        months = [codes.month_text(r[0]) for r in run]
        before = dues_payments.months_before(dues_repo.member_history(db, member_id), months)
        db.conn.executemany("UPDATE dues_compact SET state = ?, amount = NULL, reason = ? WHERE member_row = ?"
                            " AND month = ?", [(_PAID, note, member_row, r[0]) for r in run])
        audit.append(db, audit.SYSTEM_ACTOR, "record_dues_late", "member", member_id, {"months": before},
                     {"payment_id": written, "from_month": months[0], "to_month": months[-1],
                      "amount": sum(r[2] for r in run), "paid_on": paid_on.isoformat(),
                      "received_by": _RECEIVER, "reason": "", "approval": _APPROVAL})
    return written


def _first_deferred_run(rows) -> list:
    """The first consecutive deferred months with their amount due (at most 12)."""
    run: list = []
    for month, state, due in rows:
        consecutive = run and month in (run[-1][0] + 1, run[-1][0] + 89)   # 202612 → 202701
        if state == _DEFERRED and due is not None and (not run or consecutive) and len(run) < 12:
            run.append((month, state, due))
        elif run:
            break
    return run
