"""How an RDF store keeps its index graph (graph/rdf_index.py) up to date, whatever holds the triples.

A chunk's write goes: ``begin`` (a pending mark), ``stored`` (what the store holds for the chunk's meetings),
the chunk's own load, ``apply`` (the counts moved by what the chunk added), ``end`` (the mark removed). The
counts are read, changed and written back, which a store cannot always do in one transaction with its load; so
a write killed in between leaves the mark, and the next write counts everything again from the graph.

This class is that flow and the arithmetic of the counts; a subclass says how its store reads and changes quads
(a few batched queries and updates). What the keeper read or wrote last for a meeting or a count it remembers
(recall.py), so a chunk asks the store only for what an earlier chunk of the same run did not touch.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import partial

from pyoxigraph import Literal, NamedNode, Quad

from govgraph.ontology import base_iri

from .. import schema
from ..derived import Deltas, Stored, Touched, all_counts, deltas
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
from .recall import Recall

# the index graph's own state, in the ingest's private vocabulary (like the manifest's): never exported
STATE = NamedNode(schema.INDEX_GRAPH)
PENDING = NamedNode("https://govgraph.org/ingest#indexPending")
VERSION_P = NamedNode("https://govgraph.org/ingest#indexVersion")
VERSION = "1"  # raise when the index graph changes shape: an older store is then indexed again on its next write
TRUE = Literal("true")
# what the counts are made of, cleared before everything is counted again
COUNT_PREDICATES = (MEETINGS_TOGETHER, PAIR_OF, MEETINGS, MONTH, NamedNode(schema.MEETING_COUNT))
# the years each holds_post statement was seen ("" for a sighting without a date)
YEARS_WHERE = ("?st gg:relation \"holds_post\" ; prov:wasDerivedFrom ?e . "
               "OPTIONAL { ?e gg:observedOn ?d } BIND(COALESCE(SUBSTR(STR(?d), 1, 4), \"\") AS ?y)")
YEARS_SELECT = f"SELECT DISTINCT ?st ?y WHERE {{ {YEARS_WHERE} }}"
# (count node, count predicate, change, the quads that say what the count is about)
Move = tuple[NamedNode, NamedNode, int, Callable[[], list[Quad]]]
# what a store holds for one meeting: who took part, which bodies convened it, its days
MeetingState = tuple[frozenset[str], frozenset[str], frozenset[str]]
_NOTHING: MeetingState = (frozenset(), frozenset(), frozenset())
# How many meetings and counts a keeper remembers: ~1 KB a meeting and ~0.3 KB a count, so ~100 MB at most. The
# reports of one meeting, and the same people together again, come within weeks of each other in a batch.
MEETINGS_KEPT = 50_000
COUNTS_KEPT = 200_000


class IndexKeeperBase(ABC):
    """The flow of keeping the counts; subclasses give the reads and writes of their store."""

    def __init__(self) -> None:
        self.base = base_iri()
        self._checked = False
        self._meetings: Recall[str, MeetingState] = Recall(MEETINGS_KEPT)
        self._counted: Recall[tuple[str, str], int] = Recall(COUNTS_KEPT)  # (count node, predicate) -> value

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
        # a store with no graph holds no meeting and no count: what the keeper was not told of is not there
        self._meetings.reset(complete=not has_data)
        self._counted.reset(complete=not has_data)
        if versions != [VERSION] and has_data:
            self.rebuild(names=True)
        elif pending:
            self.rebuild(names=False)
        self._change([Quad(STATE, VERSION_P, Literal(v), INDEX) for v in versions],
                     [Quad(STATE, VERSION_P, Literal(VERSION), INDEX)])

    def counted(self, touched: Touched, load: Callable[[], None]) -> None:
        """Mark a write, read what the store holds for the chunk's meetings, ``load`` the chunk, and move the counts
        by what it added; the mark stays until ``end`` (after the store's manifest, say)."""
        self.begin()
        before = self.before(touched)
        load()
        self.apply(deltas(touched, before))

    def apply(self, d: Deltas) -> None:
        """Move the counts by a chunk's deltas: the old value from memory or the store, the new one written in its
        place (none when it falls to 0)."""
        moves: list[Move] = []
        for (a, b), n in d.pairs.items():
            node = pair_node(a, b, self.base)
            moves.append((node, MEETINGS_TOGETHER, n, partial(pair_quads, self.iri(a), self.iri(b), node)))
        for (body, month), n in d.months.items():
            node = month_node(body, month, self.base)
            moves.append((node, MEETINGS, n, partial(month_quads, self.iri(body), month, node)))
        if not moves:
            return
        known = {(node.value, predicate.value): self._counted.get((node.value, predicate.value))
                 for node, predicate, _, _ in moves}
        ask = [(node, predicate) for node, predicate, _, _ in moves
               if known[(node.value, predicate.value)] is None and not self._counted.complete]
        read = self._counts(ask) if ask else {}
        remove: list[Quad] = []
        add: list[Quad] = []
        for node, predicate, by, about in moves:
            key = (node.value, predicate.value)
            if (node, predicate) in read:  # as the store has it, in case it holds two values
                values = read[(node, predicate)]
                old = sum(int(v.value) for v in values)
            else:
                old = known[key] or 0
                values = [count_literal(old)] if old else []
            remove += [Quad(node, predicate, v, INDEX) for v in values]
            new = old + by
            if new > 0:
                add += ([] if old else about()) + [Quad(node, predicate, count_literal(new), INDEX)]
            elif old:
                remove += about()
            self._counted.put(key, max(new, 0))
        self._change(remove, add)

    def before(self, touched: Touched) -> Stored:
        """What the store holds for a chunk's meetings before the chunk is written: from memory for a meeting an
        earlier chunk touched, from the store for the others (none, into a store that was empty)."""
        known: dict[str, MeetingState] = {}
        ask: set[str] = set()
        for m in touched.meetings:
            state = self._meetings.get(m)
            if state is not None:
                known[m] = state
            elif self._meetings.complete:
                known[m] = _NOTHING
            else:
                ask.add(m)
        if ask:
            found = self.stored(Touched(participants={m: p for m, p in touched.participants.items() if m in ask},
                                        convened={(b, m) for b, m in touched.convened if m in ask}))
            bodies = _bodies(found.convened)
            for m in ask:
                known[m] = (frozenset(found.participants.get(m, ())), frozenset(bodies.get(m, ())),
                            frozenset(found.days.get(m, ())))
        out = Stored(participants={m: set(k[0]) for m, k in known.items() if k[0]},
                     convened={(b, m) for m, k in known.items() for b in k[1]},
                     days={m: set(k[2]) for m, k in known.items()})
        self._remember(touched, known)
        return out

    def _remember(self, touched: Touched, known: dict[str, MeetingState]) -> None:
        """What the store will hold for the chunk's meetings once it is written."""
        bodies = _bodies(touched.convened)
        for m in touched.meetings | touched.written:
            state = known.get(m) or self._meetings.get(m) or (_NOTHING if self._meetings.complete else None)
            if state is None:  # what the store holds for it is not known: not remembered
                continue
            day = touched.days.get(m)
            self._meetings.put(m, (state[0] | touched.participants.get(m, set()), state[1] | bodies.get(m, set()),
                                   state[2] | {day} if day else state[2]))

    def rebuild(self, *, names: bool) -> None:
        """Count everything again from the graph (and, with ``names``, index every name and year again)."""
        self._clear_counts()
        self._counted.reset(complete=True)
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


def _bodies(convened) -> dict[str, set[str]]:
    """The bodies that convened each meeting, from (body, meeting) pairs."""
    out: dict[str, set[str]] = defaultdict(set)
    for b, m in convened:
        out[m].add(b)
    return out
