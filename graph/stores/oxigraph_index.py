"""The index graph of an Oxigraph store kept up to date as chunks are written (what it holds: graph/rdf_index.py).

A chunk's write goes: ``begin`` (a pending mark), ``stored`` (what the store holds for the chunk's meetings),
the chunk's own load, ``apply`` (the counts moved by what the chunk added), ``end`` (the mark removed). The
counts are read, changed and written back, which Oxigraph cannot do in one transaction with a bulk load; so an
ingest killed in between leaves the mark, and the next write counts everything again from the graph.
"""
from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox

from govgraph.ontology import base_iri

from .. import schema
from ..derived import Deltas, Stored, Touched, all_counts
from ..model import Graph, Node
from ..rdf_index import (
    INDEX,
    MEETINGS,
    MEETINGS_TOGETHER,
    MONTH,
    PAIR_OF,
    count_literal,
    index_nquads,
    month_node,
    month_quads,
    pair_node,
    pair_quads,
)

# the index graph's own state, in the ingest's private vocabulary (like the manifest's): never exported
_STATE = ox.NamedNode(schema.INDEX_GRAPH)
_PENDING = ox.NamedNode("https://govgraph.org/ingest#indexPending")
_VERSION = ox.NamedNode("https://govgraph.org/ingest#indexVersion")
VERSION = "1"  # raise when the index graph changes shape: an older store is then indexed again on its next write
_TRUE = ox.Literal("true")
_P = {name: ox.NamedNode(schema.EDGE_TYPES[name].predicate) for name in ("chaired", "attended", "convened")}
_START = ox.NamedNode(next(p.predicate for p in schema.NODE_TYPES["Meeting"].props if p.name == "date"))
_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_DEFAULT = ox.DefaultGraph()


class IndexKeeper:
    """Reads and moves the counts of one Oxigraph store."""

    def __init__(self, store: ox.Store):
        self.store = store
        self.base = base_iri()
        self._checked = False

    def _iri(self, node_id: str) -> ox.NamedNode:
        return ox.NamedNode(self.base + node_id)

    def _id(self, term) -> str:
        v = _text(term)
        return v[len(self.base):] if v.startswith(self.base) else v

    def begin(self) -> None:
        """Mark a write under way; a store found marked lost its counts' update and is counted again."""
        if not self._checked:
            self._check()
        self.store.add(ox.Quad(_STATE, _PENDING, _TRUE, INDEX))

    def end(self) -> None:
        self.store.remove(ox.Quad(_STATE, _PENDING, _TRUE, INDEX))

    def _check(self) -> None:
        self._checked = True
        version = [_text(q.object) for q in self.store.quads_for_pattern(_STATE, _VERSION, None, INDEX)]
        has_data = next(iter(self.store.quads_for_pattern(None, _TYPE, None, _DEFAULT)), None) is not None
        if version != [VERSION] and has_data:
            self.rebuild(names=True)
        elif any(True for _ in self.store.quads_for_pattern(_STATE, _PENDING, None, INDEX)):
            self.rebuild(names=False)
        for q in list(self.store.quads_for_pattern(_STATE, _VERSION, None, INDEX)):
            self.store.remove(q)
        self.store.add(ox.Quad(_STATE, _VERSION, ox.Literal(VERSION), INDEX))

    def stored(self, touched: Touched) -> Stored:
        """What the store holds now for the meetings a chunk touches."""
        out = Stored()
        find = self.store.quads_for_pattern
        for m in touched.meetings:
            node = self._iri(m)
            people = {self._id(q.subject) for p in ("chaired", "attended") for q in find(None, _P[p], node, _DEFAULT)}
            if people:
                out.participants[m] = people
            for q in find(None, _P["convened"], node, _DEFAULT):
                out.convened.add((self._id(q.subject), m))
            out.days[m] = {_text(q.object) for q in find(node, _START, None, _DEFAULT)}
        return out

    def apply(self, d: Deltas) -> None:
        """Move the counts by a chunk's deltas: read each count, write the new value (none when it falls to 0)."""
        for (a, b), n in d.pairs.items():
            node = pair_node(a, b, self.base)
            self._move(node, MEETINGS_TOGETHER, n, lambda node=node, a=a, b=b: pair_quads(
                self._iri(a), self._iri(b), node))
        for (body, month), n in d.months.items():
            node = month_node(body, month, self.base)
            self._move(node, MEETINGS, n, lambda node=node, body=body, month=month: month_quads(
                self._iri(body), month, node))

    def _move(self, node: ox.NamedNode, predicate: ox.NamedNode, by: int, about) -> None:
        old = list(self.store.quads_for_pattern(node, predicate, None, INDEX))
        value = sum(int(_text(q.object)) for q in old)
        for q in old:
            self.store.remove(q)
        new = value + by
        if new > 0:
            self.store.extend(([] if old else about()) + [ox.Quad(node, predicate, count_literal(new), INDEX)])
        elif old:
            for q in about():
                self.store.remove(q)

    def rebuild(self, *, names: bool) -> None:
        """Count everything again from the graph (and, with ``names``, index every name and year again)."""
        for predicate in (MEETINGS_TOGETHER, PAIR_OF, MEETINGS, MONTH, ox.NamedNode(schema.MEETING_COUNT)):
            for q in list(self.store.quads_for_pattern(None, predicate, None, INDEX)):
                self.store.remove(q)
        find = self.store.quads_for_pattern
        everything = Stored()
        people: dict[str, set[str]] = defaultdict(set)
        for p in ("chaired", "attended"):
            for q in find(None, _P[p], None, _DEFAULT):
                people[self._id(q.object)].add(self._id(q.subject))
        everything.participants = dict(people)
        for q in find(None, _P["convened"], None, _DEFAULT):
            everything.convened.add((self._id(q.subject), self._id(q.object)))
        days: dict[str, set[str]] = defaultdict(set)
        for q in find(None, _START, None, _DEFAULT):
            days[self._id(q.subject)].add(_text(q.object))
        everything.days = {m: days.get(m, set()) for _, m in everything.convened}
        self.apply(all_counts(everything))
        if names:
            self._index_names()

    def _index_names(self) -> None:
        """Name parts of every body and post, years of every holds_post, from the graph as stored."""
        g = Graph()
        for t in ("Body", "Post"):
            for q in self.store.quads_for_pattern(None, _TYPE, ox.NamedNode(schema.NODE_TYPES[t].classes[0]),
                                                  _DEFAULT):
                for lq in self.store.quads_for_pattern(q.subject, _LABEL, None, _DEFAULT):
                    g.nodes[self._id(q.subject)] = Node(self._id(q.subject), t, _text(lq.object), {})
        lines = "".join(index_nquads(g, self.base))
        if lines:
            self.store.load(lines.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        self._index_years()

    def _index_years(self) -> None:
        res = self.store.query(
            "SELECT DISTINCT ?st ?y WHERE { ?st gg:relation \"holds_post\" ; prov:wasDerivedFrom ?e . "
            "OPTIONAL { ?e gg:observedOn ?d } BIND(COALESCE(SUBSTR(STR(?d), 1, 4), \"\") AS ?y) }",
            prefixes={"gg": schema.GG, "prov": schema.PROV})
        assert isinstance(res, ox.QuerySolutions)
        self.store.extend([ox.Quad(s["st"], ox.NamedNode(schema.SEEN_IN_YEAR), s["y"], INDEX) for s in res])


def _text(term) -> str:
    """The text of an IRI or a literal (what quads give back here is never a quoted triple)."""
    return str(getattr(term, "value", term))
