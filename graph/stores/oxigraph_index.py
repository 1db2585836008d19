"""The index graph of an Oxigraph store kept up to date as chunks are written (what it holds: graph/rdf_index.py;
the flow and the counts' arithmetic: index_keeper.py). Here: reading and changing quads through the store's own
quad index."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import pyoxigraph as ox

from .. import schema
from ..derived import Stored, Touched
from ..model import Graph, Node
from ..rdf_index import INDEX, index_nquads
from .index_keeper import COUNT_PREDICATES, PENDING, STATE, VERSION, VERSION_P, IndexKeeperBase

__all__ = ["VERSION", "IndexKeeper"]

_P = {name: ox.NamedNode(schema.EDGE_TYPES[name].predicate) for name in ("chaired", "attended", "convened")}
_START = ox.NamedNode(next(p.predicate for p in schema.NODE_TYPES["Meeting"].props if p.name == "date"))
_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_DEFAULT = ox.DefaultGraph()


class IndexKeeper(IndexKeeperBase):
    """Reads and moves the counts of one Oxigraph store."""

    def __init__(self, store: ox.Store):
        super().__init__()
        self.store = store

    def _id(self, term) -> str:
        return self.local(_text(term))

    def _state(self) -> tuple[list[str], bool, bool]:
        find = self.store.quads_for_pattern
        versions = [_text(q.object) for q in find(STATE, VERSION_P, None, INDEX)]
        has_data = next(iter(find(None, _TYPE, None, _DEFAULT)), None) is not None
        pending = any(True for _ in find(STATE, PENDING, None, INDEX))
        return versions, has_data, pending

    def stored(self, touched: Touched) -> Stored:
        """What the store holds now for the meetings a chunk touches."""
        out = Stored()
        find = self.store.quads_for_pattern
        for m in touched.meetings:
            node = self.iri(m)
            people = {self._id(q.subject) for p in ("chaired", "attended") for q in find(None, _P[p], node, _DEFAULT)}
            if people:
                out.participants[m] = people
            for q in find(None, _P["convened"], node, _DEFAULT):
                out.convened.add((self._id(q.subject), m))
            out.days[m] = {_text(q.object) for q in find(node, _START, None, _DEFAULT)}
        return out

    def _counts(self, keys):
        out = {}
        for node, predicate in keys:
            found = [q.object for q in self.store.quads_for_pattern(node, predicate, None, INDEX)]
            if found:
                out[(node, predicate)] = found
        return out

    def _change(self, remove: Sequence[ox.Quad], add: Sequence[ox.Quad]) -> None:
        for q in remove:
            self.store.remove(q)
        if add:
            self.store.extend(add)

    def _clear_counts(self) -> None:
        for predicate in COUNT_PREDICATES:
            for q in list(self.store.quads_for_pattern(None, predicate, None, INDEX)):
                self.store.remove(q)

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


# the years each holds_post statement was seen ("" for a sighting without a date)
YEARS_WHERE = ("?st gg:relation \"holds_post\" ; prov:wasDerivedFrom ?e . "
               "OPTIONAL { ?e gg:observedOn ?d } BIND(COALESCE(SUBSTR(STR(?d), 1, 4), \"\") AS ?y)")
YEARS_SELECT = f"SELECT DISTINCT ?st ?y WHERE {{ {YEARS_WHERE} }}"


def _text(term) -> str:
    """The text of an IRI or a literal (what quads give back here is never a quoted triple)."""
    return str(getattr(term, "value", term))
