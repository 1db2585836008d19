"""The selection's questions in SPARQL, for a store that speaks it (the embedded Oxigraph store).

Measured on a 100,000-article store, Oxigraph answers a query that starts from one bound node in about a
millisecond and scans one predicate at a few microseconds a row, but joins a scan with per-row lookups (a
sub-select, LATERAL, a date window) at tens of milliseconds per hundred rows. So every question here is either a
scan of one or two predicates (joined in Python) or a lookup around one node, asked node by node. Values are
always bound by the engine (``Store.query`` parameters), never written into the text; a query's text only ever
changes by picking among the fixed fragments below. Lookups node by node run on a thread per core (``each``).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import pyoxigraph as ox

from govgraph.ontology import GG, RDF, RDFS, base_iri

from ..schema import EDGE_TYPES, NODE_TYPES
from ..stores import Store
from .filters import Filters

T = TypeVar("T")
R = TypeVar("R")
_WORKERS = max(1, min(4, os.cpu_count() or 1))
_TYPE = RDF + "type"
_LABEL = RDFS + "label"
_EDGE_BY_PREDICATE = {e.predicate: name for name, e in EDGE_TYPES.items()}
_PREDICATES = " ".join(f"<{e.predicate}>" for e in EDGE_TYPES.values())
_PARTICIPATION = ("chaired", "attended", "sat_in", "spoke_at")
_PART_PREDICATES = " ".join(f"<{EDGE_TYPES[t].predicate}>" for t in _PARTICIPATION)

_MEETINGS = "SELECT ?m WHERE { ?m gg:referenced false }"
_DATES = "SELECT ?m ?d WHERE { ?m schema:startDate ?d }"
_ALL_CONVENED = "SELECT ?b ?bl ?m WHERE { ?b gg:convened ?m ; rdfs:label ?bl }"
_CONVENED = """SELECT ?b ?bl ?m ?body ?place WHERE {
  ?b gg:convened ?m ; rdfs:label ?bl .
  OPTIONAL { ?b gg:jurisdiction ?j }
  FILTER(CONTAINS(?bl, ?body) && STRSTARTS(COALESCE(?j, ""), ?place))
}"""
# a node's type, label and literal properties; only these predicates, or a person's every meeting comes along
_PROP_PREDICATES = sorted({p.predicate for t in NODE_TYPES.values() for p in t.props} | {RDF + "type", RDFS + "label"})


def _props_query(predicates: Iterable[str]) -> str:
    return f"SELECT ?p ?v ?n WHERE {{ VALUES ?p {{ {' '.join(f'<{p}>' for p in sorted(predicates))} }} ?n ?p ?v }}"


_PROPS = _props_query(_PROP_PREDICATES)
# a node of a known type is asked only for its own type's properties: a lookup per predicate, a third of them
_PROPS_OF = {name: _props_query({p.predicate for p in t.props} | {RDF + "type", RDFS + "label"})
             for name, t in NODE_TYPES.items()}
# One query per direction: Oxigraph plans a UNION of the two directions, or an OPTIONAL evidence part, as a scan
# of every statement (seconds for one node instead of a millisecond). So an edge is found through its evidence:
# the builder gives every edge at least one sentence, and an edge with none would have nothing to show.
_EVIDENCE_OUT = """SELECT ?r ?o ?a ?start ?end ?quote ?day ?n WHERE {
  ?st rdf:subject ?n ; gg:relation ?r ; rdf:object ?o ; prov:wasDerivedFrom ?e .
  ?e gg:inArticle ?a ; oa:start ?start ; oa:end ?end ; oa:exact ?quote . OPTIONAL { ?e gg:observedOn ?day }
}"""
_EVIDENCE_IN = """SELECT ?r ?o ?a ?start ?end ?quote ?day ?n WHERE {
  ?st rdf:object ?n ; gg:relation ?r ; rdf:subject ?o ; prov:wasDerivedFrom ?e .
  ?e gg:inArticle ?a ; oa:start ?start ; oa:end ?end ; oa:exact ?quote . OPTIONAL { ?e gg:observedOn ?day }
}"""
# the posts people are seen holding in an article (people named in it who took no part in its meetings)
_SIGHTINGS = """SELECT ?s ?o ?start ?end ?quote ?day ?a WHERE {
  ?e gg:inArticle ?a . ?st prov:wasDerivedFrom ?e ; gg:relation "holds_post" ; rdf:subject ?s ; rdf:object ?o .
  ?e oa:start ?start ; oa:end ?end ; oa:exact ?quote . OPTIONAL { ?e gg:observedOn ?day }
}"""
_POSTS = """SELECT ?post ?pl ?b ?bl ?n WHERE {
  ?n gg:holdsPost ?post . ?post rdfs:label ?pl .
  OPTIONAL { ?post org:postIn ?b . ?b rdfs:label ?bl }
}"""
# one scan per kind of taking part: two IRIs a row instead of three (the store converts every term in Python)
_PARTICIPANTS = {t: f"SELECT ?p ?m WHERE {{ ?p <{EDGE_TYPES[t].predicate}> ?m }}" for t in _PARTICIPATION}
_PARTICIPANTS_OF = f"SELECT ?p ?r ?m WHERE {{ VALUES ?r {{ {_PART_PREDICATES} }} ?p ?r ?m }}"
_CHAIRS = "SELECT ?p ?m WHERE { ?p gg:chaired ?m }"
_LABELS_OF = "SELECT ?n ?l ?cls WHERE { ?n a ?cls ; rdfs:label ?l }"
_LABEL_OF = "SELECT ?l ?n WHERE { ?n rdfs:label ?l }"
_FIND = """SELECT DISTINCT ?n ?l ?who ?cls WHERE {
  ?n a ?cls ; rdfs:label ?l .
  OPTIONAL { ?n gg:name ?name }
  FILTER(?l = ?who || COALESCE(?name, "") = ?who || CONTAINS(?l, ?who))
}"""


def each(items: Iterable[T], fn: Callable[[T], R], *, at_least: int = 8) -> list[R]:
    """``fn`` of every item, in the items' order, on a thread per core: Oxigraph evaluates a query without holding
    the GIL, so lookups node by node run side by side (2.1x on two cores, measured on a 100,000-article store)."""
    items = list(items)
    if len(items) < at_least or _WORKERS == 1:
        return [fn(x) for x in items]
    with ThreadPoolExecutor(_WORKERS) as pool:
        return list(pool.map(fn, items))


class SparqlReader:
    """The selection's questions asked of a SPARQL store."""

    def __init__(self, store: Store):
        self.store = store
        self.base = base_iri()

    def _node(self, nid: str) -> ox.NamedNode:
        return ox.NamedNode(self.base + nid)

    def meetings(self, f: Filters) -> list[tuple[str, str | None]]:
        """Meetings held (not only referred to) that pass the filters, with their days; unordered."""
        asks: list[tuple[str, dict]] = [(_MEETINGS, {}), (_DATES, {})]
        if f.body or f.place:
            asks.append((_CONVENED, {"body": f.body, "place": f.place_prefix}))
        held, dated, *convened = each(asks, lambda ask: self.store.query(*ask)[1], at_least=2)
        day = {m: str(d) for m, d in dated}
        keep = {m for (m,) in held}
        if convened:
            keep &= {m for _, _, m in convened[0]}
        return [(m, day.get(m)) for m in keep if f.keeps_day(day.get(m))]

    def convened(self, f: Filters) -> list[tuple[str, str, str]]:
        """(body id, body label, meeting id) for bodies that pass the body and place filters."""
        if not (f.body or f.place):  # no OPTIONAL place to look up: a plain scan, several times faster
            return [(b, str(bl), m) for b, bl, m in self.store.query(_ALL_CONVENED)[1]]
        _, rows = self.store.query(_CONVENED, {"body": f.body, "place": f.place_prefix})
        return [(b, str(bl), m) for b, bl, m in rows]

    def meeting_days(self) -> dict[str, str]:
        """Every dated meeting's day."""
        _, rows = self.store.query(_DATES)
        return {m: str(d) for m, d in rows}

    def details(self, nodes: Iterable[tuple[str, str]]) -> list[tuple[str, str, str, dict]]:
        """(node, type, label, properties) for each node: its literal properties, typed as the schema says."""
        found = each(list(nodes), self._details_of)
        return [d for d in found if d is not None]

    def _details_of(self, node: tuple[str, str]) -> tuple[str, str, str, dict] | None:
        nid, ntype = node
        rows = self.store.query(_PROPS_OF.get(ntype, _PROPS), {"n": self._node(nid)})[1]
        types = [t for p, v in rows if _full(p) == _TYPE and (t := str(v)[len(GG):]) in NODE_TYPES]
        labels = [str(v) for p, v in rows if _full(p) == _LABEL]
        if not types:
            return None
        by_pred = {p.predicate: p for p in NODE_TYPES[types[0]].props}
        props: dict = {}
        for pred, value in rows:
            prop = by_pred.get(_full(pred))
            if prop is None:
                continue
            typed = _typed(value, prop.datatype)
            if prop.many:
                props[prop.name] = sorted(set(props.get(prop.name, [])) | {typed})
            else:
                props.setdefault(prop.name, typed)
        return (nid, types[0], labels[0] if labels else nid, props)

    def edges(self, nodes: Iterable[tuple[str, str]]) -> list[tuple]:
        """(source, edge type, target, article, start, end, quote, day) for every edge with one end in ``nodes``,
        one row per piece of evidence.

        ``nodes`` are (id, type) pairs; the type only matters to stores that index nodes by label.
        """
        return [row for rows in each([nid for nid, _ in nodes], self._edges_of) for row in rows]

    def _edges_of(self, nid: str) -> list[tuple]:
        out = []
        node = {"n": self._node(nid)}
        for evidence, outgoing in ((_EVIDENCE_OUT, True), (_EVIDENCE_IN, False)):
            for r, other, a, start, end, q, day in self.store.query(evidence, node)[1]:
                if str(r) in EDGE_TYPES:
                    s, o = (nid, other) if outgoing else (other, nid)
                    out.append((s, str(r), o, a, int(start), int(end), str(q), str(day) if day else None))
        return out

    def sightings(self, articles: Iterable[str]) -> list[tuple]:
        """The holds_post edges seen in the given articles, as rows like ``edges`` gives."""
        return [row for rows in each(list(articles), self._sightings_in) for row in rows]

    def _sightings_in(self, a: str) -> list[tuple]:
        return [(s, "holds_post", o, a, int(start), int(end), str(q), str(day) if day else None)
                for s, o, start, end, q, day in self.store.query(_SIGHTINGS, {"a": self._node(a)})[1]]

    def posts(self, people: Iterable[str]) -> list[tuple[str, str, str, str | None, str | None]]:
        """(person, post, post label, body, body label) for the posts each person holds."""
        return [row for rows in each(list(people), self._posts_of) for row in rows]

    def _posts_of(self, nid: str) -> list[tuple[str, str, str, str | None, str | None]]:
        _, rows = self.store.query(_POSTS, {"n": self._node(nid)})
        return [(nid, post, str(pl), b, str(bl) if bl else None) for post, pl, b, bl in rows]

    def participation(self) -> list[tuple[str, str, str]]:
        """(person, edge type, meeting) for every chaired, attended, sat_in and spoke_at edge."""
        out = []
        for etype, text in _PARTICIPANTS.items():
            out += [(p, etype, m) for p, m in self.store.query(text)[1]]
        return out

    def participants(self, meetings: Iterable[str]) -> list[tuple[str, str, str]]:
        """(person, edge type, meeting) for the people at each of the given meetings, one lookup each."""
        return [row for rows in each(list(meetings), self._participants_of) for row in rows]

    def _participants_of(self, m: str) -> list[tuple[str, str, str]]:
        rows = self.store.query(_PARTICIPANTS_OF, {"m": self._node(m)})[1]
        return [(p, _EDGE_BY_PREDICATE[_full(r)], m) for p, r in rows]

    def chairs(self) -> list[tuple[str, str]]:
        """(person, meeting) for every chaired edge."""
        _, rows = self.store.query(_CHAIRS)
        return [(p, m) for p, m in rows]

    def labels(self, node_type: str) -> dict[str, str]:
        """Every node of one type (a small type: people, bodies) with its label."""
        _, rows = self.store.query(_LABELS_OF, {"cls": ox.NamedNode(NODE_TYPES[node_type].classes[0])})
        return {n: str(label) for n, label in rows}

    def labels_of(self, ids: Iterable[str]) -> dict[str, str]:
        """The labels of the given nodes, one lookup each."""
        ids = list(ids)
        found = each(ids, lambda nid: self.store.query(_LABEL_OF, {"n": self._node(nid)})[1])
        return {nid: str(rows[0][0]) for nid, rows in zip(ids, found, strict=True) if rows}

    def find(self, text: str, node_type: str) -> list[tuple[str, str, bool]]:
        """Nodes of a type whose label or name is ``text`` (exact: True) or contains it (exact: False)."""
        _, rows = self.store.query(_FIND, {"who": text, "cls": ox.NamedNode(NODE_TYPES[node_type].classes[0])})
        return [(n, str(label), str(label) == text) for n, label in rows]


def _full(term) -> str:
    """A predicate as a full IRI (the store gives back the local part of IRIs under the node base)."""
    text = str(term)
    return text if "://" in text else base_iri() + text


def _typed(value, datatype: str):
    """A literal's value as the model keeps it (the store gives integers as int and the rest as text)."""
    if datatype == "boolean":
        return value in (True, "true", "1")
    if datatype == "integer":
        try:
            return int(value)
        except (TypeError, ValueError):
            return value
    return value if isinstance(value, str) else str(value)
