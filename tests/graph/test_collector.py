"""The cycle collector during an ingest and a whole-store read: off while the objects are made, run at each chunk's end
(graph/collector.py)."""
from __future__ import annotations

import gc
import weakref

from govgraph.graph import collector as col
from govgraph.graph.collector import Collector
from govgraph.graph.ingest import ingest

from ..reports import jsonl


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_automatic_collection_is_off_inside_and_as_it_was_after():
    c = Collector()
    assert gc.isenabled()
    with c.running():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with c.running():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def test_a_cycle_left_by_a_chunk_is_freed_at_its_end_and_an_old_one_by_the_full_pass(monkeypatch):
    monkeypatch.setattr(col, "FULL_EVERY", 3)
    c = Collector()
    with c.running():
        old = _Cycle()
        gone_old = weakref.ref(old)
        c.chunk_done()  # alive here, so it moves to the oldest generation
        del old
        young = _Cycle()
        gone_young = weakref.ref(young)
        del young
        assert gone_young() is not None and gone_old() is not None  # nothing runs between chunks
        c.chunk_done()
        assert gone_young() is None and gone_old() is not None
        c.chunk_done()  # the third: a full pass
        assert gone_old() is None
    assert c.chunks == 3 and c.freed >= 2


def test_an_ingest_leaves_the_collector_on(tmp_path, store):
    path = jsonl(tmp_path / "a.jsonl", range(5))
    summary = ingest([path], store, chunk_articles=2)
    assert summary.articles == 5 and gc.isenabled()


def test_reading_a_store_pauses_the_collector_and_gives_it_back(tmp_path, store, monkeypatch):
    ingest([jsonl(tmp_path / "a.jsonl", range(3))], store)
    seen: list[bool] = []
    read = type(store)._read_graph

    def watched(self):
        seen.append(gc.isenabled())
        return read(self)

    monkeypatch.setattr(type(store), "_read_graph", watched)
    graph = store.read_graph()
    assert seen == [False] and gc.isenabled() and len(graph.nodes) > 3
