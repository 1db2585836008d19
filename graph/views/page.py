"""One self-contained, offline HTML page that draws a view with vis-network and shows each edge's evidence.

The page is rendered from our own template (``templates/view.html``), not pyvis's: pyvis's template links
Bootstrap and vis-network from CDNs even with ``cdn_resources="in_line"``, and the page must open on a machine
with no network. vis-network's JS and CSS are read from pyvis's installed package and inlined, and a subset of a
CJK font (``fonts.py``) is embedded so that labels read on a machine without Chinese fonts.

The page carries two JSON blocks: what the first draw needs (nodes, edges, options, the facets the search box
and the filters use) and the side panel's details (properties, evidence, articles), parsed on the first click.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..model import Edge, Graph
from ..schema import NODE_TYPES
from . import fonts
from .layout import layout
from .style import COMMUNITY_COLOURS, EDGE_GLOSS, LINK_KINDS, NODE_STYLE, darker, edge_reading

TOOLTIP_PROPS = 6  # how many properties a node's tooltip lists
EDGE_LABELS_MAX = 1500  # above this many edges, edge labels are left to tooltips: drawing them costs seconds
MAX_EVIDENCE = 12  # evidence items per edge carried in the page; the panel says how many more there are
LINK_MEETINGS = 30  # shared meetings listed for a co-attendance link


@dataclass
class Link:
    """A drawn link that is not an edge of the schema: two people who took part in the same meetings."""

    a: str
    b: str
    weight: int
    kind: str = "co_attended"
    meetings: list[tuple[str, str]] = field(default_factory=list)  # (meeting label, date), newest first


@dataclass
class View:
    """Everything one page shows: a model graph, optional links, and how the selection was bounded."""

    graph: Graph
    title: str = "govgraph"
    subtitle: str = ""  # the selection in words (filters, person, body)
    links: list[Link] = field(default_factory=list)
    positions: dict[str, tuple[float, float]] | None = None
    sizes: dict[str, float] = field(default_factory=dict)  # node id -> size in pixels (centrality)
    groups: dict[str, int] = field(default_factory=dict)  # node id -> community, which colours the node
    group_names: dict[int, str] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)  # what the selection did not draw, sentence by sentence
    articles: dict[str, dict] | None = None
    node_dates: dict[str, list[str]] = field(default_factory=dict)  # for the date filter, beside the graph's own
    node_bodies: dict[str, list[str]] = field(default_factory=dict)  # body labels, for the body filter
    focus: str | None = None  # a node to select when the page opens (the ego network's person)


def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped inside pyvis (9.1.2), made safe to inline in <script>/<style>."""
    lib = resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2")
    js = lib.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = lib.joinpath("vis-network.css").read_text(encoding="utf-8")
    # neither file contains these today; if a later copy does, the escaped forms mean the same in JS/CSS strings
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)
    return js, css


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


def _bends(keys: list[tuple[str, str, str]]) -> dict[tuple[str, str, str], dict]:
    """Curves for parallel edges (reviewed + approved between one meeting and one document) that differ."""
    pairs: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for key in keys:
        a, _, b = key
        pairs[(a, b) if a <= b else (b, a)].append(key)
    bend: dict[tuple[str, str, str], dict] = {}
    for group in pairs.values():
        if len(group) < 2:
            continue
        lo = min(k[0] for k in group)
        for i, key in enumerate(group):
            clockwise = (i % 2 == 0) == (key[0] == lo)
            bend[key] = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
                         "roundness": 0.18 * (i // 2 + 1)}
    return bend


def _facets(view: View, ends: list[str], types: dict[str, str]) -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """Per node, the days it belongs to and the bodies it is tied to, for the page's date and body filters.

    A meeting has its day and its convening bodies; an article its publication day; everything else takes the
    days and bodies of the meetings it is joined to (a body is tied to itself, a post to its body).
    """
    g = view.graph
    dates: dict[str, set[str]] = defaultdict(set)
    bodies: dict[str, set[str]] = defaultdict(set)
    label = {nid: (g.nodes[nid].label if nid in g.nodes else nid) for nid in ends}
    for nid in ends:
        n = g.nodes.get(nid)
        if n is None:
            continue
        if n.type == "Meeting" and n.props.get("date"):
            dates[nid].add(str(n.props["date"]))
        elif n.type == "Article" and n.props.get("published"):
            dates[nid].add(str(n.props["published"]))
        elif n.type == "Body":
            bodies[nid].add(n.label)
    for e in g.edges.values():
        if e.type == "convened":
            bodies[e.target].add(label[e.source])
        elif e.type == "post_in":
            bodies[e.source].add(label[e.target])
    meetings = {nid for nid in ends if types[nid] == "Meeting"}
    for e in g.edges.values():
        for m, other in ((e.source, e.target), (e.target, e.source)):
            if m in meetings and other not in meetings and types[other] not in ("Body",):
                dates[other] |= dates[m]
                bodies[other] |= bodies[m]
    for nid, ds in view.node_dates.items():
        dates[nid].update(ds)
    for nid, bs in view.node_bodies.items():
        bodies[nid].update(bs)
    return {k: sorted(v) for k, v in dates.items()}, bodies


def _evidence(e: Edge, quotes: dict[str, int]) -> tuple[list[list], int]:
    """The edge's evidence for the panel; each sentence is kept once per page (``quotes``: text -> index), since
    everyone in one list of attendees is supported by the same sentence."""
    evs = sorted(e.evidence, key=lambda ev: (ev.observed or "", ev.article, ev.start))
    kept = evs[:MAX_EVIDENCE]
    return ([[ev.article, ev.start, ev.end, quotes.setdefault(ev.quote, len(quotes)), ev.observed] for ev in kept],
            len(evs) - len(kept))


def page_data(view: View) -> tuple[dict, dict]:
    """The page's two JSON blocks: what the first draw needs, and the side panel's details."""
    g = view.graph
    pos = view.positions
    if pos is None:
        if view.links and not g.edges:
            from .layout import layout_nodes

            pos = layout_nodes({n: t.type for n, t in g.nodes.items()}, ((k.a, k.b) for k in view.links))
        else:
            pos = layout(g)
    ends = list(g.nodes) + [v for v in pos if v not in g.nodes]
    ends += [v for e in g.edges.values() for v in (e.source, e.target) if v not in g.nodes and v not in pos]
    ends = list(dict.fromkeys(ends))
    types = {nid: (g.nodes[nid].type if nid in g.nodes else "Unknown") for nid in ends}
    dates, node_bodies = _facets(view, ends, types)
    body_names = sorted({b for bs in node_bodies.values() for b in bs})
    body_index = {b: i for i, b in enumerate(body_names)}

    nodes, facets, node_info = [], {}, {}
    for nid in ends:
        n = g.nodes.get(nid)
        ntype, label, props = (n.type, n.label, n.props) if n is not None else ("Unknown", nid, {})
        style = NODE_STYLE[ntype]
        props = {k: _plain(v) for k, v in props.items() if v not in (None, "", [], {})}
        tip = [f"{ntype} {style['gloss']}", label or nid]
        tip += [f"{k}: {_short(v)}" for k, v in list(props.items())[:TOOLTIP_PROPS]]
        x, y = pos.get(nid, (0.0, 0.0))
        colour = style["color"]
        keys = [f"t:{ntype}"]
        if nid in view.groups:
            colour = COMMUNITY_COLOURS[view.groups[nid] % len(COMMUNITY_COLOURS)]
            keys.append(f"g:{view.groups[nid]}")
        record = {"id": nid, "label": _short(label or nid, 60), "shape": style["shape"], "x": float(x),
                  "y": float(y), "title": "\n".join(tip),
                  "color": {"background": colour, "border": darker(colour),
                            "highlight": {"background": colour, "border": "#111111"},
                            "hover": {"background": colour, "border": "#111111"}}}
        if nid in view.sizes:
            record["size"] = round(view.sizes[nid], 1)
        if style["shape"] in ("box", "ellipse"):
            record["font"] = {"color": "#ffffff"}
        nodes.append(record)
        names = [label or nid] + [v for k in ("name", "names", "title") for v in _as_list(props.get(k))]
        facets[nid] = {"k": keys, "d": dates.get(nid, []), "b": sorted(body_index[b] for b in node_bodies.get(nid, ())),
                       "s": " ".join(dict.fromkeys(str(s) for s in names)).lower()}
        node_info[nid] = {"type": ntype, "gloss": style["gloss"], "label": label or nid, "props": props}

    edges: list[dict] = []
    quotes: dict[str, int] = {}
    readings: dict[str, dict[str, str]] = {}
    edge_info: dict[str, dict] = {}
    article_info: dict[str, dict] = {}
    with_labels = len(g.edges) + len(view.links) <= EDGE_LABELS_MAX
    bend = _bends(list(g.edges))
    for i, (key, e) in enumerate(g.edges.items()):
        eid = f"e{i}"
        words = edge_reading(e.type)
        n_src = len({ev.article for ev in e.evidence})
        sources = (f"{len(e.evidence)} evidence item{'s' if len(e.evidence) != 1 else ''}, "
                   f"{n_src} article{'s' if n_src != 1 else ''}")
        record = {"id": eid, "from": e.source, "to": e.target, "arrows": "to",
                  "title": f"{e.type} {words['gloss']}\n{sources}"}
        if with_labels:
            record["label"] = f"{e.type} {words['gloss']}".strip()
        if key in bend:
            record["smooth"] = bend[key]
        edges.append(record)
        evidence, more = _evidence(e, quotes)
        for ev in evidence:
            if ev[0] not in article_info:
                article_info[ev[0]] = _article_info(g, view.articles, ev[0])
        readings.setdefault(e.type, words)
        # short keys and evidence as [article, start, end, quote index, day]: 30,000 edges make this the bulk
        edge_info[eid] = {"t": e.type, "ev": evidence, "more": more, "fs": e.first_seen, "ls": e.last_seen}
    top = max((k.weight for k in view.links), default=1)
    for i, k in enumerate(view.links):
        eid = f"l{i}"
        words = edge_reading(k.kind)
        pair = f"{_short(node_info[k.a]['label'], 40)} — {_short(node_info[k.b]['label'], 40)}"
        title = f"{words['gloss']} × {k.weight}\n{pair}"
        record = {"id": eid, "from": k.a, "to": k.b, "title": title, "width": round(1 + 7 * k.weight / top, 2),
                  "arrows": {"to": {"enabled": False}},
                  "color": {"color": LINK_KINDS[k.kind]["color"], "opacity": 0.55}}
        if with_labels:
            record["label"] = str(k.weight)
        edges.append(record)
        readings.setdefault(k.kind, words)
        edge_info[eid] = {"t": k.kind, "count": k.weight, "ev": [],
                          "meetings": [list(m) for m in k.meetings[:LINK_MEETINGS]],
                          "more": max(0, k.weight - len(k.meetings[:LINK_MEETINGS]))}

    counts: dict[str, int] = defaultdict(int)
    for nid in ends:
        counts[types[nid]] += 1
    legend = [{"key": f"t:{t}", "label": f"{t} {s['gloss']}", "color": s["color"], "shape": s["shape"],
               "count": counts[t]} for t, s in NODE_STYLE.items() if counts[t] or (t in NODE_TYPES and not view.groups)]
    if view.groups:
        sizes: dict[int, int] = defaultdict(int)
        for c in view.groups.values():
            sizes[c] += 1
        legend += [{"key": f"g:{c}", "label": view.group_names.get(c, f"community {c + 1}"),
                    "color": COMMUNITY_COLOURS[c % len(COMMUNITY_COLOURS)], "shape": "dot", "count": n}
                   for c, n in sorted(sizes.items())]
    all_dates = [d for ds in dates.values() for d in ds]
    data = {"nodes": nodes, "edges": edges, "options": _options(len(nodes)), "facets": facets,
            "bodies": body_names, "legend": legend, "focus": view.focus,
            "dates": [min(all_dates), max(all_dates)] if all_dates else None}
    details = {"nodes": node_info, "edges": edge_info, "articles": article_info, "quotes": list(quotes),
               "readings": readings}
    return data, details


def _as_list(v) -> list:
    return [] if v is None else v if isinstance(v, list) else [v]


def _options(n_nodes: int) -> dict:
    """vis-network options: physics off (positions are given), fonts that fall back to the embedded CJK subset."""
    font = f"'{fonts.FAMILY}', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {"hover": n_nodes <= 3000, "tooltipDelay": 120, "multiselect": False,
                        "navigationButtons": False, "keyboard": False,
                        "hideEdgesOnDrag": n_nodes > 1000, "hideEdgesOnZoom": n_nodes > 1000},
        "nodes": {"font": {"face": font, "size": 14, "color": "#222222"}, "size": 14, "borderWidth": 1.5,
                  "widthConstraint": {"maximum": 170}, "margin": 8},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "smooth": {"enabled": False},
                  "color": {"color": "#9aa3ad", "highlight": "#222222", "hover": "#555555", "inherit": False},
                  "font": {"face": font, "size": 11, "color": "#555555", "strokeWidth": 3,
                           "strokeColor": "#ffffff", "align": "middle"},
                  "width": 1.2, "selectionWidth": 2},
    }


def _json_block(value) -> Markup:
    """JSON safe inside <script type="application/json">: no "</" and no "<!--" can close or confuse it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("govgraph.graph", "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined)


def render_view(view: View, path, *, embed_font: bool = True) -> Path:
    """Write ``view`` to ``path`` as one HTML file that loads nothing from the network."""
    data, details = page_data(view)
    data_json, details_json = _json_block(data), _json_block(details)
    env = _env()
    template = env.get_template("view.html")
    js, css = _vis_assets()
    args = {"title": view.title, "subtitle": view.subtitle, "left_out": view.left_out, "legend": data["legend"],
            "node_count": len(data["nodes"]), "edge_count": len(data["edges"]), "data_json": data_json,
            "details_json": details_json, "vis_js": Markup(js), "vis_css": Markup(css),
            "edge_types": list(EDGE_GLOSS.items()), "font_family": fonts.FAMILY}
    font_css = ""
    if embed_font:
        # the characters the page shows: its own words (the template's text) and everything in its data
        source = env.loader.get_source(env, "view.html")[0] if env.loader else ""
        shown = [source, view.title, view.subtitle, *view.left_out, str(data_json), str(details_json)]
        font_css = fonts.font_face_css(fonts.page_chars(*shown))
    html = template.render(**args, font_css=Markup(font_css))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path


def render_html(graph: Graph, path, *, title: str = "govgraph", articles: dict[str, dict] | None = None,
                embed_font: bool = True) -> Path:
    """Write a model graph as one offline HTML page (the whole graph as given, laid out here)."""
    return render_view(View(graph, title=title, articles=articles), path, embed_font=embed_font)
