"""A small register built by hand, whose every Biểu 1 figure is known (see the table in each test).

Sixteen people, Tây Ninh province, events around the first halves of 2025 and 2026:

    An     admitted 1990                                        on the list throughout
    Bình   admitted 10/03/2025                                  B.1 in 2025-H1
    Chi    admitted 03/02/2026 (woman, Khmer, Cao Đài)          B.1 in 2026-H1
    Dũng   transferred in 01/04/2026 from a commune of Tây Ninh  B.2.b in 2026-H1
    Em     transferred in 05/05/2026 from Hồ Chí Minh City      B.2.a in 2026-H1
    Giang  admitted 2000, died 15/03/2026                       C.1 in 2026-H1
    Hà     admitted 2000, expelled 01/06/2025, restored 10/06/2026   C.2 in 2025-H1, B.3 in 2026-H1
    Khánh  admitted 01/09/2025, struck off 20/01/2026 while probationary   C.3 and C.3.du_bi in 2026-H1
    Lan    admitted 1995, left on request 30/06/2026 (last day)  C.4 in 2026-H1
    Minh   admitted 1990, transferred out 01/02/2026 to Đồng Nai C.5.a in 2026-H1
    Nam    admitted 2005, transferred out 01/04/2025 in Tây Ninh C.5.b in 2025-H1
    Oanh   temporary party life here from 01/03/2026            never on the list
    Phúc   admitted 2000, settled abroad 01/02/2025             C.3 in 2025-H1 (note)
    Quang  admitted 02/07/2026                                  after the half year
    Sơn    admitted 1985, struck off 2020, re-admitted 01/06/2026    B.1 in 2026-H1
    Tâm    transferred in 10/05/2025, place not written          B.2 in 2025-H1, scope unknown
"""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.lifecycle import EventKind, MemberEvent
from tayninh_desktop.domain.stats_register import PersonFacts, StatRegister, build_register

HOME_PROVINCE = "Tây Ninh"


def person(name: str, born: date, joined: date, **extra) -> PersonFacts:
    values = {"gender": "nam", "ethnicity": "Kinh", "religion": "Không", "occupation": "Làm nông",
              "education_general": "12/12", "education_professional": "", "political_theory": "Sơ cấp"}
    values.update(extra)
    return PersonFacts(id=name, full_name=name, birth_date=born, joined_on=joined, **values)


def event(member: str, kind: EventKind, day: date, seq: int, **extra) -> MemberEvent:
    extra.setdefault("cell_id", "CB01" if kind.needs_cell else None)
    return MemberEvent(f"{member}-{seq}", member, kind, day, seq=seq, **extra)


def history(member: str, *steps: tuple) -> list[MemberEvent]:
    return [event(member, kind, day, seq, **(extra[0] if extra else {}))
            for seq, (kind, day, *extra) in enumerate(steps, start=1)]


K = EventKind


def people_and_events() -> tuple[list[PersonFacts], dict[str, list[MemberEvent]]]:
    people = [
        person("An", date(1960, 1, 5), date(1990, 5, 19)),
        person("Bình", date(1995, 8, 1), date(2025, 3, 10)),
        person("Chi", date(2000, 2, 3), date(2026, 2, 3), gender="nu", ethnicity="Khmer", religion="Cao Đài",
               occupation="Giáo viên", education_professional="Đại học"),
        person("Dũng", date(1980, 4, 4), date(2004, 4, 4), full_member_on=date(2005, 4, 4)),
        person("Em", date(1985, 5, 5), date(2010, 5, 5), full_member_on=date(2011, 5, 5)),
        person("Giang", date(1950, 6, 6), date(2000, 6, 6)),
        person("Hà", date(1970, 7, 7), date(2000, 7, 7), gender="nu"),
        person("Khánh", date(2001, 8, 8), date(2025, 9, 1)),
        person("Lan", date(1965, 9, 9), date(1995, 9, 9), gender="nu"),
        person("Minh", date(1962, 10, 10), date(1990, 10, 10)),
        person("Nam", date(1975, 11, 11), date(2005, 11, 11)),
        person("Oanh", date(1990, 12, 12), date(2015, 12, 12), gender="nu"),
        person("Phúc", date(1968, 1, 1), date(2000, 1, 1)),
        person("Quang", date(2003, 2, 2), date(2026, 7, 2)),
        person("Sơn", date(1955, 3, 3), date(1985, 3, 3)),
        person("Tâm", date(1978, 4, 14), date(2008, 4, 14), full_member_on=date(2009, 4, 14)),
    ]
    events = {
        "An": history("An", (K.ADMITTED, date(1990, 5, 19)), (K.FULL_MEMBERSHIP, date(1991, 5, 19))),
        "Bình": history("Bình", (K.ADMITTED, date(2025, 3, 10))),
        "Chi": history("Chi", (K.ADMITTED, date(2026, 2, 3))),
        "Dũng": history("Dũng", (K.TRANSFER_IN, date(2026, 4, 1), {"place": "xã Phước Chỉ, tỉnh Tây Ninh"})),
        "Em": history("Em", (K.TRANSFER_IN, date(2026, 5, 5), {"doc_issuer": "Thành ủy Thành phố Hồ Chí Minh"})),
        "Giang": history("Giang", (K.ADMITTED, date(2000, 6, 6)), (K.FULL_MEMBERSHIP, date(2001, 6, 6)), (K.DIED, date(2026, 3, 15))),
        "Hà": history("Hà", (K.ADMITTED, date(2000, 7, 7)), (K.FULL_MEMBERSHIP, date(2001, 7, 7)), (K.EXPELLED, date(2025, 6, 1)),
                      (K.RESTORED, date(2026, 6, 10))),
        "Khánh": history("Khánh", (K.ADMITTED, date(2025, 9, 1)), (K.STRUCK_OFF, date(2026, 1, 20))),
        "Lan": history("Lan", (K.ADMITTED, date(1995, 9, 9)), (K.FULL_MEMBERSHIP, date(1996, 9, 9)), (K.LEFT_ON_REQUEST, date(2026, 6, 30))),
        "Minh": history("Minh", (K.ADMITTED, date(1990, 10, 10)), (K.FULL_MEMBERSHIP, date(1991, 10, 10)),
                        (K.TRANSFER_OUT, date(2026, 2, 1), {"place": "tỉnh Đồng Nai"})),
        "Nam": history("Nam", (K.ADMITTED, date(2005, 11, 11)), (K.FULL_MEMBERSHIP, date(2006, 11, 11)),
                       (K.TRANSFER_OUT, date(2025, 4, 1), {"place": "xã Trảng Bàng, tỉnh Tây Ninh"})),
        "Oanh": history("Oanh", (K.TRANSFER_IN_TEMPORARY, date(2026, 3, 1))),
        "Phúc": history("Phúc", (K.ADMITTED, date(2000, 1, 1)), (K.FULL_MEMBERSHIP, date(2001, 1, 1)), (K.SETTLED_ABROAD, date(2025, 2, 1))),
        "Quang": history("Quang", (K.ADMITTED, date(2026, 7, 2))),
        "Sơn": history("Sơn", (K.ADMITTED, date(1985, 3, 3)), (K.FULL_MEMBERSHIP, date(1986, 3, 3)), (K.STRUCK_OFF, date(2020, 1, 1)),
                       (K.READMITTED, date(2026, 6, 1))),
        "Tâm": history("Tâm", (K.TRANSFER_IN, date(2025, 5, 10))),
    }
    return people, events


def sample_register(**extra) -> StatRegister:
    people, events = people_and_events()
    return build_register(people, events, home_province=HOME_PROVINCE, **extra)
