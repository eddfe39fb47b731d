"""One definition of every chart the program shows or prints: a plain data spec (kind, categories, series,
units, reference lines), drawn by the screen (matplotlib, ``documents.chart_image``) and by the printed
report (reportlab, ``documents.charts``) alike, so the home page's Đề án 03 chart and the report's are the
same chart. Builders here turn the register's figures into specs; numbers are written the Vietnamese way
(1.234; 26,2 %).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from tayninh_desktop.domain import messages_charts as m
from tayninh_desktop.domain.documents_report import TARGET_REDUCTION, YearFigures


class ChartKind(StrEnum):
    BARS = "bars"          # a bar per category and series, series side by side
    STACKED = "stacked"    # the series stacked in one bar per category


# The tone of a series names what it means, never a colour: the screen colours it, the printer greys it.
TONES = ("good", "fair", "warn", "bad", "muted", "neutral", "strong")


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[float | None, ...]        # None: no figure (a year before the register holds data)
    tone: str = "neutral"
    as_line: bool = False                   # drawn as a line on the right-hand axis (a rate over counts)


@dataclass(frozen=True)
class ReferenceLine:
    label: str
    value: float


@dataclass(frozen=True)
class ChartSpec:
    key: str
    title: str
    kind: ChartKind
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""                          # the bars' unit ("đảng viên", "đ", "kỳ họp")
    line_unit: str = ""                     # the unit of a line series ("%")
    lines: tuple[ReferenceLine, ...] = ()
    horizontal: bool = False                # categories down the side (long names: cells)
    bar_labels: bool = False                # the value written on each bar
    note: str = ""                          # what the reader must know (months not recorded, other cells)
    empty_text: str = ""                    # said instead of the chart when it has nothing to show

    @property
    def has_data(self) -> bool:
        return any(v for s in self.series for v in s.values if v is not None)

    def bars(self) -> tuple[Series, ...]:
        return tuple(s for s in self.series if not s.as_line)

    def line_series(self) -> tuple[Series, ...]:
        return tuple(s for s in self.series if s.as_line)


# --- numbers the Vietnamese way -----------------------------------------------------------------------

def vn_number(value: float | None, decimals: int = 1) -> str:
    """1234 → "1.234"; 26.25 → "26,3" (at most ``decimals`` places, no trailing zeros); None → "—"."""
    if value is None:
        return "—"
    rounded = round(float(value), decimals)
    whole, _, fraction = f"{abs(rounded):,.{decimals}f}".partition(".")
    fraction = fraction.rstrip("0")
    text = whole.replace(",", ".") + (f",{fraction}" if fraction else "")
    return f"-{text}" if rounded < 0 else text


def vn_percent(value: float | None, decimals: int = 1) -> str:
    """26.2 → "26,2 %" (a space before the sign, as Vietnamese typesetting writes it)."""
    return "—" if value is None else f"{vn_number(value, decimals)} %"


def vn_value(value: float | None, unit: str) -> str:
    """A value with its unit as a label reads it: "26,2 %", "1.250.000 đ", "12"."""
    if unit == "%":
        return vn_percent(value)
    if unit == "đ" and value is not None:
        return f"{vn_number(value, 0)} đ"
    return vn_number(value)


# --- the stored shape (a report keeps its chart with the issued paper) --------------------------------

def spec_data(spec: ChartSpec) -> dict:
    """The spec as plain data (JSON), so an issued report reprints its chart as it was."""
    return {"key": spec.key, "title": spec.title, "kind": spec.kind.value, "categories": list(spec.categories),
            "series": [{"label": s.label, "values": list(s.values), "tone": s.tone, "as_line": s.as_line}
                       for s in spec.series],
            "unit": spec.unit, "line_unit": spec.line_unit,
            "lines": [{"label": line.label, "value": line.value} for line in spec.lines],
            "horizontal": spec.horizontal, "bar_labels": spec.bar_labels, "note": spec.note,
            "empty_text": spec.empty_text}


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def spec_from_data(data: object) -> ChartSpec | None:
    """A spec from its stored shape (None when the data is not a chart)."""
    if isinstance(data, ChartSpec):
        return data
    if not isinstance(data, Mapping):
        return None
    try:
        series = tuple(Series(str(s["label"]), tuple(_number(v) for v in s["values"]), str(s.get("tone", "neutral")),
                              bool(s.get("as_line", False))) for s in data["series"])
        lines = tuple(ReferenceLine(str(r["label"]), float(r["value"])) for r in data.get("lines", ()))
        return ChartSpec(str(data["key"]), str(data["title"]), ChartKind(data["kind"]),
                         tuple(str(c) for c in data["categories"]), series, str(data.get("unit", "")),
                         str(data.get("line_unit", "")), lines, bool(data.get("horizontal", False)),
                         bool(data.get("bar_labels", False)), str(data.get("note", "")),
                         str(data.get("empty_text", "")))
    except (KeyError, TypeError, ValueError):
        return None


def simple_bars(key: str, title: str, categories: Sequence[str], values: Sequence[float | None],
                lines: Sequence[tuple[str, float | None]] = (), unit: str = "") -> ChartSpec:
    """One series of bars with dashed reference lines (a form's chart block over a table's rows)."""
    refs = tuple(ReferenceLine(label, float(v)) for label, v in lines if v is not None)
    return ChartSpec(key, title, ChartKind.BARS, tuple(categories), (Series(title, tuple(values)),), unit,
                     lines=refs, bar_labels=True)


# --- the charts of the register -----------------------------------------------------------------------

def removals_by_year(lines: Sequence[YearFigures], labels: Sequence[str], average: float | None) -> ChartSpec:
    """Đề án 03: members struck off or leaving, per year, against the 2015–2020 average and the target (the
    report's chart and the home page's). ``labels``: how each year is written (a part year says so)."""
    values = tuple(float(line.measure) if line.has_data else None for line in lines)
    target = round(average * (100 - TARGET_REDUCTION) / 100, 2) if average is not None else None
    return simple_bars("removals_by_year", m.REMOVALS_TITLE, labels, values,
                       ((m.BASELINE_LINE, average), (m.TARGET_LINE.format(percent=TARGET_REDUCTION), target)),
                       m.UNIT_MEMBERS)


def _present(series) -> tuple[Series, ...]:
    """The series that count someone (an empty situation or level adds nothing but a line to the legend)."""
    return tuple(s for s in series if any(s.values))


def _largest(rows: Sequence[tuple[str, Mapping[str, int]]], shown: int
             ) -> tuple[list[tuple[str, Mapping[str, int]]], str]:
    """Past ``shown`` cells only the largest are drawn, in the register's order (a bar summing hundreds of
    cells would flatten every other bar); the note says how many are left out and whom they count."""
    rows = list(rows)
    if len(rows) <= shown:
        return rows, ""
    kept = {name for name, _ in sorted(rows, key=lambda r: -sum(r[1].values()))[:shown]}
    left = [counts for name, counts in rows if name not in kept]
    note = m.OTHER_CELLS_NOTE.format(shown=shown, total=vn_number(len(rows)), count=vn_number(len(left)),
                                     members=vn_number(sum(sum(c.values()) for c in left)))
    return [r for r in rows if r[0] in kept], note


def members_by_cell(rows: Sequence[tuple[str, Mapping[str, int]]], groups: Sequence[tuple[str, str, str]],
                    shown: int = 30) -> ChartSpec:
    """Members of each cell by situation, stacked; ``groups``: (status key, label, tone)."""
    rows, note = _largest(rows, shown)
    series = _present(Series(label, tuple(float(counts.get(key, 0)) for _, counts in rows), tone)
                      for key, label, tone in groups)
    return ChartSpec("members_by_cell", m.MEMBERS_TITLE, ChartKind.STACKED, tuple(name for name, _ in rows), series,
                     m.UNIT_MEMBERS, horizontal=True, note=note, empty_text=m.MEMBERS_EMPTY)


def meetings_by_month(months: Sequence[tuple[str, int, int, int]]) -> ChartSpec:
    """Regular meetings held each month and the attendance rate: (label, meetings, present, expected)."""
    rates = tuple(round(present * 100 / expected, 1) if expected else None for _, _, present, expected in months)
    return ChartSpec("meetings_by_month", m.MEETINGS_TITLE, ChartKind.BARS, tuple(label for label, *_ in months),
                     (Series(m.MEETINGS_HELD, tuple(float(held) for _, held, _, _ in months), "neutral"),
                      Series(m.ATTENDANCE_RATE, rates, "good", as_line=True)),
                     m.UNIT_MEETINGS, "%", empty_text=m.MEETINGS_EMPTY)


def dues_by_month(months: Sequence[tuple[str, int | None, int]]) -> ChartSpec:
    """Dues collected each month: (label, amount in đồng or None when nothing is recorded, cells that have not
    recorded the month). A month not recorded has no bar — never a bar of nothing paid — and the note names it."""
    missing = [m.DUES_CELLS_MISSING.format(month=label.replace("\n", "/"), count=vn_number(cells))
               for label, _, cells in months if cells]
    note = m.DUES_NOT_RECORDED.format(months=", ".join(missing)) if missing else ""
    return ChartSpec("dues_by_month", m.DUES_TITLE, ChartKind.BARS, tuple(label for label, _, _ in months),
                     (Series(m.DUES_COLLECTED, tuple(None if a is None else float(a) for _, a, _ in months), "good"),),
                     "đ", note=note, empty_text=m.DUES_EMPTY)


def ratings_by_cell(year: int | None, rows: Sequence[tuple[str, Mapping[str, int]]],
                    levels: Sequence[tuple[str, str, str]], shown: int = 30) -> ChartSpec:
    """Ratings of the year by level in each cell, stacked; ``levels``: (level key, label, tone)."""
    rows, note = _largest(rows, shown)
    series = _present(Series(label, tuple(float(counts.get(key, 0)) for _, counts in rows), tone)
                      for key, label, tone in levels)
    title = m.RATINGS_TITLE.format(year=year) if year else m.RATINGS_TITLE_NONE
    return ChartSpec("ratings_by_cell", title, ChartKind.STACKED, tuple(name for name, _ in rows), series,
                     m.UNIT_MEMBERS, horizontal=True, note=note, empty_text=m.RATINGS_EMPTY)



def summary_lines(spec: ChartSpec) -> list[str]:
    """The chart as text, a line per category ("T5: Số kỳ họp 34; Tỷ lệ dự họp 95,8 %"): what a reader who
    would rather read (or cannot see the colours) is given beside the picture."""
    out = []
    for index, category in enumerate(spec.categories):
        parts = []
        for series in spec.series:
            value = series.values[index] if index < len(series.values) else None
            if value is None and series.as_line:
                continue
            unit = spec.line_unit if series.as_line else spec.unit
            text = vn_value(value, unit) if unit in ("%", "đ") else f"{vn_value(value, '')}"
            parts.append(f"{series.label} {text}" if len(spec.series) > 1 else text)
        out.append(f"{' '.join(category.split())}: {'; '.join(parts)}")
    out += [f"{line.label}: {vn_number(line.value)}" for line in spec.lines]
    return out + ([spec.note] if spec.note else [])
