"""Commands of returns to the superior and of key cards: ``keys show|export|import``, ``returns check|export|
reopen|import|receipt|status|expect|allotment|report|remind|drives``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tayninh_desktop.cli.output import REFUSED, actor, date_option, emit, open_db
from tayninh_desktop.cli.returns_board_commands import (
    cmd_allotment_list,
    cmd_allotment_set,
    cmd_expect,
    cmd_import,
    cmd_remind,
    cmd_report,
    cmd_status,
)

PERIOD_HELP = ("kỳ báo cáo: năm «2026», 6 tháng «2026-H1» / «2026-H2», quý «2026-Q1» … «2026-Q4», "
               "tháng «2026-06» hoặc «06/2026»")
ROLES = {"cap-tren": "superior", "cap-duoi": "subordinate"}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    keys = sub.add_parser("keys", help="thẻ khóa gửi, nhận báo cáo (đối chiếu dấu vân tay)").add_subparsers(
        dest="keys_command", metavar="LỆNH")
    p = keys.add_parser("show", parents=[common], help="dấu vân tay khóa của đơn vị và các thẻ khóa đã nhập")
    p.set_defaults(handler=cmd_keys_show)
    p = keys.add_parser("export", parents=[common], help="ghi thẻ khóa của đơn vị ra tệp (và in bản đối chiếu)")
    p.add_argument("--out", required=True, metavar="TỆP", help="tệp thẻ khóa (.tnkey) hoặc thư mục (USB)")
    p.add_argument("--pdf", metavar="TỆP.pdf", help="in thẻ khóa có dấu vân tay để đối chiếu")
    p.set_defaults(handler=cmd_keys_export)
    p = keys.add_parser("import", parents=[common],
                        help="nhập thẻ khóa của cấp trên hoặc đơn vị cấp dưới sau khi đối chiếu dấu vân tay")
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--role", choices=tuple(ROLES), help="thẻ của cấp trên hay cấp dưới (mặc định: tự nhận theo mã, "
                   "tên cấp trên trong cơ cấu tổ chức)")
    p.add_argument("--fingerprint", metavar="SỐ", help="dấu vân tay đọc được qua điện thoại hoặc trên bản in")
    p.add_argument("--yes", action="store_true", help="đã đối chiếu dấu vân tay in ra, nhập luôn")
    p.set_defaults(handler=cmd_keys_import)

    returns = sub.add_parser("returns", help="báo cáo định kỳ gửi cấp trên qua USB").add_subparsers(
        dest="returns_command", metavar="LỆNH")
    _register_sending(returns, common)
    _register_receiving(returns, common)

    p = sub.add_parser("demo-returns", parents=[common],
                       help="tạo sổ mẫu của tỉnh ủy và báo cáo của 96 xã, phường (mỗi đơn vị có khóa riêng)")
    p.add_argument("--to", required=True, metavar="THƯ_MỤC", help="thư mục tạo sổ tỉnh ủy, thẻ khóa và USB mẫu")
    p.add_argument("--units", type=int, default=96, help="số đơn vị gửi báo cáo (mặc định 96)")
    p.add_argument("--members", type=int, default=300, help="cỡ sổ mẫu dùng lập báo cáo (mặc định 300 đảng viên)")
    p.add_argument("--period", default="2026", help=PERIOD_HELP + " (mặc định 2026)")
    p.add_argument("--missing", type=int, default=3, help="số đơn vị không gửi báo cáo (mặc định 3)")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--today", help="ngày lập (dd/mm/yyyy)")
    p.set_defaults(handler=cmd_demo_returns)


def _register_sending(returns: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = returns.add_parser("check", parents=[common],
                           help="kiểm tra số liệu của kỳ như cấp trên sẽ kiểm tra (lỗi, cảnh báo cần giải trình)")
    p.add_argument("--period", required=True, help=PERIOD_HELP)
    p.add_argument("--today", help="tính đến ngày (dd/mm/yyyy)")
    p.set_defaults(handler=cmd_check)
    p = returns.add_parser("export", parents=[common], help="lập, mã hóa, ký và ghi báo cáo của kỳ ra USB")
    p.add_argument("--period", required=True, help=PERIOD_HELP)
    p.add_argument("--to", required=True, metavar="THƯ_MỤC", help="thư mục nhận tệp (USB)")
    p.add_argument("--explain", nargs=2, action="append", default=[], metavar=("MÃ", "LỜI_GIẢI_TRÌNH"),
                   help="giải trình một cảnh báo (mã do «returns check» in ra); lặp lại cho mỗi cảnh báo")
    p.add_argument("--explanations", metavar="TỆP", help="tệp giải trình, mỗi dòng «MÃ = lời giải trình»")
    p.add_argument("--snapshot", action="store_true", help="gửi kèm toàn bộ sổ đảng viên (để cấp trên hợp nhất)")
    p.add_argument("--consolidated", action="store_true",
                   help="gửi báo cáo tổng hợp các báo cáo đã nhận của đơn vị cấp dưới")
    p.add_argument("--today", help="tính đến ngày (dd/mm/yyyy)")
    p.set_defaults(handler=cmd_export)
    p = returns.add_parser("reopen", parents=[common], help="mở lại kỳ đã gửi (ghi lý do); lần gửi sau là lần mới")
    p.add_argument("--period", required=True, help=PERIOD_HELP)
    p.add_argument("--reason", required=True, help="lý do mở lại")
    p.set_defaults(handler=cmd_reopen)
    receipt = returns.add_parser("receipt", help="giấy biên nhận của cấp trên").add_subparsers(
        dest="receipt_command", metavar="LỆNH")
    p = receipt.add_parser("import", parents=[common], help="ghi nhận giấy biên nhận (tệp .tnbn hoặc thư mục USB)")
    p.add_argument("file", metavar="TỆP_HOẶC_THƯ_MỤC")
    p.set_defaults(handler=cmd_receipt_import)
    p = returns.add_parser("drives", parents=[common], help="các USB đang cắm vào máy (tên, dung lượng còn trống)")
    p.set_defaults(handler=cmd_drives)


def _register_receiving(returns: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = returns.add_parser("import", parents=[common], help="nhận báo cáo của đơn vị cấp dưới (một tệp hoặc cả USB)")
    p.add_argument("file", metavar="TỆP_HOẶC_THƯ_MỤC")
    p.add_argument("--no-receipt", action="store_true", help="không ghi giấy biên nhận ra USB")
    p.set_defaults(handler=cmd_import)
    p = returns.add_parser("status", parents=[common],
                           help="tình hình gửi báo cáo (đơn vị) và nhận báo cáo từng đơn vị × kỳ (cấp trên)")
    p.add_argument("--period", help=PERIOD_HELP)
    p.add_argument("--owed", action="store_true", help="chỉ các đơn vị chưa nộp hoặc bị từ chối")
    p.add_argument("--today", help="tính đến ngày (dd/mm/yyyy)")
    p.set_defaults(handler=cmd_status)
    p = returns.add_parser("expect", parents=[common], help="yêu cầu báo cáo một kỳ, với hạn nộp")
    p.add_argument("--period", required=True, help=PERIOD_HELP)
    p.add_argument("--deadline", help="hạn nộp dd/mm/yyyy (mặc định: theo quy định)")
    p.add_argument("--doc", default="", metavar="SỐ", help="số công văn yêu cầu báo cáo")
    p.set_defaults(handler=cmd_expect)
    allot = returns.add_parser("allotment", help="số xóa tên, xin ra khỏi Đảng phân bổ cho từng đơn vị (Đề án 03)")
    allot_sub = allot.add_subparsers(dest="allotment_command", metavar="LỆNH")
    p = allot_sub.add_parser("set", parents=[common], help="ghi số được phân bổ của một đơn vị trong một năm (cùng"
                             " một sổ với «allotment set --unit MÃ»)")
    p.add_argument("--unit", required=True, metavar="MÃ", help="mã đơn vị trong cơ cấu tổ chức")
    p.add_argument("--year", type=int, required=True, metavar="NĂM")
    p.add_argument("--count", type=int, required=True, metavar="SỐ")
    p.add_argument("--doc", required=True, metavar="SỐ", help="số văn bản phân bổ")
    p.add_argument("--doc-date", metavar="NGÀY", help="ngày văn bản phân bổ")
    p.set_defaults(handler=cmd_allotment_set)
    p = allot_sub.add_parser("list", parents=[common], help="số được phân bổ của một năm")
    p.add_argument("--year", type=int, required=True, metavar="NĂM")
    p.set_defaults(handler=cmd_allotment_list)
    p = returns.add_parser("report", parents=[common], help="báo cáo tổng hợp các báo cáo đã nhận của một kỳ")
    p.add_argument("--period", required=True, help=PERIOD_HELP)
    p.add_argument("--out", metavar="TỆP.pdf", help="in báo cáo tổng hợp (khung văn bản của Đảng, có biểu đồ)")
    p.add_argument("--issue", action="store_true",
                   help="ban hành: lấy số văn bản và vào sổ đăng ký (không có thì in bản dự thảo)")
    p.add_argument("--today", help="tính đến ngày (dd/mm/yyyy)")
    p.set_defaults(handler=cmd_report)
    p = returns.add_parser("remind", parents=[common], help="in công văn đôn đốc mọi đơn vị chưa nộp báo cáo của kỳ"
                           " (mỗi công văn một số trong sổ đăng ký văn bản)")
    p.add_argument("--period", required=True, help=PERIOD_HELP)
    p.add_argument("--out", required=True, metavar="TỆP.pdf")
    p.add_argument("--draft", action="store_true", help="in dự thảo (có dấu «DỰ THẢO»), không cấp số, không vào sổ")
    p.add_argument("--today", help="tính đến ngày (dd/mm/yyyy)")
    p.set_defaults(handler=cmd_remind)


# --- keys ----------------------------------------------------------------------------------------------------

def cmd_keys_show(args) -> int:
    from tayninh_desktop.domain.messages_returns import ROLE_LABELS
    from tayninh_desktop.services import returns_keys

    db = open_db(args)
    returns_keys.ensure_own_keys(db, actor(args))
    keys = returns_keys.known_keys(db)
    emit(args, {"ok": True, "keys": [{"role": k.role.value, "code": k.unit_code, "name": k.unit_name,
                                      "fingerprint": k.fingerprint_text} for k in keys]},
         [f"{ROLE_LABELS[k.role.value]:<16} {k.unit_code:<10} {k.unit_name:<36} {k.fingerprint_text}" for k in keys])
    return 0


def cmd_keys_export(args) -> int:
    from tayninh_desktop.services import documents, returns_keys

    db = open_db(args)
    key = returns_keys.export_card(db, actor(args), args.out)
    lines = [f"Đã ghi thẻ khóa vào {args.out}.", f"Dấu vân tay: {key.fingerprint_text}"]
    if args.pdf:
        documents.print_form(db, actor(args), "the_khoa", Path(args.pdf), documents.PrintRequest(issue=False))
        lines.append(f"Đã in thẻ khóa vào {args.pdf}.")
    emit(args, {"ok": True, "file": args.out, "fingerprint": key.fingerprint_text, "pdf": args.pdf}, lines)
    return 0


def cmd_keys_import(args) -> int:
    from tayninh_desktop.domain.errors import DomainError
    from tayninh_desktop.domain.returns import Role
    from tayninh_desktop.services import returns_keys

    db = open_db(args)
    card = returns_keys.read_card(args.file)
    confirmed = args.fingerprint or (card.fingerprint if args.yes else None)
    if confirmed is None and sys.stdin.isatty() and not args.json:
        print(f"Thẻ khóa của {card.unit_name} (mã {card.unit_code}).\nDấu vân tay: {card.fingerprint_text}")
        answer = input("Đã đối chiếu, cả sáu nhóm số khớp? Gõ lại dấu vân tay (hoặc «co» nếu khớp): ").strip()
        confirmed = card.fingerprint if answer.lower() in ("co", "có", "c") else answer
    if confirmed is None:
        raise DomainError("return_card_needs_confirm", unit=card.unit_name, unit_code=card.unit_code,
                          fingerprint=card.fingerprint_text)
    role = Role(ROLES[args.role]) if args.role else None
    key, _ = returns_keys.import_card(db, actor(args), args.file, confirmed=confirmed, role=role)
    from tayninh_desktop.domain.messages_returns import ROLE_LABELS

    emit(args, {"ok": True, "code": key.unit_code, "name": key.unit_name, "role": key.role.value,
                "fingerprint": key.fingerprint_text},
         f"Đã nhập thẻ khóa của {key.unit_name} (mã {key.unit_code}, {ROLE_LABELS[key.role.value].lower()}); "
         f"dấu vân tay {key.fingerprint_text}.")
    return 0


# --- sending ---------------------------------------------------------------------------------------------------

def cmd_check(args) -> int:
    from tayninh_desktop.services import returns_payload

    db = open_db(args)
    prepared = returns_payload.prepare(db, args.period, today=date_option(args.today, "--today"))
    lines = [f"Kỳ {prepared.period_label} (từ {prepared.start:%d/%m/%Y} đến {prepared.end:%d/%m/%Y})."]
    lines += [f"  LỖI: {f.message}" for f in prepared.check.errors]
    lines += [f"  Cảnh báo [{key}]: {f.message}" for key, f in prepared.warnings()]
    if not prepared.check.errors:
        lines.append("Không có lỗi." + (" Mỗi cảnh báo cần lời giải trình khi gửi (--explain MÃ \"…\")."
                                        if prepared.warning_keys else " Có thể gửi báo cáo."))
    emit(args, {"ok": prepared.check.ok, "period": prepared.period, "errors": [f.as_dict() for f in prepared.check.errors],
                "warnings": [{**f.as_dict(), "key": k} for k, f in prepared.warnings()]}, lines)
    return 0 if prepared.check.ok else REFUSED


def _explanations(args) -> dict[str, str]:
    from tayninh_desktop.domain.errors import DomainError

    found = {}
    if args.explanations:
        try:
            text = Path(args.explanations).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DomainError("file_error", path=args.explanations, reason=str(getattr(exc, "strerror", "")) or
                              "không đọc được") from exc
        for line in text.splitlines():
            if "=" in line and not line.lstrip().startswith("#"):
                key, value = line.split("=", 1)
                found[key.strip()] = value.strip()
    found.update({key: value for key, value in args.explain})
    return found


def cmd_export(args) -> int:
    from tayninh_desktop.services import returns_consolidate, returns_send

    db = open_db(args)
    today = date_option(args.today, "--today")
    if args.consolidated:
        result, _ = returns_consolidate.export_consolidated(db, actor(args), args.period, args.to,
                                                            explanations=_explanations(args), today=today)
    else:
        result, _ = returns_send.export_return(db, actor(args), args.period, args.to, explanations=_explanations(args),
                                               with_snapshot=args.snapshot, today=today)
    emit(args, {"ok": True, "file": str(result.path), "period": result.period, "revision": result.revision,
                "kind": result.kind, "receiver": result.receiver, "sha256": result.sha256, "size": result.size,
                "explained_warnings": result.warnings, "changes": result.changes,
                "snapshot_members": result.snapshot_members, "safe_to_remove": result.safe_to_remove},
         [(f"Đã ghi báo cáo kỳ {result.period} (lần {result.revision}) gửi {result.receiver} vào {result.path} "
           f"({result.size // 1024 + 1} KB); đã đọc lại và kiểm tra: khớp."),
          f"Kỳ {result.period} đã khóa. Có thể rút USB."])
    return 0


def cmd_reopen(args) -> int:
    from tayninh_desktop.services import returns_send

    db = open_db(args)
    returns_send.reopen_period(db, actor(args), args.period, args.reason)
    emit(args, {"ok": True, "period": args.period}, f"Đã mở lại kỳ {args.period}; lần gửi sau là lần mới.")
    return 0


def cmd_receipt_import(args) -> int:
    from tayninh_desktop.domain.messages_returns import RECEIPT_LABELS
    from tayninh_desktop.services import returns_receive

    db = open_db(args)
    outcomes = [returns_receive.import_receipt(db, actor(args), p)[0] for p in returns_receive.receipt_files(args.file)]
    emit(args, {"ok": True, "receipts": [o.__dict__ for o in outcomes]},
         [f"{o.file}: kỳ {o.period} lần {o.revision}: {RECEIPT_LABELS[o.outcome].lower()}"
          + (f" ({o.reason})" if o.reason else "") + ("" if o.changed else " (đã ghi nhận trước đây)")
          for o in outcomes] or ["Không có giấy biên nhận nào."])
    return 0


def cmd_drives(args) -> int:
    from tayninh_desktop.services import usb_drives

    found = usb_drives.removable_drives()
    emit(args, {"ok": True, "drives": [d.as_dict() for d in found]},
         [f"{d.label:<24} {d.path:<36} còn trống {d.free_text}" for d in found] or
         ["Không thấy USB nào đang cắm vào máy."])
    return 0



def cmd_demo_returns(args) -> int:
    from tayninh_desktop.domain.errors import DomainError
    from tayninh_desktop.services import demo_returns

    if not 1 <= args.units <= len(demo_returns.WARDS) + len(demo_returns.COMMUNES):
        raise DomainError("bad_count", field="units", value=args.units, low=1,
                          high=len(demo_returns.WARDS) + len(demo_returns.COMMUNES))
    folder = Path(args.to)
    if (folder / "tinh-uy.sqlite3").exists():
        raise DomainError("db_exists", path=str(folder / "tinh-uy.sqlite3"))
    result = demo_returns.generate(folder, actor(args), units=args.units, members=args.members, period=args.period,
                                   seed=args.seed, today=date_option(args.today, "--today"), missing=args.missing)
    emit(args, {"ok": True, "superior": str(result.superior), "usb": str(result.folder), "cards": str(result.cards),
                "units": result.units, "sent": result.sent, "period": result.period, "over": list(result.over)},
         [f"Đã tạo sổ tỉnh ủy {result.superior} với thẻ khóa của {result.units} đơn vị ({result.cards}).",
          (f"{result.sent} báo cáo kỳ {result.period} trong {result.folder}; nhận bằng lệnh: "
           f"returns import --db {result.superior} {result.folder}"),
          "Đơn vị vượt số được phân bổ: " + (", ".join(result.over) or "không có") + "."])
    return 0
