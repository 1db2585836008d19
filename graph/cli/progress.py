"""A one-line progress bar for long ingests, on standard error, redrawn a few times a second."""
from __future__ import annotations

import shutil
import time
from typing import TextIO

from ..ingest import Progress


class TerminalProgress:
    """Files and articles done, meetings found, the rate and the time left; call ``close`` to clear it."""

    def __init__(self, stream: TextIO, *, every: float = 0.25):
        self.stream = stream
        self.every = every
        self.start = time.monotonic()
        self._last = 0.0
        self._shown = False

    def __call__(self, p: Progress) -> None:
        now = time.monotonic()
        if now - self._last < self.every:
            return
        self._last = now
        self.stream.write("\r" + self.line(p, now - self.start) + "\x1b[K")
        self.stream.flush()
        self._shown = True

    @staticmethod
    def line(p: Progress, elapsed: float) -> str:
        """The bar's text for progress ``p`` after ``elapsed`` seconds."""
        width = shutil.get_terminal_size((100, 20)).columns
        share = p.bytes_done / p.bytes_total if p.bytes_total else 0.0
        left = elapsed * (1 - share) / share if share > 0.001 else None
        rate = p.articles / elapsed if elapsed > 0 else 0.0
        text = (f"{p.files_done}/{p.files_total} files  {p.articles:,} articles  {p.meetings:,} meetings  "
                f"{rate:,.0f} articles/s  {_clock(left)} left")
        bar_width = max(0, min(30, width - len(text) - 4))
        if bar_width >= 10:
            full = int(share * bar_width)
            text = "[" + "#" * full + "." * (bar_width - full) + "] " + text
        return text[:width - 1]

    def close(self) -> None:
        """Clear the bar, so the summary that follows starts on a clean line."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"
