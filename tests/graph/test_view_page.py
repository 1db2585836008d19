"""The page as an analyst works in it, in a real headless Chromium: search, filters, legend, panel, Chinese glyphs.

Screenshots go to out/screenshots/ (a person can look at them); assertions are on the page's state and pixels.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from govgraph.graph.model import Evidence, Graph, Node
from govgraph.graph.views import Link, View, render_html, render_view

from . import test_view
from .test_view import HOSTILE_IMG, HOSTILE_SCRIPT, person

SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"

# the same real Chromium as test_view.py, started once for this module
browser = test_view.browser
open_view = test_view.open_view


def two_bodies() -> Graph:
    """Two bodies, each with a meeting in a different month, sharing one person."""
    g = Graph()
    for b, name in (("body/1/甲市政府", "甲市政府"), ("body/2/乙市委", "乙市委")):
        g.add_node(Node(b, "Body", name, {"name": name}))
    for i, (b, day) in enumerate((("body/1/甲市政府", "2023-01-10"), ("body/2/乙市委", "2023-06-20"))):
        m, a = f"meeting/{i}", f"article/{i}"
        g.add_node(Node(m, "Meeting", f"会议{i}", {"date": day}))
        g.add_node(Node(a, "Article", f"报道{i}", {"title": f"报道{i}", "published": day}))
        ev = Evidence(a, 0, 12, f"第{i}次会议由主持人主持", day)
        g.add_edge(b, "convened", m, ev)
        g.add_edge(a, "describes", m, ev)
        g.add_node(Node(f"person/{i}", "Person", f"独{i}", {"name": f"独{i}"}))
        g.add_edge(f"person/{i}", "attended", m, ev)
    g.add_node(Node("person/both", "Person", "共同人", {"name": "共同人"}))
    g.add_edge("person/both", "chaired", "meeting/0", Evidence("article/0", 0, 12, "共同人主持第0次会议", "2023-01-10"))
    g.add_edge("person/both", "chaired", "meeting/1", Evidence("article/1", 0, 12, "共同人主持第1次会议", "2023-06-20"))
    g.add_node(Node("post/1", "Post", "甲市市长", {"name": "甲市市长"}))
    g.add_edge("person/both", "holds_post", "post/1", Evidence("article/0", 13, 20, "市长共同人", "2023-01-10"))
    return g


def hidden(page) -> dict[str, bool]:
    return page.evaluate("Object.fromEntries(window.govgraphData.nodes.get().map(n => [n.id, !!n.hidden]))")


@pytest.mark.browser
def test_search_finds_and_focuses_a_node_by_any_part_of_its_name(tmp_path, seed_graph, open_view):
    page = open_view(render_html(seed_graph, tmp_path / "v.html"))
    deng = person(seed_graph, "邓群策")
    page.click("#search")
    page.keyboard.type("群策")
    assert "邓群策" in page.inner_text("#results")
    page.keyboard.press("Enter")
    assert page.evaluate("window.govgraphNetwork.getSelectedNodes()") == [deng]
    assert page.evaluate("document.body.dataset.focused") == deng
    # the view is centred on the node
    gap = page.evaluate("""(id) => { const n = window.govgraphNetwork, p = n.getPosition(id), v = n.getViewPosition();
                                     return Math.hypot(p.x - v.x, p.y - v.y); }""", deng)
    assert gap < 1
    assert "邓群策" in page.inner_text("#panel")
    # a click on a result does the same
    page.fill("#search", "朱健")
    page.click("#results button")
    assert page.evaluate("window.govgraphNetwork.getSelectedNodes()") == [person(seed_graph, "朱健")]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "search-focus.png"))


@pytest.mark.browser
def test_legend_hides_and_shows_a_type(tmp_path, open_view):
    g = two_bodies()
    page = open_view(render_html(g, tmp_path / "v.html"))
    people = {n.id for n in g.nodes.values() if n.type == "Person"}
    page.click('#legend button[data-key="t:Person"]')
    state = hidden(page)
    assert {n for n, h in state.items() if h} == people
    assert page.get_attribute('#legend button[data-key="t:Person"]', "aria-pressed") == "false"
    assert page.evaluate("document.body.dataset.visible") == str(len(g.nodes) - len(people))
    page.click('#legend button[data-key="t:Person"]')
    assert not any(hidden(page).values())


@pytest.mark.browser
def test_body_and_date_filters_hide_what_they_should(tmp_path, open_view):
    g = two_bodies()
    page = open_view(render_html(g, tmp_path / "v.html"))
    page.select_option("#body-filter", label="乙市委")
    shown = {n for n, h in hidden(page).items() if not h}
    assert shown == {"body/2/乙市委", "meeting/1", "article/1", "person/1", "person/both"}
    page.click("#reset")
    assert not any(hidden(page).values())
    page.fill("#date-from", "2023-05-01")
    page.dispatch_event("#date-from", "change")
    shown = {n for n, h in hidden(page).items() if not h}
    assert "meeting/1" in shown and "meeting/0" not in shown and "article/0" not in shown
    assert "person/both" in shown and "person/0" not in shown  # 独0 was only at the January meeting
    assert "body/1/甲市政府" not in shown  # its only meeting is out of range
    page.fill("#date-to", "2023-05-31")
    page.dispatch_event("#date-to", "change")
    assert {n for n, h in hidden(page).items() if not h} & {"meeting/0", "meeting/1"} == set()


@pytest.mark.browser
def test_the_panel_shows_the_quote_in_words_that_fit_the_edge(tmp_path, open_view):
    g = two_bodies()
    page = open_view(render_html(g, tmp_path / "v.html"))
    ids = page.evaluate("window.govgraphData.edges.get().map(e => [e.id, e.from, e.to])")
    eid = {(f, t): i for i, f, t in ids}
    page.evaluate(f"window.govgraphShow('{eid[('person/both', 'post/1')]}')")
    panel = page.inner_text("#panel")
    assert "市长共同人" in panel and "共同人 holds the post 甲市市长" in panel and "as of 2023-01-10" in panel
    assert "holds on" not in panel
    page.evaluate(f"window.govgraphShow('{eid[('person/both', 'meeting/1')]}')")
    panel = page.inner_text("#panel")
    assert "共同人主持第1次会议" in panel and "chaired on 2023-06-20" in panel


@pytest.mark.browser
def test_search_results_and_page_text_never_run_markup(tmp_path, open_view):
    from .test_view import hostile_graph

    page = open_view(render_html(hostile_graph(), tmp_path / "v.html", title=HOSTILE_SCRIPT))
    page.fill("#search", "<script")
    assert HOSTILE_SCRIPT in page.inner_text("#results")
    page.fill("#search", "<img")
    page.click("#results button")
    assert page.evaluate("document.querySelectorAll('#results img, #panel img, #panel script').length") == 0
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert HOSTILE_IMG in page.inner_text("#panel")


def _no_system_cjk_font() -> bool:
    try:
        out = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return True
    return not out.strip()


GLYPH_PROBE = """(face) => {
  // draws each character alone and returns its pixels: with no glyph, every character is the same box
  const chars = ["邓", "群", "策", "会", "议", "市"];
  const c = document.createElement("canvas"); c.width = 40; c.height = 40;
  const ctx = c.getContext("2d", { willReadFrequently: true });
  return chars.map(ch => {
    ctx.clearRect(0, 0, 40, 40); ctx.fillStyle = "#000"; ctx.font = "28px " + face; ctx.fillText(ch, 4, 32);
    const px = ctx.getImageData(0, 0, 40, 40).data; let s = "";
    for (let i = 3; i < px.length; i += 4) s += px[i] > 128 ? "1" : "0";
    return s;
  });
}"""


@pytest.mark.browser
def test_chinese_labels_render_with_the_embedded_font_not_as_boxes(tmp_path, seed_graph, open_view):
    SHOTS.mkdir(parents=True, exist_ok=True)
    with_font = open_view(render_html(seed_graph, tmp_path / "with.html"))
    face = "'govgraph-cjk', sans-serif"
    assert with_font.evaluate("document.fonts.check(\"14px 'govgraph-cjk'\", '邓群策')")
    glyphs = with_font.evaluate(GLYPH_PROBE, face)
    assert len(set(glyphs)) == len(glyphs), "each character draws its own glyph"
    assert all(g.count("1") > 20 for g in glyphs)
    with_font.evaluate("window.govgraphShow(window.govgraphData.nodes.get()[0].id)")
    with_font.screenshot(path=str(SHOTS / "view-with-embedded-font.png"))

    without = open_view(render_html(seed_graph, tmp_path / "without.html", embed_font=False))
    without.screenshot(path=str(SHOTS / "view-without-embedded-font.png"))
    if _no_system_cjk_font():
        # this machine has no Chinese font: without the embedded subset every character is the same box (tofu)
        assert len(set(without.evaluate(GLYPH_PROBE, face))) == 1
    # the embedded subset holds only what the page uses: a few hundred glyphs, not the font's 30,000
    html = (tmp_path / "with.html").read_text(encoding="utf-8")
    assert "data:font/woff2;base64," in html and len(html) - len((tmp_path / "without.html").read_text()) < 400_000


@pytest.mark.browser
def test_co_attendance_and_timeline_pages_draw(tmp_path, open_view):
    g = Graph()
    for i, name in enumerate(("甲", "乙", "丙")):
        g.add_node(Node(f"person/{i}", "Person", name, {"name": name}))
    links = [Link("person/0", "person/1", 3, meetings=[("常务会议", "2023-01-10")]), Link("person/1", "person/2", 1)]
    v = View(g, title="同会", links=links, groups={"person/0": 0, "person/1": 0, "person/2": 1},
             group_names={0: "community 1: 甲 …", 1: "community 2: 丙 …"}, sizes={"person/0": 30.0})
    page = open_view(render_view(v, tmp_path / "co.html"))
    assert page.evaluate("window.govgraphData.edges.length") == 2
    page.evaluate("window.govgraphShow('l0')")
    panel = page.inner_text("#panel")
    assert "took part in meetings together with" in panel and "常务会议 · 2023-01-10" in panel
    page.click('#legend button[data-key="g:1"]')
    assert hidden(page) == {"person/0": False, "person/1": False, "person/2": True}
    page.screenshot(path=str(SHOTS / "co-attendance.png"))
