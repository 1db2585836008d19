"""Exports validate against the shapes; broken graphs are reported naming the shape, the node and the path."""
from __future__ import annotations

import json

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.namespace import RDF

from govgraph.graph.cli import main
from govgraph.graph.export import write_rdf
from govgraph.graph.validate import validate
from govgraph.ontology import GG, OA, PROV, SCHEMA

RDFLIB_FORMAT = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld"}
U = rdflib.URIRef
XSD_DATE = U("http://www.w3.org/2001/XMLSchema#date")
XSD_INTEGER = U("http://www.w3.org/2001/XMLSchema#integer")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("fmt", sorted(RDFLIB_FORMAT))
def test_every_export_format_of_the_seed_page_validates(fmt, seed_store, tmp_path):
    path = write_rdf(seed_store, tmp_path / f"seed.{fmt}", fmt)
    g = rdflib.Graph().parse(path, format=RDFLIB_FORMAT[fmt])
    assert len(g) == seed_store.size()
    ok, report = validate(g)
    assert ok, report


def test_the_exports_say_the_same_thing(seed_store, tmp_path):
    graphs = [rdflib.Graph().parse(write_rdf(seed_store, tmp_path / f"s.{f}", f), format=RDFLIB_FORMAT[f])
              for f in RDFLIB_FORMAT]
    from rdflib.compare import isomorphic

    assert isomorphic(graphs[0], graphs[1]) and isomorphic(graphs[0], graphs[2])


def test_offsets_are_exported_as_integers_of_at_least_zero(seed_rdf):
    """xsd:integer, as Oxigraph keeps every integer type (the shapes ask for 0 or more): a store's own dump is
    the export."""
    starts = list(seed_rdf.objects(None, U(OA + "start")))
    assert starts and {s.datatype for s in starts} == {XSD_INTEGER} and min(int(s) for s in starts) >= 0


def test_jsonld_has_readable_keys_typed_values_and_absolute_ids(seed_store, tmp_path):
    import pyoxigraph as ox

    path = write_rdf(seed_store, tmp_path / "s.jsonld", "jsonld")
    # a second, independent JSON-LD reader gets every triple back
    assert sum(1 for _ in ox.parse(path=str(path), format=ox.RdfFormat.JSON_LD)) == seed_store.size()
    doc = json.loads(path.read_text(encoding="utf-8"))
    ctx = doc["@context"]
    assert ctx["gg"] == GG and ctx["schema"] == SCHEMA and "@base" not in ctx
    assert ctx["chaired"] == {"@id": "gg:chaired", "@type": "@id"} and ctx["label"] == "rdfs:label"
    assert ctx["date"] == {"@id": "schema:startDate", "@type": "xsd:date"}
    assert ctx["ordinal"] == {"@id": "gg:ordinal", "@type": "xsd:integer"}
    nodes = doc["@graph"]
    deng = next(n for n in nodes if n.get("label") == "邓群策")
    assert deng["@id"] == "https://govgraph.org/id/person/430400/邓群策" and "Person" in deng["@type"]
    assert all(n["@id"].startswith("https://govgraph.org/id/") for n in nodes)
    chaired = deng["chaired"] if isinstance(deng["chaired"], list) else [deng["chaired"]]
    assert all(m.startswith("https://govgraph.org/id/meeting/") for m in chaired)
    meeting = next(n for n in nodes if "ordinal" in n)
    assert isinstance(meeting["ordinal"], int) and isinstance(meeting["referenced"], bool)
    assert len(meeting["date"]) == 10 and meeting["date"][4] == "-"
    evidence = next(n for n in nodes if "exact" in n)
    assert isinstance(evidence["start"], int) and isinstance(evidence["end"], int)
    text = path.read_text(encoding="utf-8")
    assert '"gg:chaired"' not in text.replace('"@id": "gg:chaired"', "") and '"rdfs:label":' not in text


def test_validates_a_file_and_a_store(seed_store, tmp_path):
    path = write_rdf(seed_store, tmp_path / "seed.nt", "nt")
    assert validate(path)[0]
    assert validate(seed_store)[0]


def test_the_fuller_sample_set_validates(store, seed_path):
    """The seed page and the samples shipped with the package, ingested together."""
    from pathlib import Path

    from govgraph.graph.ingest import read_graph

    samples = Path(__file__).resolve().parents[2] / "graph" / "samples"
    rep = read_graph([seed_path, *sorted(samples.iterdir())])
    assert not rep.errors and rep.articles > 3
    store.write(rep.graph)
    ok, report = validate(store)
    assert ok, report


def _one(g, s=None, p=None, o=None):
    return next(iter(g.triples((s, p, o))))


def _statement(g, relation):
    return next(s for s in g.subjects(U(GG + "relation"), rdflib.Literal(relation)))


def no_evidence(g):
    st = _statement(g, "chaired")
    g.remove((st, U(PROV + "wasDerivedFrom"), None))
    return "ggsh:StatementShape", "prov:wasDerivedFrom", st


def two_dates(g):
    m, _, _ = _one(g, p=U(SCHEMA + "startDate"))
    g.add((m, U(SCHEMA + "startDate"), rdflib.Literal("2021-04-23", datatype=XSD_DATE)))
    return "ggsh:MeetingShape", "schema:startDate", m


def date_as_text(g):
    m, _, _ = _one(g, p=U(SCHEMA + "startDate"))
    g.remove((m, U(SCHEMA + "startDate"), None))
    g.add((m, U(SCHEMA + "startDate"), rdflib.Literal("2021年4月22日")))
    return "ggsh:MeetingShape", "schema:startDate", m


def person_without_name(g):
    p = next(g.subjects(RDF.type, U(GG + "Person")))
    g.remove((p, U(GG + "name"), None))
    return "ggsh:PersonShape", "gg:name", p


def quote_and_span_disagree(g):
    ev, _, quote = _one(g, p=U(OA + "exact"))
    g.remove((ev, U(OA + "exact"), None))
    g.add((ev, U(OA + "exact"), rdflib.Literal(str(quote) + "\n")))
    return "ggsh:EvidenceTextShape", None, ev


def evidence_without_offsets(g):
    ev, _, _ = _one(g, p=U(OA + "start"))
    g.remove((ev, U(OA + "start"), None))
    return "ggsh:EvidenceShape", "oa:start", ev


def triple_missing(g):
    st = _statement(g, "convened")
    s, p, o = (g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object))
    g.remove((s, p, o))
    return "ggsh:StatementTriplesShape", None, st


def relation_disagrees_with_predicate(g):
    st = _statement(g, "reviewed")
    g.set((st, U(GG + "relation"), rdflib.Literal("approved")))
    return "ggsh:StatementShape", "rdf:predicate/gg:edgeType", st


def participation_not_typed(g):
    st = _statement(g, "attended")
    g.remove((st, RDF.type, U("http://data.europa.eu/eli/eli-draft-legislation-ontology#Participation")))
    return "ggsh:ParticipationStatementShape", None, st


def body_kind_from_the_wrong_scheme(g):
    b = next(g.subjects(RDF.type, U(GG + "Body")))
    g.set((b, U(GG + "bodyKind"), U(GG + "meeting-executive")))
    return "ggsh:BodyShape", "gg:bodyKind/skos:inScheme", b


BREAKAGES = [no_evidence, two_dates, date_as_text, person_without_name, quote_and_span_disagree,
             evidence_without_offsets, triple_missing, relation_disagrees_with_predicate, participation_not_typed,
             body_kind_from_the_wrong_scheme]


@pytest.mark.parametrize("breakage", BREAKAGES, ids=lambda f: f.__name__)
def test_a_broken_graph_is_reported_naming_the_shape(breakage, seed_rdf):
    shape, path, node = breakage(seed_rdf)
    ok, report = validate(seed_rdf)
    assert not ok
    lines = [ln for ln in report.splitlines() if ln.startswith("- ")]
    assert any(shape + (f" path {path}:" if path else ":") in ln and str(node)[-20:] in ln for ln in lines), \
        "\n".join(lines)


def test_cli_export_validate_and_validate_command(seed_path, tmp_path):
    st = tmp_path / "st"
    assert run("ingest", seed_path, "--store", st).exit_code == 0
    for fmt in ("turtle", "nt", "jsonld", "graphml"):
        out = tmp_path / f"g.{fmt}"
        res = run("export", "--format", fmt, "-o", out, "--store", st, "--validate")
        assert res.exit_code == 0, res.output
        assert "valid:" in res.output
    res = run("validate", tmp_path / "g.jsonld")
    assert res.exit_code == 0 and "conform" in res.output


def test_cli_validate_names_what_is_broken(seed_rdf, tmp_path):
    two_dates(seed_rdf)
    bad = tmp_path / "bad.ttl"
    seed_rdf.serialize(bad, format="turtle")
    res = CliRunner().invoke(main, ["validate", str(bad)])
    assert res.exit_code == 1
    assert "ggsh:MeetingShape path schema:startDate" in res.output and "focus" in res.output


def test_cli_validate_refuses_a_file_that_is_not_rdf(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    res = CliRunner().invoke(main, ["validate", str(bad)])
    assert res.exit_code == 1 and "cannot read" in res.output
