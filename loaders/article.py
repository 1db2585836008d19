"""The Article: one report's text with the metadata that came with it."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


class LoadError(Exception):
    """A source that cannot be read; carries the reason shown to the user."""


@dataclass
class Article:
    """One article. Character offsets in every finding refer to ``text``."""

    text: str
    source: str
    title: str | None = None
    published: date | None = None
    newspaper: str | None = None
    url: str | None = None
    place: str | None = None  # a jurisdiction given by the user; detection fills the rest
    index: int = 0  # position of the article on its page
    body_start: int = 0  # where the body begins in ``text``: headline, bylines and date lines come before it
    meta: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        """A stable id: the same text published on the same day is the same article."""
        digest = hashlib.sha1(self.text.strip().encode("utf-8")).hexdigest()[:12]
        day = self.published.isoformat() if self.published else "undated"
        return f"{day}-{digest}"
