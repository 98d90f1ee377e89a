"""Server-rendered inline SVG charts: no JavaScript, no library, nothing fetched from elsewhere."""

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH, HEIGHT = 720, 280
"""The viewBox; the SVG scales to its container's width."""

LEFT, RIGHT, TOP, BOTTOM = 40, 10, 36, 28
"""Margins inside the viewBox: the y-axis labels, the legend above, the day labels below."""


@dataclass(frozen=True)
class Series:
    """One stacked layer: its legend label, its fill colour, and one value per column."""

    label: str
    colour: str
    values: list[int]


def _step(top: int) -> int:
    """A 1, 2 or 5 times a power of ten that divides 0..top into at most five gridlines."""
    magnitude = 10 ** max(math.floor(math.log10(max(top, 1) / 5)), 0)
    return next(m * magnitude for m in (1, 2, 5, 10) if top / (m * magnitude) <= 5)


def stacked_bars(
    chart_id: str,
    title: str,
    description: str,
    columns: list[str],
    series: list[Series],
    label_every: int = 5,
    width: int = WIDTH,
) -> Markup:
    """A stacked bar chart, one bar per column, with a legend naming every colour and a <title> per segment.

    `chart_id` makes the ids its aria-labelledby points at unique on the page; `description` is what a screen
    reader says after the title (the page should carry the same numbers in a table). `width` is the viewBox's:
    a narrower one, with fewer columns, keeps its text readable on a phone.
    """
    totals = [sum(s.values[i] for s in series) for i in range(len(columns))]
    step = _step(max(totals, default=0))
    top = max(step * math.ceil(max(totals, default=0) / step), step)
    plot_w, plot_h = width - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(columns), 1)
    scale = plot_h / top
    parts = [
        f'<svg id="{chart_id}" viewBox="0 0 {width} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for tick in range(0, top + 1, step):
        y = TOP + plot_h - tick * scale
        parts.append(f'<line x1="{LEFT}" x2="{width - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{tick}</text>')
    for i, column in enumerate(columns):
        x, y = LEFT + i * slot + slot * 0.15, TOP + plot_h
        for s in series:
            if not s.values[i]:
                continue
            h = s.values[i] * scale
            y -= h
            # A white edge between segments keeps neighbouring colours apart for every kind of colour vision.
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" fill="{s.colour}" '
                f'stroke="#fff" stroke-width="0.5"><title>{escape(column)}: {escape(s.label)}, {s.values[i]}</title>'
                "</rect>"
            )
        if i % label_every == 0 or i == len(columns) - 1:
            parts.append(
                f'<text x="{x + slot * 0.35:.1f}" y="{HEIGHT - 10}" text-anchor="middle" font-size="11">'
                f"{escape(column)}</text>"
            )
    if not any(totals):
        parts.append(
            f'<text x="{LEFT + plot_w / 2:.1f}" y="{TOP + plot_h / 2:.1f}" text-anchor="middle" font-size="13">'
            "Nothing to show for this period</text>"
        )
    legend_x = LEFT
    for s in series:
        parts.append(f'<rect x="{legend_x}" y="8" width="14" height="14" fill="{s.colour}" stroke="#555"/>')
        parts.append(f'<text x="{legend_x + 19}" y="19" font-size="12">{escape(s.label)}</text>')
        legend_x += 24 + 7 * len(s.label)
    parts.append("</svg>")
    return Markup("".join(parts))
