"""What a view or an analysis keeps: a body, a place, a date range, node types; and how a selection was bounded."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Graph
from ..schema import NODE_TYPES

DEFAULT_MAX_NODES = 3000


class SelectionError(ValueError):
    """A selection that cannot be made: an unknown person, body, place or type; the message says which."""


@dataclass(frozen=True)
class Filters:
    """Meetings kept: convened by a body whose name contains ``body``, of a place, in a date range (ISO days)."""

    body: str = ""
    place: str = ""  # a place name or division code as the user wrote it
    date_from: str = ""
    date_to: str = ""
    types: tuple[str, ...] = ()  # node types to draw; empty: all

    def __post_init__(self) -> None:
        unknown = [t for t in self.types if t not in NODE_TYPES]
        if unknown:
            raise SelectionError(f"unknown node type {', '.join(unknown)}; expected one of {', '.join(NODE_TYPES)}")
        for day in (self.date_from, self.date_to):
            if day and not _is_day(day):
                raise SelectionError(f"not a day: {day!r} (write it as 2023-06-30)")

    @property
    def place_prefix(self) -> str:
        """The division-code prefix of the place: 43 for 湖南省, 4304 for 衡阳市, 430421 for 衡阳县."""
        if not self.place:
            return ""
        from govgraph.loaders.extract.places import resolve_place

        place = resolve_place(self.place.strip())
        if place is None:
            raise SelectionError(f"unknown place {self.place!r}: give a province, city or county name, or its code")
        return {"province": place.code[:2], "city": place.code[:4]}.get(place.level, place.code)

    def keeps_day(self, day: str | None) -> bool:
        """True when a meeting on ``day`` is in the range (an undated one only when there is no range)."""
        if not day:
            return not (self.date_from or self.date_to)
        return (not self.date_from or day >= self.date_from) and (not self.date_to or day <= self.date_to)

    def describe(self) -> str:
        """The filters in words, for a page's subtitle."""
        parts = []
        if self.body:
            parts.append(f"body ~ {self.body}")
        if self.place:
            parts.append(f"place {self.place}")
        if self.date_from or self.date_to:
            parts.append(f"{self.date_from or '…'} – {self.date_to or '…'}")
        if self.types:
            parts.append("types " + ", ".join(self.types))
        return " · ".join(parts)


def _is_day(text: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


@dataclass
class Selection:
    """A part of the graph chosen for a view, and what was left out of it, in words."""

    graph: Graph
    left_out: list[str] = field(default_factory=list)
    matched: int = 0  # how many anchors (meetings, people) matched before the cap
    drawn: int = 0  # how many of them were drawn
    articles: dict[str, dict] = field(default_factory=dict)  # evidence articles not drawn: title, published …
