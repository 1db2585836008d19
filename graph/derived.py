"""Facts derived from the graph and kept up to date at ingest, so that the saved questions are lookups.

- name parts: every part of a body's or a post's name, so that "part of the name" parameters are found through
  an index instead of a scan of every label (the RDF store keeps them; Neo4j has text indexes for the job);
- the years a post was seen held, one value per year, so that writing the same sighting twice changes nothing;
- meetings per body per month, and co-attendance (how many meetings two people took part in together): counts,
  moved by what each chunk adds to what the store already holds, so a chunk written twice moves nothing.

Everything here is a pure function of the model and of what a store says it holds; the stores decide where the
results live and apply the changes.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from .model import Edge, Graph

# who counts as having been at a meeting together (the saved query and the analysis agree on it)
TOGETHER = ("chaired", "attended")
# node types whose names are found by any part of them
NAMED_BY_PARTS = ("Body", "Post")
K = TypeVar("K")


def name_parts(label: str) -> set[str]:
    """Every contiguous part of a name, the empty one included (a parameter left empty matches every node)."""
    return {label[i:j] for i in range(len(label)) for j in range(i + 1, len(label) + 1)} | {""}


def years_seen(edge: Edge) -> set[str]:
    """The years of an edge's dated sightings, and "" when one of them has no date."""
    return {ev.observed[:4] if ev.observed else "" for ev in edge.evidence}


def month_of(day: str | None) -> str:
    """The month of a day as YYYY-MM, or "" for a meeting without a date."""
    return day[:7] if day else ""


def pair(a: str, b: str) -> tuple[str, str]:
    """A pair of people in one order, whichever way round they were met."""
    return (a, b) if a < b else (b, a)


def new_pairs(adding: Mapping[K, set[str]], stored: Mapping[K, set[str]]) -> Counter[tuple[str, str]]:
    """How much each pair's count of shared meetings grows when the people in ``adding`` (per meeting) join those
    already ``stored`` for the same meetings. A person already stored for a meeting adds nothing."""
    out: Counter[tuple[str, str]] = Counter()
    for meeting, people in adding.items():
        before = stored.get(meeting, set())
        new = sorted(people - before)
        for i, a in enumerate(new):
            for b in before:
                out[pair(a, b)] += 1
            for b in new[i + 1:]:
                out[pair(a, b)] += 1
    return out


def all_pairs(meetings: Iterable[set[str]]) -> Counter[tuple[str, str]]:
    """Every pair's count of shared meetings, from scratch."""
    return new_pairs(dict(enumerate(meetings)), {})


@dataclass
class Touched:
    """What a chunk says about the derived facts: who took part in each of its meetings, which bodies convened
    them, and the day each of them was held (None: not said)."""

    participants: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    convened: set[tuple[str, str]] = field(default_factory=set)  # (body, meeting)
    days: dict[str, str | None] = field(default_factory=dict)
    written: set[str] = field(default_factory=set)  # every meeting node the chunk writes, taking part or not

    @classmethod
    def of(cls, graph: Graph) -> Touched:
        t = cls()
        t.written = {n.id for n in graph.nodes.values() if n.type == "Meeting"}
        for e in graph.edges.values():
            if e.type in TOGETHER:
                t.participants[e.target].add(e.source)
            elif e.type == "convened":
                t.convened.add((e.source, e.target))
        for m in t.written | {m for _, m in t.convened}:  # every meeting node written, with its day or None
            node = graph.nodes.get(m)
            t.days[m] = (node.props.get("date") or None) if node else None
        t.participants = dict(t.participants)
        return t

    @property
    def meetings(self) -> set[str]:
        """Every meeting whose stored state the deltas depend on."""
        return set(self.participants) | {m for _, m in self.convened}


@dataclass
class Stored:
    """What a store holds, before a chunk is written, for the meetings the chunk touches."""

    participants: dict[str, set[str]] = field(default_factory=dict)
    convened: set[tuple[str, str]] = field(default_factory=set)
    days: dict[str, set[str]] = field(default_factory=dict)  # every day stored for the meeting (RDF may hold two)


@dataclass
class Deltas:
    """How a chunk moves the counts: co-attendance per pair, meetings per (body, month)."""

    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    months: Counter[tuple[str, str]] = field(default_factory=Counter)

    def __bool__(self) -> bool:
        return bool(+self.pairs or -self.pairs or +self.months or -self.months)


def deltas(chunk: Touched, stored: Stored) -> Deltas:
    """The changes a chunk makes to the counts, given what was stored before it.

    A meeting counts in the month of its earliest day (as the merged model keeps it); a meeting first stored
    without a day and dated by a later report moves from the undated row to its month."""
    d = Deltas(pairs=new_pairs(chunk.participants, stored.participants))
    for body, meeting in chunk.convened:
        before_days = stored.days.get(meeting, set())
        day = chunk.days.get(meeting)
        after_days = before_days | ({day} if day else set())
        new_month = month_of(min(after_days) if after_days else None)
        if (body, meeting) in stored.convened:
            old_month = month_of(min(before_days) if before_days else None)
            if old_month != new_month:
                d.months[(body, old_month)] -= 1
                d.months[(body, new_month)] += 1
        else:
            d.months[(body, new_month)] += 1
    for key in [k for k, v in d.months.items() if v == 0]:
        del d.months[key]
    return d


def all_counts(stored: Stored) -> Deltas:
    """Every count from scratch, from what a store holds (after an ingest stopped between its data and its
    counts)."""
    return deltas(Touched(participants=stored.participants, convened=stored.convened,
                          days={m: min(ds) if ds else None for m, ds in stored.days.items()}), Stored())
