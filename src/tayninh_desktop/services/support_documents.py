"""The printed papers of the support programme: the application, the approval list, the payment list (with a
column to sign), the fund's receipt, statement and reconciliation, and the programme's report with its chart.

They are forms in forms/ rendered by the one engine through ``services.documents``; this module computes their
values (``form_values``, called by ``documents.build_context`` for forms whose source starts with "support_")
and the print actions (``support_printing``) name the paper's subject, one application, entry or period,
through ``subject`` around the print (a context variable: ``PrintRequest`` has no field for it).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, timedelta

from tayninh_desktop.domain.actors import Actor
from tayninh_desktop.domain.assistance import Application, ApplicationState, FundKind
from tayninh_desktop.domain.assistance_calc import ROUNDING_TEXT
from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.messages_support import (
    CATEGORY_LABELS,
    CONTRIBUTOR_KIND_LABELS,
    FUND_KIND_LABELS,
)
from tayninh_desktop.domain.vn_money import (
    format_money,
    format_percent,
    format_rate,
    group_digits,
    money_words,
)
from tayninh_desktop.services import (
    fund,
    fund_reconcile,
    support_applications,
    support_reference,
    support_report,
)
from tayninh_desktop.services.documents import PrintRequest
from tayninh_desktop.storage import applications_repo, fund_repo, members_repo, support_repo
from tayninh_desktop.storage.db import Database

FUND_NAME = "Quỹ hỗ trợ đảng viên có hoàn cảnh khó khăn"
SYSTEM = Actor("chuong-trinh")   # computes a paper's values once the print action has checked the person


@dataclass(frozen=True)
class Subject:
    start: date | None = None
    end: date | None = None
    application_id: str | None = None
    entry_id: str | None = None
    counted: int | None = None


_SUBJECT: ContextVar[Subject | None] = ContextVar("support_paper_subject", default=None)


def _current() -> Subject:
    return _SUBJECT.get() or Subject()


@contextmanager
def subject(**values) -> Iterator[None]:
    token = _SUBJECT.set(Subject(**values))
    try:
        yield
    finally:
        _SUBJECT.reset(token)


def _period(request: PrintRequest, on: date) -> tuple[date, date]:
    subject = _current()
    if subject.start and subject.end:
        return subject.start, subject.end
    if request.period:
        return support_report.parse_period(request.period)
    year = request.year or on.year
    return date(year, 1, 1), min(date(year, 12, 31), on) if year == on.year else date(year, 12, 31)


def _member_cell(db: Database, member_id: str, on: date) -> str:
    from tayninh_desktop.services.party_life import cell_names

    state = support_repo.state_on(db, member_id, on)
    return cell_names(db).get(state[0], "") if state and state[0] else ""


def _plan_rule(db: Database, on: date) -> tuple[str, str, str]:
    """(citation, share text, the rule in one sentence) of the plan in force."""
    plan = support_reference.book(db).plan_on(on) or support_reference.book(db).plans[-1]
    caps = []
    if plan.max_principal:
        caps.append(f"chỉ tính lãi trên phần vốn vay đến {format_money(plan.max_principal)}")
    if plan.max_per_member_year:
        caps.append(f"tối đa {format_money(plan.max_per_member_year)}/đảng viên/năm")
    if plan.max_months:
        caps.append(f"lãi trả trong {plan.max_months} tháng đầu của khoản vay")
    if plan.doc_number.startswith("("):     # a record kept until the text is known: no number to cite
        citation = plan.name[0].lower() + plan.name[1:]
    else:
        citation = f"Kế hoạch {plan.citation}"
    status = " — các mức chưa xác nhận với văn bản gốc" if plan.unconfirmed else ""
    rule = (f"số tiền hỗ trợ = {format_percent(plan.share_bp)} lãi đã trả trong kỳ; {'; '.join(caps)};"
            f" {ROUNDING_TEXT[plan.rounding]} (theo {citation}{status}).")
    return citation, format_percent(plan.share_bp), rule


# -- the application -------------------------------------------------------------------------------------

def _application_values(db: Database, application: Application | None, member_id: str, on: date) -> dict:
    from tayninh_desktop.services.documents_context import signers

    member = members_repo.get(db, member_id)
    state = support_repo.state_on(db, member_id, on)
    secretary = signers(db, state[0])[0] if state and state[0] else ""
    citation, share, _ = _plan_rule(db, application.period_from if application else on)
    out = {"plan_citation": citation, "share_text": share, "cell_secretary": secretary,
           "cccd": member.cccd if member else "", "attachments": "giấy chứng nhận hộ, sổ vay vốn, biên lai trả lãi"}
    if application is None:
        return out
    loan = support_repo.loan(db, application.loan_id)
    book = support_reference.book(db)
    programme = book.programme(loan.programme, loan.start_date)
    household = support_repo.household_of(db, member_id, application.submitted_on.year)
    certificate = ""
    if household and household.certificate_number:
        certificate = f" (giấy chứng nhận số {household.certificate_number}" + (
            f" ngày {format_vn_date(household.certificate_date)}" if household.certificate_date else "") + ")"
    payments = [p for p in support_repo.payments_of(db, loan.id)
                if application.period_from <= p.paid_on <= application.period_to]
    computed = support_applications.computation(db, application, application.approved_on or on)
    requested = application.support_amount if application.support_amount is not None else computed.amount
    out.update({
        "category_text": CATEGORY_LABELS.get(application.category, application.category) + certificate,
        "programme_name": programme.name if programme else loan.programme, "contract_number": loan.contract_number,
        "loan_amount": format_money(loan.amount), "loan_rate": format_rate(loan.rate_bp), "loan_start": loan.start_date,
        "loan_term": loan.term_months, "loan_purpose": loan.purpose, "period_from": application.period_from,
        "period_to": application.period_to, "interest_paid_text": format_money(computed.interest_paid),
        "payments": [{"paid_on": p.paid_on, "amount": format_money(p.amount), "reference": p.reference}
                     for p in payments],
        "requested_text": format_money(requested), "requested_words": money_words(requested).lower(),
        "application_label": application.label,
    })
    return out


# -- lists ----------------------------------------------------------------------------------------------------

def _application_row(db: Database, a: Application, on: date) -> dict:
    loan = support_repo.loan(db, a.loan_id)
    programme = support_reference.book(db).programme(loan.programme, loan.start_date)
    member = members_repo.get(db, a.member_id)
    return {"full_name": member.full_name if member else "", "cell_name": _member_cell(db, a.member_id, on),
            "category": CATEGORY_LABELS.get(a.category, a.category),
            "loan": f"{programme.name if programme else loan.programme}"
                    + (f", số {loan.contract_number}" if loan.contract_number else ""),
            "loan_amount": group_digits(loan.amount),
            "period": f"{format_vn_date(a.period_from)}–\n{format_vn_date(a.period_to)}",
            "interest_paid": group_digits(a.interest_paid), "support_amount": group_digits(a.support_amount or 0),
            "decision": f"{a.decision_number}\nngày {format_vn_date(a.approved_on)}" if a.approved_on else "",
            "label": a.label}


def _approval_values(db: Database, request: PrintRequest, on: date) -> dict:
    start, end = _period(request, on)
    approved = applications_repo.approved_between(db, start, end)
    rows = [_application_row(db, a, a.submitted_on) for a in approved]
    total = sum(a.support_amount or 0 for a in approved)
    return {"list_summary": f"được duyệt từ ngày {format_vn_date(start)} đến ngày {format_vn_date(end)}",
            "applications": rows, "count": len(rows),
            "total_interest": format_money(sum(a.interest_paid for a in approved)),
            "total_support": format_money(total), "total_words": money_words(total), "rule_text": _plan_rule(db, end)[2]}


def _payment_values(db: Database, request: PrintRequest, on: date) -> dict:
    start, end = _period(request, on)
    rows, total = [], 0
    for a in applications_repo.listing(db):
        if a.state not in (ApplicationState.APPROVED, ApplicationState.PAID):
            continue
        paid_in = [e for e in fund_repo.disbursements_of(db, a.id) if start <= e.entry_date <= end
                   and fund_repo.reversal_of(db, e.id) is None]
        if a.state is ApplicationState.PAID and not paid_in:
            continue
        paid = sum(e.amount for e in paid_in)
        total += paid
        left = (a.support_amount or 0) - fund_repo.paid_to(db, a.id)
        row = _application_row(db, a, a.submitted_on)
        rows.append({**row, "approved": group_digits(a.support_amount or 0), "paid": group_digits(paid) if paid else "",
                     "paid_on": ", ".join(format_vn_date(e.entry_date) for e in paid_in),
                     "note": f"còn {group_digits(left)}" if left > 0 else ""})
    return {"list_summary": f"kỳ từ ngày {format_vn_date(start)} đến ngày {format_vn_date(end)}", "payments": rows,
            "count": len(rows), "total_paid": format_money(total), "total_words": money_words(total)}


# -- the fund -----------------------------------------------------------------------------------------------

def _receipt_values(db: Database) -> dict:
    out = {"fund_name": FUND_NAME}
    entry = fund_repo.get(db, _current().entry_id) if _current().entry_id else None
    if entry is None:
        return out
    out.update({"receipt_number": entry.receipt_number, "contributor": entry.contributor,
                "contributor_kind": CONTRIBUTOR_KIND_LABELS.get(entry.contributor_kind, ""),
                "reason_line": f"đóng góp {FUND_NAME}" + (f" ({entry.reason})" if entry.reason else ""),
                "amount_text": format_money(entry.amount),
                "amount_words": money_words(entry.amount), "entry_date": entry.entry_date})
    return out


def _description(db: Database, e) -> str:
    if e.kind is FundKind.CONTRIBUTION:
        return f"Thu đóng góp của {e.contributor}" + (f" ({e.reason})" if e.reason else "")
    if e.kind is FundKind.DISBURSEMENT:
        a = applications_repo.get(db, e.application_id)
        member = members_repo.get(db, a.member_id) if a else None
        return f"Chi hỗ trợ lãi suất cho đồng chí {member.full_name if member else ''}"
    original = fund_repo.get(db, e.reverses_id)
    return f"Đảo bút toán số {original.seq if original else '?'}: {e.reason}"


def _statement_values(db: Database, request: PrintRequest, on: date) -> dict:
    start, end = _period(request, on)
    result = fund.statement(db, SYSTEM, start, end)
    rows = []
    for line in result.lines:
        e = line.entry
        document = e.receipt_number or (applications_repo.get(db, e.application_id).label if e.application_id
                                        and e.kind is FundKind.DISBURSEMENT else "")
        note = f" — đã đảo (bút toán số {line.reversed_by})" if line.reversed_by else ""
        rows.append({"seq": e.seq, "entry_date": e.entry_date, "document": document,
                     "description": _description(db, e) + note,
                     "money_in": group_digits(e.amount) if e.direction > 0 else "",
                     "money_out": group_digits(e.amount) if e.direction < 0 else "",
                     "balance": group_digits(line.balance), "kind": FUND_KIND_LABELS[e.kind.value]})
    return {"statement_summary": f"từ ngày {format_vn_date(start)} đến ngày {format_vn_date(end)}", "entries": rows,
            "opening_text": format_money(result.opening), "money_in_text": format_money(result.money_in),
            "money_out_text": format_money(result.money_out), "closing_text": format_money(result.closing),
            "closing_words": money_words(result.closing)}


def _reconciliation_values(db: Database, on: date) -> dict:
    subject = _current()
    day = subject.end or on
    result = fund_reconcile.reconcile(db, SYSTEM, day, subject.counted)
    problems = [{"text": p} for p in result.problems] or [
        {"text": "Các khoản chi đều gắn với hồ sơ đã duyệt, không vượt số được duyệt; quỹ không lúc nào bị âm."}]
    difference = result.difference
    if difference is None:
        difference_text, counted_words = "", "chưa kiểm quỹ"
    elif difference == 0:
        difference_text, counted_words = "khớp", "số tiền thực có khớp số dư theo sổ"
    else:
        word = "thừa" if difference > 0 else "thiếu"
        difference_text = f"{word} {format_money(abs(difference))}"
        counted_words = f"số tiền thực có {word} {format_money(abs(difference))} so với sổ, cần làm rõ"
    conclusion = ("Sổ quỹ khớp với các hồ sơ được chi" if not result.problems else
                  f"Sổ quỹ có {len(result.problems)} điểm chưa khớp (mục I), cần làm rõ") + f"; {counted_words}."
    return {"on_text": format_vn_date(day), "entries": result.entries, "reversals": result.reversals,
            "contributions_text": format_money(result.contributions),
            "disbursements_text": format_money(result.disbursements), "balance_text": format_money(result.balance),
            "counted_text": format_money(result.counted) if result.counted is not None else "",
            "difference_text": difference_text, "conclusion": conclusion, "problems": problems,
            "pending": [{"label": p.application.label, "full_name": p.member_name, "approved": group_digits(p.approved),
                         "paid": group_digits(p.paid), "left": group_digits(p.left)} for p in result.pending]}


# -- the report ----------------------------------------------------------------------------------------------

def _share(part: int, whole: int) -> tuple[str, int | None]:
    """("66,7%", 67): the share to one decimal for the table, in whole percent for the chart."""
    if not whole:
        return "—", None
    tenths = (1000 * part + whole // 2) // whole
    text = f"{tenths // 10},{tenths % 10}%".replace(",0%", "%")
    return text, (100 * part + whole // 2) // whole


def period_words(start: date, end: date) -> str:
    """ "năm 2026", "6 tháng đầu năm 2026", "tháng 06/2026", else "từ ngày … đến ngày …"."""
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return f"năm {start.year}"
    if start == date(start.year, 1, 1) and end == date(start.year, 6, 30):
        return f"6 tháng đầu năm {start.year}"
    if start == date(start.year, 7, 1) and end == date(start.year, 12, 31):
        return f"6 tháng cuối năm {start.year}"
    month_end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if start.day == 1 and end == month_end:
        return f"tháng {start.month:02d}/{start.year}"
    return f"từ ngày {format_vn_date(start)} đến ngày {format_vn_date(end)}"


CHART_CELLS = 10          # more bars than this and their names no longer fit under them


def short_cell_name(name: str, limit: int = 12) -> str:
    """"Chi bộ ấp Bàu Sen" → "Bàu Sen"; cut at a word, with "…", to fit under a bar."""
    name = name.removeprefix("Chi bộ ")
    for prefix in ("ấp ", "khu phố ", "Trường ", "Cơ quan "):   # one kind word, not a hamlet's own "Trường"
        if name.startswith(prefix):
            name = name[len(prefix):]
            break
    if len(name) <= limit:
        return name
    words, out = name.split(), ""
    for word in words:
        if len(out) + len(word) + 1 > limit - 1:
            break
        out = f"{out} {word}".strip()
    return (out or name[:limit - 1]) + "…"


def _chart_rows(report) -> tuple[list[dict], str, bool]:
    """The bars: the share told in every cell; with more cells than fit, the number not yet told in the ten cells
    where most are waiting (the third value: whether the bars are shares, so the committee's line applies)."""
    cells = [c for c in report.cells if c.values["screened"]]
    if len(cells) <= CHART_CELLS:
        return ([{"label": short_cell_name(c.cell_name), "value": _share(c.values["told"], c.values["screened"])[1]}
                 for c in cells], "Tỷ lệ đảng viên có thể thuộc diện đã được thông tin chính sách (%)", True)
    waiting = sorted(cells, key=lambda c: -(c.values["screened"] - c.values["told"]))[:CHART_CELLS]
    return ([{"label": short_cell_name(c.cell_name), "value": c.values["screened"] - c.values["told"]}
             for c in waiting], f"Số đảng viên chưa được thông tin chính sách: {CHART_CELLS} chi bộ còn nhiều nhất",
            False)


def _report_values(db: Database, request: PrintRequest, on: date) -> dict:
    start, end = _period(request, on)
    report = support_report.build_report(db, SYSTEM, start, end)
    cells = []
    named = [(str(n), c.cell_name, c.values) for n, c in enumerate(report.cells, 1)]
    for no, name, v in named + [("", "Cộng toàn đảng bộ", report.totals)]:
        text, _ = _share(v["told"], v["screened"])
        cells.append({"no": no, "cell": name, **{k: v[k] for k in ("screened", "told", "applied", "approved", "paid",
                                                          "rejected")},
                      "untold": v["screened"] - v["told"], "told_share": text,
                      "approved_amount": group_digits(v["approved_amount"]),
                      "paid_amount": group_digits(v["paid_amount"])})
    chart, chart_title, shares = _chart_rows(report)
    t = report.totals
    total_text, total_percent = _share(t["told"], t["screened"])
    plan = report.plan
    citation, _, _ = _plan_rule(db, end)
    words = period_words(start, end)
    return {"report_summary": f"kết quả hỗ trợ đảng viên có hoàn cảnh khó khăn {words}",
            "period_text": words, "end_text": format_vn_date(end), "plan_citation": citation,
            "plan_note": (f"Ghi chú: {plan.code} có giá trị chưa xác nhận với văn bản gốc ({plan.note})"
                          if plan.unconfirmed else ""),
            "cell_rows": cells, "chart_rows": chart, "chart_title": chart_title, "told_percent_all": total_percent if shares else None,
            "screened": t["screened"], "told": t["told"], "told_in_period": t["told_in_period"],
            "untold": t["screened"] - t["told"], "told_share": total_text,
            "fund_opening": format_money(report.fund["opening"]), "fund_in": format_money(report.fund["contributions"]),
            "fund_out": format_money(report.fund["disbursements"]), "fund_closing": format_money(report.fund["closing"])}


def form_values(db: Database, source: str, request: PrintRequest, on: date) -> dict:
    """The values of a support paper (``documents.build_context`` merges them into the form's context)."""
    prepared = {"prepared_by": ""}
    if source == "support_application":
        subject = _current()
        application = applications_repo.get(db, subject.application_id) if subject.application_id else None
        member_id = application.member_id if application else request.member_id
        if application is None and member_id:
            found = applications_repo.of_member(db, member_id)
            application = found[0] if found else None
        return _application_values(db, application, member_id, on) if member_id else {}
    builders = {"support_approval_list": lambda: _approval_values(db, request, on),
                "support_payment_list": lambda: _payment_values(db, request, on),
                "support_receipt": lambda: _receipt_values(db),
                "support_statement": lambda: _statement_values(db, request, on),
                "support_reconciliation": lambda: _reconciliation_values(db, on),
                "support_report": lambda: _report_values(db, request, on)}
    return {**prepared, **builders[source]()} if source in builders else {}
