"""Charts drawn with ReportLab's own charting library (reportlab.graphics.charts): the same drawing goes into the
PDF report as vectors and, as SVG, onto the statistics screen — no second charting library in the bundle
(docs/design.md, "Charts": matplotlib would add ~35 MB and ~0.6 s of import; Qt Charts is not in PySide6-Essentials)."""
from __future__ import annotations

import re

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from .model import Chart

BAR = colors.Color(0.20, 0.42, 0.65)
ACCENT = colors.Color(0.80, 0.36, 0.20)


def _short(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"


def chart_drawing(chart: Chart, font: str, width_mm: float = 160) -> Drawing:
    """A bar chart of `chart`: horizontal bars when the labels are long (fields, units), columns for years; a
    second series (registered → reached) in the accent colour."""
    n = max(1, len(chart.labels))
    width = width_mm * mm
    horizontal = chart.kind == "hbar"
    height = (14 + 7.5 * n * (1 + (len(chart.series) > 1) * 0.6)) * mm if horizontal else 75 * mm
    d = Drawing(width, height)
    d.initialFontName = font   # the renderer starts from this state (else an unembedded Helvetica lands in the PDF)
    d.add(String(width / 2, height - 10, chart.title, fontName=font, fontSize=10, textAnchor="middle"))
    c = HorizontalBarChart() if horizontal else VerticalBarChart()
    label_room = 62 * mm if horizontal else 0
    c.x, c.y = label_room + 4, 14 if horizontal else 22
    c.width, c.height = width - label_room - 20, height - (30 if horizontal else 42)
    data = [tuple(v) for v in chart.series]
    c.data = data
    c.categoryAxis.categoryNames = [_short(x) for x in chart.labels]
    c.categoryAxis.labels.fontName = font
    c.categoryAxis.labels.fontSize = 8
    c.valueAxis.labels.fontName = font
    c.valueAxis.labels.fontSize = 7
    c.valueAxis.valueMin = 0
    top = max([max(s) if s else 0 for s in data] + [1])
    c.valueAxis.valueMax = top + max(1, top // 8)
    step = max(1, round(top / 5))
    c.valueAxis.valueStep = step
    c.valueAxis.labelTextFormat = lambda v: f"{int(v):,}".replace(",", ".")
    if horizontal:
        c.categoryAxis.reverseDirection = 1
        c.categoryAxis.labels.boxAnchor = "e"
        c.categoryAxis.labels.dx = -3
    else:
        c.categoryAxis.labels.boxAnchor = "n"
    c.bars[0].fillColor = BAR
    c.bars.strokeColor = None
    if len(data) > 1:
        c.bars[1].fillColor = ACCENT
    c.barLabels.fontName = font
    c.barLabels.fontSize = 7
    c.barLabelFormat = lambda v: f"{int(v):,}".replace(",", ".")
    c.barLabels.nudge = 7
    d.add(c)
    if chart.legend:
        x = label_room + 4
        for i, name in enumerate(chart.legend):
            colour = BAR if i == 0 else ACCENT
            d.add(Rect(x, 2, 8, 6, fillColor=colour, strokeColor=None))
            d.add(String(x + 11, 2, name, fontName=font, fontSize=8))
            x += 11 + len(name) * 4.2 + 14
    return d


_CLIP = re.compile(r"<clipPath.*?</clipPath>", re.S)


def chart_svg(chart: Chart, font: str, width_mm: float = 160, screen_font: str = "Liberation Sans") -> bytes:
    """The chart as SVG bytes, for the screen. QtSvg speaks SVG Tiny 1.2, which has no clipPath: it would paint the
    clip rectangle black over the whole chart, so the (whole-drawing) clip is dropped; the text uses the screen's font."""
    svg = renderSVG.drawToString(chart_drawing(chart, font, width_mm))
    svg = _CLIP.sub("", svg).replace(' style="clip-path: url(#clip)"', "")
    return svg.replace(f"font-family: {font};", f"font-family: {screen_font};").encode("utf-8")
