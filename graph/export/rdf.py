"""Turtle and N-Triples: the store's own dump when it has one, pyoxigraph's serializer otherwise."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from govgraph.ontology import PREFIXES, base_iri

from ..model import Graph
from ..rdf import graph_triples
from ..stores import Store

RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
               "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD, "json-ld": ox.RdfFormat.JSON_LD}


def triples_of(source: Store | Graph) -> Iterable[ox.Triple]:
    """The RDF triples of a store (read directly when it holds RDF) or of a model graph."""
    return source.triples() if isinstance(source, Store) else graph_triples(source)


def to_ntriples(source: Store | Graph) -> str:
    """The triples of a store or graph as N-Triples text."""
    return ox.serialize(triples_of(source), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")  # type: ignore[union-attr]


def write_rdf(source: Store | Graph, path, fmt: str = "turtle") -> Path:
    """Write a store or a graph as Turtle, N-Triples or JSON-LD (with readable keys, see ``jsonld``)."""
    path = Path(path)
    rdf_format = RDF_FORMATS[fmt]
    if rdf_format == ox.RdfFormat.JSON_LD:
        from .jsonld import write_jsonld

        # an RDF store hands its triples out by subject (Oxigraph's index order); the others are sorted first
        return write_jsonld(triples_of(source), path, grouped=isinstance(source, Store) and source.rdf_native)
    prefixes = dict(PREFIXES, id=base_iri())
    if not (isinstance(source, Store) and source.dump(path, rdf_format, prefixes)):
        ox.serialize(triples_of(source), str(path), rdf_format, prefixes=prefixes)
    return path
