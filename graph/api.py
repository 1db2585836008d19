"""The Python API, as ``import govgraph`` gives it: open a store, ingest files, ask saved or own questions into
pandas DataFrames, take any part of the graph as a networkx graph.

A store opened here for reading takes no lock, so a notebook that holds it open never blocks the command line;
``open(..., write=True)`` is for ingesting and holds the embedded store's lock until it is closed.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govgraph.queries import NodeId, QueryError, SavedQuery, saved_queries

from .ingest import IngestSummary
from .stores import Store, StoreError, open_store

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

DEFAULT_STORE = ".govgraph/store"


def open(path: str | Path | None = None, *, neo4j: str | None = None, sparql_endpoint: str | None = None,
         user: str | None = None, password: str | None = None, write: bool = False) -> Store:
    """A store to use in a ``with`` block: the embedded one in ``path`` (default .govgraph/store), or a Neo4j
    server (``neo4j="bolt://…"``), or a SPARQL 1.1 server (``sparql_endpoint="http://…"``).

    Read-only unless ``write=True``: a reader never creates a store, and never blocks an ingest."""
    if sum(x is not None for x in (path, neo4j, sparql_endpoint)) > 1:
        raise StoreError("give one of path, neo4j or sparql_endpoint")
    if neo4j is not None:
        return open_store("neo4j", uri=neo4j, user=user, password=password, read_only=not write)
    if sparql_endpoint is not None:
        return open_store("sparql", endpoint=sparql_endpoint, user=user, password=password, read_only=not write)
    return open_store("oxigraph", path=path or DEFAULT_STORE, read_only=not write)


def ingest(paths: str | Path | Iterable[str | Path], store: Store, *, place: str | None = None,
           published: date | None = None) -> IngestSummary:
    """Read article files or folders (txt, html, jsonl, optionally gzipped) into ``store``, which must be open
    for writing. Files already stored are skipped; bad files and records are listed in ``summary.problems``."""
    from .ingest import ingest as run

    if isinstance(paths, (str, Path)):
        paths = [paths]
    return run([Path(p) for p in paths], store, place=place, published=published)


def saved() -> dict[str, SavedQuery]:
    """The saved questions by name, each with its parameters and description (``govgraph.queries`` is the
    package that holds them)."""
    return saved_queries()


def node(node_id: str) -> NodeId:
    """A node id (as answers give it, e.g. a ``meeting_id``) to pass as a parameter of one's own query."""
    return NodeId(node_id)


def query(store: Store, question: str, /, **params: Any) -> pd.DataFrame:
    """A saved question by name, or one's own query in the store's language (SPARQL, or Cypher on Neo4j), as a
    DataFrame. Parameters are bound by the engine: ``query(store, "person_timeline", person="陈平")``; in one's
    own SPARQL a parameter ?x is bound when the query selects it."""
    import pandas as pd

    saved = saved_queries().get(question)
    if saved is not None:
        bound = saved.bind({k: v if isinstance(v, str) else str(v) for k, v in params.items()})
        cols, rows = store.run(saved, bound)
    else:
        if not question.strip() or question.isidentifier():
            raise QueryError(f"no saved query {question!r}; known queries: {', '.join(saved_queries())}")
        cols, rows = store.query(question, params)
    frame = pd.DataFrame.from_records(rows, columns=cols)
    frame.attrs["query"] = question
    return frame


def subgraph(store: Store, *, person: str | None = None, hops: int = 1, body: str = "", place: str = "",
             since: str = "", until: str = "", types: Iterable[str] = (), max_nodes: int = 3000) -> nx.MultiDiGraph:
    """Part of the graph as a networkx multigraph: around ``person`` (``hops`` meetings away), or the meetings of
    a ``body`` and/or ``place`` between ``since`` and ``until`` (ISO days), at most ``max_nodes`` nodes (what was
    left out is in ``g.graph["left_out"]``). Nodes carry type, label and properties; edges their type."""
    from .export import to_networkx
    from .subgraph import Filters, select_ego, select_filtered

    f = Filters(body=body, place=place, date_from=since, date_to=until, types=tuple(types))
    sel = select_ego(store, person, hops, f, max_nodes) if person else select_filtered(store, f, max_nodes)
    g = to_networkx(sel.graph)
    g.graph["left_out"] = list(sel.left_out)
    return g


__all__ = ["IngestSummary", "QueryError", "Store", "StoreError", "ingest", "node", "open", "query", "saved",
           "subgraph"]
