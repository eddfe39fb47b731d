"""Commands of the rules in force: discipline (party and state, in force, removal of one recorded by mistake), leaves
for working away and returns, re-admission, and the rules themselves (the dues: cli/dues_commands.py)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date

from tayninh_desktop.cli.output import Usage, actor, emit, open_db
from tayninh_desktop.cli.party_life_commands import _cell, _day
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.messages_party_life import DISCIPLINE_LABELS
from tayninh_desktop.domain.messages_rules import EXIT_GROUNDS


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
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
