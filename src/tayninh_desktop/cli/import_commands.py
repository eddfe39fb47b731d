"""Commands for lists in Excel: ``members import``, ``members export`` and ``crosscheck``."""

from __future__ import annotations

import argparse
import re
from dataclasses import replace

from tayninh_desktop.cli.output import REFUSED, Usage, actor, date_option, emit, open_db
from tayninh_desktop.cli.register_commands import GROUPS
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.messages import field_label, render
from tayninh_desktop.domain.messages_import import CROSSCHECK_LABELS, ROW_STATUS_LABELS, TARGET_LABELS


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    members = GROUPS["members"]
    p = members.add_parser("import", parents=[common], help="nhập danh sách đảng viên từ tệp Excel (.xlsx, .xls)")
    p.add_argument("file", metavar="TỆP", help="tệp .xlsx hoặc .xls")
    p.add_argument("--dry-run", action="store_true", help="chạy thử: chỉ báo cáo từng dòng, không ghi gì")
    p.add_argument("--cell", metavar="MÃ", help="chi bộ nhận đảng viên mới khi tệp không có cột chi bộ")
    p.add_argument("--report", metavar="TỆP.xlsx", help="lưu báo cáo: bản sao tệp với cột kết quả")
    p.add_argument("--create-cells", action="store_true",
                   help="tạo các chi bộ có tên trong tệp mà sổ chưa có (cùng một lần ghi với danh sách)")
    p.add_argument("--accept-valid", action="store_true",
                   help="chỉ nhập các dòng hợp lệ, bỏ qua dòng bị từ chối hoặc chờ quyết định")
    p.add_argument("--sheet", metavar="TÊN", help="tên trang (mặc định: trang đầu tiên có bảng đảng viên)")
    p.add_argument("--map", action="append", default=[], metavar="CỘT=TRƯỜNG",
                   help="gán lại một cột, ví dụ C=birth_date hoặc 3=ignore (lặp lại được)")
    p.add_argument("--remember", action="store_true", help="ghi nhớ cách gán cột cho lần sau")
    p.add_argument("--decide", action="append", default=[], metavar="DÒNG=QUYẾT_ĐỊNH",
                   help="quyết định cho một dòng chờ quyết định: DÒNG=new (thêm mới), DÒNG=skip (bỏ qua) hoặc"
                        " DÒNG=MÃ_ĐẢNG_VIÊN (là đảng viên này trong sổ); lặp lại được")
    p.set_defaults(handler=cmd_import)

    p = members.add_parser("export", parents=[common], help="xuất danh sách đảng viên ra tệp .xlsx")
    p.add_argument("file", metavar="TỆP.xlsx")
    p.add_argument("--cell", metavar="MÃ", help="chỉ một chi bộ")
    p.add_argument("--layout", choices=("mau7", "flat"), default="mau7",
                   help="mau7: Mẫu 7-HSĐV (mặc định); flat: danh sách một dòng mỗi người")
    p.add_argument("--on", metavar="NGÀY", help="danh sách vào ngày (dd/mm/yyyy; mặc định hôm nay)")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("crosscheck", parents=[common], help="đối chiếu danh sách của chi bộ (tệp Excel) với sổ")
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--cell", metavar="MÃ", required=True, help="mã chi bộ")
    p.add_argument("--on", metavar="NGÀY", help="đối chiếu với sổ vào ngày (dd/mm/yyyy; mặc định hôm nay)")
    p.add_argument("--report", metavar="TỆP.xlsx", help="lưu kết quả đối chiếu ra tệp .xlsx")
    p.add_argument("--pdf", metavar="TỆP.pdf", help="in biên bản đối chiếu danh sách đảng viên ra tệp PDF")
    p.add_argument("--sheet", metavar="TÊN", help="tên trang (mặc định: trang đầu tiên có bảng đảng viên)")
    p.set_defaults(handler=cmd_crosscheck)


def _date(text: str | None):
    return date_option(text, "--on")


def _cell_id(db, code: str | None) -> str | None:
    from tayninh_desktop.services import organisation

    return organisation.cell_by_code(db, code).id if code else None


def parse_map(items: list[str]) -> dict[int, str]:
    """ "C=birth_date" or "3=birth_date" (1-based) → {2: "birth_date"}."""
    from tayninh_desktop.domain.errors import DomainError
    from tayninh_desktop.domain.import_headers import TARGETS

    out: dict[int, str] = {}
    for item in items:
        match = re.fullmatch(r"\s*([A-Za-z]{1,3}|\d{1,3})\s*=\s*(\w+)\s*", item)
        if not match or match[2] not in TARGETS:
            raise DomainError("import_bad_mapping", value=item)
        column = match[1]
        index = int(column) - 1 if column.isdigit() else _letters_index(column.upper())
        out[index] = match[2]
    return out


def parse_decisions(items: list[str]) -> dict[int, str]:
    """ "12=new", "13=skip", "14=<member id>" → {12: "new", 13: "skip", 14: "<member id>"}."""
    out: dict[int, str] = {}
    for item in items:
        match = re.fullmatch(r"\s*(\d{1,7})\s*=\s*(\S+)\s*", item)
        if not match:
            raise Usage(f"--decide «{item}»: viết dạng DÒNG=new, DÒNG=skip hoặc DÒNG=MÃ_ĐẢNG_VIÊN")
        out[int(match[1])] = match[2]
    return out


def _letters_index(letters: str) -> int:
    value = 0
    for ch in letters:
        value = value * 26 + ord(ch) - 64
    return value - 1


def cmd_import(args) -> int:
    from tayninh_desktop.domain.import_headers import column_letter
    from tayninh_desktop.services import importing

    db = open_db(args)
    who = actor(args)
    cell_id = _cell_id(db, args.cell)
    source = importing.open_source(db, args.file, sheet=args.sheet)
    if args.map:
        source = replace(source, mapping={**source.mapping, **parse_map(args.map)}, remembered=False)
    if args.remember:
        importing.remember_mapping(db, who, source, source.mapping)
    plan = importing.plan_import(db, source, cell_id=cell_id, create_cells=args.create_cells)
    decisions = parse_decisions(args.decide)
    if decisions:
        plan = importing.apply_decisions(db, plan, decisions)
    if args.report:
        importing.save_report(plan, args.report)
    result = importing.ImportResult(plan, False)
    if not args.dry_run and (not plan.blocked or args.accept_valid):
        result = importing.apply_import(db, who, plan, accept_valid=args.accept_valid)
        plan = result.plan
    counts = plan.counts
    payload = {
        "ok": result.applied or (args.dry_run and not plan.blocked), "dry_run": args.dry_run,
        "applied": result.applied, "file": source.file_name, "sheet": source.sheet, "kind": source.kind,
        "header_row": source.header.first_row + 1, "remembered_mapping": source.remembered,
        "mapping": {column_letter(c): t for c, t in sorted(source.mapping.items())}, "counts": counts,
        "added_ids": list(result.added), "updated_ids": list(result.updated),
        "rows": [_row_json(o) for o in plan.outcomes],
        "new_cells": [{"code": c.code, "name": c.name, "rows": list(c.rows)} for c in plan.cells_to_create()],
        "created_cell_ids": list(result.created_cells),
    }
    lines = [f"Tệp «{source.file_name}», trang «{source.sheet}», tiêu đề ở dòng {source.header.first_row + 1}."]
    lines.append("Gán cột: " + "; ".join(f"{column_letter(c)} → {TARGET_LABELS.get(t, t)}"
                                          for c, t in sorted(source.mapping.items()) if t != "ignore"))
    for sample in source.conversions(5):
        lines.append(f"Chuyển mã {sample[0].upper()}: «{sample[1]}» → «{sample[2]}»")
    for o in plan.outcomes:
        detail = importing.outcome_detail(o)
        lines.append(f"Dòng {o.first_row:>5}  {ROW_STATUS_LABELS[o.status.value]:<15} {o.full_name}"
                     + (f"\n             {detail}" if detail else ""))
        if o.status.value == "held":
            lines.extend(_held_choices(o))
    for cell in plan.cells_to_create():
        verb = "Đã tạo" if result.applied else "Sẽ tạo"
        lines.append(f"{verb} chi bộ mới: {cell.name} (mã {cell.code}), dòng "
                     + ", ".join(str(r) for r in cell.rows) + ".")
    lines.append("Tổng: " + ", ".join(f"{counts[k]} {ROW_STATUS_LABELS[k].lower()}" for k in counts) + ".")
    if args.report:
        lines.append(f"Đã lưu báo cáo: {args.report}")
    if result.applied:
        lines.append(f"Đã ghi vào sổ: thêm {len(result.added)}, cập nhật {len(result.updated)} đảng viên.")
    elif args.dry_run:
        lines.append("Chạy thử: chưa ghi gì vào sổ.")
    else:
        message = render("import_rows_refused", {"refused": counts["refused"], "held": counts["held"]})
        payload["message"] = message
        hint = " Dùng --decide DÒNG=… cho các dòng chờ quyết định," if counts["held"] else ""
        lines.append(message + hint + " hoặc --accept-valid để chỉ nhập các dòng hợp lệ.")
    emit(args, payload, lines)
    return 0 if payload["ok"] else REFUSED


def _held_choices(o) -> list[str]:
    out = [f"             Có thể là: --decide {o.first_row}={c.member_id}  ({_candidate_text(c)})" for c in o.candidates]
    new = "thêm mới" if o.cell_id else "thêm mới (cần --cell)"
    out.append(f"             Hoặc: --decide {o.first_row}=new ({new}), --decide {o.first_row}=skip (bỏ qua)")
    return out


def _candidate_text(c) -> str:
    parts = [c.full_name, f"sinh {c.birth}", c.cell_name or "chưa xếp chi bộ",
             f"CCCD {c.cccd}" if c.cccd else "chưa có CCCD"]
    return ", ".join(parts)


def _row_json(o) -> dict:
    return {"row": o.first_row, "rows": list(o.rows), "status": o.status.value, "full_name": o.full_name,
            "member_id": o.member_id, "decision": o.decision,
            "candidates": [{"member_id": c.member_id, "full_name": c.full_name, "birth": c.birth, "cell": c.cell_name,
                            "cccd": c.cccd, "card_number": c.card_number} for c in o.candidates],
            "issues": [{"field": i.field, "column": i.column, "message": i.message} for i in o.issues],
            "diffs": [{"field": d.field, "label": field_label(d.field), "before": d.before, "after": d.after}
                      for d in o.diffs],
            "conversions": [{"field": f, "before": b, "after": a} for f, b, a in o.conversions]}


def cmd_export(args) -> int:
    from tayninh_desktop.services import exporting

    db = open_db(args)
    result = exporting.export_members(db, actor(args), args.file, cell_id=_cell_id(db, args.cell), layout=args.layout,
                                      on=_date(args.on))
    emit(args, {"ok": True, "file": str(result.path), "count": result.count, "layout": args.layout},
         f"Đã xuất {result.count} đảng viên ra {result.path} ({'Mẫu 7-HSĐV' if args.layout == 'mau7' else 'danh sách'}).")
    return 0


def cmd_crosscheck(args) -> int:
    from tayninh_desktop.services import crosscheck

    db = open_db(args)
    result = crosscheck.crosscheck_file(db, args.file, cell_id=_cell_id(db, args.cell), on=_date(args.on),
                                        sheet=args.sheet)
    if args.report:
        crosscheck.save_report(result, args.report)
    if args.pdf:
        from tayninh_desktop.services.crosscheck_document import print_crosscheck

        print_crosscheck(db, actor(args), result, args.pdf)
    counts = result.counts
    payload = {"ok": result.agrees, "cell": result.cell_name, "on": result.on.isoformat(), "counts": counts,
               "lines": [{"status": line.status, "row": line.row, "full_name": line.full_name,
                          "member_id": line.member_id, "details": list(line.details)} for line in result.lines]}
    text = [f"Đối chiếu danh sách «{result.file_name}» với sổ: {result.cell_name}, ngày {format_vn_date(result.on)}."]
    for line in result.lines:
        if line.status == "same":
            continue
        where = f"dòng {line.row}" if line.row else "trong sổ"
        text.append(f"  {CROSSCHECK_LABELS[line.status]:<24} {line.full_name} ({where})"
                    + "".join(f"\n      {d}" for d in line.details))
    text.append("Tổng: " + ", ".join(f"{counts[k]} {CROSSCHECK_LABELS[k].lower()}" for k in counts) + ".")
    text.append("Kết quả: KHỚP." if result.agrees else "Kết quả: CÓ CHÊNH LỆCH.")
    if args.report:
        text.append(f"Đã lưu kết quả đối chiếu: {args.report}")
    if args.pdf:
        text.append(f"Đã in biên bản đối chiếu: {args.pdf}")
        payload["pdf"] = args.pdf
    emit(args, payload, text)
    return 0 if result.agrees else REFUSED
