"""Commands of one member: show the record and history, add a member, correct or update the record, record an
event of the history or delete one recorded by mistake: what the member dialog does."""

from __future__ import annotations

import argparse
from datetime import date

from tayninh_desktop.cli.output import Usage, actor, emit, open_db
from tayninh_desktop.cli.party_life_commands import _cell, _day
from tayninh_desktop.cli.register_commands import GROUPS
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.lifecycle import EventKind
from tayninh_desktop.domain.members import DATE_FIELDS, TEXT_FIELDS
from tayninh_desktop.domain.messages import field_label
from tayninh_desktop.domain.messages_register import EVENT_LABELS, STATUS_LABELS

FORM_FIELDS = (*TEXT_FIELDS, *DATE_FIELDS, "gender")
GENDER_WORDS = {"nam": "Nam", "nu": "Nữ"}
FIELD_HELP = ("TÊN=GIÁ_TRỊ, lặp lại cho mỗi trường; tên trường: " + ", ".join(FORM_FIELDS)
              + " (ngày dd/mm/yyyy; giới tính nam/nu)")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    members = GROUPS["members"]
    p = members.add_parser("show", parents=[common], help="hồ sơ và quá trình sinh hoạt của một đảng viên")
    p.add_argument("member_id")
    p.set_defaults(handler=cmd_members_show)
    p = members.add_parser("add", parents=[common], help="thêm một đảng viên (kết nạp hoặc chuyển đến)")
    p.add_argument("--cell", required=True, help="mã chi bộ")
    p.add_argument("--field", action="append", default=[], metavar="TÊN=GIÁ_TRỊ", help=FIELD_HELP)
    p.add_argument("--entry", default=EventKind.ADMITTED.value,
                   choices=[EventKind.ADMITTED.value, EventKind.TRANSFER_IN.value,
                            EventKind.TRANSFER_IN_TEMPORARY.value],
                   help="vào sổ do kết nạp (mặc định) hay chuyển sinh hoạt đến")
    p.add_argument("--entry-date", default="", help="ngày chuyển đến dd/mm/yyyy (kết nạp: ngày vào Đảng)")
    p.add_argument("--doc-number", default="", help="số quyết định kết nạp / giấy giới thiệu")
    p.set_defaults(handler=cmd_members_add)
    p = members.add_parser("update", parents=[common], help="sửa hồ sơ một đảng viên (chỉ các trường ghi trong lệnh)")
    p.add_argument("member_id")
    p.add_argument("--field", action="append", default=[], metavar="TÊN=GIÁ_TRỊ", help=FIELD_HELP)
    when = p.add_mutually_exclusive_group()
    when.add_argument("--effective-on", default="",
                      help="nghề nghiệp, học vấn, lý luận thay đổi từ ngày dd/mm/yyyy (mặc định hôm nay)")
    when.add_argument("--correction", action="store_true", help="sửa lỗi gõ nhầm, không ghi thay đổi theo ngày")
    p.set_defaults(handler=cmd_members_update)
    p = members.add_parser("event", parents=[common], help="ghi một sự kiện vào quá trình sinh hoạt")
    p.add_argument("member_id")
    p.add_argument("--kind", required=True, choices=[k.value for k in EventKind],
                   help="loại sự kiện: " + ", ".join(f"{k} ({v.lower()})" for k, v in EVENT_LABELS.items()))
    p.add_argument("--date", required=True, help="ngày dd/mm/yyyy")
    p.add_argument("--cell", default="", help="mã chi bộ (chuyển chi bộ, chuyển đến, kết nạp lại)")
    p.add_argument("--end", default="", help="đến ngày dd/mm/yyyy (miễn sinh hoạt, chuyển tạm thời)")
    p.add_argument("--place", default="", help="nơi đến / nơi đi")
    p.add_argument("--doc-number", default="", help="số quyết định, số giấy")
    p.add_argument("--notes", default="")
    p.set_defaults(handler=cmd_members_event)
    p = members.add_parser("event-delete", parents=[common], help="xóa một sự kiện ghi nhầm")
    p.add_argument("event_id", help="mã sự kiện (members show ID --json: events[].event_id)")
    p.set_defaults(handler=cmd_members_event_delete)


def _fields(pairs: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or name.strip() not in FORM_FIELDS:
            raise Usage(f"--field {pair}: cần dạng TÊN=GIÁ_TRỊ với TÊN là một trong: {', '.join(FORM_FIELDS)}")
        out[name.strip()] = value
    return out


def _member_json(db, member) -> dict:
    from tayninh_desktop.services import organisation, register

    cell = organisation.unit(db, member.cell_id) if member.cell_id else None
    events = register.history(db, member.id)
    return {"member_id": member.id, "status": member.status.value, "cell_code": cell.code if cell else None,
            "fields": member.data.as_form(),
            "events": [{"event_id": e.id, "kind": e.kind.value, "date": e.event_date.isoformat(),
                        "end_date": e.end_date.isoformat() if e.end_date else None,
                        "cell_code": organisation.unit(db, e.cell_id).code if e.cell_id else None,
                        "place": e.place, "doc_number": e.doc_number, "notes": e.notes} for e in events]}


def cmd_members_show(args) -> int:
    from tayninh_desktop.services import register

    db = open_db(args)
    member = register.get_member(db, args.member_id)
    data = _member_json(db, member)
    text = [f"{member.full_name} — {STATUS_LABELS.get(member.status.value, member.status.value)}"
            + (f", chi bộ {data['cell_code']}" if data["cell_code"] else "")]
    text += [f"  {field_label(name)}: {GENDER_WORDS.get(value, value) if name == 'gender' else value}"
             for name, value in data["fields"].items() if value]
    text += ["Quá trình sinh hoạt:"] + [
        f"  {format_vn_date(date.fromisoformat(e['date']))}  {EVENT_LABELS.get(e['kind'], e['kind'])}"
        + (f" ({e['cell_code']})" if e["cell_code"] else "") + (f"  {e['doc_number']}" if e["doc_number"] else "")
        + f"  mã {e['event_id']}" for e in data["events"]]
    emit(args, {"ok": True, **data}, text)
    return 0


def cmd_members_add(args) -> int:
    from tayninh_desktop.services import register

    db = open_db(args)
    cell = _cell(db, args.cell)
    entry_date = _day(args.entry_date, "event_date") if args.entry_date else None
    member_id, _ = register.add_member(db, actor(args), _fields(args.field), cell.id, entry=EventKind(args.entry),
                                       entry_date=entry_date, doc_number=args.doc_number)
    member = register.get_member(db, member_id)
    emit(args, {"ok": True, **_member_json(db, member)}, f"Đã thêm đảng viên {member.full_name} (mã {member_id}).")
    return 0


def cmd_members_update(args) -> int:
    from tayninh_desktop.services import register

    db = open_db(args)
    changed = _fields(args.field)
    if not changed:
        raise Usage("--field: cần ít nhất một trường để sửa")
    member = register.get_member(db, args.member_id)
    effective = _day(args.effective_on, "changes_effective_on") if args.effective_on else None
    register.update_member(db, actor(args), args.member_id, {**member.data.as_form(), **changed},
                           changes_effective=effective, correction=args.correction)
    member = register.get_member(db, args.member_id)
    emit(args, {"ok": True, **_member_json(db, member)}, f"Đã sửa hồ sơ đảng viên {member.full_name}.")
    return 0


def cmd_members_event(args) -> int:
    from tayninh_desktop.services import register

    db = open_db(args)
    kind = EventKind(args.kind)
    cell_id = _cell(db, args.cell).id if args.cell else None
    event_id, _ = register.record_event(db, actor(args), args.member_id, kind, _day(args.date, "event_date"),
                                        cell_id=cell_id, end_date=_day(args.end, "end_date") if args.end else None,
                                        place=args.place, doc_number=args.doc_number, notes=args.notes)
    member = register.get_member(db, args.member_id)
    emit(args, {"ok": True, "event_id": event_id, "status": member.status.value},
         f"Đã ghi {EVENT_LABELS[kind.value].lower()} ngày {args.date}; tình trạng:"
         f" {STATUS_LABELS.get(member.status.value, member.status.value).lower()}.")
    return 0


def cmd_members_event_delete(args) -> int:
    from tayninh_desktop.services import register

    db = open_db(args)
    register.delete_event(db, actor(args), args.event_id)
    emit(args, {"ok": True, "event_id": args.event_id, "deleted": True}, "Đã xóa sự kiện ghi nhầm.")
    return 0
