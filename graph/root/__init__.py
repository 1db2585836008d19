"""govgraph: a knowledge graph of Chinese government meetings, read from newspaper reports.

This folder is the ``govgraph`` package itself (setup.py maps it), the front door of the Python API::

    import govgraph

    with govgraph.open("my-store", write=True) as store:
        govgraph.ingest("reports/", store)
    with govgraph.open("my-store") as store:
        timeline = govgraph.query(store, "person_timeline", person="陈平")   # a pandas DataFrame
        g = govgraph.subgraph(store, person="陈平", hops=1)                 # a networkx graph

The names load on first use (graph/api.py holds them), so ``import govgraph`` costs nothing to the command line.
"""
from __future__ import annotations

from typing import Any

_API = ("IngestSummary", "QueryError", "Store", "StoreError", "ingest", "node", "open", "query", "saved",
        "subgraph")


def __getattr__(name: str) -> Any:
    if name in _API:
        from govgraph.graph import api

        return getattr(api, name)
    raise AttributeError(f"module 'govgraph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(_API)


__all__ = list(_API)
