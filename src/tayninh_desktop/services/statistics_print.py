"""The values a printed statistical form (forms/bieu_*.toml) fills in: its lines with their figures.

A typed figure is marked "*" and explained under the table; a row still to type prints empty, to be
completed by hand. A blank form keeps every line (every ethnic group and religion) with no figures.
"""

from __future__ import annotations

from datetime import date

from tayninh_desktop.domain.dates import format_vn_date
from tayninh_desktop.domain.documents import DocumentHeader
from tayninh_desktop.domain.stats_forms import BREAKDOWN, REVIEW, StatForm, stat_form
from tayninh_desktop.domain.stats_table import DisplayRow, display_rows
from tayninh_desktop.services import statistics
from tayninh_desktop.storage.db import Database

INDENT = "\u00a0" * 4            # a no-break space keeps its width in a printed table cell
_ROMAN = ("I. ", "II. ", "III. ", "IV. ")


def _comparison_line(row: DisplayRow) -> dict:
    mark = "*" if row.typed else ""
    return {"label": INDENT * row.level + row.label, "now": "" if row.missing else row.cells[0] + mark,
            "before": row.cells[1], "ratio": "" if row.missing else row.cells[2], "bold": row.bold}


def _breakdown_lines(rows: list[DisplayRow], blank: bool) -> list[dict]:
    """TT runs I, II for the parts and 1, 2, 3… for the groups inside each part."""
    out, number = [], 0
    for row in rows:
        if row.hidden and not blank:
            continue
        label, counter = row.label, ""
        roman = next((r for r in _ROMAN if label.startswith(r)), "")
        if roman:
            label, counter, number = label[len(roman):], roman.strip(". "), 0
        elif row.level > 0 and row.label.startswith("- "):
            number += 1
            label, counter = label[2:], str(number)
        out.append({"number": counter, "label": label, "total": row.cells[0], "female": row.cells[1],
                    "share": row.cells[2], "bold": row.bold})
    return out


def _notes(form: StatForm, rows: list[DisplayRow]) -> str:
    notes = []
    if any(r.typed for r in rows):
        notes.append("(*) Số liệu do văn phòng đảng ủy tổng hợp, nhập vào chương trình (sổ đảng viên không ghi).")
    if any(r.missing for r in rows):
        notes.append("Các ô để trống ở dòng số liệu nhập tay: chưa có số liệu.")
    return " ".join(notes + statistics.unconfirmed_notes(form))


def _review_lines(form: StatForm, rows: list[DisplayRow]) -> list[dict]:
    """Biểu 6F: one line per row that is not a companion, its "Tập thể" figure taken from its companion."""
    shown = {row.key: row for row in rows}
    out = []
    for spec in form.rows:
        if spec.companion:
            continue
        row, collective = shown[spec.key], shown.get(spec.collective)
        out.append({"number": spec.number, "label": INDENT * max(row.level - 1, 0) + row.label,
                    "collective": _figure(collective) if collective else "", "member": _figure(row),
                    "note": "", "bold": row.bold})
    return out


def _figure(row: DisplayRow) -> str:
    return "" if row.missing else row.cells[0] + ("*" if row.typed else "")


def table_lines(form: StatForm, rows: list[DisplayRow], *, blank: bool = False) -> list[dict]:
    """The rows of the printed table (a blank form keeps every line, without figures)."""
    if form.layout == BREAKDOWN:
        return _breakdown_lines(rows, blank)
    if form.layout == REVIEW:
        return _review_lines(form, rows)
    return [_comparison_line(r) for r in rows]


def form_values(form: StatForm, rows: list[DisplayRow], period_label: str, start: date, end: date) -> dict:
    """What a filled form prints beside its table: title line, dates, notes."""
    return {"form_label": f"Biểu số {form.code}", "maker_name": "", "stat_rows": table_lines(form, rows),
            "period_title": period_label[0].upper() + period_label[1:], "start_date": format_vn_date(start),
            "end_date": format_vn_date(end), "notes_text": _notes(form, rows),
            "summary": f"{form.title.capitalize()} {period_label}"}


def banner(form: StatForm, header: DocumentHeader | None, period_label: str | None) -> dict:
    """The form's own head (as the forms of Hướng dẫn 11-HD/BTCTW print it): the issuing committee on the left,
    the title and period in the middle, the form's number on the right; the place and date above the
    signatures."""
    superior = header.superior_line if header else ""
    issuer = header.issuer_line if header else ""
    values = {"banner_superior": superior.upper(), "banner_issuer": issuer.upper(), "banner_title": form.title,
              "banner_period": period_label.upper() if period_label else "...... NĂM 20......",
              "date_place": header.place_name if header else "", "form_label": f"Biểu số {form.code}"}
    on = header.on if header and period_label else None      # a blank form leaves the date to write by hand
    if on is not None:
        values.update(date_day=f"{on:%d}", date_month=f"{on:%m}", date_yy=f"{on:%y}")
    return values


def print_context(db: Database, form_id: str, period: str | None, year: int | None, on: date, *,
                  blank: bool = False, header: DocumentHeader | None = None) -> dict:
    """Everything forms/<form_id>.toml prints, for the period (else the year) as known on ``on``."""
    form = stat_form(form_id)
    if blank:
        return {"maker_name": "", "stat_rows": table_lines(form, display_rows(form, None), blank=True),
                **banner(form, header, None)}
    report = statistics.report(db, form.id, period or str(year or on.year), today=on)
    return {**form_values(form, list(report.rows), report.period.label, report.window.start, report.window.end),
            **banner(form, header, report.period.label)}
