"""Charts drawn with reportlab.graphics (no Qt, no extra package): a bar per row of a context list,
dashed reference lines (the 2015–2020 average, the Đề án's target), in black and grey so that an
office's monochrome laser printer shows them as on screen."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from tayninh_desktop.documents.blocks import RenderContext
from tayninh_desktop.documents.fonts import BOLD, ITALIC, REGULAR, register_fonts
from tayninh_desktop.documents.forms import ChartBlock
from tayninh_desktop.domain.documents import nfc

BAR_GREY = colors.Color(0.55, 0.55, 0.55)
LABEL_SIZE = 10


def _number(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _axis_top(highest: float) -> tuple[float, float]:
    """A round top for the value axis and its step (about five ticks)."""
    top = max(highest, 1)
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top / step <= 6:
            break
    return step * (int(top // step) + 1), step


def bar_chart(block: ChartBlock, ctx: RenderContext) -> list[Flowable]:
    """The chart of ``block`` as a flowable drawing (nothing on a blank form or without data)."""
    if ctx.blank:
        return []
    rows = ctx.values(block.rows)
    # a year without data has no bar (not a bar of 0): the table prints "—" for it
    values = [_number(ctx.fill("{" + block.value + "}", row, markup=False, dotted=False)) for row in rows]
    labels = [" ".join(ctx.fill("{" + block.category + "}", row, markup=False, dotted=False).split()) for row in rows]
    if not rows:
        return []
    register_fonts()
    refs = [(nfc(label), _number(ctx.scope.get(field))) for field, label in block.lines]
    refs = [(label, v) for label, v in refs if v is not None]
    width, height = ctx.width, block.height_mm * mm
    legend_h = 14 if refs else 0
    title_h = 16 if block.title else 0
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=LABEL_SIZE)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 22 + legend_h
    chart.width, chart.height = width - 48, height - chart.y - title_h - 8
    chart.data = [values]
    top, step = _axis_top(max([v for v in values if v is not None] + [v for _, v in refs] + [0]))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.valueAxis.visibleGrid = True
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.dy = -4
    chart.bars[0].fillColor = BAR_GREY
    chart.bars[0].strokeColor = colors.black
    chart.barLabelFormat = lambda v: "" if v is None else f"{v:g}"
    chart.barLabels.fontName = BOLD
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.nudge = 7
    drawing.add(chart)
    scale = chart.height / top
    legend_x = chart.x
    for i, (label, value) in enumerate(refs):
        dash = (4, 3) if i == 0 else (1.5, 2)
        y = chart.y + value * scale
        drawing.add(Line(chart.x, y, chart.x + chart.width, y, strokeColor=colors.black, strokeWidth=1,
                         strokeDashArray=dash))
        drawing.add(Line(legend_x, 6, legend_x + 22, 6, strokeColor=colors.black, strokeWidth=1,
                         strokeDashArray=dash))
        text = f"{label}: {value:g}".replace(".", ",")
        drawing.add(String(legend_x + 26, 3, text, fontName=ITALIC, fontSize=LABEL_SIZE))
        legend_x += 34 + len(text) * LABEL_SIZE * 0.45
    if block.title:
        drawing.add(String(width / 2, height - 12, nfc(ctx.fill(block.title, markup=False)), fontName=BOLD,
                           fontSize=LABEL_SIZE + 1, textAnchor="middle"))
    return [Spacer(1, 4), drawing, Spacer(1, 8)]
