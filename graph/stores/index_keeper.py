"""How an RDF store keeps its index graph (graph/rdf_index.py) up to date, whatever holds the triples.

A chunk's write goes: ``begin`` (a pending mark), ``stored`` (what the store holds for the chunk's meetings),
the chunk's own load, ``apply`` (the counts moved by what the chunk added), ``end`` (the mark removed). The
counts are read, changed and written back, which a store cannot always do in one transaction with its load; so
a write killed in between leaves the mark, and the next write counts everything again from the graph.

This class is that flow and the arithmetic of the counts; a subclass says how its store reads and changes quads
(the embedded store by its quad index, a SPARQL server by a few batched queries and updates).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from functools import partial

from pyoxigraph import Literal, NamedNode, Quad

from govgraph.ontology import base_iri

from .. import schema
from ..derived import Deltas, Stored, Touched, all_counts
from ..rdf_index import (
    INDEX,
    MEETINGS,
    MEETINGS_TOGETHER,
    MONTH,
    PAIR_OF,
    count_literal,
    month_node,
    month_quads,
    pair_node,
    pair_quads,
)

# the index graph's own state, in the ingest's private vocabulary (like the manifest's): never exported
STATE = NamedNode(schema.INDEX_GRAPH)
PENDING = NamedNode("https://govgraph.org/ingest#indexPending")
VERSION_P = NamedNode("https://govgraph.org/ingest#indexVersion")
VERSION = "1"  # raise when the index graph changes shape: an older store is then indexed again on its next write
TRUE = Literal("true")
# what the counts are made of, cleared before everything is counted again
COUNT_PREDICATES = (MEETINGS_TOGETHER, PAIR_OF, MEETINGS, MONTH, NamedNode(schema.MEETING_COUNT))
# (count node, count predicate, change, the quads that say what the count is about)
Move = tuple[NamedNode, NamedNode, int, Callable[[], list[Quad]]]


class IndexKeeperBase(ABC):
    """The flow of keeping the counts; subclasses give the reads and writes of their store."""

    def __init__(self) -> None:
        self.base = base_iri()
        self._checked = False
        self._fresh = False  # the store held no graph when this keeper began
        self._written: set[str] = set()  # the meetings written through this keeper since

    def iri(self, node_id: str) -> NamedNode:
        """The IRI of a node id."""
        return NamedNode(self.base + node_id)

    def local(self, value: str) -> str:
        """The node id of an IRI under the base (other text as it is)."""
        return value[len(self.base):] if value.startswith(self.base) else value

    def begin(self) -> None:
        """Mark a write under way; a store found marked lost its counts' update and is counted again."""
        if not self._checked:
            self._check()
        self._change([], [Quad(STATE, PENDING, TRUE, INDEX)])

    def end(self) -> None:
        """Remove the mark: the counts agree with the graph again."""
        self._change([Quad(STATE, PENDING, TRUE, INDEX)], [])

    def _check(self) -> None:
        self._checked = True
        versions, has_data, pending = self._state()
        self._fresh = not has_data
        if versions != [VERSION] and has_data:
            self.rebuild(names=True)
        elif pending:
            self.rebuild(names=False)
        self._change([Quad(STATE, VERSION_P, Literal(v), INDEX) for v in versions],
                     [Quad(STATE, VERSION_P, Literal(VERSION), INDEX)])

    def apply(self, d: Deltas) -> None:
        """Move the counts by a chunk's deltas: read each count, write the new value (none when it falls to 0)."""
        moves: list[Move] = []
        for (a, b), n in d.pairs.items():
            node = pair_node(a, b, self.base)
            moves.append((node, MEETINGS_TOGETHER, n, partial(pair_quads, self.iri(a), self.iri(b), node)))
        for (body, month), n in d.months.items():
            node = month_node(body, month, self.base)
            moves.append((node, MEETINGS, n, partial(month_quads, self.iri(body), month, node)))
        if not moves:
            return
        old = self._counts([(node, predicate) for node, predicate, _, _ in moves])
        remove: list[Quad] = []
        add: list[Quad] = []
        for node, predicate, by, about in moves:
            values = old.get((node, predicate), [])
            remove += [Quad(node, predicate, v, INDEX) for v in values]
            new = sum(int(v.value) for v in values) + by
            if new > 0:
                add += ([] if values else about()) + [Quad(node, predicate, count_literal(new), INDEX)]
            elif values:
                remove += about()
        self._change(remove, add)

    def before(self, touched: Touched) -> Stored:
        """What the store holds for a chunk's meetings before the chunk is written.

        Into a store that was empty when this keeper began, only a meeting an earlier chunk wrote can be stored,
        so only those are looked up: the writer thread gives up Python's lock at each lookup and waits to get it
        back beside a busy extractor (measured: 0.4 ms a meeting, a quarter of a 10,000-report ingest)."""
        meetings = touched.meetings
        written = meetings | touched.written
        if self._fresh:
            known = meetings & self._written
            touched = Touched(participants={m: p for m, p in touched.participants.items() if m in known},
                              convened={(b, m) for b, m in touched.convened if m in known},
                              days={m: d for m, d in touched.days.items() if m in known})
        self._written |= written
        return self.stored(touched)

    def rebuild(self, *, names: bool) -> None:
        """Count everything again from the graph (and, with ``names``, index every name and year again)."""
        self._clear_counts()
        self.apply(all_counts(self._everything()))
        if names:
            self._index_names()

    @abstractmethod
    def _state(self) -> tuple[list[str], bool, bool]:
        """The index versions stored, whether the graph holds anything, whether a pending mark is there."""

    @abstractmethod
    def stored(self, touched: Touched) -> Stored:
        """What the store holds now for the meetings a chunk touches."""

    @abstractmethod
    def _counts(self, keys: Sequence[tuple[NamedNode, NamedNode]]) -> dict[tuple[NamedNode, NamedNode], list]:
        """The count literals stored for each (count node, predicate) in the index graph (none: not there)."""

    @abstractmethod
    def _change(self, remove: Sequence[Quad], add: Sequence[Quad]) -> None:
        """Remove quads, then add quads."""

    @abstractmethod
    def _clear_counts(self) -> None:
        """Remove every quad of ``COUNT_PREDICATES`` from the index graph."""

    @abstractmethod
    def _everything(self) -> Stored:
        """What the store holds for every meeting: who took part, which bodies convened it, its days."""

    @abstractmethod
    def _index_names(self) -> None:
        """Name parts of every body and post, years of every holds_post, from the graph as stored."""
