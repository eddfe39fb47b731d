"""A register file written through the services whose histories cover what the statistics must get right,
including the histories the SQL projection cannot answer alone (they are folded in Python):

    An      admitted 1990; occupation "Làm nông" → "Công chức xã" from 01/03/2026,
            schooling "9/12" → "12/12" from 01/06/2025 (dated changes, m044)
    Bình    admitted 10/03/2025, probationary
    Chi     admitted 03/02/2026, woman, Khmer, Cao Đài, teacher
    Dũng    transferred in 01/04/2026 from a commune of Tây Ninh
    Em      transferred in 05/05/2026 from Hồ Chí Minh City
    Giang   admitted 2000, died 15/03/2026
    Hà      admitted 2000, expelled 01/06/2025, restored 10/06/2026
    Khánh   admitted 01/09/2025, struck off 20/01/2026 while probationary
    Lan     admitted 1995, left on request 30/06/2026
    Minh    admitted 1990, transferred out 01/02/2026 to Đồng Nai
    Oanh    temporary party life here from 01/03/2026, exempted from 01/04/2026 (hosted: never on the list;
            her period rows say "exempted", not "hosted")
    Phúc    admitted 2000, settled abroad 01/02/2025
    Quang   admitted 02/07/2026
    Sơn     admitted 1985, struck off 2020, re-admitted 01/06/2026
    Tâm     transferred in 10/05/2025, place not written
    Uyên    admitted 2010, retired, exempted from 01/01/2024, temporarily transferred out 01/02/2026 (her
            period rows say "temporarily out", not "exempted")
    Việt    admitted 01/03/2025, made a full member and struck off on the same day 02/03/2026 (full, not
            probationary, when struck off)
"""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.away import EventDetails
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.services import register, statistics_records
from tests.conftest import member_form

TODAY = date(2026, 11, 27)
K = EventKind


def _add(db, actor, cell, n, name, joined, *, full="", born="01/01/1970", entry=K.ADMITTED, entry_date=None,
         issuer="", **extra):
    form = member_form(full_name=name, birth_date=born, joined_on=joined, full_member_on=full,
                       cccd=f"0721700{n:05d}", card_number=f"9{n:07d}", gender=extra.pop("gender", "nam"), **extra)
    member_id, _ = register.add_member(db, actor, form, cell, entry=entry, entry_date=entry_date,
                                       doc_issuer=issuer, today=TODAY)
    return member_id, form


def build(db, actor, cell: str) -> dict[str, str]:
    """Write the register; the member ids by given name."""
    ids, forms = {}, {}
    common = {"occupation": "Làm nông", "education_general": "12/12", "political_theory": "Sơ cấp"}
    rows = [
        ("An", "Nguyễn Văn An", "19/05/1990", "19/05/1991", {"education_general": "9/12", "born": "05/01/1960"}),
        ("Bình", "Trần Văn Bình", "10/03/2025", "", {"born": "01/08/1995"}),
        ("Chi", "Lê Thị Chi", "03/02/2026", "", {"gender": "nu", "ethnicity": "Khmer", "religion": "Cao Đài",
                                                 "occupation": "Giáo viên", "education_professional": "Đại học",
                                                 "born": "03/02/2000"}),
        ("Giang", "Phan Văn Giang", "06/06/2000", "06/06/2001", {"born": "06/06/1950"}),
        ("Hà", "Đỗ Thị Hà", "07/07/2000", "07/07/2001", {"gender": "nu", "born": "07/07/1970"}),
        ("Khánh", "Vũ Văn Khánh", "01/09/2025", "", {"born": "08/08/2001"}),
        ("Lan", "Hồ Thị Lan", "09/09/1995", "09/09/1996", {"gender": "nu", "born": "09/09/1965"}),
        ("Minh", "Bùi Văn Minh", "10/10/1990", "10/10/1991", {"born": "10/10/1962"}),
        ("Phúc", "Đặng Văn Phúc", "01/01/2000", "01/01/2001", {"born": "01/01/1968"}),
        ("Quang", "Ngô Văn Quang", "02/07/2026", "", {"born": "02/02/2003"}),
        ("Sơn", "Dương Văn Sơn", "03/03/1985", "03/03/1986", {"born": "03/03/1955"}),
        ("Uyên", "Lý Thị Uyên", "01/02/2010", "01/02/2011", {"gender": "nu", "occupation": "Hưu trí",
                                                             "born": "01/02/1955"}),
        ("Việt", "Mai Văn Việt", "01/03/2025", "", {"born": "01/03/1990"}),
    ]
    for n, (key, name, joined, full, extra) in enumerate(rows):
        extra = {**common, **extra}
        ids[key], forms[key] = _add(db, actor, cell, n, name, joined, full=full, **extra)
    for n, (key, name, entry, day, issuer, joined, full) in enumerate([
            ("Dũng", "Cao Văn Dũng", K.TRANSFER_IN, date(2026, 4, 1), "Đảng ủy xã Phước Chỉ, tỉnh Tây Ninh",
             "04/04/2004", "04/04/2005"),
            ("Em", "Tạ Văn Em", K.TRANSFER_IN, date(2026, 5, 5), "Thành ủy Thành phố Hồ Chí Minh",
             "05/05/2010", "05/05/2011"),
            ("Oanh", "Lâm Thị Oanh", K.TRANSFER_IN_TEMPORARY, date(2026, 3, 1), "", "12/12/2015", "12/12/2016"),
            ("Tâm", "Hứa Văn Tâm", K.TRANSFER_IN, date(2025, 5, 10), "", "14/04/2008", "14/04/2009")], start=50):
        ids[key], forms[key] = _add(db, actor, cell, n, name, joined, full=full, entry=entry, entry_date=day,
                                    issuer=issuer, **common)
    _events(db, actor, cell, ids)
    _dated_changes(db, actor, ids["An"], forms["An"])
    return ids


def _events(db, actor, cell, ids) -> None:
    def event(key, kind, day, **extra):
        register.record_event(db, actor, ids[key], kind, day, today=TODAY, **extra)

    event("Giang", K.DIED, date(2026, 3, 15))
    event("Hà", K.EXPELLED, date(2025, 6, 1))
    event("Hà", K.RESTORED, date(2026, 6, 10), cell_id=cell, doc_number="12-QĐ/TU")
    event("Khánh", K.STRUCK_OFF, date(2026, 1, 20))
    event("Lan", K.LEFT_ON_REQUEST, date(2026, 6, 30))
    event("Minh", K.TRANSFER_OUT, date(2026, 2, 1), place="tỉnh Đồng Nai")
    event("Oanh", K.EXEMPTED, date(2026, 4, 1))
    event("Phúc", K.SETTLED_ABROAD, date(2025, 2, 1))
    event("Sơn", K.STRUCK_OFF, date(2020, 1, 1), details=EventDetails(ground="khong_dong_dang_phi"))
    event("Sơn", K.READMITTED, date(2026, 6, 1), cell_id=cell)
    event("Uyên", K.EXEMPTED, date(2024, 1, 1))
    event("Uyên", K.TRANSFER_OUT_TEMPORARY, date(2026, 2, 1), end_date=date(2026, 12, 31))
    event("Việt", K.FULL_MEMBERSHIP, date(2026, 3, 2))
    event("Việt", K.STRUCK_OFF, date(2026, 3, 2))
    statistics_records.record_award(db, actor, ids["An"], "huy_hieu", date(2026, 2, 3), years=30,
                                    today=TODAY)


def _dated_changes(db, actor, member_id, form) -> None:
    register.update_member(db, actor, member_id, {**form, "education_general": "12/12"}, today=TODAY,
                           changes_effective=date(2025, 6, 1))
    register.update_member(db, actor, member_id, {**form, "education_general": "12/12", "occupation": "Công chức xã"},
                           today=TODAY, changes_effective=date(2026, 3, 1))
