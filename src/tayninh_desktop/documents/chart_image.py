"""A chart (``domain.charts.ChartSpec``) as a picture, drawn with matplotlib's Agg canvas: the home page's
charts (rendered on the window's worker, shown as images) and the chart of a Word file.

matplotlib is imported here only, when a picture is first asked for — never while the window starts — and
without pyplot: a Figure of its own per picture, which is safe off the window's thread. The bundled
Liberation faces are used, so Vietnamese prints whatever fonts the PC has.
"""

from __future__ import annotations

import io
from functools import cache

from tayninh_desktop.documents.fonts import FONT_DIR
from tayninh_desktop.domain.charts import ChartKind, ChartSpec, vn_number, vn_value

# Screen colours by tone (what a series means); the printed picture uses greys, as the PDF does.
SCREEN = {"good": "#2e7d32", "strong": "#1565c0", "fair": "#81c784", "warn": "#f9a825", "bad": "#c62828",
          "muted": "#b0bec5", "neutral": "#5c7cba"}
PRINT = {"good": "#595959", "strong": "#333333", "fair": "#999999", "warn": "#c7c7c7", "bad": "#0d0d0d",
         "muted": "#e0e0e0", "neutral": "#8c8c8c"}
LINE_COLOUR = {"screen": "#6a1b9a", "print": "#000000"}
REFERENCE_STYLES = ((0, (4, 3)), (0, (1, 2)))
TEXT = "#222222"


@cache
def _faces() -> tuple[str, str]:
    """Register the bundled faces with matplotlib once; (sans family, serif family)."""
    from matplotlib import font_manager

    for name in ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSerif-Regular.ttf",
                 "LiberationSerif-Bold.ttf"):
        font_manager.fontManager.addfont(str(FONT_DIR / name))
    return "Liberation Sans", "Liberation Serif"


def _figure(width_in: float, height_in: float, dpi: float, family: str):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_in, height_in), dpi=dpi)
    FigureCanvasAgg(figure)
    figure.patch.set_facecolor("white")
    return figure, {"family": family}


def draw_on(figure, spec: ChartSpec, *, print_ready: bool = False, font_size: float = 9) -> None:
    """Draw ``spec`` on a matplotlib Figure (its own axes)."""
    sans, serif = _faces()
    family = serif if print_ready else sans
    colours = PRINT if print_ready else SCREEN
    axes = figure.add_subplot(1, 1, 1)
    font = {"family": family, "size": font_size, "color": TEXT}
    if spec.title:   # from the picture's left edge: a long cell name must not push it off the picture
        figure.suptitle(spec.title, x=0.02, y=0.995, ha="left", va="top", fontweight="bold", fontsize=font_size + 1.5,
                        family=family, color=TEXT, wrap=True)
    if not spec.has_data:
        axes.set_axis_off()
        axes.text(0.5, 0.5, spec.empty_text, ha="center", va="center", wrap=True, fontdict=font,
                  transform=axes.transAxes)
        return
    _bars(axes, spec, colours, font)
    _lines(axes, spec, font)
    _rate_line(axes, spec, font, LINE_COLOUR["print" if print_ready else "screen"])
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    rows = _legend(figure, axes, spec, font)
    line_h = (font_size + 4) / 72 / figure.get_figheight()   # one line of small text, as a share of the height
    if spec.note:
        figure.text(0.01, 0.01, spec.note, fontdict={**font, "size": font_size - 1, "style": "italic"}, ha="left",
                    va="bottom", wrap=True)
    bottom = line_h * (rows + (1.2 if spec.note else 0)) + 0.01
    title_lines = 2 if spec.title and len(spec.title) * font_size * 0.62 > figure.get_figwidth() * 72 else 1
    top = 1 - (line_h * 1.6 * title_lines if spec.title else 0)
    figure.tight_layout(rect=(0, min(bottom, 0.45), 1, top))


def _bars(axes, spec: ChartSpec, colours: dict, font: dict) -> None:
    from matplotlib.ticker import FuncFormatter

    bars = spec.bars()
    positions = list(range(len(spec.categories)))
    stacked = spec.kind is ChartKind.STACKED
    width = 0.7 if stacked or len(bars) < 2 else 0.8 / len(bars)
    base = [0.0] * len(positions)
    draw = axes.barh if spec.horizontal else axes.bar
    for index, series in enumerate(bars):
        values = [v or 0.0 for v in series.values]
        offset = 0 if stacked or len(bars) < 2 else (index - (len(bars) - 1) / 2) * width
        where = [p + offset for p in positions]
        extra = {"left": base} if spec.horizontal and stacked else {"bottom": base} if stacked else {}
        drawn = draw(where, values, width, color=colours.get(series.tone, colours["neutral"]), label=series.label,
                     edgecolor="#333333", linewidth=0.4, **extra)
        if spec.bar_labels and not stacked:
            labels = [vn_value(v, spec.unit if spec.unit == "%" else "") if v is not None else ""
                      for v in series.values]
            axes.bar_label(drawn, labels=labels, padding=2, fontsize=font["size"], family=font["family"],
                           weight="bold")
        if stacked:
            base = [b + v for b, v in zip(base, values, strict=True)]
    number_axis, category_axis = (axes.xaxis, axes.yaxis) if spec.horizontal else (axes.yaxis, axes.xaxis)
    setter = axes.set_yticks if spec.horizontal else axes.set_xticks
    setter(positions, list(spec.categories), fontsize=font["size"], family=font["family"])
    if spec.horizontal:
        axes.margins(y=0.01)
        axes.invert_yaxis()   # the first cell on top, as in every list
    number_axis.set_major_formatter(FuncFormatter(lambda v, _p: _tick(v, spec.unit)))
    for label in number_axis.get_ticklabels():
        label.set_family(font["family"])
    number_axis.set_tick_params(labelsize=font["size"])
    category_axis.set_tick_params(length=0)
    (axes.xaxis if spec.horizontal else axes.yaxis).grid(True, color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    if not spec.horizontal and max((len(c) for c in spec.categories), default=0) * len(positions) > 60:
        for label in axes.get_xticklabels():
            label.set_rotation(0)
            label.set_fontsize(font["size"] - 1)


def _tick(value: float, unit: str) -> str:
    if unit == "đ":
        return _money_short(value)
    return vn_number(value, 0)


def _money_short(value: float) -> str:
    """Money on an axis: "1,5 tr" (triệu), "800 nghìn"."""
    if abs(value) >= 1_000_000:
        return f"{vn_number(value / 1_000_000, 1)} tr"
    if abs(value) >= 1000:
        return f"{vn_number(value / 1000, 0)} nghìn"
    return vn_number(value, 0)


def _lines(axes, spec: ChartSpec, font: dict) -> None:
    for (offset, dash), line in zip(REFERENCE_STYLES, spec.lines, strict=False):
        draw = axes.axvline if spec.horizontal else axes.axhline
        draw(line.value, color="#000000", linewidth=1, linestyle=(offset, dash),
             label=f"{line.label}: {vn_number(line.value)}")


def _rate_line(axes, spec: ChartSpec, font: dict, colour: str) -> None:
    from matplotlib.ticker import FuncFormatter

    lines = spec.line_series()
    if not lines or spec.horizontal:
        return
    twin = axes.twinx()
    for series in lines:
        points = [(i, v) for i, v in enumerate(series.values) if v is not None]
        twin.plot([p[0] for p in points], [p[1] for p in points], color=colour, marker="o", markersize=3.5,
                  linewidth=1.6, label=series.label)
    twin.set_ylim(0, 105 if spec.line_unit == "%" else None)
    twin.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: vn_value(v, spec.line_unit)))
    twin.tick_params(labelsize=font["size"])
    for label in twin.get_yticklabels():
        label.set_family(font["family"])
    twin.spines["top"].set_visible(False)
    axes._rate_twin = twin   # the legend gathers its line too


def _legend(figure, axes, spec: ChartSpec, font: dict) -> int:
    """The legend under the chart (the series when there are several, the reference lines); its rows."""
    handles, labels = axes.get_legend_handles_labels()
    twin = getattr(axes, "_rate_twin", None)
    if twin is not None:
        more = twin.get_legend_handles_labels()
        handles, labels = handles + more[0], labels + more[1]
    if len(spec.series) == 1:   # one series needs no key: the title says what the bars are
        keep = [i for i, label in enumerate(labels) if label != spec.series[0].label]
        handles, labels = [handles[i] for i in keep], [labels[i] for i in keep]
    if not labels:
        return 0
    room = figure.get_figwidth() * 72 / (font["size"] * 0.62)   # characters across the picture
    columns = len(labels)
    while columns > 1 and sum(len(label) + 8 for label in labels[:columns]) > room:
        columns -= 1
    figure.legend(handles, labels, loc="lower center", bbox_to_anchor=(0.5, 0.06 if spec.note else 0.0),
                  ncol=columns, frameon=False, prop={"family": font["family"], "size": font["size"] - 0.5},
                  handlelength=1.6, columnspacing=1.2)
    return -(-len(labels) // columns)


def chart_png(spec: ChartSpec, width_mm: float, height_mm: float, *, print_ready: bool = False,
              dpi: float = 200, font_size: float = 9) -> bytes:
    """``spec`` as PNG bytes of ``width_mm`` × ``height_mm`` (a Word file's picture: greys, serif)."""
    return chart_png_px(spec, width_mm / 25.4 * dpi, height_mm / 25.4 * dpi, dpi=dpi, print_ready=print_ready,
                        font_size=font_size)


def chart_png_px(spec: ChartSpec, width_px: float, height_px: float, *, dpi: float = 96,
                 print_ready: bool = False, font_size: float = 9) -> bytes:
    """``spec`` as PNG bytes of a size in pixels (the home page's cards; ``dpi`` scales the text)."""
    _faces()
    figure, _ = _figure(width_px / dpi, height_px / dpi, dpi, "")
    draw_on(figure, spec, print_ready=print_ready, font_size=font_size)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def picture_height(spec: ChartSpec, height: float, font_size: float = 9) -> float:
    """The height in pixels (at 96 dpi) a chart needs: cells down the side take a line each, so a long list of
    cells makes a taller picture (it scrolls) rather than names written over each other."""
    if not spec.horizontal or not spec.has_data:
        return height
    line = (font_size + 5) * 96 / 72
    return max(height, line * (len(spec.categories) + 7))
