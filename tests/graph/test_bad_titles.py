"""Titles that once lost a whole batch or broke an export: each is stored as its own node, and every export of
the store reads back (rdflib for Turtle, N-Triples and JSON-LD; networkx for GraphML)."""
from __future__ import annotations

import json

import networkx as nx
import pytest
import rdflib

from govgraph.graph.export import write_export
from govgraph.graph.ingest import ingest
from govgraph.graph.model import Evidence, Graph, Node
from govgraph.graph.stores import open_store
from govgraph.ontology import base_iri

from ..reports import report

TITLES = {
    "bracket": "关于［2023］年度重点工作的意见",  # NFKC makes [ and ], which an IRI may not hold raw
    "private use": "关于\ue000城区改造的方案",
    "dash": "城乡融合发展规划-2024",
    "backslash": "城乡融合发展规划\\2024",  # once merged with the dash title into one node
    "full stop": "安全生产专项整治实施方案．",  # once gave Turtle that rdflib could not read
    "control": "关于\x07加强管理的通知",
}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("titles")
    feed = tmp / "titles.jsonl"
    good = [json.dumps({"text": report(n), "date": "2024-03-01"}, ensure_ascii=False) for n in range(3)]
    bad = [json.dumps({"text": report(10 + i, doc=t), "date": "2024-03-01"}, ensure_ascii=False)
           for i, t in enumerate(TITLES.values())]
    feed.write_text("\n".join(good + bad), encoding="utf-8")
    with open_store("oxigraph", path=tmp / "st") as store:
        summary = ingest([feed], store)
    assert summary.articles == 3 + len(TITLES)
    assert summary.problems == ["titles.jsonl:9: 'text' has 1 control character(s); removed"]
    return tmp / "st"


def documents(store_path) -> dict[str, str]:
    with open_store("oxigraph", path=store_path, read_only=True) as s:
        return {n.id: n.label for n in s.read_graph().nodes.values() if n.type == "Document"}


def test_each_title_is_its_own_document(store_path):
    labels = set(documents(store_path).values())
    assert len(documents(store_path)) == 3 + len(TITLES)
    assert {"关于［2023］年度重点工作的意见", "城乡融合发展规划-2024", "城乡融合发展规划\\2024", "关于加强管理的通知",
            "安全生产专项整治实施方案．"} <= labels


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("fmt,parser", [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_every_rdf_export_reads_back(store_path, tmp_path, fmt, parser):
    out = tmp_path / f"g.{fmt}"
    with open_store("oxigraph", path=store_path, read_only=True) as s:
        write_export(s, out, fmt)
    g = rdflib.Graph().parse(out, format=parser)
    found = {str(x)[len(base_iri()):] for x in g.subjects() if str(x).startswith(base_iri() + "document/")}
    assert found == set(documents(store_path))


def test_graphml_stays_xml_with_control_characters_in_labels(tmp_path):
    g = Graph()
    g.add_node(Node("document/a", "Document", "有\x08退格\x00的标题", {"title": "x\x1by"}))
    g.add_node(Node("meeting/m", "Meeting", "会议\ufffe", {}))
    g.add_edge("meeting/m", "approved", "document/a", Evidence("article/a", 0, 3, "引\x0b文"))
    write_export(g, tmp_path / "g.graphml", "graphml")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.nodes["document/a"]["label"] == "有\\x08退格\\x00的标题"
    assert back.nodes["meeting/m"]["label"] == "会议\\ufffe"
