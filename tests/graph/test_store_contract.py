"""The store contract, run against every registered store: the embedded RDF store, a real Neo4j server, and the
SPARQL-endpoint store on two real SPARQL servers (the oxigraph server and Apache Jena Fuseki).

The Neo4j parameter carries the ``neo4j`` marker; tools/run-tests.sh starts the server and CI fails (never
skips) when it is missing. The SPARQL servers' parameters carry ``sparql_server``; the tests start those servers
themselves (tests/servers.py).
"""
from __future__ import annotations

import os

import pytest

from govgraph.graph.explain import explain
from govgraph.graph.model import Evidence, Graph, Node
from govgraph.graph.stores import STORES, Store, StoreError, open_store
from govgraph.queries import saved_queries

from ..conftest import SPARQL_SERVERS, need, open_endpoint

PARAMS = {"meetings_chaired_by": {"person": "李志刚"},
          "meeting_attendees": {"meeting": "meeting/430600/岳阳市政府/2023-05-08/executive"},
          "documents_approved_by_body": {"body": "政府"}, "co_attendance_pairs": {"person": "李志刚"},
          "person_timeline": {"person": "李志刚"}, "meetings_per_body_month": {},
          "post_holders_on": {"post": "市", "on": "2023-12-31"}, "body_chairs_over_time": {"body": "市"},
          "same_body_same_year": {}}


def _open(name: str, tmp_path, request=None) -> Store:
    if name == "neo4j":
        need(bool(os.environ.get("NEO4J_URI")), "a Neo4j server (NEO4J_URI; tools/run-tests.sh starts one)")
        store = open_store("neo4j")
        store.clear()
        return store
    if name.startswith("sparql-"):
        return open_endpoint(request.getfixturevalue(f"{name.removeprefix('sparql-')}_server"))
    return open_store(name, path=tmp_path / name)


def _param(name: str):
    if name == "neo4j":
        return pytest.param(name, marks=pytest.mark.neo4j)
    if name.startswith("sparql-"):
        return pytest.param(name, marks=pytest.mark.sparql_server)
    return name


# one parameter per store, and one per SPARQL server for the SPARQL-endpoint store
STORE_PARAMS = [n for n in STORES if n != "sparql"] + [f"sparql-{k}" for k in SPARQL_SERVERS]


@pytest.fixture(params=[_param(n) for n in STORE_PARAMS])
def any_store(request, tmp_path):
    store = _open(request.param, tmp_path, request)
    yield store
    store.close()


def _on_a_server(store: Store) -> bool:
    """A store on a server the tests share (emptied when opened), not in a folder of its own."""
    return store.name != "oxigraph"


def _model_counts(store: Store) -> dict[str, int]:
    from govgraph.graph.schema import EDGE_TYPES, NODE_TYPES

    return {k: v for k, v in store.counts().items() if k in NODE_TYPES or k in EDGE_TYPES}


def test_write_twice_changes_nothing_and_counts_match_the_model(any_store, corpus_graph):
    any_store.write(corpus_graph)
    first = _model_counts(any_store)
    any_store.write(corpus_graph)
    assert _model_counts(any_store) == first == corpus_graph.counts()


def test_read_graph_gives_back_what_was_written(any_store, corpus_graph):
    any_store.write(corpus_graph)
    back = any_store.read_graph()
    assert set(back.nodes) == set(corpus_graph.nodes)
    assert set(back.edges) == set(corpus_graph.edges)
    for nid, node in corpus_graph.nodes.items():
        got = back.nodes[nid]
        assert (got.type, got.label) == (node.type, node.label), nid
        want = {k: sorted(v) if isinstance(v, list) else v for k, v in node.props.items() if v not in (None, "")}
        assert got.props == want, nid
    for key, edge in corpus_graph.edges.items():
        assert {e.key for e in back.edges[key].evidence} == {e.key for e in edge.evidence}, key


def test_every_saved_query_runs_and_answers(any_store, corpus_graph):
    any_store.write(corpus_graph)
    assert set(PARAMS) == set(saved_queries())
    for name, q in saved_queries().items():
        cols, rows = any_store.run(q, q.bind(PARAMS[name]))
        assert cols and rows, name


def test_saved_queries_give_the_same_rows_from_every_store(tmp_path, corpus_graph):
    answers = {}
    for name in (n for n in STORES if n != "sparql"):  # the SPARQL endpoint's parity: tests/queries
        if name == "neo4j" and not os.environ.get("NEO4J_URI"):
            need(False, "a Neo4j server (NEO4J_URI) for the parity test")
        with _open(name, tmp_path) as store:
            store.write(corpus_graph)
            answers[name] = {q.name: store.run(q, q.bind(PARAMS[q.name])) for q in saved_queries().values()}
    first, *rest = answers.values()
    for other in rest:
        for qname, q in saved_queries().items():
            (cols_a, rows_a), (cols_b, rows_b) = first[qname], other[qname]
            assert cols_a == cols_b, qname
            assert (rows_a == rows_b) if q.ordered else (sorted(rows_a) == sorted(rows_b)), qname


def _counts(store: Store) -> tuple[list, list]:
    """The kept counts, as the saved queries give them: co-attendance of everyone, meetings per body per month."""
    q = saved_queries()["co_attendance_pairs"]
    pairs = sorted(r for name in ("李志刚", "王红", "邓群策", "朱健")
                   for r in store.run(q, q.bind({"person": name}))[1])
    months = store.run(saved_queries()["meetings_per_body_month"], {"body": ""})[1]
    return pairs, months


def _undated_graph() -> Graph:
    """A body, two meetings (one undated), a chair, a document approved, a post seen once dated and once not."""
    g = Graph()
    g.add_node(Node("body/x/某市政府", "Body", "某市政府", {"name": "某市政府", "kind": "政府"}))
    g.add_node(Node("post/x/某市政府/市长", "Post", "某市市长", {"name": "某市市长"}))
    g.add_node(Node("person/x/张三", "Person", "张三", {"name": "张三"}))
    g.add_node(Node("document/某方案", "Document", "某方案", {"title": "某方案"}))
    for m, day in (("meeting/x/某市政府/2021-04-22/executive", "2021-04-22"), ("meeting/x/某市政府/undated", None)):
        g.add_node(Node(m, "Meeting", f"某市政府常务会议 {day or ''}".strip(), {"date": day, "kind": "常务会议"}))
        ev = Evidence("article/a", 0, 4, "张三主持", day)
        g.add_edge("body/x/某市政府", "convened", m, ev)
        g.add_edge("person/x/张三", "chaired", m, ev)
        g.add_edge(m, "approved", "document/某方案", ev)
        seen = Evidence("article/a", 0, 6, "市长张三主持", day)
        g.add_edge("person/x/张三", "holds_post", "post/x/某市政府/市长", seen)
    g.add_edge("post/x/某市政府/市长", "post_in", "body/x/某市政府", Evidence("article/a", 0, 2, "市长", None))
    return g


def test_undated_facts_stay_in_the_answers_marked_undated(any_store):
    any_store.write(_undated_graph())
    qs = saved_queries()
    chaired = any_store.run(qs["meetings_chaired_by"], qs["meetings_chaired_by"].bind({"person": "张三"}))[1]
    assert [r[0] for r in chaired] == ["2021-04-22", ""]  # the undated meeting last, its date empty
    docs = qs["documents_approved_by_body"]
    assert [r[0] for r in any_store.run(docs, docs.bind({"body": "某市", "from": "2022-01-01"}))[1]] == [""]
    timeline = qs["person_timeline"]
    rows = any_store.run(timeline, timeline.bind({"person": "张三"}))[1]
    assert [(r[0], r[1], r[2]) for r in rows] == [("2021-04-22", "2021-04-22", "meeting"),
                                                 ("2021-04-22", "2021-04-22", "post"), ("", "", "meeting")]
    months = any_store.run(qs["meetings_per_body_month"], {"body": "某市"})[1]
    assert [(r[1], r[2]) for r in months] == [("2021-04", 1), ("", 1)]


def test_counts_are_the_same_however_the_graph_arrives(any_store, corpus_graph, tmp_path):
    """Written whole, written again, or written in two chunks that share meetings: the same counts."""
    any_store.write(corpus_graph)
    whole = _counts(any_store)
    assert whole[0] and whole[1]
    any_store.write(corpus_graph)
    assert _counts(any_store) == whole
    any_store.clear() if _on_a_server(any_store) else None
    second = any_store if _on_a_server(any_store) else _open(any_store.name, tmp_path / "halves")
    for half in _pieces(corpus_graph, 2):
        second.write(half)
    assert _counts(second) == whole
    if second is not any_store:
        second.close()


def _pieces(graph: Graph, n: int) -> list[Graph]:
    """The graph's edges dealt into ``n`` graphs like cards (so the pieces share meetings), with their nodes."""
    edges = list(graph.edges.values())
    out = []
    for i in range(n):
        g = Graph()
        for e in edges[i::n]:
            for end in (e.source, e.target):
                if end in graph.nodes:
                    g.add_node(graph.nodes[end])
            g.add_edge(e.source, e.type, e.target).evidence.extend(e.evidence)
        out.append(g)
    return out


def test_counts_hold_when_the_writer_forgets_what_it_wrote(any_store, corpus_graph, tmp_path, monkeypatch):
    """Pieces that share meetings, written by a writer that remembers one meeting and one count (so it asks the
    store for the rest), then by one that begins on the store the first left: the counts of one whole write."""
    from govgraph.graph.stores import index_keeper

    reference = open_store("oxigraph", path=tmp_path / "whole")
    reference.write(corpus_graph)
    whole = _counts(reference)
    reference.close()
    monkeypatch.setattr(index_keeper, "MEETINGS_KEPT", 1)
    monkeypatch.setattr(index_keeper, "COUNTS_KEPT", 1)
    pieces = _pieces(corpus_graph, 4)
    for piece in pieces[:2]:
        any_store.write(piece)
    if hasattr(any_store, "_keeper"):
        any_store._keeper = None  # as the next open would begin: on a store that holds a graph
    for piece in pieces[2:] + pieces[:1]:
        any_store.write(piece)
    assert _counts(any_store) == whole


def test_counts_lost_mid_write_are_counted_again(any_store, corpus_graph):
    any_store.write(corpus_graph)
    whole = _counts(any_store)
    if any_store.name == "neo4j":
        any_store.query("MATCH ()-[c:CO_ATTENDED]->() DELETE c")
        any_store.query("MATCH (c:MonthCount) SET c.meetings = 99")
        any_store.query("MATCH (s:GovgraphIndexState) SET s.pending = true")
        any_store._schema_done = False  # as a new connection would find it
    elif any_store.name == "sparql":
        from govgraph.graph.rdf_index import INDEX, MEETINGS_TOGETHER

        any_store.client.update(f"DELETE WHERE {{ GRAPH {INDEX} {{ ?s {MEETINGS_TOGETHER} ?o }} }} ; "
                                f"INSERT DATA {{ GRAPH {INDEX} {{ {INDEX} "
                                f"<https://govgraph.org/ingest#indexPending> \"true\" }} }}")
        any_store._keeper = None  # as the next open would find it
    else:
        import pyoxigraph as ox

        from govgraph.graph.rdf_index import INDEX, MEETINGS_TOGETHER

        native = any_store.native
        for q in list(native.quads_for_pattern(None, MEETINGS_TOGETHER, None, INDEX)):
            native.remove(q)
        native.add(ox.Quad(INDEX, ox.NamedNode("https://govgraph.org/ingest#indexPending"), ox.Literal("true"), INDEX))
        any_store._keeper = None  # as the next open would find it
    assert _counts(any_store) != whole
    any_store.write(Graph())
    assert _counts(any_store) == whole


def test_explain_finds_a_node_by_id_label_or_name(any_store, corpus_graph):
    any_store.write(corpus_graph)
    rows = explain(any_store, "person/430600/李志刚", relation="chaired")
    assert rows and all(r.relation == "chaired" and "李志刚" in r.quote for r in rows)
    assert {r.article for r in rows} and all(r.end > r.start for r in rows)
    assert explain(any_store, "王红")
    assert explain(any_store, "岳阳市委常委会")
    assert explain(any_store, "nobody at all") == []


def test_a_parameter_with_quotes_is_data_not_query(any_store, corpus_graph):
    any_store.write(corpus_graph)
    q = saved_queries()["meetings_chaired_by"]
    assert any_store.run(q, q.bind({"person": '李志刚" } UNION { ?p ?x ?y } #'}))[1] == []
    assert any_store.run(q, q.bind({"person": "李志刚'}) MATCH (n) DETACH DELETE n //"}))[1] == []
    assert _model_counts(any_store) == corpus_graph.counts()


def test_one_sentence_may_speak_of_two_days(any_store):
    g = Graph()
    g.add_node(Node("body/x/b", "Body", "b", {"name": "b", "kind": "其他"}))
    for day in ("2023-05-08", "2023-05-09"):
        g.add_node(Node(f"meeting/x/b/{day}/meeting", "Meeting", f"m {day}", {"date": day}))
        g.add_edge("body/x/b", "convened", f"meeting/x/b/{day}/meeting", Evidence("article/a", 0, 10, "同一句话", day))
    any_store.write(g)
    back = any_store.read_graph()
    days = {d.split("/")[-2]: [e.observed for e in back.edges[("body/x/b", "convened", d)].evidence]
            for (_, _, d) in g.edges}
    assert days == {"2023-05-08": ["2023-05-08"], "2023-05-09": ["2023-05-09"]}


def test_a_store_is_a_context_manager_that_closes(tmp_path, corpus_graph):
    with open_store("oxigraph", path=tmp_path / "cm") as store:
        store.write(corpus_graph)
    with pytest.raises(StoreError, match="closed"):
        store.counts()
    store.close()  # closing twice is harmless
    with open_store("oxigraph", path=tmp_path / "cm") as again:  # and what it held survives
        assert _model_counts(again) == corpus_graph.counts()


def test_unknown_stores_and_options_are_named():
    with pytest.raises(StoreError, match="unknown store 'sqlite'; expected one of oxigraph, neo4j, sparql"):
        open_store("sqlite")
    with pytest.raises(StoreError, match="takes no option uri"):
        open_store("oxigraph", uri="bolt://x")


def _open_again(store: Store, tmp_path, *, read_only: bool) -> Store:
    if store.name == "neo4j":
        return open_store("neo4j", read_only=read_only)
    if store.name == "sparql":
        return open_store("sparql", endpoint=store.endpoint, update_endpoint=store.client.update_url,
                          read_only=read_only)
    return open_store(store.name, path=tmp_path / store.name, read_only=read_only)


def test_a_chunk_goes_in_with_its_manifest_which_is_never_counted_read_or_exported(any_store, corpus_graph):
    from govgraph.graph.stores import ManifestEntry

    first = [ManifestEntry("d1", "a.jsonl", "done", 12), ManifestEntry("d2", "b.jsonl", "partial", 3)]
    stats = any_store.commit(any_store.prepare(corpus_graph), first)
    assert (stats.nodes, stats.edges) == (len(corpus_graph.nodes), len(corpus_graph.edges))
    any_store.commit(any_store.prepare(Graph()), [ManifestEntry("d2", "b.jsonl", "done", 9)])
    assert any_store.manifest() == {"d1": first[0], "d2": ManifestEntry("d2", "b.jsonl", "done", 9)}
    assert _model_counts(any_store) == corpus_graph.counts() == any_store.counts()
    back = any_store.read_graph()
    assert set(back.nodes) == set(corpus_graph.nodes) and set(back.edges) == set(corpus_graph.edges)
    assert not any("ingest" in str(t) for t in any_store.triples())


def test_a_store_opened_read_only_answers_and_refuses_writes(any_store, corpus_graph, tmp_path):
    any_store.write(corpus_graph)
    if not _on_a_server(any_store):
        any_store.close()  # the embedded store: a reader opens beside a writer too, tested in test_concurrency
    with _open_again(any_store, tmp_path, read_only=True) as reader:
        assert reader.read_only and _model_counts(reader) == corpus_graph.counts()
        assert explain(reader, "王红")
        with pytest.raises(StoreError, match="opened read-only"):
            reader.write(corpus_graph)


def test_a_reader_never_creates_a_store(tmp_path):
    missing = tmp_path / "typo"
    with pytest.raises(StoreError, match="no store at .*typo: nothing has been ingested there"):
        open_store("oxigraph", path=missing, read_only=True)
    assert not missing.exists()
    (tmp_path / "empty").mkdir()
    with pytest.raises(StoreError, match="the folder holds no govgraph store"):
        open_store("oxigraph", path=tmp_path / "empty", read_only=True)


@pytest.mark.parametrize("uri,message", [
    ("http://127.0.0.1:7474", "is not a Neo4j URI: use bolt://HOST:7687 or neo4j://HOST:7687 .7474 is Neo4j's HTTP"),
    ("bolt://127.0.0.1:99999", "has no valid port: a port is a number from 1 to 65535"),
    ("bolt://127.0.0.1:0", "has no valid port"),
    ("", "no Neo4j URI given"),
    ("bolt://", "names no host"),
    ("bolt://h\x1b[2J:1", r"'bolt://h\\x1b\[2J:1' is not a URI"),
])
def test_a_bad_neo4j_uri_is_named_before_any_connection(uri, message):
    with pytest.raises(StoreError, match=message):
        open_store("neo4j", uri=uri, password="x")


def test_a_meeting_stored_before_it_was_convened_counts_in_its_earliest_month(any_store):
    """A meeting first written without a body or people (a report that only names what it approved), then
    convened and chaired in a later write that dates it later: one meeting, in the month of its earliest day."""
    m = "meeting/x/某市政府/2021-03-05/executive"
    first = Graph()
    first.add_node(Node(m, "Meeting", "某市政府常务会议 2021-03-05", {"date": "2021-03-05", "kind": "常务会议"}))
    first.add_node(Node("document/某方案", "Document", "某方案", {"title": "某方案"}))
    first.add_edge(m, "approved", "document/某方案", Evidence("article/a", 0, 5, "会议通过某方案", "2021-03-05"))
    second = Graph()
    second.add_node(Node(m, "Meeting", "某市政府常务会议 2021-03-05", {"date": "2021-04-01", "kind": "常务会议"}))
    second.add_node(Node("body/x/某市政府", "Body", "某市政府", {"name": "某市政府", "kind": "政府"}))
    second.add_node(Node("person/x/张三", "Person", "张三", {"name": "张三"}))
    ev = Evidence("article/b", 0, 4, "张三主持", "2021-04-01")
    second.add_edge("body/x/某市政府", "convened", m, ev)
    second.add_edge("person/x/张三", "chaired", m, ev)
    any_store.write(first)
    any_store.write(second)
    months = any_store.run(saved_queries()["meetings_per_body_month"], {"body": ""})[1]
    assert [r[:3] for r in months] == [("某市政府", "2021-03", 1)]
