"""graph/view.py: one offline HTML page, drawn by a real headless Chromium, labels shown as text, evidence on click."""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import time
from pathlib import Path

import pytest

from govgraph.graph.model import Evidence, Graph, Node
from govgraph.graph.views import EDGE_GLOSS, layout, render_html

# tests/graph/test_view.py -> parents[2] is the repo, parents[3] its parent, which holds shared/corpus
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
SEED = CORPUS / "seed-page-hengyang-2021-04-22.txt"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
IN_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")
HOSTILE_SCRIPT = "<script>window.pwned=1</script>"
HOSTILE_IMG = "<img src=x onerror=window.pwned=1>"


def _require(ok: bool, why: str) -> None:
    """Skip when a real part is missing; in CI a missing part fails instead."""
    if ok:
        return
    if IN_CI:
        pytest.fail(f"CI=true but {why}: the view tests need it (apt-get install -y chromium; pip install playwright)")
    pytest.skip(why)


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    _require(SEED.is_file(), f"the seed page is missing at {SEED}")
    from govgraph.graph.build import build_article
    from govgraph.loaders import load_path
    from govgraph.loaders.extract.pipeline import extract

    g = Graph()
    for article in load_path(SEED).articles:
        g.merge(build_article(article, extract(article)))
    assert len(g.nodes) > 20 and len(g.edges) > 20
    return g


def synthetic_graph(n_nodes: int = 2000, seed: int = 3) -> Graph:
    """Meetings with an article, a document, a convening body and eight people each, till n_nodes nodes."""
    rnd = random.Random(seed)
    g = Graph()
    persons = [f"person/x/p{i}" for i in range(n_nodes * 45 // 100)]
    bodies = [f"body/x/b{i}" for i in range(n_nodes // 20)]
    for p in persons:
        g.add_node(Node(p, "Person", f"人物{p.rsplit('p', 1)[1]}", {"name": p}))
    for b in bodies:
        g.add_node(Node(b, "Body", f"机构{b.rsplit('b', 1)[1]}", {}))
    i = 0
    while len(g.nodes) < n_nodes:
        a, m, d = f"article/a{i}", f"meeting/x/m{i}", f"document/x/d{i}"
        g.add_node(Node(a, "Article", f"报道{i}", {"title": f"报道{i}", "published": "2024-01-01"}))
        g.add_node(Node(m, "Meeting", f"会议{i}", {"date": "2024-01-01"}))
        g.add_node(Node(d, "Document", f"文件{i}", {}))

        def ev(k: int, a: str = a, i: int = i) -> Evidence:
            return Evidence(a, k, k + 10, f"第{i}篇第{k}句", "2024-01-01")

        g.add_edge(a, "describes", m, ev(0))
        g.add_edge(m, "reviewed", d, ev(20))
        g.add_edge(m, "approved", d, ev(20))
        g.add_edge(rnd.choice(bodies), "convened", m, ev(30))
        for k, p in enumerate(rnd.sample(persons, 8)):
            g.add_edge(p, "chaired" if k == 0 else "attended", m, ev(40 + k))
        i += 1
    return g


def hostile_graph() -> Graph:
    g = Graph()
    bad = HOSTILE_SCRIPT + HOSTILE_IMG + "\"'&"
    art = "article/x"
    g.add_node(Node(art, "Article", bad, {"title": bad, "published": "2024-01-01"}))
    g.add_node(Node("person/x/a", "Person", HOSTILE_SCRIPT, {"name": bad}))
    g.add_node(Node("meeting/x/m", "Meeting", HOSTILE_IMG, {"kind": bad}))
    g.add_node(Node("body/x/</script><script>window.pwned=2</script>", "Body", "机构</style>", {}))
    g.add_edge("person/x/a", "chaired", "meeting/x/m", Evidence(art, 0, 40, bad + "主持", "2024-01-01"))
    g.add_edge("body/x/</script><script>window.pwned=2</script>", "convened", "meeting/x/m",
               Evidence(art, 41, 50, "召开" + HOSTILE_IMG, "2024-01-01"))
    return g


def page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="govgraph-data">(.*?)</script>', html, re.S)
    d = re.search(r'<script type="application/json" id="govgraph-details">(.*?)</script>', html, re.S)
    assert m and d, "the page carries its data in two JSON script blocks: the drawing, and the panel's details"
    return {**json.loads(m.group(1)), "details": json.loads(d.group(1))}


def person(graph: Graph, name: str) -> str:
    return next(n.id for n in graph.nodes.values() if n.type == "Person" and n.label == name)


# ------------------------------------------------------------------------------------------ file-level tests

def test_page_is_offline(tmp_path, seed_graph):
    html = render_html(seed_graph, tmp_path / "v.html").read_text(encoding="utf-8")
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I), "an external src/href"
    assert not re.search(r"<script[^>]*\bsrc\s*=", html, re.I), "a <script src=>"
    assert not re.search(r"<link\b", html, re.I) and not re.search(r"@import", html, re.I)
    assert "vis.Network" in html and "vis-network" in html  # the library is inlined


def test_page_data(tmp_path, seed_graph):
    data = page_data(render_html(seed_graph, tmp_path / "v.html", title="衡阳").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == len(seed_graph.nodes) and len(data["edges"]) == len(seed_graph.edges)
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"]), "no two nodes on one spot"
    by_id = {n["id"]: n for n in data["nodes"]}
    deng = by_id[person(seed_graph, "邓群策")]
    assert deng["shape"] == "dot" and deng["title"].startswith("Person 人物\n邓群策")
    chaired = [e for e in data["edges"] if e["label"] == "chaired 主持"]
    assert chaired and all(e["arrows"] == "to" for e in data["edges"])
    assert "evidence item" in chaired[0]["title"]
    article, start, end, quote, _ = data["details"]["edges"][chaired[0]["id"]]["ev"][0]
    assert data["details"]["quotes"][quote] and end > start and article in data["details"]["articles"]
    assert data["details"]["articles"][article]["published"] == "2021-04-22"
    assert data["details"]["readings"]["chaired"] == {"gloss": "主持", "reading": "chaired", "day": "on"}


def test_articles_argument_overrides_article_props(tmp_path, seed_graph):
    aid = next(n.id for n in seed_graph.nodes.values() if n.type == "Article")
    out = render_html(seed_graph, tmp_path / "v.html", articles={aid: {"title": "另一个标题", "date": "2021-04-23"}})
    info = page_data(out.read_text(encoding="utf-8"))["details"]["articles"][aid]
    assert info["title"] == "另一个标题" and info["published"] == "2021-04-23"


def test_hostile_labels_are_escaped_in_the_file(tmp_path):
    html = render_html(hostile_graph(), tmp_path / "v.html", title=HOSTILE_SCRIPT).read_text(encoding="utf-8")
    for raw in (HOSTILE_SCRIPT, HOSTILE_IMG, "</script><script>window.pwned=2", "机构</style>"):
        assert raw not in html
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html  # the page title, escaped by Jinja
    data = page_data(html)
    assert {n["label"] for n in data["nodes"]} >= {HOSTILE_SCRIPT, HOSTILE_IMG}


def test_edge_end_missing_from_nodes_is_drawn(tmp_path):
    g = Graph()
    g.add_node(Node("person/x/a", "Person", "甲", {}))
    g.add_edge("person/x/a", "chaired", "meeting/x/gone", Evidence("article/x", 0, 2, "甲主持", None))
    data = page_data(render_html(g, tmp_path / "v.html").read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} == {"person/x/a", "meeting/x/gone"}


def test_empty_graph(tmp_path):
    data = page_data(render_html(Graph(), tmp_path / "v.html").read_text(encoding="utf-8"))
    assert data["nodes"] == [] and data["edges"] == []


def test_large_graph_is_laid_out_fast(tmp_path):
    g = synthetic_graph(2000)
    t = time.perf_counter()
    pos = layout(g)
    out = render_html(g, tmp_path / "big.html")
    took = time.perf_counter() - t
    assert set(pos) == set(g.nodes) and out.stat().st_size > 0
    assert took < 10, f"layout + render of 2,000 nodes took {took:.1f}s"


def test_every_edge_type_has_a_gloss():
    from govgraph.graph.model import EDGE_TYPES

    assert set(EDGE_TYPES) <= set(EDGE_GLOSS) and all(EDGE_GLOSS[t] for t in EDGE_TYPES)


# ------------------------------------------------------------------------------------------ in a real browser

@pytest.fixture(scope="module")
def browser():
    _require(Path(CHROMIUM).is_file() or shutil.which("chromium") is not None,
             f"Chromium is not installed at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        _require(False, "the playwright Python package is not installed")
    exe = CHROMIUM if Path(CHROMIUM).is_file() else shutil.which("chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def open_view(browser):
    """Open a rendered file, wait for the first draw; the page records every request it makes."""
    pages = []

    def _open(path: Path):
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.requests, page.errors = [], []
        page.on("request", lambda r: page.requests.append(r.url))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.goto(path.resolve().as_uri())
        page.wait_for_selector('body[data-rendered="1"]', state="attached", timeout=60_000)
        pages.append(page)
        return page

    yield _open
    for page in pages:
        page.close()


def click_node(page, nid: str) -> None:
    x, y = page.evaluate(
        """(id) => { const n = window.govgraphNetwork; const p = n.canvasToDOM(n.getPosition(id));
                     const r = document.querySelector('#network canvas').getBoundingClientRect();
                     return [r.left + p.x, r.top + p.y]; }""", nid)
    page.mouse.click(x, y)


@pytest.mark.browser
def test_seed_page_in_chromium(tmp_path, seed_graph, open_view):
    page = open_view(render_html(seed_graph, tmp_path / "v.html"))
    n = len(seed_graph.nodes)
    assert page.evaluate("window.govgraphNetwork.body.data.nodes.length") == n
    assert page.evaluate("Object.keys(window.govgraphNetwork.getPositions()).length") == n
    assert page.evaluate("window.govgraphNetwork.body.data.edges.length") == len(seed_graph.edges)
    assert page.errors == []
    assert all(u.startswith("file:") for u in page.requests) and len(page.requests) == 1, page.requests

    # a real click on 邓群策: the panel lists his edges with the sentences they were read from
    deng = person(seed_graph, "邓群策")
    click_node(page, deng)
    assert page.evaluate("window.govgraphNetwork.getSelectedNodes()") == [deng]
    panel = page.inner_text("#panel")
    assert "邓群策" in panel and "chaired 主持" in panel
    quotes = {ev.quote for e in seed_graph.edges.values() if deng in (e.source, e.target) for ev in e.evidence}
    assert quotes and all(q in panel.replace("\n", "") for q in quotes)
    assert "市委常委会召开扩大会议" in panel  # the article's title beside its evidence

    # a real click on an edge (the straight one whose middle is farthest from any node)
    eid, x, y = page.evaluate("""() => {
        const net = window.govgraphNetwork, pos = net.getPositions();
        const r = document.querySelector('#network canvas').getBoundingClientRect();
        let best = null;
        window.govgraphData.edges.forEach(e => {
          if (e.smooth) return;
          const a = pos[e.from], b = pos[e.to], m = {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};
          const gap = Math.min(...Object.values(pos).map(p => Math.hypot(p.x - m.x, p.y - m.y)));
          if (!best || gap > best.gap) best = {id: e.id, m, gap};
        });
        const d = net.canvasToDOM(best.m);
        return [best.id, r.left + d.x, r.top + d.y];
    }""")
    page.mouse.click(x, y)
    assert page.evaluate("window.govgraphNetwork.getSelectedEdges()") == [eid]
    edge = list(seed_graph.edges.values())[int(eid[1:])]
    panel = page.inner_text("#panel").replace("\n", "")
    assert all(ev.quote in panel for ev in edge.evidence)
    assert f"chars {edge.evidence[0].start}–{edge.evidence[0].end}" in panel


@pytest.mark.browser
def test_hostile_labels_stay_text_in_chromium(tmp_path, open_view):
    g = hostile_graph()
    page = open_view(render_html(g, tmp_path / "v.html", title=HOSTILE_SCRIPT + HOSTILE_IMG))
    assert page.evaluate("window.govgraphNetwork.body.data.nodes.length") == len(g.nodes)
    for nid in ("person/x/a", "meeting/x/m"):
        click_node(page, nid)
        assert page.evaluate("window.govgraphNetwork.getSelectedNodes()") == [nid]
        page.mouse.move(5, 5)
        page.wait_for_timeout(50)
    page.evaluate("window.govgraphShow('e0')")
    panel = page.inner_text("#panel")
    assert HOSTILE_SCRIPT in panel and HOSTILE_IMG in panel  # shown as text
    assert page.evaluate("document.querySelectorAll('#panel img, #panel script, header img').length") == 0
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.title() == HOSTILE_SCRIPT + HOSTILE_IMG
    assert all(u.startswith("file:") for u in page.requests), page.requests  # no <img src=x> was fetched


@pytest.mark.browser
def test_large_graph_draws_in_chromium(tmp_path, open_view):
    g = synthetic_graph(2000)
    t = time.perf_counter()
    page = open_view(render_html(g, tmp_path / "big.html"))
    took = time.perf_counter() - t
    assert page.evaluate("Object.keys(window.govgraphNetwork.getPositions()).length") == len(g.nodes)
    assert took < 30, f"2,000 nodes took {took:.1f}s to render and draw"
