"""Commands of the support applications, the programme's report and its papers: ``support apply|check|approve|
reject|pay|applications|report|print``. An application is named by its id or its number "001/2026"."""

from __future__ import annotations

import argparse
import re

from tayninh_desktop.cli.output import Usage, actor, date_option, emit, open_db
from tayninh_desktop.cli.support_commands import GROUPS
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.messages_support import STATE_LABELS
from tayninh_desktop.domain.vn_money import format_money

PAPERS = {"application": "đơn đề nghị của một hồ sơ (cần --application)",
          "approvals": "danh sách được duyệt trong kỳ", "payments": "danh sách chi trả (có cột ký nhận) trong kỳ"}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    support = GROUPS["support"]
    p = support.add_parser("apply", parents=[common], help="nhận hồ sơ đề nghị hỗ trợ lãi suất")
    p.add_argument("member", metavar="ĐẢNG_VIÊN", help="mã, số CCCD hoặc số thẻ đảng viên")
    p.add_argument("--loan", required=True, metavar="KHOẢN_VAY", help="mã hoặc số khế ước")
    p.add_argument("--from", dest="start", required=True, metavar="NGÀY", help="kỳ lãi đã trả: từ ngày")
    p.add_argument("--to", dest="end", required=True, metavar="NGÀY", help="kỳ lãi đã trả: đến ngày")
    p.add_argument("--on", metavar="NGÀY", help="ngày nộp hồ sơ (mặc định hôm nay)")
    p.add_argument("--note", default="")
    p.set_defaults(handler=cmd_apply)

    p = support.add_parser("check", parents=[common], help="ghi kết quả kiểm tra hồ sơ (từng mục và giấy tờ)")
    p.add_argument("application", metavar="HỒ_SƠ", help="mã hoặc số hồ sơ, ví dụ 001/2026")
    p.add_argument("--item", action="append", default=[], metavar="MỤC=GIẤY_TỜ",
                   help="một mục đạt và giấy tờ chứng minh, ví dụ khoan_vay=«Sổ vay vốn KU-0001» (lặp lại)")
    p.add_argument("--on", required=True, metavar="NGÀY")
    p.add_argument("--by", default="", metavar="TÊN")
    p.set_defaults(handler=cmd_check)

    p = support.add_parser("approve", parents=[common], help="ghi duyệt hồ sơ (người duyệt, văn bản)")
    p.add_argument("application", metavar="HỒ_SƠ")
    p.add_argument("--on", required=True, metavar="NGÀY")
    p.add_argument("--by", required=True, metavar="TÊN", help="người duyệt, chức vụ")
    p.add_argument("--decision", required=True, metavar="SỐ", help="số văn bản duyệt, ví dụ 45-QĐ/ĐU")
    p.set_defaults(handler=cmd_approve)

    p = support.add_parser("reject", parents=[common], help="từ chối hồ sơ, có lý do")
    p.add_argument("application", metavar="HỒ_SƠ")
    p.add_argument("--on", required=True, metavar="NGÀY")
    p.add_argument("--reason", required=True, metavar="LÝ_DO")
    p.add_argument("--by", default="", metavar="TÊN")
    p.set_defaults(handler=cmd_reject)

    p = support.add_parser("pay", parents=[common], help="chi trả hồ sơ đã duyệt từ Quỹ hỗ trợ")
    p.add_argument("application", metavar="HỒ_SƠ")
    p.add_argument("--on", required=True, metavar="NGÀY")
    p.add_argument("--amount", default="", metavar="ĐỒNG", help="số tiền chi (mặc định: số còn phải chi)")
    p.add_argument("--voucher", default="", metavar="SỐ", help="số phiếu chi")
    p.set_defaults(handler=cmd_pay)

    p = support.add_parser("applications", parents=[common], help="danh sách hồ sơ đề nghị hỗ trợ")
    p.add_argument("--state", choices=sorted(STATE_LABELS), help="chỉ một trạng thái")
    p.set_defaults(handler=cmd_applications)

    p = support.add_parser("report", parents=[common],
                           help="báo cáo kết quả hỗ trợ trong kỳ theo chi bộ (số liệu gửi cấp trên; --out để in)")
    _period_options(p)
    p.add_argument("--out", metavar="TỆP.pdf", help="in báo cáo (văn bản được đánh số trong sổ đăng ký)")
    p.set_defaults(handler=cmd_report)

    p = support.add_parser("print", parents=[common], help="in giấy tờ: " + "; ".join(f"{k}: {v}"
                                                                                      for k, v in PAPERS.items()))
    p.add_argument("paper", choices=sorted(PAPERS), metavar="GIẤY_TỜ", help="application, approvals hoặc payments")
    p.add_argument("--application", metavar="HỒ_SƠ")
    _period_options(p)
    p.add_argument("--out", required=True, metavar="TỆP.pdf")
    p.set_defaults(handler=cmd_print)


def _period_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--period", metavar="KỲ", help="2026, 06/2026, H1/2026 (6 tháng đầu năm) hoặc H2/2026")
    p.add_argument("--from", dest="start", metavar="NGÀY", help="từ ngày (khi không dùng --period)")
    p.add_argument("--to", dest="end", metavar="NGÀY", help="đến ngày (mặc định hôm nay)")


def _period(args):
    from tayninh_desktop.services import support_report

    return support_report.parse_period(args.period, date_option(args.start, "--from"), date_option(args.end, "--to"))


def find_application(db, who, text: str):
    from tayninh_desktop.domain.errors import DomainError
    from tayninh_desktop.services import support_applications

    match = re.fullmatch(r"(?:HS\s*)?(\d{1,4})/(\d{4})", text.strip(), re.IGNORECASE)
    if match:
        row = db.execute("SELECT id FROM support_applications WHERE number = ? AND year = ?",
                         [int(match[1]), int(match[2])]).fetchone()
        if row is None:
            raise DomainError("application_not_found", application_id=text)
        text = row[0]
    return support_applications.get(db, who, text)


def cmd_apply(args) -> int:
    from tayninh_desktop.cli.support_commands import _loan, _member
    from tayninh_desktop.services import support_applications

    db = open_db(args)
    who = actor(args)
    member = _member(db, args.member)
    loan = _loan(db, who, args.loan)
    on = args.on or format_vn_date(__import__("datetime").date.today())
    application_id, _ = support_applications.submit(db, who, member.id, {
        "loan_id": loan.id, "period_from": args.start, "period_to": args.end, "submitted_on": on,
        "application_notes": args.note})
    application = support_applications.get(db, who, application_id)
    emit(args, {"ok": True, "application_id": application_id, "label": application.label,
                "interest_paid": application.interest_paid},
         f"Đã nhận hồ sơ {application.label} của đồng chí {member.full_name}: lãi đã trả trong kỳ"
         f" {format_money(application.interest_paid)}.")
    return 0


def cmd_check(args) -> int:
    from tayninh_desktop.services import support_applications

    items = {}
    for item in args.item:
        code, sep, evidence = item.partition("=")
        if not sep:
            raise Usage(f"--item {item}: cần dạng MỤC=GIẤY_TỜ")
        items[code.strip()] = (True, evidence)
    db = open_db(args)
    who = actor(args)
    application = find_application(db, who, args.application)
    support_applications.check(db, who, application.id, items, checked_on=args.on, checked_by=args.by)
    emit(args, {"ok": True}, f"Đã ghi kiểm tra hồ sơ {application.label}: đạt.")
    return 0


def cmd_approve(args) -> int:
    from tayninh_desktop.services import support_applications

    db = open_db(args)
    who = actor(args)
    application = find_application(db, who, args.application)
    support_applications.approve(db, who, application.id, {"approved_on": args.on, "approved_by": args.by,
                                                           "decision_number": args.decision})
    done = support_applications.get(db, who, application.id)
    emit(args, {"ok": True, "support_amount": done.support_amount, "computation": done.computation},
         f"Đã duyệt hồ sơ {done.label}: hỗ trợ {format_money(done.support_amount)} ({done.computation}).")
    return 0


def cmd_reject(args) -> int:
    from tayninh_desktop.services import support_applications

    db = open_db(args)
    who = actor(args)
    application = find_application(db, who, args.application)
    support_applications.reject(db, who, application.id, {"rejected_on": args.on, "rejection_reason": args.reason,
                                                          "approved_by": args.by})
    emit(args, {"ok": True}, f"Đã từ chối hồ sơ {application.label}: {args.reason}.")
    return 0


def cmd_pay(args) -> int:
    from tayninh_desktop.services import fund

    db = open_db(args)
    who = actor(args)
    application = find_application(db, who, args.application)
    entry_id, _ = fund.pay(db, who, application.id, {"paid_on": args.on, "payment_amount": args.amount,
                                                     "receipt_number": args.voucher})
    entry = fund.get_entry(db, who, entry_id)
    emit(args, {"ok": True, "entry_id": entry_id, "seq": entry.seq, "amount": entry.amount,
                "balance": fund.balance(db, who)},
         f"Đã chi {format_money(entry.amount)} cho hồ sơ {application.label} (bút toán số {entry.seq});"
         f" số dư quỹ {format_money(fund.balance(db, who))}.")
    return 0


def cmd_applications(args) -> int:
    from tayninh_desktop.services import support_applications
    from tayninh_desktop.storage import members_repo

    db = open_db(args)
    rows = support_applications.listing(db, actor(args), state=args.state)
    names = {m.id: m.full_name for m in members_repo.get_many(db, sorted({a.member_id for a in rows}))}
    emit(args, {"ok": True, "applications": [
        {"id": a.id, "label": a.label, "member_id": a.member_id, "state": a.state.value,
         "period_from": a.period_from.isoformat(), "period_to": a.period_to.isoformat(),
         "submitted_on": a.submitted_on.isoformat(), "interest_paid": a.interest_paid,
         "support_amount": a.support_amount} for a in rows]},
        [f"{a.label}  {names.get(a.member_id, ''):<28} {STATE_LABELS[a.state.value]:<12}"
         f" kỳ {format_vn_date(a.period_from)}–{format_vn_date(a.period_to)}"
         + (f"  hỗ trợ {format_money(a.support_amount)}" if a.support_amount else "") for a in rows]
        + [f"Tổng số: {len(rows)} hồ sơ."])
    return 0


def cmd_report(args) -> int:
    from tayninh_desktop.services import support_printing, support_report

    db = open_db(args)
    who = actor(args)
    start, end = _period(args)
    figures = support_report.return_figures(db, who, start, end)
    symbol = ""
    if args.out:
        result, _ = support_printing.print_report(db, who, start, end, args.out)
        symbol = result.symbol
    t = figures["totals"]
    text = [f"Kỳ {format_vn_date(start)}–{format_vn_date(end)} ({figures['plan']}"
            + (", chưa xác nhận" if figures["plan_unconfirmed"] else "") + "):"]
    text += [f"{c['cell']:<30} có thể thuộc diện {c['screened']:>4}, đã thông tin {c['told']:>4}, hồ sơ"
             f" {c['applied']:>3}, duyệt {c['approved']:>3}, đã chi {c['paid']:>3}" for c in figures["cells"]]
    text.append(f"Toàn đảng bộ: {t['screened']} có thể thuộc diện, {t['told']} đã thông tin, {t['applied']} hồ sơ,"
                f" {t['approved']} được duyệt ({format_money(t['approved_amount'])}), đã chi"
                f" {format_money(t['paid_amount'])}; quỹ cuối kỳ {format_money(figures['fund']['closing'])}.")
    if args.out:
        text.append(f"Đã in báo cáo {symbol}: {args.out}")
    emit(args, {"ok": True, **figures, "symbol": symbol}, text)
    return 0


def cmd_print(args) -> int:
    from tayninh_desktop.services import support_printing

    db = open_db(args)
    who = actor(args)
    if args.paper == "application":
        if not args.application:
            raise Usage("in đơn đề nghị cần --application HỒ_SƠ")
        result = support_printing.print_application(db, who, find_application(db, who, args.application).id,
                                                     args.out)
    else:
        start, end = _period(args)
        printer = support_printing.print_approval_list if args.paper == "approvals" \
            else support_printing.print_payment_list
        result = printer(db, who, start, end, args.out)
    emit(args, {"ok": True, "path": str(result.path), "pages": result.pages, "sha256": result.sha256},
         f"Đã in {result.pages} trang: {result.path}")
    return 0
