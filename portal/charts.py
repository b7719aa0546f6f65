"""Server-rendered charts: geometry for SVG bar charts with a data table.

Charts work with JavaScript off and are readable by screen readers because the
figure always carries the same numbers as a table. Views build a `BarChart`
and templates render it with ``{% include "components/_bar_chart.html" with chart=chart only %}``.
"""

from dataclasses import dataclass, field

from .formatting import angka

# A narrow drawing (400 units) with large type (17 units, in portal.css): on a
# 320 px phone the drawing shrinks to about 288 px and its text stays above
# 12 px; on a wide screen the stylesheet caps it at 30rem so text stays modest.
WIDTH = 400
LABEL_HEIGHT = 22
BAR_HEIGHT = 18
ROW_GAP = 12
PLOT_LEFT = 0
VALUE_SPACE = 165


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    display: str
    y: int
    bar_y: int
    width: float
    value_x: float
    value_y: int
    url: str = ""


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: list
    height: int
    value_heading: str
    label_heading: str
    width: int = WIDTH
    summary: str = ""
    extra_columns: list = field(default_factory=list)


def bar_chart(title, items, *, label_heading, value_heading, display=None, summary=""):
    """Horizontal bars: one row per (label, value[, url]); each label sits above its bar.

    `display` formats a value for the bar end and the table (default: a whole
    number with dot thousands separators).
    """
    display = display or angka
    rows = [tuple(item) + ("",) * (3 - len(item)) for item in items]
    peak = max((r[1] for r in rows), default=0) or 1
    plot = WIDTH - VALUE_SPACE
    bars = []
    y = 0
    for label, value, url in rows:
        length = round(plot * (value / peak), 1) if value > 0 else 0
        bars.append(
            Bar(
                label=str(label),
                value=value,
                display=display(value),
                y=y + LABEL_HEIGHT - 4,
                bar_y=y + LABEL_HEIGHT,
                width=max(length, 1 if value > 0 else 0),
                value_x=max(length, 1 if value > 0 else 0) + 8,
                value_y=y + LABEL_HEIGHT + 14,
                url=url,
            )
        )
        y += LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    return BarChart(
        title=title,
        bars=bars,
        height=max(y, 1),
        value_heading=value_heading,
        label_heading=label_heading,
        summary=summary,
    )
