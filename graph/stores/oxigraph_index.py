"""The index graph of an Oxigraph store kept up to date as chunks are written (what it holds: graph/rdf_index.py;
the flow and the counts' arithmetic: index_keeper.py).

A chunk's lookups and changes go as a SPARQL server's do (sparql_index.py): one query per batch of nodes, its
answer serialised inside Oxigraph, and one update per change. The writer thread gives up Python's lock at every
call into Oxigraph and waits to get it back from the busy extractor (up to the switch interval), so one call per
quad or per answer row, as a quad-by-quad keeper makes, cost a fifth of a 100,000-report ingest. The rare whole-
store passes (counting everything again) stream through the quad index instead, in bounded memory."""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence

import pyoxigraph as ox

from govgraph.ontology import PREFIXES

from .. import schema
from ..derived import Stored
from ..model import Graph, Node
from ..rdf_index import INDEX, index_nquads
from .index_keeper import PENDING, STATE, VERSION, VERSION_P, YEARS_SELECT
from .sparql_index import SparqlIndexKeeper

__all__ = ["VERSION", "IndexKeeper"]

_P = {name: ox.NamedNode(schema.EDGE_TYPES[name].predicate) for name in ("chaired", "attended", "convened")}
_START = ox.NamedNode(next(p.predicate for p in schema.NODE_TYPES["Meeting"].props if p.name == "date"))
_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_DEFAULT = ox.DefaultGraph()


class LocalSparql:
    """The calls a SPARQL keeper makes of a server, answered by an embedded store, each in one call into Oxigraph
    (an answer comes back serialised as JSON, not row by row)."""

    def __init__(self, store: ox.Store):
        self.store = store

    def select(self, text: str) -> tuple[list[str], list[dict]]:
        res = self.store.query(text, prefixes=PREFIXES)
        assert isinstance(res, ox.QuerySolutions)
        data = res.serialize(format=ox.QueryResultsFormat.JSON)
        assert data is not None  # no output given: the answer comes back as bytes
        answer = json.loads(data)
        return answer["head"].get("vars", []), answer["results"]["bindings"]

    def ask(self, text: str) -> bool:
        return bool(self.store.query(text, prefixes=PREFIXES))

    def update(self, text: str) -> None:
        self.store.update(text, prefixes=PREFIXES)


class IndexKeeper(SparqlIndexKeeper):
    """Reads and moves the counts of one Oxigraph store."""

    # an update here is one transaction in memory, not a request with a bounded body
    UPDATE_BYTES = 16_000_000

    def __init__(self, store: ox.Store):
        super().__init__(LocalSparql(store), self.UPDATE_BYTES)
        self.store = store

    def _id(self, term) -> str:
        return self.local(_text(term))

    def _change(self, remove: Sequence[ox.Quad], add: Sequence[ox.Quad]) -> None:
        """Remove quads (one update), then add quads (one call; the quads are made already)."""
        super()._change(remove, [])
        if add:
            self.store.extend(add)

    def _state(self) -> tuple[list[str], bool, bool]:
        find = self.store.quads_for_pattern
        versions = [_text(q.object) for q in find(STATE, VERSION_P, None, INDEX)]
        has_data = next(iter(find(None, _TYPE, None, _DEFAULT)), None) is not None
        pending = any(True for _ in find(STATE, PENDING, None, INDEX))
        return versions, has_data, pending

    def _everything(self) -> Stored:
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
        return everything

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
        res = self.store.query(YEARS_SELECT, prefixes={"gg": schema.GG, "prov": schema.PROV})
        assert isinstance(res, ox.QuerySolutions)
        self.store.extend([ox.Quad(s["st"], ox.NamedNode(schema.SEEN_IN_YEAR), s["y"], INDEX) for s in res])


def _text(term) -> str:
    """The text of an IRI or a literal (what quads give back here is never a quoted triple)."""
    return str(getattr(term, "value", term))
