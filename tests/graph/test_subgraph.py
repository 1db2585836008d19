"""graph/subgraph: views and analyses are chosen by bounded queries, the same on every store (Neo4j marked)."""
from __future__ import annotations

import os
from collections import Counter
from itertools import combinations

import pytest

from govgraph.graph.model import Graph
from govgraph.graph.stores import STORES, Store, open_store
from govgraph.graph.subgraph import (
    Filters,
    SelectionError,
    co_attendance,
    select_ego,
    select_filtered,
    select_timeline,
)

from ..conftest import need, open_endpoint

PARTICIPATION = ("chaired", "attended", "sat_in", "spoke_at")


def _open(name: str, tmp_path, request=None) -> Store:
    if name == "sparql":  # the SPARQL-endpoint store, on the oxigraph server the tests start
        return open_endpoint(request.getfixturevalue("oxigraph_server"))
    if name == "neo4j":
        need(bool(os.environ.get("NEO4J_URI")), "a Neo4j server (NEO4J_URI; tools/run-tests.sh starts one)")
        store = open_store("neo4j")
        store.clear()
        return store
    return open_store(name, path=tmp_path / name)


_MARKS = {"neo4j": pytest.mark.neo4j, "sparql": pytest.mark.sparql_server}


@pytest.fixture(params=[pytest.param(n, marks=_MARKS[n]) if n in _MARKS else n for n in STORES])
def loaded(request, tmp_path, corpus_graph):
    store = _open(request.param, tmp_path, request)
    store.write(corpus_graph)
    yield store
    store.close()


def _evidence(g: Graph) -> dict:
    return {k: {ev.key for ev in e.evidence} for k, e in g.edges.items()}


def _held(g: Graph) -> list:
    return [n for n in g.nodes.values() if n.type == "Meeting" and not n.props.get("referenced")]


def test_with_room_for_everything_the_selection_is_the_whole_graph(loaded, corpus_graph):
    sel = select_filtered(loaded, Filters(), 100_000)
    g = sel.graph
    assert set(g.nodes) == set(corpus_graph.nodes)
    assert _evidence(g) == _evidence(corpus_graph)
    for nid, node in corpus_graph.nodes.items():
        want = {k: sorted(v) if isinstance(v, list) else v for k, v in node.props.items() if v not in (None, "")}
        assert (g.nodes[nid].type, g.nodes[nid].label, g.nodes[nid].props) == (node.type, node.label, want), nid
    assert sel.left_out == [] and sel.drawn == sel.matched == len(_held(corpus_graph))


def test_the_cap_keeps_the_newest_meetings_and_says_what_was_left_out(loaded, corpus_graph):
    sel = select_filtered(loaded, Filters(), 40)
    g = sel.graph
    assert len(g.nodes) <= 40 and sel.drawn < sel.matched
    assert any("left out" in line and "meetings" in line for line in sel.left_out)
    days = sorted((str(m.props.get("date") or "") for m in _held(corpus_graph)), reverse=True)
    drawn = sorted((str(m.props.get("date") or "") for m in _held(g)), reverse=True)
    assert drawn == days[:len(drawn)]  # the newest ones, in order
    assert all(e.source in g.nodes and e.target in g.nodes for e in g.edges.values())


def test_filters_by_body_place_dates_and_types(loaded, corpus_graph):
    body = next(n for n in corpus_graph.nodes.values() if n.type == "Body" and n.props.get("jurisdiction"))
    convened_by = {e.target for e in corpus_graph.edges.values() if e.type == "convened" and e.source == body.id}
    g = select_filtered(loaded, Filters(body=body.label), 10_000).graph
    for m in _held(g):
        bodies = {e.source for e in g.edges.values() if e.type == "convened" and e.target == m.id}
        assert any(body.label in g.nodes[b].label for b in bodies), m.id
    assert convened_by <= set(g.nodes)

    dated = sorted(str(m.props["date"]) for m in _held(corpus_graph) if m.props.get("date"))
    lo, hi = dated[len(dated) // 3], dated[2 * len(dated) // 3]
    g = select_filtered(loaded, Filters(date_from=lo, date_to=hi), 10_000).graph
    got = {m.id for m in _held(g)}
    want = {m.id for m in _held(corpus_graph) if m.props.get("date") and lo <= str(m.props["date"]) <= hi}
    assert got == want and got

    g = select_filtered(loaded, Filters(types=("Person", "Meeting")), 10_000).graph
    assert {n.type for n in g.nodes.values()} == {"Person", "Meeting"}
    assert {e.type for e in g.edges.values()} <= set(PARTICIPATION) | {"refers_to"}

    g = select_filtered(loaded, Filters(place="衡阳市"), 10_000).graph
    assert _held(g) and all(m.id.startswith("meeting/4304") for m in _held(g))
    with pytest.raises(SelectionError, match="unknown place"):
        select_filtered(loaded, Filters(place="火星市"), 100)


def test_values_are_bound_never_pasted(loaded):
    for hostile in ('") } UNION { ?s ?p ?o } #', "' OR 1=1 //", "\\"):
        assert select_filtered(loaded, Filters(body=hostile), 100).graph.nodes == {}
        with pytest.raises(SelectionError, match="no person"):
            select_ego(loaded, hostile, 1, Filters(), 100)


def test_ego_network(loaded, corpus_graph):
    deng = next(n for n in corpus_graph.nodes.values() if n.label == "邓群策")
    one = select_ego(loaded, "邓群策", 1, Filters(), 1000).graph
    near = {e.target if e.source == deng.id else e.source for e in corpus_graph.edges.values()
            if deng.id in (e.source, e.target)}
    assert set(one.nodes) == near | {deng.id}
    two = select_ego(loaded, "邓群策", 2, Filters(), 1000).graph
    meetings = {e.target for e in corpus_graph.edges.values() if e.source == deng.id and e.type == "chaired"}
    co = {e.source for e in corpus_graph.edges.values() if e.target in meetings and e.type in PARTICIPATION}
    assert co <= set(two.nodes) and len(two.nodes) > len(one.nodes)
    capped = select_ego(loaded, "邓群策", 2, Filters(), 5)
    assert len(capped.graph.nodes) <= 5 and "left out" in capped.left_out[0]
    with pytest.raises(SelectionError, match="no person named"):
        select_ego(loaded, "无此人", 1, Filters(), 10)


def test_timeline_of_a_body(loaded, corpus_graph):
    convened = Counter(e.source for e in corpus_graph.edges.values() if e.type == "convened")
    body_id, n = convened.most_common(1)[0]
    sel, order, anchor = select_timeline(loaded, body_id, Filters(), 1000)
    assert anchor == body_id and len(order) == n
    days = [str(sel.graph.nodes[m].props.get("date") or "") for m in order]
    assert days == sorted(days)
    chairs = {e.source for e in corpus_graph.edges.values() if e.type == "chaired" and e.target in order}
    assert chairs <= set(sel.graph.nodes)
    assert {e.type for e in sel.graph.edges.values()} <= {"chaired", "reviewed", "approved", "heard", "studied",
                                                          "convened"}
    # the articles behind the evidence are not drawn here, but the panel still gets their titles and days
    cited = {ev.article for e in sel.graph.edges.values() for ev in e.evidence}
    assert cited and not cited & set(sel.graph.nodes)
    assert all(sel.articles[a]["title"] == corpus_graph.nodes[a].props["title"] for a in cited)


def test_co_attendance_counts_every_way_of_being_at_a_meeting(loaded, corpus_graph):
    at: dict[str, set[str]] = {}
    for e in corpus_graph.edges.values():
        if e.type in PARTICIPATION:
            at.setdefault(e.target, set()).add(e.source)
    want: Counter = Counter()
    for people in at.values():
        want.update(combinations(sorted(people), 2))
    co = co_attendance(loaded, Filters())
    assert co.pairs == want and want
    assert co.people[next(n.id for n in corpus_graph.nodes.values() if n.label == "邓群策")] == "邓群策"
    two = co_attendance(loaded, Filters(), min_count=2)
    assert two.pairs == Counter({k: v for k, v in want.items() if v >= 2})
