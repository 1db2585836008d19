"""Who sits with whom: people linked by the meetings they took part in together, counted in Python.

A self-join over attendees in the store grows with the square of each meeting's attendance and took 85-100 s on
a 100,000-article store (NOTES.md); one scan of the participation edges and a count here take seconds. Chairing,
attending, sitting in (列席) and speaking all count as being at a meeting.
"""
from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from ..stores import Store
from .filters import Filters
from .select import reader_for

FEW_MEETINGS = 3000


@dataclass
class CoAttendance:
    """People, the meetings each took part in, and how many meetings each pair shared."""

    people: dict[str, str]  # id -> label
    meetings: dict[str, set[str]]  # person -> meetings
    pairs: Counter  # (a, b) with a < b -> meetings together
    days: dict[str, str] = field(default_factory=dict)  # meeting -> day
    meeting_labels: dict[str, str] = field(default_factory=dict)

    def shared(self, a: str, b: str, most: int | None = None) -> list[str]:
        """The meetings two people took part in together, newest first (the ``most`` newest)."""
        both = self.meetings[a] & self.meetings[b]
        key = lambda m: (self.days.get(m, ""), m)
        return heapq.nlargest(most, both, key=key) if most else sorted(both, key=key, reverse=True)


def co_attendance(store: Store, f: Filters, *, min_count: int = 1, labels: bool = True) -> CoAttendance:
    """The co-attendance network of the meetings that pass the filters (pairs below ``min_count`` dropped)."""
    r = reader_for(store)
    days = r.meeting_days()
    keep = None
    if f.body or f.place or f.date_from or f.date_to:
        keep = {m for m, _ in r.meetings(f)}
    # a few meetings are cheaper to ask about one by one than to scan every participation edge
    rows = r.participants(sorted(keep)) if keep is not None and len(keep) <= FEW_MEETINGS else r.participation()
    at: dict[str, set[str]] = defaultdict(set)  # meeting -> people
    for person, _, meeting in rows:
        if keep is None or meeting in keep:
            at[meeting].add(person)
    meetings: dict[str, set[str]] = defaultdict(set)
    pairs: Counter = Counter()
    for meeting, people in at.items():
        for p in people:
            meetings[p].add(meeting)
        if len(people) > 1:
            pairs.update(combinations(sorted(people), 2))
    if min_count > 1:
        pairs = Counter({k: v for k, v in pairs.items() if v >= min_count})
    # one lookup per person at a meeting: far fewer than every person (journalists are people too)
    names = r.labels_of(sorted(meetings)) if labels else {}
    people_labels = {p: names.get(p, p.rsplit("/", 1)[-1]) for p in meetings}
    return CoAttendance(people_labels, dict(meetings), pairs, days)
