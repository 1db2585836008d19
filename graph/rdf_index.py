"""The derived facts of ``graph/derived.py`` as RDF, in the named graph ``gg:index``.

- ``<body|post> gg:namePart "…"``: every part of the name, so the saved queries find "part of a name" by a lookup;
- ``<statement> gg:seenInYear "2021"``: the years a holds_post statement was seen;
- ``<pair> gg:pairOf <a>, <b> ; gg:meetingsTogether n``: co-attendance;
- ``<body> gg:meetingCount <count>``, ``<count> gg:month "2021-04" ; gg:meetings n``: meetings per month.

Name parts and years are sets (writing one twice stores it once), so they travel with a chunk's triples; the
counts are moved by the store, which alone knows what it held before the chunk.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Quad

from govgraph.ontology import base_iri

from . import schema
from .derived import NAMED_BY_PARTS, name_parts, years_seen
from .model import Graph
from .rdf import ESCAPES, statement_id
from .written import Written

INDEX = NamedNode(schema.INDEX_GRAPH)
NAME_PART = NamedNode(schema.NAME_PART)
SEEN_IN_YEAR = NamedNode(schema.SEEN_IN_YEAR)
PAIR_OF = NamedNode(schema.PAIR_OF)
MEETINGS_TOGETHER = NamedNode(schema.MEETINGS_TOGETHER)
MEETING_COUNT = NamedNode(schema.MEETING_COUNT)
MONTH = NamedNode(schema.MONTH)
MEETINGS = NamedNode(schema.MEETINGS)


def index_nquads(graph: Graph, base: str | None = None, written: Written | None = None) -> Iterator[str]:
    """The name parts and years of a graph as N-Quads lines in the index graph (the name parts of a node
    ``written`` has seen left out)."""
    base = base or base_iri()
    g = f"<{schema.INDEX_GRAPH}>"
    part, year = f"<{schema.NAME_PART}>", f"<{schema.SEEN_IN_YEAR}>"
    for n in graph.nodes.values():
        if n.type in NAMED_BY_PARTS and (written is None or written.new_name(n.id)):
            s = f"<{base}{n.id}>"
            for text in name_parts(n.label):
                yield f'{s} {part} "{text.translate(ESCAPES)}" {g} .\n'
    for e in graph.edges.values():
        if e.type == "holds_post":
            st = f"<{base}{statement_id(e.source, e.type, e.target)}>"
            for y in years_seen(e):
                yield f'{st} {year} "{y}" {g} .\n'


def pair_node(a: str, b: str, base: str | None = None) -> NamedNode:
    """The node of the co-attendance count of two people (ids, in ``derived.pair`` order)."""
    digest = hashlib.sha1(f"{a}|{b}".encode("utf-8", "replace")).hexdigest()[:16]
    return NamedNode(f"{base or base_iri()}count/pair/{digest}")


def month_node(body: str, month: str, base: str | None = None) -> NamedNode:
    """The node of a body's count of meetings in one month ("" for meetings without a date)."""
    digest = hashlib.sha1(f"{body}|{month}".encode("utf-8", "replace")).hexdigest()[:16]
    return NamedNode(f"{base or base_iri()}count/month/{digest}")


def pair_quads(a: NamedNode, b: NamedNode, node: NamedNode) -> list[Quad]:
    """What says which two people a count is about."""
    return [Quad(node, PAIR_OF, a, INDEX), Quad(node, PAIR_OF, b, INDEX)]


def month_quads(body: NamedNode, month: str, node: NamedNode) -> list[Quad]:
    """What says whose month a count is."""
    return [Quad(body, MEETING_COUNT, node, INDEX), Quad(node, MONTH, Literal(month), INDEX)]


def count_literal(n: int) -> Literal:
    """A count, as an xsd:integer."""
    return Literal(n)
