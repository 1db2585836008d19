"""Meetings per body per month, as rows and as an SVG heat map that carries its own CJK glyphs.

The plot is written here rather than with matplotlib: a grid of coloured cells with labels is a few dozen lines
of SVG, and an SVG whose @font-face holds the subset of Noto Sans SC it uses shows Chinese body names in any
browser, on a machine with no Chinese fonts, with no new dependency.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from html import escape
from pathlib import Path

from ..stores import Store
from ..subgraph import Filters, reader_for
from ..views import fonts

MAX_BODIES = 30  # rows in the plot: the busiest bodies


def meetings_per_month(store: Store, f: Filters) -> tuple[list[str], list[tuple]]:
    """(body, month, meetings) for every body and month with a meeting that passes the filters."""
    r = reader_for(store)
    days = r.meeting_days()
    count: Counter = Counter()
    for _, label, m in r.convened(f):
        day = days.get(m)
        if day and f.keeps_day(day):
            count[(label, day[:7])] += 1
    rows = [(b, month, n) for (b, month), n in sorted(count.items())]
    return ["body", "month", "meetings"], rows


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def activity_svg(rows: list[tuple], path: Path | str, *, title: str = "Meetings per body per month 各机构每月会议数",
                 embed_font: bool = True) -> Path:
    """Write a heat map of the busiest bodies (rows) by month (columns) to ``path``."""
    per_body: dict[str, dict[str, int]] = defaultdict(dict)
    for body, month, n in rows:
        per_body[body][month] = n
    bodies = sorted(per_body, key=lambda b: (-sum(per_body[b].values()), b))[:MAX_BODIES]
    months = _months(min(m for _, m, _ in rows), max(m for _, m, _ in rows)) if rows else []
    top = max((n for b in bodies for n in per_body[b].values()), default=1)
    cell, left, head = 14, 230, 70
    width, height = max(left + cell * len(months) + 40, 640), head + cell * len(bodies) + 40
    parts = [f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
             f'<text x="10" y="22" class="t">{escape(title)}</text>',
             f'<text x="10" y="40" class="s">{len(bodies)} busiest bodies · darker = more meetings '
             f'(most: {top})</text>']
    for j, month in enumerate(months):
        if month.endswith("-01") or j == 0:
            x = left + j * cell
            words = month[:4] if month.endswith("-01") else month
            parts.append(f'<text x="{x}" y="{head - 6}" class="s">{words}</text>')
    for i, body in enumerate(bodies):
        y = head + i * cell
        parts.append(f'<text x="{left - 6}" y="{y + cell - 3}" class="b" text-anchor="end">{escape(body)}</text>')
        for j, month in enumerate(months):
            n = per_body[body].get(month, 0)
            shade = "#f3f5f7" if not n else _shade(n / top)
            parts.append(f'<rect x="{left + j * cell}" y="{y}" width="{cell - 1}" height="{cell - 1}" '
                         f'fill="{shade}"><title>{escape(body)} {month}: {n}</title></rect>')
    text = title + "".join(bodies) + "".join(months) + "busiest bodies · darker = more meetings (most: )0123456789"
    face = fonts.font_face_css(fonts.page_chars(text)) if embed_font else ""
    style = (f"{face} text {{ font-family: '{fonts.FAMILY}', 'Noto Sans CJK SC', sans-serif; fill: #1f2328; }} "
             ".t { font-size: 15px; font-weight: 600; } .s { font-size: 11px; fill: #5f6b76; } .b { font-size: 11px; }")
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}"><style>{style}</style>{"".join(parts)}</svg>\n')
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(svg, encoding="utf-8")
    return path


def _shade(x: float) -> str:
    """From a pale to a deep blue as x goes from 0 to 1."""
    lo, hi = (222, 235, 247), (8, 69, 148)
    r, g, b = (round(a + (c - a) * min(1.0, x) ** 0.7) for a, c in zip(lo, hi, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"
