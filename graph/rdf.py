"""The graph model as RDF: direct triples for querying, plus a statement node per edge for its evidence."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import BinaryIO

from pyoxigraph import Literal, NamedNode, Quad, Triple

from govgraph.ontology import ELI_DL, OA, ORG, RDF, RDFS, XSD, base_iri

from . import schema
from .model import Edge, Evidence, Graph, Node
from .written import Written

_TYPE = NamedNode(RDF + "type")
_LABEL = NamedNode(RDFS + "label")
# Text offsets are xsd:integer (at least 0, as the shapes say): Oxigraph keeps every integer type as xsd:integer,
# so a store dumps what it was given and an export needs no rewriting of datatypes.
_INT = NamedNode(XSD + "integer")
_CLASSES = {t.name: [NamedNode(c) for c in t.classes] for t in schema.NODE_TYPES.values()}
# per node type: property name -> (predicate, XSD datatype or None for a plain string)
PROPERTIES = {t.name: {p.name: (p.predicate, p.xsd) for p in t.props}
              for t in schema.NODE_TYPES.values()}
_PREDICATES = {name: NamedNode(e.predicate) for name, e in schema.EDGE_TYPES.items()}


def iri(node_id: str, base: str | None = None) -> NamedNode:
    """The IRI of a node id under the base."""
    return NamedNode((base or base_iri()) + node_id)


def statement_id(source: str, edge_type: str, target: str) -> str:
    """The id of the statement node of an edge (under the base, like node ids)."""
    digest = hashlib.sha1(f"{source}|{edge_type}|{target}".encode("utf-8", "replace")).hexdigest()[:16]
    return f"statement/{digest}"


def evidence_id(ev: Evidence) -> str:
    """The id of an evidence node: the article, the span, and the day it speaks of (one sentence may speak of
    two days, two meetings)."""
    day = f"/{ev.observed}" if ev.observed else ""
    return f"evidence/{ev.article.split('/', 1)[-1]}/{ev.start}-{ev.end}{day}"


def edge_predicate(edge_type: str) -> NamedNode:
    """The predicate of a direct triple for an edge type."""
    return _PREDICATES[edge_type]


def _literal(value, datatype: str | None) -> Literal:
    if datatype is None:
        return Literal(str(value))
    if datatype == XSD + "boolean":
        value = "true" if value else "false"
    return Literal(str(value), datatype=NamedNode(datatype))


def node_quads(node: Node, base: str) -> list[Quad]:
    """The type, label and property triples of one node, and the SKOS concept of its kind."""
    s = iri(node.id, base)
    out = [Quad(s, _TYPE, c) for c in _CLASSES[node.type]]
    out.append(Quad(s, _LABEL, Literal(node.label)))
    props = PROPERTIES[node.type]
    for k, v in node.props.items():
        if v is None or v == "" or k not in props:
            continue
        pred, dt = props[k]
        for one in (v if isinstance(v, list) else [v]):  # a list is one triple per value (names as written)
            out.append(Quad(s, NamedNode(pred), _literal(one, dt)))
    if node.type == "Body" and node.props.get("kind") in schema.BODY_KINDS:
        out.append(Quad(s, NamedNode(schema.BODY_KIND), NamedNode(schema.BODY_KINDS[node.props["kind"]])))
    elif node.type == "Meeting":
        kind = schema.meeting_kind(node.props.get("kind"))
        out.append(Quad(s, NamedNode(schema.MEETING_KIND), NamedNode(kind.concept)))
    return out


def edge_quads(edge: Edge, base: str, post_body: dict[str, str] | None = None) -> list[Quad]:
    """The direct triple, the statement node with its evidence, and the standard n-ary reading of the statement:
    an eli-dl:Participation (with its role) for taking part in a meeting, an org:Membership for holding a post
    whose body ``post_body`` (post id -> body id) knows."""
    s, o = iri(edge.source, base), iri(edge.target, base)
    p = edge_predicate(edge.type)
    out = [Quad(s, p, o)]
    st = iri(statement_id(edge.source, edge.type, edge.target), base)
    out += [Quad(st, _TYPE, NamedNode(schema.STATEMENT_CLASS)), Quad(st, NamedNode(RDF + "subject"), s),
            Quad(st, NamedNode(RDF + "predicate"), p), Quad(st, NamedNode(RDF + "object"), o),
            Quad(st, NamedNode(schema.RELATION), Literal(edge.type))]
    role = schema.EDGE_TYPES[edge.type].role
    if role:
        out += [Quad(st, _TYPE, NamedNode(ELI_DL + "Participation")),
                Quad(st, NamedNode(ELI_DL + "participation_role"), NamedNode(role)),
                Quad(st, NamedNode(ELI_DL + "had_participant_person"), s),
                Quad(o, NamedNode(ELI_DL + "had_participation"), st)]
    elif edge.type == "holds_post" and post_body and edge.target in post_body:
        out += [Quad(st, _TYPE, NamedNode(ORG + "Membership")), Quad(st, NamedNode(ORG + "member"), s),
                Quad(st, NamedNode(ORG + "organization"), iri(post_body[edge.target], base))]
    for ev in edge.evidence:
        e = iri(evidence_id(ev), base)
        out += [Quad(st, NamedNode(schema.DERIVED_FROM), e),
                Quad(e, _TYPE, NamedNode(schema.EVIDENCE_CLASS)),
                Quad(e, _TYPE, NamedNode(OA + "TextPositionSelector")),
                Quad(e, _TYPE, NamedNode(OA + "TextQuoteSelector")),
                Quad(e, NamedNode(schema.IN_ARTICLE), iri(ev.article, base)),
                Quad(e, NamedNode(OA + "start"), Literal(str(ev.start), datatype=_INT)),
                Quad(e, NamedNode(OA + "end"), Literal(str(ev.end), datatype=_INT)),
                Quad(e, NamedNode(OA + "exact"), Literal(ev.quote))]
        if ev.observed:
            out.append(Quad(e, NamedNode(schema.OBSERVED_ON),
                            Literal(ev.observed, datatype=NamedNode(XSD + "date"))))
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


def graph_triples(graph: Graph, base: str | None = None) -> Iterator[Triple]:
    """The same as ``graph_quads``, as triples (what an export writes)."""
    for q in graph_quads(graph, base):
        yield Triple(q.subject, q.predicate, q.object)


# ---- the same triples as N-Triples text, for bulk loading -------------------------------------------------
# Building a pyoxigraph Quad costs more than writing its line; the store parses lines in Rust. A test holds
# ``graph_ntriples`` and ``graph_quads`` to the same set of triples. The lines are made as UTF-8 bytes from
# the start: an IRI with a Chinese name makes a str two bytes a character, and formatting such strs and then
# encoding them took three times as long as formatting bytes (0.8 s against 0.23 s for the statements of
# 10,000 reports).

def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "replace")


def _ref(iri_text: str) -> bytes:
    return b"<" + _utf8(iri_text) + b">"


_T_TYPE, _T_LABEL = _ref(RDF + "type"), _ref(RDFS + "label")
_T_PROPS = {t: {k: (_ref(pred), None if dt is None else _ref(dt)) for k, (pred, dt) in props.items()}
            for t, props in PROPERTIES.items()}
_T_PRED = {name: _ref(e.predicate) for name, e in schema.EDGE_TYPES.items()}
_T_ROLE = {name: _ref(e.role) for name, e in schema.EDGE_TYPES.items() if e.role}
_T = {k: _ref(v) for k, v in {
    "statement": schema.STATEMENT_CLASS, "subject": RDF + "subject", "predicate": RDF + "predicate",
    "object": RDF + "object", "relation": schema.RELATION, "participation": ELI_DL + "Participation",
    "role": ELI_DL + "participation_role", "person": ELI_DL + "had_participant_person",
    "had": ELI_DL + "had_participation", "membership": ORG + "Membership", "member": ORG + "member",
    "organization": ORG + "organization", "derived": schema.DERIVED_FROM, "evidence": schema.EVIDENCE_CLASS,
    "position": OA + "TextPositionSelector", "quote": OA + "TextQuoteSelector", "in": schema.IN_ARTICLE,
    "start": OA + "start", "end": OA + "end", "exact": OA + "exact", "observed": schema.OBSERVED_ON,
    "int": XSD + "integer", "date": XSD + "date", "boolean": XSD + "boolean",
    "body_kind": schema.BODY_KIND, "meeting_kind": schema.MEETING_KIND}.items()}
# what a literal may not hold as it is, in N-Triples and N-Quads
ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_BOOLEANS = {True: b'"true"^^' + _T["boolean"], False: b'"false"^^' + _T["boolean"]}
_BODY_KINDS = {k: _ref(v) for k, v in schema.BODY_KINDS.items()}


def _lit(value: str, datatype: bytes | None = None) -> bytes:
    text = b'"' + _utf8(value.translate(ESCAPES)) + b'"'
    return text if datatype is None else text + b"^^" + datatype


# the type lines of each node type, with %s where the subject goes
_NODE_TYPES = {t: (b"".join(b"%s " + _T_TYPE + b" " + _ref(c.value) + b" .\n" for c in cs), len(cs))
               for t, cs in _CLASSES.items()}
# Each %s is filled in the order it appears (bytes % tuple): the triple s p o, then the statement st with its
# type, subject, predicate, object and relation; a participation or membership; an evidence e with its three
# types, article, start, end and quote.
_STATEMENT = (b"%s %s %s .\n%s " + _T_TYPE + b" " + _T["statement"] + b" .\n%s " + _T["subject"] + b" %s .\n%s "
              + _T["predicate"] + b" %s .\n%s " + _T["object"] + b" %s .\n%s " + _T["relation"] + b" %s .\n")
_PARTICIPATION = (b"%s " + _T_TYPE + b" " + _T["participation"] + b" .\n%s " + _T["role"] + b" %s .\n%s "
                  + _T["person"] + b" %s .\n%s " + _T["had"] + b" %s .\n")
_MEMBERSHIP = (b"%s " + _T_TYPE + b" " + _T["membership"] + b" .\n%s " + _T["member"] + b" %s .\n%s "
               + _T["organization"] + b" %s .\n")
_EVIDENCE = (b"%s " + _T_TYPE + b" " + _T["evidence"] + b" .\n%s " + _T_TYPE + b" " + _T["position"] + b" .\n%s "
             + _T_TYPE + b" " + _T["quote"] + b" .\n%s " + _T["in"] + b' %s .\n%s ' + _T["start"] + b' "%d"^^'
             + _T["int"] + b" .\n%s " + _T["end"] + b' "%d"^^' + _T["int"] + b" .\n%s " + _T["exact"] + b" %s .\n")
_OBSERVED = b"%s " + _T["observed"] + b' "%s"^^' + _T["date"] + b" .\n"
_DERIVED = b"%s " + _T["derived"] + b" %s .\n"


def graph_ntriples(graph: Graph, base: str | None = None, written: Written | None = None) -> tuple[bytes, int]:
    """Every triple of ``graph_quads`` once, as N-Triples (UTF-8), and how many: evidence cited by several
    edges is written once (and what ``written`` says an earlier chunk carried, not at all)."""
    blocks = list(ntriples_blocks(graph, base, written))
    return b"".join(blocks), sum(b.count(b"\n") for b in blocks)


def write_ntriples(graph: Graph, out: BinaryIO, base: str | None = None, written: Written | None = None) -> int:
    """Write what ``graph_ntriples`` gives to a binary file, a block at a time; how many triples."""
    n = 0
    for block in ntriples_blocks(graph, base, written):
        out.write(block)
        n += block.count(b"\n")
    return n


def ntriples_blocks(graph: Graph, base: str | None = None, written: Written | None = None) -> Iterator[bytes]:
    """The N-Triples of ``graph`` in blocks of some thousands of lines, so that the whole text never sits in
    memory. A node or a statement ``written`` has seen as it is now is left out."""
    base = base or base_iri()
    prefix = _utf8("<" + base)
    refs: dict[str, bytes] = {}

    def ref(node_id: str) -> bytes:
        r = refs.get(node_id)
        if r is None:
            r = refs[node_id] = prefix + _utf8(node_id) + b">"
        return r

    parts: list[bytes] = []
    add = parts.append
    for n in graph.nodes.values():
        s = ref(n.id)
        types, k = _NODE_TYPES[n.type]
        lines = [types % ((s,) * k), b"%s %s %s .\n" % (s, _T_LABEL, _lit(n.label))]
        props = _T_PROPS[n.type]
        for key, v in n.props.items():
            if v is None or v == "" or key not in props:
                continue
            pred, dt = props[key]
            for one in (v if isinstance(v, list) else [v]):
                value = _BOOLEANS[bool(one)] if dt == _T["boolean"] else _lit(str(one), dt)
                lines.append(b"%s %s %s .\n" % (s, pred, value))
        if n.type == "Body" and n.props.get("kind") in _BODY_KINDS:
            lines.append(b"%s %s %s .\n" % (s, _T["body_kind"], _BODY_KINDS[n.props["kind"]]))
        elif n.type == "Meeting":
            concept = schema.meeting_kind(n.props.get("kind")).concept
            lines.append(b"%s %s %s .\n" % (s, _T["meeting_kind"], _ref(concept)))
        block = b"".join(lines)
        if written is None or written.new_node(n.id, block):
            add(block)
        if len(parts) >= 20_000:
            yield b"".join(parts)
            parts = []
            add = parts.append
    post_body = {e.source: e.target for e in graph.edges.values() if e.type == "post_in"}
    seen_evidence: set[bytes] = set()
    relations = {name: _lit(name) for name in schema.EDGE_TYPES}
    for e in graph.edges.values():
        s, o, p = ref(e.source), ref(e.target), _T_PRED[e.type]
        sid = statement_id(e.source, e.type, e.target)
        st = prefix + sid.encode() + b">"
        body = post_body.get(e.target) if e.type == "holds_post" else None
        if written is None or written.new_statement(f"{sid}|{body}" if body else sid):
            add(_STATEMENT % (s, p, o, st, st, s, st, p, st, o, st, relations[e.type]))
            role = _T_ROLE.get(e.type)
            if role:
                add(_PARTICIPATION % (st, st, role, st, s, o, st))
            elif body is not None:
                add(_MEMBERSHIP % (st, st, s, st, ref(body)))
        for ev in e.evidence:
            ev_ref = prefix + _utf8(evidence_id(ev)) + b">"
            add(_DERIVED % (st, ev_ref))
            if ev_ref in seen_evidence:
                continue
            seen_evidence.add(ev_ref)
            add(_EVIDENCE % (ev_ref, ev_ref, ev_ref, ev_ref, ref(ev.article), ev_ref, ev.start, ev_ref, ev.end,
                             ev_ref, _lit(ev.quote)))
            if ev.observed:
                add(_OBSERVED % (ev_ref, _utf8(ev.observed)))
        if len(parts) >= 20_000:
            yield b"".join(parts)
            parts = []
            add = parts.append
    if parts:
        yield b"".join(parts)
