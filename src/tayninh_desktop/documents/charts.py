"""Charts drawn with reportlab.graphics (no Qt, no extra package) from the one chart definition
(``domain.charts.ChartSpec``) that the screen draws too: bars per category (side by side or stacked,
upright or lying), dashed reference lines (the 2015–2020 average, the Đề án's target), a line series as a
dotted polyline; in black and greys so that an office's monochrome laser printer shows them as on screen."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from tayninh_desktop.documents.blocks import RenderContext
from tayninh_desktop.documents.fields import Scope, fill
from tayninh_desktop.documents.fonts import BOLD, ITALIC, REGULAR, register_fonts, string_width
from tayninh_desktop.documents.forms import ChartBlock
from tayninh_desktop.domain.charts import (
    ChartKind,
    ChartSpec,
    simple_bars,
    spec_from_data,
    vn_number,
    vn_value,
)
from tayninh_desktop.domain.documents import nfc

LABEL_SIZE = 10
# Greys by tone: what the series means, printed in black and white.
GREYS = {"good": 0.35, "strong": 0.2, "fair": 0.6, "warn": 0.78, "bad": 0.05, "muted": 0.88, "neutral": 0.55}


def _number(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _axis_top(highest: float) -> tuple[float, float]:
    """A round top for the value axis and its step (about five ticks)."""
    top = max(highest, 1)
    step = 1.0
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000,
                 100_000, 200_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 50_000_000):
        if top / step <= 6:
            break
    return step * (int(top // step) + 1), step


def spec_of(block: ChartBlock, scope: Scope) -> ChartSpec | None:
    """The chart a block prints: the spec the context holds (``block.spec``), else one bar per row of
    ``block.rows`` (a report issued before its chart was kept as a spec reprints the same)."""
    if block.spec:
        stored = spec_from_data(scope.get(block.spec))
        if stored is not None:
            return stored
    value = scope.get(block.rows)
    rows = [] if value is None or isinstance(value, str) else list(value)
    if not rows:
        return None

    def text(template: str, row) -> str:
        return fill(template, Scope(row, *scope.layers), markup=False, dotted=False)

    values = [_number(text("{" + block.value + "}", row)) for row in rows]
    labels = [" ".join(text("{" + block.category + "}", row).split()) for row in rows]
    refs = [(nfc(label), _number(scope.get(name))) for name, label in block.lines]
    return simple_bars(block.rows, nfc(fill(block.title, scope, markup=False)) if block.title else "", labels, values,
                       refs)


def bar_chart(block: ChartBlock, ctx: RenderContext) -> list[Flowable]:
    """The chart of ``block`` as a flowable drawing (nothing on a blank form or without data)."""
    if ctx.blank:
        return []
    spec = spec_of(block, ctx.scope)
    if spec is None or not spec.categories:
        return []
    return [Spacer(1, 4), draw(spec, ctx.width, block.height_mm * mm), Spacer(1, 8)]


def _legend(drawing: Drawing, spec: ChartSpec, x: float) -> None:
    """Reference lines (dashed), then the series when there are several (a grey square each)."""
    items: list[tuple[str, object]] = [(f"{line.label}: {vn_number(line.value)}", ("dash", i))
                                       for i, line in enumerate(spec.lines)]
    if len(spec.series) > 1:
        items += [(s.label, s) for s in spec.series]
    for label, mark in items:
        if isinstance(mark, tuple):
            dash = (4, 3) if mark[1] == 0 else (1.5, 2)
            drawing.add(Line(x, 6, x + 22, 6, strokeColor=colors.black, strokeWidth=1, strokeDashArray=dash))
            x += 26
        else:
            grey = GREYS.get(mark.tone, 0.55)
            drawing.add(Rect(x, 2, 9, 9, fillColor=colors.Color(grey, grey, grey), strokeColor=colors.black,
                             strokeWidth=0.4))
            x += 13
        drawing.add(String(x, 3, nfc(label), fontName=ITALIC, fontSize=LABEL_SIZE))
        x += string_width(nfc(label), ITALIC, LABEL_SIZE) + 14


def draw(spec: ChartSpec, width: float, height: float) -> Drawing:
    """``spec`` drawn in a ``width`` × ``height`` box (points)."""
    register_fonts()
    bars = spec.bars()
    stacked = spec.kind is ChartKind.STACKED
    legend_h = 14 if spec.lines or len(spec.series) > 1 else 0
    title_h = 16 if spec.title else 0
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=LABEL_SIZE)
    chart = HorizontalBarChart() if spec.horizontal else VerticalBarChart()
    label_room = max((string_width(c, REGULAR, LABEL_SIZE) for c in spec.categories), default=0) + 8
    chart.x = (label_room if spec.horizontal else 34)
    chart.y = 22 + legend_h
    chart.width, chart.height = width - chart.x - 14, height - chart.y - title_h - 8
    chart.data = [[v for v in s.values] for s in bars] or [[0] * len(spec.categories)]
    totals = [sum(v or 0 for v in column) for column in zip(*chart.data, strict=True)] if stacked else \
        [v for row in chart.data for v in row if v is not None]
    top, step = _axis_top(max(list(totals) + [line.value for line in spec.lines] + [0]))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labelTextFormat = lambda v: vn_number(v, 0)
    for axis in (chart.valueAxis, chart.categoryAxis):
        axis.labels.fontName, axis.labels.fontSize = REGULAR, LABEL_SIZE
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.valueAxis.visibleGrid = True
    chart.categoryAxis.categoryNames = [nfc(c) for c in spec.categories]
    if stacked:
        chart.categoryAxis.style = "stacked"
    if not spec.horizontal:
        chart.categoryAxis.labels.dy = -4
    for index, series in enumerate(bars):
        grey = GREYS.get(series.tone, 0.55) if len(bars) > 1 else 0.55
        chart.bars[index].fillColor = colors.Color(grey, grey, grey)
        chart.bars[index].strokeColor = colors.black
    if spec.bar_labels and not stacked:
        chart.barLabelFormat = lambda v: "" if v is None else vn_value(v, "" if spec.unit != "%" else "%")
        chart.barLabels.fontName, chart.barLabels.fontSize, chart.barLabels.nudge = BOLD, LABEL_SIZE, 7
    drawing.add(chart)
    _reference_lines(drawing, chart, spec, top)
    _line_series(drawing, chart, spec)
    _legend(drawing, spec, chart.x if not spec.horizontal else 10)
    if spec.title:
        drawing.add(String(width / 2, height - 12, nfc(spec.title), fontName=BOLD, fontSize=LABEL_SIZE + 1,
                           textAnchor="middle"))
    return drawing


def _reference_lines(drawing: Drawing, chart, spec: ChartSpec, top: float) -> None:
    for i, line in enumerate(spec.lines):
        dash = (4, 3) if i == 0 else (1.5, 2)
        if spec.horizontal:
            x = chart.x + line.value * chart.width / top
            drawing.add(Line(x, chart.y, x, chart.y + chart.height, strokeColor=colors.black, strokeWidth=1,
                             strokeDashArray=dash))
        else:
            y = chart.y + line.value * chart.height / top
            drawing.add(Line(chart.x, y, chart.x + chart.width, y, strokeColor=colors.black, strokeWidth=1,
                             strokeDashArray=dash))


def _line_series(drawing: Drawing, chart, spec: ChartSpec) -> None:
    """A rate over the bars (attendance): a dotted line scaled to 100, its values written at each point."""
    if spec.horizontal or not spec.line_series():
        return
    count = max(len(spec.categories), 1)
    slot = chart.width / count
    for series in spec.line_series():
        top = 100 if spec.line_unit == "%" else max([v for v in series.values if v is not None] + [1])
        points = [(chart.x + slot * (i + 0.5), chart.y + v * chart.height / top)
                  for i, v in enumerate(series.values) if v is not None]
        if len(points) > 1:
            drawing.add(PolyLine([c for p in points for c in p], strokeColor=colors.black, strokeWidth=1.2,
                                 strokeDashArray=(1.5, 2)))
        for (x, y), value in zip(points, [v for v in series.values if v is not None], strict=True):
            drawing.add(String(x, y + 3, vn_value(value, spec.line_unit), fontName=ITALIC, fontSize=LABEL_SIZE - 1,
                               textAnchor="middle"))
