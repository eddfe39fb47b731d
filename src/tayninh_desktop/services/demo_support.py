"""Demo data of the support programme: households of the year, loans from the social-policy bank with their
interest paid, the policy presented at some cells' meetings, a few applications at every stage, the fund's
contributions and the payments of the paid applications.

Called at the end of ``demo.generate`` inside its transaction; bulk inserts (100,000 members give about
12,000 household records, 5,000 loans and 40,000 interest payments). The same seed gives the same data.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from tayninh_desktop.domain.assistance import (
    Application,
    ApplicationState,
    ContributorKind,
    Discharged,
    FundEntry,
    FundKind,
    Household,
    HouseholdClass,
    InterestPayment,
    Loan,
    Outreach,
)
from tayninh_desktop.domain.assistance_calc import compute_support, counted_interest
from tayninh_desktop.domain.dates import add_months, from_iso
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.services import support_reference
from tayninh_desktop.services.support_presentation import HOW
from tayninh_desktop.storage import applications_repo, fund_repo, support_repo
from tayninh_desktop.storage.audit import now_iso
from tayninh_desktop.storage.db import Database

# (classification, share of members with a record this year)
HOUSEHOLDS = ((HouseholdClass.POOR, 0.02), (HouseholdClass.NEAR_POOR, 0.03), (HouseholdClass.AVERAGE, 0.05),
              (HouseholdClass.OTHER, 0.02))
LOAN_SHARE = 0.05
LOANS = (("ho_ngheo", 660, 0.25), ("can_ngheo", 792, 0.3), ("viec_lam", 792, 0.3), ("moi_thoat_ngheo", 825, 0.1),
         ("hoc_sinh_sinh_vien", 660, 0.05))
PURPOSES = ("Chăn nuôi bò sinh sản", "Trồng mì", "Mua máy cày nhỏ", "Mở tiệm tạp hóa", "Nuôi heo", "Trồng mãng cầu")
DONORS = (("Công ty TNHH Phước Thạnh", ContributorKind.UNIT), ("Hội Nông dân xã", ContributorKind.UNIT),
          ("Ngân hàng Nông nghiệp chi nhánh Trảng Bàng", ContributorKind.UNIT),
          ("Ông Trần Văn Mười", ContributorKind.PERSON), ("Bà Lê Thị Bảy", ContributorKind.PERSON),
          ("Hợp tác xã nông nghiệp Hưng Thuận", ContributorKind.UNIT))
ACTIVE = ("du_bi", "chinh_thuc", "mien_sinh_hoat", "di_lam_an_xa", "chuyen_tam_thoi_di")


def _households(rng: random.Random, db: Database, members: list[tuple[str, str]], today: date,
                home: str) -> dict[str, Household]:
    out: dict[str, Household] = {}
    for member_id, _cell in members:
        roll = rng.random()
        for classification, share in HOUSEHOLDS:
            if roll < share:
                discharged = Discharged.ARMY if rng.random() < 0.08 else Discharged.NONE
                certificate = "" if classification is HouseholdClass.OTHER or rng.random() < 0.1 \
                    else f"{rng.randint(1, 400)}/GCN-UBND"
                out[member_id] = Household(member_id=member_id, year=today.year, classification=classification,
                                           certificate_number=certificate,
                                           certificate_date=date(today.year, 1, rng.randint(5, 28)) if certificate else None,
                                           certificate_issuer="UBND xã Hưng Thuận" if certificate else "",
                                           discharged=discharged, id=new_id())
                break
            roll -= share
    rows = [[*support_repo.household_values(h), home, now_iso(), now_iso()] for h in out.values()]
    support_repo.insert_households_many(db, rows)
    return out


def _loan_for(rng: random.Random, member_id: str, today: date, index: int) -> Loan:
    code, rate, _ = rng.choices(LOANS, weights=[w for _, _, w in LOANS])[0]
    start = today - timedelta(days=rng.randint(120, 900))
    return Loan(member_id=member_id, programme=code, amount=rng.choice((20, 30, 40, 50, 60, 80, 100)) * 1_000_000,
                rate_bp=rate, start_date=start, term_months=rng.choice((36, 48, 60)),
                contract_number=f"KU{today.year % 100:02d}-{index:06d}", purpose=rng.choice(PURPOSES), id=new_id())


def _payments(loan: Loan, today: date) -> list[InterestPayment]:
    """Interest paid every quarter (the amount of three months at the loan's rate, to the thousand đồng)."""
    out, day = [], add_months(loan.start_date, 3)
    quarter = loan.amount * loan.rate_bp * 3 // (12 * 10_000) // 1000 * 1000
    while day <= today and day < loan.end_date:
        out.append(InterestPayment(loan_id=loan.id, paid_on=day, amount=quarter, reference=f"BL-{day:%y%m}",
                                   source="sổ mẫu", id=new_id()))
        day = add_months(day, 3)
    return out


def _loans(rng, db, members, households, today, home) -> list[Loan]:
    loans: list[Loan] = []
    for member_id, _cell in members:
        chance = 0.35 if member_id in households and households[member_id].classification is not \
            HouseholdClass.OTHER else LOAN_SHARE * 0.6
        if rng.random() < chance:
            loans.append(_loan_for(rng, member_id, today, len(loans) + 1))
    stamp = now_iso()
    support_repo.insert_loans_many(db, [[*support_repo.loan_values(x), x.end_date.isoformat(), home, stamp, stamp]
                                        for x in loans])
    support_repo.insert_payments_many(db, [support_repo.payment_values(p, stamp) for x in loans
                                           for p in _payments(x, today)])
    return loans


def _presentations(rng: random.Random, db: Database, plan_code: str, since: date, today: date, home: str) -> int:
    """The policy presented at one regular meeting of about half the cells this year."""
    rows = db.execute("SELECT id, cell_id, meeting_date FROM meetings WHERE kind = 'thuong_ky' AND meeting_date"
                      " BETWEEN ? AND ? ORDER BY cell_id, meeting_date", [since.isoformat(), today.isoformat()])
    by_cell: dict[str, list[tuple[str, str]]] = {}
    for meeting_id, cell_id, day in rows:
        by_cell.setdefault(cell_id, []).append((meeting_id, day))
    stamp, outreach = now_iso(), []
    for cell_id in sorted(by_cell):
        if rng.random() < 0.5:
            continue
        meeting_id, day = rng.choice(by_cell[cell_id])
        db.execute("INSERT INTO support_presentations (meeting_id, plan_code, presented_by, created_at, updated_at)"
                   " VALUES (?, ?, ?, ?, ?)", [meeting_id, plan_code, "Bí thư chi bộ", stamp, stamp])
        how = HOW.format(date=from_iso(day).strftime("%d/%m/%Y"), plan=plan_code)
        present = db.execute("SELECT member_id FROM attendance WHERE meeting_id = ? AND state = 'co_mat'"
                             " ORDER BY member_id", [meeting_id]).fetchall()
        outreach += [support_repo.outreach_values(Outreach(member_id=m, told_on=from_iso(day), how=how,
                                                           told_by="Bí thư chi bộ", meeting_id=meeting_id,
                                                           id=new_id()), home, stamp) for (m,) in present]
    support_repo.insert_outreach_many(db, outreach)
    return len(outreach)


def generate_support(db: Database, *, today: date, seed: int, home_unit_id: str) -> dict[str, int]:
    """Add the support programme's demo data to a register just generated (inside its transaction)."""
    rng = random.Random(seed * 31 + 7)
    members = db.execute(f"SELECT id, cell_id FROM members WHERE cell_id IS NOT NULL AND status IN"
                         f" ({', '.join('?' * len(ACTIVE))}) ORDER BY sort_key, id", list(ACTIVE)).fetchall()
    households = _households(rng, db, members, today, home_unit_id)
    loans = _loans(rng, db, members, households, today, home_unit_id)
    book = support_reference.shipped()
    plan = book.plan_on(today)
    told = _presentations(rng, db, plan.code, plan.valid_from, today, home_unit_id) if plan else 0
    applications = _applications(rng, db, loans, households, plan, today, home_unit_id) if plan else 0
    return {"households": len(households), "loans": len(loans), "told": told, "applications": applications}


def _eligible(loans: list[Loan], households: dict[str, Household], plan, start: date) -> list[Loan]:
    production = support_reference.shipped().production_codes()
    return [x for x in loans if x.programme in production and x.member_id in households
            and households[x.member_id].categories() & set(plan.categories) and x.start_date < start]


def _applications(rng, db, loans, households, plan, today: date, home: str) -> int:
    """Up to eight applications for the first half of the year, one of each stage, the paid ones paid."""
    start, end = max(plan.valid_from, date(today.year, 1, 1)), date(today.year, 6, 30)
    if end >= today:
        return 0
    chosen = _eligible(loans, households, plan, start)[:8]
    states = (ApplicationState.PAID, ApplicationState.PAID, ApplicationState.APPROVED, ApplicationState.CHECKED,
              ApplicationState.SUBMITTED, ApplicationState.REJECTED, ApplicationState.PAID, ApplicationState.APPROVED)
    stamp, rows, checklist, payouts = now_iso(), [], [], []
    for number, (loan, state) in enumerate(zip(chosen, states, strict=False), start=1):
        payments = [(p.paid_on, p.amount) for p in support_repo.payments_of(db, loan.id)]
        interest = counted_interest(payments, start, end, loan_start=loan.start_date, max_months=plan.max_months)
        if interest <= 0:
            continue
        submitted = end + timedelta(days=10 + number)
        done = state in (ApplicationState.APPROVED, ApplicationState.PAID)
        computed = compute_support(plan, interest, loan.amount)
        household = households[loan.member_id]
        a = Application(
            id=new_id(), number=number, member_id=loan.member_id, loan_id=loan.id, plan_code=plan.code,
            category=next(c.value for c in plan.categories if c in household.categories()), period_from=start,
            period_to=end, submitted_on=submitted, state=state, interest_paid=interest,
            support_amount=computed.amount if done else None, computation=computed.text if done else "",
            checked_on=submitted + timedelta(days=5) if state is not ApplicationState.SUBMITTED else None,
            checked_by="Văn phòng Đảng ủy" if state is not ApplicationState.SUBMITTED else "",
            approved_on=submitted + timedelta(days=12) if done else None,
            approved_by="Nguyễn Văn Bảy, Phó Bí thư Thường trực" if done else "",
            decision_number=f"{40 + number}-QĐ/ĐU" if done else "",
            rejected_on=submitted + timedelta(days=6) if state is ApplicationState.REJECTED else None,
            rejection_reason="Khoản vay đã tất toán trước kỳ đề nghị" if state is ApplicationState.REJECTED else "")
        rows.append([*applications_repo.values(a), a.submitted_on.year, home, stamp, stamp])
        if state not in (ApplicationState.SUBMITTED, ApplicationState.REJECTED):
            checklist += [(a.id, c.code, 1, "Đã đối chiếu bản chính") for c in plan.checklist]
        if state is ApplicationState.PAID:
            payouts.append((a, a.approved_on + timedelta(days=7)))
    applications_repo.insert_many(db, rows)
    db.conn.executemany("INSERT INTO support_checklist (application_id, item, ok, evidence) VALUES (?, ?, ?, ?)",
                        checklist)
    _fund(rng, db, payouts, start, home)
    return len(rows)


def _fund(rng: random.Random, db: Database, payouts: list, start: date, home: str) -> None:
    """Contributions early in the year (more than enough), then the payments of the paid applications."""
    entries, seq, stamp = [], 1, now_iso()
    for n, (name, kind) in enumerate(DONORS, start=1):
        entries.append(FundEntry(id=new_id(), seq=seq, entry_date=start + timedelta(days=20 + 7 * n),
                                 kind=FundKind.CONTRIBUTION, amount=rng.choice((5, 10, 20, 50)) * 1_000_000,
                                 direction=1, contributor=name, contributor_kind=kind.value,
                                 receipt_number=f"{n:03d}/{start.year}", recorded_by="demo"))
        seq += 1
    for application, day in payouts:
        entries.append(FundEntry(id=new_id(), seq=seq, entry_date=day, kind=FundKind.DISBURSEMENT,
                                 amount=application.support_amount, direction=-1, application_id=application.id,
                                 reason=f"Chi hỗ trợ lãi suất {application.label}", recorded_by="demo"))
        seq += 1
    fund_repo.insert_many(db, [fund_repo.entry_values(e, home, stamp) for e in entries])
