"""The graph model as RDF: direct triples for querying, plus a statement node per edge for its evidence."""
from __future__ import annotations

import hashlib

from pyoxigraph import Literal, NamedNode, Quad

from govgraph.ontology import ELI_DL, FOAF, GG, OA, ORG, PROV, RDF, RDFS, SCHEMA, XSD, base_iri

from .build import _KIND_KEY
from .model import Edge, Graph, Node

_TYPE = NamedNode(RDF + "type")
_LABEL = NamedNode(RDFS + "label")
_CLASSES = {
    "Person": [GG + "Person", FOAF + "Person"],
    "Body": [GG + "Body", ORG + "Organization"],
    "Post": [GG + "Post", ORG + "Post"],
    "Meeting": [GG + "Meeting", SCHEMA + "Event"],
    "Document": [GG + "Document", SCHEMA + "CreativeWork"],
    "Article": [GG + "Article", SCHEMA + "NewsArticle"],
}
# property name in the model -> (predicate, datatype or None for a plain string)
_PROPS = {
    "name": (GG + "name", None), "names": (GG + "name", None), "jurisdiction": (GG + "jurisdiction", None), "kind": (GG + "kind", None),
    "ordinal": (GG + "ordinal", XSD + "integer"), "date": (SCHEMA + "startDate", XSD + "date"),
    "part_of_day": (GG + "partOfDay", None), "referenced": (GG + "referenced", XSD + "boolean"),
    "title": (SCHEMA + "name", None), "published": (SCHEMA + "datePublished", XSD + "date"),
    "source": (GG + "sourceFile", None), "newspaper": (SCHEMA + "publisher", None), "url": (SCHEMA + "url", None),
    "role": (GG + "role", None), "as_written": (GG + "asWritten", None), "journalist": (GG + "journalist", XSD + "boolean"),
}
_EDGE_PRED = {"post_in": ORG + "postIn"}
# SKOS concepts declared in ontology/govgraph.ttl: the kind of a body (gg:kind as written -> gg:bodyKind),
# the kind of a meeting (the kind key its id uses -> gg:meetingKind), the role of a participation statement
BODY_KINDS = {"党委": GG + "body-party", "政府": GG + "body-government", "人大": GG + "body-congress",
              "政协": GG + "body-cppcc", "部门": GG + "body-department", "其他": GG + "body-other"}
MEETING_KIND_KEYS = ("executive", "plenary", "chairmen", "special", "joint", "office", "standing", "meeting")
PARTICIPATION_ROLES = {"chaired": GG + "role-chair", "attended": GG + "role-attendee",
                       "sat_in": GG + "role-nonvoting", "spoke_at": GG + "role-speaker"}


def iri(node_id: str, base: str | None = None) -> NamedNode:
    """The IRI of a node id under the base."""
    return NamedNode((base or base_iri()) + node_id)


def edge_predicate(edge_type: str) -> NamedNode:
    """The predicate of a direct triple for an edge type."""
    return NamedNode(_EDGE_PRED.get(edge_type, GG + _camel(edge_type)))


def _camel(s: str) -> str:
    head, *rest = s.split("_")
    return head + "".join(w.title() for w in rest)


def _literal(value, datatype: str | None) -> Literal:
    if datatype == XSD + "boolean":
        return Literal("true" if value else "false", datatype=NamedNode(datatype))
    if datatype:
        return Literal(str(value), datatype=NamedNode(datatype))
    return Literal(str(value))


def meeting_kind(kind: str | None) -> str:
    """The SKOS concept of a meeting's kind as written (常务会议 -> gg:meeting-executive; anything else: meeting)."""
    return GG + "meeting-" + _KIND_KEY.get(kind or "", "meeting")


def node_quads(node: Node, base: str) -> list[Quad]:
    s = iri(node.id, base)
    out = [Quad(s, _TYPE, NamedNode(c)) for c in _CLASSES[node.type]]
    out.append(Quad(s, _LABEL, Literal(node.label)))
    for k, v in node.props.items():
        if v is None or v == "" or k not in _PROPS:
            continue
        pred, dt = _PROPS[k]
        for one in (v if isinstance(v, list) else [v]):  # a list is one triple per value (names as written)
            out.append(Quad(s, NamedNode(pred), _literal(one, dt)))
    if node.type == "Body" and node.props.get("kind") in BODY_KINDS:
        out.append(Quad(s, NamedNode(GG + "bodyKind"), NamedNode(BODY_KINDS[node.props["kind"]])))
    elif node.type == "Meeting":
        out.append(Quad(s, NamedNode(GG + "meetingKind"), NamedNode(meeting_kind(node.props.get("kind")))))
    return out


def edge_quads(edge: Edge, base: str, post_body: dict[str, str] | None = None) -> list[Quad]:
    """The direct triple, the statement node with its evidence, and the standard n-ary reading of the statement:
    an eli-dl:Participation (with its role) for taking part in a meeting, an org:Membership for holding a post
    whose body ``post_body`` (post id -> body id) knows."""
    s, o = iri(edge.source, base), iri(edge.target, base)
    p = edge_predicate(edge.type)
    out = [Quad(s, p, o)]
    digest = hashlib.sha1(f"{edge.source}|{edge.type}|{edge.target}".encode()).hexdigest()[:16]
    st = iri(f"statement/{digest}", base)
    out += [Quad(st, _TYPE, NamedNode(GG + "Statement")), Quad(st, NamedNode(RDF + "subject"), s),
            Quad(st, NamedNode(RDF + "predicate"), p), Quad(st, NamedNode(RDF + "object"), o),
            Quad(st, NamedNode(GG + "relation"), Literal(edge.type))]
    if edge.type in PARTICIPATION_ROLES:
        out += [Quad(st, _TYPE, NamedNode(ELI_DL + "Participation")),
                Quad(st, NamedNode(ELI_DL + "participation_role"), NamedNode(PARTICIPATION_ROLES[edge.type])),
                Quad(st, NamedNode(ELI_DL + "had_participant_person"), s),
                Quad(o, NamedNode(ELI_DL + "had_participation"), st)]
    elif edge.type == "holds_post" and post_body and edge.target in post_body:
        out += [Quad(st, _TYPE, NamedNode(ORG + "Membership")), Quad(st, NamedNode(ORG + "member"), s),
                Quad(st, NamedNode(ORG + "organization"), iri(post_body[edge.target], base))]
    for ev in edge.evidence:
        # the day is part of the evidence's identity: one sentence may speak of two days (two meetings)
        day = f"/{ev.observed}" if ev.observed else ""
        e = iri(f"evidence/{ev.article.split('/', 1)[-1]}/{ev.start}-{ev.end}{day}", base)
        out += [Quad(st, NamedNode(PROV + "wasDerivedFrom"), e),
                Quad(e, _TYPE, NamedNode(GG + "Evidence")),
                Quad(e, _TYPE, NamedNode(OA + "TextPositionSelector")),
                Quad(e, _TYPE, NamedNode(OA + "TextQuoteSelector")),
                Quad(e, NamedNode(GG + "inArticle"), iri(ev.article, base)),
                Quad(e, NamedNode(OA + "start"), Literal(str(ev.start), datatype=NamedNode(XSD + "nonNegativeInteger"))),
                Quad(e, NamedNode(OA + "end"), Literal(str(ev.end), datatype=NamedNode(XSD + "nonNegativeInteger"))),
                Quad(e, NamedNode(OA + "exact"), Literal(ev.quote))]
        if ev.observed:
            out.append(Quad(e, NamedNode(GG + "observedOn"), Literal(ev.observed, datatype=NamedNode(XSD + "date"))))
    return out


def graph_quads(graph: Graph, base: str | None = None) -> list[Quad]:
    """Every quad of a graph (default graph), deterministic for the same input."""
    base = base or base_iri()
    out: list[Quad] = []
    for n in graph.nodes.values():
        out += node_quads(n, base)
    post_body = {e.source: e.target for e in graph.edges.values() if e.type == "post_in"}
    for e in graph.edges.values():
        out += edge_quads(e, base, post_body)
    return out
