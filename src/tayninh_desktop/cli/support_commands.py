"""Commands of the support programme (finding and telling, households, loans): ``support …``.

The applications, the report and the papers are in ``support_application_commands``; the fund in
``fund_commands``. A member is named by id, CCCD or party card number; a loan by id or contract number.
"""

from __future__ import annotations

import argparse
from datetime import date

from tayninh_desktop.cli.output import REFUSED, actor, date_option, emit, open_db
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.messages_support import (
    BASIS_LABELS,
    CATEGORY_LABELS,
    DISCHARGED_LABELS,
    HOUSEHOLD_LABELS,
)
from tayninh_desktop.domain.vn_money import format_money, format_rate

# The ``support`` group, which support_application_commands adds to.
GROUPS: dict[str, argparse._SubParsersAction] = {}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser("support", help="hỗ trợ đảng viên có hoàn cảnh khó khăn (KH 90-KH/TU và kế tiếp)")
    support = group.add_subparsers(dest="support_command", metavar="LỆNH")
    GROUPS["support"] = support
    p = support.add_parser("screen", parents=[common], help="rà soát: đảng viên có thể thuộc diện hỗ trợ")
    p.add_argument("--on", metavar="NGÀY", help="rà soát vào ngày (dd/mm/yyyy; mặc định hôm nay)")
    p.add_argument("--cell", metavar="MÃ", help="chỉ một chi bộ")
    p.add_argument("--untold", action="store_true", help="chỉ người chưa được thông tin chính sách")
    p.set_defaults(handler=cmd_screen)

    p = support.add_parser("told", parents=[common], help="ghi đã thông tin chính sách cho một đảng viên")
    p.add_argument("member", metavar="ĐẢNG_VIÊN", help="mã, số CCCD hoặc số thẻ đảng viên")
    p.add_argument("--on", required=True, metavar="NGÀY", help="ngày thông tin (dd/mm/yyyy)")
    p.add_argument("--how", required=True, metavar="CÁCH", help="hình thức, ví dụ «Gặp tại nhà»")
    p.add_argument("--by", default="", metavar="TÊN", help="người thông tin (mặc định: người thực hiện lệnh)")
    p.add_argument("--note", default="", metavar="GHI_CHÚ")
    p.set_defaults(handler=cmd_told)

    p = support.add_parser("present", parents=[common],
                           help="ghi buổi sinh hoạt chi bộ đã phổ biến chính sách: người có mặt được tính đã thông tin")
    p.add_argument("meeting", metavar="MÃ_BUỔI_SINH_HOẠT", help="mã buổi sinh hoạt (lệnh meetings list)")
    p.add_argument("--by", default="", metavar="TÊN", help="người phổ biến (mặc định: người chủ trì)")
    p.set_defaults(handler=cmd_present)

    p = support.add_parser("household", parents=[common], help="ghi hoàn cảnh gia đình của đảng viên trong một năm")
    p.add_argument("member", metavar="ĐẢNG_VIÊN")
    p.add_argument("--year", required=True, metavar="NĂM")
    p.add_argument("--class", dest="classification", required=True, choices=sorted(HOUSEHOLD_LABELS),
                   help="ngheo, can_ngheo, muc_song_trung_binh hoặc khac")
    p.add_argument("--certificate", default="", metavar="SỐ", help="số giấy chứng nhận hộ nghèo/cận nghèo…")
    p.add_argument("--certificate-date", default="", metavar="NGÀY")
    p.add_argument("--issuer", default="", metavar="NƠI_CẤP")
    p.add_argument("--discharged", default="", choices=["", "quan_doi", "cong_an"],
                   help="quân nhân (quan_doi) hoặc công an (cong_an) xuất ngũ về địa phương")
    p.add_argument("--income", default="", metavar="ĐỒNG", help="thu nhập bình quân (đồng/người/tháng)")
    p.add_argument("--urban", action="store_true", help="hộ ở khu vực thành thị")
    p.add_argument("--note", default="")
    p.set_defaults(handler=cmd_household)

    p = support.add_parser("households", parents=[common], help="hoàn cảnh gia đình của một đảng viên qua các năm")
    p.add_argument("member", metavar="ĐẢNG_VIÊN")
    p.set_defaults(handler=cmd_households)

    loans = support.add_parser("loans", help="khoản vay Ngân hàng Chính sách xã hội").add_subparsers(
        dest="loans_command", metavar="LỆNH")
    GROUPS["loans"] = loans
    p = loans.add_parser("add", parents=[common], help="ghi khoản vay theo sổ vay vốn")
    p.add_argument("member", metavar="ĐẢNG_VIÊN")
    p.add_argument("--programme", required=True, metavar="MÃ", help="chương trình vay (lệnh support programmes)")
    p.add_argument("--amount", required=True, metavar="ĐỒNG", help="số tiền vay, ví dụ 50.000.000")
    p.add_argument("--rate", required=True, metavar="%/NĂM", help="lãi suất một năm, ví dụ 6,6")
    p.add_argument("--start", required=True, metavar="NGÀY", help="ngày vay")
    p.add_argument("--term", required=True, metavar="THÁNG", help="thời hạn vay (tháng)")
    p.add_argument("--contract", default="", metavar="SỐ", help="số khế ước / sổ vay vốn")
    p.add_argument("--purpose", default="", metavar="MỤC_ĐÍCH")
    p.set_defaults(handler=cmd_loan_add)
    p = loans.add_parser("edit", parents=[common], help="sửa khoản vay ghi sai (chỉ các trường ghi trong lệnh)")
    p.add_argument("loan", metavar="KHOẢN_VAY", help="mã hoặc số khế ước")
    for option, meta in (("--programme", "MÃ"), ("--amount", "ĐỒNG"), ("--rate", "%/NĂM"), ("--start", "NGÀY"),
                         ("--term", "THÁNG"), ("--contract", "SỐ"), ("--purpose", "MỤC_ĐÍCH")):
        p.add_argument(option, metavar=meta)
    p.set_defaults(handler=cmd_loan_edit)
    p = loans.add_parser("list", parents=[common], help="các khoản vay (của một đảng viên hoặc tất cả)")
    p.add_argument("--member", metavar="ĐẢNG_VIÊN")
    p.set_defaults(handler=cmd_loan_list)
    p = loans.add_parser("interest", parents=[common], help="ghi lãi đã trả theo sao kê, biên lai")
    p.add_argument("loan", metavar="KHOẢN_VAY", help="mã hoặc số khế ước")
    p.add_argument("--on", required=True, metavar="NGÀY", help="ngày trả lãi")
    p.add_argument("--amount", required=True, metavar="ĐỒNG")
    p.add_argument("--reference", default="", metavar="SỐ", help="số biên lai, chứng từ")
    p.set_defaults(handler=cmd_loan_interest)
    p = loans.add_parser("delete", parents=[common], help="xóa khoản vay ghi nhầm (chưa có lần trả lãi, hồ sơ)")
    p.add_argument("loan", metavar="KHOẢN_VAY", help="mã hoặc số khế ước")
    p.set_defaults(handler=cmd_loan_delete)
    p = loans.add_parser("import", parents=[common], help="nhập lãi đã trả từ tệp sao kê Excel của ngân hàng")
    p.add_argument("file", metavar="TỆP", help="tệp .xlsx hoặc .xls")
    p.add_argument("--dry-run", action="store_true", help="chạy thử: chỉ báo cáo từng dòng")
    p.add_argument("--report", metavar="TỆP.xlsx", help="lưu báo cáo từng dòng (bản sao tệp với cột kết quả)")
    p.add_argument("--accept-valid", action="store_true", help="chỉ nhập các dòng hợp lệ")
    p.set_defaults(handler=cmd_loan_import)

    reference = support.add_parser("reference", help="sửa căn cứ và định mức (kế hoạch, chương trình vay, chuẩn"
                                                     " nghèo)").add_subparsers(dest="reference_command", metavar="LỆNH")
    p = reference.add_parser("set", parents=[common],
                             help="thay một phần bằng các bản ghi trong tệp TOML (cùng dạng resources/reference/"
                                  "support.toml); kiểm tra trước khi lưu")
    p.add_argument("section", choices=["plan", "programmes", "poverty_lines"], metavar="PHẦN",
                   help="plan, programmes hoặc poverty_lines")
    p.add_argument("file", metavar="TỆP.toml")
    p.set_defaults(handler=cmd_reference_set)
    p = reference.add_parser("reset", parents=[common], help="dùng lại giá trị mặc định cho một phần")
    p.add_argument("section", choices=["plan", "programmes", "poverty_lines"], metavar="PHẦN")
    p.set_defaults(handler=cmd_reference_reset)

    p = support.add_parser("programmes", parents=[common],
                           help="căn cứ và định mức: kế hoạch hỗ trợ, chương trình vay, chuẩn nghèo (có đánh dấu"
                                " giá trị chưa xác nhận)")
    p.set_defaults(handler=cmd_programmes)


def _member(db, text: str):
    from tayninh_desktop.services.support_household import find_member

    return find_member(db, text)


def _loan(db, who, text: str):
    from tayninh_desktop.domain.errors import DomainError
    from tayninh_desktop.services import support_household
    from tayninh_desktop.storage import support_repo

    loan = support_repo.loan(db, text) or support_repo.loan_by_contract(db, text)
    if loan is None:
        raise DomainError("loan_not_found", loan_id=text)
    return support_household.get_loan(db, who, loan.id)


def cmd_screen(args) -> int:
    from tayninh_desktop.services import organisation, support_screening

    db = open_db(args)
    organisation.require_home(db)
    cell = organisation.cell_by_code(db, args.cell) if args.cell else None
    result = support_screening.run_screen(db, actor(args), date_option(args.on, "--on"), cell_id=cell.id if cell else None)
    lines = [x for x in result.lines if not (args.untold and x.told)]
    counts = result.counts()
    payload = {"ok": True, "on": result.day.isoformat(), "plan": result.plan.code,
               "plan_unconfirmed": result.plan.unconfirmed, "counts": counts, "members": [
                   {"member_id": x.member_id, "full_name": x.full_name, "cell_id": x.cell_id, "cell": x.cell_name,
                    "basis": x.basis.value, "categories": list(x.categories), "missing": list(x.missing),
                    "loans": x.loans, "told": x.told, "told_on": x.told_on.isoformat() if x.told_on else None}
                   for x in lines]}
    text = [f"Rà soát ngày {format_vn_date(result.day)} theo {result.plan.code}"
            + (" (CHƯA XÁC NHẬN)" if result.plan.unconfirmed else "") + ":"]
    for x in lines:
        told = f"đã thông tin {format_vn_date(x.told_on)}" if x.told else "CHƯA THÔNG TIN"
        what = ", ".join(CATEGORY_LABELS[c] for c in x.categories) or BASIS_LABELS[x.basis.value]
        missing = f" — {'; '.join(x.missing)}" if x.missing else ""
        text.append(f"{x.full_name:<28} {x.cell_name:<26} {what}; {told}{missing}")
    text.append(f"Tổng số: {counts['screened']} đảng viên có thể thuộc diện ({counts['doi_tuong']} theo đối tượng,"
                f" {counts['khoan_vay']} có khoản vay, {counts['chua_ro']} chưa rõ hoàn cảnh);"
                f" đã thông tin {counts['told']}.")
    emit(args, payload, text)
    return 0


def cmd_told(args) -> int:
    from tayninh_desktop.services import support_screening

    db = open_db(args)
    member = _member(db, args.member)
    record_id, _ = support_screening.record_told(db, actor(args), member.id, {
        "told_on": args.on, "how": args.how, "told_by": args.by, "outreach_notes": args.note})
    emit(args, {"ok": True, "outreach_id": record_id, "member_id": member.id},
         f"Đã ghi: đồng chí {member.full_name} được thông tin chính sách ngày {args.on} ({args.how}).")
    return 0


def cmd_present(args) -> int:
    from tayninh_desktop.services import support_presentation

    db = open_db(args)
    who = actor(args)
    support_presentation.present_at_meeting(db, who, args.meeting, args.by)
    shown = support_presentation.presentation_of(db, who, args.meeting)
    to_tell = [name for _, name, _ in shown.to_tell]
    emit(args, {"ok": True, "told": [mid for mid, _ in shown.told], "to_tell": [mid for mid, _, _ in shown.to_tell]},
         [(f"Đã ghi phổ biến chính sách ngày {format_vn_date(shown.meeting_date)}: {len(shown.told)} đảng viên có mặt"
          " được tính đã thông tin.")]
         + ([f"Cần thông tin trực tiếp cho {len(to_tell)} người vắng: {', '.join(to_tell)}."] if to_tell else []))
    return 0


def cmd_household(args) -> int:
    from tayninh_desktop.services import support_household

    db = open_db(args)
    member = _member(db, args.member)
    form = {"year": args.year, "classification": args.classification, "certificate_number": args.certificate,
            "certificate_date": args.certificate_date, "certificate_issuer": args.issuer,
            "discharged": args.discharged, "income_per_person": args.income,
            "area": "thanh_thi" if args.urban else "nong_thon", "household_notes": args.note}
    existing = support_household.household_of(db, actor(args), member.id, int(args.year)) \
        if str(args.year).isdigit() else None
    record_id, _ = support_household.record_household(db, actor(args), member.id, form,
                                                      household_id=existing.id if existing else None)
    emit(args, {"ok": True, "household_id": record_id, "updated": existing is not None},
         f"Đã ghi hoàn cảnh năm {args.year} của đồng chí {member.full_name}: "
         f"{HOUSEHOLD_LABELS[args.classification]}.")
    return 0


def cmd_households(args) -> int:
    from tayninh_desktop.services import support_household

    db = open_db(args)
    member = _member(db, args.member)
    records = support_household.households_of(db, actor(args), member.id)
    emit(args, {"ok": True, "households": [
        {"id": h.id, "year": h.year, "classification": h.classification.value, "certificate": h.certificate_number,
         "discharged": h.discharged.value, "income_per_person": h.income_per_person} for h in records]},
        [f"{h.year}: {HOUSEHOLD_LABELS[h.classification.value]}"
         + (f", giấy chứng nhận {h.certificate_number}" if h.certificate_number else "")
         + (f"; {DISCHARGED_LABELS[h.discharged.value].lower()}" if h.discharged.value else "") for h in records]
        or [f"Chưa ghi hoàn cảnh gia đình của đồng chí {member.full_name}."])
    return 0


def cmd_loan_add(args) -> int:
    from tayninh_desktop.services import support_household

    db = open_db(args)
    member = _member(db, args.member)
    loan_id, _ = support_household.record_loan(db, actor(args), member.id, {
        "programme": args.programme, "contract_number": args.contract, "loan_amount": args.amount, "rate": args.rate,
        "start_date": args.start, "term_months": args.term, "purpose": args.purpose})
    loan = support_household.get_loan(db, actor(args), loan_id)
    emit(args, {"ok": True, "loan_id": loan_id}, f"Đã ghi khoản vay: {support_household.loan_label(db, loan)}.")
    return 0


def cmd_loan_edit(args) -> int:
    from tayninh_desktop.domain.vn_money import group_digits, rate_number
    from tayninh_desktop.services import support_household

    db = open_db(args)
    loan = _loan(db, actor(args), args.loan)
    form = {"programme": args.programme or loan.programme,
            "contract_number": loan.contract_number if args.contract is None else args.contract,
            "loan_amount": args.amount or group_digits(loan.amount), "rate": args.rate or rate_number(loan.rate_bp),
            "start_date": args.start or format_vn_date(loan.start_date), "term_months": args.term or str(loan.term_months),
            "purpose": loan.purpose if args.purpose is None else args.purpose, "loan_notes": loan.notes}
    support_household.record_loan(db, actor(args), loan.member_id, form, loan_id=loan.id)
    loan = support_household.get_loan(db, actor(args), loan.id)
    emit(args, {"ok": True, "loan_id": loan.id}, f"Đã sửa khoản vay: {support_household.loan_label(db, loan)}.")
    return 0


def cmd_loan_list(args) -> int:
    from tayninh_desktop.services import support_household
    from tayninh_desktop.storage import members_repo

    db = open_db(args)
    who = actor(args)
    loans = support_household.loans_of(db, who, _member(db, args.member).id) if args.member \
        else support_household.all_loans(db, who)
    rows = []
    for loan in loans:
        paid = sum(p.amount for p in support_household.payments_of(db, who, loan.id))
        owner = members_repo.get(db, loan.member_id)
        rows.append(({"loan_id": loan.id, "member_id": loan.member_id, "programme": loan.programme,
                      "contract_number": loan.contract_number, "amount": loan.amount, "rate_bp": loan.rate_bp,
                      "start_date": loan.start_date.isoformat(), "term_months": loan.term_months,
                      "interest_paid": paid},
                     (f"{owner.full_name if owner else '':<28} {support_household.loan_label(db, loan)};"
                     f" lãi đã trả {format_money(paid)}")))
    emit(args, {"ok": True, "loans": [r[0] for r in rows]}, [r[1] for r in rows] + [f"Tổng số: {len(rows)} khoản vay."])
    return 0


def cmd_loan_interest(args) -> int:
    from tayninh_desktop.services import support_household

    db = open_db(args)
    loan = _loan(db, actor(args), args.loan)
    payment_id, _ = support_household.record_payment(db, actor(args), loan.id, {
        "paid_on": args.on, "interest_amount": args.amount, "reference": args.reference})
    emit(args, {"ok": True, "payment_id": payment_id}, f"Đã ghi lãi đã trả ngày {args.on}: {args.amount} đ.")
    return 0


def cmd_loan_delete(args) -> int:
    from tayninh_desktop.services import support_household

    db = open_db(args)
    loan = _loan(db, actor(args), args.loan)
    support_household.delete_loan(db, actor(args), loan.id)
    emit(args, {"ok": True}, f"Đã xóa khoản vay {loan.contract_number or loan.id}.")
    return 0


def cmd_loan_import(args) -> int:
    from tayninh_desktop.domain.messages_import import ROW_STATUS_LABELS
    from tayninh_desktop.services import support_import

    db = open_db(args)
    plan = support_import.plan_statement(db, actor(args), args.file)
    if args.report:
        support_import.save_report(plan, args.report)
    written, applied = 0, False
    if not args.dry_run and (not plan.blocked or args.accept_valid):
        written, _ = support_import.apply_statement(db, actor(args), plan, accept_valid=args.accept_valid)
        applied = True
    counts = plan.counts
    payload = {"ok": applied or args.dry_run, "applied": applied, "written": written, "counts": counts,
               "rows": [{"row": x.row, "status": x.status, "message": x.message, "loan_id": x.loan_id,
                         "paid_on": x.paid_on.isoformat() if x.paid_on else None, "amount": x.amount}
                        for x in plan.lines]}
    text = [f"Dòng {x.row}: {ROW_STATUS_LABELS[x.status]} — {x.message}" for x in plan.lines]
    text.append(f"{plan.path.name}, trang «{plan.sheet}»: {counts['added']} dòng mới, {counts['unchanged']} đã có,"
                f" {counts['refused']} bị từ chối; " + (f"đã ghi {written} lần trả lãi." if applied else
                                                         "chưa ghi gì."))
    emit(args, payload, text)
    if not applied and not args.dry_run:
        return REFUSED
    return 0


def cmd_reference_set(args) -> int:
    import tomllib
    from pathlib import Path

    from tayninh_desktop.domain.errors import DomainError
    from tayninh_desktop.services import support_reference

    path = Path(args.file)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DomainError("reference_file_unreadable", file=path.name, reason=str(exc)) from None
    records = data.get(args.section)
    if not isinstance(records, list):
        records = []
    db = open_db(args)
    raw = [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()} for r in records
           if isinstance(r, dict)]
    support_reference.set_section(db, actor(args), args.section, raw)
    emit(args, {"ok": True, "section": args.section, "records": len(raw)},
         f"Đã lưu {len(raw)} bản ghi cho phần «{args.section}» (văn phòng sửa; mặc định vẫn giữ để khôi phục).")
    return 0


def cmd_reference_reset(args) -> int:
    from tayninh_desktop.services import support_reference

    db = open_db(args)
    support_reference.set_section(db, actor(args), args.section, None)
    emit(args, {"ok": True, "section": args.section}, f"Đã dùng lại giá trị mặc định cho phần «{args.section}».")
    return 0


def cmd_programmes(args) -> int:
    from tayninh_desktop.services import support_reference

    db = open_db(args)
    book = support_reference.book(db)
    today = date.today()
    plan = book.plan_on(today)
    text = []
    for p in book.plans:
        mark = " [CHƯA XÁC NHẬN: " + (", ".join(p.unconfirmed_fields) or "toàn bộ") + "]" if p.unconfirmed else ""
        text.append(f"Kế hoạch {p.code} ({p.citation}), {format_vn_date(p.valid_from)}–"
                    f"{format_vn_date(p.valid_to) if p.valid_to else 'nay'}: hỗ trợ {p.share_bp // 100} % lãi suất"
                    f"{mark}{' — ĐANG ÁP DỤNG' if p is plan else ''}")
    for p in book.programmes:
        mark = " [CHƯA XÁC NHẬN]" if p.unconfirmed else ""
        text.append(f"  {p.code:<20} {p.name}: {format_rate(p.rate_bp)} ({p.citation})"
                    f"{'' if p.production else ' — ngoài phạm vi hỗ trợ'}{mark}")
    for line in book.poverty_lines:
        mark = " [CHƯA XÁC NHẬN]" if line.unconfirmed else ""
        text.append(f"Chuẩn nghèo {line.name}: nông thôn {format_money(line.rural_line)}, thành thị"
                    f" {format_money(line.urban_line)}/người/tháng{mark}")
    from tayninh_desktop.domain.assistance_reference import book_to_raw

    emit(args, {"ok": True, "in_force": plan.code if plan else None, "reference": book_to_raw(book)}, text)
    return 0
