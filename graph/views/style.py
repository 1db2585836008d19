"""How each kind of node and edge looks and reads in a view: colour, shape, gloss, the panel's wording."""
from __future__ import annotations

from ..schema import EDGE_TYPES, NODE_TYPES

# node type -> colour and vis-network shape; "Unknown" is for an edge end that is not among the nodes
_COLOURS: dict[str, tuple[str, str]] = {
    "Person": ("#e15759", "dot"), "Body": ("#4e79a7", "box"), "Post": ("#f28e2b", "diamond"),
    "Meeting": ("#59a14f", "ellipse"), "Document": ("#b07aa1", "square"), "Article": ("#9c9c9c", "triangle"),
}
NODE_STYLE: dict[str, dict[str, str]] = {
    **{t: {"color": _COLOURS[t][0], "shape": _COLOURS[t][1], "gloss": nt.gloss} for t, nt in NODE_TYPES.items()},
    "Unknown": {"color": "#d0d0d0", "shape": "dot", "gloss": "未知"},
}
EDGE_GLOSS: dict[str, str] = {name: e.gloss for name, e in EDGE_TYPES.items()}

# Links that are not edges of the schema but are drawn by a view (people at the same meetings).
LINK_KINDS: dict[str, dict[str, str]] = {
    "co_attended": {"gloss": "同会", "reading": "took part in meetings together with", "color": "#8a6bbe"},
}

# The day an edge's evidence speaks of, in words that fit the edge: a post is held "as of" a day, a meeting is
# chaired "on" its day. Every other edge reads "on".
_DAY_WORD = {"holds_post": "as of", "post_in": "as of"}

# Colours for communities (a colour-blind-safe qualitative palette, repeated past its end).
COMMUNITY_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                     "#9c755f", "#bab0ac", "#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#17becf")


def edge_reading(edge_type: str) -> dict[str, str]:
    """The words the evidence panel uses for an edge type: its gloss, its English reading, the word for its day."""
    e = EDGE_TYPES.get(edge_type)
    if e is None:
        link = LINK_KINDS.get(edge_type, {"gloss": "", "reading": edge_type})
        return {"gloss": link["gloss"], "reading": link["reading"], "day": "on"}
    return {"gloss": e.gloss, "reading": e.reading, "day": _DAY_WORD.get(edge_type, "on")}


def darker(colour: str, by: float = 0.7) -> str:
    """A darker shade of a #rrggbb colour, for borders."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"#{int(r * by):02x}{int(g * by):02x}{int(b * by):02x}"
