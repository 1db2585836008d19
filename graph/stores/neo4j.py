"""A Neo4j server over Bolt: one label per node type, MERGE on stable ids, batched and transactional.

Each batch of rows is one transaction (``UNWIND $rows … MERGE``): a failure rolls that batch back and leaves
the batches before it stored. An ingest's chunk writes its manifest entries in a last transaction, after all
its batches, so the manifest never claims what is not stored and a re-run redoes a chunk that failed half way.
Evidence sits on relationships as parallel lists (article, start, end, quote, observed day) keyed by
``article:start-end@day``, so loading the same input twice adds nothing.
Labels, relationship types and properties come from the schema (``graph/schema.py``), never from input.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from govgraph.loaders.encoding import visible

from .. import schema
from ..derived import Deltas, Stored, Touched, deltas, years_seen
from ..model import Evidence, Graph, Node
from .base import ManifestEntry, Rows, Store, StoreError, Support, WriteStats

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
    if edge_type == "holds_post":  # the years it was seen in, a set (graph/derived.py), for same_body_same_year
        sets += ", e.years = coalesce(e.years, []) + [y IN r.years WHERE NOT y IN coalesce(e.years, [])]"
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
        if e.type == "holds_post":
            out[e.type][-1]["years"] = sorted(years_seen(e))
    return out


_REL_TO_EDGE = {e.rel_type: name for name, e in schema.EDGE_TYPES.items()}

# explain: the node by id, label or name, and every relationship with its evidence lists
_EVIDENCE = """
MATCH (n) WHERE n.id = $who OR n.label = $who OR n.name = $who
MATCH (n)-[r]-(o) WHERE r.ev_keys IS NOT NULL
OPTIONAL MATCH (a:Article) WHERE a.id IN r.ev_articles
WITH n, r, o, startNode(r) = n AS out, collect(a) AS arts
UNWIND range(0, size(r.ev_keys) - 1) AS i
WITH n, r, o, out, i, [x IN arts WHERE x.id = r.ev_articles[i]][0] AS art
RETURN n.id AS node, n.label AS node_label, CASE WHEN out THEN 'out' ELSE 'in' END AS direction,
       type(r) AS rel, o.label AS other, art.title AS article_title, toString(art.published) AS published,
       r.ev_starts[i] AS start, r.ev_ends[i] AS end, r.ev_quotes[i] AS quote
"""


_MANIFEST_LABEL = "GovgraphIngestFile"  # a label the schema never uses: left out of counts, reads and exports
_MANIFEST = (f"UNWIND $rows AS r MERGE (f:{_MANIFEST_LABEL} {{digest: r.digest}}) "
             "SET f.source = coalesce(f.source, r.source), "
             "f.articles = CASE WHEN coalesce(f.articles, 0) > r.articles THEN f.articles ELSE r.articles END, "
             "f.state = CASE WHEN f.state = 'done' THEN 'done' ELSE r.state END")
# The counts of graph/derived.py: (:Body)-[:MEETINGS_IN]->(:MonthCount {month, meetings}) and
# (:Person)-[:CO_ATTENDED {meetings}]-(:Person); a state node says a write is under way (a write killed between
# its data and its counts is counted again from the graph) and which version of the counts the store holds.
_STATE_LABEL = "GovgraphIndexState"
INDEX_VERSION = "1"
_STORED = """UNWIND $ids AS id MATCH (m:Meeting {id: id})
OPTIONAL MATCH (p:Person)-[:CHAIRED|ATTENDED]->(m)
WITH m, collect(DISTINCT p.id) AS people
OPTIONAL MATCH (b:Body)-[:CONVENED]->(m)
RETURN m.id AS m, people, collect(DISTINCT b.id) AS bodies, toString(m.date) AS day"""
_MOVE_PAIRS = """UNWIND $rows AS r MATCH (a:Person {id: r.a}) MATCH (b:Person {id: r.b})
MERGE (a)-[c:CO_ATTENDED]-(b) ON CREATE SET c.meetings = r.n ON MATCH SET c.meetings = c.meetings + r.n
WITH c WHERE c.meetings <= 0 DELETE c"""
_MOVE_MONTHS = """UNWIND $rows AS r MATCH (b:Body {id: r.body})
MERGE (b)-[:MEETINGS_IN]->(c:MonthCount {month: r.month})
ON CREATE SET c.meetings = r.n ON MATCH SET c.meetings = c.meetings + r.n
WITH c WHERE c.meetings <= 0 DETACH DELETE c"""
_FORGET_COUNTS = ["MATCH (c:MonthCount) CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 5000 ROWS",
                  "MATCH ()-[c:CO_ATTENDED]->() CALL (c) { DELETE c } IN TRANSACTIONS OF 5000 ROWS"]
_COUNT_MONTHS = """MATCH (b:Body)-[:CONVENED]->(m:Meeting)
WITH b, coalesce(substring(toString(m.date), 0, 7), '') AS month, count(DISTINCT m) AS n
CREATE (b)-[:MEETINGS_IN]->(:MonthCount {month: month, meetings: n})"""
_COUNT_PAIRS = """MATCH (a:Person)-[:CHAIRED|ATTENDED]->(m:Meeting)<-[:CHAIRED|ATTENDED]-(b:Person) WHERE a.id < b.id
WITH a, b, count(DISTINCT m) AS n CREATE (a)-[:CO_ATTENDED {meetings: n}]->(b)"""
_COUNT_YEARS = """MATCH ()-[r:HOLDS_POST]->()
SET r.years = reduce(acc = [], y IN [d IN coalesce(r.ev_observed, []) | substring(d, 0, 4)] |
                     CASE WHEN y IN acc THEN acc ELSE acc + y END)"""
# the indexes the saved Cypher filters on: exact names, and parts of bodies' and posts' names (text indexes
# answer CONTAINS)
_INDEXES = ["CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)",
            "CREATE TEXT INDEX body_label_text IF NOT EXISTS FOR (n:Body) ON (n.label)",
            "CREATE TEXT INDEX post_label_text IF NOT EXISTS FOR (n:Post) ON (n.label)",
            "CREATE INDEX month_count_month IF NOT EXISTS FOR (n:MonthCount) ON (n.month)"]
_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def check_uri(uri: str) -> str:
    """``uri`` when it can name a Neo4j server over Bolt; else a StoreError that says what is wrong with it."""
    shown = _one_line(visible(uri))
    if not uri.strip():
        raise StoreError("no Neo4j URI given: use --neo4j bolt://HOST:7687 (or NEO4J_URI)")
    try:
        parts = urlsplit(uri)
    except ValueError as exc:
        raise StoreError(f"'{shown}' is not a URI ({exc}): use bolt://HOST:7687") from exc
    if parts.scheme not in _SCHEMES:
        hint = " (7474 is Neo4j's HTTP port; Bolt listens on 7687)" if parts.scheme in ("http", "https") else ""
        raise StoreError(f"'{shown}' is not a Neo4j URI: use bolt://HOST:7687 or neo4j://HOST:7687{hint}")
    try:
        port = parts.port
    except ValueError:
        port = -1
    if port is not None and not 0 < port < 65536:
        raise StoreError(f"'{shown}' has no valid port: a port is a number from 1 to 65535")
    if not parts.hostname:
        raise StoreError(f"'{shown}' names no host: use bolt://HOST:7687")
    return uri


@dataclass
class PreparedRows:
    """A chunk as UNWIND rows: (what, query, rows) in the order they are written (nodes before edges)."""

    steps: list[tuple[str, str, list[dict]]]
    stats: WriteStats
    touched: Touched | None = None


class Neo4jStore(Store):
    """The graph in a Neo4j server (5.x, Community or Enterprise, Aura)."""

    name = "neo4j"
    languages = frozenset({"cypher"})

    def __init__(self, *, uri: str | None = None, user: str | None = None, password: str | None = None,
                 database: str | None = None, read_only: bool = False):
        import neo4j
        from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError, ServiceUnavailable

        self.uri = check_uri(uri if uri is not None else os.environ.get("NEO4J_URI") or "bolt://127.0.0.1:7687")
        self.user = user or os.environ.get("NEO4J_USER") or "neo4j"
        password = password if password is not None else os.environ.get("NEO4J_PASSWORD", "")
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        self.read_only = read_only
        self._mode = neo4j.READ_ACCESS if read_only else neo4j.WRITE_ACCESS
        self._schema_done = False
        self.driver = None
        try:
            self.driver = neo4j.GraphDatabase.driver(self.uri, auth=(self.user, password),
                                                     connection_timeout=10, max_transaction_retry_time=5,
                                                     notifications_min_severity="OFF")
            self.driver.verify_connectivity()
        except AuthError as exc:
            self.close()
            raise StoreError(f"Neo4j at {self.uri} refused user {self.user!r}: wrong user or password") from exc
        except (ServiceUnavailable, OSError, ValueError, ConfigurationError, DriverError, Neo4jError) as exc:
            self.close()
            raise StoreError(f"Neo4j not reachable at {self.uri}: {_one_line(exc)}") from exc

    def _session(self):
        if self.driver is None:
            raise StoreError(f"the connection to Neo4j at {self.uri} is closed")
        opts: dict[str, Any] = {"default_access_mode": self._mode}
        if self.database:
            opts["database"] = self.database
        return self.driver.session(**opts)

    def ensure_schema(self) -> None:
        """A uniqueness constraint on ``id`` for every node label, and on the manifest's digest (idempotent)."""
        self._writable()
        if self._schema_done:
            return
        with self._reach("creating constraints"), self._session() as s:
            for label in schema.NODE_TYPES:
                s.run(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
                      f"FOR (n:{label}) REQUIRE n.id IS UNIQUE").consume()
            s.run(f"CREATE CONSTRAINT govgraph_ingest_file IF NOT EXISTS "
                  f"FOR (n:{_MANIFEST_LABEL}) REQUIRE n.digest IS UNIQUE").consume()
            for text in _INDEXES:
                s.run(text).consume()
        self._schema_done = True
        self._check_counts()

    def reindex(self) -> None:
        """Count everything again from the graph held."""
        self.ensure_schema()
        self._check_counts(force=True)

    def _check_counts(self, *, force: bool = False) -> None:
        """Count again from the graph when a write stopped between its data and its counts, or when the store
        holds counts of an older shape (or none)."""
        _, rows = self.query(f"MATCH (s:{_STATE_LABEL}) RETURN s.version, s.pending")
        version, pending = rows[0] if rows else (None, False)
        if version == INDEX_VERSION and not pending and not force:
            return
        _, data = self.query("MATCH (n:Meeting) RETURN n.id LIMIT 1")
        if data:
            with self._reach("counting again"), self._session() as s:
                for text in _FORGET_COUNTS:
                    s.run(text).consume()
                for text in (_COUNT_MONTHS, _COUNT_PAIRS, _COUNT_YEARS):
                    s.execute_write(lambda tx, text=text: tx.run(text).consume())
        self._transaction("the index state", f"MERGE (s:{_STATE_LABEL}) SET s.version = $rows.version, "
                          "s.pending = false", {"version": INDEX_VERSION})

    def prepare(self, graph: Graph, *, batch: int | None = None) -> PreparedRows:
        """The graph as UNWIND rows, nodes of each label then edges of each type, ``batch`` rows a statement."""
        size = batch or BATCH
        steps = []
        for label, rows in node_rows(graph).items():
            steps += [(f"{label} node rows {i + 1}-{i + len(part)}", _node_query(label), part)
                      for i, part in _slices(rows, size)]
        for etype, rows in edge_rows(graph).items():
            steps += [(f"{etype} edge rows {i + 1}-{i + len(part)}", _edge_query(etype), part)
                      for i, part in _slices(rows, size)]
        return PreparedRows(steps, WriteStats(nodes=len(graph.nodes), edges=len(graph.edges)), Touched.of(graph))

    def write(self, graph: Graph, *, batch: int | None = None) -> WriteStats:
        """Add a graph, ``batch`` rows a transaction (nodes before edges)."""
        return self.commit(self.prepare(graph, batch=batch), [])

    def commit(self, prepared: PreparedRows, entries: Sequence[ManifestEntry]) -> WriteStats:
        """The chunk's batches, each one transaction, then its manifest entries in a last one: the manifest
        never claims a chunk before all of it is stored, so a re-run redoes a chunk that failed half way."""
        self.ensure_schema()
        touched = prepared.touched or Touched()
        self._transaction("the index state", f"MERGE (s:{_STATE_LABEL}) SET s.pending = true", [])
        before = self._stored(touched)
        for what, query, rows in prepared.steps:
            self._transaction(what, query, rows)
        self._move_counts(deltas(touched, before))
        if entries:
            self._transaction("the manifest", _MANIFEST, [asdict(e) for e in entries])
        self._transaction("the index state", f"MATCH (s:{_STATE_LABEL}) SET s.pending = false", [])
        return prepared.stats

    def _stored(self, touched: Touched) -> Stored:
        """What the server holds now for the meetings a chunk touches, read before any of the chunk is written:
        a lost server here has taken nothing of it, and the error says so."""
        out = Stored()
        ids = sorted(touched.meetings)
        doing = ("reading what it holds for the chunk's meetings (nothing of the chunk written yet; what this "
                 "write stored before it stays stored)")
        for i in range(0, len(ids), BATCH):
            _, rows = self._read(_STORED, {"ids": ids[i:i + BATCH]}, doing)
            for m, people, bodies, day in rows:
                if people:
                    out.participants[m] = set(people)
                out.convened |= {(b, m) for b in bodies}
                out.days[m] = {day} if day else set()
        return out

    def _move_counts(self, d: Deltas) -> None:
        pairs = [{"a": a, "b": b, "n": n} for (a, b), n in d.pairs.items() if n]
        months = [{"body": b, "month": m, "n": n} for (b, m), n in d.months.items() if n]
        for what, query, rows in (("co-attendance counts", _MOVE_PAIRS, pairs),
                                  ("meetings per month", _MOVE_MONTHS, months)):
            for _, part in _slices(rows, BATCH):
                self._transaction(what, query, part)

    def _transaction(self, what: str, query: str, rows: list[dict] | dict) -> None:
        """One ``UNWIND`` statement in its own transaction. A failure before the commit rolls it back; a
        connection lost during the commit leaves its fate unknown, and the error says which it was."""
        from neo4j.exceptions import IncompleteCommit, Neo4jError, ServiceUnavailable, SessionExpired

        maybe = False  # an earlier attempt reached its commit: these rows may be stored whatever follows
        for attempt in range(3):
            stage = "run"
            try:
                with self._session() as s, s.begin_transaction() as tx:
                    tx.run(query, rows=rows).consume()
                    stage = "commit"
                    tx.commit()
                    stage = "done"
                return
            except (IncompleteCommit, ServiceUnavailable, SessionExpired, OSError, Neo4jError, ValueError,
                    TypeError, UnicodeError) as exc:
                if stage == "done":  # the commit was acknowledged; only closing the session failed
                    return
                maybe = maybe or stage == "commit"
                fate = ("may or may not be stored: the commit was sent and its answer lost" if maybe
                        else "rolled back")
                told = f"{what} ({fate}; what this write stored before them stays stored)"
                if isinstance(exc, Neo4jError) and not isinstance(exc, IncompleteCommit):
                    if exc.is_retryable() and attempt < 2:
                        continue
                    raise StoreError(f"Neo4j at {self.uri} rejected {told}: {_one_line(exc.message or exc)}") from exc
                if isinstance(exc, (ValueError, TypeError, UnicodeError)):  # a value the driver cannot send
                    raise StoreError(f"cannot send to Neo4j at {self.uri}: {told}: {_one_line(exc)}") from exc
                raise StoreError(f"Neo4j at {self.uri} went away while writing {told}: {_one_line(exc)}") from exc

    def manifest(self) -> dict[str, ManifestEntry]:
        """The files stored so far, from the manifest nodes."""
        _, rows = self.query(f"MATCH (f:{_MANIFEST_LABEL}) RETURN f.digest, f.source, f.state, f.articles")
        return {d: ManifestEntry(d, src or "", state or "partial", n or 0) for d, src, state, n in rows}

    def query(self, text: str, params: dict[str, Any] | None = None) -> Rows:
        """Run Cypher with $parameters."""
        return self._read(text, params or {}, "running a query")

    def _read(self, text: str, params: dict[str, Any], doing: str) -> Rows:
        """Run a read; a lost server (or its database going down with it) is told as gone ``while doing``."""
        from neo4j.exceptions import Neo4jError

        try:
            with self._reach(doing), self._session() as s:
                res = s.run(text, params)
                cols = list(res.keys())
                rows = [tuple(_py(v) for v in rec.values()) for rec in res]
        except Neo4jError as exc:
            if exc.is_retryable():  # DatabaseUnavailable: the database went down with its server
                raise StoreError(f"Neo4j at {self.uri} went away while {doing}: {_one_line(exc.message or exc)}") \
                    from exc
            raise StoreError(f"Cypher failed on Neo4j at {self.uri}: {_one_line(exc.message or exc)}") from exc
        return cols, rows

    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type (named as in the model), from Neo4j's count store."""
        out: dict[str, int] = {}
        with self._reach("counting"), self._session() as s:
            for label in schema.NODE_TYPES:
                n = s.run(f"MATCH (n:{label}) RETURN count(n) AS c").single()["c"]
                if n:
                    out[label] = n
            for name, e in schema.EDGE_TYPES.items():
                n = s.run(f"MATCH ()-[r:{e.rel_type}]->() RETURN count(r) AS c").single()["c"]
                if n:
                    out[name] = n
        return out

    def _read_graph(self) -> Graph:
        """Every node and relationship, with the evidence kept on each relationship."""
        g = Graph()
        with self._reach("reading the graph"), self._session() as s:
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
        self._writable()
        with self._session() as s:
            # relationships first, in bounded batches: a person at every meeting has so many that deleting them
            # with the node overflows the transaction memory pool
            s.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS").consume()
            s.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS").consume()

    def close(self) -> None:
        """Close the connection (idempotent)."""
        if self.driver is not None:
            self.driver.close()
            self.driver = None

    @contextmanager
    def _reach(self, doing: str):
        from neo4j.exceptions import ServiceUnavailable, SessionExpired

        try:
            yield
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise StoreError(f"Neo4j at {self.uri} went away while {doing}: {_one_line(exc)}") from exc


def _slices(rows: list, size: int):
    for i in range(0, len(rows), size):
        yield i, rows[i:i + size]


def _one_line(exc) -> str:
    return " ".join(str(exc).split())


def _py(v):
    if hasattr(v, "iso_format"):
        return v.iso_format()
    if isinstance(v, list):
        return [_py(x) for x in v]
    return v
