"""The values of the printed "Sổ thu đảng phí" of a cell for a year (form ``so_thu_dang_phi``, source
``dues_book``): each member's months as recorded — the amount paid, marked T (đóng trước) or C (đóng chậm) when a
payment of several months covers it; the key letters of the grid for a month unpaid, deferred or exempted; nothing
for a month not recorded —, the member's total, and a last row with the month's totals."""

from __future__ import annotations

from tayninh_desktop.domain.messages_dues import BOOK_BASIS as BASIS
from tayninh_desktop.domain.messages_dues import BOOK_LEGEND as LEGEND
from tayninh_desktop.domain.messages_dues import BOOK_MARKS as PAID_AS_MARKS
from tayninh_desktop.domain.messages_dues import BOOK_TOTALS as TOTALS
from tayninh_desktop.domain.messages_party_life import DUES_LABELS
from tayninh_desktop.domain.party_life import DUES_KEYS, DuesState, month_label
from tayninh_desktop.services import dues, scope
from tayninh_desktop.storage.db import Database


def _money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def _letters() -> str:
    """The grid's key letters of the months not paid, as the legend gives them ("“K”: chưa đóng, …")."""
    keys = {state: key.upper() for key, state in DUES_KEYS.items() if key.isalpha()}
    return ", ".join(f"“{keys[state]}”: {DUES_LABELS[state.value].lower()}" for state in
                     (DuesState.UNPAID, DuesState.UNPAID_EXCUSED, DuesState.DEFERRED, DuesState.NOT_REQUIRED))


def book_values(db: Database, cell_id: str, cell_name: str, year: int) -> dict:
    scope.require_cell(db, cell_id)
    rows: dict[str, dict] = {}
    month_totals = [0] * 12
    advance = late = 0
    keys = {state: key.upper() for key, state in DUES_KEYS.items() if key.isalpha()}
    citations: list[str] = []
    for number in range(1, 13):
        month = f"{year:04d}-{number:02d}"
        rule = dues.rule_of_month(month_label(month))
        text = rule.citation_marked
        if text not in citations:
            citations.append(text)
        for line in dues.dues_sheet(db, cell_id, month_label(month)):
            row = rows.setdefault(line.member_id, {"full_name": line.full_name, "total": 0,
                                                   **{f"m{m:02d}": "" for m in range(1, 13)}})
            if not line.recorded:
                continue
            if line.state is DuesState.PAID:
                mark = PAID_AS_MARKS.get(line.paid_as, "")
                row[f"m{number:02d}"] = _money(line.amount) + (f" {mark}" if mark else "")
                row["total"] += line.amount
                month_totals[number - 1] += line.amount
                advance += line.paid_as == "advance"
                late += line.paid_as == "late"
            else:
                row[f"m{number:02d}"] = keys.get(line.state, "")
    out = []
    for stt, row in enumerate(rows.values(), start=1):
        out.append({**row, "no": str(stt), "total": _money(row["total"]) if row["total"] else "", "is_total": ""})
    if out:
        out.append({"no": "", "is_total": "1", "full_name": "Cộng", "total": _money(sum(month_totals)),
                    **{f"m{m:02d}": _money(month_totals[m - 1]) if month_totals[m - 1] else "" for m in range(1, 13)}})
    return {"dues_rows": out, "book_year": year, "dues_legend": LEGEND.format(letters=_letters()),
            "dues_basis_text": BASIS.format(cell=cell_name, rules="; ".join(citations)),
            "dues_totals_text": TOTALS.format(year=year, amount=_money(sum(month_totals)), months=advance, late=late)}
