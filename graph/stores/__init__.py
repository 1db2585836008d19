"""Stores behind one interface (``base.Store``), picked by name the way rdflib picks its store plugins.

A new store is one module with a ``Store`` subclass and one line in ``STORES``; the shared store tests
(``tests/graph/test_store_contract.py``) then run against it.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

from .base import ManifestEntry, Rows, Store, StoreError, Support, WriteStats

# name -> "module:Class"; a store's module is imported only when it is opened (the Neo4j driver is not light)
STORES = {
    "oxigraph": "govgraph.graph.stores.oxigraph:OxigraphStore",
    "neo4j": "govgraph.graph.stores.neo4j:Neo4jStore",
    "sparql": "govgraph.graph.stores.sparql_endpoint:SparqlEndpointStore",
}
ALIASES = {"rdf": "oxigraph", "embedded": "oxigraph", "sparql-endpoint": "sparql"}


def store_class(name: str) -> type[Store]:
    """The Store subclass registered under ``name``."""
    key = ALIASES.get(name, name)
    if key not in STORES:
        raise StoreError(f"unknown store {name!r}; expected one of {', '.join(STORES)}")
    module, _, cls = STORES[key].partition(":")
    return getattr(import_module(module), cls)


def open_store(name: str = "oxigraph", **options: Any) -> Store:
    """Open a store by name with its own options: ``oxigraph`` (``path``), ``neo4j`` (``uri``, ``user``, …),
    ``sparql`` (``endpoint``, the query URL of any SPARQL 1.1 server; ``update_endpoint``, ``user``, …).

    Options a store does not take are ignored when they are None, so a caller may pass every option it has.
    """
    cls = store_class(name)
    import inspect

    accepted = set(inspect.signature(cls.__init__).parameters) - {"self"}
    unknown = {k for k, v in options.items() if k not in accepted and v is not None}
    if unknown:
        raise StoreError(f"the {cls.name} store takes no option {', '.join(sorted(unknown))}")
    return cls(**{k: v for k, v in options.items() if k in accepted and v is not None})


__all__ = ["STORES", "ManifestEntry", "Rows", "Store", "StoreError", "Support", "WriteStats", "open_store",
           "store_class"]
