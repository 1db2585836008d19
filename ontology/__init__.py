"""The govgraph vocabulary: namespace IRIs the code uses, and the Turtle files that define them."""
from __future__ import annotations

import os
from importlib import resources

GG = "https://govgraph.org/ontology#"
DEFAULT_BASE = "https://govgraph.org/id/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
FOAF = "http://xmlns.com/foaf/0.1/"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ELI_DL = "http://data.europa.eu/eli/eli-draft-legislation-ontology#"
SH = "http://www.w3.org/ns/shacl#"

PREFIXES = {"gg": GG, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "foaf": FOAF, "org": ORG,
            "schema": SCHEMA, "prov": PROV, "oa": OA, "skos": SKOS, "eli-dl": ELI_DL}


def base_iri() -> str:
    """Where node IRIs are minted: GOVGRAPH_BASE, or the project default."""
    base = os.environ.get("GOVGRAPH_BASE", DEFAULT_BASE)
    return base if base.endswith(("/", "#")) else base + "/"


def ontology_path(name: str = "govgraph.ttl"):
    """Path of a Turtle file shipped in this package (govgraph.ttl, shapes.ttl)."""
    return resources.files(__name__) / name
