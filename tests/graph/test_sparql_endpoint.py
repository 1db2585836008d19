"""The SPARQL-endpoint store beyond the shared contract: what a user sees when the server is away or answers an
error, parameters that try to be query text, an ingest run twice, requests split to fit a server's bound, and
the command line with --sparql-endpoint. Against the oxigraph server and Fuseki, started by the tests."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from govgraph.graph.model import Evidence, Graph, Node
from govgraph.graph.stores import StoreError, open_store
from govgraph.graph.stores.sparql_text import bind, where_brace
from govgraph.queries import saved_queries

from ..conftest import ROOT, SPARQL_SERVERS, free_port, open_endpoint

SERVERS = [pytest.param(k, marks=pytest.mark.sparql_server) for k in SPARQL_SERVERS]
HOSTILE = ['a"b', "a\\b", "a\nb\r", "}", '" } ; DROP ALL ; #', "x' } UNION { ?s ?p ?o } #", "\\u0022", '"""',
           "a\\", "<http://evil/>", "?person", "李志刚\" } UNION { ?p ?x ?y } #"]


@pytest.fixture(params=SERVERS)
def server(request):
    return request.getfixturevalue(f"{request.param}_server")


@pytest.fixture
def endpoint(server):
    store = open_endpoint(server)
    yield store
    store.close()


def test_an_unreachable_server_is_one_clear_line():
    url = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(StoreError, match=rf"^cannot reach the SPARQL server at {url}: Connection refused$"):
        open_store("sparql", endpoint=url)
    res = subprocess.run([sys.executable, "-m", "govgraph.graph.cli", "query", "meetings_per_body_month",
                          "--sparql-endpoint", url], capture_output=True, text=True, timeout=120)
    assert res.returncode == 1
    assert res.stderr == f"error: cannot reach the SPARQL server at {url}: Connection refused\n"


def test_a_server_that_never_answers_is_named_with_the_timeout():
    with socket.socket() as silent:  # accepts connections (the kernel's backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/query"
        with pytest.raises(StoreError, match=r"^the SPARQL server at .* did not answer within 0.5 s$"):
            open_store("sparql", endpoint=url, timeout=0.5)


@pytest.mark.parametrize("url,message", [
    ("", "no SPARQL endpoint given: use --sparql-endpoint"),
    ("ftp://h/query", "is not a SPARQL endpoint URL"),
    ("http:///query", "is not a SPARQL endpoint URL"),
])
def test_a_bad_endpoint_url_is_named_before_any_request(url, message):
    with pytest.raises(StoreError, match=message):
        open_store("sparql", endpoint=url)


def test_the_server_s_own_complaint_reaches_the_user(endpoint, server):
    with pytest.raises(StoreError, match=r"^the SPARQL server at \S+ answered 400 [^\n]*: .{10,}") as err:
        endpoint.query("SELECT ?x WHERE { ?x ?y }")
    assert "\n" not in str(err.value) and len(str(err.value)) < 600
    root = "/".join(server.query_url.split("/")[:3])
    for wrong in (root + "/nope/query", server.query_url.rsplit("/", 1)[0] + "/nope"):
        # a path nobody serves: 404 from the oxigraph server, 405 from Fuseki
        with pytest.raises(StoreError, match=r"^(nothing|no SPARQL endpoint) at \S+/nope\S* \(40[45]\): check the"):
            open_store("sparql", endpoint=wrong)


def _named_people(names: list[str]) -> Graph:
    """One meeting chaired by each name."""
    g = Graph()
    g.add_node(Node("body/x/某市政府", "Body", "某市政府", {"name": "某市政府", "kind": "政府"}))
    for i, name in enumerate(names):
        m = f"meeting/x/某市政府/2021-04-{i + 1:02d}/executive"
        g.add_node(Node(m, "Meeting", f"会议 {i}", {"date": f"2021-04-{i + 1:02d}", "kind": "常务会议"}))
        g.add_node(Node(f"person/x/p{i}", "Person", name, {"name": name}))
        ev = Evidence("article/a", 0, 4, "主持会议", None)
        g.add_edge("body/x/某市政府", "convened", m, ev)
        g.add_edge(f"person/x/p{i}", "chaired", m, ev)
    return g


def test_hostile_parameters_are_data_never_query_text(endpoint):
    g = _named_people(HOSTILE)
    endpoint.write(g)
    before = endpoint.counts()
    q = saved_queries()["meetings_chaired_by"]
    for i, name in enumerate(HOSTILE):
        rows = endpoint.run(q, q.bind({"person": name}))[1]
        assert [r[-1] for r in rows] == [f"person/x/p{i}"], repr(name)  # exactly the one who has that name
        assert endpoint.run(q, q.bind({"person": name + "x"}))[1] == [], repr(name)
    back = endpoint.read_graph()
    assert sorted(n.label for n in back.nodes.values() if n.type == "Person") == sorted(HOSTILE)
    assert endpoint.counts() == before


def test_parameters_go_into_the_where_group_never_into_strings_iris_or_comments():
    text = ('# a { in a comment\nSELECT ?a (STR("{") AS ?b) ?p WHERE { ?a <http://x/{y}> "{" . '
            'FILTER(?a <= ?p) }')
    at = where_brace(text)
    assert text[at:].startswith("{ ?a <http")
    bound = bind(text, {"p": 'x" } #'}, lambda v: __import__("pyoxigraph").Literal(v))
    assert ' VALUES (?p) { ("x\\" } #") }' in bound
    assert where_brace("SELECT * WHERE <no brace") is None
    with pytest.raises(StoreError, match="cannot be a query parameter"):
        bind(text, {"p) } #": 1}, str)


def test_an_ingest_run_again_stores_nothing_twice(endpoint):
    from govgraph.graph.ingest import ingest

    files = [ROOT / "graph" / "samples"]
    first = ingest(files, endpoint, chunk_articles=2)
    size, counts, manifest = endpoint.size(), endpoint.counts(), endpoint.manifest()
    assert first.articles and manifest and all(e.state == "done" for e in manifest.values())
    again = ingest(files, endpoint, chunk_articles=2)
    assert again.articles == 0
    assert (endpoint.size(), endpoint.counts(), endpoint.manifest()) == (size, counts, manifest)


def _everything(store) -> tuple:
    """The data graph, the index graph and the counts of a store on a server."""
    index = store.query("SELECT ?s ?p ?o WHERE { GRAPH gg:index { ?s ?p ?o } }")[1]
    return store.size(), store.counts(), {str(t) for t in store.triples()}, sorted(index)


def test_requests_split_to_fit_a_server_give_the_same_store(server, corpus_graph):
    whole = open_endpoint(server)
    whole.write(corpus_graph)
    want = _everything(whole)
    months = whole.run(saved_queries()["meetings_per_body_month"], {"body": ""})
    small = open_endpoint(server, update_bytes=3000)  # dozens of requests, GRAPH blocks cut midway
    small.write(corpus_graph)
    assert _everything(small) == want
    assert small.run(saved_queries()["meetings_per_body_month"], {"body": ""}) == months


def test_a_reader_refuses_writes_and_clearing(endpoint, server):
    reader = open_endpoint(server, read_only=True)
    for attempt in (lambda: reader.write(Graph()), reader.clear, reader.reindex):
        with pytest.raises(StoreError, match="opened read-only"):
            attempt()


def test_the_command_line_ingests_into_a_server_and_queries_it(endpoint, server, tmp_path: Path):
    cli = [sys.executable, "-m", "govgraph.graph.cli"]
    where = ["--sparql-endpoint", server.query_url, "--sparql-update", server.update_url]
    for _ in range(2):
        res = subprocess.run(cli + ["ingest", str(ROOT / "graph" / "samples")] + where, capture_output=True,
                             text=True, timeout=300)
        assert res.returncode == 0, res.stderr
    assert "unchanged since an earlier ingest: skipped" in res.stdout + res.stderr
    res = subprocess.run(cli + ["query", "meetings_per_body_month", "--format", "json"] + where,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    embedded = open_store("oxigraph", path=tmp_path / "emb")
    from govgraph.graph.ingest import ingest

    ingest([ROOT / "graph" / "samples"], embedded)
    cols, want = embedded.run(saved_queries()["meetings_per_body_month"], {"body": ""})
    embedded.close()
    assert rows == [dict(zip(cols, r, strict=True)) for r in want] and rows
