"""A Neo4j server over Bolt: one label per node type, MERGE on stable ids, batched and transactional.

Each batch of rows is one managed transaction (``UNWIND $rows … MERGE``): a failure rolls that batch back and
leaves the batches before it stored. Evidence sits on relationships as parallel lists (article, start, end,
quote, observed day) keyed by ``article:start-end``, so loading the same input twice adds nothing.
"""
from __future__ import annotations

import logging
import os
from datetime import date

from ..model import EDGE_TYPES, NODE_TYPES, Graph
from .base import StoreError, WriteStats

# The driver logs each failed connection attempt; our StoreError already says it once, in one line.
logging.getLogger("neo4j").addHandler(logging.NullHandler())
logging.getLogger("neo4j").propagate = False

BATCH = int(os.environ.get("GOVGRAPH_NEO4J_BATCH", "1000"))
# Properties each node type may carry; the first value written wins (later reports only fill gaps).
_NODE_PROPS = {
    "Person": ("name", "jurisdiction", "journalist"),
    "Body": ("name", "kind", "jurisdiction"),
    "Post": ("name", "role", "as_written"),
    "Meeting": ("names", "kind", "ordinal", "date", "part_of_day", "body", "referenced"),
    "Document": ("title",),
    "Article": ("title", "published", "source", "newspaper", "url"),
}
_DATES = {"date", "published"}
_LISTS = {"names"}  # every spelling a report used, gathered
_EV = ("ev_keys", "ev_articles", "ev_starts", "ev_ends", "ev_quotes", "ev_observed")


def rel_type(edge_type: str) -> str:
    """chaired -> CHAIRED: relationship types mirror the ontology's edge names."""
    return edge_type.upper()


def _node_query(label: str) -> str:
    # label and property names come from the fixed model above, never from input
    fill = ", ".join(f"n.{p} = coalesce(n.{p}, []) + [x IN coalesce(r.{p}, []) WHERE NOT x IN coalesce(n.{p}, [])]"
                     if p in _LISTS else f"n.{p} = coalesce(n.{p}, r.{p})" for p in _NODE_PROPS[label])
    return (f"UNWIND $rows AS r MERGE (n:{label} {{id: r.id}}) "
            f"ON CREATE SET n.label = r.label SET {fill}")


def _edge_query(edge_type: str) -> str:
    src, dst = EDGE_TYPES[edge_type]
    new = "[i IN range(0, size(r.ev_keys) - 1) WHERE NOT r.ev_keys[i] IN coalesce(e.ev_keys, [])]"
    sets = ", ".join(f"e.{k} = coalesce(e.{k}, []) + [i IN new | r.{k}[i]]" for k in _EV)
    return (f"UNWIND $rows AS r MATCH (a:{src} {{id: r.src}}) MATCH (b:{dst} {{id: r.dst}}) "
            f"MERGE (a)-[e:{rel_type(edge_type)}]->(b) WITH e, r, {new} AS new SET {sets}")


def node_rows(graph: Graph) -> dict[str, list[dict]]:
    """Rows per node label for UNWIND."""
    out: dict[str, list[dict]] = {t: [] for t in NODE_TYPES}
    for n in graph.nodes.values():
        row = {"id": n.id, "label": n.label}
        for p in _NODE_PROPS[n.type]:
            v = n.props.get(p)
            if p in _DATES and isinstance(v, str):
                v = date.fromisoformat(v)
            row[p] = None if v == "" else v
        out[n.type].append(row)
    return out


def edge_rows(graph: Graph) -> dict[str, list[dict]]:
    """Rows per edge type for UNWIND, evidence as parallel lists."""
    out: dict[str, list[dict]] = {t: [] for t in EDGE_TYPES}
    for e in graph.edges.values():
        ev = e.evidence
        out[e.type].append({"src": e.source, "dst": e.target, "ev_keys": [x.key for x in ev],
                            "ev_articles": [x.article for x in ev], "ev_starts": [x.start for x in ev],
                            "ev_ends": [x.end for x in ev], "ev_quotes": [x.quote for x in ev],
                            "ev_observed": [x.observed or "" for x in ev]})
    return out


class Neo4jStore:
    """The graph in a Neo4j server (5.x, Community or Enterprise, Aura)."""

    backend = "neo4j"

    def __init__(self, *, uri: str | None = None, user: str | None = None, password: str | None = None,
                 database: str | None = None):
        import neo4j
        from neo4j.exceptions import AuthError, ServiceUnavailable

        self.uri = uri or os.environ.get("NEO4J_URI") or "bolt://127.0.0.1:7687"
        self.user = user or os.environ.get("NEO4J_USER") or "neo4j"
        password = password if password is not None else os.environ.get("NEO4J_PASSWORD", "")
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        try:
            self.driver = neo4j.GraphDatabase.driver(self.uri, auth=(self.user, password),
                                                     connection_timeout=10, max_transaction_retry_time=5,
                                                     notifications_min_severity="OFF")
            self.driver.verify_connectivity()
        except AuthError as exc:
            raise StoreError(f"Neo4j at {self.uri} refused user {self.user!r}: wrong user or password") from exc
        except (ServiceUnavailable, OSError, ValueError) as exc:
            raise StoreError(f"Neo4j not reachable at {self.uri}: {_one_line(exc)}") from exc

    def _session(self):
        return self.driver.session(database=self.database) if self.database else self.driver.session()

    def ensure_schema(self) -> None:
        """A uniqueness constraint on ``id`` for every node label (idempotent)."""
        with self._session() as s:
            for label in NODE_TYPES:
                s.run(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE").consume()

    def _batches(self, query: str, rows: list[dict], what: str, stats_key: str, stats: WriteStats,
                 batch: int = BATCH):
        from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

        for i in range(0, len(rows), batch):
            chunk = rows[i:i + batch]
            try:
                with self._session() as s:
                    s.execute_write(lambda tx: tx.run(query, rows=chunk).consume())
            except (ServiceUnavailable, SessionExpired, OSError) as exc:
                raise StoreError(f"Neo4j at {self.uri} went away while writing {what} rows {i + 1}-{i + len(chunk)}"
                                 f"; that batch was rolled back, earlier batches are stored: {_one_line(exc)}") from exc
            except Neo4jError as exc:
                raise StoreError(f"Neo4j at {self.uri} rejected {what} rows {i + 1}-{i + len(chunk)}"
                                 f" (rolled back): {_one_line(exc.message)}") from exc
            setattr(stats, stats_key, getattr(stats, stats_key) + len(chunk))

    def write(self, graph: Graph, *, batch: int = BATCH) -> WriteStats:
        """Nodes first, then edges, each in batches of ``batch`` rows, each batch one transaction."""
        self.ensure_schema()
        stats = WriteStats()
        for label, rows in node_rows(graph).items():
            self._batches(_node_query(label), rows, f"{label} node", "nodes", stats, batch)
        for etype, rows in edge_rows(graph).items():
            self._batches(_edge_query(etype), rows, f"{etype} edge", "edges", stats, batch)
        return stats

    def run(self, query, params: dict) -> tuple[list[str], list[tuple]]:
        """Run a saved query's Cypher twin with $parameters."""
        from neo4j.exceptions import Neo4jError

        if not query.cypher:
            raise StoreError(f"saved query {query.name} has no Cypher twin (queries/{query.name}.cypher)")
        try:
            with self._session() as s:
                res = s.run(query.cypher, params)
                cols = list(res.keys())
                rows = [tuple(_py(v) for v in rec.values()) for rec in res]
        except Neo4jError as exc:
            raise StoreError(f"queries/{query.name}.cypher failed on Neo4j at {self.uri}: {exc.message}") from exc
        return cols, rows

    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type (named as in the model)."""
        out: dict[str, int] = {}
        with self._session() as s:
            for rec in s.run("MATCH (n) RETURN labels(n)[0] AS l, count(*) AS c"):
                out[rec["l"]] = rec["c"]
            for rec in s.run("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c"):
                out[rec["t"].lower()] = rec["c"]
        return out

    def clear(self) -> None:
        """Delete everything (tests and benchmarks only)."""
        with self._session() as s:
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()

    def close(self) -> None:
        self.driver.close()


def _one_line(exc) -> str:
    return " ".join(str(exc).split())


def _py(v):
    if hasattr(v, "iso_format"):
        return v.iso_format()
    return v
