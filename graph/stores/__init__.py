"""Stores behind one interface, picked by name: the embedded RDF store (default) and Neo4j."""
from __future__ import annotations

from .base import Store, StoreError, WriteStats


def open_store(backend: str = "oxigraph", **options) -> Store:
    """Open a store by name: ``oxigraph`` (embedded, on disk) or ``neo4j`` (a server over Bolt)."""
    if backend in ("oxigraph", "rdf", "embedded"):
        from .oxigraph import OxigraphStore

        return OxigraphStore(options.get("path") or ".govgraph/store")
    if backend == "neo4j":
        from .neo4j import Neo4jStore

        return Neo4jStore(uri=options.get("uri"), user=options.get("user"), password=options.get("password"))
    raise StoreError(f"unknown backend {backend!r}; expected oxigraph or neo4j")


__all__ = ["Store", "StoreError", "WriteStats", "open_store"]
