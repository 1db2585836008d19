"""What the extractor finds in one article; every finding carries its span in the article text."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Span:
    """Characters ``start:end`` of the article text, and the text itself."""

    start: int
    end: int
    text: str


@dataclass
class NameMention:
    """A person named in the text, with the titles written right before the name."""

    name: str
    span: Span
    titles: list[str] = field(default_factory=list)


@dataclass
class DocMention:
    """A document title in 《》 and what the meeting did with it."""

    title: str
    action: str  # reviewed | approved | heard | studied | mentioned
    span: Span  # the clause with the verb and the title


@dataclass
class MeetingMention:
    """One place the text names a meeting."""

    name: str
    body: str
    kind: str
    ordinal: int | None
    year: int | None
    span: Span
    held: bool  # named as held (召开, 举行, 主持召开) rather than as the source of 精神
    referenced: bool = False  # named as a source (……会议精神) or as planned (决定召开)
    term: str | None = None  # the term of office the numbering counts in (十四届), as written


@dataclass
class MeetingRef:
    """Another meeting that a meeting discussed (传达学习……会议精神)."""

    name: str
    span: Span


@dataclass
class Task:
    """A task given to a body (由市教育局牵头)."""

    body: str
    span: Span


@dataclass
class Meeting:
    """A meeting held and reported in the article."""

    name: str
    body: str
    kind: str
    span: Span
    ordinal: int | None = None
    year: int | None = None
    term: str | None = None  # the term of office its number counts in: 十四届全国人大常委会第十九次会议
    date: date | None = None
    part_of_day: str | None = None
    scope: tuple[int, int] = (0, 0)  # from the first to the last character of text that reports this meeting
    segments: list[tuple[int, int]] = field(default_factory=list)  # the stretches that report it, in order
    anchor: int = 0  # where the body first names it (the start of the body when only the headline does)
    mentions: list[MeetingMention] = field(default_factory=list)  # every place the text names it
    roles: list[tuple[str, NameMention]] = field(default_factory=list)  # (chair|attendee|nonvoting|speaker, who)
    documents: list[DocMention] = field(default_factory=list)
    refers_to: list[MeetingRef] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)

    def names(self, role: str) -> list[str]:
        """Names in one role, first mention first, each once."""
        return list(dict.fromkeys(m.name for r, m in self.roles if r == role))


@dataclass
class Place:
    """The jurisdiction of an article: a name, its level, and its GB/T 2260 code."""

    name: str
    level: str  # national | province | city | county
    code: str | None = None
    province: str | None = None
    city: str | None = None


@dataclass
class Findings:
    """All that one article yields."""

    meetings: list[Meeting] = field(default_factory=list)
    people: dict[str, list[NameMention]] = field(default_factory=dict)  # name -> its titled mentions
    reporters: list[NameMention] = field(default_factory=list)
    place: Place | None = None
    event_date: date | None = None
