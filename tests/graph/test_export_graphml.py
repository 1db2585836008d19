"""GraphML keeps attribute types (int, boolean, date text with a year) and weighs edges by their evidence."""
from __future__ import annotations

import networkx as nx
from click.testing import CliRunner

from govgraph.graph.cli import main
from govgraph.graph.export import write_export
from govgraph.graph.model import Evidence, Graph, Node


def small() -> Graph:
    g = Graph()
    g.add_node(Node("meeting/m", "Meeting", "市政府第12次常务会议", {
        "names": ["常务会议", "第12次常务会议"], "date": "2023-06-04", "ordinal": 12, "referenced": False}))
    g.add_node(Node("meeting/r", "Meeting", "全市工作会议", {"referenced": True}))
    g.add_node(Node("person/p", "Person", "李明", {"name": "李明", "journalist": False}))
    g.add_node(Node("article/a", "Article", "岳阳市政府召开常务会议", {"published": "2023-06-05"}))
    for art in ("a", "b", "c"):
        g.add_edge("person/p", "chaired", "meeting/m", Evidence(f"article/{art}", 3, 9, "李明主持", "2023-06-04"))
    g.add_edge("meeting/m", "refers_to", "meeting/r")  # no evidence at all: weight 0, no dates
    return g


def test_attributes_keep_their_types_and_edges_their_weight(tmp_path):
    back = nx.read_graphml(write_export(small(), tmp_path / "g.graphml", "graphml"), force_multigraph=True)
    m = back.nodes["meeting/m"]
    assert m["ordinal"] == 12 and isinstance(m["ordinal"], int)
    assert m["referenced"] is False and back.nodes["meeting/r"]["referenced"] is True
    assert back.nodes["person/p"]["journalist"] is False
    assert m["date"] == "2023-06-04" and m["year"] == 2023 and isinstance(m["year"], int)
    assert back.nodes["article/a"]["year"] == 2023 and "year" not in back.nodes["meeting/r"]
    assert m["names"] == "常务会议; 第12次常务会议" and m["type"] == "Meeting"
    chaired = back.edges["person/p", "meeting/m", "chaired"]
    assert chaired["weight"] == 3.0 and isinstance(chaired["weight"], float)
    assert (chaired["first_seen"], chaired["last_seen"], chaired["type"]) == ("2023-06-04", "2023-06-04", "chaired")
    refers = back.edges["meeting/m", "meeting/r", "refers_to"]
    assert refers["weight"] == 0.0 and "first_seen" not in refers


def test_weights_of_a_real_page_count_its_sentences(seed_graph, tmp_path):
    back = nx.read_graphml(write_export(seed_graph, tmp_path / "g.graphml", "graphml"), force_multigraph=True)
    want = {(e.source, e.target, e.type): len(e.evidence) for e in seed_graph.edges.values()}
    got = {(s, t, k): d["weight"] for s, t, k, d in back.edges(keys=True, data=True)}
    assert got == want and max(got.values()) >= 1
    ordinals = [d["ordinal"] for _, d in back.nodes(data=True) if "ordinal" in d]
    assert ordinals and all(isinstance(o, int) for o in ordinals)
    assert {type(d["referenced"]) for _, d in back.nodes(data=True) if "referenced" in d} == {bool}


def test_cli_graphml_opens_in_networkx(seed_path, tmp_path):
    st, out = tmp_path / "st", tmp_path / "g.graphml"
    assert CliRunner().invoke(main, ["ingest", str(seed_path), "--store", str(st)]).exit_code == 0
    res = CliRunner().invoke(main, ["export", "--format", "graphml", "-o", str(out), "--store", str(st)])
    assert res.exit_code == 0, res.output
    back = nx.read_graphml(out)
    assert any(d.get("label") == "邓群策" for _, d in back.nodes(data=True))
    assert all(isinstance(d["weight"], float) for *_, d in back.edges(data=True))
