"""Where each node goes: positions computed in Python, so the browser draws at once with physics off.

A few hundred nodes never settle under vis-network's physics, so every view is laid out here: components get a
force layout while a time budget lasts and typed rings beyond it (``layout``); a co-attendance network is laid out
community by community (``grouped_layout``); a body's meetings go left to right in date order (``timeline_layout``).
"""
from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Iterable

import networkx as nx

from ..model import Graph

SPRING_MAX = 300  # a component this size or smaller gets a force layout; larger ones get typed rings
SPRING_BUDGET = 12_000_000  # sum of n^2 * iterations spent on force layouts (about a second of numpy)
SPACING = 150.0  # pixels between neighbouring nodes, roughly: Chinese labels are wide
RING_ORDER = ("Meeting", "Body", "Post", "Document", "Article", "Person", "Unknown")  # inner to outer


def layout(graph: Graph, *, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Pixel positions for every node of a model graph (and every edge end missing from ``graph.nodes``)."""
    types = {nid: n.type for nid, n in graph.nodes.items()}
    return layout_nodes(types, ((e.source, e.target) for e in graph.edges.values()), seed=seed)


def layout_nodes(types: dict[str, str], pairs: Iterable[tuple[str, str]], *,
                 seed: int = 7) -> dict[str, tuple[float, float]]:
    """Pixel positions for nodes of the given types joined by the given pairs (ends not in ``types`` too).

    Each connected component is laid out on its own and the components are packed in rows, biggest first.
    Components of up to SPRING_MAX nodes get networkx's spring layout while a time budget lasts (it costs
    n^2 per iteration, and above 500 nodes networkx needs scipy, which we do not depend on); larger ones get
    rings by node type, each ring ordered by its neighbours' angles so that edges stay short. The rings cost
    O(nodes + edges): 2,000 nodes take milliseconds where a spring layout would take seconds.
    """
    g = nx.Graph()
    g.add_nodes_from(types)
    for a, b in pairs:
        if a != b:
            g.add_edge(a, b)
        else:
            g.add_node(a)
    types = {n: types.get(n, "Unknown") for n in g}
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
    adj = {v: list(g[v]) for v in g}  # plain lists: networkx's views cost more than the sweeps themselves
    cos = {v: math.cos(a) for v, a in angle.items()}
    sin = {v: math.sin(a) for v, a in angle.items()}

    def mean_angle(v: str) -> float:
        sx = sum(cos[w] for w in adj[v])
        sy = sum(sin[w] for w in adj[v])
        return math.atan2(sy, sx) % (2 * math.pi) if (sx or sy) else angle[v]

    for _ in range(8):  # barycentre sweeps: sort each ring by the circular mean of its neighbours' angles
        for t in RING_ORDER:
            if not rings.get(t):
                continue
            members = rings[t]
            members.sort(key=mean_angle)
            spread(members)
            for v in members:  # only this ring moved
                cos[v], sin[v] = math.cos(angle[v]), math.sin(angle[v])
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


def grouped_layout(groups: dict[str, int], pairs: Iterable[tuple[str, str]], *,
                   seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions for a network of one node type split into groups (communities): each group is one block.

    A group gets a force layout while the budget lasts and a circle (ordered by neighbours) beyond it; the blocks
    are packed biggest first, so a community reads as one cluster of one colour.
    """
    g = nx.Graph()
    g.add_nodes_from(groups)
    g.add_edges_from((a, b) for a, b in pairs if a != b)
    members: dict[int, list[str]] = defaultdict(list)
    for node, c in groups.items():
        members[c].append(node)
    blocks: list[dict[str, tuple[float, float]]] = []
    budget = SPRING_BUDGET
    for comm in sorted(members.values(), key=len):
        n = len(comm)
        sub = g.subgraph(comm)
        if n == 1:
            blocks.append({comm[0]: (0.0, 0.0)})
        elif n <= SPRING_MAX and n * n * 50 <= budget:
            budget -= n * n * 50
            raw = nx.spring_layout(sub, seed=seed, iterations=50)
            scale = SPACING * 0.7 * math.sqrt(n) + SPACING * 0.5
            blocks.append({k: (float(x) * scale, float(y) * scale) for k, (x, y) in raw.items()})
        else:
            blocks.append(_rings(sub, dict.fromkeys(comm, "Person")))
    return _pack(blocks)


def timeline_layout(meetings: list[str], above: dict[str, list[str]], below: dict[str, list[str]],
                    anchor: str | None = None) -> dict[str, tuple[float, float]]:
    """A body's meetings left to right in date order, their chairs stacked above and documents below.

    A node shared by several meetings (the same chair, a document reviewed twice) stays where it first appeared;
    ``anchor`` (the body) sits at the left.
    """
    out: dict[str, tuple[float, float]] = {}
    if anchor is not None:
        out[anchor] = (-SPACING * 1.5, 0.0)
    step = SPACING * 0.5
    for i, m in enumerate(meetings):
        x = i * SPACING * 1.3
        out[m] = (x, 0.0)
        for side, stack in ((-1, above.get(m, [])), (1, below.get(m, []))):
            row = 0
            for nid in stack:
                if nid not in out:
                    row += 1
                    out[nid] = (x, side * (row * step + step * (1 + (i % 2) * 0.5)))
    return out
