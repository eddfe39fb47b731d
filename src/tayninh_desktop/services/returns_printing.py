"""The papers of returns, through the forms engine: the key card (``the_khoa``), the superior's aggregated report
(``bao_cao_tong_hop_bao_cao``) and the reminder letters to the units still owing their return
(``cong_van_don_doc_bao_cao``, one numbered letter per unit through the document register, printed in one action)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from tayninh_desktop.domain.actors import Actor, Permission
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.documents_report import percent_text
from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.messages_returns import STATE_LABELS
from tayninh_desktop.domain.stats_period import parse_period
from tayninh_desktop.domain.vn_money import group_digits
from tayninh_desktop.services import returns_board, returns_keys, returns_report, scope
from tayninh_desktop.services.changes import Changes
from tayninh_desktop.storage.db import Database

REMINDER_FORM = "cong_van_don_doc_bao_cao"


def _n(value) -> str:
    return "" if value is None else group_digits(int(value))


def _dec(value: float | None) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")


# Biểu 1's rows under names a form's {field} can read (a dot in a field name reads an attribute).
ROW_FIELDS = {"A": "dau_ky", "B.1": "ket_nap", "B.2": "chuyen_den", "B.3": "phuc_hoi", "C.1": "tu_tran",
              "C.2": "khai_tru", "C.3": "xoa_ten", "C.4": "xin_ra", "C.5": "chuyen_di", "D": "cuoi_ky"}


def _bieu_1_fields(values: dict) -> dict:
    return {ROW_FIELDS[k]: _n(v) for k, v in values.items() if k in ROW_FIELDS}


def _unit_rows(report: returns_report.AggregateReport) -> list[dict]:
    rows = [{"name": u.name, "revision": u.revision, "bold": False, **_bieu_1_fields(u.bieu_1)} for u in report.units]
    rows.append({"name": "Tổng cộng", "revision": "", "bold": True, **_bieu_1_fields(report.totals)})
    return rows


def _check_text(report: returns_report.AggregateReport) -> str:
    if report.check.errors:
        return "Kiểm tra số liệu cộng lại: " + "; ".join(f.message for f in report.check.errors[:3])
    return ("Số liệu cộng lại của các biểu khớp nhau theo các quy tắc kiểm tra của từng biểu "
            "(cuối kỳ = đầu kỳ + tăng − giảm).")


def _allotment_rows(report: returns_report.AggregateReport) -> list[dict]:
    rows = []
    for u in report.units:
        if u.allotted is None:
            verdict = "Chưa ghi số phân bổ"
        elif u.over_allotment:
            verdict = f"Vượt {u.measure - u.allotted} so với số được phân bổ"
        else:
            verdict = "Trong số được phân bổ"
        rows.append({"name": u.name, "allotted": "" if u.allotted is None else u.allotted, "doc": u.allotment_doc,
                     "measure": u.measure, "verdict": verdict, "over": u.over_allotment})
    return rows


def _support_rows(report: returns_report.AggregateReport) -> list[dict]:
    rows = [{"name": u.name, "bold": False, **{k: _n(v) for k, v in u.support.items()}} for u in report.units]
    rows.append({"name": "Tổng cộng", "bold": True,
                 **{k: _n(report.support.get(k, 0)) for k in returns_report.SUPPORT_KEYS}})
    return rows


def aggregate_values(db: Database, period: str, on: date) -> dict:
    report = returns_report.aggregate(db, period, today=on)
    owed = ", ".join(f"{name} ({STATE_LABELS[state].lower()})" for _c, name, state in report.owed)
    over = report.over
    years = [{**row, "vs_previous": percent_text(row["vs_previous"]), "vs_baseline": percent_text(row["vs_baseline"])}
             for row in report.de_an_03]
    return {
        "period_label": report.period_label, "year": report.year, "unit_rows": _unit_rows(report),
        "receipt_text": (f"Đến ngày {format_vn_date(on)}, đã nhận báo cáo {report.period_label} của "
                         f"{len(report.units)}/{report.expected or len(report.units)} đơn vị"
                         + (f"; chưa nhận: {owed}." if owed else "; đủ các đơn vị.")),
        "check_text": _check_text(report), "year_rows": years,
        "baseline": report.baseline, "target": report.target,
        "baseline_text": (f"Bình quân 2015–2020 của các đơn vị đã nhập số liệu: {_dec(report.baseline)} đảng viên/năm;"
                          f" mục tiêu giảm 50%: không quá {_dec(report.target)} đảng viên/năm."
                          if report.baseline is not None else
                          "Các đơn vị chưa nhập số liệu 2015–2020 nên chưa so sánh được với nhiệm kỳ trước."),
        "allotment_rows": _allotment_rows(report),
        "over_text": ("Các đơn vị có số đảng viên bị xóa tên, xin ra khỏi Đảng cao hơn số được phân bổ: "
                      + ", ".join(u.name for u in over) + "." if over else
                      "Không có đơn vị nào vượt số được phân bổ."),
        "support_rows": _support_rows(report),
        "summary": f"tổng hợp báo cáo {report.period_label} của các đơn vị trực thuộc",
    }


def form_values(db: Database, source: str, period: str | None, on: date, *, blank: bool = False) -> dict:
    """The values a returns paper adds to the document's context (services/documents.build_context)."""
    if source == "key_card":
        return returns_keys.card_print_context(db)
    if blank or not period:
        return {"period_label": parse_period(period).label if period else ""}
    if source == "returns_aggregate":
        return aggregate_values(db, period, on)
    return {"period_label": parse_period(period).label}


def _reminder(base: dict, row: returns_board.BoardRow, deadline: returns_board.Deadline, committee: str,
              on: date) -> dict:
    cell = row.cells[deadline.period]
    period = parse_period(deadline.period)
    asked = f"Công văn số {deadline.doc_number}" if deadline.doc_number else "yêu cầu"
    state = ("báo cáo đã gửi không hợp lệ và bị từ chối (" + cell.refused.rstrip(".") + ")"
             if cell.refused and cell.state.value == "tu_choi" else "chưa nhận được báo cáo")
    return {**base, "addressee": row.unit_name, "unit_code": row.unit_code,
            "reminder_text": (f"Theo {asked} của {committee}, các đơn vị gửi báo cáo định kỳ {period.label} "
                              f"(các biểu thống kê cơ bản, biến động đảng viên, kết quả thực hiện Đề án 03, hỗ trợ "
                              f"đảng viên khó khăn) trước ngày {format_vn_date(deadline.day)}. Đến ngày "
                              f"{format_vn_date(on)}, {committee} {state} của {row.unit_name}."),
            "request_text": (f"{committee} đề nghị {row.unit_name} khẩn trương hoàn thành và gửi báo cáo "
                             f"{period.label} trong thời gian sớm nhất.")}


@dataclass(frozen=True)
class Reminders:
    """The reminder letters printed in one PDF: the units they go to and, issued, each letter's number."""

    path: Path
    pages: int
    sha256: str
    units: tuple[str, ...]
    symbols: tuple[str, ...] = ()         # one number per letter, in the units' order ("" for a draft)
    document_ids: tuple[str, ...] = ()


def print_reminders(db: Database, actor: Actor, period_text: str | None, out: Path | str, *,
                    today: date | None = None, draft: bool = False) -> tuple[Reminders, Changes]:
    """One reminder letter (công văn) to each unit owing the period's return, all in one PDF; refused when none
    owes it. Each letter is a numbered committee paper: it takes its own number and line in the document register
    (HD 36: a công văn sent carries its number), in one transaction with the others. ``draft``: printed without
    numbers, marked "DỰ THẢO", nothing recorded."""
    scope.require_committee(db, actor)
    from tayninh_desktop.documents.batch import render_batch
    from tayninh_desktop.services import documents, documents_batch
    from tayninh_desktop.services.form_catalogue import get_form

    actor.require(Permission.READ)
    today = today or date.today()
    period = parse_period(period_text)
    board = returns_board.board(db, today=today, period=period.code)
    owed = board.owed(period.code)
    if not owed:
        raise DomainError("return_no_owed_units", period=period.code)
    out = Path(out)
    documents.output_targets.check(out)
    request = documents.PrintRequest(period=period.code, issue=not draft, draft=draft, on=today)
    base = documents.build_context(db, REMINDER_FORM, request)
    base["header"] = replace(base["header"], number=None, draft=draft)
    committee = base.get("committee_name", "")
    contexts = [_reminder(base, row, board.periods[0], committee, today) for row in owed]
    units = tuple(row.unit_code for row in owed)
    form = get_form(REMINDER_FORM)
    if draft:
        result = render_batch(form, contexts, out)
        return Reminders(result.path, result.pages, result.sha256, units), Changes()
    issued, changes = documents_batch.issue_batch(db, actor, form, contexts, request, out)
    return Reminders(issued.path, issued.pages, issued.sha256, units, issued.symbols, issued.document_ids), changes
