"""Neo4j Browser beside the test server: `neo4j-server start --http` serves HTTP on 127.0.0.1 too.

One server of this module's own (free ports, its own state folder) is started with HTTP and stopped at the end;
it is checked with a real HTTP client, the Bolt driver and, when Chromium is there, the Browser page itself.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request
from dataclasses import dataclass

import pytest

from ..conftest import ROOT, free_port, need

pytestmark = pytest.mark.neo4j

SCRIPT = ROOT / "tools" / "neo4j" / "neo4j-server"
PASSWORD = "browser-pw"
PROBES = 37  # nodes written through Bolt, then counted over HTTP and in the Browser


@dataclass(frozen=True)
class Server:
    bolt: str
    http: str  # base URL, ends with "/"
    home: str  # its GOVGRAPH_NEO4J_HOME (pid file, log)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    need(shutil.which("java") is not None, "Java 17+ for tools/neo4j/neo4j-server")
    home = tmp_path_factory.mktemp("neo4j-http")
    env = dict(os.environ, GOVGRAPH_NEO4J_HOME=str(home))
    port = str(free_port())
    start = [str(SCRIPT), "start", "--port", port, "--data", str(home / "data"), "--password", PASSWORD,
             "--timeout", "180", "--http"]
    try:
        done = subprocess.run(start, env=env, capture_output=True, text=True, timeout=400)
        assert done.returncode == 0, done.stderr[-3000:]
        lines = done.stdout.split()
        assert len(lines) == 2, done.stdout
        srv = Server(lines[0], lines[1], str(home))
        with driver(srv) as d:
            d.execute_query("UNWIND range(1, $n) AS i CREATE (:BrowserProbe {i: i})", n=PROBES)
        yield srv
    finally:
        subprocess.run([str(SCRIPT), "stop", "--port", port], env=env, capture_output=True, timeout=120)


def driver(srv: Server):
    from neo4j import GraphDatabase

    return GraphDatabase.driver(srv.bolt, auth=("neo4j", PASSWORD))


def http(url: str, body: dict | None = None, password: str | None = PASSWORD) -> tuple[int, str, str]:
    """One request with urllib; answers (status, content type, text), error statuses included."""
    req = urllib.request.Request(url, data=None if body is None else json.dumps(body).encode("utf-8"))
    req.add_header("Accept", "application/json" if body is not None else "*/*")
    if body is not None:
        req.add_header("Content-Type", "application/json")
    if password is not None:
        token = base64.b64encode(f"neo4j:{password}".encode()).decode()
        req.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read().decode("utf-8")


COUNT = {"statements": [{"statement": "MATCH (n:BrowserProbe) RETURN count(n) AS total", "parameters": {}}]}


def test_http_listens_on_loopback_beside_bolt(server):
    assert server.bolt.startswith("bolt://127.0.0.1:")
    assert server.http.startswith("http://127.0.0.1:") and server.http.endswith("/")
    assert server.http.rsplit(":", 1)[1] != server.bolt.rsplit(":", 1)[1]


def test_discovery_document_names_the_bolt_addresses(server):
    status, ctype, text = http(server.http, password=None)
    assert status == 200 and "json" in ctype, (status, ctype)
    doc = json.loads(text)
    assert doc["bolt_direct"] == server.bolt
    assert doc["bolt_routing"] == server.bolt.replace("bolt://", "neo4j://")
    assert doc["neo4j_version"].startswith("5.26.")
    assert doc["transaction"].startswith(server.http + "db/")


def test_browser_page_is_served(server):
    status, ctype, text = http(server.http + "browser/", password=None)
    assert status == 200 and ctype.startswith("text/html"), (status, ctype)
    assert "<title>Neo4j Browser</title>" in text


def test_http_cypher_counts_what_bolt_counts(server):
    with driver(server) as d:
        bolt_total = d.execute_query("MATCH (n:BrowserProbe) RETURN count(n) AS total").records[0]["total"]
    status, _, text = http(server.http + "db/neo4j/tx/commit", COUNT)
    assert status == 200, text
    answer = json.loads(text)
    assert answer["errors"] == []
    assert answer["results"][0]["columns"] == ["total"]
    assert answer["results"][0]["data"][0]["row"] == [bolt_total] == [PROBES]


@pytest.mark.parametrize("password", [None, "wrong"])
def test_http_needs_the_password(server, password):
    status, _, text = http(server.http + "db/neo4j/tx/commit", COUNT, password=password)
    assert status == 401, (status, text)
    assert "Unauthorized" in text and "BrowserProbe" not in text


def test_status_and_a_second_start_report_the_same_addresses(server):
    port = server.bolt.rsplit(":", 1)[1]
    env = dict(os.environ, GOVGRAPH_NEO4J_HOME=server.home)
    status = subprocess.run([str(SCRIPT), "status", "--port", port], env=env, capture_output=True, text=True)
    assert status.returncode == 0 and status.stdout.split()[-2:] == [server.bolt, server.http], status.stdout
    again = subprocess.run([str(SCRIPT), "start", "--port", port, "--password", PASSWORD, "--http"], env=env,
                           capture_output=True, text=True, timeout=60)
    assert again.returncode == 0 and again.stdout.split() == [server.bolt, server.http], again.stderr


def test_the_suites_server_stays_bolt_only():
    """tools/run-tests.sh starts its server without HTTP: status names no HTTP address."""
    uri = os.environ.get("NEO4J_URI", "")
    need(uri.startswith("bolt://127.0.0.1:") and bool(os.environ.get("GOVGRAPH_NEO4J_HOME")),
         "the suite's own server (tools/run-tests.sh sets NEO4J_URI and GOVGRAPH_NEO4J_HOME)")
    status = subprocess.run([str(SCRIPT), "status", "--port", uri.rsplit(":", 1)[1]], capture_output=True, text=True)
    assert status.returncode == 0, status.stdout
    assert status.stdout.split() == ["running", "pid", status.stdout.split()[2], uri]


@pytest.mark.browser
def test_an_analyst_logs_in_and_queries_in_the_browser(server):
    """The Browser in headless Chromium: log in as neo4j, run a count, see the number Bolt gives."""
    from .test_view import CHROMIUM, CHROMIUM_ARGS

    exe = CHROMIUM if os.path.isfile(CHROMIUM) else shutil.which("chromium")
    need(exe is not None, "Debian's chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        need(False, "the playwright Python package")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        try:
            page = b.new_page(viewport={"width": 1400, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(server.http + "browser/")
            page.wait_for_selector("input[data-testid='username']", timeout=60_000)
            assert page.input_value("input[data-testid='boltaddress']") == server.bolt.split("//", 1)[1]
            page.fill("input[data-testid='username']", "neo4j")
            page.fill("input[data-testid='password']", PASSWORD)
            page.click("button[data-testid='connect']")
            page.wait_for_selector("text=You are connected as user neo4j", timeout=60_000)
            page.click("[data-testid='activeEditor']")
            page.keyboard.type("MATCH (n:BrowserProbe) RETURN count(n) AS total")
            page.keyboard.press("Enter")
            frame = page.locator("[data-testid='frame']", has_text="RETURN count(n) AS total").first
            frame.get_by_text("Started streaming").wait_for(timeout=60_000)
            cells = frame.inner_text().split()
            assert "total" in cells and str(PROBES) in cells, cells
            assert errors == []
        finally:
            b.close()
