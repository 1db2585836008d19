"""JSON-LD an analyst can read: one object per node with keys named as the schema names them (``chaired``,
``label``, ``date``), absolute ``@id``s, and a context that says what each key means and its datatype.

The writer is our own, not a generic compactor: every key's term is known from ``graph/schema.py``, so each node
object is written straight from the store's triples (in the store's order, grouped by subject) without holding the
graph in memory. A value that does not fit its key's declared type (never written by govgraph, but a store may
hold anything) is written as an explicit value object, so the file always parses back to the same triples.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path

import pyoxigraph as ox

from govgraph.ontology import ELI_DL, GG, OA, ORG, PREFIXES, RDF, RDFS, XSD

from .. import schema

ID = "@id"
_TYPE = RDF + "type"
_XSD_STRING = XSD + "string"
_NATIVE = {XSD + "integer", XSD + "boolean"}  # written as JSON numbers and booleans


def _terms() -> dict[str, tuple[str, str | None]]:
    """term -> (predicate IRI, coercion: "@id", an XSD datatype IRI, or None for a plain string)."""
    terms: dict[str, tuple[str, str | None]] = {"label": (RDFS + "label", None)}
    seen = {RDFS + "label"}
    for t in schema.NODE_TYPES.values():
        for p in t.props:
            if p.predicate not in seen:  # gg:name is "name" (a person's) and also a meeting's "names"
                seen.add(p.predicate)
                terms[p.name] = (p.predicate, p.xsd)
    for e in schema.EDGE_TYPES.values():
        terms[e.name] = (e.predicate, ID)
    terms.update({
        "subject": (RDF + "subject", ID), "predicate": (RDF + "predicate", ID), "object": (RDF + "object", ID),
        "relation": (schema.RELATION, None), "derived_from": (schema.DERIVED_FROM, ID),
        "in_article": (schema.IN_ARTICLE, ID), "start": (OA + "start", XSD + "integer"),
        "end": (OA + "end", XSD + "integer"), "exact": (OA + "exact", None),
        "observed_on": (schema.OBSERVED_ON, XSD + "date"), "body_kind": (schema.BODY_KIND, ID),
        "meeting_kind": (schema.MEETING_KIND, ID), "participation_role": (ELI_DL + "participation_role", ID),
        "participant": (ELI_DL + "had_participant_person", ID), "participation": (ELI_DL + "had_participation", ID),
        "member": (ORG + "member", ID), "organization": (ORG + "organization", ID)})
    return terms


TERMS = _terms()
_BY_PREDICATE = {pred: (term, coerce) for term, (pred, coerce) in TERMS.items()}
# our own classes by their local name (Person, Meeting, Statement); others as prefixed names (foaf:Person)
CLASSES = {c[len(GG):]: c for t in schema.NODE_TYPES.values() for c in t.classes if c.startswith(GG)}
CLASSES.update({"Statement": schema.STATEMENT_CLASS, "Evidence": schema.EVIDENCE_CLASS})
_CLASS_TERM = {iri: term for term, iri in CLASSES.items()}


def compact(iri: str) -> str:
    """A prefixed name for an IRI under one of the project's prefixes, else the IRI itself."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def jsonld_context() -> dict:
    """The @context: the project's prefixes, one readable term per class and predicate, each with its type."""
    ctx: dict = dict(PREFIXES)
    ctx.update({term: compact(iri) for term, iri in CLASSES.items()})
    for term, (pred, coerce) in TERMS.items():
        ctx[term] = {ID: compact(pred), "@type": ID if coerce == ID else compact(coerce)} if coerce else compact(pred)
    return ctx


def _node_ref(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    return term.value if isinstance(term, ox.NamedNode) else f"_:{term.value}"  # type: ignore[union-attr]


def _value(obj, coerce: str | None):
    """One object written for a key coerced to ``coerce``: as short as the context allows, explicit otherwise."""
    if not isinstance(obj, ox.Literal):
        return _node_ref(obj) if coerce == ID else {ID: _node_ref(obj)}
    if obj.language:
        return {"@value": obj.value, "@language": obj.language}
    dt = obj.datatype.value
    if dt == _XSD_STRING and coerce is None:
        return obj.value
    if dt == coerce or (coerce is None and dt in _NATIVE):
        native = _native(obj.value, dt)
        if native is not None:
            return native
        if dt == coerce:
            return obj.value
    if dt == _XSD_STRING:
        return {"@value": obj.value}
    return {"@value": obj.value, "@type": compact(dt)}


def _native(text: str, dt: str):
    """An integer or boolean as JSON when it reads back to the same lexical form (canonical), else None."""
    if dt == XSD + "boolean" and text in ("true", "false"):
        return text == "true"
    if dt == XSD + "integer" and text.lstrip("-").isdigit() and str(int(text)) == text:
        return int(text)
    return None


def node_object(subject: str, triples: Iterable[ox.Triple]) -> dict:
    """The JSON-LD node object of one subject from its triples: ``@id``, ``@type``, ``label``, then the other
    keys in name order; a key with one value holds it, with more a list (a triple given twice is written once)."""
    types: list[str] = []
    values: dict[str, list] = {}
    seen: set[tuple[str, object]] = set()
    for t in triples:
        pred = t.predicate.value
        if (pred, t.object) in seen:
            continue
        seen.add((pred, t.object))
        if pred == _TYPE and isinstance(t.object, ox.NamedNode):
            types.append(_CLASS_TERM.get(t.object.value) or compact(t.object.value))
            continue
        key, coerce = _BY_PREDICATE.get(pred) or (compact(pred), "explicit")
        values.setdefault(key, []).append(_value(t.object, coerce))
    out: dict = {ID: subject}
    if types:
        out["@type"] = types[0] if len(types) == 1 else sorted(types)
    for key in sorted(values, key=lambda k: (k != "label", k)):
        out[key] = values[key][0] if len(values[key]) == 1 else values[key]
    return out


def node_objects(triples: Iterable[ox.Triple], *, grouped: bool = False) -> Iterator[dict]:
    """One node object per run of triples with the same subject (sorted first unless ``grouped``)."""
    if not grouped:
        triples = sorted(triples, key=lambda t: _node_ref(t.subject))
    for subject, run in groupby(triples, key=lambda t: _node_ref(t.subject)):
        yield node_object(subject, run)


def write_jsonld(triples: Iterable[ox.Triple], path, *, grouped: bool = False) -> Path:
    """Write triples as a JSON-LD document ``{"@context": …, "@graph": [node objects]}``.

    ``grouped``: the triples come grouped by subject already (a store's order); a subject seen twice is still
    correct (JSON-LD merges node objects with the same @id), only longer."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as f:
        f.write('{"@context": ')
        json.dump(jsonld_context(), f, ensure_ascii=False, indent=1)
        f.write(',\n"@graph": [')
        for i, node in enumerate(node_objects(triples, grouped=grouped)):
            f.write(",\n" if i else "\n")
            f.write(json.dumps(node, ensure_ascii=False, separators=(",", ":")))
        f.write("\n]}\n")
    return path

