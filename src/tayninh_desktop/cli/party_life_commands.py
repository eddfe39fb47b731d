"""Commands of party life: warnings, meetings, ratings, letters, contacts (dues and discipline: rules_commands)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date

from tayninh_desktop.cli.output import Usage, actor, emit, emit_json_list, open_db
from tayninh_desktop.domain.dates import format_vn_date, parse_vn_date
from tayninh_desktop.domain.errors import DomainError, FieldIssue, ValidationError
from tayninh_desktop.domain.messages_party_life import (
    ATTENDANCE_LABELS,
    MEETING_KIND_LABELS,
    RATING_LABELS,
    WARNING_LABELS,
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("warnings", parents=[common], help="cảnh báo sớm về sinh hoạt đảng")
    p.add_argument("--cell", help="mã chi bộ (mặc định: toàn đảng bộ)")
    p.add_argument("--today", help="tính đến ngày (dd/mm/yyyy), mặc định hôm nay")
    p.set_defaults(handler=cmd_warnings)

    meetings = sub.add_parser("meetings", help="sinh hoạt chi bộ").add_subparsers(dest="meetings_command",
                                                                                    metavar="LỆNH")
    p = meetings.add_parser("add", parents=[common], help="ghi một buổi sinh hoạt và điểm danh")
    p.add_argument("--cell", required=True, help="mã chi bộ")
    p.add_argument("--date", required=True, help="ngày họp dd/mm/yyyy")
    p.add_argument("--kind", default="thuong_ky", choices=sorted(MEETING_KIND_LABELS))
    p.add_argument("--chair", default="", help="người chủ trì")
    p.add_argument("--secretary", default="", help="thư ký (người ghi biên bản)")
    p.add_argument("--summary", default="", help="nội dung tóm tắt")
    p.add_argument("--absent", action="append", default=[], metavar="MÃ_ĐV[:LÝ_DO]",
                   help="vắng có lý do (lặp lại cho mỗi người)")
    p.add_argument("--unexcused", action="append", default=[], metavar="MÃ_ĐV", help="vắng không lý do")
    p.add_argument("--score", action="append", default=[], metavar="TIÊU_CHÍ=ĐIỂM", help="điểm tự đánh giá")
    p.set_defaults(handler=cmd_meetings_add)
    p = meetings.add_parser("list", parents=[common], help="các buổi sinh hoạt của chi bộ trong năm")
    p.add_argument("--cell", required=True)
    p.add_argument("--year", type=int, default=date.today().year)
    p.set_defaults(handler=cmd_meetings_list)
    p = meetings.add_parser("show", parents=[common], help="điểm danh của một buổi sinh hoạt")
    p.add_argument("meeting_id")
    p.set_defaults(handler=cmd_meetings_show)
    p = meetings.add_parser("rubric", parents=[common], help="biểu tự đánh giá chất lượng sinh hoạt đang dùng;"
                            " --set TỆP.json: thay bằng biểu trong tệp (dạng như --json in ra)")
    p.add_argument("--set", dest="rubric_file", metavar="TỆP.json", help="tệp JSON của biểu mới")
    p.set_defaults(handler=cmd_meetings_rubric)
    p = meetings.add_parser("delete", parents=[common], help="xóa một buổi sinh hoạt ghi nhầm cùng điểm danh")
    p.add_argument("meeting_id")
    p.add_argument("--reason", required=True, help="lý do xóa")
    p.set_defaults(handler=cmd_meetings_delete)

    ratings = sub.add_parser("ratings", help="xếp loại đảng viên").add_subparsers(dest="ratings_command",
                                                                                 metavar="LỆNH")
    p = ratings.add_parser("add", parents=[common], help="ghi xếp loại năm của một đảng viên")
    p.add_argument("--member", required=True)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--level", required=True, choices=sorted(RATING_LABELS))
    p.add_argument("--score", type=int)
    p.add_argument("--not-rated-reason", choices=["mien_sinh_hoat", "moi_vao_dang", "khac"])
    p.set_defaults(handler=cmd_ratings_add)
    p = ratings.add_parser("correct", parents=[common], help="sửa xếp loại đã ghi của một năm, ghi lý do")
    p.add_argument("--member", required=True)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--level", required=True, choices=sorted(RATING_LABELS))
    p.add_argument("--score", type=int, help="điểm (nếu có)")
    p.add_argument("--reason", required=True, help="lý do sửa")
    p.set_defaults(handler=cmd_ratings_correct)
    p = ratings.add_parser("quota", parents=[common], help="kiểm tra tỷ lệ hoàn thành xuất sắc")
    p.add_argument("--year", type=int, required=True)
    p.set_defaults(handler=cmd_ratings_quota)

    tasks = sub.add_parser("tasks", help="phân công nhiệm vụ hằng năm").add_subparsers(dest="tasks_command",
                                                                                   metavar="LỆNH")
    for name, help_text, handler in (("add", "ghi nhiệm vụ được phân công trong năm", cmd_tasks_add),
                                     ("correct", "sửa nhiệm vụ đã ghi của năm", cmd_tasks_correct)):
        p = tasks.add_parser(name, parents=[common], help=help_text)
        p.add_argument("--member", required=True)
        p.add_argument("--year", required=True, help="năm, ví dụ 2026")
        p.add_argument("--task", required=True, help="nhiệm vụ được phân công")
        p.add_argument("--notes", default="")
        p.set_defaults(handler=handler)
    p = tasks.add_parser("list", parents=[common], help="nhiệm vụ được phân công của đảng viên qua các năm")
    p.add_argument("--member", required=True)
    p.set_defaults(handler=cmd_tasks_list)

    p = sub.add_parser("letters", parents=[common],
                       help="ghi giấy giới thiệu sinh hoạt đảng, hoặc xem các giấy của đảng viên (không có --direction)")
    p.add_argument("--member", required=True)
    p.add_argument("--direction", choices=["di", "den"], help="chuyển đi / chuyển đến (bỏ trống: xem các giấy)")
    p.add_argument("--date", help="ngày cấp dd/mm/yyyy")
    p.add_argument("--number", default="")
    p.add_argument("--temporary", action="store_true")
    p.add_argument("--counterpart", default="")
    p.set_defaults(handler=cmd_letters)

    p = sub.add_parser("letter-outcome", parents=[common], help="ghi kết quả của một giấy giới thiệu")
    p.add_argument("letter_id", help="mã giấy (letters --member ID --json: letter_id)")
    p.add_argument("--outcome", required=True, choices=["da_trinh", "tra_lai", "huy"],
                   help="da_trinh: đã trình; tra_lai: bị trả lại; huy: hủy (ghi nhầm, không dùng)")
    p.add_argument("--presented-on", default="", help="ngày trình giấy dd/mm/yyyy (khi đã trình)")
    p.set_defaults(handler=cmd_letter_outcome)

    p = sub.add_parser("contact", parents=[common],
                       help="ghi lần liên lạc với đảng viên đi làm ăn xa, hoặc xem các lần đã ghi (không có --date)")
    p.add_argument("--member", required=True)
    p.add_argument("--date", help="ngày liên lạc dd/mm/yyyy (bỏ trống: xem các lần đã ghi)")
    p.add_argument("--channel", default="Điện thoại")
    p.add_argument("--note", default="")
    p.set_defaults(handler=cmd_contact)


def _day(text: str, field: str) -> date:
    try:
        value = parse_vn_date(text)
    except ValueError:
        value = None
    if value is None:
        raise ValidationError([FieldIssue(field, "bad_date", {"value": text})])
    return value


def _cell(db, code: str):
    from tayninh_desktop.services import organisation

    organisation.require_home(db)
    return organisation.cell_by_code(db, code)


def cmd_warnings(args) -> int:
    from tayninh_desktop.services.warnings import compute_warnings, warning_as_dict

    db = open_db(args)
    cell = _cell(db, args.cell) if args.cell else None
    today = _day(args.today, "event_date") if args.today else None
    warnings = compute_warnings(db, cell_id=cell.id if cell else None, today=today)
    if args.json:
        emit_json_list({"ok": True, "count": len(warnings)}, "warnings", map(warning_as_dict, warnings))
        return 0
    lines = []
    for w in warnings:
        who = w.member_name or w.cell_name or "Đảng bộ"
        where = f" — {w.cell_name}" if w.member_name and w.cell_name else ""
        lines.append(f"[{WARNING_LABELS[w.kind.value]}] {who}{where}: {w.evidence}")
    lines.append(f"Tổng số: {len(warnings)} cảnh báo.")
    emit(args, {}, lines)
    return 0


def _attendance_args(args) -> dict[str, tuple[str, str]]:
    given: dict[str, tuple[str, str]] = {}
    for item in args.absent:
        member_id, _, reason = item.partition(":")
        given[member_id] = ("vang_co_ly_do", reason)
    for member_id in args.unexcused:
        given[member_id] = ("vang_khong_ly_do", "")
    return given


def cmd_meetings_add(args) -> int:
    from tayninh_desktop.services import meetings

    db = open_db(args)
    cell = _cell(db, args.cell)
    scores = {}
    for item in args.score:
        code, _, value = item.partition("=")
        if not value.isdigit():
            raise Usage(f"--score {item}: cần dạng TIÊU_CHÍ=ĐIỂM")
        scores[code] = int(value)
    meeting_id, changes = meetings.record_meeting(
        db, actor(args), cell.id, {"meeting_date": args.date, "kind": args.kind, "chair": args.chair,
                                   "secretary": args.secretary, "summary": args.summary}, attendance=_attendance_args(args), scores=scores or None)
    meeting = meetings.get_meeting(db, meeting_id)
    emit(args, {"ok": True, "meeting_id": meeting_id, "present": meeting.present, "expected": meeting.expected},
         f"Đã ghi buổi sinh hoạt {cell.name} ngày {format_vn_date(meeting.meeting_date)}: có mặt"
         f" {meeting.present}/{meeting.expected}." + (f" Lưu ý: {changes.note}." if changes.note else ""))
    return 0


def cmd_meetings_list(args) -> int:
    from tayninh_desktop.services import meetings

    db = open_db(args)
    cell = _cell(db, args.cell)
    rows = meetings.meetings_of_cell(db, cell.id, args.year)
    emit(args, {"ok": True, "meetings": [{**asdict(m), "meeting_date": m.meeting_date.isoformat()} for m in rows]},
         [f"{format_vn_date(m.meeting_date)}  {MEETING_KIND_LABELS[m.kind.value]:<10} có mặt {m.present}/{m.expected}"
          f"  {m.id}" for m in rows] + [f"Tổng số: {len(rows)} buổi."])
    return 0


def cmd_meetings_show(args) -> int:
    from tayninh_desktop.services import meetings

    db = open_db(args)
    lines = meetings.attendance_lines(db, args.meeting_id)
    emit(args, {"ok": True, "attendance": [{**asdict(x), "status": x.status.value, "state": x.state.value}
                                           for x in lines]},
         [f"{x.full_name:<32} {ATTENDANCE_LABELS[x.state.value]} {x.reason}" for x in lines])
    return 0


def cmd_meetings_rubric(args) -> int:
    import json
    from pathlib import Path

    from tayninh_desktop.domain.rules import rubric_to_dict
    from tayninh_desktop.services import meetings

    db = open_db(args)
    if args.rubric_file:
        path = Path(args.rubric_file)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DomainError("rubric_invalid", reason=f"tệp {path.name}: {exc}") from None
        if not isinstance(data, dict):
            raise DomainError("rubric_invalid", reason=f"tệp {path.name} không chứa một biểu (đối tượng JSON)")
        meetings.set_rubric(db, actor(args), data)
    current = meetings.rubric(db)
    emit(args, {"ok": True, "rubric": rubric_to_dict(current)},
         [f"{current.name} (tổng {current.total} điểm) — căn cứ {current.basis}"]
         + [f"  {c.label}: tối đa {c.max}" for c in current.criteria])
    return 0


def cmd_meetings_delete(args) -> int:
    from tayninh_desktop.services import meetings

    db = open_db(args)
    meeting = meetings.get_meeting(db, args.meeting_id)
    meetings.delete_meeting(db, actor(args), args.meeting_id, args.reason)
    emit(args, {"ok": True, "meeting_id": args.meeting_id, "deleted": True},
         f"Đã xóa buổi sinh hoạt ngày {format_vn_date(meeting.meeting_date)} cùng điểm danh.")
    return 0


def _task(args) -> dict:
    from tayninh_desktop.domain import party_life_forms

    return party_life_forms.task({"year": args.year, "task": args.task, "notes": args.notes})


def cmd_tasks_add(args) -> int:
    from tayninh_desktop.services import ratings

    db = open_db(args)
    typed = _task(args)
    ratings.assign_task(db, actor(args), args.member, **typed)
    emit(args, {"ok": True, "member_id": args.member, **typed}, f"Đã ghi nhiệm vụ năm {typed['year']}.")
    return 0


def cmd_tasks_correct(args) -> int:
    from tayninh_desktop.services import ratings

    db = open_db(args)
    typed = _task(args)
    ratings.correct_task(db, actor(args), args.member, typed["year"], typed["task"], notes=typed["notes"])
    emit(args, {"ok": True, "member_id": args.member, **typed}, f"Đã sửa nhiệm vụ năm {typed['year']}.")
    return 0


def cmd_tasks_list(args) -> int:
    from tayninh_desktop.services import ratings

    db = open_db(args)
    rows = ratings.tasks_of(db, args.member)
    emit(args, {"ok": True, "tasks": [{"year": t.year, "task": t.task, "notes": t.notes} for t in rows]},
         [f"{t.year}  {t.task}" + (f"  · {t.notes}" if t.notes else "") for t in rows]
         + [f"Tổng số: {len(rows)} năm."])
    return 0


def cmd_ratings_correct(args) -> int:
    from tayninh_desktop.services import rating_correction

    db = open_db(args)
    rating_correction.correct_rating(db, actor(args), args.member, args.year, args.level, reason=args.reason,
                                     score=args.score)
    emit(args, {"ok": True, "member_id": args.member, "year": args.year, "level": args.level},
         f"Đã sửa xếp loại năm {args.year}: {RATING_LABELS[args.level]}.")
    return 0


def cmd_ratings_add(args) -> int:
    from tayninh_desktop.services import ratings

    db = open_db(args)
    rating_id, _ = ratings.rate_member(db, actor(args), args.member, args.year, args.level, score=args.score,
                                       not_rated_reason=args.not_rated_reason)
    emit(args, {"ok": True, "rating_id": rating_id}, f"Đã ghi xếp loại năm {args.year}: {RATING_LABELS[args.level]}.")
    return 0


def cmd_ratings_quota(args) -> int:
    from tayninh_desktop.services import ratings

    db = open_db(args)
    check = ratings.quota_check(db, args.year)
    emit(args, {"ok": True, **asdict(check)},
         f"Năm {check.year}: {check.excellent} xuất sắc / {check.good} tốt — "
         + ("VƯỢT tỷ lệ" if check.broken else "trong tỷ lệ") + f" ({check.basis}).")
    return 0


def cmd_letters(args) -> int:
    from tayninh_desktop.services import transfers

    db = open_db(args)
    if args.direction is None:
        return _letters_list(args, db)
    if not args.date:
        raise Usage("--date: cần ngày cấp khi ghi giấy giới thiệu")
    letter_id, _ = transfers.issue_letter(db, actor(args), args.member, args.direction, _day(args.date, "issued_on"),
                                          temporary=args.temporary, letter_number=args.number,
                                          counterpart=args.counterpart)
    letter = next(x for x in transfers.letters_of(db, args.member) if x.id == letter_id)
    emit(args, {"ok": True, "letter_id": letter_id, "deadline": letter.deadline.isoformat()},
         f"Đã ghi giấy giới thiệu; hạn trình: {format_vn_date(letter.deadline)}.")
    return 0


def _letters_list(args, db) -> int:
    from tayninh_desktop.domain.messages_party_life import LETTER_DIRECTION_LABELS, LETTER_OUTCOME_LABELS
    from tayninh_desktop.services import transfers

    rows = transfers.letters_of(db, args.member)
    emit(args, {"ok": True, "letters": [
        {"letter_id": t.id, "direction": t.direction.value, "temporary": t.temporary, "letter_number": t.letter_number,
         "issued_on": t.issued_on.isoformat(), "deadline": t.deadline.isoformat(), "counterpart": t.counterpart,
         "outcome": t.outcome.value, "presented_on": t.presented_on.isoformat() if t.presented_on else None}
        for t in rows]},
        [f"{LETTER_DIRECTION_LABELS[t.direction.value].capitalize()} {t.letter_number or '(chưa số)'} ngày"
         f" {format_vn_date(t.issued_on)}, hạn trình {format_vn_date(t.deadline)}:"
         f" {LETTER_OUTCOME_LABELS[t.outcome.value].lower()}  mã {t.id}" for t in rows]
        + [f"Tổng số: {len(rows)} giấy."])
    return 0


def cmd_letter_outcome(args) -> int:
    from tayninh_desktop.domain.messages_party_life import LETTER_OUTCOME_LABELS
    from tayninh_desktop.services import transfers

    db = open_db(args)
    presented = _day(args.presented_on, "presented_on") if args.presented_on else None
    transfers.record_letter_outcome(db, actor(args), args.letter_id, args.outcome, presented_on=presented)
    emit(args, {"ok": True, "letter_id": args.letter_id, "outcome": args.outcome},
         f"Đã ghi kết quả giấy giới thiệu: {LETTER_OUTCOME_LABELS[args.outcome].lower()}.")
    return 0


def cmd_contact(args) -> int:
    from tayninh_desktop.services import transfers

    db = open_db(args)
    if not args.date:
        rows = transfers.contacts_of(db, args.member)
        emit(args, {"ok": True, "contacts": [{"contacted_on": c.contacted_on.isoformat(), "channel": c.channel,
                                              "contact": c.contact, "note": c.note} for c in rows]},
             [f"{format_vn_date(c.contacted_on)}  {c.channel}" + (f"  · {c.note}" if c.note else "") for c in rows]
             + [f"Tổng số: {len(rows)} lần liên lạc."])
        return 0
    transfers.record_contact(db, actor(args), args.member, _day(args.date, "contacted_on"), channel=args.channel,
                             note=args.note)
    emit(args, {"ok": True}, "Đã ghi lần liên lạc.")
    return 0
