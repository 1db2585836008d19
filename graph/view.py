"""One self-contained, offline HTML page that draws a graph with vis-network and shows each edge's evidence.

The page is rendered from our own template (``templates/view.html``), not pyvis's: pyvis's template links
Bootstrap and vis-network from CDNs even with ``cdn_resources="in_line"``, and the page must open on a machine
with no network. vis-network's JS and CSS are read from pyvis's installed package and inlined.

Positions are computed here and physics is off, so the browser draws the graph at once instead of running a
simulation that a few hundred nodes never finish.
"""
from __future__ import annotations

import json
import math
import re
from collections import defaultdict, deque
from importlib import resources
from pathlib import Path

import jinja2
import networkx as nx
from markupsafe import Markup
from pyvis.edge import Edge as VisEdge
from pyvis.network import Network
from pyvis.node import Node as VisNode

from .model import Graph
from .schema import EDGE_TYPES, NODE_TYPES

__all__ = ["EDGE_GLOSS", "NODE_STYLE", "layout", "render_html"]

# node type -> colour and vis-network shape; glosses come from the schema. "Unknown" is for an edge end that is
# not in graph.nodes.
_COLOURS: dict[str, tuple[str, str]] = {
    "Person": ("#e15759", "dot"), "Body": ("#4e79a7", "box"), "Post": ("#f28e2b", "diamond"),
    "Meeting": ("#59a14f", "ellipse"), "Document": ("#b07aa1", "square"), "Article": ("#9c9c9c", "triangle"),
}
NODE_STYLE: dict[str, dict[str, str]] = {
    **{t: {"color": _COLOURS[t][0], "shape": _COLOURS[t][1], "gloss": nt.gloss} for t, nt in NODE_TYPES.items()},
    "Unknown": {"color": "#d0d0d0", "shape": "dot", "gloss": "未知"},
}
EDGE_GLOSS: dict[str, str] = {name: e.gloss for name, e in EDGE_TYPES.items()}

SPRING_MAX = 300  # a component this size or smaller gets a force layout; larger ones get typed rings
SPRING_BUDGET = 12_000_000  # sum of n^2 * iterations spent on force layouts (about a second of numpy)
SPACING = 150.0  # pixels between neighbouring nodes, roughly: Chinese labels are wide
RING_ORDER = ("Meeting", "Body", "Post", "Document", "Article", "Person", "Unknown")  # inner to outer
TOOLTIP_PROPS = 6  # how many properties a node's tooltip lists


def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped inside pyvis (9.1.2), made safe to inline in <script>/<style>."""
    lib = resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2")
    js = lib.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = lib.joinpath("vis-network.css").read_text(encoding="utf-8")
    # neither file contains these today; if a later copy does, the escaped forms mean the same in JS/CSS strings
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)
    return js, css


# ---------------------------------------------------------------------------------------------------- layout

def layout(graph: Graph, *, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Pixel positions for every node (and every edge end missing from ``graph.nodes``).

    Each connected component is laid out on its own and the components are packed in rows, biggest first.
    Components of up to SPRING_MAX nodes get networkx's spring layout while a time budget lasts (it costs
    n^2 per iteration, and above 500 nodes networkx needs scipy, which we do not depend on); larger ones get
    rings by node type, each ring ordered by its neighbours' angles so that edges stay short. The rings cost
    O(nodes + edges): 2,000 nodes take milliseconds where a spring layout would take seconds.
    """
    g = nx.Graph()
    g.add_nodes_from(graph.nodes)
    for e in graph.edges.values():
        if e.source != e.target:
            g.add_edge(e.source, e.target)
        else:
            g.add_node(e.source)
    types = {n: (graph.nodes[n].type if n in graph.nodes else "Unknown") for n in g}
    comps = [c for c in nx.connected_components(g) if len(c) > 1]
    lonely = sorted(n for n in g if g.degree(n) == 0)

    blocks: list[dict[str, tuple[float, float]]] = []
    budget = SPRING_BUDGET
    for comp in sorted(comps, key=len):  # small first: many small components all get the force layout
        n = len(comp)
        iterations = 100 if n <= 100 else 50
        sub = g.subgraph(comp)
        if n <= SPRING_MAX and n * n * iterations <= budget:
            budget -= n * n * iterations
            raw = nx.spring_layout(sub, seed=seed, iterations=iterations)
            scale = SPACING * 0.7 * math.sqrt(n) + SPACING * 0.5
            blocks.append({k: (float(x) * scale, float(y) * scale) for k, (x, y) in raw.items()})
        else:
            blocks.append(_rings(sub, types))
    if lonely:
        cols = max(1, math.ceil(math.sqrt(len(lonely))))
        blocks.append({k: ((i % cols) * SPACING, (i // cols) * SPACING * 0.6) for i, k in enumerate(lonely)})
    return _pack(blocks)


def _rings(g: nx.Graph, types: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Concentric rings by node type; within a ring, nodes sit near the mean angle of their neighbours."""
    rings: dict[str, list[str]] = defaultdict(list)
    # a breadth-first order from the busiest node gives connected nodes nearby starting angles
    start = max(g.degree, key=lambda kv: kv[1])[0]
    seen, queue = {start}, deque([start])
    while queue:
        v = queue.popleft()
        rings[types[v]].append(v)
        for w in g[v]:
            if w not in seen:
                seen.add(w)
                queue.append(w)
    angle: dict[str, float] = {}

    def spread(members: list[str]) -> None:
        for i, v in enumerate(members):
            angle[v] = 2 * math.pi * i / len(members)

    for members in rings.values():
        spread(members)
    for _ in range(8):  # barycentre sweeps: sort each ring by the circular mean of its neighbours' angles
        for t in RING_ORDER:
            if not rings.get(t):
                continue
            members = rings[t]

            def mean_angle(v: str) -> float:
                sx = sum(math.cos(angle[w]) for w in g[v])
                sy = sum(math.sin(angle[w]) for w in g[v])
                return math.atan2(sy, sx) % (2 * math.pi) if (sx or sy) else angle[v]

            members.sort(key=mean_angle)
            spread(members)
    out, radius = {}, 0.0
    for t in RING_ORDER:
        if not rings.get(t):
            continue
        members = rings[t]
        radius = max(radius + SPACING * 1.5, len(members) * SPACING * 0.6 / (2 * math.pi))
        for v in members:
            out[v] = (radius * math.cos(angle[v]), radius * math.sin(angle[v]))
    return out


def _pack(blocks: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """Place blocks left to right in rows of about equal width (biggest first); positions rounded to 0.1 px."""
    boxes = []
    for pos in blocks:
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys), pos))
    boxes.sort(key=lambda b: (b[2] + SPACING) * (b[3] + SPACING), reverse=True)
    area = sum((b[2] + SPACING) * (b[3] + SPACING) for b in boxes)
    row_width = max([b[2] + SPACING for b in boxes] + [math.sqrt(area) * 1.4]) if boxes else 0.0
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for x0, y0, w, h, pos in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + SPACING, 0.0
        for k, (px, py) in pos.items():
            out[k] = (round(px - x0 + x, 1), round(py - y0 + y, 1))
        x += w + SPACING
        row_height = max(row_height, h)
    return out


# ---------------------------------------------------------------------------------------------------- data

def _short(value, limit: int = 80) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain(value):
    """A JSON-safe copy of a property value (sets, dates and other objects become strings)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


def _article_info(graph: Graph, articles: dict[str, dict] | None, aid: str) -> dict:
    """Title, date and paper of an article: the ``articles`` entry wins over the Article node's props."""
    node = graph.nodes.get(aid)
    info = dict(node.props) if node is not None else {}
    if node is not None and not info.get("title"):
        info["title"] = node.label
    given = {k: v for k, v in ((articles or {}).get(aid) or {}).items() if v not in (None, "")}
    if "date" in given and "published" not in given:  # the caller's "date" is the publication day
        given["published"] = given["date"]
    info.update(given)
    if not info.get("published") and info.get("date"):
        info["published"] = info["date"]
    keep = ("title", "published", "newspaper", "source", "url")
    return {k: _plain(info[k]) for k in keep if info.get(k) not in (None, "")}


def _network(graph: Graph, articles: dict[str, dict] | None) -> tuple[Network, dict]:
    """A pyvis Network holding the vis-network node and edge records, and the details the side panel shows."""
    pos = layout(graph)
    net = Network(directed=True)
    net.toggle_physics(False)
    # pyvis's add_node / add_edge check membership in plain lists (add_edge scans every node id for each
    # edge, and for undirected networks every edge too), which is quadratic: seconds at 10,000 edges. Every
    # id here is unique by construction, so the records are built with pyvis's Node/Edge classes and appended
    # to the network's lists directly.
    node_info: dict[str, dict] = {}
    ends = list(graph.nodes) + [v for v in pos if v not in graph.nodes]
    for nid in ends:
        n = graph.nodes.get(nid)
        ntype, label, props = (n.type, n.label, n.props) if n is not None else ("Unknown", nid, {})
        style = NODE_STYLE[ntype]
        props = {k: _plain(v) for k, v in props.items() if v not in (None, "", [], {})}
        tip = [f"{ntype} {style['gloss']}", label or nid]
        tip += [f"{k}: {_short(v)}" for k, v in list(props.items())[:TOOLTIP_PROPS]]
        x, y = pos.get(nid, (0.0, 0.0))
        colour = style["color"]
        record = VisNode(nid, style["shape"], label=_short(label or nid, 60), x=x, y=y, title="\n".join(tip),
                         color={"background": colour, "border": _darker(colour),
                                "highlight": {"background": colour, "border": "#111111"},
                                "hover": {"background": colour, "border": "#111111"}}).options
        if style["shape"] in ("box", "ellipse"):
            record["font"] = {"color": "#ffffff"}
        net.nodes.append(record)
        net.node_ids.append(nid)
        net.node_map[nid] = record
        node_info[nid] = {"type": ntype, "gloss": style["gloss"], "label": label or nid, "props": props}

    # parallel edges (e.g. reviewed + approved between one meeting and one document) get curves that differ
    pairs: dict[frozenset, list[tuple[str, str, str]]] = defaultdict(list)
    for key in graph.edges:
        pairs[frozenset((key[0], key[2]))].append(key)
    bend: dict[tuple[str, str, str], dict] = {}
    for keys in pairs.values():
        if len(keys) < 2:
            continue
        lo = min(k[0] for k in keys)
        for i, key in enumerate(keys):
            clockwise = (i % 2 == 0) == (key[0] == lo)
            bend[key] = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
                         "roundness": 0.18 * (i // 2 + 1)}

    edge_info: dict[str, dict] = {}
    article_info: dict[str, dict] = {}
    for i, (key, e) in enumerate(graph.edges.items()):
        eid = f"e{i}"
        gloss = EDGE_GLOSS.get(e.type, "")
        n_src = len({ev.article for ev in e.evidence})
        sources = f"{len(e.evidence)} evidence item{'s' if len(e.evidence) != 1 else ''}, " \
                  f"{n_src} article{'s' if n_src != 1 else ''}"
        src_label = node_info[e.source]["label"]
        dst_label = node_info[e.target]["label"]
        record = VisEdge(e.source, e.target, directed=True, id=eid, label=f"{e.type} {gloss}".strip(),
                         title=f"{e.type} {gloss}\n{_short(src_label, 40)} → {_short(dst_label, 40)}\n"
                               f"{sources}").options
        if key in bend:
            record["smooth"] = bend[key]
        net.edges.append(record)
        evidence = []
        for ev in e.evidence:
            if ev.article not in article_info:
                article_info[ev.article] = _article_info(graph, articles, ev.article)
            evidence.append({"article": ev.article, "start": ev.start, "end": ev.end, "quote": ev.quote,
                             "observed": ev.observed})
        edge_info[eid] = {"type": e.type, "gloss": gloss, "from": e.source, "to": e.target, "evidence": evidence,
                          "first_seen": e.first_seen, "last_seen": e.last_seen}
    return net, {"nodes": node_info, "edges": edge_info, "articles": article_info}


def _darker(colour: str, by: float = 0.7) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"#{int(r * by):02x}{int(g * by):02x}{int(b * by):02x}"


def _options(net: Network, n_nodes: int) -> dict:
    """pyvis's options (physics off) completed with what this page needs."""
    _, _, _, _, _, options_json = net.get_network_data()
    options = json.loads(options_json)
    font = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
    options["physics"] = {"enabled": False}
    options["layout"] = {"improvedLayout": False, "randomSeed": 7}
    options["interaction"] = {**options.get("interaction", {}), "hover": True, "tooltipDelay": 120,
                              "multiselect": False, "navigationButtons": False, "keyboard": False,
                              "hideEdgesOnDrag": n_nodes > 1000, "hideEdgesOnZoom": n_nodes > 1000}
    options["nodes"] = {"font": {"face": font, "size": 14, "color": "#222222"}, "size": 14, "borderWidth": 1.5,
                        "widthConstraint": {"maximum": 170}, "margin": 8}
    options["edges"] = {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "smooth": {"enabled": False},
                        "color": {"color": "#9aa3ad", "highlight": "#222222", "hover": "#555555", "inherit": False},
                        "font": {"face": font, "size": 11, "color": "#555555", "strokeWidth": 3,
                                 "strokeColor": "#ffffff", "align": "middle"},
                        "width": 1.2, "selectionWidth": 2}
    options.pop("configure", None)
    return options


def render_html(graph: Graph, path, *, title: str = "govgraph", articles: dict[str, dict] | None = None) -> Path:
    """Write the view of ``graph`` to ``path`` as one HTML file that loads nothing from the network.

    ``articles`` maps an Article node id to {"title", "published" (or "date"), "newspaper", ...}; it is shown
    in the side panel next to each piece of evidence and overrides the Article node's own properties.
    """
    net, details = _network(graph, articles)
    nodes, edges, _, _, _, _ = net.get_network_data()
    data = {"nodes": nodes, "edges": edges, "options": _options(net, len(nodes)), "details": details}
    counts: dict[str, int] = defaultdict(int)
    for rec in details["nodes"].values():
        counts[rec["type"]] += 1
    legend = [{"type": t, "gloss": s["gloss"], "color": s["color"], "shape": s["shape"], "count": counts[t]}
              for t, s in NODE_STYLE.items() if counts[t] or t in NODE_TYPES]
    env = jinja2.Environment(loader=jinja2.PackageLoader("govgraph.graph", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    js, css = _vis_assets()
    html = env.get_template("view.html").render(
        title=title, data=data, legend=legend, node_count=len(nodes), edge_count=len(edges),
        edge_types=[(t, EDGE_GLOSS[t]) for t in EDGE_TYPES], vis_js=Markup(js), vis_css=Markup(css))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path
