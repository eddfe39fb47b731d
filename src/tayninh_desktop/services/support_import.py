"""Importing the interest paid from the bank's Excel statement, with the import engine's reader (any .xlsx or
.xls, legacy fonts decoded) and its row report (a copy of the file with a result column per row).

Each row is matched to a loan (by contract number, else by the borrower's CCCD, else by name, when that
finds exactly one running loan) and checked as a typed payment is; a row already recorded is "unchanged", so
the same statement imported twice changes nothing. Nothing is written unless every row is valid, or the user
accepts importing only the valid ones; the rows are written in one transaction with one audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.assistance import InterestPayment, Loan
from tayninh_desktop.domain.assistance_import import StatementRow, find_header, read_row
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.ids import new_id
from tayninh_desktop.domain.messages import render
from tayninh_desktop.domain.messages_import import ROW_STATUS_LABELS
from tayninh_desktop.domain.vn_text import fold
from tayninh_desktop.services import scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.services.support_household import check_payment
from tayninh_desktop.storage import audit, members_repo, support_repo
from tayninh_desktop.storage.db import Database

ROW_MESSAGES = {
    "no_loan_contract": "Không có khoản vay số «{contract}» trong sổ.",
    "no_member_cccd": "Không có đảng viên có CCCD {cccd} trong sổ.",
    "no_member_name": "Không có đảng viên tên «{name}» trong sổ.",
    "many_members_name": "Có {count} đảng viên tên «{name}»: ghi số khế ước hoặc CCCD.",
    "no_running_loan": "Đảng viên {name} không có khoản vay nào ngày {date}.",
    "many_loans": "Đảng viên {name} có {count} khoản vay ngày {date}: ghi số khế ước.",
    "no_key": "Dòng không có số khế ước, CCCD hay họ tên để tìm khoản vay.",
    "no_date": "Thiếu ngày trả lãi.",
    "no_amount": "Thiếu số tiền lãi.",
}


@dataclass(frozen=True)
class StatementLine:
    row: int                    # 1-based row of the sheet
    status: str                 # added / unchanged / refused
    message: str
    loan_id: str | None = None
    member_name: str = ""
    paid_on: date | None = None
    amount: int | None = None
    reference: str = ""


@dataclass(frozen=True)
class StatementPlan:
    path: Path
    kind: str
    sheet: str
    header_row: int             # 1-based
    rows: list = field(repr=False)   # the decoded sheet (for the report)
    lines: tuple[StatementLine, ...]

    @property
    def counts(self) -> dict[str, int]:
        return {status: sum(line.status == status for line in self.lines) for status in ("added", "unchanged",
                                                                                          "refused")}

    @property
    def blocked(self) -> bool:
        return self.counts["refused"] > 0


def _sheet(path: Path):
    from tayninh_desktop.spreadsheets.layout import decode_rows, header_texts
    from tayninh_desktop.spreadsheets.reader import read_workbook

    book = read_workbook(path)
    for grid in book.sheets:
        if grid.is_empty:
            continue
        rows = decode_rows(grid)
        found = find_header(header_texts(grid, rows))
        if found is not None:
            return book.kind, grid.name, rows, found
    first = book.sheets[0].name if book.sheets else ""
    raise DomainError("support_import_no_header", file=path.name, sheet=first, rows=30)


def _running(loans: list[Loan], day: date | None) -> list[Loan]:
    return [x for x in loans if day is None or x.start_date <= day]


def _match(db: Database, row: StatementRow) -> tuple[Loan | None, str]:
    """The loan a row is about, or the reason none could be chosen."""
    if row.contract_number:
        loan = support_repo.loan_by_contract(db, row.contract_number)
        return (loan, "") if loan else (None, ROW_MESSAGES["no_loan_contract"].format(contract=row.contract_number))
    if row.cccd:
        member = members_repo.find_by(db, "cccd", row.cccd)
        if member is None:
            return None, ROW_MESSAGES["no_member_cccd"].format(cccd=row.cccd)
        members = [member]
    elif row.full_name:
        members = _by_name(db, row.full_name)
        if not members:
            return None, ROW_MESSAGES["no_member_name"].format(name=row.full_name)
        if len(members) > 1:
            return None, ROW_MESSAGES["many_members_name"].format(count=len(members), name=row.full_name)
    else:
        return None, ROW_MESSAGES["no_key"]
    member = members[0]
    loans = _running(support_repo.loans_of(db, member.id), row.paid_on)
    day = format_vn_date(row.paid_on) if row.paid_on else ""
    if not loans:
        return None, ROW_MESSAGES["no_running_loan"].format(name=member.full_name, date=day)
    if len(loans) > 1:
        return None, ROW_MESSAGES["many_loans"].format(name=member.full_name, count=len(loans), date=day)
    return loans[0], ""


def _by_name(db: Database, name: str):
    rows = db.execute("SELECT id FROM members WHERE name_folded = ?", [fold(name)]).fetchall()
    return members_repo.get_many(db, [r[0] for r in rows])


def _line(db: Database, number: int, row: StatementRow) -> StatementLine:
    base = {"row": number, "paid_on": row.paid_on, "amount": row.amount, "reference": row.reference}
    problems = [render(code, data) for code, data in row.problems]
    if row.paid_on is None and not row.problems:
        problems.append(ROW_MESSAGES["no_date"])
    if row.amount is None and not any(code in ("bad_money", "money_not_positive") for code, _ in row.problems):
        problems.append(ROW_MESSAGES["no_amount"])
    loan, why = _match(db, row)
    if why:
        problems.append(why)
    if problems:
        return StatementLine(status="refused", message="; ".join(problems), **base)
    owner = members_repo.get(db, loan.member_id)
    name = owner.full_name if owner else ""
    issues = check_payment(db, loan, row.paid_on, row.amount)
    if issues and issues[0].code == "payment_duplicate":
        return StatementLine(status="unchanged", message="Đã có trong sổ.", loan_id=loan.id, member_name=name, **base)
    if issues:
        return StatementLine(status="refused", message="; ".join(i.message for i in issues), loan_id=loan.id,
                             member_name=name, **base)
    return StatementLine(status="added", message=f"{name} — khoản vay {loan.contract_number or ''}".rstrip(" —"),
                         loan_id=loan.id, member_name=name, **base)


def plan_statement(db: Database, actor: Actor, path: Path | str) -> StatementPlan:
    """Read a statement and say, row by row, what importing it would do (nothing is written)."""
    actor.require(Permission.HOUSEHOLD_DATA)
    scope.require_cell(db, None, actor)   # the committee's, not a cell secretary's
    path = Path(path)
    kind, sheet, rows, (header, mapping) = _sheet(path)
    lines, seen = [], set()
    for index in range(header + 1, len(rows)):
        cells = rows[index]
        row = read_row([c.value for c in cells], [c.text for c in cells], mapping)
        if row.empty:
            continue
        line = _line(db, index + 1, row)
        key = (line.loan_id, line.paid_on, line.amount)
        if line.status == "added" and key in seen:   # the same payment twice in one file
            line = StatementLine(status="unchanged", message="Trùng dòng trên trong tệp.", **{
                k: getattr(line, k) for k in ("row", "loan_id", "member_name", "paid_on", "amount", "reference")})
        seen.add(key)
        lines.append(line)
    return StatementPlan(path, kind, sheet, header + 1, rows, tuple(lines))


def apply_statement(db: Database, actor: Actor, plan: StatementPlan, *, accept_valid: bool = False
                    ) -> tuple[int, Changes]:
    """Write the plan's new payments in one transaction (checked again inside it); refused while rows are refused,
    unless ``accept_valid``."""
    actor.require(Permission.HOUSEHOLD_DATA)
    actor.require(Permission.EDIT_REGISTER)
    scope.require_cell(db, None, actor)   # the committee's, not a cell secretary's
    if plan.blocked and not accept_valid:
        raise DomainError("support_import_rows_refused", refused=plan.counts["refused"])
    stamp = audit.now_iso()
    with db.atomic():
        rows, members = [], set()
        for line in plan.lines:
            if line.status != "added":
                continue
            loan = support_repo.loan(db, line.loan_id)
            if loan is None or check_payment(db, loan, line.paid_on, line.amount):
                raise DomainError("support_import_rows_refused", refused=1)
            rows.append(support_repo.payment_values(InterestPayment(
                loan_id=loan.id, paid_on=line.paid_on, amount=line.amount, reference=line.reference,
                source=plan.path.name, id=new_id()), stamp))
            members.add(loan.member_id)
        support_repo.insert_payments_many(db, rows)
        audit.append(db, actor.name, "import_interest_payments", "support_interest_payments", None, None,
                     {"file": plan.path.name, "sheet": plan.sheet, "counts": plan.counts, "written": len(rows)})
    return len(rows), Changes(support=True, member_ids=tuple(sorted(members)))


def save_report(plan: StatementPlan, out: Path | str) -> Path:
    """The row report: the statement copied with a result column (as the member import's report)."""
    from tayninh_desktop.spreadsheets.report_writer import ResultLine, write_import_report

    lines = [ResultLine(line.row, line.status, ROW_STATUS_LABELS[line.status], line.message) for line in plan.lines]
    return write_import_report(plan.path, plan.kind, plan.sheet, plan.rows, plan.header_row, lines, Path(out))
