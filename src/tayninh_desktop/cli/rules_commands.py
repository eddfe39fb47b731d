"""Commands of the rules in force: dues (grid, category and base, exemption and reduction), discipline (party and
state, in force), leaves for working away and returns, re-admission, and the rules themselves."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date

from tayninh_desktop.cli.output import Usage, actor, emit, open_db
from tayninh_desktop.cli.party_life_commands import _cell, _day
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.messages_dues import EXEMPTION_GROUND_LABELS
from tayninh_desktop.domain.messages_party_life import DISCIPLINE_LABELS, DUES_LABELS
from tayninh_desktop.domain.messages_rules import EXIT_GROUNDS

UNCONFIRMED = " (chưa xác nhận)"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    _register_dues(sub, common)
    p = sub.add_parser("discipline", parents=[common], help="ghi quyết định kỷ luật, hoặc xem kỷ luật của đảng viên")
    p.add_argument("--member", required=True, help="mã đảng viên")
    p.add_argument("--form", choices=sorted(DISCIPLINE_LABELS), help="hình thức (bỏ trống: xem kỷ luật đã ghi)")
    p.add_argument("--date", help="ngày quyết định dd/mm/yyyy")
    p.add_argument("--announced", default="", help="ngày công bố quyết định (kỷ luật đảng: bắt buộc)")
    p.add_argument("--track", default="dang", choices=["dang", "chinh_quyen"],
                   help="kỷ luật đảng (mặc định) hoặc kỷ luật chính quyền")
    p.add_argument("--until", default="", help="kỷ luật chính quyền: hiệu lực đến ngày (theo quyết định)")
    p.add_argument("--doc-number", default="", help="số quyết định")
    p.add_argument("--issuer", default="", help="cấp quyết định")
    p.add_argument("--reason", default="", help="nội dung vi phạm")
    p.set_defaults(handler=cmd_discipline)
    p = sub.add_parser("discipline-remove", parents=[common], help="xóa một quyết định kỷ luật ghi nhầm")
    p.add_argument("discipline_id", help="mã quyết định (discipline --member ID --json: id)")
    p.add_argument("--reason", required=True, help="lý do xóa")
    p.set_defaults(handler=cmd_discipline_remove)
    _register_away(sub, common)
    p = sub.add_parser("readmit", parents=[common], help="kết nạp lại (ra khỏi Đảng ít nhất 36 tháng, một lần)")
    p.add_argument("--member", required=True)
    p.add_argument("--date", required=True, help="ngày kết nạp lại")
    p.add_argument("--cell", required=True, help="mã chi bộ")
    p.add_argument("--ground", default="", choices=["", *EXIT_GROUNDS],
                   help="lý do ra khỏi Đảng trước đây, nếu lần ra khỏi Đảng chưa ghi lý do")
    p.add_argument("--decision", default="", help="số quyết định kết nạp lại")
    p.set_defaults(handler=cmd_readmit)
    rules = sub.add_parser("rules", help="quy tắc đang áp dụng và căn cứ").add_subparsers(dest="rules_command",
                                                                                         metavar="LỆNH")
    p = rules.add_parser("show", parents=[common], help="các quy tắc có hiệu lực tại một ngày, kèm căn cứ")
    p.add_argument("--on", help="tại ngày dd/mm/yyyy (mặc định hôm nay)")
    p.set_defaults(handler=cmd_rules_show)
    p = rules.add_parser("thematic", parents=[common],
                         help="có tính vắng sinh hoạt chuyên đề vào ba tháng xóa tên không (mặc định: không)")
    p.add_argument("value", choices=["on", "off"], help="on: tính; off: chỉ sinh hoạt thường kỳ")
    p.set_defaults(handler=cmd_rules_thematic)


def _register_dues(sub, common) -> None:
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


def _register_away(sub, common) -> None:
    away = sub.add_parser("away", help="đảng viên đi làm ăn xa").add_subparsers(dest="away_command", metavar="LỆNH")
    p = away.add_parser("leave", parents=[common], help="ghi quyết định tạm miễn sinh hoạt (dưới 12 tháng)")
    p.add_argument("--member", required=True)
    p.add_argument("--from", dest="start", required=True, help="từ ngày dd/mm/yyyy")
    p.add_argument("--to", dest="end", required=True, help="đến ngày dd/mm/yyyy (dưới 12 tháng)")
    p.add_argument("--decision", required=True, help="số quyết định của đảng ủy")
    p.add_argument("--decision-date", default="", help="ngày quyết định")
    p.add_argument("--issuer", default="Đảng ủy xã", help="cấp quyết định")
    p.add_argument("--place", default="", help="nơi đến làm việc")
    p.add_argument("--requested", default="", help="ngày đơn của đảng viên")
    p.add_argument("--proposal", default="", help="đề nghị của chi bộ (số, ngày)")
    p.add_argument("--abroad", action="store_true", help="ra nước ngoài (trường hợp riêng)")
    p.set_defaults(handler=cmd_away_leave)
    p = away.add_parser("return", parents=[common], help="ghi trở lại sinh hoạt, kèm nhận xét nơi làm việc")
    p.add_argument("--member", required=True)
    p.add_argument("--date", required=True)
    p.add_argument("--comments", default="", help="nhận xét của chính quyền địa phương / nơi làm việc")
    p.add_argument("--by", dest="comments_by", default="", help="nơi nhận xét")
    p.set_defaults(handler=cmd_away_return)


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


def cmd_discipline(args) -> int:
    from tayninh_desktop.services import ratings

    db = open_db(args)
    if args.form is None:
        return _discipline_list(args, db)
    if not args.date:
        raise Usage("--date: cần ngày quyết định khi ghi kỷ luật")
    record_id, _ = ratings.record_discipline(db, actor(args), args.member, args.form, args.date,
                                             announced_on_text=args.announced, in_force_until_text=args.until,
                                             doc_number=args.doc_number, issuer=args.issuer, reason=args.reason,
                                             track=args.track)
    until = ratings.discipline_in_force(db, args.member)[record_id]
    emit(args, {"ok": True, "discipline_id": record_id, "in_force_until": until.isoformat() if until else None},
         "Đã ghi quyết định kỷ luật; " + (f"hiệu lực đến {format_vn_date(until)}." if until else
                                          "không có thời hạn hết hiệu lực."))
    return 0


def cmd_discipline_remove(args) -> int:
    from tayninh_desktop.services import ratings

    db = open_db(args)
    ratings.remove_discipline(db, actor(args), args.discipline_id, args.reason)
    emit(args, {"ok": True, "discipline_id": args.discipline_id, "removed": True},
         "Đã xóa quyết định kỷ luật ghi nhầm; nhật ký giữ lại quyết định và lý do xóa.")
    return 0


def _discipline_list(args, db) -> int:
    from tayninh_desktop.services import ratings

    today = date.today()
    until = ratings.discipline_in_force(db, args.member)
    rows = []
    for record in ratings.discipline_of(db, args.member):
        end = until[record.id]
        in_force = (end is None or end > today) and (record.announced_on or record.decided_on) <= today
        rows.append({**asdict(record), "form": record.form.value, "track": record.track.value,
                     "in_force_until": end.isoformat() if end else None, "in_force": in_force})
    emit(args, {"ok": True, "discipline": rows},
         [f"{DISCIPLINE_LABELS[r['form']]:<14} ({'đảng' if r['track'] == 'dang' else 'chính quyền'}) quyết định"
          f" {format_vn_date(r['decided_on'])}, hiệu lực đến "
          f"{format_vn_date(date.fromisoformat(r['in_force_until'])) if r['in_force_until'] else 'không thời hạn'}"
          f" — {'còn hiệu lực' if r['in_force'] else 'hết hiệu lực'}" for r in rows]
         + [f"Tổng số: {len(rows)} quyết định."])
    return 0


def cmd_away_leave(args) -> int:
    from tayninh_desktop.domain.away import EventDetails
    from tayninh_desktop.domain.lifecycle import EventKind
    from tayninh_desktop.services import register

    db = open_db(args)
    details = EventDetails(abroad=args.abroad, requested_on=_day(args.requested, "requested_on") if args.requested
                           else None, cell_proposal=args.proposal)
    event_id, _ = register.record_event(
        db, actor(args), args.member, EventKind.AWAY, _day(args.start, "event_date"), end_date=_day(args.end, "end_date"),
        place=args.place, doc_number=args.decision, doc_issuer=args.issuer, details=details,
        doc_date=_day(args.decision_date, "doc_date") if args.decision_date else None, notes="Đi làm ăn xa")
    emit(args, {"ok": True, "event_id": event_id}, "Đã ghi quyết định tạm miễn sinh hoạt.")
    return 0


def cmd_away_return(args) -> int:
    from tayninh_desktop.domain.away import EventDetails
    from tayninh_desktop.domain.lifecycle import EventKind
    from tayninh_desktop.services import register

    db = open_db(args)
    event_id, _ = register.record_event(db, actor(args), args.member, EventKind.AWAY_ENDED, _day(args.date, "event_date"),
                                        details=EventDetails(return_comments=args.comments,
                                                             comments_by=args.comments_by))
    emit(args, {"ok": True, "event_id": event_id}, "Đã ghi trở lại sinh hoạt.")
    return 0


def cmd_readmit(args) -> int:
    from tayninh_desktop.domain.away import EventDetails
    from tayninh_desktop.domain.lifecycle import EventKind
    from tayninh_desktop.services import register

    db = open_db(args)
    cell = _cell(db, args.cell)
    event_id, _ = register.record_event(db, actor(args), args.member, EventKind.READMITTED, _day(args.date, "event_date"),
                                        cell_id=cell.id, doc_number=args.decision,
                                        details=EventDetails(ground=args.ground))
    emit(args, {"ok": True, "event_id": event_id}, "Đã ghi kết nạp lại.")
    return 0


def cmd_rules_show(args) -> int:
    from tayninh_desktop.services.party_life import rules

    on = _day(args.on, "event_date") if args.on else date.today()
    records = rules().in_force(on)
    emit(args, {"ok": True, "on": on.isoformat(),
                "rules": [{"section": r.section, "key": r.key, "values": dict(r.values), "basis": r.basis,
                           "doc_number": r.doc_number, "doc_date": r.doc_date.isoformat(),
                           "valid_from": r.valid_from.isoformat(), "unconfirmed": r.unconfirmed, "note": r.note,
                           "file": r.source} for r in records]},
         [f"[{r.section}{'' if r.key is None else ' ' + str(r.key)}] {r.citation_marked} — {r.basis}"
          for r in records] + [f"Tổng số: {len(records)} quy tắc có hiệu lực ngày {format_vn_date(on)}."])
    return 0


def cmd_rules_thematic(args) -> int:
    from tayninh_desktop.services.settings_party_life import set_thematic_absence

    db = open_db(args)
    set_thematic_absence(db, actor(args), args.value == "on")
    emit(args, {"ok": True, "thematic_absence_counts": args.value == "on"},
         "Từ nay vắng sinh hoạt chuyên đề " + ("được tính" if args.value == "on" else "không được tính")
         + " vào ba tháng xem xét xóa tên.")
    return 0
