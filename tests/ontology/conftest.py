"""Fixtures for the ontology tests: the seed page in a store, and its Turtle export read back with rdflib."""
from __future__ import annotations

import pytest
import rdflib


@pytest.fixture
def seed_store(store, seed_graph):
    store.write(seed_graph)
    return store


@pytest.fixture
def seed_rdf(seed_store, tmp_path) -> rdflib.Graph:
    from govgraph.graph.export import write_rdf

    path = write_rdf(seed_store, tmp_path / "seed.ttl", "turtle")
    return rdflib.Graph().parse(path, format="turtle")
