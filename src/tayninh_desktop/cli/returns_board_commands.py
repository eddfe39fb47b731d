"""The receiving side's commands: ``returns import|status|expect|allotment|report|remind``."""

from __future__ import annotations

from tayninh_desktop.cli.output import REFUSED, actor, date_option, emit, open_db
from tayninh_desktop.domain.dates import format_vn_date


def cmd_import(args) -> int:
    from tayninh_desktop.services import returns_receive

    db = open_db(args)
    outcomes, _ = returns_receive.import_returns(db, actor(args), args.file, write_receipts=not args.no_receipt)
    words = {"accepted": "ĐÃ NHẬN", "duplicate": "ĐÃ CÓ", "rejected": "TỪ CHỐI", "refused": "KHÔNG NHẬP"}
    lines = []
    for o in outcomes:
        lines.append(f"[{words[o.status]}] {o.file}: {o.message}")
        lines += [f"    {line}" for line in o.summary]
        if o.receipt:
            lines.append(f"    Giấy biên nhận: {o.receipt}")
        if o.receipt_error:
            lines.append(f"    Chưa ghi được giấy biên nhận: {o.receipt_error}")
    counts = {s: sum(o.status == s for o in outcomes) for s in words}
    lines.append(f"Tổng số {len(outcomes)} tệp: nhận {counts['accepted']}, đã có {counts['duplicate']}, "
                 f"từ chối {counts['rejected']}, không nhập {counts['refused']}.")
    emit(args, {"ok": not counts["refused"] and not counts["rejected"], "counts": counts,
                "files": [o.as_dict() for o in outcomes]}, lines)
    return REFUSED if counts["refused"] or counts["rejected"] else 0


def _sent_lines(db) -> tuple[list[dict], list[str]]:
    from tayninh_desktop.domain.messages_returns import RECEIPT_LABELS
    from tayninh_desktop.storage import returns_repo

    sent = returns_repo.sent_returns(db)
    rows = [{"period": s.period, "revision": s.revision, "file": s.file_name, "sent_at": s.sent_at,
             "receipt": s.receipt_state, "receipt_note": s.receipt_note,
             "locked": returns_repo.period_lock(db, s.period).locked} for s in sent]
    lines = [f"Đã gửi kỳ {r['period']} lần {r['revision']} ({r['sent_at'][:10]}): {RECEIPT_LABELS[r['receipt']]}"
             + (f" — {r['receipt_note']}" if r["receipt_note"] else "") + ("" if r["locked"] else " (kỳ đã mở lại)")
             for r in rows]
    return rows, lines


def cmd_status(args) -> int:
    from tayninh_desktop.domain.messages_returns import STATE_LABELS
    from tayninh_desktop.services import returns_board

    db = open_db(args)
    board = returns_board.board(db, today=date_option(args.today, "--today"), period=args.period,
                                only_owed=args.owed)
    sent, lines = _sent_lines(db)
    for deadline in board.periods:
        counts = board.counts(deadline.period)
        lines.append(f"Kỳ {deadline.period}, hạn nộp {format_vn_date(deadline.day)}"
                     + (f" ({deadline.doc_number})" if deadline.doc_number else
                        f" (theo quy định: {deadline.citation})" if deadline.from_rule else "") + ": "
                     + ", ".join(f"{STATE_LABELS[k].lower()} {n}" for k, n in counts.items() if n))
        for row in board.rows:
            cell = row.cells[deadline.period]
            extra = f", lần {cell.revision}" if cell.revision else ""
            extra += f", {cell.superseded} lần cũ được lưu" if cell.superseded else ""
            lines.append(f"    {row.unit_code:<10} {row.unit_name:<40} {STATE_LABELS[cell.state.value]}{extra}"
                         + (f" — {cell.refused}" if cell.refused and not cell.revision else ""))
    if not lines:
        lines = ["Chưa gửi hoặc nhận báo cáo nào."]
    emit(args, {"ok": True, "sent": sent, "periods": [{"period": d.period, "deadline": d.day.isoformat(),
                                                       "doc": d.doc_number, "deadline_from_rule": d.from_rule,
                                                       "counts": board.counts(d.period)} for d in board.periods],
                "units": [{"code": r.unit_code, "name": r.unit_name,
                           "cells": {p: {"state": c.state.value, "revision": c.revision, "superseded": c.superseded,
                                         "received_at": c.received_at, "refused": c.refused}
                                     for p, c in r.cells.items()}} for r in board.rows]}, lines)
    return 0


def cmd_expect(args) -> int:
    from tayninh_desktop.services import returns_board

    db = open_db(args)
    returns_board.expect(db, actor(args), args.period, deadline=date_option(args.deadline, "--deadline"),
                         doc_number=args.doc)
    deadline = returns_board.deadline_for(db, args.period)
    emit(args, {"ok": True, "period": deadline.period, "deadline": deadline.day.isoformat()},
         f"Kỳ {deadline.period}: hạn nộp {format_vn_date(deadline.day)}.")
    return 0


def cmd_allotment_set(args) -> int:
    from tayninh_desktop.services import returns_board

    db = open_db(args)   # the same record as «allotment set --unit CODE»: one store of allotments
    returns_board.set_allotment(db, actor(args), args.unit, args.year, args.count, args.doc,
                                date_option(args.doc_date, "--doc-date"))
    emit(args, {"ok": True}, f"Đã ghi: {args.unit} năm {args.year} được phân bổ {args.count} ({args.doc}).")
    return 0


def cmd_allotment_list(args) -> int:
    from tayninh_desktop.services import returns_board

    db = open_db(args)
    found = returns_board.allotments(db, args.year)
    emit(args, {"ok": True, "year": args.year, "allotments": {c: {"allotted": n, "doc": d} for c, (n, d) in
                                                              found.items()}},
         [f"{code:<10} {n:>4}  {doc}" for code, (n, doc) in sorted(found.items())] or ["Chưa ghi số phân bổ nào."])
    return 0


def cmd_report(args) -> int:
    from pathlib import Path

    from tayninh_desktop.services import documents, returns_report

    db = open_db(args)
    today = date_option(args.today, "--today")
    report = returns_report.aggregate(db, args.period, today=today)
    lines = [f"Tổng hợp {report.period_label}: {len(report.units)}/{report.expected} đơn vị đã báo cáo."]
    lines += [f"  {u.code:<10} {u.name:<36} đầu kỳ {u.bieu_1['A']}, cuối kỳ {u.bieu_1['D']}; xóa tên + xin ra "
              f"{u.measure}" + (f" / phân bổ {u.allotted}" + (" — VƯỢT" if u.over_allotment else "")
                                if u.allotted is not None else "") for u in report.units]
    lines.append(f"  Tổng cộng: đầu kỳ {report.totals['A']}, cuối kỳ {report.totals['D']}.")
    lines += [f"  LỖI khi cộng: {f.message}" for f in report.check.errors]
    if args.out:
        printed, _ = documents.print_form(db, actor(args), "bao_cao_tong_hop_bao_cao", Path(args.out),
                                          documents.PrintRequest(period=report.period, on=today, issue=args.issue))
        lines.append(f"Đã in báo cáo tổng hợp vào {printed.path} ({printed.pages} trang"
                     + (f", số {printed.symbol}" if printed.symbol else "") + ").")
    emit(args, {"ok": True, "period": report.period, "units": [
        {"code": u.code, "name": u.name, "revision": u.revision, "bieu_1": u.bieu_1, "measure": u.measure,
         "allotted": u.allotted, "over_allotment": u.over_allotment, "support": u.support} for u in report.units],
        "totals": report.totals, "de_an_03": report.de_an_03, "support": report.support,
        "owed": [c for c, _n, _s in report.owed], "errors": [f.as_dict() for f in report.check.errors],
        "pdf": args.out}, lines)
    return 0


def cmd_remind(args) -> int:
    from tayninh_desktop.services import returns_printing

    db = open_db(args)
    result, _ = returns_printing.print_reminders(db, actor(args), args.period, args.out,
                                                 today=date_option(args.today, "--today"), draft=args.draft)
    codes = list(result.units)
    numbers = (f", số {', '.join(result.symbols)}" if result.symbols else ", bản dự thảo chưa cấp số")
    emit(args, {"ok": True, "pdf": str(result.path), "units": codes, "pages": result.pages,
                "numbered": bool(result.symbols), "symbols": list(result.symbols),
                "document_ids": list(result.document_ids)},
         f"Đã in {len(codes)} công văn đôn đốc ({', '.join(codes)}{numbers}) vào {result.path}.")
    return 0
