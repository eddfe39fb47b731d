"""Commands of the screening (issue 12): ``screening run|rules|results|fact`` and ``allotment set|list`` (the cases:
cases_commands.py)."""

from __future__ import annotations

import argparse
import sys

from tayninh_desktop.cli.output import Usage, actor, date_option, emit, emit_json_list, open_db
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.messages_screening import SIGN_LEVEL_LABELS
from tayninh_desktop.domain.sign_groups import group_signs, sign_heading

STEP_CHOICES = ("de_xuat", "y_kien_noi_cu_tru", "y_kien_cap_tren", "cam_ket", "theo_doi", "don_de_nghi",
                "yeu_cau_kiem_diem", "tu_kiem_diem", "thu_hoi_the")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    screening = sub.add_parser("screening", help="rà soát, phát hiện dấu hiệu (Đề án 03, 02-HD/BTCTW)") \
        .add_subparsers(dest="screening_command", metavar="LỆNH")
    p = screening.add_parser("run", parents=[common], help="các dấu hiệu của một năm, với quy tắc, căn cứ và bằng chứng")
    p.add_argument("--year", type=int, required=True, metavar="NĂM")
    p.add_argument("--cell", metavar="MÃ", help="mã chi bộ (mặc định: toàn đảng bộ)")
    p.add_argument("--today", metavar="NGÀY", help="tính đến ngày (dd/mm/yyyy), mặc định hôm nay")
    p.set_defaults(handler=cmd_run)
    p = screening.add_parser("rules", parents=[common], help="các dấu hiệu đang dùng, căn cứ của từng dấu hiệu và"
                             " các tệp quy tắc bị bỏ qua")
    p.add_argument("--on", metavar="NGÀY", help="quy tắc có hiệu lực ngày (mặc định hôm nay)")
    p.set_defaults(handler=cmd_rules)
    p = screening.add_parser("results", parents=[common], help="kết quả rà soát, giúp đỡ, đưa ra khỏi Đảng theo"
                             " chi bộ trong năm; mức kéo giảm; số được phân bổ")
    p.add_argument("--year", type=int, required=True, metavar="NĂM")
    p.set_defaults(handler=cmd_results)
    p = screening.add_parser("fact", parents=[common], help="ghi kết luận của cấp ủy hoặc phản ánh của ban công tác"
                             " mặt trận, nơi làm việc về một đảng viên")
    p.add_argument("--member", required=True, metavar="MÃ_ĐV")
    p.add_argument("--kind", required=True, choices=("suy_thoai", "vi_pham", "uy_tin_thap"))
    p.add_argument("--source", required=True, choices=("cap_uy", "mat_tran", "noi_lam_viec"))
    p.add_argument("--date", required=True, metavar="NGÀY")
    p.add_argument("--text", required=True, metavar="NỘI DUNG")
    p.add_argument("--source-name", default="", metavar="TÊN", help="tên nơi phản ánh, kết luận")
    p.add_argument("--doc", default="", metavar="SỐ", help="số văn bản")
    p.set_defaults(handler=cmd_fact)

    p = screening.add_parser("baseline", parents=[common], help="số xóa tên, xin ra khỏi Đảng 2015–2020 của một"
                             " đảng bộ, chi bộ (căn cứ tính mức kéo giảm); không có --figure: xem số đã ghi")
    p.add_argument("--unit", required=True, metavar="MÃ", help="mã đảng bộ hoặc chi bộ")
    p.add_argument("--figure", action="append", default=[], metavar="NĂM=SỐ",
                   help="lặp lại cho mỗi năm 2015–2020; NĂM= (bỏ trống số) để xóa năm đó")
    p.set_defaults(handler=cmd_baseline)
    p = screening.add_parser("data-since", parents=[common], help="sổ có dữ liệu từ ngày nào (báo cáo Đề án 03);"
                             " không có ngày: xem")
    p.add_argument("date", nargs="?", metavar="NGÀY", help="dd/mm/yyyy")
    p.add_argument("--clear", action="store_true", help="bỏ ngày đã ghi, tính lại từ dữ liệu của sổ")
    p.set_defaults(handler=cmd_data_since)

    allot = sub.add_parser("allotment", help="số đảng viên xóa tên, xin ra khỏi Đảng được Đề án phân bổ") \
        .add_subparsers(dest="allotment_command", metavar="LỆNH")
    p = allot.add_parser("set", parents=[common], help="ghi số được phân bổ cho một đảng bộ, chi bộ trong một năm")
    p.add_argument("--unit", required=True, metavar="MÃ", help="mã đảng bộ hoặc chi bộ")
    p.add_argument("--year", type=int, required=True, metavar="NĂM")
    p.add_argument("--count", type=int, required=True, metavar="SỐ")
    p.add_argument("--doc", required=True, metavar="SỐ", help="số văn bản phân bổ")
    p.add_argument("--doc-date", metavar="NGÀY")
    p.add_argument("--note", default="")
    p.set_defaults(handler=cmd_allotment_set)
    p = allot.add_parser("list", parents=[common], help="số được phân bổ đã ghi")
    p.add_argument("--year", type=int, metavar="NĂM")
    p.set_defaults(handler=cmd_allotment_list)



def cell_id_of(db, code: str | None) -> str | None:
    if not code:
        return None
    from tayninh_desktop.services import organisation

    organisation.require_home(db)
    return organisation.cell_by_code(db, code).id


def cmd_run(args) -> int:
    from tayninh_desktop.services import screening

    db = open_db(args)
    run = screening.run(db, args.year, cell_id=cell_id_of(db, args.cell), today=date_option(args.today, "--today"))
    problems = [{"file": p.file, "message": p.message, "codes": list(p.codes), "office": p.office}
                for p in run.detector_set.problems]
    groups = group_signs(run.signs)
    if args.json:
        emit_json_list({"ok": True, "year": run.year, "as_of": run.as_of.isoformat(), "count": len(run.signs),
                        "members": run.members, "disabled_rules": problems,
                        "member_groups": [g.as_dict() for g in groups]}, "signs",
                       (screening.sign_as_dict(s, run.open_cases) for s in run.signs))
        return 0
    lines = []
    for group in groups:   # one member, every sign under the name
        opened = " [đã có hồ sơ]" if run.open_cases.get(group.member_id) else ""
        count = f" — {len(group.signs)} dấu hiệu" if len(group.signs) > 1 else ""
        lines.append(f"{group.member_name} — {group.cell_name}{count}{opened}")
        lines += [f"    [{sign_heading(s)}] {s.description}. {s.evidence} Căn cứ: {s.basis}. ({s.code})"
                  for s in group.signs]
    lines.append(f"Năm {run.year} (tính đến ngày {format_vn_date(run.as_of)}): {len(run.signs)} dấu hiệu,"
                 f" {run.members} đảng viên.")
    emit(args, {}, lines)
    for problem in problems:
        sys.stderr.write(f"Bỏ qua: {problem['message']}\n")
    return 0


def cmd_rules(args) -> int:
    from datetime import date

    from tayninh_desktop.services import screening

    on = date_option(args.on, "--on") or date.today()
    found = screening.detectors()
    rows = [{"code": d.code, "level": d.level.value, "measure": d.measure.value, "description": d.description,
             "basis": d.rule.basis, "citation": d.rule.citation_marked, "valid_from": d.rule.valid_from.isoformat(),
             "valid_to": d.rule.valid_to.isoformat() if d.rule.valid_to else None, "file": d.file,
             "unconfirmed": d.rule.unconfirmed, "min": d.get("min"), "max": d.get("max"), "months": d.get("months")}
            for d in found.in_force(on)]
    problems = [{"file": p.file, "message": p.message, "codes": list(p.codes)} for p in found.problems]
    emit(args, {"ok": True, "on": on.isoformat(), "detectors": rows, "disabled_rules": problems,
                "office_folder": str(screening.office_rules_folder())},
         [f"{r['code']:<32} {SIGN_LEVEL_LABELS[r['level']]:<16} {r['description']} — {r['citation']} ({r['file']})"
          for r in rows] + [f"Bỏ qua: {p['message']}" for p in problems]
         + [f"Tổng số: {len(rows)} dấu hiệu; thư mục quy tắc của văn phòng: {screening.office_rules_folder()}"])
    return 0


def cmd_results(args) -> int:
    from tayninh_desktop.domain.documents_report import percent_text
    from tayninh_desktop.services import screening_results

    db = open_db(args)
    rows = screening_results.results(db, args.year)
    emit(args, {"ok": True, "year": args.year, "rows": [screening_results.row_as_dict(r) for r in rows]},
         [f"{r.name}: dấu hiệu {r.signs}, đưa vào danh sách {r.listed}, giúp đỡ {r.helped}, tiến bộ {r.progressed};"
          f" xóa tên {r.xoa_ten}, khai trừ {r.khai_tru}, xin ra {r.ra_khoi_dang}, định cư {r.dinh_cu_nuoc_ngoai};"
          f" so với năm trước {percent_text(r.vs_previous)}, so với bình quân 2015–2020 {percent_text(r.vs_baseline)}"
          + (f"; phân bổ {r.allotted} ({r.allotment_doc})" if r.allotted is not None else "") for r in rows])
    return 0


def cmd_fact(args) -> int:
    from tayninh_desktop.services import screening_records

    db = open_db(args)
    fact_id, _ = screening_records.add_fact(db, actor(args), args.member, args.kind, args.source,
                                            date_option(args.date, "step_date", required=True),
                                            source_name=args.source_name, doc_number=args.doc, text=args.text)
    emit(args, {"ok": True, "fact_id": fact_id}, "Đã ghi phản ánh, kết luận.")
    return 0


def _unit(db, code: str):
    from tayninh_desktop.domain.errors import DomainError
    from tayninh_desktop.services import organisation

    unit = next((u for u in organisation.tree(db) if u[0].code == code), None)
    if unit is None:
        raise DomainError("unit_not_found", unit=code)
    return unit[0]


def cmd_baseline(args) -> int:
    from tayninh_desktop.services import reports_de_an_03

    db = open_db(args)
    unit = _unit(db, args.unit)
    if args.figure:
        figures: dict[int, int | None] = {}
        for pair in args.figure:
            year, sep, value = pair.partition("=")
            if not sep or not year.strip().isdigit() or (value.strip() and not value.strip().isdigit()):
                raise Usage(f"--figure {pair}: cần dạng NĂM=SỐ, ví dụ 2016=3")
            figures[int(year)] = int(value) if value.strip() else None
        reports_de_an_03.set_baseline(db, actor(args), unit.id, figures)
    found = reports_de_an_03.baseline(db, unit.id)
    emit(args, {"ok": True, "unit_code": unit.code, "figures": {str(y): v for y, v in sorted(found.items())}},
         [f"{unit.name}: " + (", ".join(f"{y}: {v}" for y, v in sorted(found.items())) or "chưa ghi số 2015–2020")])
    return 0


def cmd_data_since(args) -> int:
    from tayninh_desktop.services import reports_de_an_03

    db = open_db(args)
    if args.date and args.clear:
        raise Usage("ghi ngày hoặc --clear, không cả hai")
    if args.date or args.clear:
        since = date_option(args.date, "NGÀY") if args.date else None
        reports_de_an_03.set_data_since(db, actor(args), since)
    since, typed = reports_de_an_03.data_since(db)
    emit(args, {"ok": True, "data_since": since.isoformat() if since else None, "set_by_office": typed},
         "Sổ có dữ liệu từ ngày " + (format_vn_date(since) if since else "— (chưa có dữ liệu)")
         + (" (văn phòng ghi)." if typed else " (tính từ dữ liệu của sổ)."))
    return 0


def cmd_allotment_set(args) -> int:
    from tayninh_desktop.services import screening_records

    db = open_db(args)
    unit = _unit(db, args.unit)
    screening_records.set_allotment(db, actor(args), unit.id, args.year, args.count, args.doc,
                                    date_option(args.doc_date, "--doc-date"), args.note)
    emit(args, {"ok": True}, f"Đã ghi: {unit.name} năm {args.year} được phân bổ {args.count} ({args.doc}).")
    return 0


def cmd_allotment_list(args) -> int:
    from tayninh_desktop.services import organisation, screening_records

    db = open_db(args)
    names = {u.id: u.name for u, _ in organisation.tree(db)}
    rows = screening_records.allotments(db, args.year)
    emit(args, {"ok": True, "allotments": [{"unit_id": a.unit_id, "unit_name": names.get(a.unit_id, ""),
                                            "year": a.year, "allotted": a.allotted, "doc_number": a.doc_number,
                                            "doc_date": a.doc_date.isoformat() if a.doc_date else None}
                                           for a in rows]},
         [f"{a.year}  {names.get(a.unit_id, '')}: {a.allotted} ({a.doc_number})" for a in rows]
         + [f"Tổng số: {len(rows)} dòng."])
    return 0
