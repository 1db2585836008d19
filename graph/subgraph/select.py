"""Choosing the part of the graph a view draws, by questions to the store, never by reading all of it.

Every selection starts from an anchor found by a query (the meetings that pass the filters, newest first; a
person; a body) and grows around it, node by node, until the cap on nodes is reached; what did not fit is said
in words. The ends of an edge have the types its schema entry names, so a row of (source, edge type, target)
is enough to know what was reached.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..model import Evidence, Graph, Node
from ..schema import EDGE_TYPES
from ..stores import Store
from .cypher import CypherReader
from .filters import Filters, Selection, SelectionError
from .sparql import SparqlReader

Reader = SparqlReader | CypherReader
_BATCH = 32  # meetings asked about per round; the cap is checked meeting by meeting
_TIMELINE_EDGES = ("chaired", "reviewed", "approved", "heard", "studied", "convened")


def reader_for(store: Store) -> Reader:
    """The questions in the store's own language."""
    if "sparql" in store.languages:
        return SparqlReader(store)
    if "cypher" in store.languages:
        return CypherReader(store)
    raise SelectionError(f"the {store.name} store speaks neither SPARQL nor Cypher")


def _ends(row: tuple) -> tuple[tuple[str, str], tuple[str, str]]:
    e = EDGE_TYPES[row[1]]
    return (row[0], e.source), (row[2], e.target)


class _Picked:
    """Nodes (with their types) and edges (with their evidence rows) chosen so far."""

    def __init__(self, f: Filters, cap: int):
        self.types: dict[str, str] = {}
        self.edges: dict[tuple[str, str, str], list[tuple]] = defaultdict(list)
        self.allowed = set(f.types) if f.types else None
        self.cap = cap

    def allows(self, ntype: str) -> bool:
        return self.allowed is None or ntype in self.allowed

    def new_ends(self, rows: Iterable[tuple], also: Iterable[tuple[str, str]] = ()) -> dict[str, str]:
        new: dict[str, str] = {}
        for nid, ntype in also:
            if nid not in self.types and self.allows(ntype):
                new[nid] = ntype
        for row in rows:
            for nid, ntype in _ends(row):
                if nid not in self.types and self.allows(ntype):
                    new[nid] = ntype
        return new

    def fits(self, new: dict[str, str]) -> bool:
        return len(self.types) + len(new) <= self.cap

    def take(self, new: dict[str, str], rows: Iterable[tuple]) -> None:
        self.types.update(new)
        for row in rows:
            if row[0] in self.types and row[2] in self.types:
                self.edges[(row[0], row[1], row[2])].append(row)

    def articles(self, reader: Reader, g: Graph) -> dict[str, dict]:
        """Title and day of the articles the evidence cites that are not drawn, for the evidence panel."""
        cited = {row[3] for rows in self.edges.values() for row in rows if row[3] and row[3] not in g.nodes}
        return {nid: props for nid, _, _, props in reader.details((a, "Article") for a in sorted(cited))}

    def graph(self, reader: Reader) -> Graph:
        g = Graph()
        for nid, ntype, label, props in reader.details(self.types.items()):
            g.add_node(Node(nid, ntype, label, props))
        for nid, ntype in self.types.items():
            if nid not in g.nodes:  # an edge end the store holds no node for
                g.add_node(Node(nid, ntype, nid.rsplit("/", 1)[-1], {}))
        for (s, t, o), rows in self.edges.items():
            edge = g.add_edge(s, t, o)
            for row in rows:
                if row[3]:
                    edge.add_evidence(Evidence(row[3], row[4], row[5], row[6], row[7]))
        return g


def _by_anchor(rows: list[tuple], anchors: set[str]) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        out[row[0] if row[0] in anchors else row[2]].append(row)
    return out


def select_filtered(store: Store, f: Filters, max_nodes: int) -> Selection:
    """The meetings that pass the filters, newest first, with what is joined to them, up to ``max_nodes`` nodes;
    then the posts their people hold and the bodies of those posts, and (when every meeting fit) the journalists
    of the articles, while room is left."""
    r = reader_for(store)
    meetings = sorted(r.meetings(f), key=lambda md: (md[1] or "", md[0]), reverse=True)
    picked = _Picked(f, max_nodes)
    drawn, full = 0, False
    for i in range(0, len(meetings), _BATCH):
        batch = meetings[i:i + _BATCH]
        grouped = _by_anchor(r.edges((m, "Meeting") for m, _ in batch), {m for m, _ in batch})
        for m, _ in batch:
            rows = grouped.get(m, [])
            new = picked.new_ends(rows, [(m, "Meeting")])
            if not picked.fits(new) and drawn:
                full = True
                break
            picked.take(new, rows)
            drawn += 1
        if full:
            break
    left = []
    if drawn < len(meetings):
        last = meetings[drawn - 1][1] if drawn else None
        left.append(f"{len(meetings) - drawn:,} of {len(meetings):,} matching meetings left out (the cap is "
                    f"{max_nodes:,} nodes): those before {last or 'the newest'}; narrow the filters to see them")
    if drawn == len(meetings) and picked.allows("Person") and picked.allows("Post"):
        left += _add_sightings(r, picked)
    if picked.allows("Post"):
        left += _add_posts(r, picked)
    if drawn == len(meetings) and picked.allows("Person"):
        left += _add_reporters(r, picked)
    g = picked.graph(r)
    return Selection(g, left, matched=len(meetings), drawn=drawn, articles=picked.articles(r, g))


def _add_posts(r: Reader, picked: _Picked) -> list[str]:
    people = [n for n, t in picked.types.items() if t == "Person"]
    rows = r.posts(people)
    skipped = 0
    for _, post, _, body, _ in rows:
        new = picked.new_ends([], [(post, "Post")] + ([(body, "Body")] if body else []))
        if not picked.fits(new):
            skipped += 1
            continue
        picked.take(new, [])
    # the evidence of holds_post and post_in, asked of the posts (fewer edges than their holders have); a post
    # reached through a sighting had only that article's evidence so far
    posts = [(n, t) for n, t in picked.types.items() if t == "Post"]
    for key in [k for k in picked.edges if k[1] == "holds_post"]:
        del picked.edges[key]
    picked.take({}, r.edges(posts))
    return [f"{skipped:,} posts held by people drawn here left out (the cap)"] if skipped else []


def _add_sightings(r: Reader, picked: _Picked) -> list[str]:
    """People the drawn articles name with a post who took no part in a meeting drawn (a leader whose speech a
    meeting studied, say), with that post: asked only when every matching meeting fits, like the journalists."""
    articles = [n for n, t in picked.types.items() if t == "Article"]
    skipped = 0
    for row in r.sightings(articles):
        new = picked.new_ends([row])
        if new and not picked.fits(new):
            skipped += 1
            continue
        picked.take(new, [row])
    return [f"{skipped:,} people named in the articles left out (the cap)"] if skipped else []


def _add_reporters(r: Reader, picked: _Picked) -> list[str]:
    """The journalists of the articles drawn: asked only when every matching meeting fits (one question per
    article would double the cost of a capped view, where they matter least)."""
    articles = [(n, t) for n, t in picked.types.items() if t == "Article"]
    rows = [row for row in r.edges(articles) if row[1] == "reported"]
    skipped = 0
    for row in rows:
        new = picked.new_ends([row])
        if not picked.fits(new):
            skipped += 1
            continue
        picked.take(new, [row])
    return [f"{skipped:,} journalists left out (the cap)"] if skipped else []


def find_one(r: Reader, text: str, node_type: str) -> list[str]:
    """The nodes a user means by ``text``: an id, or every node named exactly so, or the only one containing it."""
    if text.startswith(node_type.lower() + "/"):
        return [text]
    found = r.find(text, node_type)
    exact = sorted(n for n, _, is_exact in found if is_exact)
    if exact:
        return exact
    if len(found) == 1:
        return [found[0][0]]
    kind = node_type.lower()
    if not found:
        raise SelectionError(f"no {kind} named {text!r} in the store")
    names = ", ".join(sorted({label for _, label, _ in found})[:12])
    raise SelectionError(f"{len(found)} {kind} names contain {text!r}: {names}; give one exactly")


def select_ego(store: Store, person: str, hops: int, f: Filters, max_nodes: int) -> Selection:
    """A person's ego network: everything within ``hops`` edges, the newest first at each step, up to the cap."""
    if hops < 1:
        raise SelectionError("--hops must be 1 or more")
    r = reader_for(store)
    centres = find_one(r, person, "Person")
    keep_meeting = None
    if f.body or f.place:
        keep_meeting = {m for _, _, m in r.convened(f)}
    picked = _Picked(Filters(types=f.types), max_nodes)
    picked.take({c: "Person" for c in centres}, [])
    frontier = [(c, "Person") for c in centres]
    skipped = unexpanded = 0
    for _ in range(hops):
        nxt: list[tuple[str, str]] = []
        # the frontier is in the order it was reached (newest first); once the cap is reached nothing more is
        # asked, so a hub a few hops out costs no more questions than the nodes that fit
        for i in range(0, len(frontier), _BATCH):
            if len(picked.types) >= max_nodes:
                unexpanded += len(frontier) - i
                break
            rows = r.edges(frontier[i:i + _BATCH])
            rows.sort(key=lambda row: (row[7] or "", row[0], row[2]), reverse=True)  # newest evidence first
            for row in rows:
                new = {}
                for nid, ntype in _ends(row):
                    if nid in picked.types or not picked.allows(ntype):
                        continue
                    if ntype == "Meeting" and not _meeting_ok(nid, row, f, keep_meeting):
                        continue
                    new[nid] = ntype
                if new and not picked.fits(new):
                    skipped += len(new)
                    continue
                picked.take(new, [row])
                nxt += new.items()
        frontier = nxt
    left = []
    if skipped or unexpanded:
        left.append(f"{skipped:,} nodes within {hops} hops left out and {unexpanded:,} not followed further "
                    f"(the cap is {max_nodes:,} nodes); fewer --hops or a filter shows the rest")
    g = picked.graph(r)
    return Selection(g, left, matched=len(picked.types) + skipped, drawn=len(picked.types),
                     articles=picked.articles(r, g))


def _meeting_ok(mid: str, row: tuple, f: Filters, keep: set[str] | None) -> bool:
    if keep is not None and mid not in keep:
        return False
    return f.keeps_day(row[7]) if (f.date_from or f.date_to) else True


def select_timeline(store: Store, body: str, f: Filters, max_nodes: int) -> tuple[Selection, list[str], str]:
    """A body's meetings in date order with their chairs and documents; also the meetings' order and the body."""
    r = reader_for(store)
    bodies = find_one(r, body, "Body")
    if len(bodies) > 1:
        raise SelectionError(f"{len(bodies)} bodies are named {body!r}: give one by its id ({', '.join(bodies[:5])})")
    b = bodies[0]
    days = r.meeting_days()
    rows = r.edges([(b, "Body")])
    meetings = sorted({row[2] for row in rows if row[1] == "convened" and f.keeps_day(days.get(row[2]))},
                      key=lambda m: (days.get(m, ""), m))
    picked = _Picked(Filters(types=f.types), max_nodes)
    picked.take({b: "Body"}, [])
    order: list[str] = []
    grouped = _by_anchor(r.edges((m, "Meeting") for m in meetings[::-1]), set(meetings))
    for m in meetings[::-1]:  # newest first, so the cap leaves out the oldest
        mine = [row for row in grouped.get(m, [])
                if row[1] in _TIMELINE_EDGES and (row[1] != "convened" or row[0] == b)]
        new = picked.new_ends(mine, [(m, "Meeting")])
        if not picked.fits(new):
            break
        picked.take(new, mine)
        order.append(m)
    order.reverse()
    left = []
    if len(order) < len(meetings):
        left.append(f"{len(meetings) - len(order):,} older meetings of {len(meetings):,} left out (the cap is "
                    f"{max_nodes:,} nodes); --from narrows the range")
    g = picked.graph(r)
    sel = Selection(g, left, matched=len(meetings), drawn=len(order), articles=picked.articles(r, g))
    return sel, order, b
