"""Every saved query runs on the seed page and gives the answer a reader expects."""
from __future__ import annotations

import pytest

from govgraph.queries import QueryError, get_query, saved_queries

from ..conftest import SPARQL_SERVERS, open_endpoint

# name: (parameters, the columns compared, the rows expected in them; or how many rows)
EXPECTED = {
    "meetings_chaired_by": ({"person": "邓群策"}, ("meeting_name", "date", "body_name", "meeting_id"), [
        ("衡阳市委全面深化改革委员会会议 2021-04-22", "2021-04-22", "衡阳市委全面深化改革委员会",
         "meeting/430400/衡阳市委全面深化改革委员会/2021-04-22/meeting"),
        ("衡阳市委常委会会议 2021-04-22", "2021-04-22", "衡阳市委常委会",
         "meeting/430400/衡阳市委常委会/2021-04-22/meeting")]),
    "meeting_attendees": ({"meeting": "meeting/430400/衡阳市政府/2021-04-22/executive"},
                          ("meeting_name", "person", "role", "person_id"),
                          [("衡阳市政府常务会议 2021-04-22", "朱健", "chaired", "person/430400/朱健")]),
    "documents_approved_by_body": ({"body": "市政府", "from": "2021-04-01", "to": "2021-04-30"}, ("body_name",),
                                   [("衡阳市政府",)] * 4),
    "co_attendance_pairs": ({"person": "邓群策"}, ("person_a", "meetings"), [("邓群策", 1)] * 13),
    "person_timeline": ({"person": "朱健"}, ("date", "last_seen", "what", "label", "role"), [
        ("2021-04-22", "2021-04-22", "meeting", "衡阳市政府常务会议 2021-04-22", "chaired"),
        ("2021-04-22", "2021-04-22", "post", "衡阳市市长", "holds_post")]),
    "post_holders_on": ({"post": "衡阳市委书记", "on": "2021-12-31"},
                        ("person", "post_name", "first_seen", "last_seen"),
                        [("邓群策", "衡阳市委书记", "2021-04-22", "2021-04-22")]),
    "body_chairs_over_time": ({"body": "衡阳市委"}, ("body_name", "person", "first_chaired", "last_chaired",
                                                    "meetings"), [
        ("衡阳市委全面深化改革委员会", "邓群策", "2021-04-22", "2021-04-22", 1),
        ("衡阳市委常委会", "邓群策", "2021-04-22", "2021-04-22", 1)]),
    "same_body_same_year": ({"body": "衡阳"}, ("person_a",), []),  # each 衡阳 body has one post holder on the page
    "meetings_per_body_month": ({}, ("body_name", "month", "meetings"), [
        ("衡阳市委全面深化改革委员会", "2021-04", 1), ("衡阳市委常委会", "2021-04", 1), ("衡阳市政府", "2021-04", 1)]),
}


def test_every_saved_query_has_an_expectation_here():
    assert set(saved_queries()) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_saved_query_on_seed(name, store, seed_graph):
    store.write(seed_graph)
    q = get_query(name)
    params, columns, want = EXPECTED[name]
    cols, rows = store.run(q, q.bind(params))
    assert not set(cols) & {p.name for p in q.params}, "parameters are not answer columns"
    at = [cols.index(c) for c in columns]
    assert [tuple(r[i] for i in at) for r in rows] == want


def test_date_range_excludes_outside(store, seed_graph):
    store.write(seed_graph)
    q = get_query("documents_approved_by_body")
    assert store.run(q, q.bind({"body": "市政府", "from": "2021-05-01"}))[1] == []


def test_a_parameter_with_quotes_is_data_not_query(store, seed_graph):
    store.write(seed_graph)
    q = get_query("meetings_chaired_by")
    assert store.run(q, q.bind({"person": '邓群策" } UNION { ?p ?x ?y } #'}))[1] == []


def test_errors_name_what_is_wrong():
    with pytest.raises(QueryError, match="known queries: .*meetings_chaired_by"):
        get_query("no_such_query")
    with pytest.raises(QueryError, match="needs parameter 'person'"):
        get_query("person_timeline").bind({})
    with pytest.raises(QueryError, match="must be a date"):
        get_query("documents_approved_by_body").bind({"body": "x", "from": "April"})


def test_the_embedded_store_sorts_as_the_sparql_order_says(store, corpus_graph):
    """The embedded store sorts a saved query's answer in Python: the same rows, in the order SPARQL gives."""
    from tests.graph.test_store_contract import PARAMS

    store.write(corpus_graph)
    for name, q in saved_queries().items():
        assert q.split_order() is not None, name  # every shipped order is a plain one
        bound = q.bind(PARAMS[name])
        assert store.run(q, bound) == store.query(q.sparql, bound), name


def test_sorting_keeps_sparql_rules():
    from govgraph.queries import OrderKey, sort_rows

    rows = [("", 2), ("2021-05-01", 1), ("2021-04-22", 1), (None, 3)]
    keys = [OrderKey("d", empty_last=True), OrderKey("d"), OrderKey("n", desc=True)]
    assert sort_rows(["d", "n"], rows, keys) == [(None, 3), ("2021-04-22", 1), ("2021-05-01", 1), ("", 2)]


@pytest.mark.sparql_server
@pytest.mark.parametrize("kind", SPARQL_SERVERS)
def test_every_saved_query_gives_the_same_rows_through_a_sparql_server(kind, request, store, corpus_graph):
    """The SPARQL-endpoint store on a real server (the oxigraph server, Fuseki) and the embedded store, given the
    same graph, answer every saved query with the same rows, in the same order, for two sets of parameters; the
    server's own ORDER BY gives the same rows too."""
    from tests.graph.test_store_contract import PARAMS

    endpoint = open_endpoint(request.getfixturevalue(f"{kind}_server"))
    store.write(corpus_graph)
    endpoint.write(corpus_graph)
    for name, q in saved_queries().items():
        for params in (PARAMS[name], EXPECTED[name][0]):
            bound = q.bind(params)
            want = store.run(q, bound)
            assert want[1] or name == "same_body_same_year", (name, params)
            assert endpoint.run(q, bound) == want, (name, params)
            cols, rows = endpoint.query(q.sparql, bound)
            assert cols == want[0] and sorted(rows) == sorted(want[1]), (name, params)
    endpoint.close()
