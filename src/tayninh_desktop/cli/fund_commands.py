"""Commands of the support fund: ``fund statement|balance|contribute|reverse|receipt|reconcile``. An entry is
named by its number in the ledger (số bút toán) or its id."""

from __future__ import annotations

import argparse

from tayninh_desktop.cli.output import actor, date_option, emit, open_db
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.messages_support import FUND_KIND_LABELS
from tayninh_desktop.domain.vn_money import format_money, parse_money


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    fund = sub.add_parser("fund", help="Quỹ hỗ trợ đảng viên có hoàn cảnh khó khăn").add_subparsers(
        dest="fund_command", metavar="LỆNH")
    p = fund.add_parser("statement", parents=[common], help="sổ quỹ trong kỳ: các bút toán và số dư")
    p.add_argument("--from", dest="start", metavar="NGÀY", help="từ ngày (mặc định: từ bút toán đầu tiên)")
    p.add_argument("--to", dest="end", metavar="NGÀY", help="đến ngày (mặc định: đến nay)")
    p.add_argument("--out", metavar="TỆP.pdf", help="in sổ quỹ của kỳ")
    p.set_defaults(handler=cmd_statement)

    p = fund.add_parser("balance", parents=[common], help="số dư của quỹ")
    p.add_argument("--on", metavar="NGÀY", help="số dư cuối ngày (mặc định: hiện tại)")
    p.set_defaults(handler=cmd_balance)

    p = fund.add_parser("contribute", parents=[common], help="ghi tiền đóng góp vào quỹ (có phiếu thu)")
    p.add_argument("--contributor", required=True, metavar="TÊN", help="người hoặc đơn vị đóng góp")
    p.add_argument("--kind", required=True, choices=["don_vi", "ca_nhan"], help="don_vi (đơn vị) hoặc ca_nhan")
    p.add_argument("--amount", required=True, metavar="ĐỒNG", help="số tiền, ví dụ 5.000.000")
    p.add_argument("--receipt", required=True, metavar="SỐ", help="số phiếu thu, ví dụ 001/2026")
    p.add_argument("--on", metavar="NGÀY", help="ngày nộp (mặc định hôm nay)")
    p.add_argument("--note", default="", metavar="GHI_CHÚ")
    p.add_argument("--out", metavar="TỆP.pdf", help="in phiếu thu")
    p.set_defaults(handler=cmd_contribute)

    p = fund.add_parser("reverse", parents=[common], help="đảo một bút toán ghi nhầm (có lý do); không sửa, không xóa")
    p.add_argument("entry", metavar="BÚT_TOÁN", help="số bút toán (lệnh fund statement) hoặc mã")
    p.add_argument("--reason", required=True, metavar="LÝ_DO")
    p.add_argument("--on", metavar="NGÀY", help="ngày đảo (mặc định hôm nay)")
    p.set_defaults(handler=cmd_reverse)

    p = fund.add_parser("receipt", parents=[common], help="in phiếu thu của một khoản đóng góp")
    p.add_argument("entry", metavar="BÚT_TOÁN")
    p.add_argument("--out", required=True, metavar="TỆP.pdf")
    p.set_defaults(handler=cmd_receipt)

    p = fund.add_parser("reconcile", parents=[common], help="đối chiếu sổ quỹ với hồ sơ được chi và với tiền thực có")
    p.add_argument("--on", metavar="NGÀY", help="đến ngày (mặc định hôm nay)")
    p.add_argument("--counted", metavar="ĐỒNG", help="số tiền thực có khi kiểm quỹ")
    p.add_argument("--out", metavar="TỆP.pdf", help="in biên bản đối chiếu")
    p.set_defaults(handler=cmd_reconcile)


def _today_text(text: str | None) -> str:
    from datetime import date

    return text or format_vn_date(date.today())


def cmd_statement(args) -> int:
    from tayninh_desktop.services import fund, support_printing

    db = open_db(args)
    who = actor(args)
    start, end = date_option(args.start, "--from"), date_option(args.end, "--to")
    result = fund.statement(db, who, start, end)
    if args.out:
        from datetime import date

        first = result.lines[0].entry.entry_date if result.lines else date.today()
        support_printing.print_statement(db, who, start or first, end or date.today(), args.out)
    payload = {"ok": True, "from": start.isoformat() if start else None, "to": end.isoformat() if end else None,
               "opening": result.opening, "money_in": result.money_in, "money_out": result.money_out,
               "closing": result.closing, "balance": result.closing, "entries": [
                   {"seq": x.entry.seq, "id": x.entry.id, "date": x.entry.entry_date.isoformat(),
                    "kind": x.entry.kind.value, "amount": x.entry.amount, "signed": x.entry.signed,
                    "contributor": x.entry.contributor, "receipt_number": x.entry.receipt_number,
                    "application_id": x.entry.application_id, "reverses_id": x.entry.reverses_id,
                    "reversed_by": x.reversed_by, "reason": x.entry.reason, "balance": x.balance}
                   for x in result.lines]}
    text = [f"Số dư đầu kỳ: {format_money(result.opening)}"]
    for x in result.lines:
        e = x.entry
        who_text = e.contributor or e.reason
        mark = f" (đã đảo: bút toán {x.reversed_by})" if x.reversed_by else ""
        text.append(f"{e.seq:>4}  {format_vn_date(e.entry_date)}  {FUND_KIND_LABELS[e.kind.value]:<14}"
                    f" {'+' if e.direction > 0 else '-'}{format_money(e.amount):>16}  tồn {format_money(x.balance):>16}"
                    f"  {who_text}{mark}")
    text.append(f"Thu {format_money(result.money_in)}; chi {format_money(result.money_out)};"
                f" số dư cuối kỳ {format_money(result.closing)}.")
    emit(args, payload, text)
    return 0


def cmd_balance(args) -> int:
    from tayninh_desktop.services import fund

    db = open_db(args)
    on = date_option(args.on, "--on")
    balance = fund.balance(db, actor(args), on)
    emit(args, {"ok": True, "balance": balance, "on": on.isoformat() if on else None},
         f"Số dư quỹ{' cuối ngày ' + format_vn_date(on) if on else ''}: {format_money(balance)}.")
    return 0


def cmd_contribute(args) -> int:
    from tayninh_desktop.services import fund, support_printing

    db = open_db(args)
    who = actor(args)
    entry_id, _ = fund.contribute(db, who, {
        "entry_date": _today_text(args.on), "contributor": args.contributor, "contributor_kind": args.kind,
        "contribution_amount": args.amount, "receipt_number": args.receipt, "outreach_notes": args.note})
    entry = fund.get_entry(db, who, entry_id)
    if args.out:
        support_printing.print_receipt(db, who, entry_id, args.out)
    emit(args, {"ok": True, "entry_id": entry_id, "seq": entry.seq, "balance": fund.balance(db, who)},
         f"Đã ghi đóng góp {format_money(entry.amount)} của {entry.contributor} (phiếu thu {entry.receipt_number},"
         f" bút toán số {entry.seq}); số dư quỹ {format_money(fund.balance(db, who))}.")
    return 0


def cmd_reverse(args) -> int:
    from tayninh_desktop.services import fund

    db = open_db(args)
    who = actor(args)
    original = fund.get_entry(db, who, args.entry)
    entry_id, _ = fund.reverse(db, who, original.id, {"entry_date": _today_text(args.on),
                                                      "reversal_reason": args.reason})
    entry = fund.get_entry(db, who, entry_id)
    emit(args, {"ok": True, "entry_id": entry_id, "seq": entry.seq, "balance": fund.balance(db, who)},
         f"Đã đảo bút toán số {original.seq} bằng bút toán số {entry.seq}; số dư quỹ"
         f" {format_money(fund.balance(db, who))}.")
    return 0


def cmd_receipt(args) -> int:
    from tayninh_desktop.services import fund, support_printing

    db = open_db(args)
    who = actor(args)
    entry = fund.get_entry(db, who, args.entry)
    result = support_printing.print_receipt(db, who, entry.id, args.out)
    emit(args, {"ok": True, "path": str(result.path)}, f"Đã in phiếu thu {entry.receipt_number}: {result.path}")
    return 0


def cmd_reconcile(args) -> int:
    from datetime import date

    from tayninh_desktop.domain.errors import FieldIssue, ValidationError
    from tayninh_desktop.services import fund_reconcile, support_printing

    db = open_db(args)
    who = actor(args)
    on = date_option(args.on, "--on") or date.today()
    try:
        counted = parse_money(args.counted or "")
    except ValueError:
        raise ValidationError([FieldIssue("counted", "bad_money", {"value": args.counted})]) from None
    result = fund_reconcile.reconcile(db, who, on, counted)
    if args.out:
        support_printing.print_reconciliation(db, who, on, args.out, counted)
    text = [(f"Đến ngày {format_vn_date(on)}: {result.entries} bút toán; thu {format_money(result.contributions)},"
            f" chi {format_money(result.disbursements)}, số dư {format_money(result.balance)}.")]
    if counted is not None:
        text.append(f"Tiền thực có {format_money(counted)}: " + ("khớp." if not result.difference else
                                                                  f"chênh {format_money(result.difference)}."))
    text += result.problems or ["Sổ quỹ khớp với các hồ sơ được chi."]
    text += [f"Còn phải chi hồ sơ {p.application.label} ({p.member_name}): {format_money(p.left)}"
             for p in result.pending]
    emit(args, {"ok": True, "on": on.isoformat(), "balance": result.balance, "contributions": result.contributions,
                "disbursements": result.disbursements, "counted": counted, "difference": result.difference,
                "problems": list(result.problems), "agrees": result.agrees,
                "pending": [{"application_id": p.application.id, "label": p.application.label, "left": p.left}
                            for p in result.pending]}, text)
    return 0
