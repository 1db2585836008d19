"""The HTML view: one offline file, drawn by a real headless Chromium, labels shown as text, evidence on click."""
from __future__ import annotations

import re
import shutil

import pytest

from govgraph.graph.model import Evidence, Graph, Node
from govgraph.graph.netview import render_html

from ..conftest import need

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def test_page_is_self_contained(tmp_path, seed_graph):
    html = render_html(seed_graph, tmp_path / "v.html").read_text(encoding="utf-8")
    assert not re.search(r"<(?:script|link|img)[^>]+(?:src|href)=", html), "no external resources"
    assert "vis.Network" in html and "\\u9093\\u7fa4\\u7b56" in html  # 邓群策, as JSON escapes it


def _hostile_graph() -> Graph:
    g = Graph()
    bad = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>"\''
    g.add_node(Node("person/x/a", "Person", bad, {"name": bad}))
    g.add_node(Node("meeting/x/m", "Meeting", "会议</script><script>window.pwned=2</script>", {}))
    g.add_edge("person/x/a", "chaired", "meeting/x/m", Evidence("article/x", 0, 5, bad + "主持", "2024-01-01"))
    return g


def test_labels_are_escaped_in_the_file(tmp_path):
    html = render_html(_hostile_graph(), tmp_path / "v.html").read_text(encoding="utf-8")
    assert "<script>window.pwned" not in html and "<img src=x" not in html


@pytest.fixture(scope="module")
def browser():
    need(shutil.which("chromium") is not None, "Debian's chromium (tools/run-tests.sh installs it)")
    pw_api = pytest.importorskip("playwright.sync_api")
    with pw_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.mark.browser
def test_network_renders_every_node_and_shows_evidence_on_click(browser, tmp_path, seed_graph):
    path = render_html(seed_graph, tmp_path / "v.html", title="seed page")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(path.as_uri())
    page.wait_for_selector('body[data-rendered="1"]', timeout=20000)
    drawn = page.evaluate("Object.keys(govgraphNetwork.getPositions()).length")
    assert drawn == len(seed_graph.nodes)
    # a real click on 朱健's node opens the panel with the sentence that says he chaired the meeting
    zhu = "person/430400/朱健"
    xy = page.evaluate("(id) => govgraphNetwork.canvasToDOM(govgraphNetwork.getPosition(id))", zhu)
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])
    panel = page.locator("#panel")
    assert panel.locator("h2").inner_text() == "朱健"
    assert "市长朱健主持召开市政府2021年第7次常务会议" in panel.inner_text()
    page.close()


@pytest.mark.browser
def test_hostile_labels_never_run(browser, tmp_path):
    path = render_html(_hostile_graph(), tmp_path / "v.html")
    page = browser.new_page()
    page.goto(path.as_uri())
    page.wait_for_selector('body[data-rendered="1"]', timeout=20000)
    page.evaluate("govgraphShow('person/x/a')")
    assert page.evaluate("window.pwned") is None
    assert "<img src=x" in page.locator("#panel h2").inner_text()  # shown as text
    assert page.locator("#panel img").count() == 0
    page.close()
