"""The graph model: plain nodes and typed edges, each edge with the evidence it was read from."""
from __future__ import annotations

from dataclasses import dataclass, field

from .schema import EDGE_TYPES, NODE_TYPES, edge_type, node_type

__all__ = ["EDGE_TYPES", "NODE_TYPES", "Edge", "Evidence", "Graph", "Node"]

# per node type, the merge policy of each property that has one
_MERGE = {t.name: {p.name: p.merge for p in t.props} for t in NODE_TYPES.values()}


@dataclass(frozen=True)
class Evidence:
    """Where an edge was read: the article, the character span, the words, and the day they speak of."""

    article: str
    start: int
    end: int
    quote: str
    observed: str | None = None  # ISO date the statement holds on (the meeting's or the article's day)

    @property
    def key(self) -> str:
        return f"{self.article}:{self.start}-{self.end}@{self.observed or ''}"


@dataclass
class Node:
    """A person, body, post, meeting, document or article; ``id`` is stable across runs."""

    id: str
    type: str
    label: str
    props: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        node_type(self.type)


@dataclass
class Edge:
    """A typed edge with every piece of evidence for it."""

    source: str
    type: str
    target: str
    evidence: list[Evidence] = field(default_factory=list)
    # the keys of ``evidence``, so that adding to a busy edge stays cheap
    _keys: set[str] = field(default_factory=set, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.type not in EDGE_TYPES:  # every edge of a chunk is made here: the check stays a dict lookup
            edge_type(self.type)
        if self.evidence:
            self._keys = {e.key for e in self.evidence}

    def add_evidence(self, evidence: Evidence) -> bool:
        """Add one piece of evidence unless the edge has it already; True when it was new."""
        key = evidence.key
        if key in self._keys:
            return False
        self._keys.add(key)
        self.evidence.append(evidence)
        return True

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.type, self.target)

    @property
    def first_seen(self) -> str | None:
        days = [e.observed for e in self.evidence if e.observed]
        return min(days) if days else None

    @property
    def last_seen(self) -> str | None:
        days = [e.observed for e in self.evidence if e.observed]
        return max(days) if days else None


@dataclass
class Graph:
    """Nodes by id and edges by (source, type, target); adding twice merges instead of duplicating."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)

    def add_node(self, node: Node) -> Node:
        """Add a node, or merge it into the stored one: lists gather, a property with a merge policy keeps the
        earliest or latest value, any other keeps the first value seen."""
        have = self.nodes.get(node.id)
        if have is None:
            self.nodes[node.id] = node
            return node
        policy = _MERGE[node.type]
        for k, v in node.props.items():
            old = have.props.get(k)
            if isinstance(v, list) and isinstance(old, list):
                have.props[k] = list(dict.fromkeys(old + v))
            elif old in (None, "", []):
                have.props[k] = v
            elif v not in (None, "", []) and policy.get(k) in ("min", "max"):
                have.props[k] = min(old, v) if policy[k] == "min" else max(old, v)
        return have

    def add_edge(self, source: str, type: str, target: str, evidence: Evidence | None = None) -> Edge:
        """Add an edge, or add evidence to the one already there."""
        edge = self.edges.get((source, type, target))
        if edge is None:
            edge = self.edges[(source, type, target)] = Edge(source, type, target)
        if evidence is not None:
            edge.add_evidence(evidence)
        return edge

    def merge(self, other: Graph) -> None:
        """Merge another graph into this one."""
        for n in other.nodes.values():
            self.add_node(Node(n.id, n.type, n.label, dict(n.props)))
        for e in other.edges.values():
            edge = self.add_edge(e.source, e.type, e.target)
            for ev in e.evidence:
                edge.add_evidence(ev)

    def absorb(self, other: Graph) -> None:
        """Merge ``other`` into this graph, taking its nodes and edges over instead of copying them: for a
        streaming ingest that drops each article's graph once merged (``other`` must not be used after)."""
        for nid, n in other.nodes.items():
            if nid in self.nodes:
                self.add_node(n)
            else:
                self.nodes[nid] = n
        for key, e in other.edges.items():
            have = self.edges.get(key)
            if have is None:
                self.edges[key] = e
            else:
                for ev in e.evidence:
                    have.add_evidence(ev)

    def counts(self) -> dict[str, int]:
        """How many nodes of each type and edges of each type."""
        out: dict[str, int] = {}
        for n in self.nodes.values():
            out[n.type] = out.get(n.type, 0) + 1
        for e in self.edges.values():
            out[e.type] = out.get(e.type, 0) + 1
        return out
