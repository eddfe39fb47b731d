"""Commands of the register: init, demo, members, cells, check."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date

from tayninh_desktop.cli.output import (
    REFUSED,
    actor,
    building_new,
    db_path,
    emit,
    emit_json_list,
    open_db,
    register_key,
    write_lines,
)
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.messages_register import STATUS_LABELS
from tayninh_desktop.domain.org import UnitType

# Sub-command groups other modules add to (e.g. ``members import`` from import_commands).
GROUPS: dict[str, argparse._SubParsersAction] = {}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", parents=[common], help="tạo đảng bộ (đảng ủy xã/phường) của máy này")
    p.add_argument("--commune", help="tên hoặc mã xã/phường của tỉnh Tây Ninh (danh sách 96 đơn vị từ 01/7/2025), "
                                     "ví dụ «Hưng Thuận» hoặc 25711: điền sẵn tên đảng ủy, mã, địa danh, cấp trên")
    p.add_argument("--unit-code", help="mã đảng bộ, ví dụ HT (mặc định với --commune: mã đơn vị hành chính)")
    p.add_argument("--unit-name", help="tên đảng ủy, ví dụ «Đảng ủy xã Hưng Thuận»")
    p.add_argument("--superior-name", help="cấp ủy cấp trên, ví dụ «Tỉnh ủy Tây Ninh»")
    p.add_argument("--superior-code", help="mã cấp trên")
    p.add_argument("--place", help="địa danh ghi trên văn bản, ví dụ «Hưng Thuận»")
    p.add_argument("--level", choices=tuple(LEVELS), default="xa",
                   help="cấp của đơn vị: xa (đảng ủy xã/phường, mặc định), huyen (huyện ủy, trước 01/7/2025), "
                        "tinh (tỉnh ủy: chỉ nhận, tổng hợp báo cáo, có thể không giữ sổ đảng viên)")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", parents=[common],
                       help="tạo sổ mẫu với dữ liệu giả lập (mặc định trong tệp riêng so-mau.sqlite3 của thư mục "
                            "dữ liệu, không bao giờ trong tệp sổ thật)")
    p.add_argument("--members", type=int, default=1200, help="số đảng viên (mặc định 1200)")
    p.add_argument("--cells", type=int, help="số chi bộ")
    p.add_argument("--years", type=int, default=3, help="số năm sinh hoạt đảng")
    p.add_argument("--seed", type=int, default=2026)
    p.set_defaults(handler=cmd_demo)

    members = sub.add_parser("members", help="sổ đảng viên").add_subparsers(dest="members_command", metavar="LỆNH")
    GROUPS["members"] = members
    p = members.add_parser("list", parents=[common], help="danh sách đảng viên theo thứ tự tên")
    p.add_argument("--search", default="", help="tìm theo tên, CCCD, số thẻ (không cần dấu)")
    p.add_argument("--cell", help="mã chi bộ")
    p.add_argument("--all", action="store_true", help="kể cả người đã ra khỏi sổ")
    p.set_defaults(handler=cmd_members_list)

    cells = sub.add_parser("cells", help="chi bộ").add_subparsers(dest="cells_command", metavar="LỆNH")
    p = cells.add_parser("list", parents=[common], help="danh sách chi bộ")
    p.set_defaults(handler=cmd_cells_list)
    p = cells.add_parser("add", parents=[common], help="thêm chi bộ")
    p.add_argument("--code", required=True)
    p.add_argument("--name", required=True)
    p.set_defaults(handler=cmd_cells_add)
    p = cells.add_parser("merge", parents=[common], help="hợp nhất chi bộ: đảng viên chuyển sang chi bộ nhận từ một ngày,"
                         " chi bộ bị hợp nhất thôi hoạt động")
    p.add_argument("--from", dest="sources", action="append", required=True, metavar="MÃ",
                   help="mã chi bộ bị hợp nhất (lặp lại cho mỗi chi bộ)")
    p.add_argument("--into", required=True, metavar="MÃ", help="mã chi bộ nhận")
    p.add_argument("--date", required=True, help="ngày hợp nhất dd/mm/yyyy")
    p.add_argument("--doc-number", default="", help="số quyết định hợp nhất")
    p.set_defaults(handler=cmd_cells_merge)

    units = sub.add_parser("units", help="cơ cấu tổ chức đảng").add_subparsers(dest="units_command", metavar="LỆNH")
    p = units.add_parser("tree", parents=[common], help="cây tổ chức (tại một ngày nếu có --on)")
    p.add_argument("--on", help="ngày dd/mm/yyyy")
    p.set_defaults(handler=cmd_units_tree)
    p = units.add_parser("add", parents=[common], help="thêm tổ chức đảng (cấp trên, đảng bộ bộ phận, chi bộ…)")
    p.add_argument("--code", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--type", required=True, choices=[t.value for t in UnitType], help="loại tổ chức")
    p.add_argument("--parent", help="mã tổ chức cấp trên (mặc định: đảng bộ của máy này)")
    p.set_defaults(handler=cmd_units_add)
    p = units.add_parser("move", parents=[common], help="đổi cấp trên trực thuộc từ một ngày")
    p.add_argument("--code", required=True)
    p.add_argument("--parent", required=True, help="mã cấp trên mới")
    p.add_argument("--from", dest="on", required=True, help="từ ngày dd/mm/yyyy")
    p.add_argument("--doc", default="", help="số văn bản")
    p.set_defaults(handler=cmd_units_move)
    p = units.add_parser("rename", parents=[common], help="đổi tên từ một ngày")
    p.add_argument("--code", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--from", dest="on", required=True, help="từ ngày dd/mm/yyyy")
    p.add_argument("--doc", default="", help="số văn bản")
    p.set_defaults(handler=cmd_units_rename)

    p = sub.add_parser("check", parents=[common], help="kiểm tra toàn vẹn dữ liệu và nhật ký")
    p.set_defaults(handler=cmd_check)


LEVELS = {"xa": UnitType.COMMUNE_COMMITTEE, "huyen": UnitType.DISTRICT_COMMITTEE, "tinh": UnitType.PROVINCE_COMMITTEE}


def cmd_init(args) -> int:
    from tayninh_desktop.services import organisation, returns_keys

    commune = _init_names(args)   # before the register file is made: a wrong name writes nothing
    db = open_db(args, create=True)
    unit_id = organisation.initialise(db, actor(args), unit_code=args.unit_code, unit_name=args.unit_name,
                                      superior_name=args.superior_name, superior_code=args.superior_code,
                                      place_name=args.place, unit_type=LEVELS[args.level])
    key, _ = returns_keys.ensure_own_keys(db, actor(args))
    emit(args, {"ok": True, "unit_id": unit_id, "db": str(db_path(args)), "fingerprint": key.fingerprint_text,
                "unit_code": args.unit_code, "unit_name": args.unit_name, "place": args.place,
                "commune_code": commune.code if commune else None},
         [f"Đã tạo {args.unit_name} (trực thuộc {args.superior_name}) trong {db_path(args)}.",
          f"Khóa gửi, nhận báo cáo: dấu vân tay {key.fingerprint_text}."])
    return 0


def _init_names(args):
    """Fill what ``--commune`` gives (the unit typed in an option wins); the commune picked, or None."""
    from tayninh_desktop.domain.errors import DomainError
    from tayninh_desktop.services import province_units

    commune = province_units.find(args.commune) if args.commune else None
    if commune is not None:
        args.unit_code = args.unit_code or commune.code
        args.unit_name = args.unit_name or commune.committee_name
        args.superior_name = args.superior_name or province_units.shipped().superior_name
        args.place = commune.place_name if args.place is None else args.place
    missing = [flag for flag, value in (("--unit-code", args.unit_code), ("--unit-name", args.unit_name),
                                        ("--superior-name", args.superior_name)) if not value]
    if missing:
        raise DomainError("commune_init_missing", missing=", ".join(missing))
    args.place = args.place or ""
    return commune


def cmd_demo(args) -> int:
    from tayninh_desktop.config import default_db_path, sample_db_path
    from tayninh_desktop.services import demo, sample_register

    if not args.db:   # the sample register has its own file, beside the real one
        args.db = str(sample_db_path())
    sample_register.check_sample_target(db_path(args), default_db_path())
    db = open_db(args, create=True)
    result = demo.generate(db, actor(args), members=args.members, cells=args.cells, years=args.years,
                           seed=args.seed, staged=building_new(args))
    emit(args, {"ok": True, **asdict(result), "db": str(db_path(args))},
         f"Đã tạo sổ mẫu: {result.members} đảng viên, {result.cells} chi bộ, {result.events} sự kiện"
         f" trong {db_path(args)}.")
    return 0


LIST_JSON_KEYS = ("id", "full_name", "gender", "birth_date", "cell", "status", "joined_on", "full_member_on",
                  "cccd", "card_number")


def cmd_members_list(args) -> int:
    from tayninh_desktop.domain.members import ACTIVE_STATUSES
    from tayninh_desktop.services import organisation, register

    db = open_db(args)
    organisation.require_home(db)
    cell_id = organisation.cell_by_code(db, args.cell).id if args.cell else None
    statuses = None if args.all else tuple(sorted(ACTIVE_STATUSES))
    rows = register.list_rows(db, search=args.search, cell_id=cell_id, statuses=statuses)
    if args.json:
        emit_json_list({"ok": True, "count": len(rows)}, "members", (dict(zip(LIST_JSON_KEYS, r)) for r in rows))
        return 0
    write_lines(f"{i:>5}. {r.full_name:<32} {_vn_date(r.birth_date):<10}  {r.cell_name:<32} {STATUS_LABELS[r.status]}"
                for i, r in enumerate(rows, start=1))
    print(f"Tổng số: {len(rows)} đảng viên.")
    return 0


def _vn_date(iso: str | None) -> str:
    return format_vn_date(date.fromisoformat(iso)) if iso else ""


def cmd_cells_list(args) -> int:
    from tayninh_desktop.services import organisation

    db = open_db(args)
    organisation.require_home(db)
    cells = organisation.cells(db, include_closed=True)
    emit(args, {"ok": True, "cells": [organisation.unit_as_dict(c) for c in cells]},
         [f"{c.code:<8} {c.name}" + (f" (thôi hoạt động từ {format_vn_date(c.valid_to)})" if c.valid_to else "")
          for c in cells])
    return 0


def cmd_cells_add(args) -> int:
    from tayninh_desktop.services import organisation

    db = open_db(args)
    organisation.require_home(db)
    unit_id, _ = organisation.create_unit(db, actor(args), code=args.code, name=args.name, unit_type=UnitType.CELL)
    emit(args, {"ok": True, "unit_id": unit_id}, f"Đã thêm {args.name} (mã {args.code}).")
    return 0


def cmd_cells_merge(args) -> int:
    from tayninh_desktop.cli.party_life_commands import _cell, _day
    from tayninh_desktop.services import register

    db = open_db(args)
    target = _cell(db, args.into)
    sources = [_cell(db, code) for code in args.sources]
    changes = register.merge_cells(db, actor(args), [c.id for c in sources], target.id, _day(args.date, "event_date"),
                                   doc_number=args.doc_number)
    emit(args, {"ok": True, "into": target.code, "merged": [c.code for c in sources],
                "members_moved": len(changes.member_ids)},
         f"Đã hợp nhất {', '.join(c.name for c in sources)} vào {target.name}: {len(changes.member_ids)} đảng viên"
         " chuyển sinh hoạt.")
    return 0


def cmd_check(args) -> int:
    from tayninh_desktop.domain.errors import DomainError
    from tayninh_desktop.domain.messages import render
    from tayninh_desktop.services.integrity import NOT_REGISTER, NOT_REGISTER_CODES, check_file

    try:
        report = check_file(db_path(args), key=register_key(args))
    except DomainError as error:
        if error.code not in NOT_REGISTER_CODES:
            raise
        emit(args, {"ok": False, "verdict": NOT_REGISTER, "error": error.code, "message": error.message},
             [error.message, "Kết quả: KHÔNG PHẢI SỔ ĐẢNG VIÊN."])
        return REFUSED
    good = "tốt"
    lines = [f"Toàn vẹn cơ sở dữ liệu: {good if not report.integrity else '; '.join(report.integrity)}"]
    if not report.integrity:
        lines += [f"Khóa ngoại: {good if not report.foreign_keys else '; '.join(report.foreign_keys)}",
                  f"Cấu trúc: {good if not report.schema else str(len(report.schema)) + ' lỗi'}"]
    if not (report.integrity or report.schema):
        lines.append(f"Nhật ký: {report.audit_rows} dòng, " + ("chuỗi băm nguyên vẹn." if not report.chain
                                                             else "có vấn đề."))
    if not (report.integrity or report.schema or report.pending_migrations):
        lines += [f"Chỉ mục tìm kiếm: {good if not report.search_index else '; '.join(report.search_index)}",
                  f"Dữ liệu so với nhật ký: {report.scopes} nhóm dòng, "
                  + (f"{len(report.rows)} nhóm không khớp." if report.rows else "khớp.")]
    lines += [f"  - {f.message}" for f in report.findings()]
    if report.pending_migrations:
        lines.append(render("schema_pending", {"names": ", ".join(report.pending_migrations)}))
    lines.append("Kết quả: ĐẠT." if report.ok else "Kết quả: KHÔNG ĐẠT. " + render("check_damaged"))
    emit(args, report.as_dict(), lines)
    return 0 if report.ok else REFUSED


def _date_arg(text: str, option: str):
    from tayninh_desktop.cli.output import date_option

    return date_option(text, option, required=True)


def _unit_by_code(db, code: str):
    from tayninh_desktop.domain.errors import DomainError
    from tayninh_desktop.services import organisation

    for unit, _depth in organisation.tree(db):
        if unit.code == code:
            return unit
    raise DomainError("unit_not_found", unit=code)


def cmd_units_tree(args) -> int:
    from tayninh_desktop.services import organisation

    db = open_db(args)
    organisation.require_home(db)
    on = _date_arg(args.on, "--on") if args.on else None
    rows = organisation.tree(db, on)
    names = {}
    if on is not None:
        for unit, _ in rows:
            version = next((v for v in organisation.unit_versions(db, unit.id) if v.covers(on)), None)
            names[unit.id] = version.name if version else unit.name
    emit(args, {"ok": True, "on": on, "units": [{**organisation.unit_as_dict(u), "depth": d,
                                                  "name_on_date": names.get(u.id, u.name)} for u, d in rows]},
         ["  " * d + f"{names.get(u.id, u.name)} [{u.code}]" for u, d in rows])
    return 0


def cmd_units_add(args) -> int:
    from tayninh_desktop.services import organisation

    db = open_db(args)
    organisation.require_home(db)
    parent = _unit_by_code(db, args.parent) if args.parent else None
    unit_id, _ = organisation.create_unit(db, actor(args), code=args.code, name=args.name,
                                          unit_type=UnitType(args.type), parent_id=parent.id if parent else None)
    emit(args, {"ok": True, "unit_id": unit_id}, f"Đã thêm {args.name} (mã {args.code}).")
    return 0


def cmd_units_move(args) -> int:
    from tayninh_desktop.services import organisation

    db = open_db(args)
    unit = _unit_by_code(db, args.code)
    parent = _unit_by_code(db, args.parent)
    on = _date_arg(args.on, "--from")
    organisation.move_unit(db, actor(args), unit.id, parent.id, on, doc_number=args.doc)
    emit(args, {"ok": True}, f"Từ ngày {format_vn_date(on)}, {unit.name} trực thuộc {parent.name}.")
    return 0


def cmd_units_rename(args) -> int:
    from tayninh_desktop.services import organisation

    db = open_db(args)
    unit = _unit_by_code(db, args.code)
    on = _date_arg(args.on, "--from")
    organisation.rename_unit(db, actor(args), unit.id, args.name, on, doc_number=args.doc)
    emit(args, {"ok": True}, f"Từ ngày {format_vn_date(on)}, {unit.name} đổi tên thành {args.name}.")
    return 0
