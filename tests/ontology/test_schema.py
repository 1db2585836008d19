"""graph/schema.py and the ontology (govgraph.ttl, shapes.ttl) say the same thing, both ways."""
from __future__ import annotations

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from govgraph.graph import schema
from govgraph.ontology import ELI_DL, GG, ontology_path

U = rdflib.URIRef
GG_EDGE = U(GG + "edgeType")
DATATYPE_IRIS = {"string": rdflib.XSD.string, "integer": rdflib.XSD.integer, "date": rdflib.XSD.date,
                 "boolean": rdflib.XSD.boolean}


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(str(ontology_path("govgraph.ttl")), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(str(ontology_path("shapes.ttl")), format="turtle")


def _own(ontology, kind) -> set[str]:
    return {str(s) for s in ontology.subjects(RDF.type, kind) if str(s).startswith(GG)}


def _node_shape(shapes, cls: str):
    found = list(shapes.subjects(SH.targetClass, U(cls)))
    assert len(found) == 1, f"one node shape targets {cls}"
    return found[0]


def _shape_paths(shapes, node_shape) -> set[str]:
    """The single-predicate paths of a node shape's property shapes (alternatives counted one by one)."""
    out = set()
    for ps in shapes.objects(node_shape, SH.property):
        path = shapes.value(ps, SH.path)
        if isinstance(path, U):
            out.add(str(path))
        elif path is not None and shapes.value(path, SH.alternativePath) is not None:
            out |= {str(p) for p in rdflib.collection.Collection(shapes, shapes.value(path, SH.alternativePath))}
    return out


def test_every_node_class_is_declared_and_every_declared_class_is_a_node_type_or_provenance(ontology):
    classes = {t.classes[0] for t in schema.NODE_TYPES.values()}
    assert classes | {schema.STATEMENT_CLASS, schema.EVIDENCE_CLASS} == _own(ontology, OWL.Class)
    for t in schema.NODE_TYPES.values():
        for standard in t.classes[1:]:
            assert (U(t.classes[0]), RDFS.subClassOf, U(standard)) in ontology, t.name


def test_edge_types_and_their_predicates_agree_both_ways(ontology):
    declared = {str(o): str(s) for s, o in ontology.subject_objects(GG_EDGE)
                if (s, RDF.type, SKOS.Concept) not in ontology}
    assert declared == {name: e.predicate for name, e in schema.EDGE_TYPES.items()}
    for e in schema.EDGE_TYPES.values():
        if e.predicate.startswith(GG):  # org:postIn is the standard's own term
            assert (U(e.predicate), RDFS.domain, U(GG + e.source)) in ontology, e.name
            assert (U(e.predicate), RDFS.range, U(GG + e.target)) in ontology, e.name


def test_participation_roles_agree_both_ways(ontology):
    roles = {str(s): str(o) for s, o in ontology.subject_objects(GG_EDGE) if (s, RDF.type, SKOS.Concept) in ontology}
    assert roles == {e.role: name for name, e in schema.EDGE_TYPES.items() if e.role}


def test_node_properties_agree_with_the_datatype_properties(ontology):
    used = {p.predicate for t in schema.NODE_TYPES.values() for p in t.props if p.predicate.startswith(GG)}
    provenance = {schema.OBSERVED_ON, schema.RELATION}
    assert used | provenance | schema.INDEX_DATATYPE_PROPERTIES == _own(ontology, OWL.DatatypeProperty)
    for t in schema.NODE_TYPES.values():
        for p in t.props:
            rng = ontology.value(U(p.predicate), RDFS.range)
            if p.predicate.startswith(GG) and rng is not None:
                assert rng == DATATYPE_IRIS[p.datatype], (t.name, p.name)


def test_meeting_kinds_agree_both_ways(ontology):
    scheme = U(GG + "MeetingKinds")
    concepts = {str(c): str(ontology.value(c, SKOS.notation)) for c in ontology.subjects(SKOS.inScheme, scheme)}
    assert concepts == {k.concept: k.key for k in schema.MEETING_KINDS.values()}
    for k in schema.MEETING_KINDS.values():
        assert k.label in {str(v) for v in ontology.objects(U(k.concept), SKOS.prefLabel)}, k.key


def test_body_kinds_agree_both_ways(ontology):
    scheme = U(GG + "BodyKinds")
    concepts = {str(c): str(ontology.value(c, SKOS.notation)) for c in ontology.subjects(SKOS.inScheme, scheme)}
    assert concepts == {iri: name for name, iri in schema.BODY_KINDS.items()}


def test_shapes_cover_each_node_type_and_name_only_its_properties_and_edges(shapes):
    for t in schema.NODE_TYPES.values():
        paths = _shape_paths(shapes, _node_shape(shapes, t.classes[0]))
        props = {p.predicate for p in t.props}
        edges = {e.predicate for e in schema.EDGE_TYPES.values() if e.source == t.name}
        kinds = {schema.BODY_KIND} if t.name == "Body" else {schema.MEETING_KIND} if t.name == "Meeting" else set()
        extra = {str(RDF.type), str(RDFS.label), ELI_DL + "had_participation"}
        assert props <= paths, f"{t.name}: properties without a shape: {props - paths}"
        unknown = paths - extra - props - edges - kinds
        assert not unknown, f"{t.name}: shape paths the schema lacks: {unknown}"


def test_every_schema_edge_has_a_shape_on_its_source(shapes):
    for e in schema.EDGE_TYPES.values():
        source = schema.NODE_TYPES[e.source].classes[0]
        assert e.predicate in _shape_paths(shapes, _node_shape(shapes, source)), e.name


def test_unknown_names_are_errors_that_list_the_known_ones():
    with pytest.raises(ValueError, match="chaired"):
        schema.edge_type("chairs")
    with pytest.raises(ValueError, match="Person"):
        schema.node_type("People")
    assert schema.meeting_kind("常务会议").key == "executive"
    assert schema.meeting_kind("扩大会议") is schema.DEFAULT_MEETING_KIND
    assert schema.meeting_kind("主席会议").label_for("主席会议") == "主席会议"
