"""A small hand-made register for the screening tests: a cell of nine full members, one probationary and one
exempted (so its vote base is 9 − 1 = 8 full members not exempted… see ``build``), and a second cell."""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.services import register

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Võ Văn Em", "Đỗ Thị Giang",
         "Huỳnh Văn Hải", "Bùi Thị Lan", "Đặng Văn Minh"]


def build(db, actor, cells, make_form, today) -> dict[str, str]:
    """CB01: nine full members (keys a…i), ``prob`` probationary since 10/05/2026, ``old`` full but exempted from
    party activity since 01/03/2024. CB02: ``other`` full. Vote base of CB01: 9 full, 1 exempted → 9 voters."""
    ids: dict[str, str] = {}
    people = [(chr(ord("a") + i), name, "CB01", "16/01/1994", "16/01/1995") for i, name in enumerate(NAMES)]
    people += [("prob", "Lý Văn Phúc", "CB01", "10/05/2026", ""),
               ("old", "Tạ Văn Lão", "CB01", "01/01/1970", "01/01/1971"),
               ("other", "Mai Thị Khác", "CB02", "01/01/2000", "01/01/2001")]
    for index, (key, name, cell, joined, full) in enumerate(people):
        form = make_form(full_name=name, joined_on=joined, full_member_on=full, cccd=f"07216020{index:04d}",
                         card_number=f"2000{index:04d}", gender="nam", birth_date="01/01/1945")
        ids[key], _ = register.add_member(db, actor, form, cells[cell].id, today=today)
    register.record_event(db, actor, ids["old"], EventKind.EXEMPTED, date(2024, 3, 1), today=today)
    return ids


VOTERS = 9  # CB01's full members not exempted (a…i); "prob" does not vote, "old" is exempted


def help_case_ready_to_vote(db, actor, member_id, today, opened=date(2026, 2, 1)) -> str:
    """A help case with its proposal and both opinions recorded (the listing vote is next)."""
    from tayninh_desktop.services import cases

    case_id, _ = cases.open_case(db, actor, member_id, "giup_do", opened, criterion="hai_nam_khong_hoan_thanh",
                                 today=today)
    cases.record_step(db, actor, case_id, "de_xuat", date(2026, 2, 5), doc_number="01-DS/CB", today=today)
    cases.record_step(db, actor, case_id, "y_kien_noi_cu_tru", date(2026, 2, 10), source="mat_tran",
                      text="Ít tham gia sinh hoạt khu dân cư", today=today)
    cases.record_step(db, actor, case_id, "y_kien_cap_tren", date(2026, 2, 15), doc_number="12-CV/ĐU",
                      text="Đồng ý danh sách dự kiến", today=today)
    return case_id


def listed_case(db, actor, member_id, today, on=date(2025, 3, 10)) -> str:
    """A help case voted onto the list on ``on`` (8/9 yes)."""
    from tayninh_desktop.services import case_votes, cases

    case_id, _ = cases.open_case(db, actor, member_id, "giup_do", on.replace(day=1),
                                 criterion="hai_nam_khong_hoan_thanh", today=today)
    for step, extra in (("de_xuat", {}), ("y_kien_noi_cu_tru", {"source": "mat_tran", "text": "Phản ánh"}),
                        ("y_kien_cap_tren", {"text": "Đồng ý"})):
        cases.record_step(db, actor, case_id, step, on.replace(day=2), today=today, **extra)
    passed, _ = case_votes.record_vote(db, actor, case_id, on, present=9, ballots=9, yes=8, no=1, today=today)
    assert passed
    return case_id


def removal_through_levels(db, actor, member_id, today, *, vote_on=date(2026, 4, 10)) -> str:
    """A xóa tên case voted at the cell (7/9), the committee (12/15) and the standing committee (4/5): the decision
    is next."""
    from tayninh_desktop.services import case_votes, cases

    case_id, _ = cases.open_case(db, actor, member_id, "dua_ra", date(2026, 3, 1), form="xoa_ten",
                                 ground="bo_sinh_hoat", today=today)
    for day in (date(2026, 3, 5), date(2026, 3, 15), date(2026, 3, 25)):
        cases.record_step(db, actor, case_id, "yeu_cau_kiem_diem", day, today=today)
    case_votes.record_vote(db, actor, case_id, vote_on, present=9, ballots=9, yes=7, no=2, doc_number="03-NQ/CB",
                           today=today)
    case_votes.record_vote(db, actor, case_id, date(2026, 4, 20), level="committee", eligible=15, present=13,
                           ballots=13, yes=12, no=1, doc_number="21-NQ/ĐU", today=today)
    case_votes.record_vote(db, actor, case_id, date(2026, 4, 25), level="standing", eligible=5, present=5,
                           ballots=5, yes=4, no=1, today=today)
    return case_id
