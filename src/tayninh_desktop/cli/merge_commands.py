"""Commands of merging communes into this one: ``merge plan|pairs|decide|apply|list``."""

from __future__ import annotations

import argparse

from tayninh_desktop.cli.output import actor, date_option, emit, open_db

DECISIONS = {"cung": "same", "khac": "different"}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    merge = sub.add_parser("merge", help="hợp nhất sổ đảng viên của các xã sáp nhập vào đảng bộ này").add_subparsers(
        dest="merge_command", metavar="LỆNH")
    p = merge.add_parser("plan", parents=[common], help="đọc sổ của đơn vị sáp nhập và tìm người có thể trùng")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--from", dest="register_file", metavar="TỆP", help="tệp sổ đảng viên của đơn vị sáp nhập")
    source.add_argument("--from-return", metavar="MÃ", help="toàn bộ sổ đơn vị đã gửi kèm báo cáo (cấp trên)")
    p.add_argument("--on", required=True, metavar="NGÀY", help="ngày hợp nhất dd/mm/yyyy, ví dụ 01/07/2025")
    p.set_defaults(handler=cmd_plan)
    p = merge.add_parser("pairs", parents=[common], help="các trường hợp có thể trùng của một đợt hợp nhất")
    p.add_argument("source", metavar="ĐỢT")
    p.set_defaults(handler=cmd_pairs)
    p = merge.add_parser("decide", parents=[common], help="quyết định một trường hợp: cùng một người hay hai người")
    p.add_argument("pair", metavar="CẶP")
    p.add_argument("decision", choices=tuple(DECISIONS), help="cung (cùng một người) hoặc khac (hai người)")
    p.set_defaults(handler=cmd_decide)
    p = merge.add_parser("apply", parents=[common], help="hợp nhất (khi mọi trường hợp đã được quyết định)")
    p.add_argument("source", metavar="ĐỢT")
    p.set_defaults(handler=cmd_apply)
    p = merge.add_parser("list", parents=[common], help="các đợt hợp nhất")
    p.set_defaults(handler=cmd_list)


def cmd_plan(args) -> int:
    from tayninh_desktop.services import unit_merge

    db = open_db(args)
    plan, _ = unit_merge.plan(db, actor(args), register_file=args.register_file, unit_code=args.from_return,
                              merged_on=date_option(args.on, "--on", required=True))
    emit(args, {"ok": True, "source": plan.source.id, "unit": plan.source.unit_code, "members": plan.members,
                "pairs": [p.__dict__ for p in plan.pairs]},
         [(f"Đợt hợp nhất {plan.source.id}: {plan.source.unit_name} ({plan.members} đảng viên), "
          f"{len(plan.pairs)} trường hợp có thể trùng cần quyết định (lệnh «merge pairs {plan.source.id}»).")])
    return 0


def _member_text(db, source_id: str | None, member_id: str) -> str:
    from tayninh_desktop.storage import merge_repo

    if source_id is None:
        row = db.execute("SELECT full_name, birth_date, cccd FROM members WHERE id = ?", [member_id]).fetchone()
        return f"{row[0]} ({row[1]}, CCCD {row[2] or '—'}) trong sổ này" if row else member_id
    found = next((m for m in merge_repo.snapshot(db, source_id).get("members", []) if m["id"] == member_id), None)
    return f"{found['full_name']} ({found['birth_date']}, CCCD {found['cccd'] or '—'})" if found else member_id


def cmd_pairs(args) -> int:
    from tayninh_desktop.domain.messages_returns import MATCH_LABELS
    from tayninh_desktop.storage import merge_repo

    db = open_db(args)
    pairs = merge_repo.pairs(db, args.source)
    emit(args, {"ok": True, "pairs": [p.__dict__ for p in pairs]},
         [f"{p.id}  trùng {MATCH_LABELS[p.matched_by]}: {_member_text(db, p.source_id, p.member)} ↔ "
          f"{_member_text(db, p.other_source_id, p.other)}  [{p.decision or 'chưa quyết định'}]" for p in pairs]
         or ["Không có trường hợp nào có thể trùng."])
    return 0


def cmd_decide(args) -> int:
    from tayninh_desktop.services import unit_merge

    db = open_db(args)
    unit_merge.decide(db, actor(args), args.pair, DECISIONS[args.decision])
    emit(args, {"ok": True}, "Đã ghi quyết định.")
    return 0


def cmd_apply(args) -> int:
    from tayninh_desktop.services import unit_merge

    db = open_db(args)
    changes = unit_merge.apply(db, actor(args), args.source)
    emit(args, {"ok": True, "members": len(changes.member_ids)},
         f"Đã hợp nhất: {len(changes.member_ids)} đảng viên được đưa vào sổ, mỗi người giữ nguyên quá trình sinh hoạt.")
    return 0


def cmd_list(args) -> int:
    from tayninh_desktop.storage import merge_repo

    db = open_db(args)
    found = merge_repo.sources(db)
    emit(args, {"ok": True, "sources": [s.__dict__ for s in found]},
         [f"{s.id}  {s.unit_name} ({s.unit_code}), ngày {s.merged_on}: "
          f"{'đã hợp nhất' if s.state == 'applied' else 'đang chuẩn bị'}" for s in found] or ["Chưa có đợt hợp nhất nào."])
    return 0
