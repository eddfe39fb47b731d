"""Commands of the screening and removal cases (issue 12): ``cases list|show|open|step|meetings|correct|vote|helper|
review|decide|expel|withdraw``."""

from __future__ import annotations

import argparse

from tayninh_desktop.cli.output import actor, date_option, emit, open_db
from tayninh_desktop.cli.screening_commands import cell_id_of
from tayninh_desktop.domain.cases import (
    HELP_CRITERIA,
    STRUCK_OFF_GROUNDS,
    CaseKind,
    CaseState,
    RemovalForm,
    Step,
)
from tayninh_desktop.domain.dates import format_vn_date

STEP_CHOICES = ("de_xuat", "y_kien_noi_cu_tru", "y_kien_cap_tren", "cam_ket", "theo_doi", "don_de_nghi",
                "yeu_cau_kiem_diem", "tu_kiem_diem", "thu_hoi_the")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    _register_cases(sub, common)


def _register_cases(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cases = sub.add_parser("cases", help="hồ sơ giáo dục, giúp đỡ và đưa ra khỏi Đảng").add_subparsers(
        dest="cases_command", metavar="LỆNH")
    p = cases.add_parser("list", parents=[common], help="các hồ sơ với bước tiếp theo")
    p.add_argument("--cell", metavar="MÃ")
    p.add_argument("--kind", choices=[k.value for k in CaseKind])
    p.add_argument("--state", choices=[*(s.value for s in CaseState), "all"], default="dang_xu_ly")
    p.add_argument("--today", metavar="NGÀY")
    p.set_defaults(handler=cmd_cases_list)
    p = cases.add_parser("show", parents=[common], help="một hồ sơ với từng bước và bước tiếp theo")
    p.add_argument("case_id", metavar="MÃ_HỒ_SƠ")
    p.add_argument("--today", metavar="NGÀY")
    p.set_defaults(handler=cmd_cases_show)
    p = cases.add_parser("open", parents=[common], help="lập hồ sơ (từ một dấu hiệu hoặc do chi ủy đề xuất)")
    p.add_argument("--member", required=True, metavar="MÃ_ĐV")
    p.add_argument("--kind", required=True, choices=[k.value for k in CaseKind])
    p.add_argument("--date", required=True, metavar="NGÀY")
    p.add_argument("--criterion", choices=HELP_CRITERIA, help="tiêu chí (hồ sơ giáo dục, giúp đỡ)")
    p.add_argument("--form", choices=[f.value for f in RemovalForm if f is not RemovalForm.EXPELLED],
                   help="hình thức (hồ sơ đưa ra khỏi Đảng)")
    p.add_argument("--ground", choices=STRUCK_OFF_GROUNDS, help="căn cứ xóa tên")
    p.add_argument("--sign", default="", metavar="MÃ_DẤU_HIỆU", help="dấu hiệu đã phát hiện (screening run)")
    p.add_argument("--sign-year", type=int, metavar="NĂM")
    p.add_argument("--evidence", default="", metavar="NỘI DUNG")
    p.add_argument("--note", default="")
    p.set_defaults(handler=cmd_cases_open)
    p = cases.add_parser("step", parents=[common], help="ghi một bước có ngày và văn bản")
    p.add_argument("case_id", metavar="MÃ_HỒ_SƠ")
    p.add_argument("--step", required=True, choices=STEP_CHOICES)
    p.add_argument("--date", metavar="NGÀY", help="ngày của bước (với --meeting: ngày kỳ họp)")
    p.add_argument("--doc", default="", metavar="SỐ")
    p.add_argument("--doc-date", metavar="NGÀY")
    p.add_argument("--issuer", default="", metavar="NƠI BAN HÀNH")
    p.add_argument("--source", default="", choices=("", "mat_tran", "noi_lam_viec", "nop", "tu_choi"),
                   help="ý kiến nơi cư trú: mat_tran, noi_lam_viec; tự kiểm điểm: nop, tu_choi")
    p.add_argument("--text", default="", metavar="NỘI DUNG")
    p.add_argument("--meeting", metavar="MÃ_KỲ_HỌP", help="theo dõi, nhận xét tại kỳ họp chi bộ đã ghi (xem «cases"
                   " meetings»); ngày của bước là ngày kỳ họp")
    p.set_defaults(handler=cmd_cases_step)
    p = cases.add_parser("meetings", parents=[common], help="các kỳ họp của chi bộ trong thời gian giáo dục, giúp đỡ"
                         " (để gắn theo dõi, nhận xét với kỳ họp)")
    p.add_argument("case_id", metavar="MÃ_HỒ_SƠ")
    p.add_argument("--today", metavar="NGÀY")
    p.set_defaults(handler=cmd_cases_meetings)
    _register_correct(cases, common)
    p = cases.add_parser("vote", parents=[common], help="kết quả biểu quyết (chi bộ, đảng ủy, ban thường vụ)")
    p.add_argument("case_id", metavar="MÃ_HỒ_SƠ")
    p.add_argument("--date", required=True, metavar="NGÀY")
    p.add_argument("--level", default="cell", choices=("cell", "committee", "standing"))
    _vote_options(p)
    p.add_argument("--eligible", type=int, metavar="SỐ", help="số thành viên có quyền biểu quyết (đảng ủy, ban"
                   " thường vụ; của chi bộ thì sổ đảng viên tính)")
    p.set_defaults(handler=cmd_cases_vote)
    p = cases.add_parser("helper", parents=[common], help="phân công đảng viên giúp đỡ")
    p.add_argument("case_id", metavar="MÃ_HỒ_SƠ")
    p.add_argument("--helper", required=True, metavar="MÃ_ĐV")
    p.add_argument("--date", required=True, metavar="NGÀY")
    p.add_argument("--doc", default="", metavar="SỐ")
    p.add_argument("--doc-date", metavar="NGÀY")
    p.set_defaults(handler=cmd_cases_helper)
    p = cases.add_parser("review", parents=[common], help="biểu quyết sàng lọc khi hết 12 tháng giúp đỡ")
    p.add_argument("case_id", metavar="MÃ_HỒ_SƠ")
    p.add_argument("--date", required=True, metavar="NGÀY")
    _vote_options(p)
    p.add_argument("--form", default="xoa_ten", choices=("xoa_ten", "xin_ra", "dinh_cu"),
                   help="hình thức đề nghị khi không tiến bộ")
    p.add_argument("--ground", default="khong_tien_bo", choices=STRUCK_OFF_GROUNDS)
    p.set_defaults(handler=cmd_cases_review)
    p = cases.add_parser("decide", parents=[common], help="ghi quyết định của cấp có thẩm quyền")
    p.add_argument("case_id", metavar="MÃ_HỒ_SƠ")
    p.add_argument("--date", required=True, metavar="NGÀY")
    p.add_argument("--number", required=True, metavar="SỐ")
    p.add_argument("--doc-date", metavar="NGÀY")
    p.add_argument("--not-removed", action="store_true", help="cấp có thẩm quyền quyết định không đưa ra khỏi Đảng")
    p.add_argument("--card", metavar="NGÀY", help="ngày thu hồi thẻ đảng viên")
    p.add_argument("--notes", default="")
    p.set_defaults(handler=cmd_cases_decide)
    p = cases.add_parser("expel", parents=[common], help="ghi khai trừ từ quyết định kỷ luật khai trừ đã ghi")
    p.add_argument("--discipline", required=True, metavar="MÃ")
    p.set_defaults(handler=cmd_cases_expel)
    p = cases.add_parser("withdraw", parents=[common], help="rút hồ sơ (ghi lý do; không xóa gì)")
    p.add_argument("case_id", metavar="MÃ_HỒ_SƠ")
    p.add_argument("--date", required=True, metavar="NGÀY")
    p.add_argument("--reason", required=True, metavar="LÝ DO")
    p.set_defaults(handler=cmd_cases_withdraw)


def _register_correct(cases: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = cases.add_parser("correct", parents=[common], help="sửa một bước ghi nhầm: bước mới thay bước cũ, ghi lý do;"
                         " bước cũ vẫn được giữ (ghi «đã sửa»), không phải rút hồ sơ")
    p.add_argument("case_id", metavar="MÃ_HỒ_SƠ")
    p.add_argument("--step-id", required=True, metavar="MÃ_BƯỚC", help="mã bước cần sửa (xem «cases show»)")
    p.add_argument("--reason", required=True, metavar="LÝ DO", help="lý do sửa")
    p.add_argument("--date", metavar="NGÀY", help="ngày đúng (không ghi: giữ như cũ)")
    p.add_argument("--doc", metavar="SỐ", help="số văn bản đúng")
    p.add_argument("--doc-date", metavar="NGÀY")
    p.add_argument("--issuer", metavar="NƠI BAN HÀNH")
    p.add_argument("--source", choices=("mat_tran", "noi_lam_viec", "nop", "tu_choi"))
    p.add_argument("--text", metavar="NỘI DUNG", help="nội dung đúng")
    meeting = p.add_mutually_exclusive_group()
    meeting.add_argument("--meeting", metavar="MÃ_KỲ_HỌP", help="gắn theo dõi, nhận xét với kỳ họp này")
    meeting.add_argument("--no-meeting", action="store_true", help="bỏ gắn theo dõi, nhận xét với kỳ họp")
    p.add_argument("--helper", metavar="MÃ_ĐV", help="người giúp đỡ đúng")
    for name, text in (("present", "số có mặt"), ("ballots", "số phiếu thu về"), ("yes", "số phiếu đồng ý"),
                       ("no", "số phiếu không đồng ý"), ("invalid", "số phiếu không hợp lệ"),
                       ("eligible", "số có quyền biểu quyết (đảng ủy, ban thường vụ)")):
        p.add_argument(f"--{name}", type=int, metavar="SỐ", help=f"{text} đúng")
    p.set_defaults(handler=cmd_cases_correct)


def _vote_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--present", type=int, required=True, metavar="SỐ", help="số có mặt có quyền biểu quyết")
    p.add_argument("--ballots", type=int, required=True, metavar="SỐ", help="số phiếu thu về")
    p.add_argument("--yes", type=int, required=True, metavar="SỐ")
    p.add_argument("--no", type=int, required=True, metavar="SỐ")
    p.add_argument("--invalid", type=int, metavar="SỐ", help="số phiếu không hợp lệ (mặc định: phần còn lại)")
    p.add_argument("--doc", default="", metavar="SỐ", help="số nghị quyết, biên bản")
    p.add_argument("--doc-date", metavar="NGÀY")


def cmd_cases_list(args) -> int:
    from tayninh_desktop.services import case_views, cases

    db = open_db(args)
    today = date_option(args.today, "--today")
    states = None if args.state == "all" else (args.state,)
    found = cases.list_cases(db, cell_id=cell_id_of(db, args.cell), kind=args.kind, states=states)
    names = case_views.cell_names(db)
    items = [case_views.case_as_dict(db, c, today, names=names) for c in found]
    emit(args, {"ok": True, "count": len(items), "cases": items},
         [f"{c['member_name']} — {c['cell_name']}: {c['what']} ({c['state_label'].lower()}, lập"
          f" {format_vn_date(_day(c['opened_on']))}). Bước tiếp theo: {c['next_step']['text']}"
          + (f" Hạn: {c['next_step']['deadline_text']}." if c["next_step"]["deadline_text"] else "")
          + f" [{c['id']}]" for c in items] + [f"Tổng số: {len(items)} hồ sơ."])
    return 0


def _day(text: str):
    from datetime import date

    return date.fromisoformat(text)


def cmd_cases_show(args) -> int:
    from tayninh_desktop.services import case_views, cases

    db = open_db(args)
    case = cases.get_case(db, args.case_id)
    data = case_views.case_as_dict(db, case, date_option(args.today, "--today"))
    lines = [f"{data['member_name']} — {data['cell_name']}", f"{data['what']} — {data['state_label']}"
             + (f": {data['outcome_label']}" if data["outcome_label"] else "")]
    if data["evidence"]:
        lines.append(f"Dấu hiệu: {data['evidence']}")
    lines += [f"  {format_vn_date(_day(s['date']))}  {s['words']}  [{s['id']}]" for s in data["steps"]]
    step = data["next_step"]
    lines.append(f"Bước tiếp theo: {step['text']}" + (f" Hạn: {step['deadline_text']}." if step["deadline_text"]
                                                       else ""))
    emit(args, {"ok": True, "case": data}, lines)
    return 0


def cmd_cases_open(args) -> int:
    from tayninh_desktop.services import cases

    db = open_db(args)
    case_id, _ = cases.open_case(db, actor(args), args.member, args.kind, date_option(args.date, "step_date",
                                                                                      required=True),
                                 form=args.form or "", ground=args.ground or "", criterion=args.criterion or "",
                                 sign_code=args.sign, sign_year=args.sign_year, evidence=args.evidence,
                                 note=args.note)
    emit(args, {"ok": True, "case_id": case_id}, f"Đã lập hồ sơ {case_id}.")
    return 0


def cmd_cases_step(args) -> int:
    from tayninh_desktop.domain.messages_screening import STEP_LABELS
    from tayninh_desktop.services import cases

    db = open_db(args)
    step_id, _ = cases.record_step(db, actor(args), args.case_id, args.step,
                                   date_option(args.date, "step_date"), doc_number=args.doc,
                                   doc_date=date_option(args.doc_date, "--doc-date"), doc_issuer=args.issuer,
                                   source=args.source, text=args.text, meeting_id=args.meeting)
    emit(args, {"ok": True, "step_id": step_id}, f"Đã ghi: {STEP_LABELS[Step(args.step).value]}.")
    return 0


def cmd_cases_meetings(args) -> int:
    from tayninh_desktop.services import case_meetings, cases

    db = open_db(args)
    case = cases.get_case(db, args.case_id)
    found = case_meetings.meeting_choices(db, case, date_option(args.today, "--today") or _today())
    emit(args, {"ok": True, "meetings": [{"id": m.id, "date": m.meeting_date.isoformat(), "kind": m.kind.value,
                                         "label": case_meetings.meeting_label(m)} for m in found]},
         [f"{case_meetings.meeting_label(m)}  [{m.id}]" for m in found]
         or ["Chưa có kỳ họp nào của chi bộ trong thời gian giáo dục, giúp đỡ."])
    return 0


def _today():
    from datetime import date

    return date.today()


def cmd_cases_correct(args) -> int:
    from tayninh_desktop.services.case_corrections import Correction, correct_step

    db = open_db(args)
    change = Correction(on=date_option(args.date, "step_date"), doc_number=args.doc,
                        doc_date=date_option(args.doc_date, "--doc-date"), doc_issuer=args.issuer, source=args.source,
                        text=args.text, meeting_id="" if args.no_meeting else args.meeting, helper_id=args.helper,
                        present=args.present, ballots=args.ballots, yes=args.yes, no=args.no, invalid=args.invalid,
                        eligible=args.eligible)
    step_id, _ = correct_step(db, actor(args), args.case_id, args.step_id, args.reason, change)
    emit(args, {"ok": True, "step_id": step_id, "corrects": args.step_id},
         "Đã sửa bước; bước cũ vẫn được giữ trong hồ sơ (ghi «đã sửa»).")
    return 0


def _figures(args) -> dict:
    return {"present": args.present, "ballots": args.ballots, "yes": args.yes, "no": args.no,
            "invalid": args.invalid, "doc_number": args.doc, "doc_date": date_option(args.doc_date, "--doc-date")}


def cmd_cases_vote(args) -> int:
    from tayninh_desktop.services import case_votes

    db = open_db(args)
    passed, _ = case_votes.record_vote(db, actor(args), args.case_id, date_option(args.date, "step_date",
                                                                                  required=True),
                                       level=args.level, eligible=args.eligible, **_figures(args))
    emit(args, {"ok": True, "passed": passed}, "Đã ghi kết quả biểu quyết: " + ("đạt." if passed else "không đạt."))
    return 0


def cmd_cases_helper(args) -> int:
    from tayninh_desktop.services import cases

    db = open_db(args)
    cases.assign_helper(db, actor(args), args.case_id, args.helper, date_option(args.date, "step_date", required=True),
                        doc_number=args.doc, doc_date=date_option(args.doc_date, "--doc-date"))
    emit(args, {"ok": True}, "Đã ghi phân công giúp đỡ.")
    return 0


def cmd_cases_review(args) -> int:
    from tayninh_desktop.services import case_votes

    db = open_db(args)
    passed, removal_id, _ = case_votes.screening_vote(db, actor(args), args.case_id,
                                                      date_option(args.date, "step_date", required=True),
                                                      form=args.form, ground=args.ground, **_figures(args))
    emit(args, {"ok": True, "passed": passed, "removal_case_id": removal_id},
         "Đã ghi biểu quyết sàng lọc: " + ("tiến bộ, đưa ra khỏi danh sách." if passed else
                                           f"không tiến bộ; đã lập hồ sơ đưa ra khỏi Đảng {removal_id}."))
    return 0


def cmd_cases_decide(args) -> int:
    from tayninh_desktop.services import case_votes

    db = open_db(args)
    case_votes.decide(db, actor(args), args.case_id, date_option(args.date, "decision_date", required=True),
                      number=args.number, doc_date=date_option(args.doc_date, "--doc-date"),
                      removed=not args.not_removed, card_recovered_on=date_option(args.card, "card_recovered_on"),
                      notes=args.notes)
    emit(args, {"ok": True}, "Đã ghi quyết định" + ("" if args.not_removed else " và quá trình sinh hoạt của đảng"
                                                                              " viên theo quyết định") + ".")
    return 0


def cmd_cases_expel(args) -> int:
    from tayninh_desktop.services import case_votes

    db = open_db(args)
    case_id, _ = case_votes.expel(db, actor(args), args.discipline)
    emit(args, {"ok": True, "case_id": case_id}, f"Đã ghi khai trừ (hồ sơ {case_id}).")
    return 0


def cmd_cases_withdraw(args) -> int:
    from tayninh_desktop.services import cases

    db = open_db(args)
    cases.withdraw(db, actor(args), args.case_id, date_option(args.date, "step_date", required=True), args.reason)
    emit(args, {"ok": True}, "Đã rút hồ sơ; hồ sơ và các bước vẫn được giữ.")
    return 0
