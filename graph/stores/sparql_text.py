"""SPARQL text for a remote server: parameters bound as serialised RDF terms, data as INSERT DATA requests, and
the JSON results format read back as RDF terms.

Parameters are never pasted into a query as text. Each value becomes an RDF term first (the same terms the
embedded store substitutes: ``oxigraph._term``), and the term is written by pyoxigraph's own N-Triples
serialiser, which escapes quotes, backslashes and line breaks; the terms go into one ``VALUES`` row at the head
of the query's WHERE group, where every triple pattern, FILTER and BIND of that group sees them. (A parameter
used only inside a nested group or a sub-query would not be seen there; the saved queries use theirs at the top.)
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox

from govgraph.loaders.encoding import visible
from govgraph.ontology import PREFIXES

from .base import StoreError

PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_INT_TYPES = ("#integer", "#int", "#long", "#short", "#nonNegativeInteger", "#positiveInteger")


def with_prologue(text: str) -> str:
    """The query with the project's prefixes declared before it (the query may declare its own after)."""
    return PROLOGUE + text


def bind(text: str, params: dict[str, Any], term) -> str:
    """The query with ``params`` (name -> value, made an RDF term by ``term``) as a VALUES row at the head of its
    WHERE group."""
    if not params:
        return text
    for name in params:
        if not _VARIABLE.match(name):
            raise StoreError(f"{visible(name)!r} cannot be a query parameter: a name is letters, digits and _")
    at = where_brace(text)
    if at is None:
        raise StoreError("the query has no WHERE group to bind its parameters in")
    names = " ".join(f"?{k}" for k in params)
    values = " ".join("UNDEF" if v is None else str(term(v)) for v in params.values())
    return f"{text[:at + 1]} VALUES ({names}) {{ ({values}) }}\n{text[at + 1:]}"


def where_brace(text: str) -> int | None:
    """Where the first ``{`` of a query is, outside strings, IRIs and comments (a SELECT's WHERE group)."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif c == "<":
            m = _IRIREF.match(text, i)
            i = m.end() if m else i + 1  # not an IRI: the less-than operator
        elif c in "\"'":
            i = _string_end(text, i)
        elif c == "{":
            return i
        else:
            i += 1
    return None


def _string_end(text: str, i: int) -> int:
    quote = text[i] * 3 if text.startswith(text[i] * 3, i) else text[i]
    j = i + len(quote)
    while j < len(text):
        if text[j] == "\\":
            j += 2
        elif text.startswith(quote, j):
            return j + len(quote)
        else:
            j += 1
    return len(text)


def quad_line(q: ox.Quad) -> str:
    """A quad's triple in N-Triples form (its graph said by the request around it)."""
    return f"{q.subject} {q.predicate} {q.object} .\n"


def data_updates(verb: str, graphs: dict[str | None, Iterable[str]], limit: int) -> Iterator[str]:
    """``INSERT DATA`` (or ``DELETE DATA``) requests for N-Triples lines per graph (None: the default graph), each
    request at most about ``limit`` bytes (servers bound a request's body; the oxigraph server at 1 MiB)."""
    parts: list[str] = []
    size = 0
    for graph, lines in graphs.items():
        opened = False
        for line in lines:
            if size > limit:
                yield _request(verb, parts, graph if opened else None)
                parts, size, opened = [], 0, False
            if graph is not None and not opened:
                parts.append(f"GRAPH <{graph}> {{\n")
                opened = True
            parts.append(line)
            size += len(line.encode("utf-8", "replace"))
        if opened:
            parts.append("}\n")
    if parts:
        yield _request(verb, parts, None)


def _request(verb: str, parts: list[str], open_graph: str | None) -> str:
    return f"{verb} DATA {{\n{''.join(parts)}{'}' if open_graph else ''}}}"


def to_term(b: dict[str, str] | None):
    """An RDF term from one binding of the SPARQL JSON results format (None: unbound)."""
    if b is None:
        return None
    kind, value = b.get("type"), b.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in b:
            return ox.Literal(value, language=b["xml:lang"])
        if b.get("datatype"):
            return ox.Literal(value, datatype=ox.NamedNode(b["datatype"]))
        return ox.Literal(value)
    raise StoreError(f"the SPARQL server gave a term of unknown type {visible(str(kind))!r}")


def to_python(b: dict[str, str] | None, base: str):
    """A binding as the stores give values: node ids for IRIs under the base, numbers for numeric literals."""
    if b is None:
        return None
    kind, value = b.get("type"), b.get("value", "")
    if kind == "uri":
        return value[len(base):] if value.startswith(base) else value
    if kind == "bnode":
        return f"_:{value}"
    dt = b.get("datatype", "")
    if dt.endswith(_INT_TYPES):
        return int(value)
    if dt.endswith(("#decimal", "#double", "#float")):
        return float(value)
    return value
