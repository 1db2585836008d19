"""Text wrapped at a fixed width, as a PDF of a newspaper page gives it: every line of a paragraph cut at the
column's width, the last one shorter.

Such a page has most of its lines of (nearly) one length, and those lines stop mid-sentence. When a page looks so,
a line of that length that does not end a sentence runs on into the next one; a shorter line ends its paragraph.
Pages written a paragraph to a line (web copies, transcripts) have lines of every length and are left alone, and
so are the few lines a column break cut in them (textpage's join_broken mends those).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

_MIN_LINES = 4  # fewer lines than this say nothing about a width
_MAX_WIDTH = 48  # a newspaper column holds fewer characters than this
_SHARE = 0.5  # of the lines, at least this many are full
_LONGER = 0.1  # and at most this many longer than the width
_SLACK = 2  # digits and Latin letters are narrower: a full line may hold a character or two more or less
_ENDS = "。！？；…：:”’）)"


def wrap_width(lines: list[str]) -> int | None:
    """The width the lines were wrapped at, or None when they were not wrapped."""
    lengths = [len(ln) for ln in lines if len(ln) >= 6]
    if len(lengths) < _MIN_LINES:
        return None
    width, _ = Counter(lengths).most_common(1)[0]
    if width > _MAX_WIDTH:
        return None
    full = [ln for ln in lines if abs(len(ln) - width) <= _SLACK]
    cut = [ln for ln in full if not ln.endswith(tuple(_ENDS))]
    longer = [ln for ln in lines if len(ln) > width + _SLACK]  # a wrapped page has next to none
    if len(full) < _SHARE * len(lengths) or len(cut) < _SHARE * len(full) or len(longer) > _LONGER * len(lines):
        return None
    return width


def unwrap(lines: list[str], starts_block: Callable[[str], object] = lambda _: False) -> list[str]:
    """The lines as paragraphs again, when they were wrapped at a fixed width; else as they are. An empty line
    always ends a paragraph, and so does a line before one that ``starts_block`` says opens something new (a
    dateline after a headline as long as a column's line)."""
    width = wrap_width([ln for ln in lines if ln])
    if width is None:
        return lines
    out: list[str] = []
    runs_on = False
    for ln in lines:
        if runs_on and ln and not starts_block(ln):
            out[-1] += ln
        else:
            out.append(ln)
        runs_on = len(ln) >= width - _SLACK and not ln.endswith(tuple(_ENDS))
    return out
