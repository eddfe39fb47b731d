"""The demo register's screening: a realistic handful of cases at various steps, and the year's allotment.

Made through the same user actions an office uses (each one checked, audited), inside the demo's transaction, with a
random stream of its own (the demo's figures drawn before stay as they were): help cases just proposed, waiting for
the vote, on the list with their twelve months ending soon or passed, one screened as progressed; removal cases on
the grounds the register shows (a member asked to write a self-review, one voted by the cell and the committee,
one decided); the committee's allotment for the year, which the open cases bring near.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.dates import add_months
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.members import MemberStatus
from tayninh_desktop.services import case_meetings, case_votes, cases, screening, screening_records
from tayninh_desktop.storage import roster_repo, units_repo
from tayninh_desktop.storage.db import Database

SEED_OFFSET = 12


def _steady_members(db: Database, today: date, roster: list | None = None) -> list[tuple[str, str]]:
    """(member, cell) of full members at home today and 16 months ago, in the same cell (their history holds).
    ``roster``: today's ``roster_on`` of the whole committee, when the caller has it."""
    before = roster_repo.full_members_cells_on(db, add_months(today, -16))
    if roster is None:
        roster = roster_repo.roster_on(db, None, today)
    return [(e.member_id, e.cell_id) for e in roster
            if e.status is MemberStatus.FULL and before.get(e.member_id) == e.cell_id and e.cell_id]


def _votes(db: Database, cell_id: str, on: date, rng: random.Random) -> dict:
    """A ballot that carries (the demo's cells agree): everyone present, one or two against in a larger cell."""
    voters = case_votes.cell_voters(db, cell_id, on)
    against = min(rng.randint(0, 2), voters // 4)
    return {"present": voters, "ballots": voters, "yes": voters - against, "no": against}


def _help_case(db, actor, member_id, cell_id, listed: date, rng, *, vote: bool = True, opinions: bool = True) -> str:
    case_id, _ = cases.open_case(db, actor, member_id, "giup_do", listed - timedelta(days=25),
                                 criterion=rng.choice(("hai_nam_khong_hoan_thanh", "uy_tin_thap", "bo_sinh_hoat")),
                                 evidence="Chi ủy rà soát, phát hiện đồng chí ít tham gia sinh hoạt, chưa gương mẫu ở"
                                          " nơi cư trú.", today=listed)
    cases.record_step(db, actor, case_id, "de_xuat", listed - timedelta(days=20), doc_number="", today=listed)
    if opinions:
        cases.record_step(db, actor, case_id, "y_kien_noi_cu_tru", listed - timedelta(days=15), source="mat_tran",
                          text="Ban công tác mặt trận ấp phản ánh đồng chí ít tham gia các phong trào ở khu dân cư.",
                          today=listed)
        cases.record_step(db, actor, case_id, "y_kien_cap_tren", listed - timedelta(days=8),
                          text="Đảng ủy đồng ý danh sách dự kiến.", today=listed)
    if vote:
        case_votes.record_vote(db, actor, case_id, listed, today=listed, **_votes(db, cell_id, listed, rng))
    return case_id


def _helped(db, actor, case_id, cell_id, member_id, listed: date, today: date, steady, rng) -> None:
    helpers = [m for m, c in steady if c == cell_id and m != member_id]
    for helper in rng.sample(helpers, min(len(helpers), 4)):
        try:
            cases.assign_helper(db, actor, case_id, helper, listed + timedelta(days=7), today=today)
            break
        except DomainError:   # a helper on the list himself: take the next one
            continue
    cases.record_step(db, actor, case_id, "cam_ket", listed + timedelta(days=12), today=today,
                      text="Tham gia đầy đủ các kỳ sinh hoạt chi bộ.\nĐóng đảng phí đầy đủ, đúng hạn.\n"
                           "Gương mẫu tham gia các phong trào ở khu dân cư.")
    meetings = case_meetings.meeting_choices(db, cases.get_case(db, case_id), today)
    for months in (3, 6, 9):
        day = add_months(listed, months)
        if day <= today:   # noted at the cell's meeting of that month when one is recorded
            meeting = next((m for m in meetings if (m.meeting_date.year, m.meeting_date.month) == (day.year, day.month)),
                           None)
            cases.record_step(db, actor, case_id, "theo_doi", None if meeting else day, today=today,
                              meeting_id=meeting.id if meeting else None,
                              text=rng.choice(("Có tiến bộ, tham gia sinh hoạt đầy đủ.", ("Chuyển biến chậm, còn vắng"
                                               " sinh hoạt một lần."), "Đã đóng đảng phí đầy đủ; cần cố gắng hơn.")))


def _removals(db, actor, today: date, rng) -> int:
    """Removal cases for members the year's screening found on a removal ground."""
    run = screening.run(db, today.year, today=today)
    grounds = [s for s in run.signs if s.level.value == "ground" and s.ground in ("bo_sinh_hoat",
                                                                                     "khong_dong_dang_phi")]
    seen, opened = set(), 0
    for sign in grounds:
        if sign.member_id in seen or opened >= 2:
            continue
        seen.add(sign.member_id)
        on = today - timedelta(days=40 if opened == 0 else 75)
        if roster_repo.cell_of_on(db, sign.member_id, on) is None:
            continue
        case_id, _ = cases.open_case(db, actor, sign.member_id, "dua_ra", on, form="xoa_ten", ground=sign.ground,
                                     sign_code=sign.code, sign_year=sign.year, evidence=sign.evidence, today=today)
        cases.record_step(db, actor, case_id, "yeu_cau_kiem_diem", on + timedelta(days=3), today=today)
        if opened == 1:
            cases.record_step(db, actor, case_id, "tu_kiem_diem", on + timedelta(days=10), source="nop",
                              text="Đồng chí thừa nhận bỏ sinh hoạt vì đi làm xa, không báo chi ủy.", today=today)
            cell = roster_repo.cell_of_on(db, sign.member_id, on + timedelta(days=20))
            case_votes.record_vote(db, actor, case_id, on + timedelta(days=20), today=today,
                                   **_votes(db, cell, on + timedelta(days=20), rng))
            case_votes.record_vote(db, actor, case_id, on + timedelta(days=35), level="committee", eligible=15,
                                   present=14, ballots=14, yes=13, no=1, today=today)
        opened += 1
    return opened


def _attempt(db: Database, make) -> int:
    """One case made in a savepoint of its own: a case a small register cannot hold is left out, not the demo."""
    try:
        with db.atomic():
            return make()
    except DomainError:
        return 0


def _listed_cases(db, actor, chosen, today: date, steady, rng) -> int:
    (c, cc), (d, cd), (e, ce) = chosen
    count = 0
    for member, cell, listed in ((c, cc, add_months(today, -12) + timedelta(days=12)),                 # due soon
                                 (d, cd, add_months(today, -13))):                                      # due passed
        def make(member=member, cell=cell, listed=listed):
            case_id = _help_case(db, actor, member, cell, listed, rng)
            _helped(db, actor, case_id, cell, member, listed, today, steady, rng)
            return 1
        count += _attempt(db, make)

    def screened():
        listed = add_months(today, -15)
        case_id = _help_case(db, actor, e, ce, listed, rng)
        _helped(db, actor, case_id, ce, e, listed, today, steady, rng)
        review = add_months(listed, 12) + timedelta(days=6)
        case_votes.screening_vote(db, actor, case_id, review, today=today, **_votes(db, ce, review, rng))
        return 1
    return count + _attempt(db, screened)


def _left_on_request(db, actor, member: str, cell: str, today: date, rng) -> int:
    on = today - timedelta(days=60)
    case_id, _ = cases.open_case(db, actor, member, "dua_ra", on, form="xin_ra", today=today)
    cases.record_step(db, actor, case_id, "don_de_nghi", on + timedelta(days=1), today=today,
                      text="Xin ra khỏi Đảng vì lý do sức khỏe và hoàn cảnh gia đình.")
    vote_on = on + timedelta(days=10)
    case_votes.record_vote(db, actor, case_id, vote_on, today=today, **_votes(db, cell, vote_on, rng))
    case_votes.record_vote(db, actor, case_id, on + timedelta(days=25), level="committee", eligible=15, present=15,
                           ballots=15, yes=14, no=1, today=today)
    case_votes.record_vote(db, actor, case_id, on + timedelta(days=32), level="standing", eligible=5, present=5,
                           ballots=5, yes=5, no=0, today=today)
    case_votes.decide(db, actor, case_id, on + timedelta(days=40), number=f"{rng.randint(20, 60)}-QĐ/ĐU",
                      card_recovered_on=on + timedelta(days=45), today=today)
    return 1


def generate_cases(db: Database, *, today: date, seed: int, roster: list | None = None) -> int:
    """The demo's cases (inside the demo's transaction); returns how many were opened. ``roster``: today's
    ``roster_on`` of the whole committee, when the caller has it."""
    rng = random.Random(seed + SEED_OFFSET)
    actor = Actor("demo")
    steady = _steady_members(db, today, roster)
    if len(steady) < 12 or len({cell for _m, cell in steady}) < 2:
        return 0   # a register too small for a realistic set of cases
    (a, ca), (b, cb), *listed, (f, cf) = rng.sample(steady, 6)
    count = _attempt(db, lambda: bool(_help_case(db, actor, a, ca, today - timedelta(days=5), rng, vote=False,
                                                 opinions=False)))                                   # just proposed
    count += _attempt(db, lambda: bool(_help_case(db, actor, b, cb, today - timedelta(days=2), rng,
                                                  vote=False)))                                      # the vote next
    count += _listed_cases(db, actor, listed, today, steady, rng)
    count += _attempt(db, lambda: _removals(db, actor, today, rng))
    count += _attempt(db, lambda: _left_on_request(db, actor, f, cf, today, rng))
    home = units_repo.home(db)
    screening_records.set_allotment(db, actor, home.id, today.year, 2, "15-CV/BTCTU",
                                    date(today.year, 1, 15), "Phân bổ theo Đề án 03-ĐA/TU")
    return count
