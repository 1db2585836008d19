"""Rows and Oxigraph's own results as the bytes an HTTP client asked for."""
from __future__ import annotations

import csv
import io
import json
from typing import Any

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
SPARQL_JSON = "application/sparql-results+json"
RESULT_TYPES = {SPARQL_JSON: ox.QueryResultsFormat.JSON, "application/sparql-results+xml": ox.QueryResultsFormat.XML,
                "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV,
                "application/json": ox.QueryResultsFormat.JSON}
GRAPH_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
               "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD,
               "text/plain": ox.RdfFormat.N_TRIPLES}
ROW_TYPES = ["application/json", SPARQL_JSON, "text/csv"]


def native(result: Any, media_type: str) -> bytes:
    """An Oxigraph result (solutions, boolean or triples) serialized as ``media_type``."""
    if isinstance(result, ox.QueryTriples):
        return result.serialize(format=GRAPH_TYPES[media_type]) or b""
    return result.serialize(format=RESULT_TYPES[media_type]) or b""


def _binding(value: Any) -> dict:
    if isinstance(value, bool):
        return {"type": "literal", "value": "true" if value else "false", "datatype": XSD + "boolean"}
    if isinstance(value, int):
        return {"type": "literal", "value": str(value), "datatype": XSD + "integer"}
    if isinstance(value, float):
        return {"type": "literal", "value": repr(value), "datatype": XSD + "double"}
    return {"type": "literal", "value": str(value)}


def rows(cols: list[str], found: list[tuple], media_type: str) -> bytes:
    """Rows as JSON objects, SPARQL JSON results (unbound cells left out, as the format says) or CSV."""
    if media_type == "text/csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(cols)
        w.writerows(["" if v is None else v for v in r] for r in found)
        return buf.getvalue().encode("utf-8")
    if media_type == SPARQL_JSON:
        doc: dict = {"head": {"vars": cols}, "results": {"bindings": [
            {c: _binding(v) for c, v in zip(cols, r, strict=True) if v is not None} for r in found]}}
    else:
        doc = {"columns": cols, "rows": [dict(zip(cols, r, strict=True)) for r in found]}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")
