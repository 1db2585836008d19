"""Fixtures shared by the graph tests: a small corpus of several papers, days and cities as one graph."""
from __future__ import annotations

import pytest

from govgraph.graph.ingest import expand, read_graph
from govgraph.graph.model import Graph

from ..conftest import FIXTURES, ROOT, SEED, need


@pytest.fixture(scope="module")
def corpus_graph() -> Graph:
    need(SEED.is_file(), f"the seed page at {SEED}")
    rep = read_graph(expand([SEED, ROOT / "graph" / "samples", FIXTURES / "identity"]))
    assert not rep.errors
    return rep.graph
