"""The ontology parses, declares every gg: term the data uses, and ties its terms to the standard vocabularies."""
from __future__ import annotations

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from govgraph.graph import rdf as to_rdf
from govgraph.graph import schema
from govgraph.ontology import GG, ontology_path

DECLARED_AS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, SKOS.Concept,
               SKOS.ConceptScheme}
GG_EDGE = rdflib.URIRef(GG + "edgeType")


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(str(ontology_path("govgraph.ttl")), format="turtle")


def _gg_terms(triples) -> set[str]:
    """Every gg: IRI used as a predicate, a class or a value (node IRIs live under the base, not here)."""
    out = set()
    for s, p, o in triples:
        for t in (s, p, o):
            v = getattr(t, "value", None) if not isinstance(t, str) else t
            if isinstance(v, str) and v.startswith(GG):
                out.add(v)
    return out


def _declared(ontology: rdflib.Graph, term: str) -> bool:
    return bool(set(ontology.objects(rdflib.URIRef(term), RDF.type)) & DECLARED_AS)


def test_the_ontology_and_the_shapes_parse():
    g = rdflib.Graph().parse(str(ontology_path("govgraph.ttl")), format="turtle")
    assert (rdflib.URIRef("https://govgraph.org/ontology"), RDF.type, OWL.Ontology) in g
    shapes = rdflib.Graph().parse(str(ontology_path("shapes.ttl")), format="turtle")
    assert len(set(shapes.subjects(RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#NodeShape")))) >= 10


def test_every_gg_term_in_an_ingest_of_the_seed_page_is_declared(ontology, seed_graph):
    used = _gg_terms((q.subject, q.predicate, q.object) for q in to_rdf.graph_quads(seed_graph))
    assert {GG + "Person", GG + "Statement", GG + "Evidence", GG + "chaired", GG + "bodyKind",
            GG + "role-chair"} <= used
    missing = sorted(t for t in used if not _declared(ontology, t))
    assert not missing, f"used by the data but not declared in govgraph.ttl: {missing}"


def test_own_terms_have_chinese_and_english_labels_and_comments(ontology):
    own = {s for s in ontology.subjects(RDF.type, None) if isinstance(s, rdflib.URIRef) and str(s).startswith(GG)}
    assert len(own) > 40
    for term in own:
        is_concept = any(ontology.triples((term, RDF.type, SKOS.Concept))) or \
            any(ontology.triples((term, RDF.type, SKOS.ConceptScheme)))
        label, note = (SKOS.prefLabel, SKOS.definition) if is_concept else (RDFS.label, RDFS.comment)
        for pred in (label, note) if (term, RDF.type, SKOS.ConceptScheme) not in ontology else (label,):
            langs = {o.language for o in ontology.objects(term, pred)}
            assert {"zh", "en"} <= langs, f"{term} lacks {pred} in zh and en"


@pytest.mark.parametrize("ours, standard", [
    ("Person", "http://xmlns.com/foaf/0.1/Person"),
    ("Body", "http://www.w3.org/ns/org#Organization"),
    ("Post", "http://www.w3.org/ns/org#Post"),
    ("Meeting", "https://schema.org/Event"),
    ("Article", "https://schema.org/NewsArticle"),
    ("Document", "https://schema.org/CreativeWork"),
    ("Evidence", "http://www.w3.org/ns/prov#Entity"),
    ("Evidence", "http://www.w3.org/ns/oa#TextQuoteSelector"),
    ("Statement", "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement"),
])
def test_classes_specialise_standard_classes(ontology, ours, standard):
    assert (rdflib.URIRef(GG + ours), RDFS.subClassOf, rdflib.URIRef(standard)) in ontology


@pytest.mark.parametrize("ours, link, standard", [
    ("holdsPost", RDFS.subPropertyOf, "http://www.w3.org/ns/org#holds"),
    ("chaired", RDFS.subPropertyOf, GG + "tookPartIn"),
    ("tookPartIn", OWL.inverseOf, "https://schema.org/attendee"),
    ("convened", OWL.inverseOf, "https://schema.org/organizer"),
    ("reported", OWL.inverseOf, "https://schema.org/author"),
    ("describes", RDFS.subPropertyOf, "https://schema.org/about"),
    ("inArticle", RDFS.subPropertyOf, "http://www.w3.org/ns/prov#wasQuotedFrom"),
    ("name", RDFS.subPropertyOf, "http://xmlns.com/foaf/0.1/name"),
    ("bodyKind", RDFS.subPropertyOf, "http://www.w3.org/ns/org#classification"),
])
def test_properties_map_to_standard_terms(ontology, ours, link, standard):
    assert (rdflib.URIRef(GG + ours), link, rdflib.URIRef(standard)) in ontology


def test_body_kinds_are_the_six_the_extractor_gives(ontology):
    from govgraph.graph.bodies import classify

    scheme = rdflib.URIRef(GG + "BodyKinds")
    concepts = set(ontology.subjects(SKOS.inScheme, scheme))
    assert {str(ontology.value(c, SKOS.notation)) for c in concepts} == {"党委", "政府", "人大", "政协", "部门", "其他"}
    for name in ("衡阳市委常委会", "衡阳市政府", "衡阳市人大常委会", "衡阳市政协", "衡阳市教育局", "某某领导小组"):
        assert classify(name) in schema.BODY_KINDS
