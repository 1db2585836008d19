"""Exports: the graph in files other tools read, one module per format.

Turtle and N-Triples (``rdf``), JSON-LD with readable keys (``jsonld``), GraphML with typed attributes and
weights (``graphml``), Popolo JSON (``popolo``). Each takes a store or a model graph.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Graph
from ..stores import Store
from .graphml import to_networkx, write_graphml, xml_safe
from .jsonld import jsonld_context
from .popolo import to_popolo, write_popolo
from .rdf import RDF_FORMATS, to_ntriples, triples_of, write_rdf

FORMATS = ("turtle", "nt", "jsonld", "graphml", "popolo")
_WRITERS = {"graphml": write_graphml, "popolo": write_popolo}

__all__ = ["FORMATS", "RDF_FORMATS", "jsonld_context", "to_networkx", "to_ntriples", "to_popolo", "triples_of",
           "write_export", "write_graphml", "write_popolo", "write_rdf", "xml_safe"]


def write_export(source: Store | Graph, path, fmt: str = "turtle") -> Path:
    """Write ``source`` in any export format."""
    if fmt in _WRITERS:
        return _WRITERS[fmt](source, path)
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return write_rdf(source, path, fmt)
