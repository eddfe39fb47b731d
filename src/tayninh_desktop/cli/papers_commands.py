"""Commands of who signs papers and of the committee's terms: signers set|list, terms add|list|remove."""

from __future__ import annotations

import argparse

from tayninh_desktop.cli.output import actor, date_option, emit, open_db
from tayninh_desktop.domain.dates import format_vn_date


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    signers = sub.add_parser("signers", help="người ký văn bản của từng đơn vị").add_subparsers(
        dest="signers_command", metavar="LỆNH")
    p = signers.add_parser("set", parents=[common], help="ghi họ tên bí thư, phó bí thư của đảng ủy hoặc một chi bộ")
    p.add_argument("--unit", metavar="MÃ", help="mã chi bộ (mặc định: đảng ủy)")
    p.add_argument("--secretary", metavar="HỌ TÊN", help="họ tên bí thư (không ghi: giữ như cũ; \"\": xóa)")
    p.add_argument("--deputy", metavar="HỌ TÊN", help="họ tên phó bí thư (không ghi: giữ như cũ; \"\": xóa)")
    p.set_defaults(handler=cmd_signers_set)
    p = signers.add_parser("list", parents=[common], help="người ký của đảng ủy và các chi bộ")
    p.set_defaults(handler=cmd_signers_list)

    terms = sub.add_parser("terms", help="nhiệm kỳ cấp ủy (ngày bế mạc đại hội): số văn bản ghi từ 01 mỗi nhiệm kỳ"
                           ).add_subparsers(dest="terms_command", metavar="LỆNH")
    p = terms.add_parser("add", parents=[common], help="ghi ngày bế mạc một đại hội của đảng bộ")
    p.add_argument("--closed", required=True, metavar="NGÀY", help="ngày bế mạc đại hội (dd/mm/yyyy)")
    p.add_argument("--label", metavar="TÊN", default="", help="ví dụ: Đại hội lần thứ I, nhiệm kỳ 2025–2030")
    p.set_defaults(handler=cmd_terms_add)
    p = terms.add_parser("list", parents=[common], help="các đại hội đã ghi và nhiệm kỳ sau mỗi đại hội")
    p.set_defaults(handler=cmd_terms_list)
    p = terms.add_parser("remove", parents=[common], help="xóa một ngày bế mạc ghi nhầm")
    p.add_argument("--closed", required=True, metavar="NGÀY", help="ngày bế mạc đã ghi (dd/mm/yyyy)")
    p.set_defaults(handler=cmd_terms_remove)


def _unit_id(db, code: str | None) -> str:
    from tayninh_desktop.services import organisation

    return organisation.cell_by_code(db, code).id if code else organisation.require_home(db).id


def cmd_signers_set(args) -> int:
    from tayninh_desktop.services import documents_context, organisation

    db = open_db(args)
    unit_id = _unit_id(db, args.unit)
    old_secretary, old_deputy = documents_context.signers(db, unit_id)
    documents_context.set_signers(db, actor(args), unit_id,
                                  old_secretary if args.secretary is None else args.secretary,
                                  old_deputy if args.deputy is None else args.deputy)
    secretary, deputy = documents_context.signers(db, unit_id)
    name = organisation.unit(db, unit_id).name
    emit(args, {"ok": True, "unit": name, "secretary": secretary, "deputy": deputy},
         f"Đã ghi người ký của {name}: bí thư {secretary or '(chưa ghi)'}, phó bí thư {deputy or '(chưa ghi)'}.")
    return 0


def cmd_signers_list(args) -> int:
    from tayninh_desktop.services import documents_context, organisation

    db = open_db(args)
    units = [organisation.require_home(db), *organisation.cells(db)]
    rows = [(u, *documents_context.signers(db, u.id)) for u in units]
    emit(args, {"ok": True, "units": [{"code": u.code, "name": u.name, "secretary": s, "deputy": d}
                                      for u, s, d in rows]},
         [f"{u.code:<8} {u.name}: bí thư {s or '(chưa ghi)'}; phó bí thư {d or '(chưa ghi)'}" for u, s, d in rows])
    return 0


def cmd_terms_add(args) -> int:
    from tayninh_desktop.services import documents_numbering

    closed = date_option(args.closed, "--closed", required=True)
    db = open_db(args)
    documents_numbering.add_congress(db, actor(args), closed, args.label)
    emit(args, {"ok": True, "closed_on": closed.isoformat()},
         f"Đã ghi đại hội bế mạc ngày {format_vn_date(closed)}; nhiệm kỳ mới tính từ ngày hôm sau.")
    return 0


def cmd_terms_list(args) -> int:
    from tayninh_desktop.services import documents_numbering

    db = open_db(args)
    items = documents_numbering.congresses(db)
    emit(args, {"ok": True, "congresses": [{"closed_on": c.closed_on.isoformat(), "label": c.label} for c in items]},
         [f"Bế mạc {format_vn_date(c.closed_on)}  {c.label}" for c in items]
         + [f"Tổng số: {len(items)} đại hội." if items else "Chưa ghi đại hội nào: chưa cấp số văn bản được."])
    return 0


def cmd_terms_remove(args) -> int:
    from tayninh_desktop.services import documents_numbering

    closed = date_option(args.closed, "--closed", required=True)
    db = open_db(args)
    documents_numbering.remove_congress(db, actor(args), closed)
    emit(args, {"ok": True, "closed_on": closed.isoformat()}, f"Đã xóa đại hội bế mạc ngày {format_vn_date(closed)}.")
    return 0
