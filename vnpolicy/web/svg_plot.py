"""A small SVG writer for the statistics page: grouped bars (one group per year, one bar per
figure, one colour per place), a value axis with round ticks, and a legend of places.

Made on the server, no script; every label is escaped, numbers are written the Vietnamese
way ("39.199", "3,5"). A bar is a link to the figure's document when it has one:

>>> svg = bar_chart([Bar("2022", "huyện Gio Linh", 3.5, "3,5 %")], "Tỷ lệ hộ nghèo (%)")
>>> svg.count('class="mark"')
1
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

# Distinguishable colours (Okabe-Ito, then darker tones); places beyond them share grey.
PALETTE = (
    "#b03a2e",
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#d55e00",
    "#6b4c9a",
    "#3c8a2e",
    "#8c6d31",
)
OTHER_COLOUR = "#9a9a9a"
MIN_WIDTH = 420
FONT = "Noto Sans, DejaVu Sans, Arial, sans-serif"


@dataclass(frozen=True)
class Bar:
    """One figure: its group on the x axis (a year), its series (a place), its value, the
    tooltip, and the page it links to."""

    group: str
    series: str
    value: float
    label: str
    href: str | None = None


def vi_number(value: float | None) -> str:
    """A number as Vietnamese text writes it: 39199 -> "39.199", 3.5 -> "3,5",
    1234.25 -> "1.234,25"; "" for None."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, fraction = f"{abs(value):.6f}".rstrip("0").partition(".")
    sign = "-" if value < 0 else ""
    return f"{sign}{int(whole):,}".replace(",", ".") + "," + fraction


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]: (0, 37) -> 0, 10, 20, 30, 40."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks, value = [], first
    while value < high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(value, 10))
    return ticks


def _text_width(text: str, size: float) -> float:
    return len(text) * size * 0.58


def bar_chart(bars: Sequence[Bar], title: str, height: int = 260, max_width: int = 1100) -> Markup:
    """`bars` as an inline SVG bar chart, groups in the order first seen, bars within a group
    in series order; empty Markup for no bars."""
    if not bars:
        return Markup("")
    groups = list(dict.fromkeys(b.group for b in bars))
    series = list(dict.fromkeys(b.series for b in bars))
    colour = {s: PALETTE[i] if i < len(PALETTE) else OTHER_COLOUR for i, s in enumerate(series)}
    by_group = {g: [b for b in bars if b.group == g] for g in groups}
    order = {s: i for i, s in enumerate(series)}
    for members in by_group.values():
        members.sort(key=lambda b: order[b.series])

    values = [b.value for b in bars]
    ticks = _ticks(min(0.0, *values), max(0.0, *values))
    low, high = ticks[0], ticks[-1]
    tick_labels = [vi_number(t) for t in ticks]
    left = 12 + max(_text_width(t, 11) for t in tick_labels)
    top, right = 28, 12
    slots = sum(len(m) for m in by_group.values())
    gap = 14
    bar = max(4.0, min(28.0, (max_width - left - right - gap * len(groups)) / max(1, slots)))
    group_widths = [len(by_group[g]) * bar + gap for g in groups]
    width = left + right + sum(group_widths)
    widest_legend = max(18 + _text_width(s, 11) for s in series)
    # room for the title and a legend item, however few the bars
    width = max(
        width, MIN_WIDTH, left + _text_width(title, 13) * 1.05 + right, left + widest_legend
    )
    spare = (width - left - right - sum(group_widths)) / len(groups)
    group_widths = [w + spare for w in group_widths]  # few bars: wider groups, bars centred
    rotate = any(_text_width(g, 11) > w - 2 for g, w in zip(groups, group_widths, strict=True))
    axis_room = 16 + (max(_text_width(g, 11) for g in groups) * 0.72 if rotate else 0)

    # legend rows under the axis labels
    legend, x, y = [], 0.0, 0
    for s in series:
        item = 18 + _text_width(s, 11) + 14
        if x and left + x + item > width:
            x, y = 0.0, y + 18
        legend.append((s, left + x, y))
        x += item
    legend_height = y + 18
    plot_h = height - top - axis_room - legend_height - 10
    plot_h = max(plot_h, 120)
    height = top + plot_h + axis_room + legend_height + 10
    base = top + plot_h

    def y_of(value: float) -> float:
        return top + plot_h * (high - value) / (high - low)

    out = [
        f'<svg class="plot" xmlns="http://www.w3.org/2000/svg" role="img" width="{width:.0f}"'
        f' height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}"'
        f' font-family="{FONT}" font-size="11">',
        Markup("<title>{}</title>").format(title),
        Markup('<text x="{}" y="16" font-size="13" font-weight="600">{}</text>').format(
            f"{left:.0f}", title
        ),
    ]
    for value, label in zip(ticks, tick_labels, strict=True):
        ty = y_of(value)
        out.append(
            f'<line class="grid" x1="{left:.1f}" x2="{width - right:.1f}" y1="{ty:.1f}"'
            f' y2="{ty:.1f}" stroke="#e3e3e3"/>'
            f'<text x="{left - 6:.1f}" y="{ty + 4:.1f}" text-anchor="end">{label}</text>'
        )
    zero = y_of(0.0)
    out.append(
        f'<line class="axis" x1="{left:.1f}" x2="{left:.1f}" y1="{top}" y2="{base:.1f}"'
        f' stroke="#555"/><line class="axis" x1="{left:.1f}" x2="{width - right:.1f}"'
        f' y1="{zero:.1f}" y2="{zero:.1f}" stroke="#555"/>'
    )
    x = left
    for group, group_width in zip(groups, group_widths, strict=True):
        first = x + (group_width - len(by_group[group]) * bar) / 2
        for i, b in enumerate(by_group[group]):
            y0, y1 = sorted((y_of(b.value), zero))
            rect = Markup(
                '<rect class="mark" x="{}" y="{}" width="{}" height="{}" fill="{}"'
                ' data-group="{}" data-series="{}"><title>{}</title></rect>'
            ).format(
                f"{first + i * bar:.1f}",
                f"{y0:.1f}",
                f"{max(bar - 1, 1):.1f}",
                f"{max(y1 - y0, 0.5):.1f}",
                colour[b.series],
                b.group,
                b.series,
                f"{b.series}, {b.group}: {b.label}",
            )
            out.append(Markup('<a href="{}">{}</a>').format(b.href, rect) if b.href else rect)
        centre = x + group_width / 2
        if rotate:
            label = Markup(
                '<text x="{0}" y="{1}" text-anchor="end" transform="rotate(-40 {0} {1})">{2}</text>'
            ).format(f"{centre:.1f}", f"{base + 14:.1f}", group)
        else:
            label = Markup('<text x="{}" y="{}" text-anchor="middle">{}</text>').format(
                f"{centre:.1f}", f"{base + 14:.1f}", group
            )
        out.append(label)
        x += group_width
    legend_top = base + axis_room + 8
    for name, lx, ly in legend:
        out.append(
            Markup(
                '<g class="legend"><rect x="{}" y="{}" width="12" height="12" fill="{}"/>'
                '<text x="{}" y="{}">{}</text></g>'
            ).format(
                f"{lx:.1f}",
                f"{legend_top + ly:.1f}",
                colour[name],
                f"{lx + 16:.1f}",
                f"{legend_top + ly + 10:.1f}",
                name,
            )
        )
    out.append("</svg>")
    return Markup("").join(Markup(part) if isinstance(part, str) else part for part in out)


__all__ = ["Bar", "bar_chart", "vi_number"]
