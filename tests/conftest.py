"""Shared test fixtures: paths to the seed page and the fixture sets, and a fresh embedded store."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
SEED = SHARED / "seed-page-hengyang-2021-04-22.txt"
FIXTURES = ROOT / "tests" / "fixtures"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def free_port() -> int:
    """A loopback port nothing listens on now (for a server a test starts itself)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def need(condition: bool, why: str):
    """Skip locally when a real part is missing; in CI a missing part is a failure, never a skip."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required in CI: {why}")
    pytest.skip(why)


@pytest.fixture
def seed_path() -> Path:
    need(SEED.is_file(), f"the seed page at {SEED}")
    return SEED


@pytest.fixture
def store(tmp_path):
    from govgraph.graph.stores import open_store

    s = open_store("oxigraph", path=tmp_path / "store")
    yield s
    s.close()


@pytest.fixture
def neo():
    """The test Neo4j server as an empty store (emptied again after the test)."""
    need(bool(os.environ.get("NEO4J_URI")), "a Neo4j server (NEO4J_URI; tools/run-tests.sh starts one)")
    from govgraph.graph.stores import open_store

    store = open_store("neo4j")
    store.clear()
    yield store
    store.clear()
    store.close()


@pytest.fixture
def seed_graph(seed_path):
    from govgraph.graph.ingest import read_graph

    rep = read_graph([seed_path])
    assert not rep.errors
    return rep.graph


@pytest.fixture(scope="module")
def corpus_graph():
    """A small corpus of several papers, days and cities as one graph."""
    from govgraph.graph.ingest import expand, read_graph

    need(SEED.is_file(), f"the seed page at {SEED}")
    rep = read_graph(expand([SEED, ROOT / "graph" / "samples", FIXTURES / "identity"]))
    assert not rep.errors
    return rep.graph


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory, corpus_graph):
    """The folder of an embedded store holding ``corpus_graph``, one for each test module."""
    from govgraph.graph.stores import open_store

    path = tmp_path_factory.mktemp("corpus") / "store"
    with open_store("oxigraph", path=path) as st:
        st.write(corpus_graph)
    return path


def _server(kind: str, tmp_path_factory):
    """A real SPARQL server of ``kind`` for the session (tests/servers.py), stopped at its end."""
    from tests import servers

    start = {"oxigraph": servers.start_oxigraph, "fuseki": servers.start_fuseki}[kind]
    try:
        server = start(tmp_path_factory.mktemp(f"{kind}-server"))
    except servers.ServerMissing as exc:
        need(False, str(exc))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """The oxigraph SPARQL server (PyPI ``oxigraph``) on a free port."""
    yield from _server("oxigraph", tmp_path_factory)


@pytest.fixture(scope="session")
def fuseki_server(tmp_path_factory):
    """Apache Jena Fuseki (in memory, updates on) on a free port."""
    yield from _server("fuseki", tmp_path_factory)


SPARQL_SERVERS = ("oxigraph", "fuseki")


def open_endpoint(server, **options):
    """An empty SPARQL-endpoint store on a test server (what an earlier test left is dropped)."""
    from govgraph.graph.stores import open_store

    store = open_store("sparql", endpoint=server.query_url, update_endpoint=server.update_url, **options)
    if not options.get("read_only"):
        store.clear()
    return store
