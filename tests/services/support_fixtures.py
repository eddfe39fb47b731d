"""A small register for the support programme's tests: members with households, loans and interest paid.

TODAY is 27/11/2026 (tests/conftest.py); the plan in force then is the successor record of 90-KH/TU.
"""

from __future__ import annotations

import pytest

from tayninh_desktop.services import register, support_household


def add_people(db, actor, cells, make_form, today) -> dict[str, str]:
    """Hoa (CB01, hộ cận nghèo 2026, a loan with interest paid), Lâm (CB01, nothing recorded), Mai (CB02,
    average household 2026, no loan), Nam (CB02, household "other" in 2026), Phúc (CB01, a loan, no household)."""
    people = [("hoa", "Nguyễn Thị Hoa", "CB01", "nu"), ("lam", "Trần Văn Lâm", "CB01", "nam"),
              ("mai", "Lê Thị Mai", "CB02", "nu"), ("nam", "Phạm Văn Nam", "CB02", "nam"),
              ("phuc", "Võ Văn Phúc", "CB01", "nam")]
    ids = {}
    for index, (key, name, cell, gender) in enumerate(people):
        form = make_form(full_name=name, joined_on="16/01/1994", full_member_on="16/01/1995",
                         cccd=f"07216020{index:04d}", card_number=f"2000{index:04d}", gender=gender)
        ids[key], _ = register.add_member(db, actor, form, cells[cell].id, today=today)
    return ids


def household(db, actor, member_id, today, year="2026", classification="can_ngheo", **extra):
    form = {"year": year, "classification": classification, "certificate_number": "15/GCN-UBND",
            "certificate_date": "10/01/2026", "certificate_issuer": "UBND xã Hưng Thuận", **extra}
    return support_household.record_household(db, actor, member_id, form, today=today)[0]


def loan(db, actor, member_id, today, **extra):
    form = {"programme": "can_ngheo", "contract_number": "KU-0001", "loan_amount": "50.000.000", "rate": "7,92",
            "start_date": "15/03/2025", "term_months": "36", "purpose": "Chăn nuôi bò", **extra}
    return support_household.record_loan(db, actor, member_id, form, today=today)[0]


def interest(db, actor, loan_id, today, paid_on, amount, **extra):
    form = {"paid_on": paid_on, "interest_amount": amount, **extra}
    return support_household.record_payment(db, actor, loan_id, form, today=today)[0]


@pytest.fixture
def people(home_db, actor, cells, make_form, today):
    ids = add_people(home_db, actor, cells, make_form, today)
    household(home_db, actor, ids["hoa"], today)
    household(home_db, actor, ids["mai"], today, classification="muc_song_trung_binh")
    household(home_db, actor, ids["nam"], today, classification="khac", certificate_number="")
    ids["hoa_loan"] = loan(home_db, actor, ids["hoa"], today)
    for month in ("15/01/2026", "15/04/2026", "15/07/2026"):
        interest(home_db, actor, ids["hoa_loan"], today, month, "990.000")
    ids["phuc_loan"] = loan(home_db, actor, ids["phuc"], today, programme="ho_ngheo", contract_number="KU-0002",
                            rate="6,6", loan_amount="30.000.000")
    return ids


def dump(db) -> list[str]:
    return list(db.conn.iterdump())
