"""The interactive HTML view: one self-contained file drawn by vis-network (from the pyvis package).

pyvis's own page template links Bootstrap and vis-network from CDNs; these machines (and many analysts' laptops
on a train) have no network, so we render our own template and inline pyvis's copy of vis-network instead.
Positions are computed here and physics is off: with physics on, a few hundred nodes never settle in a browser.
"""
from __future__ import annotations

import math
from collections import defaultdict
from importlib import resources
from pathlib import Path

import jinja2
import networkx as nx
from markupsafe import Markup

from .model import Graph

STYLE = {  # node type -> (colour, vis shape, Chinese gloss)
    "Person": ("#d9534f", "dot", "人物"),
    "Body": ("#337ab7", "box", "机构"),
    "Post": ("#f0ad4e", "diamond", "职务"),
    "Meeting": ("#5cb85c", "ellipse", "会议"),
    "Document": ("#8e6bbf", "square", "文件"),
    "Article": ("#7f8c8d", "triangle", "报道"),
}
GLOSS = {"chaired": "主持", "attended": "出席", "sat_in": "列席", "spoke_at": "发言", "convened": "召开",
         "reviewed": "审议", "approved": "通过", "heard": "听取", "studied": "学习", "holds_post": "任职",
         "post_in": "属于", "reported": "采写", "describes": "报道", "refers_to": "提及", "leads_task": "牵头"}


def _vis_assets() -> tuple[str, str]:
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def layout(graph: Graph) -> dict[str, tuple[float, float]]:
    """Positions in pixels: a force layout for small graphs, rings by node type for large ones (fast)."""
    ids = list(graph.nodes)
    if not ids:
        return {}
    if len(ids) <= 400:
        g = nx.Graph()
        g.add_nodes_from(ids)
        g.add_edges_from((e.source, e.target) for e in graph.edges.values())
        pos = nx.spring_layout(g, seed=7, iterations=80, k=3.0 / math.sqrt(len(ids)))
        scale = 160 * math.sqrt(len(ids))
        return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in pos.items()}
    by_type = defaultdict(list)
    for n in graph.nodes.values():
        by_type[n.type].append(n.id)
    out, radius = {}, 300.0
    for t in STYLE:
        members = by_type.get(t, [])
        for i, nid in enumerate(members):
            a = 2 * math.pi * i / max(1, len(members))
            out[nid] = (radius * math.cos(a), radius * math.sin(a))
        radius += 120 + 2.2 * math.sqrt(len(members)) * 30
    return out


def view_data(graph: Graph) -> tuple[list[dict], list[dict]]:
    """Node and edge records for vis-network, with the evidence each one needs for its panel."""
    pos = layout(graph)
    articles = {n.id: n for n in graph.nodes.values() if n.type == "Article"}
    nodes = []
    for n in graph.nodes.values():
        colour, shape, gloss = STYLE[n.type]
        x, y = pos.get(n.id, (0.0, 0.0))
        facts = {k: v for k, v in n.props.items() if v not in (None, "", False)}
        nodes.append({"id": n.id, "label": n.label, "shape": shape, "color": colour, "x": x, "y": y,
                      "title": f"{n.type} {gloss}: {n.label}", "group": n.type, "facts": facts})
    edges = []
    for i, e in enumerate(graph.edges.values()):
        ev = []
        for x in e.evidence:
            art = articles.get(x.article)
            ev.append({"article": (art.label if art else x.article), "published": (art.props.get("published") if art else None),
                       "start": x.start, "end": x.end, "quote": x.quote, "day": x.observed})
        edges.append({"id": f"e{i}", "from": e.source, "to": e.target, "label": f"{e.type} {GLOSS.get(e.type, '')}",
                      "arrows": "to", "title": f"{e.type} ({len(e.evidence)} source{'s' if len(e.evidence) != 1 else ''})",
                      "type": e.type, "evidence": ev})
    return nodes, edges


def render_html(graph: Graph, path, *, title: str = "govgraph") -> Path:
    """Write the view of ``graph`` to ``path`` as one HTML file that needs no network."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("govgraph.graph", "templates"),
                             autoescape=jinja2.select_autoescape(["html"]))
    js, css = _vis_assets()
    nodes, edges = view_data(graph)
    legend = [{"type": t, "colour": c, "gloss": g} for t, (c, _, g) in STYLE.items()]
    html = env.get_template("network.html").render(title=title, nodes=nodes, edges=edges, legend=legend,
                                                vis_js=Markup(js), vis_css=Markup(css), node_count=len(nodes), edge_count=len(edges))
    path = Path(path)
    path.write_text(html, encoding="utf-8")
    return path


