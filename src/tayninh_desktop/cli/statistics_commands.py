"""Commands of the official statistics: the forms, their figures and checks, typed rows, transfers'
scope, and the badges and cards Biểu 7 counts."""

from __future__ import annotations

import argparse

from tayninh_desktop.cli.output import REFUSED, actor, date_option, emit, open_db
from tayninh_desktop.domain.dates import format_vn_date

PERIOD_HELP = ("kỳ báo cáo: năm «2026», 6 tháng «2026-H1» / «2026-H2», quý «2026-Q1» … «2026-Q4», "
               "tháng «2026-06» hoặc «06/2026»")
FORM_HELP = "biểu: bieu_1 (hoặc bieu1, 1), bieu_2, bieu_2b, bieu_3, bieu_4, bieu_6, bieu_6f, bieu_7"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    stats = sub.add_parser("statistics", help="biểu thống kê cơ bản (Hướng dẫn 11-HD/BTCTW)").add_subparsers(
        dest="statistics_command", metavar="LỆNH")
    p = stats.add_parser("forms", parents=[common], help="các biểu thống kê, kỳ lập và căn cứ")
    p.set_defaults(handler=cmd_forms)
    p = stats.add_parser("show", parents=[common], help="số liệu một biểu: kỳ này, cùng kỳ năm trước, tỷ lệ")
    p.add_argument("--form", required=True, help=FORM_HELP)
    p.add_argument("--period", required=True, help=PERIOD_HELP)
    p.add_argument("--today", help="tính đến ngày (dd/mm/yyyy), mặc định hôm nay")
    p.set_defaults(handler=cmd_show)
    p = stats.add_parser("check", parents=[common],
                         help="kiểm tra các biểu của kỳ (lỗi → mã thoát 1; cảnh báo cần giải trình)")
    p.add_argument("--period", required=True, help=PERIOD_HELP)
    p.add_argument("--form", action="append", default=[], help=FORM_HELP + " (mặc định: mọi biểu của kỳ)")
    p.add_argument("--today", help="tính đến ngày (dd/mm/yyyy), mặc định hôm nay")
    p.set_defaults(handler=cmd_check)
    _register_records(stats, common)
    _register_awards(sub, common)


def _register_records(stats: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    typed = stats.add_parser("typed", help="số liệu nhập tay (dòng sổ đảng viên không ghi)").add_subparsers(
        dest="typed_command", metavar="LỆNH")
    p = typed.add_parser("set", parents=[common], help="nhập số liệu một dòng cho một kỳ")
    p.add_argument("--form", required=True, help=FORM_HELP)
    p.add_argument("--period", required=True, help=PERIOD_HELP)
    p.add_argument("--row", required=True, help="mã dòng, ví dụ IV.3.gia_mao (xem «statistics show»)")
    p.add_argument("--value", required=True, help="số liệu (số nguyên ≥ 0)")
    p.add_argument("--note", default="", help="ghi chú, nguồn số liệu")
    p.set_defaults(handler=cmd_typed_set)
    p = typed.add_parser("clear", parents=[common], help="xóa số liệu nhập tay của một dòng")
    p.add_argument("--form", required=True, help=FORM_HELP)
    p.add_argument("--period", required=True, help=PERIOD_HELP)
    p.add_argument("--row", required=True, help="mã dòng")
    p.set_defaults(handler=cmd_typed_clear)
    p = typed.add_parser("list", parents=[common], help="các số liệu đã nhập tay")
    p.add_argument("--period", help=PERIOD_HELP)
    p.add_argument("--form", help=FORM_HELP)
    p.set_defaults(handler=cmd_typed_list)

    p = stats.add_parser("transfers", parents=[common],
                         help="các lượt chuyển sinh hoạt chính thức của kỳ và phạm vi (trong tỉnh, tỉnh khác)")
    p.add_argument("--period", required=True, help=PERIOD_HELP)
    p.set_defaults(handler=cmd_transfers)
    p = stats.add_parser("transfer-scope", parents=[common], help="ghi phạm vi của một lượt chuyển sinh hoạt")
    p.add_argument("event_id", metavar="MÃ_SỰ_KIỆN", help="mã lượt chuyển (xem «statistics transfers»)")
    p.add_argument("--scope", required=True, choices=["trong_tinh", "tinh_khac"],
                   help="trong_tinh: trong tỉnh; tinh_khac: tỉnh khác")
    p.set_defaults(handler=cmd_transfer_scope)


def _register_awards(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    awards = sub.add_parser("awards", help="Huy hiệu Đảng, thẻ đảng viên").add_subparsers(
        dest="awards_command", metavar="LỆNH")
    p = awards.add_parser("add", parents=[common], help="ghi Huy hiệu Đảng hoặc thẻ đảng viên của một đảng viên")
    p.add_argument("--member", required=True, help="mã đảng viên")
    p.add_argument("--kind", required=True, choices=["huy_hieu", "the_moi", "the_cap_lai", "the_doi"],
                   help="huy_hieu: Huy hiệu Đảng; the_moi: phát thẻ; the_cap_lai: cấp lại do mất; the_doi: đổi do hỏng")
    p.add_argument("--years", type=int, help="số năm tuổi Đảng của huy hiệu (30, 40, 45 … 90)")
    p.add_argument("--date", required=True, help="ngày trao (dd/mm/yyyy)")
    p.add_argument("--decision", default="", help="số quyết định")
    p.add_argument("--note", default="", help="ghi chú")
    p.set_defaults(handler=cmd_awards_add)
    p = awards.add_parser("list", parents=[common], help="huy hiệu, thẻ đã ghi")
    p.add_argument("--member", help="mã đảng viên")
    p.add_argument("--period", help=PERIOD_HELP)
    p.set_defaults(handler=cmd_awards_list)
    p = awards.add_parser("delete", parents=[common], help="xóa một bản ghi ghi nhầm")
    p.add_argument("award_id", metavar="MÃ")
    p.set_defaults(handler=cmd_awards_delete)


def cmd_forms(args) -> int:
    from tayninh_desktop.domain.messages_statistics import PERIOD_KIND_LABELS
    from tayninh_desktop.domain.stats_forms import stat_forms

    forms = list(stat_forms().values())
    lines = [f"{f.id:<9} Biểu số {f.code:<9} {f.title.capitalize()} — kỳ: "
             + ", ".join(PERIOD_KIND_LABELS[k.value] for k in f.periods)
             + (" (bố cục chưa xác nhận)" if f.unconfirmed else "") for f in forms]
    emit(args, {"ok": True, "forms": [
        {"id": f.id, "code": f.code, "title": f.title, "periods": [k.value for k in f.periods],
         "basis": f.basis.citation, "unconfirmed": f.unconfirmed, "typed_rows": list(f.typed_keys)} for f in forms]},
         lines + [f"Căn cứ: Hướng dẫn {forms[0].basis.citation.split(',')[0]} của {forms[0].basis.issuer}."])
    return 0


def _table_lines(report) -> list[str]:
    comparison = report.previous is not None
    heads = ("Kỳ này", "Cùng kỳ", "%") if comparison else ("Tổng số", "Nữ", "Tỷ lệ %") \
        if report.form.layout == "breakdown" else ("Số liệu", "", "")
    rows = [row for row in report.rows if not row.hidden]
    width = max(len(row.key) for row in rows) + 2
    lines = [f"{'Dòng':<{width}}{'Tiêu chí':<62}{heads[0]:>12}{heads[1]:>10}{heads[2]:>9}"]
    for row in rows:
        label = ("  " * row.level + row.label)
        label = label if len(label) <= 60 else label[:59] + "…"
        first = "(chưa nhập)" if row.missing else row.cells[0] + ("*" if row.typed else "")
        lines.append(f"{row.key:<{width}}{label:<62}{first:>12}{row.cells[1]:>10}{row.cells[2]:>9}")
    return lines


def cmd_show(args) -> int:
    from tayninh_desktop.services import statistics

    db = open_db(args)
    report = statistics.report(db, args.form, args.period, today=date_option(args.today, "--today"))
    w, form = report.window, report.form
    span = f"Số liệu từ {format_vn_date(w.start)} đến {format_vn_date(w.end)}"
    span += "" if report.complete else " (kỳ chưa kết thúc)"
    if report.previous is not None:
        last = w.same_period_last_year()
        span += f"; cùng kỳ năm trước: {format_vn_date(last.start)} đến {format_vn_date(last.end)}"
    lines = [f"Biểu số {form.code} — {form.title} — {report.period.label} ({report.unit_name})",
             span + ".", f"Căn cứ: {form.basis.citation}.",
             "", *_table_lines(report), ""]
    if any(r.typed or r.missing for r in report.rows):
        lines.append("(*) số liệu nhập tay; (chưa nhập): dòng nhập tay chưa có số liệu («statistics typed set»).")
    lines += [f"CHƯA XÁC NHẬN: {note}" for note in statistics.unconfirmed_notes(form)]
    lines += [f"Ghi chú: {n.message}" for n in report.current.notes]
    emit(args, {"ok": True, **report.as_dict()}, lines)
    return 0


def cmd_check(args) -> int:
    from tayninh_desktop.services import statistics

    db = open_db(args)
    forms = tuple(args.form) or None
    result = statistics.check(db, args.period, form_ids=forms, today=date_option(args.today, "--today"))
    lines = [f"LỖI: {f.message}" for f in result.errors] + [f"Cảnh báo: {f.message}" for f in result.warnings]
    summary = (f"Kỳ {args.period}: {len(result.errors)} lỗi, {len(result.warnings)} cảnh báo."
               + (" Có lỗi: phải sửa trước khi gửi báo cáo." if result.errors else
                  " Các cảnh báo cần giải trình khi gửi báo cáo." if result.warnings else " Các biểu khớp nhau."))
    emit(args, {"period": args.period, **result.as_dict()}, [*lines, summary])
    return 0 if result.ok else REFUSED


def cmd_typed_set(args) -> int:
    from tayninh_desktop.services import statistics_records

    db = open_db(args)
    statistics_records.set_typed(db, actor(args), args.form, args.period, args.row, args.value, args.note)
    emit(args, {"ok": True, "form": args.form, "period": args.period, "row": args.row, "value": int(args.value)},
         f"Đã nhập dòng {args.row} kỳ {args.period}: {args.value}.")
    return 0


def cmd_typed_clear(args) -> int:
    from tayninh_desktop.services import statistics_records

    db = open_db(args)
    statistics_records.clear_typed(db, actor(args), args.form, args.period, args.row)
    emit(args, {"ok": True}, f"Đã xóa số liệu nhập tay dòng {args.row} kỳ {args.period}.")
    return 0


def cmd_typed_list(args) -> int:
    from tayninh_desktop.services import statistics_records

    db = open_db(args)
    figures = statistics_records.typed_figures(db, args.period, args.form)
    emit(args, {"ok": True, "count": len(figures), "typed": [
        {"period": f.period, "form": f.form_id, "row": f.row_key, "value": f.value, "note": f.note,
         "typed_by": f.typed_by, "updated_at": f.updated_at} for f in figures]},
         [f"{f.period:<9} {f.form_id:<8} {f.row_key:<18} {f.value:>8}  {f.note}" for f in figures]
         + [f"Tổng số: {len(figures)} dòng nhập tay."])
    return 0


def cmd_transfers(args) -> int:
    from tayninh_desktop.domain.messages_register import EVENT_LABELS
    from tayninh_desktop.domain.messages_statistics import TRANSFER_SCOPE_LABELS
    from tayninh_desktop.services import statistics_records

    db = open_db(args)
    lines = statistics_records.transfers(db, args.period)

    def scope_text(line) -> str:
        if line.scope is None:
            return "CHƯA RÕ"
        return TRANSFER_SCOPE_LABELS[line.scope] + ("" if line.recorded else " (theo nơi đi/đến)")

    emit(args, {"ok": True, "count": len(lines), "transfers": [
        {"event_id": t.event_id, "member": t.member_name, "kind": t.kind, "date": t.day.isoformat(),
         "place": t.place, "issuer": t.issuer, "scope": t.scope, "recorded": t.recorded} for t in lines]},
         [f"{format_vn_date(t.day)}  {EVENT_LABELS[t.kind]:<32} {t.member_name:<28} {scope_text(t):<26}"
          f" {(t.place or t.issuer)[:40]:<40} [{t.event_id}]" for t in lines]
         + [f"Tổng số: {len(lines)} lượt."])
    return 0


def cmd_transfer_scope(args) -> int:
    from tayninh_desktop.domain.messages_statistics import TRANSFER_SCOPE_LABELS
    from tayninh_desktop.services import statistics_records

    db = open_db(args)
    statistics_records.set_transfer_scope(db, actor(args), args.event_id, args.scope)
    emit(args, {"ok": True, "event_id": args.event_id, "scope": args.scope},
         f"Đã ghi phạm vi chuyển sinh hoạt: {TRANSFER_SCOPE_LABELS[args.scope]}.")
    return 0


def cmd_awards_add(args) -> int:
    from tayninh_desktop.domain.messages_statistics import AWARD_LABELS
    from tayninh_desktop.services import statistics_records

    db = open_db(args)
    award_id, _ = statistics_records.record_award(
        db, actor(args), args.member, args.kind, date_option(args.date, "awarded_on", required=True),
        years=args.years, doc_number=args.decision, notes=args.note)
    what = f"Huy hiệu {args.years} năm tuổi Đảng" if args.kind == "huy_hieu" else AWARD_LABELS[args.kind]
    emit(args, {"ok": True, "award_id": award_id}, f"Đã ghi {what} ngày {args.date}.")
    return 0


def cmd_awards_list(args) -> int:
    from tayninh_desktop.domain.messages_statistics import AWARD_LABELS
    from tayninh_desktop.services import statistics_records

    db = open_db(args)
    records = statistics_records.awards(db, member_id=args.member, period_text=args.period)

    def what(r) -> str:
        return f"Huy hiệu {r.badge_years} năm" if r.kind == "huy_hieu" else AWARD_LABELS[r.kind]

    emit(args, {"ok": True, "count": len(records), "awards": [
        {"id": r.id, "member_id": r.member_id, "member": r.member_name, "kind": r.kind, "years": r.badge_years,
         "date": r.awarded_on.isoformat(), "decision": r.doc_number, "note": r.notes} for r in records]},
         [f"{format_vn_date(r.awarded_on)}  {r.member_name:<28} {what(r):<24} {r.doc_number}  [{r.id}]"
          for r in records] + [f"Tổng số: {len(records)}."])
    return 0


def cmd_awards_delete(args) -> int:
    from tayninh_desktop.services import statistics_records

    db = open_db(args)
    statistics_records.delete_award(db, actor(args), args.award_id)
    emit(args, {"ok": True}, "Đã xóa bản ghi.")
    return 0
