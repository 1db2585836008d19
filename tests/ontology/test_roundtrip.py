"""A Turtle export re-imported gives the same store; IRIs are deterministic and minted under one base."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from govgraph.graph.export import write_rdf
from govgraph.graph.rdf import graph_quads
from govgraph.graph.stores import open_store
from govgraph.ontology import DEFAULT_BASE, PREFIXES
from govgraph.queries import saved_queries
from tests.queries.test_saved_queries import EXPECTED

VOCABULARIES = tuple(PREFIXES.values())


def _answers(store) -> dict:
    out = {}
    for name, q in saved_queries().items():
        params = EXPECTED.get(name, ({}, None))[0]
        cols, rows = store.run(q, q.bind(params))
        out[name] = (cols, rows if q.ordered else sorted(rows, key=repr))
    return out


@pytest.mark.parametrize("fmt, ox_format", [("turtle", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES)])
def test_an_export_reimported_gives_the_same_triples_and_answers(fmt, ox_format, seed_store, tmp_path):
    path = write_rdf(seed_store, tmp_path / f"seed.{fmt}", fmt)
    fresh = open_store("oxigraph", path=tmp_path / "fresh")
    fresh.native.load(path=str(path), format=ox_format)
    fresh.reindex()  # loaded behind the store's back: its lookups and counts are made from what it holds
    try:
        assert fresh.counts() == seed_store.counts()
        assert fresh.size() == seed_store.size()
        before, after = _answers(seed_store), _answers(fresh)
        assert set(before) == set(saved_queries())
        for name in before:
            assert after[name] == before[name], name
        assert any(rows for _, rows in before.values())
    finally:
        fresh.close()


def test_quads_are_deterministic_and_have_no_blank_nodes(seed_graph, store):
    a, b = graph_quads(seed_graph), graph_quads(seed_graph)
    assert a == b
    assert not [q for q in a for t in (q.subject, q.object) if isinstance(t, ox.BlankNode)]
    store.write(seed_graph)
    n = len(store.native)
    store.write(seed_graph)
    assert len(store.native) == n


def _node_iris(quads) -> set[str]:
    """IRIs of the data's own nodes (statements and evidence included): everything outside the vocabularies."""
    out = set()
    for q in quads:
        for t in (q.subject, q.object):
            if isinstance(t, ox.NamedNode) and not t.value.startswith(VOCABULARIES):
                out.add(t.value)
    return out


def test_changing_the_base_changes_every_node_iri(seed_graph, monkeypatch):
    default = _node_iris(graph_quads(seed_graph))
    assert default and all(i.startswith(DEFAULT_BASE) for i in default)
    monkeypatch.setenv("GOVGRAPH_BASE", "https://example.org/gov")
    moved = _node_iris(graph_quads(seed_graph))
    assert all(i.startswith("https://example.org/gov/") for i in moved)
    assert not any(i.startswith(DEFAULT_BASE) for i in moved)
    assert {i[len("https://example.org/gov/"):] for i in moved} == {i[len(DEFAULT_BASE):] for i in default}
    for node_id in seed_graph.nodes:
        assert "https://example.org/gov/" + node_id in moved


def test_a_store_under_another_base_still_validates_and_answers(seed_graph, tmp_path, monkeypatch):
    from govgraph.graph.validate import validate

    monkeypatch.setenv("GOVGRAPH_BASE", "https://example.org/gov/")
    s = open_store("oxigraph", path=tmp_path / "other")
    try:
        s.write(seed_graph)
        ok, report = validate(s)
        assert ok, report
        q = saved_queries()["meetings_chaired_by"]
        params, columns, want = EXPECTED["meetings_chaired_by"]
        cols, rows = s.run(q, q.bind(params))
        assert [tuple(r[cols.index(c)] for c in columns) for r in rows] == want
        ttl = write_rdf(s, tmp_path / "o.ttl", "turtle").read_text(encoding="utf-8")
        assert "@prefix id: <https://example.org/gov/>" in ttl and "govgraph.org/id/" not in ttl
    finally:
        s.close()


def test_evidence_offsets_select_exactly_the_quote(seed_path):
    """The position selector (oa:start, oa:end) and the quote selector (oa:exact) agree on the seed page."""
    from govgraph.graph.build import build_article
    from govgraph.loaders import load_path
    from govgraph.loaders.extract.pipeline import extract

    n = 0
    for art in load_path(seed_path).articles:
        g = build_article(art, extract(art))
        for e in g.edges.values():
            for ev in e.evidence:
                assert art.text[ev.start:ev.end] == ev.quote, (e.key, ev)
                n += 1
    assert n > 50
