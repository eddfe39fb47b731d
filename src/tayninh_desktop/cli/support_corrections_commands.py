"""Corrections of the support records headless: a year's circumstances or an interest payment recorded by
mistake is removed (the member's support tab and the support page do the same), with the interest payments of a
loan listed to find the one."""

from __future__ import annotations

import argparse

from tayninh_desktop.cli.output import actor, emit, open_db
from tayninh_desktop.cli.support_commands import GROUPS, _loan
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.vn_money import format_money


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = GROUPS["support"].add_parser("household-delete", parents=[common],
                                     help="xóa hoàn cảnh gia đình của một năm ghi nhầm")
    p.add_argument("household_id", metavar="MÃ", help="mã bản ghi (support households ĐẢNG_VIÊN --json: id)")
    p.set_defaults(handler=cmd_household_delete)
    loans = GROUPS["loans"]
    p = loans.add_parser("payments", parents=[common], help="các lần trả lãi đã ghi của một khoản vay")
    p.add_argument("loan", metavar="KHOẢN_VAY", help="mã hoặc số khế ước")
    p.set_defaults(handler=cmd_loan_payments)
    p = loans.add_parser("interest-delete", parents=[common],
                         help="xóa một lần trả lãi ghi nhầm (không phải lần đã được duyệt hỗ trợ)")
    p.add_argument("payment_id", metavar="MÃ", help="mã lần trả lãi (support loans payments KHOẢN_VAY --json)")
    p.set_defaults(handler=cmd_interest_delete)


def cmd_household_delete(args) -> int:
    from tayninh_desktop.services import support_household

    db = open_db(args)
    support_household.delete_household(db, actor(args), args.household_id)
    emit(args, {"ok": True, "household_id": args.household_id, "deleted": True},
         "Đã xóa hoàn cảnh gia đình ghi nhầm.")
    return 0


def cmd_loan_payments(args) -> int:
    from tayninh_desktop.services import support_household

    db = open_db(args)
    who = actor(args)
    loan = _loan(db, who, args.loan)
    rows = support_household.payments_of(db, who, loan.id)
    emit(args, {"ok": True, "loan_id": loan.id, "payments": [
        {"payment_id": p.id, "paid_on": p.paid_on.isoformat(), "amount": p.amount, "reference": p.reference,
         "source": p.source} for p in rows]},
        [f"{format_vn_date(p.paid_on)}  {format_money(p.amount):>14}  {p.reference}  mã {p.id}" for p in rows]
        + [f"Tổng số: {len(rows)} lần trả lãi."])
    return 0


def cmd_interest_delete(args) -> int:
    from tayninh_desktop.services import support_household

    db = open_db(args)
    support_household.delete_payment(db, actor(args), args.payment_id)
    emit(args, {"ok": True, "payment_id": args.payment_id, "deleted": True}, "Đã xóa lần trả lãi ghi nhầm.")
    return 0
