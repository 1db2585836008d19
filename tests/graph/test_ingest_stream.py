"""The streaming ingest on the embedded store: chunks, the manifest, resuming, and what it reports."""
from __future__ import annotations

import json
import shutil

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from govgraph.graph.cli import main
from govgraph.graph.ingest import IngestStopped, ingest, read_graph
from govgraph.graph.stores import StoreError, open_store
from govgraph.graph.stores.oxigraph import OxigraphStore

from ..reports import corpus, jsonl, report


def quads(path) -> set:
    """Every quad of a store folder, manifest included."""
    store = ox.Store.read_only(str(path))
    return set(store)


def graph_of(path) -> set:
    """The default graph of a store folder (what queries and exports see)."""
    return set(ox.Store.read_only(str(path)).quads_for_pattern(None, None, None, ox.DefaultGraph()))


def test_chunks_store_the_same_graph_as_one_write(tmp_path):
    files = corpus(tmp_path / "in", 3, 7)
    with open_store("oxigraph", path=tmp_path / "whole") as whole:
        whole.write(read_graph(files).graph)
    with open_store("oxigraph", path=tmp_path / "chunked") as chunked:
        summary = ingest(files, chunked, chunk_articles=4)
    assert (summary.files, summary.articles, summary.chunks) == (3, 21, 6)
    assert graph_of(tmp_path / "chunked") == graph_of(tmp_path / "whole")
    # the name parts, years and counts too, though a chunk leaves out the name parts an earlier one carried
    assert index_of(tmp_path / "chunked") == index_of(tmp_path / "whole")


def index_of(path) -> set:
    """The index graph of a store folder (name parts, years, counts)."""
    from govgraph.graph.rdf_index import INDEX

    return set(ox.Store.read_only(str(path)).quads_for_pattern(None, None, None, INDEX))


def test_a_chunk_not_stored_leaves_what_it_carried_to_the_next(tmp_path):
    from govgraph.graph.rdf_index import NAME_PART

    files = corpus(tmp_path / "in", 1, 2)
    graph = read_graph(files).graph
    with open_store("oxigraph", path=tmp_path / "s") as store:
        def parts(prepared) -> int:
            text = prepared.path.read_text(encoding="utf-8")
            return text.count(str(NAME_PART))

        first = store.prepare(graph)
        carried = parts(first)
        assert carried > 0
        again = store.prepare(graph)
        # the first chunk carried the name parts, the nodes and the statements: only evidence links are left
        assert parts(again) == 0 and again.stats.triples < first.stats.triples / 2
        store.discard(first)
        store.discard(again)
        retry = store.prepare(graph)
        # neither was stored: everything goes with the next chunk
        assert (parts(retry), retry.stats.triples) == (carried, first.stats.triples)
        store.commit(retry, [])


def test_unchanged_files_cost_only_their_hashing(tmp_path):
    files = corpus(tmp_path / "in", 2, 5)
    with open_store("oxigraph", path=tmp_path / "st") as store:
        ingest(files, store)
    before = quads(tmp_path / "st")
    with open_store("oxigraph", path=tmp_path / "st") as store:
        again = ingest(files + [tmp_path / "in"], store)  # the folder names the same two files again
        assert store.manifest() and all(e.state == "done" for e in store.manifest().values())
    assert (again.unchanged, again.files, again.articles, again.chunks) == (2, 0, 0, 0)
    assert quads(tmp_path / "st") == before
    renamed = tmp_path / "renamed.jsonl"
    shutil.copy(files[0], renamed)  # the same content under another name is the same file
    with open_store("oxigraph", path=tmp_path / "st") as store:
        assert ingest([renamed], store).unchanged == 1


class FailingStore(OxigraphStore):
    """A real embedded store whose disk "fills up" after ``good`` chunks: the commit after them fails."""

    good = 2

    def commit(self, prepared, entries):
        if self.good == 0:
            raise StoreError("cannot write to the store: No space left on device")
        self.good -= 1
        return super().commit(prepared, entries)


def test_a_stopped_ingest_resumes_and_stores_what_one_run_would(tmp_path):
    files = corpus(tmp_path / "in", 3, 5)
    with open_store("oxigraph", path=tmp_path / "one") as store:
        ingest(files, store, chunk_articles=4)
    failing = FailingStore(tmp_path / "two")
    with pytest.raises(IngestStopped) as stopped:
        ingest(files, failing, chunk_articles=4)
    failing.close()
    assert stopped.value.summary.chunks == 2 and "No space left" in str(stopped.value)
    with open_store("oxigraph", path=tmp_path / "two") as store:
        partial = store.manifest()
        assert sorted(e.articles for e in partial.values()) == [3, 5]  # file 1 whole, 3 of file 2
        resumed = ingest(files, store, chunk_articles=4)
    assert (resumed.unchanged, resumed.resumed, resumed.articles) == (1, 1, 7)
    assert quads(tmp_path / "two") == quads(tmp_path / "one")


def test_a_bad_file_or_record_is_one_line_and_the_rest_is_stored(tmp_path):
    good = jsonl(tmp_path / "good.jsonl", range(3))
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([json.dumps({"text": report(7), "title": 2023}, ensure_ascii=False),
                              "{not json", "[" * 100_000 + "]" * 100_000,
                              json.dumps({"text": report(8)}, ensure_ascii=False)]) + "\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with open_store("oxigraph", path=tmp_path / "st") as store:
        summary = ingest([good, bad, empty, tmp_path / "missing.txt"], store)
        counts = store.counts()
    assert summary.articles == 5 and counts["Article"] == 5
    assert len(summary.problems) == 5, summary.problems
    joined = "\n".join(summary.problems)
    for reason in ("bad.jsonl:1: 'title' is a number", "bad.jsonl:2:", "bad.jsonl:3: JSON nested too deeply",
                   "empty.txt: empty file", "missing.txt: No such file"):
        assert reason in joined


def test_ingest_json_summary_names_unread_articles(tmp_path):
    src = tmp_path / "news.jsonl"
    lines = [{"text": report(1)}, {"text": "本报讯 据悉，县政府党组会议已于上周举行。"},
             {"text": "本报讯 今天天气晴。"}]
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    res = CliRunner().invoke(main, ["ingest", str(src), "--store", str(tmp_path / "st"), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert (out["files"], out["articles"], out["meetings"], out["problems"]) == (1, 3, 1, [])
    assert out["unread"] == [{"source": "news.jsonl:2", "article": 1}]
    assert out["written"]["nodes"] > 0 and out["store"]["Article"] == 3 and out["complete"] is True
    res = CliRunner().invoke(main, ["ingest", str(src), "--store", str(tmp_path / "st2")])
    assert "unread: news.jsonl:2 article 1" in res.stdout
    assert "\r" not in res.stderr  # no progress bar when standard error is not a terminal


def test_gzip_json_lines_are_read_and_a_truncated_one_keeps_its_start(tmp_path):
    import gzip

    data = "".join(json.dumps({"text": report(n)}, ensure_ascii=False) + "\n" for n in range(40)).encode()
    (tmp_path / "whole.jsonl.gz").write_bytes(gzip.compress(data))
    cut = gzip.compress(data)
    (tmp_path / "cut.jsonl.gz").write_bytes(cut[: len(cut) * 2 // 3])
    with open_store("oxigraph", path=tmp_path / "st") as store:
        summary = ingest([tmp_path / "whole.jsonl.gz", tmp_path / "cut.jsonl.gz"], store)
    assert 40 < summary.articles < 80
    assert len(summary.problems) == 1 and "cut.jsonl.gz: cannot read past byte" in summary.problems[0]


def test_the_progress_line_says_files_articles_meetings_rate_and_time_left():
    import io

    from govgraph.graph.cli.progress import TerminalProgress
    from govgraph.graph.ingest import Progress

    p = Progress(files_done=3, files_total=12, bytes_done=250, bytes_total=1000, articles=4200, meetings=3900)
    line = TerminalProgress.line(p, elapsed=10.0)
    assert line.endswith("3/12 files  4,200 articles  3,900 meetings  420 articles/s  0:30 left")
    stream = io.StringIO()
    bar = TerminalProgress(stream, every=0)
    bar(p)
    bar.close()
    assert stream.getvalue().startswith("\r") and stream.getvalue().endswith("\r\x1b[K")


def test_an_id_that_cannot_be_an_iri_is_found_among_nodes_and_edge_ends():
    from govgraph.graph.ingest.articles import first_bad_id
    from govgraph.graph.model import Graph, Node

    g = Graph()
    g.add_node(Node("person/1/王某", "Person", "王某"))
    g.add_node(Node("meeting/1", "Meeting", "会议"))
    g.add_edge("person/1/王某", "attended", "meeting/1")
    assert first_bad_id(g) is None
    g.add_edge("person/1/王某", "attended", "meeting/a b")  # an edge's end that is no node of the graph
    assert first_bad_id(g) == "meeting/a b"
    g.add_node(Node("document/《x》\x07", "Document", "x"))
    assert first_bad_id(g) == "document/《x》\x07"
