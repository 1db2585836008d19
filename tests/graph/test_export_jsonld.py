"""JSON-LD with readable keys says exactly what the triples say, also for values that do not fit their key."""
from __future__ import annotations

import json

import pyoxigraph as ox
import rdflib
from rdflib.compare import isomorphic

from govgraph.graph.export import write_export
from govgraph.graph.export.jsonld import TERMS, jsonld_context, write_jsonld
from govgraph.graph.model import Evidence, Graph, Node
from govgraph.ontology import GG, RDF, RDFS, SCHEMA, XSD, base_iri

N, L = ox.NamedNode, ox.Literal
ID = base_iri()


def odd_triples() -> list[ox.Triple]:
    """Triples no ingest writes, but a store may hold: each value a mismatch for its key's declared type."""
    m, p = N(ID + "meeting/odd"), N(ID + "person/odd")
    return [
        ox.Triple(m, N(RDF + "type"), N(GG + "Meeting")),
        ox.Triple(m, N(RDF + "type"), N("http://example.org/Sitting")),  # a class under no prefix
        ox.Triple(m, N(SCHEMA + "startDate"), L("2021年4月22日")),  # a date key holding plain text
        ox.Triple(m, N(SCHEMA + "startDate"), L("2021-04-22", datatype=N(XSD + "date"))),
        ox.Triple(m, N(GG + "ordinal"), L("007", datatype=N(XSD + "integer"))),  # not canonical
        ox.Triple(m, N(GG + "ordinal"), L("3.5", datatype=N(XSD + "decimal"))),
        ox.Triple(m, N(GG + "referenced"), L("1", datatype=N(XSD + "boolean"))),
        ox.Triple(m, N(RDFS + "label"), L("会议", language="zh")),
        ox.Triple(m, N(RDFS + "label"), L("12", datatype=N(XSD + "integer"))),  # a number where text is due
        ox.Triple(p, N(GG + "chaired"), m),
        ox.Triple(p, N(GG + "chaired"), L("not a node")),  # an edge key holding a literal
        ox.Triple(p, N(GG + "name"), L("某人")),
        ox.Triple(p, N("http://example.org/weight"), L("-4", datatype=N(XSD + "integer"))),  # unknown predicate
        ox.Triple(p, N("http://example.org/knows"), N(ID + "person/other")),
        ox.Triple(ox.BlankNode("b1"), N(GG + "name"), L("无名")),  # a blank node subject
    ]


def parsed(path) -> rdflib.Graph:
    return rdflib.Graph().parse(path, format="json-ld")


def test_values_that_do_not_fit_their_key_still_read_back_the_same(tmp_path):
    triples = odd_triples()
    want = rdflib.Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    for grouped in (False, True):
        path = write_jsonld(sorted(triples, key=lambda t: str(t.subject)) if grouped else triples,
                            tmp_path / f"odd-{grouped}.jsonld", grouped=grouped)
        assert isomorphic(parsed(path), want)
        assert sum(1 for _ in ox.parse(path=str(path), format=ox.RdfFormat.JSON_LD)) == len(triples)


def test_fitting_values_are_written_short_and_typed(tmp_path):
    g = Graph()
    g.add_node(Node("meeting/m", "Meeting", "市政府常务会议", {
        "names": ["常务会议", "市政府常务会议"], "date": "2023-06-04", "ordinal": 12, "referenced": False}))
    g.add_node(Node("person/p", "Person", "李明", {"name": "李明", "journalist": True}))
    g.add_edge("person/p", "chaired", "meeting/m", Evidence("article/a", 3, 9, "李明主持", "2023-06-04"))
    path = write_export(g, tmp_path / "g.jsonld", "jsonld")
    nodes = {n["@id"]: n for n in json.loads(path.read_text(encoding="utf-8"))["@graph"]}
    m, p = nodes[ID + "meeting/m"], nodes[ID + "person/p"]
    assert m["@type"] == ["Meeting", "schema:Event"] and m["label"] == "市政府常务会议"
    assert m["date"] == "2023-06-04" and m["ordinal"] == 12 and m["referenced"] is False
    assert set(m["name"]) == {"常务会议", "市政府常务会议"}
    assert p["chaired"] == ID + "meeting/m" and p["journalist"] is True
    assert list(p)[:3] == ["@id", "@type", "label"]
    # a triple the model repeats (shared evidence) is written once; the whole reads back as the model's triples
    from govgraph.graph.export import to_ntriples

    assert isomorphic(parsed(path), rdflib.Graph().parse(data=to_ntriples(g), format="nt"))


def test_every_term_of_the_context_is_one_predicate():
    ctx = jsonld_context()
    preds = [pred for pred, _ in TERMS.values()]
    assert len(preds) == len(set(preds))
    assert all(term in ctx for term in TERMS)
    assert {"chaired", "attended", "label", "name", "date", "holds_post", "exact", "start"} <= set(TERMS)
