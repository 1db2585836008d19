"""Facts derived from the graph and kept up to date at ingest, so that the saved questions are lookups.

- name parts: every part of a body's or a post's name, so "part of the name" parameters are found through an
  index instead of a scan of every label (the RDF store keeps them; Neo4j has text indexes for the same job);
- the years a post was seen held (one value per year, so writing the same sighting twice changes nothing);
- meetings per body per month, counted again for each body a chunk touches;
- co-attendance: how many meetings two people took part in together, raised by what each chunk adds.

Everything here is a pure function of the model; the stores decide where the results live.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping

from .model import Edge, Graph

# who counts as having been at a meeting together (the co-attendance of the saved query and the analysis)
TOGETHER = ("chaired", "attended")
NAMED_BY_PARTS = ("Body", "Post")


def name_parts(label: str) -> set[str]:
    """Every contiguous part of a name, the empty one included (a parameter left empty matches every node)."""
    return {label[i:j] for i in range(len(label)) for j in range(i + 1, len(label) + 1)} | {""}


def years_seen(edge: Edge) -> set[str]:
    """The years of an edge's dated sightings, and "" when one of them has no date."""
    return {ev.observed[:4] if ev.observed else "" for ev in edge.evidence}


def month_of(day: str | None) -> str:
    """The month of a day as YYYY-MM, or "" for a meeting without a date."""
    return day[:7] if day else ""


def participants(graph: Graph) -> dict[str, set[str]]:
    """The people who took part in each meeting of a graph (chaired or attended)."""
    out: dict[str, set[str]] = defaultdict(set)
    for e in graph.edges.values():
        if e.type in TOGETHER:
            out[e.target].add(e.source)
    return out


def convening_bodies(graph: Graph) -> set[str]:
    """The bodies whose meetings a graph adds or changes (their monthly counts must be counted again)."""
    return {e.source for e in graph.edges.values() if e.type == "convened"}


def pair(a: str, b: str) -> tuple[str, str]:
    """A pair of people in one order, whichever way round they were met."""
    return (a, b) if a < b else (b, a)


def new_pairs(adding: Mapping[Hashable, set[str]], stored: Mapping[Hashable, set[str]]) -> Counter[tuple[str, str]]:
    """How much each pair's count of shared meetings grows when the people in ``adding`` (per meeting) join those
    already ``stored`` for the same meetings. A person already stored for a meeting adds nothing, so writing the
    same chunk twice raises no count."""
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
    """Every pair's count of shared meetings, from scratch (after an ingest that was stopped midway)."""
    return new_pairs(dict(enumerate(meetings)), {})
