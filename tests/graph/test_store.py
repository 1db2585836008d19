"""The embedded store: persistent, idempotent, counts that match the model."""
from __future__ import annotations

from govgraph.graph.stores import open_store


def test_ingest_twice_changes_nothing(store, seed_graph):
    store.write(seed_graph)
    first = store.counts()
    store.write(seed_graph)
    assert store.counts() == first
    assert first["Meeting"] == sum(1 for n in seed_graph.nodes.values() if n.type == "Meeting")
    assert first["chaired"] == 3 and first["attended"] == 13


def test_store_survives_reopening(tmp_path, seed_graph):
    s = open_store("oxigraph", path=tmp_path / "st")
    s.write(seed_graph)
    n = s.counts()["triples"]
    s.close()
    again = open_store("oxigraph", path=tmp_path / "st")
    assert again.counts()["triples"] == n > 0
    again.close()


def test_every_edge_has_evidence(seed_graph):
    for e in seed_graph.edges.values():
        assert e.evidence, e.key
        for ev in e.evidence:
            assert ev.quote and ev.end > ev.start and ev.article.startswith("article/")


def test_seed_graph_shape(seed_graph):
    g = seed_graph
    people = {n.label for n in g.nodes.values() if n.type == "Person"}
    assert {"邓群策", "朱健", "陈润", "罗文鹏"} <= people
    meetings = [n for n in g.nodes.values() if n.type == "Meeting" and not n.props.get("referenced")]
    assert sorted(m.label for m in meetings) == ["衡阳市委全面深化改革委员会会议 2021-04-22", "衡阳市委常委会会议 2021-04-22",
                                                 "衡阳市政府常务会议 2021-04-22"]
    deng = "person/430400/邓群策"
    assert {t for (s, t, _) in g.edges if s == deng} == {"chaired", "holds_post"}
    assert ("body/430400/衡阳市教育局", "leads_task", "meeting/430400/衡阳市政府/2021-04-22/executive") in g.edges


def test_one_sentence_may_speak_of_two_days(store):
    from govgraph.graph.model import Evidence, Graph, Node

    g = Graph()
    g.add_node(Node("body/x/b", "Body", "b", {}))
    for day in ("2023-05-08", "2023-05-09"):
        g.add_node(Node(f"meeting/x/b/{day}/meeting", "Meeting", f"m {day}", {"date": day}))
        g.add_edge("body/x/b", "convened", f"meeting/x/b/{day}/meeting", Evidence("article/a", 0, 10, "同一句话", day))
    store.write(g)
    rows = list(store.store.query(
        "SELECT ?d WHERE { ?e <https://govgraph.org/ontology#observedOn> ?d }"))
    assert sorted(r["d"].value for r in rows) == ["2023-05-08", "2023-05-09"]
    # each statement keeps the day it speaks of, not its neighbour's
    days = {r["m"].value.split("/")[-2]: r["d"].value for r in store.store.query(
        "SELECT ?m ?d WHERE { ?st <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?m ;"
        " <http://www.w3.org/ns/prov#wasDerivedFrom> ?e . ?e <https://govgraph.org/ontology#observedOn> ?d }")}
    assert days == {"2023-05-08": "2023-05-08", "2023-05-09": "2023-05-09"}
