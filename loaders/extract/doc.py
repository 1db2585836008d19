"""The document the extractor's components share, and how a component says what it reads and writes.

A component is a plain function ``component(doc) -> None`` that reads some fields of the ``Doc`` and fills others;
``@component(requires=…, assigns=…)`` records which (the pipeline checks the order once, when it is built). The
rules read ``doc.norm``, a copy of the text with the same length in which ASCII punctuation between Chinese
characters is written full width, so every offset a rule finds is also an offset into ``doc.text``, the words
as the article has them, which evidence quotes.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ..encoding import ascii_digits
from .findings import Meeting, MeetingMention, NameMention, Place

# ASCII punctuation that web copies use where print uses full width; mapped one character to one, so that
# offsets do not move.
_WIDE = {",": "，", "(": "（", ")": "）", ";": "；", ":": "：", "!": "！", "?": "？"}
_ASCII_PUNCT = re.compile(r"[,();:!?]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")


def normalise(text: str) -> str:
    """``text`` with ASCII ``, ( ) ; : ! ?`` written full width where Chinese stands on either side and full-width
    digits written ASCII; same length.

    Digits keep their ASCII punctuation (``1,000``, ``10:30``), and so does Latin text.
    """
    def wide(m: re.Match) -> str:
        i = m.start()
        before, after = text[i - 1:i], text[i + 1:i + 2]
        if ch_is_digit(before) and ch_is_digit(after):
            return m.group(0)
        if _HAN.match(before) or _HAN.match(after):
            return _WIDE[m.group(0)]
        return m.group(0)

    text = ascii_digits(text)
    return _ASCII_PUNCT.sub(wide, text)


def ch_is_digit(ch: str) -> bool:
    return bool(ch) and ch.isdigit()


@dataclass
class Doc:
    """One article as the components see it, and everything they have found in it so far."""

    text: str
    published: date | None = None
    body_start: int = 0  # where the body begins: the headline, bylines and date lines come before it
    place_hint: str | None = None  # a jurisdiction the user gave
    norm: str = ""
    names: list[NameMention] = field(default_factory=list)  # people named with a title, and their later mentions
    chair_lines: list[NameMention] = field(default_factory=list)  # 邓群策主持 lines in a headline block
    meeting_mentions: list[MeetingMention] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    event_date: date | None = None  # the day the body first speaks of; 当天 and 同日 count from it
    event_part: str | None = None
    people: dict[str, list[NameMention]] = field(default_factory=dict)
    reporters: list[NameMention] = field(default_factory=list)
    place: Place | None = None

    def __post_init__(self) -> None:
        if not self.norm:
            self.norm = normalise(self.text)


Component = Callable[[Doc], None]


@dataclass(frozen=True)
class ComponentInfo:
    """What a component reads from the Doc and what it fills in."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def component(*, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()):
    """Mark a function as a pipeline component that reads ``requires`` and fills ``assigns`` (Doc field names)."""
    fields = set(Doc.__dataclass_fields__)

    def mark(fn: Component) -> Component:
        unknown = (set(requires) | set(assigns)) - fields
        if unknown:
            raise ValueError(f"component {fn.__name__} names fields the Doc does not have: {sorted(unknown)}")
        fn.info = ComponentInfo(fn.__name__, tuple(requires), tuple(assigns))  # type: ignore[attr-defined]
        return fn

    return mark


def check_order(components: list[Component]) -> None:
    """Every field a component requires is assigned by one before it (or given when the Doc is made)."""
    given = {"text", "published", "body_start", "place_hint", "norm"}
    for c in components:
        info: ComponentInfo = c.info  # type: ignore[attr-defined]
        missing = set(info.requires) - given
        if missing:
            raise ValueError(f"component {info.name} needs {sorted(missing)} before anything assigns it")
        given |= set(info.assigns)
