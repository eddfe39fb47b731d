"""Commands of the dues (đảng phí): a cell's month, a member's category and base, exemptions and reductions,
payments of several months (in advance, late), and the corrections of each."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from tayninh_desktop.cli.output import Usage, actor, emit, open_db
from tayninh_desktop.cli.party_life_commands import _cell, _day
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.messages_dues import EXEMPTION_GROUND_LABELS
from tayninh_desktop.domain.messages_party_life import DUES_LABELS

UNCONFIRMED = " (chưa xác nhận)"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    dues = sub.add_parser("dues", help="đảng phí").add_subparsers(dest="dues_command", metavar="LỆNH")
    p = dues.add_parser("record", parents=[common], help="ghi đảng phí của chi bộ trong tháng")
    p.add_argument("--cell", required=True)
    p.add_argument("--month", required=True, help="tháng/năm, ví dụ 03/2026")
    p.add_argument("--all-paid", action="store_true", help="mọi người theo mức mặc định của bảng")
    p.add_argument("--entry", action="append", default=[], metavar="MÃ_ĐV=SỐ_TIỀN[:TRẠNG_THÁI[:LÝ_DO]]",
                   help="trạng thái: " + ", ".join(f"{k} ({v})" for k, v in DUES_LABELS.items())
                   + "; số tiền khác mức tính phải ghi lý do")
    p.set_defaults(handler=cmd_dues_record)
    p = dues.add_parser("show", parents=[common], help="bảng đảng phí của chi bộ trong tháng")
    p.add_argument("--cell", required=True)
    p.add_argument("--month", required=True)
    p.set_defaults(handler=cmd_dues_show)
    p = dues.add_parser("category", parents=[common], help="ghi diện đóng và mức lương làm căn cứ từ một tháng")
    p.add_argument("--member", required=True)
    p.add_argument("--from", dest="from_month", required=True, help="từ tháng mm/yyyy")
    p.add_argument("--category", required=True, help="diện đóng: bhxh, huu_tri, hoc_sinh, ngoai_bhxh")
    p.add_argument("--base", type=int, help="tiền lương / lương hưu làm căn cứ (đồng/tháng)")
    p.set_defaults(handler=cmd_dues_category)
    p = dues.add_parser("relief", parents=[common], help="ghi quyết định miễn hoặc giảm đảng phí")
    p.add_argument("--member", required=True)
    p.add_argument("--kind", required=True, choices=["mien", "giam"], help="mien: miễn đóng; giam: giảm")
    p.add_argument("--from", dest="first_month", required=True, help="từ tháng mm/yyyy")
    p.add_argument("--to", dest="last_month", default="", help="đến tháng mm/yyyy (giảm: tối đa 12 tháng)")
    p.add_argument("--percent", type=int, default=0, help="tỷ lệ giảm: 30, 50 hoặc 70")
    p.add_argument("--ground", default="", help="diện miễn: " + ", ".join(EXEMPTION_GROUND_LABELS))
    p.add_argument("--decision", default="", help="số quyết định")
    p.add_argument("--decision-date", default="", help="ngày quyết định dd/mm/yyyy")
    p.add_argument("--reason", default="")
    p.set_defaults(handler=cmd_dues_relief)
    p = dues.add_parser("reliefs", parents=[common], help="các quyết định miễn, giảm đảng phí của đảng viên")
    p.add_argument("--member", required=True)
    p.set_defaults(handler=cmd_dues_reliefs)
    p = dues.add_parser("relief-remove", parents=[common], help="hủy một quyết định miễn, giảm ghi nhầm")
    p.add_argument("--relief", required=True, help="mã quyết định (dues reliefs --json: relief_id)")
    p.add_argument("--reason", required=True, help="lý do hủy")
    p.set_defaults(handler=cmd_dues_relief_remove)
    for name, help_text, handler in (
            ("advance", "ghi đảng phí đóng trước nhiều tháng (đảng viên tạm miễn sinh hoạt đi làm ăn xa)",
             cmd_dues_advance),
            ("settle", "ghi đảng phí đóng chậm cho các tháng còn nợ", cmd_dues_settle)):
        p = dues.add_parser(name, parents=[common], help=help_text)
        p.add_argument("--member", required=True)
        p.add_argument("--from", dest="from_month", required=True, help="từ tháng mm/yyyy")
        p.add_argument("--to", dest="to_month", required=True, help="đến tháng mm/yyyy (tối đa 12 tháng một lần)")
        p.add_argument("--paid-on", required=True, help="ngày đóng dd/mm/yyyy")
        p.add_argument("--received-by", required=True, help="người thu")
        p.add_argument("--amount", type=int, help="số tiền đã thu (mặc định: tổng mức tính theo quy định)")
        p.add_argument("--reason", default="", help="lý do khi số tiền khác tổng mức tính")
        p.add_argument("--approval", default="", help="căn cứ: ý kiến hoặc quyết định của cấp ủy")
        p.set_defaults(handler=handler)
    p = dues.add_parser("payments", parents=[common], help="các khoản đóng trước, đóng chậm của đảng viên")
    p.add_argument("--member", required=True)
    p.set_defaults(handler=cmd_dues_payments)
    p = dues.add_parser("cancel-payment", parents=[common],
                        help="hủy một khoản đóng trước, đóng chậm ghi nhầm (các tháng trở lại như trước khi ghi)")
    p.add_argument("--member", required=True)
    p.add_argument("--payment", type=int, required=True, help="số của khoản đóng (dues payments --json: payment_id)")
    p.add_argument("--reason", required=True, help="lý do hủy")
    p.set_defaults(handler=cmd_dues_cancel_payment)


NOT_RECORDED = "chưa ghi"


def _money(value: int | None) -> str:
    return "chưa tính" if value is None else f"{value:,} đ".replace(",", ".")


def cmd_dues_record(args) -> int:
    from tayninh_desktop.services import dues

    db = open_db(args)
    cell = _cell(db, args.cell)
    entries: dict[str, tuple[int, str, str]] = {}
    if args.all_paid:
        entries = {x.member_id: (x.amount, x.state.value, x.reason) for x in dues.dues_sheet(db, cell.id, args.month)}
    for item in args.entry:
        member_id, _, rest = item.partition("=")
        amount, _, rest = rest.partition(":")
        state, _, reason = rest.partition(":")
        if not amount.isdigit():
            raise Usage(f"--entry {item}: cần dạng MÃ_ĐV=SỐ_TIỀN[:TRẠNG_THÁI[:LÝ_DO]]")
        entries[member_id] = (int(amount), state or "da_dong", reason)
    dues.record_dues(db, actor(args), cell.id, args.month, entries)
    emit(args, {"ok": True, "count": len(entries)}, f"Đã ghi đảng phí tháng {args.month} cho {len(entries)} đảng viên.")
    return 0


def cmd_dues_show(args) -> int:
    from tayninh_desktop.services import dues

    db = open_db(args)
    cell = _cell(db, args.cell)
    lines = dues.dues_sheet(db, cell.id, args.month)
    rule = dues.rule_of_month(args.month)
    text = [f"Mức đóng theo {rule.citation}{UNCONFIRMED if rule.unconfirmed else ''}"]
    for x in lines:
        note = " · ".join(p for p in (x.category_label + (UNCONFIRMED if x.unconfirmed else ""), x.relief_label,
                                      x.reason) if p)
        # A month not recorded is "chưa ghi", never shown as paid (its default stays in the JSON, with recorded).
        amount, state = (_money(x.amount), DUES_LABELS[x.state.value]) if x.recorded else ("—", NOT_RECORDED)
        text.append(f"{x.full_name:<28} {amount:>11}  mức tính {_money(x.due):>11}  {state:<22}  {note}")
    emit(args, {"ok": True, "rule": rule.citation, "unconfirmed": rule.unconfirmed,
                "lines": [{**asdict(x), "status": x.status.value, "state": x.state.value} for x in lines]}, text)
    return 0


def cmd_dues_category(args) -> int:
    from tayninh_desktop.services import dues_terms

    db = open_db(args)
    dues_terms.set_dues_term(db, actor(args), args.member, args.from_month, args.category, args.base)
    emit(args, {"ok": True}, f"Đã ghi diện đóng đảng phí từ tháng {args.from_month}.")
    return 0


def cmd_dues_relief(args) -> int:
    from tayninh_desktop.services import dues_terms

    db = open_db(args)
    decided = _day(args.decision_date, "decision_date") if args.decision_date else None
    relief_id, _ = dues_terms.grant_relief(db, actor(args), args.member, args.kind, args.first_month,
                                           args.last_month, percent=args.percent, ground=args.ground,
                                           decision_number=args.decision, decision_date=decided, reason=args.reason)
    emit(args, {"ok": True, "relief_id": relief_id}, "Đã ghi quyết định miễn, giảm đảng phí.")
    return 0


def _payment(args, record) -> int:
    from tayninh_desktop.domain.messages_dues import PAYMENT_KINDS
    from tayninh_desktop.services.dues_payments import PaymentRequest, payments

    db = open_db(args)
    request = PaymentRequest(args.from_month, args.to_month, _day(args.paid_on, "dues_paid_on"), args.received_by,
                             args.amount, args.reason, args.approval)
    payment_id, _ = record(db, actor(args), args.member, request)
    payment = next(p for p in payments(db, args.member) if p.id == payment_id)
    emit(args, {"ok": True, **_payment_json(payment)},
         f"Đã ghi {PAYMENT_KINDS[payment.kind]} đảng phí từ tháng {_month(payment.from_month)} đến tháng"
         f" {_month(payment.to_month)}: {_money(payment.amount)}.")
    return 0


def _month(month: str) -> str:
    return f"{month[5:7]}/{month[:4]}"


def _payment_json(payment) -> dict:
    return {"payment_id": payment.id, "member_id": payment.member_id, "kind": payment.kind,
            "from_month": payment.from_month, "to_month": payment.to_month, "amount": payment.amount,
            "paid_on": payment.paid_on.isoformat(), "received_by": payment.received_by, "reason": payment.reason,
            "approval": payment.approval}


def cmd_dues_advance(args) -> int:
    from tayninh_desktop.services.dues_payments import record_advance

    return _payment(args, record_advance)


def cmd_dues_settle(args) -> int:
    from tayninh_desktop.services.dues_payments import record_settlement

    return _payment(args, record_settlement)


def cmd_dues_payments(args) -> int:
    from tayninh_desktop.domain.messages_dues import PAYMENT_KINDS
    from tayninh_desktop.services.dues_payments import payments

    db = open_db(args)
    rows = payments(db, args.member)
    text = [f"{PAYMENT_KINDS[p.kind].capitalize():<10} {_month(p.from_month)}–{_month(p.to_month)}"
            f"  {_money(p.amount):>11}  ngày {format_vn_date(p.paid_on)}  người thu {p.received_by}"
            + (f"  · {p.reason}" if p.reason else "") + (f"  · {p.approval}" if p.approval else "") for p in rows]
    emit(args, {"ok": True, "payments": [_payment_json(p) for p in rows]},
         text + [f"Tổng số: {len(rows)} khoản."])
    return 0


def cmd_dues_reliefs(args) -> int:
    from tayninh_desktop.services import dues, dues_terms

    db = open_db(args)
    rows = dues_terms.member_reliefs(db, args.member)
    text = [f"{dues.relief_label(r)}  {_month(r.first_month)}–{_month(r.last_month) if r.last_month else '…'}"
            f"  mã {r.id}" + (f"  · {r.reason}" if r.reason else "") for r in rows]
    emit(args, {"ok": True, "reliefs": [_relief_json(r) for r in rows]}, text + [f"Tổng số: {len(rows)} quyết định."])
    return 0


def _relief_json(relief) -> dict:
    return {"relief_id": relief.id, "member_id": relief.member_id, "kind": relief.kind.value,
            "first_month": relief.first_month, "last_month": relief.last_month, "percent": relief.percent,
            "ground": relief.ground, "decision_number": relief.decision_number,
            "decision_date": relief.decision_date.isoformat() if relief.decision_date else None,
            "reason": relief.reason}


def cmd_dues_relief_remove(args) -> int:
    from tayninh_desktop.services import dues_terms

    db = open_db(args)
    dues_terms.remove_relief(db, actor(args), args.relief, args.reason)
    emit(args, {"ok": True, "relief_id": args.relief, "removed": True},
         "Đã hủy quyết định miễn, giảm đảng phí; các tháng chưa ghi tính lại mức đóng không có quyết định đó.")
    return 0


def cmd_dues_cancel_payment(args) -> int:
    from tayninh_desktop.domain.messages_dues import PAYMENT_KINDS
    from tayninh_desktop.services.dues_payments import cancel_payment, payments

    db = open_db(args)
    payment = next((p for p in payments(db, args.member) if p.id == args.payment), None)
    cancel_payment(db, actor(args), args.member, args.payment, args.reason)
    what = f" {PAYMENT_KINDS[payment.kind]} từ tháng {_month(payment.from_month)} đến tháng {_month(payment.to_month)}" \
        if payment else ""
    emit(args, {"ok": True, "payment_id": args.payment, "member_id": args.member, "cancelled": True},
         f"Đã hủy khoản{what}; các tháng trở lại như trước khi ghi.")
    return 0
