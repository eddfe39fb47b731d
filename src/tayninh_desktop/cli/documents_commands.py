"""Commands of documents: forms list, print, and the document register (list, reprint, print)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from tayninh_desktop.cli.output import actor, date_option, emit, open_db
from tayninh_desktop.domain.dates import format_vn_date

OFFICE_MARK = "  (mẫu của văn phòng)"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    forms = sub.add_parser("forms", help="mẫu văn bản").add_subparsers(dest="forms_command", metavar="LỆNH")
    p = forms.add_parser("list", parents=[common], help="các mẫu văn bản có thể in (cả mẫu văn phòng tự thêm "
                         "vào thư mục forms của thư mục dữ liệu)")
    p.add_argument("--scope", help="chỉ các mẫu về: cell, member, unit, meeting, year, period")
    p.set_defaults(handler=cmd_forms_list)

    p = sub.add_parser("print", parents=[common], help="in một mẫu văn bản ra tệp PDF (hoặc tệp Word .docx)")
    p.add_argument("form_id", metavar="MẪU", help="mã mẫu (xem «forms list»)")
    p.add_argument("--out", required=True, metavar="TỆP.pdf",
                   help="tệp PDF sẽ ghi; tên có đuôi .docx: tệp Word cùng thể thức để hoàn thiện bằng Word"
                        " (tệp Word không cấp số; văn bản có số in dự thảo)")
    p.add_argument("--member", metavar="MÃ", action="append", default=[],
                   help="mã đảng viên (hồ sơ kỳ họp: mỗi đảng viên được xem xét một lần --member)")
    p.add_argument("--question", metavar="NỘI DUNG", action="append", default=[],
                   help="nội dung biểu quyết (phiếu biểu quyết, biên bản kiểm phiếu); có thể nhắc lại")
    p.add_argument("--cell", metavar="MÃ", help="mã chi bộ")
    p.add_argument("--case", metavar="MÃ", action="append", default=[],
                   help="mã hồ sơ (rà soát, xóa tên); hồ sơ kỳ họp chi bộ: mỗi hồ sơ chi bộ biểu quyết tại kỳ họp một"
                        " lần --case (phiếu, biên bản kiểm phiếu, nghị quyết của hồ sơ)")
    p.add_argument("--year", type=int, metavar="NĂM")
    p.add_argument("--period", metavar="KỲ", help="kỳ báo cáo, ví dụ 2026-06")
    p.add_argument("--date", metavar="NGÀY", help="ngày của văn bản (dd/mm/yyyy; mặc định hôm nay)")
    p.add_argument("--blank", action="store_true", help="in mẫu trắng để viết tay")
    p.add_argument("--draft", action="store_true",
                   help="in dự thảo (có dấu «DỰ THẢO»), không cấp số, không vào sổ")
    p.add_argument("--summary", metavar="TRÍCH YẾU", help="trích yếu nội dung văn bản")
    p.add_argument("--content", metavar="TỆP.txt",
                   help="tệp văn bản (UTF-8) ghi nội dung, mỗi dòng một ý; văn bản có số chỉ được cấp số khi có nội dung")
    p.add_argument("--letter", metavar="MÃ", help="mã giấy giới thiệu đã ghi (giấy giới thiệu sinh hoạt đảng)")
    p.add_argument("--motion", choices=("help_list", "removal"),
                   help="nội dung bỏ phiếu về đảng viên được xem xét: help_list (đưa vào danh sách giáo dục,"
                        " giúp đỡ) hoặc removal (đề nghị xóa tên)")
    p.add_argument("--yes", type=int, metavar="SỐ", help="biên bản kiểm phiếu: số phiếu đồng ý")
    p.add_argument("--no", type=int, metavar="SỐ", help="biên bản kiểm phiếu: số phiếu không đồng ý")
    p.add_argument("--returned", type=int, metavar="SỐ", help="biên bản kiểm phiếu: số phiếu thu về")
    p.set_defaults(handler=cmd_print)

    docs = sub.add_parser("documents", help="sổ đăng ký văn bản").add_subparsers(dest="documents_command",
                                                                                 metavar="LỆNH")
    p = docs.add_parser("list", parents=[common], help="các văn bản đã ban hành")
    p.add_argument("--year", type=int, metavar="NĂM")
    p.set_defaults(handler=cmd_documents_list)
    p = docs.add_parser("reprint", parents=[common], help="in lại một văn bản đã ban hành")
    p.add_argument("document_id", metavar="MÃ")
    p.add_argument("--out", required=True, metavar="TỆP.pdf",
                   help="tệp PDF sẽ ghi; tên có đuôi .docx: tệp Word của văn bản đã cấp số (cùng số, cùng ngày)")
    p.set_defaults(handler=cmd_documents_reprint)
    p = docs.add_parser("register", parents=[common], help="in sổ đăng ký văn bản đi (của đảng ủy, hoặc một chi bộ)")
    p.add_argument("--out", required=True, metavar="TỆP.pdf")
    p.add_argument("--year", type=int, metavar="NĂM")
    p.add_argument("--cell", metavar="MÃ", help="sổ của một chi bộ (mặc định: sổ của đảng ủy)")
    p.set_defaults(handler=cmd_documents_register)


def cmd_forms_list(args) -> int:
    from tayninh_desktop.services import documents

    forms = documents.list_forms(args.scope)
    problems = documents.office_form_problems()
    emit(args, {"ok": True, "count": len(forms), "forms": [
        {"id": f.id, "name": f.name, "type_code": f.type_code, "description": f.description, "scope": list(f.scope),
         "numbered": f.numbered, "office": f.office} for f in forms],
        "problems": [{"file": p.file, "message": p.message} for p in problems],
        "office_folder": str(documents.office_forms_folder())},
         [f"{f.id:<34} {f.name}{OFFICE_MARK if f.office else ''}" for f in forms]
         + [f"Tổng số: {len(forms)} mẫu."])
    if problems and not args.json:
        sys.stderr.write("".join(f"{p.message}\n" for p in problems))
    return 0


def _date(text: str | None) -> date | None:
    return date_option(text, "--date")


def cmd_print(args) -> int:
    from tayninh_desktop.domain.votes import VoteKind
    from tayninh_desktop.services import documents, organisation

    on = _date(args.date)
    content = _content(args.content)
    db = open_db(args)
    organisation.require_home(db)
    cell_id = organisation.cell_by_code(db, args.cell).id if args.cell else None
    members = tuple(args.member)
    dossier = bool(documents.get_form_info(args.form_id).parts)
    if len(args.case) > 1 and not dossier:
        from tayninh_desktop.domain.errors import DomainError

        raise DomainError("form_one_case", form=documents.get_form_info(args.form_id).name)
    tally = (args.yes or 0, args.no or 0, args.returned) if args.yes is not None or args.no is not None else None
    request = documents.PrintRequest(cell_id=cell_id, member_id=None if dossier or not members else members[0],
                                     member_ids=members, questions=tuple(args.question), year=args.year,
                                     period=args.period, on=on, blank=args.blank, issue=not args.draft,
                                     draft=args.draft, case_id=None if dossier or not args.case else args.case[0],
                                     case_ids=tuple(args.case) if dossier else (), summary=args.summary or "",
                                     content=content, letter_id=args.letter,
                                     motion=VoteKind(args.motion) if args.motion else None, tally=tally)
    if _is_word(args.out):
        return _save_word(args, db, request)
    result, _ = documents.print_form(db, actor(args), args.form_id, Path(args.out), request)
    issued = f", số {result.symbol}" if result.symbol else ""
    emit(args, {"ok": True, "path": str(result.path), "pages": result.pages, "sha256": result.sha256,
                "document_id": result.document_id, "symbol": result.symbol or None,
                "numbered": bool(result.symbol)},
         f"Đã in {result.path} ({result.pages} trang{issued}).")
    return 0


def _is_word(path: str) -> bool:
    return Path(path).suffix.lower() == ".docx"


def _save_word(args, db, request) -> int:
    from tayninh_desktop.services import documents_word

    result = documents_word.save_docx(db, actor(args), args.form_id, Path(args.out), request)
    emit(args, {"ok": True, "path": str(result.path), "format": "docx", "sha256": result.sha256, "pages": None,
                "document_id": None, "symbol": None, "numbered": False},
         f"Đã lưu tệp Word {result.path} (chưa cấp số: cấp số bằng cách in ra PDF).")
    return 0


def _content(path: str | None) -> tuple[str, ...]:
    """The lines of a content file (UTF-8), refused naming the file when it cannot be read."""
    if not path:
        return ()
    from tayninh_desktop.domain.errors import DomainError
    from tayninh_desktop.domain.messages_register import os_reason
    from tayninh_desktop.domain.vn_text import nfc

    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DomainError("content_unreadable", path=path, reason=os_reason(exc)) from None
    except UnicodeDecodeError:
        raise DomainError("content_unreadable", path=path, reason="không phải văn bản UTF-8") from None
    return tuple(line for line in (" ".join(nfc(raw).split()) for raw in text.splitlines()) if line)


def cmd_documents_list(args) -> int:
    from tayninh_desktop.services import documents_register

    db = open_db(args)
    docs = documents_register.register_listing(db, year=args.year)
    emit(args, {"ok": True, "count": len(docs), "documents": [
        {"id": d.id, "symbol": d.symbol, "issued_on": d.issued_on.isoformat(), "type_code": d.type_code,
         "summary": d.summary, "signer": d.signer, "form_id": d.form_id, "sha256": d.pdf_sha256} for d in docs]},
         [f"{d.symbol:<14} {format_vn_date(d.issued_on)}  {d.summary}  [{d.id}]" for d in docs]
         + [f"Tổng số: {len(docs)} văn bản."])
    return 0


def cmd_documents_reprint(args) -> int:
    from tayninh_desktop.services import documents

    db = open_db(args)
    if _is_word(args.out):
        from tayninh_desktop.services import documents_word

        word = documents_word.reprint_docx(db, actor(args), args.document_id, Path(args.out))
        emit(args, {"ok": True, "path": str(word.path), "format": "docx", "sha256": word.sha256, "pages": None},
             f"Đã lưu tệp Word của văn bản vào {word.path}.")
        return 0
    result = documents.reprint(db, actor(args), args.document_id, Path(args.out))
    emit(args, {"ok": True, "path": str(result.path), "pages": result.pages, "sha256": result.sha256,
                "symbol": result.symbol}, f"Đã in lại văn bản số {result.symbol} vào {result.path}.")
    return 0


def cmd_documents_register(args) -> int:
    from tayninh_desktop.services import documents_register, organisation

    db = open_db(args)
    cell_id = organisation.cell_by_code(db, args.cell).id if args.cell else None
    result = documents_register.print_register(db, actor(args), Path(args.out), year=args.year, cell_id=cell_id)
    emit(args, {"ok": True, "path": str(result.path), "pages": result.pages, "sha256": result.sha256},
         f"Đã in sổ đăng ký văn bản vào {result.path} ({result.pages} trang).")
    return 0
