"""A Neo4j server over Bolt: one label per node type, MERGE on stable ids, batched and transactional.

Each batch of rows is one managed transaction (``UNWIND $rows … MERGE``): a failure rolls that batch back and
leaves the batches before it stored. Evidence sits on relationships as parallel lists (article, start, end,
quote, observed day) keyed by ``article:start-end@day``, so loading the same input twice adds nothing.
Labels, relationship types and properties come from the schema (``graph/schema.py``), never from input.
"""
from __future__ import annotations

import os
from datetime import date
from typing import Any

from .. import schema
from ..model import Evidence, Graph, Node
from .base import Rows, Store, StoreError, Support, WriteStats

BATCH = int(os.environ.get("GOVGRAPH_NEO4J_BATCH", "1000"))
_EV = ("ev_keys", "ev_articles", "ev_starts", "ev_ends", "ev_quotes", "ev_observed")


def _node_query(label: str) -> str:
    # the first value written wins (later reports only fill gaps); lists gather every spelling
    fill = ", ".join(_merge(p) for p in schema.NODE_TYPES[label].props)
    return (f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) "
            f"ON CREATE SET n.label = r.label SET {fill}")


def _merge(p: schema.Property) -> str:
    """How a row's value joins the stored one, as the model merges (see ``Graph.add_node``)."""
    n, r = f"n.{p.name}", f"r.{p.name}"
    if p.many:
        return f"{n} = coalesce({n}, []) + [x IN coalesce({r}, []) WHERE NOT x IN coalesce({n}, [])]"
    if p.merge in ("min", "max"):
        better = "<" if p.merge == "min" else ">"
        return f"{n} = CASE WHEN {n} IS NULL OR ({r} IS NOT NULL AND {r} {better} {n}) THEN {r} ELSE {n} END"
    return f"{n} = coalesce({n}, {r})"


def _edge_query(edge_type: str) -> str:
    e = schema.EDGE_TYPES[edge_type]
    new = "[i IN range(0, size(r.ev_keys) - 1) WHERE NOT r.ev_keys[i] IN coalesce(e.ev_keys, [])]"
    sets = ", ".join(f"e.{k} = coalesce(e.{k}, []) + [i IN new | r.{k}[i]]" for k in _EV)
    return (f"UNWIND $rows AS r MATCH (a:{e.source} {{id: r.src}}) MATCH (b:{e.target} {{id: r.dst}}) "
            f"MERGE (a)-[e:{e.rel_type}]->(b) WITH e, r, {new} AS new SET {sets}")


def node_rows(graph: Graph) -> dict[str, list[dict]]:
    """Rows per node label for UNWIND, dates as dates."""
    out: dict[str, list[dict]] = {t: [] for t in schema.NODE_TYPES}
    for n in graph.nodes.values():
        row: dict[str, Any] = {"id": n.id, "label": n.label}
        for p in schema.NODE_TYPES[n.type].props:
            v = n.props.get(p.name)
            if p.datatype == "date" and isinstance(v, str) and v:
                v = date.fromisoformat(v)
            row[p.name] = None if v == "" else v
        out[n.type].append(row)
    return out


def edge_rows(graph: Graph) -> dict[str, list[dict]]:
    """Rows per edge type for UNWIND, evidence as parallel lists."""
    out: dict[str, list[dict]] = {t: [] for t in schema.EDGE_TYPES}
    for e in graph.edges.values():
        ev = e.evidence
        out[e.type].append({"src": e.source, "dst": e.target, "ev_keys": [x.key for x in ev],
                            "ev_articles": [x.article for x in ev], "ev_starts": [x.start for x in ev],
                            "ev_ends": [x.end for x in ev], "ev_quotes": [x.quote for x in ev],
                            "ev_observed": [x.observed or "" for x in ev]})
    return out


_REL_TO_EDGE = {e.rel_type: name for name, e in schema.EDGE_TYPES.items()}

# explain: the node by id, label or name, and every relationship with its evidence lists
_EVIDENCE = """
MATCH (n) WHERE n.id = $who OR n.label = $who OR n.name = $who
MATCH (n)-[r]-(o)
OPTIONAL MATCH (a:Article) WHERE a.id IN r.ev_articles
WITH n, r, o, startNode(r) = n AS out, collect(a) AS arts
UNWIND range(0, size(r.ev_keys) - 1) AS i
WITH n, r, o, out, i, [x IN arts WHERE x.id = r.ev_articles[i]][0] AS art
RETURN n.id AS node, n.label AS node_label, CASE WHEN out THEN 'out' ELSE 'in' END AS direction,
       type(r) AS rel, o.label AS other, art.title AS article_title, toString(art.published) AS published,
       r.ev_starts[i] AS start, r.ev_ends[i] AS end, r.ev_quotes[i] AS quote
"""


class Neo4jStore(Store):
    """The graph in a Neo4j server (5.x, Community or Enterprise, Aura)."""

    name = "neo4j"
    languages = frozenset({"cypher"})

    def __init__(self, *, uri: str | None = None, user: str | None = None, password: str | None = None,
                 database: str | None = None):
        import neo4j
        from neo4j.exceptions import AuthError, ServiceUnavailable

        self.uri = uri or os.environ.get("NEO4J_URI") or "bolt://127.0.0.1:7687"
        self.user = user or os.environ.get("NEO4J_USER") or "neo4j"
        password = password if password is not None else os.environ.get("NEO4J_PASSWORD", "")
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        self.driver = None
        try:
            self.driver = neo4j.GraphDatabase.driver(self.uri, auth=(self.user, password),
                                                     connection_timeout=10, max_transaction_retry_time=5,
                                                     notifications_min_severity="OFF")
            self.driver.verify_connectivity()
        except AuthError as exc:
            self.close()
            raise StoreError(f"Neo4j at {self.uri} refused user {self.user!r}: wrong user or password") from exc
        except (ServiceUnavailable, OSError, ValueError) as exc:
            self.close()
            raise StoreError(f"Neo4j not reachable at {self.uri}: {_one_line(exc)}") from exc

    def _session(self):
        if self.driver is None:
            raise StoreError(f"the connection to Neo4j at {self.uri} is closed")
        return self.driver.session(database=self.database) if self.database else self.driver.session()

    def ensure_schema(self) -> None:
        """A uniqueness constraint on ``id`` for every node label (idempotent)."""
        with self._session() as s:
            for label in schema.NODE_TYPES:
                s.run(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
                      f"FOR (n:{label}) REQUIRE n.id IS UNIQUE").consume()

    def _batches(self, query: str, rows: list[dict], what: str, batch: int) -> int:
        from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

        done = 0
        for i in range(0, len(rows), batch):
            chunk = rows[i:i + batch]
            try:
                with self._session() as s:
                    s.execute_write(lambda tx, rows=chunk: tx.run(query, rows=rows).consume())
            except (ServiceUnavailable, SessionExpired, OSError) as exc:
                raise StoreError(f"Neo4j at {self.uri} went away while writing {what} rows {i + 1}-{i + len(chunk)}"
                                 f"; that batch was rolled back, earlier batches are stored: {_one_line(exc)}") from exc
            except Neo4jError as exc:
                raise StoreError(f"Neo4j at {self.uri} rejected {what} rows {i + 1}-{i + len(chunk)}"
                                 f" (rolled back): {_one_line(exc.message)}") from exc
            done += len(chunk)
        return done

    def write(self, graph: Graph, *, batch: int = BATCH) -> WriteStats:
        """Nodes first, then edges, each in batches of ``batch`` rows, each batch one transaction."""
        self.ensure_schema()
        stats = WriteStats()
        for label, rows in node_rows(graph).items():
            stats.nodes += self._batches(_node_query(label), rows, f"{label} node", batch)
        for etype, rows in edge_rows(graph).items():
            stats.edges += self._batches(_edge_query(etype), rows, f"{etype} edge", batch)
        return stats

    def query(self, text: str, params: dict[str, Any] | None = None) -> Rows:
        """Run Cypher with $parameters."""
        from neo4j.exceptions import Neo4jError

        try:
            with self._session() as s:
                res = s.run(text, params or {})
                cols = list(res.keys())
                rows = [tuple(_py(v) for v in rec.values()) for rec in res]
        except Neo4jError as exc:
            raise StoreError(f"Cypher failed on Neo4j at {self.uri}: {_one_line(exc.message)}") from exc
        return cols, rows

    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type (named as in the model)."""
        out: dict[str, int] = {}
        with self._session() as s:
            for rec in s.run("MATCH (n) RETURN labels(n)[0] AS l, count(*) AS c"):
                out[rec["l"]] = rec["c"]
            for rec in s.run("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c"):
                out[_REL_TO_EDGE.get(rec["t"], rec["t"].lower())] = rec["c"]
        return out

    def read_graph(self) -> Graph:
        """Every node and relationship, with the evidence kept on each relationship."""
        g = Graph()
        with self._session() as s:
            for rec in s.run("MATCH (n) RETURN labels(n)[0] AS type, properties(n) AS p"):
                if rec["type"] not in schema.NODE_TYPES:
                    continue
                p = dict(rec["p"])
                props = {}
                for prop in schema.NODE_TYPES[rec["type"]].props:
                    v = _py(p.get(prop.name))
                    if v is not None:
                        props[prop.name] = sorted(v) if prop.many else v
                g.nodes[p["id"]] = Node(p["id"], rec["type"], str(p.get("label", p["id"])), props)
            for rec in s.run("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p"):
                edge = _REL_TO_EDGE.get(rec["t"])
                if edge is None:
                    continue
                p = rec["p"]
                evs = zip(p.get("ev_articles", []), p.get("ev_starts", []), p.get("ev_ends", []),
                          p.get("ev_quotes", []), p.get("ev_observed", []), strict=True)
                e = g.add_edge(rec["a"], edge, rec["b"])
                for art, start, end, quote, day in evs:
                    e.add_evidence(Evidence(art, start, end, quote, day or None))
        return g

    def evidence(self, who: str, *, relation: str | None = None) -> list[Support]:
        """Every relationship of the nodes named ``who`` with the sentences kept on it."""
        _, rows = self.query(_EVIDENCE, {"who": who})
        out = []
        for node, label, direction, rel, other, title, published, start, end, quote in rows:
            edge = _REL_TO_EDGE.get(rel)
            if edge is None or (relation and edge != relation):
                continue
            out.append(Support(node, label, direction, edge, other, title, published, start, end, quote))
        return out

    def clear(self) -> None:
        """Delete everything (tests and benchmarks only)."""
        with self._session() as s:
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()

    def close(self) -> None:
        if self.driver is not None:
            self.driver.close()
            self.driver = None


def _one_line(exc) -> str:
    return " ".join(str(exc).split())


def _py(v):
    if hasattr(v, "iso_format"):
        return v.iso_format()
    if isinstance(v, list):
        return [_py(x) for x in v]
    return v
