"""From a store to a View: each kind of page picks its part of the graph with ``graph/subgraph`` and lays it out."""
from __future__ import annotations

import math
from collections import defaultdict

from ..model import Graph, Node
from ..stores import Store
from ..subgraph import CoAttendance, Filters, co_attendance, reader_for, select_ego, select_filtered, select_timeline
from .layout import grouped_layout, timeline_layout
from .page import Link, View

MAX_LINKS = 15_000  # co-attendance links drawn at most (the strongest); more only slow the page down
LINK_MEETINGS = 8  # shared meetings each link lists in the panel


def filtered_view(store: Store, f: Filters, max_nodes: int, title: str = "govgraph") -> View:
    """The meetings that pass the filters, newest first, and what is joined to them."""
    sel = select_filtered(store, f, max_nodes)
    sub = f.describe() or "all meetings"
    return View(sel.graph, title=title, subtitle=f"{sub} · {sel.drawn:,} of {sel.matched:,} meetings",
                left_out=sel.left_out, articles=sel.articles)


def ego_view(store: Store, person: str, hops: int, f: Filters, max_nodes: int, title: str = "govgraph") -> View:
    """A person's ego network within ``hops`` edges; the person is selected when the page opens."""
    sel = select_ego(store, person, hops, f, max_nodes)
    centre = next((n.id for n in sel.graph.nodes.values() if n.type == "Person" and person in (n.label, n.id)), None)
    sub = " · ".join(x for x in (f"{person} within {hops} hop{'s' if hops != 1 else ''}", f.describe()) if x)
    return View(sel.graph, title=title, subtitle=sub, left_out=sel.left_out, focus=centre, articles=sel.articles)


def timeline_view(store: Store, body: str, f: Filters, max_nodes: int, title: str = "govgraph") -> View:
    """A body's meetings left to right in date order, chairs above, documents below."""
    sel, order, anchor = select_timeline(store, body, f, max_nodes)
    g = sel.graph
    above: dict[str, list[str]] = defaultdict(list)
    below: dict[str, list[str]] = defaultdict(list)
    for e in g.edges.values():
        if e.type == "chaired":
            above[e.target].append(e.source)
        elif e.type in ("reviewed", "approved", "heard", "studied"):
            below[e.source].append(e.target)
    pos = timeline_layout(order, above, below, anchor)
    label = g.nodes[anchor].label if anchor in g.nodes else body
    n = f"{sel.drawn:,} meeting{'s' if sel.drawn != 1 else ''}"
    sub = " · ".join(x for x in (f"{label}: {n} in date order", f.describe()) if x)
    return View(g, title=title, subtitle=sub, positions=pos, left_out=sel.left_out, focus=anchor,
                articles=sel.articles)


def co_attendance_view(store: Store, f: Filters, max_nodes: int, *, min_count: int = 1, title: str = "govgraph",
                       co: CoAttendance | None = None, sizes: dict[str, float] | None = None,
                       groups: dict[str, int] | None = None, subtitle: str = "") -> View:
    """People linked by the meetings they took part in together (width by count), grouped by community.

    The people with the most meetings together are drawn first, up to ``max_nodes``; ``sizes`` and ``groups``
    (from ``govgraph analyze``) size nodes by centrality and colour them by community.
    """
    co = co or co_attendance(store, f, min_count=min_count)
    strength: dict[str, int] = defaultdict(int)
    for (a, b), n in co.pairs.items():
        strength[a] += n
        strength[b] += n
    ranked = sorted(strength, key=lambda p: (-strength[p], p))
    drawn = set(ranked[:max_nodes])
    pairs = sorted(((k, n) for k, n in co.pairs.items() if k[0] in drawn and k[1] in drawn),
                   key=lambda kn: (-kn[1], kn[0]))
    left = []
    if len(ranked) > len(drawn):
        left.append(f"{len(ranked) - len(drawn):,} of {len(ranked):,} people left out (the cap is {max_nodes:,}): "
                    "those with the fewest meetings together")
    if len(pairs) > MAX_LINKS:
        left.append(f"{len(pairs) - MAX_LINKS:,} of {len(pairs):,} links left out: the weakest")
        pairs = pairs[:MAX_LINKS]
    r = reader_for(store)
    g = Graph()
    for nid, ntype, label, props in r.details((p, "Person") for p in sorted(drawn)):
        g.add_node(Node(nid, ntype, label, props))
    shared = {(a, b): co.shared(a, b, LINK_MEETINGS) for (a, b), _ in pairs}
    listed = sorted({m for ms in shared.values() for m in ms})
    # the labels of the meetings the panel lists: looked up one by one when few, else one scan of all meetings
    meeting_labels = r.labels_of(listed) if len(listed) <= 5000 else r.labels("Meeting")
    links = [Link(a, b, n, meetings=[(meeting_labels.get(m, m), co.days.get(m, "")) for m in shared[(a, b)]])
             for (a, b), n in pairs]
    if groups is None:
        groups = _communities(drawn, pairs)
    if sizes is None:
        top = max((strength[p] for p in drawn), default=1)
        sizes = {p: 10 + 22 * math.sqrt(strength[p] / top) for p in drawn}
    body_of: dict[str, set[str]] = defaultdict(set)
    for _, label, m in r.convened(Filters()):
        body_of[m].add(label)
    node_bodies = {p: sorted({b for m in co.meetings.get(p, ()) for b in body_of.get(m, ())}) for p in drawn}
    names = _group_names(groups, g, strength)
    pos = grouped_layout({p: groups.get(p, -1) for p in drawn}, ((a, b) for (a, b), _ in pairs))
    sub = subtitle or " · ".join(x for x in (f"co-attendance: people at the same meetings (≥ {min_count})",
                                             f.describe()) if x)
    return View(g, title=title, subtitle=sub, links=links, positions=pos, sizes=sizes, groups=groups,
                group_names=names, left_out=left, node_bodies=node_bodies)


def _communities(people: set[str], pairs: list[tuple[tuple[str, str], int]]) -> dict[str, int]:
    """Louvain communities of the drawn network (networkx), numbered biggest first."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(people)
    g.add_weighted_edges_from((a, b, n) for (a, b), n in pairs)
    comms = sorted(nx.community.louvain_communities(g, weight="weight", seed=7), key=lambda c: (-len(c), min(c)))
    return {p: i for i, c in enumerate(comms) for p in c}


def _group_names(groups: dict[str, int], g: Graph, strength: dict[str, int]) -> dict[int, str]:
    """Each community named after its most connected member."""
    best: dict[int, str] = {}
    for p, c in groups.items():
        if c not in best or strength.get(p, 0) > strength.get(best[c], 0):
            best[c] = p
    return {c: f"community {c + 1}: {g.nodes[p].label if p in g.nodes else p} …" for c, p in best.items()}
