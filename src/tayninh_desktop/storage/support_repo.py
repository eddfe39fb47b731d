"""Households, loans, interest payments and outreach of the support programme: rows in, dataclasses out."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from tayninh_desktop.domain.assistance import (
    Discharged,
    Household,
    HouseholdClass,
    InterestPayment,
    Loan,
    Outreach,
)
from tayninh_desktop.domain.dates import from_iso, to_iso
from tayninh_desktop.storage.audit import now_iso

HOUSEHOLD_COLUMNS = ["id", "member_id", "year", "classification", "certificate_number", "certificate_date",
                     "certificate_issuer", "discharged", "discharged_on", "income_per_person", "rural", "notes"]
LOAN_COLUMNS = ["id", "member_id", "programme", "contract_number", "amount", "rate_bp", "start_date", "term_months",
                "purpose", "notes"]
PAYMENT_COLUMNS = ["id", "loan_id", "paid_on", "amount", "period_from", "period_to", "reference", "source"]
OUTREACH_COLUMNS = ["id", "member_id", "told_on", "told_by", "how", "meeting_id", "notes"]


def _household(row) -> Household:
    v = dict(zip(HOUSEHOLD_COLUMNS, row))
    return Household(member_id=v["member_id"], year=v["year"], classification=HouseholdClass(v["classification"]),
                     certificate_number=v["certificate_number"], certificate_date=from_iso(v["certificate_date"]),
                     certificate_issuer=v["certificate_issuer"], discharged=Discharged(v["discharged"]),
                     discharged_on=from_iso(v["discharged_on"]), income_per_person=v["income_per_person"],
                     rural=bool(v["rural"]), notes=v["notes"], id=v["id"])


def household_values(h: Household) -> list:
    return [h.id, h.member_id, h.year, h.classification.value, h.certificate_number, to_iso(h.certificate_date),
            h.certificate_issuer, h.discharged.value, to_iso(h.discharged_on), h.income_per_person, int(h.rural),
            h.notes]


_INSERT_HOUSEHOLD = (f"INSERT INTO support_households ({', '.join(HOUSEHOLD_COLUMNS)}, owner_unit_id, created_at,"
                     f" updated_at) VALUES ({', '.join('?' * (len(HOUSEHOLD_COLUMNS) + 3))})")


def insert_household(db: Database, owner_unit_id: str, h: Household) -> None:
    stamp = now_iso()
    db.execute(_INSERT_HOUSEHOLD, [*household_values(h), owner_unit_id, stamp, stamp])


def insert_households_many(db: Database, rows: list[list]) -> None:
    """Bulk path (demo): rows of ``household_values`` + owner, created, updated."""
    db.conn.executemany(_INSERT_HOUSEHOLD, rows)


def update_household(db: Database, h: Household) -> None:
    values = household_values(h)
    db.execute(f"UPDATE support_households SET {', '.join(c + ' = ?' for c in HOUSEHOLD_COLUMNS[1:])},"
               " updated_at = ? WHERE id = ?", [*values[1:], now_iso(), h.id])


def delete_household(db: Database, household_id: str) -> None:
    db.execute("DELETE FROM support_households WHERE id = ?", [household_id])


def household(db: Database, household_id: str) -> Household | None:
    row = db.execute(f"SELECT {', '.join(HOUSEHOLD_COLUMNS)} FROM support_households WHERE id = ?",
                     [household_id]).fetchone()
    return _household(row) if row else None


def household_of(db: Database, member_id: str, year: int) -> Household | None:
    row = db.execute(f"SELECT {', '.join(HOUSEHOLD_COLUMNS)} FROM support_households WHERE member_id = ? AND year = ?",
                     [member_id, year]).fetchone()
    return _household(row) if row else None


def households_of(db: Database, member_id: str) -> list[Household]:
    """A member's circumstances, newest year first."""
    rows = db.execute(f"SELECT {', '.join(HOUSEHOLD_COLUMNS)} FROM support_households WHERE member_id = ?"
                      " ORDER BY year DESC", [member_id]).fetchall()
    return [_household(r) for r in rows]


def _loan(row) -> Loan:
    v = dict(zip(LOAN_COLUMNS, row))
    return Loan(member_id=v["member_id"], programme=v["programme"], amount=v["amount"], rate_bp=v["rate_bp"],
                start_date=from_iso(v["start_date"]), term_months=v["term_months"],
                contract_number=v["contract_number"], purpose=v["purpose"], notes=v["notes"], id=v["id"])


def loan_values(loan: Loan) -> list:
    return [loan.id, loan.member_id, loan.programme, loan.contract_number, loan.amount, loan.rate_bp,
            to_iso(loan.start_date), loan.term_months, loan.purpose, loan.notes]


_INSERT_LOAN = (f"INSERT INTO support_loans ({', '.join(LOAN_COLUMNS)}, end_date, owner_unit_id, created_at,"
                f" updated_at) VALUES ({', '.join('?' * (len(LOAN_COLUMNS) + 4))})")


def insert_loan(db: Database, owner_unit_id: str, loan: Loan) -> None:
    stamp = now_iso()
    db.execute(_INSERT_LOAN, [*loan_values(loan), to_iso(loan.end_date), owner_unit_id, stamp, stamp])


def insert_loans_many(db: Database, rows: list[list]) -> None:
    db.conn.executemany(_INSERT_LOAN, rows)


def update_loan(db: Database, loan: Loan) -> None:
    values = loan_values(loan)
    db.execute(f"UPDATE support_loans SET {', '.join(c + ' = ?' for c in LOAN_COLUMNS[1:])}, end_date = ?,"
               " updated_at = ? WHERE id = ?", [*values[1:], to_iso(loan.end_date), now_iso(), loan.id])


def delete_loan(db: Database, loan_id: str) -> None:
    db.execute("DELETE FROM support_loans WHERE id = ?", [loan_id])


def loan(db: Database, loan_id: str) -> Loan | None:
    row = db.execute(f"SELECT {', '.join(LOAN_COLUMNS)} FROM support_loans WHERE id = ?", [loan_id]).fetchone()
    return _loan(row) if row else None


def loans_of(db: Database, member_id: str) -> list[Loan]:
    rows = db.execute(f"SELECT {', '.join(LOAN_COLUMNS)} FROM support_loans WHERE member_id = ?"
                      " ORDER BY start_date DESC", [member_id]).fetchall()
    return [_loan(r) for r in rows]


def all_loans(db: Database) -> list[Loan]:
    rows = db.execute(f"SELECT {', '.join(LOAN_COLUMNS)} FROM support_loans ORDER BY start_date DESC").fetchall()
    return [_loan(r) for r in rows]


def loan_by_contract(db: Database, contract_number: str) -> Loan | None:
    row = db.execute(f"SELECT {', '.join(LOAN_COLUMNS)} FROM support_loans WHERE contract_number = ?",
                     [contract_number]).fetchone()
    return _loan(row) if row else None


def _payment(row) -> InterestPayment:
    v = dict(zip(PAYMENT_COLUMNS, row))
    return InterestPayment(loan_id=v["loan_id"], paid_on=from_iso(v["paid_on"]), amount=v["amount"],
                           period_from=from_iso(v["period_from"]), period_to=from_iso(v["period_to"]),
                           reference=v["reference"], source=v["source"], id=v["id"])


_INSERT_PAYMENT = (f"INSERT INTO support_interest_payments ({', '.join(PAYMENT_COLUMNS)}, created_at, updated_at)"
                   f" VALUES ({', '.join('?' * (len(PAYMENT_COLUMNS) + 2))})")


def payment_values(p: InterestPayment, stamp: str) -> list:
    return [p.id, p.loan_id, to_iso(p.paid_on), p.amount, to_iso(p.period_from), to_iso(p.period_to), p.reference,
            p.source, stamp, stamp]


def insert_payment(db: Database, p: InterestPayment) -> None:
    db.execute(_INSERT_PAYMENT, payment_values(p, now_iso()))


def insert_payments_many(db: Database, rows: list[list]) -> None:
    db.conn.executemany(_INSERT_PAYMENT, rows)


def delete_payment(db: Database, payment_id: str) -> None:
    db.execute("DELETE FROM support_interest_payments WHERE id = ?", [payment_id])


def payment(db: Database, payment_id: str) -> InterestPayment | None:
    row = db.execute(f"SELECT {', '.join(PAYMENT_COLUMNS)} FROM support_interest_payments WHERE id = ?",
                     [payment_id]).fetchone()
    return _payment(row) if row else None


def payments_of(db: Database, loan_id: str) -> list[InterestPayment]:
    rows = db.execute(f"SELECT {', '.join(PAYMENT_COLUMNS)} FROM support_interest_payments WHERE loan_id = ?"
                      " ORDER BY paid_on", [loan_id]).fetchall()
    return [_payment(r) for r in rows]


def first_payment_day(db: Database, loan_id: str) -> date | None:
    row = db.execute("SELECT MIN(paid_on) FROM support_interest_payments WHERE loan_id = ?", [loan_id]).fetchone()
    return from_iso(row[0]) if row and row[0] else None


def last_payment_day(db: Database, loan_id: str) -> date | None:
    row = db.execute("SELECT MAX(paid_on) FROM support_interest_payments WHERE loan_id = ?", [loan_id]).fetchone()
    return from_iso(row[0]) if row and row[0] else None


def _outreach(row) -> Outreach:
    v = dict(zip(OUTREACH_COLUMNS, row))
    return Outreach(member_id=v["member_id"], told_on=from_iso(v["told_on"]), how=v["how"], told_by=v["told_by"],
                    meeting_id=v["meeting_id"], notes=v["notes"], id=v["id"])


_INSERT_OUTREACH = (f"INSERT INTO support_outreach ({', '.join(OUTREACH_COLUMNS)}, owner_unit_id, created_at,"
                    f" updated_at) VALUES ({', '.join('?' * (len(OUTREACH_COLUMNS) + 3))})")


def outreach_values(o: Outreach, owner_unit_id: str, stamp: str) -> list:
    return [o.id, o.member_id, to_iso(o.told_on), o.told_by, o.how, o.meeting_id, o.notes, owner_unit_id, stamp,
            stamp]


def insert_outreach_many(db: Database, rows: list[list]) -> None:
    db.conn.executemany(_INSERT_OUTREACH, rows)


def outreach_of(db: Database, member_id: str) -> list[Outreach]:
    rows = db.execute(f"SELECT {', '.join(OUTREACH_COLUMNS)} FROM support_outreach WHERE member_id = ?"
                      " ORDER BY told_on DESC", [member_id]).fetchall()
    return [_outreach(r) for r in rows]


def outreach_of_meeting(db: Database, meeting_id: str) -> list[Outreach]:
    rows = db.execute(f"SELECT {', '.join(OUTREACH_COLUMNS)} FROM support_outreach WHERE meeting_id = ?",
                      [meeting_id]).fetchall()
    return [_outreach(r) for r in rows]


def delete_outreach_of_meeting(db: Database, meeting_id: str) -> None:
    db.execute("DELETE FROM support_outreach WHERE meeting_id = ?", [meeting_id])


def presentation(db: Database, meeting_id: str) -> tuple[str, str] | None:
    """(plan code, presented by) of a meeting's policy presentation."""
    row = db.execute("SELECT plan_code, presented_by FROM support_presentations WHERE meeting_id = ?",
                     [meeting_id]).fetchone()
    return (row[0], row[1]) if row else None


def put_presentation(db: Database, meeting_id: str, plan_code: str, presented_by: str) -> None:
    stamp = now_iso()
    db.execute("INSERT INTO support_presentations (meeting_id, plan_code, presented_by, created_at, updated_at)"
               " VALUES (?, ?, ?, ?, ?) ON CONFLICT(meeting_id) DO UPDATE SET plan_code = excluded.plan_code,"
               " presented_by = excluded.presented_by, updated_at = excluded.updated_at",
               [meeting_id, plan_code, presented_by, stamp, stamp])


def delete_presentation(db: Database, meeting_id: str) -> None:
    db.execute("DELETE FROM support_presentations WHERE meeting_id = ?", [meeting_id])


def presentations_between(db: Database, start: date, end: date) -> list[tuple[str, str, date, str]]:
    """(meeting id, cell id, meeting date, plan code) of the presentations held in [start, end]."""
    rows = db.execute("SELECT p.meeting_id, m.cell_id, m.meeting_date, p.plan_code FROM support_presentations p"
                      " JOIN meetings m ON m.id = p.meeting_id WHERE m.meeting_date BETWEEN ? AND ?"
                      " ORDER BY m.meeting_date", [to_iso(start), to_iso(end)]).fetchall()
    return [(r[0], r[1], from_iso(r[2]), r[3]) for r in rows]


def state_on(db: Database, member_id: str, day: date) -> tuple[str | None, str] | None:
    """(cell id, status) of a member on the register that day, None when not on the register."""
    iso = to_iso(day)
    row = db.execute("SELECT cell_id, status FROM member_periods WHERE member_id = ? AND present = 1"
                     " AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)", [member_id, iso, iso]).fetchone()
    return (row[0], row[1]) if row else None
