"""The selection's questions in Cypher, for a store that speaks it (Neo4j).

Lists of ids are parameters (``UNWIND $ids``); a node is matched under its label, taken from the schema, so the
uniqueness constraint's index finds it. Values are bound by the driver, never written into the text.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..schema import EDGE_TYPES, NODE_TYPES
from ..stores import Store
from .filters import Filters

_EDGE_BY_REL = {e.rel_type: name for name, e in EDGE_TYPES.items()}
_BATCH = 2000

_MEETINGS = "MATCH (m:Meeting) WHERE NOT coalesce(m.referenced, false) RETURN m.id AS m, toString(m.date) AS d"
_DATES = "MATCH (m:Meeting) WHERE m.date IS NOT NULL RETURN m.id AS m, toString(m.date) AS d"
_CONVENED = """MATCH (b:Body)-[:CONVENED]->(m:Meeting)
WHERE b.label CONTAINS $body AND coalesce(b.jurisdiction, '') STARTS WITH $place
RETURN b.id AS b, b.label AS bl, m.id AS m"""
_DETAILS = "UNWIND $ids AS id MATCH (n:{label} {{id: id}}) RETURN n.id AS n, n.label AS l, properties(n) AS p"
_POSTS = """UNWIND $ids AS id MATCH (n:Person {id: id})-[:HOLDS_POST]->(p:Post)
OPTIONAL MATCH (p)-[:POST_IN]->(b:Body)
RETURN id AS n, p.id AS post, p.label AS pl, b.id AS b, b.label AS bl"""
_EDGES = """UNWIND $ids AS id MATCH (n:{label} {{id: id}})-[r]-()
RETURN DISTINCT startNode(r).id AS s, type(r) AS t, endNode(r).id AS o, r.ev_articles AS a, r.ev_starts AS st,
       r.ev_ends AS en, r.ev_quotes AS q, r.ev_observed AS d"""
_SIGHTINGS = """MATCH (p:Person)-[r:HOLDS_POST]->(x:Post) WHERE any(a IN r.ev_articles WHERE a IN $ids)
RETURN p.id AS s, x.id AS o, r.ev_articles AS a, r.ev_starts AS st, r.ev_ends AS en, r.ev_quotes AS q,
       r.ev_observed AS d"""
_PARTICIPANTS = """MATCH (p:Person)-[r:CHAIRED|ATTENDED|SAT_IN|SPOKE_AT]->(m:Meeting)
RETURN p.id AS p, type(r) AS r, m.id AS m"""
_PARTICIPANTS_OF = """UNWIND $ids AS id MATCH (p:Person)-[r:CHAIRED|ATTENDED|SAT_IN|SPOKE_AT]->(m:Meeting {id: id})
RETURN p.id AS p, type(r) AS r, m.id AS m"""
_CHAIRS = "MATCH (p:Person)-[:CHAIRED]->(m:Meeting) RETURN p.id AS p, m.id AS m"
_LABELS_OF = "MATCH (n:{label}) RETURN n.id AS n, n.label AS l"
_PEOPLE = "UNWIND $ids AS id MATCH (n:Person {id: id}) RETURN n.id AS n, n.label AS l"
_FIND = """MATCH (n:{label}) WHERE n.label = $who OR coalesce(n.name, '') = $who OR n.label CONTAINS $who
RETURN n.id AS n, n.label AS l"""


class CypherReader:
    """The selection's questions asked of a Cypher store."""

    def __init__(self, store: Store):
        self.store = store

    def meetings(self, f: Filters) -> list[tuple[str, str | None]]:
        """Meetings held (not only referred to) that pass the filters, with their days; unordered."""
        _, rows = self.store.query(_MEETINGS)
        keep = None
        if f.body or f.place:
            keep = {m for _, _, m in self.convened(f)}
        return [(m, d) for m, d in rows if (keep is None or m in keep) and f.keeps_day(d)]

    def convened(self, f: Filters) -> list[tuple[str, str, str]]:
        """(body id, body label, meeting id) for bodies that pass the body and place filters."""
        _, rows = self.store.query(_CONVENED, {"body": f.body, "place": f.place_prefix})
        return [(b, bl, m) for b, bl, m in rows]

    def meeting_days(self) -> dict[str, str]:
        """Every dated meeting's day."""
        _, rows = self.store.query(_DATES)
        return dict(rows)

    def _by_label(self, template: str, nodes: Iterable[tuple[str, str]]) -> list[tuple]:
        groups: dict[str, list[str]] = defaultdict(list)
        for nid, ntype in nodes:
            if ntype in NODE_TYPES:
                groups[ntype].append(nid)
        out: list[tuple] = []
        for label, ids in groups.items():
            for i in range(0, len(ids), _BATCH):  # the label comes from the schema, never from input
                out += self.store.query(template.format(label=label), {"ids": ids[i:i + _BATCH]})[1]
        return out

    def details(self, nodes: Iterable[tuple[str, str]]) -> list[tuple[str, str, str, dict]]:
        """(node, type, label, properties) for each node, properties as the schema names them."""
        nodes = list(nodes)
        types = dict(nodes)
        out = []
        for nid, label, p in self._by_label(_DETAILS, nodes):
            ntype = types[nid]
            props = {}
            for prop in NODE_TYPES[ntype].props:
                v = _plain(p.get(prop.name))
                if v not in (None, "", []):
                    props[prop.name] = sorted(v) if prop.many else v
            out.append((nid, ntype, label, props))
        return out

    def edges(self, nodes: Iterable[tuple[str, str]]) -> list[tuple]:
        """(source, edge type, target, article, start, end, quote, day) for every edge with one end in ``nodes``,
        one row per piece of evidence (the article and the rest None for an edge without any)."""
        out = []
        for s, rel, o, arts, starts, ends, quotes, days in self._by_label(_EDGES, nodes):
            etype = _EDGE_BY_REL.get(rel)
            if etype is None:
                continue
            if not arts:
                out.append((s, etype, o, None, 0, 0, "", None))
            for a, st, en, q, d in zip(arts or [], starts or [], ends or [], quotes or [], days or [], strict=False):
                out.append((s, etype, o, a, int(st), int(en), q, d or None))
        return out

    def sightings(self, articles: Iterable[str]) -> list[tuple]:
        """The holds_post edges seen in the given articles, as rows like ``edges`` gives (their evidence in
        those articles only)."""
        ids = list(articles)
        wanted = set(ids)
        out = []
        for i in range(0, len(ids), _BATCH):
            for s, o, arts, starts, ends, quotes, days in self.store.query(_SIGHTINGS, {"ids": ids[i:i + _BATCH]})[1]:
                for a, st, en, q, d in zip(arts, starts, ends, quotes, days or [None] * len(arts), strict=False):
                    if a in wanted:
                        out.append((s, "holds_post", o, a, int(st), int(en), q, d or None))
        return out

    def posts(self, people: Iterable[str]) -> list[tuple[str, str, str, str | None, str | None]]:
        """(person, post, post label, body, body label) for the posts each person holds."""
        people = list(people)
        out = []
        for i in range(0, len(people), _BATCH):
            out += self.store.query(_POSTS, {"ids": people[i:i + _BATCH]})[1]
        return [tuple(r) for r in out]

    def participation(self) -> list[tuple[str, str, str]]:
        """(person, edge type, meeting) for every chaired, attended, sat_in and spoke_at edge."""
        _, rows = self.store.query(_PARTICIPANTS)
        return [(p, _EDGE_BY_REL[r], m) for p, r, m in rows]

    def participants(self, meetings: Iterable[str]) -> list[tuple[str, str, str]]:
        """(person, edge type, meeting) for the people at each of the given meetings."""
        ids = list(meetings)
        out = []
        for i in range(0, len(ids), _BATCH):
            rows = self.store.query(_PARTICIPANTS_OF, {"ids": ids[i:i + _BATCH]})[1]
            out += [(p, _EDGE_BY_REL[r], m) for p, r, m in rows]
        return out

    def chairs(self) -> list[tuple[str, str]]:
        """(person, meeting) for every chaired edge."""
        _, rows = self.store.query(_CHAIRS)
        return [(p, m) for p, m in rows]

    def labels(self, node_type: str) -> dict[str, str]:
        """Every node of one type with its label."""
        _, rows = self.store.query(_LABELS_OF.format(label=NODE_TYPES[node_type].name))
        return dict(rows)

    def labels_of(self, ids: Iterable[str]) -> dict[str, str]:
        """The labels of the given people (one query per batch of ids)."""
        ids = list(ids)
        out: dict[str, str] = {}
        for i in range(0, len(ids), _BATCH):
            out.update(dict(self.store.query(_PEOPLE, {"ids": ids[i:i + _BATCH]})[1]))
        return out

    def find(self, text: str, node_type: str) -> list[tuple[str, str, bool]]:
        """Nodes of a type whose label or name is ``text`` (exact: True) or contains it (exact: False)."""
        _, rows = self.store.query(_FIND.format(label=NODE_TYPES[node_type].name), {"who": text})
        return [(n, label, label == text) for n, label in rows]


def _plain(v):
    """A property value as the model keeps it: a Neo4j date inside a properties map becomes ISO text."""
    if hasattr(v, "iso_format"):
        return v.iso_format()
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v
