"""`govgraph serve`: a real HTTP server in its own process, asked by a real HTTP client and by SPARQLWrapper."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import rdflib

from govgraph.graph.server import pick
from govgraph.graph.stores import open_store
from govgraph.queries import saved_queries
from tests.conftest import FIXTURES, ROOT


@pytest.fixture(scope="module")
def served(corpus_store):
    """The corpus in a store, and an endpoint over it on a free port; yields (base URL, store folder)."""
    path = corpus_store
    proc = subprocess.Popen([sys.executable, "-m", "govgraph.graph.cli", "serve", "--port", "0", "--store",
                             str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip() if proc.stdout else ""
    if not line.endswith("/sparql"):
        proc.kill()
        pytest.fail(f"the server did not start: {line} {proc.stderr.read() if proc.stderr else ''}")
    yield line[: -len("/sparql")], path
    proc.terminate()
    proc.wait(timeout=10)


def get(url: str, accept: str | None = None, data: bytes | None = None, content_type: str | None = None):
    req = urllib.request.Request(url, data=data)
    if accept:
        req.add_header("Accept", accept)
    if content_type:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


COUNT = "SELECT (COUNT(?m) AS ?n) WHERE { ?m a gg:Meeting }"


def test_select_in_every_results_format(served):
    base, path = served
    with open_store("oxigraph", path=path, read_only=True) as st:
        expected = st.query(COUNT)[1][0][0]
    url = f"{base}/sparql?" + urllib.parse.urlencode({"query": COUNT})
    status, kind, body = get(url, "application/sparql-results+json")
    assert status == 200 and kind.startswith("application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(expected)
    status, kind, body = get(url, "application/sparql-results+xml")
    assert status == 200 and f">{expected}<" in body.decode()
    status, kind, body = get(url, "text/csv")
    assert list(csv.reader(io.StringIO(body.decode()))) == [["n"], [str(expected)]]
    status, kind, body = get(url, "text/tab-separated-values")
    assert body.decode().splitlines()[0] == "?n"
    status, kind, body = get(url, "image/png")
    assert status == 406


def test_post_forms_and_construct(served):
    base, _ = served
    q = "CONSTRUCT { ?p gg:chaired ?m } WHERE { ?p gg:chaired ?m }"
    status, kind, body = get(f"{base}/sparql", "text/turtle", q.encode(), "application/sparql-query")
    assert status == 200 and kind.startswith("text/turtle")
    g = rdflib.Graph().parse(data=body.decode(), format="turtle")
    assert len(g) > 3
    form = urllib.parse.urlencode({"query": "ASK { ?p gg:chaired ?m }"}).encode()
    status, _, body = get(f"{base}/sparql", "application/sparql-results+json", form,
                          "application/x-www-form-urlencoded")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_sparqlwrapper_reads_it(served):
    from SPARQLWrapper import JSON, SPARQLWrapper

    base, _ = served
    sw = SPARQLWrapper(f"{base}/sparql")
    sw.setQuery("PREFIX gg: <https://govgraph.org/ontology#> SELECT ?name WHERE { ?p gg:chaired ?m ; gg:name ?name }")
    sw.setReturnFormat(JSON)
    names = {b["name"]["value"] for b in sw.query().convert()["results"]["bindings"]}  # type: ignore[index]
    assert "朱健" in names


def test_rdflib_reads_it_as_a_graph(served):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    base, path = served
    remote = rdflib.Graph(SPARQLStore(query_endpoint=f"{base}/sparql"))
    chaired = rdflib.URIRef("https://govgraph.org/ontology#chaired")
    with open_store("oxigraph", path=path, read_only=True) as st:
        expected = st.query("SELECT (COUNT(*) AS ?n) WHERE { ?p gg:chaired ?m }")[1][0][0]
    assert len(list(remote.triples((None, chaired, None)))) == expected > 0


def test_read_only(served):
    base, _ = served
    for data, kind in ((b"INSERT DATA { <http://a> <http://b> <http://c> }", "application/sparql-update"),
                       (urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(), "application/x-www-form-urlencoded")):
        for where in ("/sparql", "/update"):
            status, _, _ = get(base + where, None, data, kind)
            assert status == 403
    q = urllib.parse.urlencode({"query": "INSERT DATA { <http://a> <http://b> <http://c> }"})
    status, _, body = get(f"{base}/sparql?{q}")
    assert status == 400 and b"updates are not run" in body
    status, _, body = get(f"{base}/sparql?" + urllib.parse.urlencode({"query": "ASK { <http://a> ?p ?o }"}),
                          "application/sparql-results+json")
    assert json.loads(body)["boolean"] is False


def test_saved_queries_through_http_give_the_store_answers(served):
    base, path = served
    status, _, body = get(f"{base}/queries")
    listing = {q["name"]: q for q in json.loads(body)}
    assert set(listing) == set(saved_queries()) and listing["meetings_chaired_by"]["params"][0]["name"] == "person"
    q = saved_queries()["meetings_chaired_by"]
    with open_store("oxigraph", path=path, read_only=True) as st:
        cols, rows = st.run(q, q.bind({"person": "朱健"}))
    status, kind, body = get(f"{base}/queries/meetings_chaired_by?" + urllib.parse.urlencode({"person": "朱健"}))
    assert status == 200 and kind.startswith("application/json")
    got = json.loads(body)
    assert got["columns"] == cols and [tuple(r[c] for c in cols) for r in got["rows"]] == rows and rows
    status, _, body = get(f"{base}/queries/meetings_chaired_by?person=%E6%9C%B1%E5%81%A5", "text/csv")
    assert body.decode().splitlines()[0] == ",".join(cols)
    status, kind, body = get(f"{base}/queries/meetings_chaired_by.rq")
    assert status == 200 and body.decode() == q.sparql
    assert get(f"{base}/queries/meetings_chaired_by")[0] == 400  # the parameter is missing
    assert get(f"{base}/queries/no_such_query")[0] == 404
    assert get(f"{base}/nowhere")[0] == 404


def test_the_index_page_escapes_what_it_shows(served):
    base, _ = served
    status, kind, body = get(base + "/")
    assert status == 200 and kind.startswith("text/html") and b"/queries/person_timeline.rq" in body


def test_an_ingest_while_serving_shows_on_the_next_request(tmp_path):
    from click.testing import CliRunner

    from govgraph.graph.cli import main

    path = tmp_path / "store"
    assert CliRunner().invoke(main, ["ingest", str(ROOT / "graph" / "samples"), "--store", str(path)]).exit_code == 0
    proc = subprocess.Popen([sys.executable, "-m", "govgraph.graph.cli", "serve", "--port", "0", "--store",
                             str(path)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        q = url + "?" + urllib.parse.urlencode({"query": "SELECT (COUNT(?a) AS ?n) WHERE { ?a a gg:Article }"})
        before = int(json.loads(get(q)[2])["results"]["bindings"][0]["n"]["value"])
        res = CliRunner().invoke(main, ["ingest", str(FIXTURES / "identity"), "--store", str(path)])
        assert res.exit_code == 0, res.output
        after = int(json.loads(get(q)[2])["results"]["bindings"][0]["n"]["value"])
        assert after > before
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_taken_port_is_one_line(served):
    port = urllib.parse.urlsplit(served[0]).port
    res = subprocess.run([sys.executable, "-m", "govgraph.graph.cli", "serve", "--port", str(port), "--store",
                          str(served[1])], capture_output=True, text=True, timeout=60)
    assert res.returncode == 1 and "is taken" in res.stderr and "Traceback" not in res.stderr


@pytest.mark.parametrize(("accept", "offered", "chosen"), [
    (None, ["a/x", "b/y"], "a/x"),
    ("b/y", ["a/x", "b/y"], "b/y"),
    ("b/*;q=0.5, a/x;q=0.2", ["a/x", "b/y"], "b/y"),
    ("*/*;q=0.1, a/x", ["b/y", "a/x"], "a/x"),
    ("a/x;q=0, */*", ["a/x", "b/y"], "b/y"),
    ("c/z", ["a/x", "b/y"], None),
    ("text/html,application/xhtml+xml,*/*;q=0.8", ["application/json", "text/csv"], "application/json"),
])
def test_content_negotiation(accept, offered, chosen):
    assert pick(accept, offered) == chosen


def test_the_endpoint_module_never_string_builds_queries():
    text = (Path(__file__).resolve().parents[2] / "graph" / "server" / "endpoint.py").read_text(encoding="utf-8")
    assert "format(" not in text.replace("log_message(self, format", "") and "% (" not in text
