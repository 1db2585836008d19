"""Property tests: arbitrary text, bytes and JSON into the loaders, the extractor, id minting and every export.

Nothing may raise past its boundary (a loader gives Articles and LoadErrors; an article gives findings or one
problem line), every minted id is an IRI, different names get different ids, and every export format reads back
with the nodes it was written with.
"""
from __future__ import annotations

import gzip
import json
import os
import tempfile
import unicodedata
from datetime import date
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govgraph.graph import ids
from govgraph.graph.export import write_export
from govgraph.graph.ingest import read_article
from govgraph.graph.model import Evidence, Graph, Node
from govgraph.graph.stores import open_store
from govgraph.loaders import Article, LoadError, open_source
from govgraph.loaders.encoding import decode_report
from govgraph.loaders.extract.pipeline import extract
from govgraph.ontology import base_iri

from .reports import report

SETTINGS = settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "150")), deadline=None,
                    derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
# any code point, lone surrogates included (JSON and damaged files can carry them)
ANY_CHAR = st.characters(exclude_categories=())
ANY_TEXT = st.text(ANY_CHAR, max_size=300)
# text as a report might hold it: Chinese, report punctuation and the odd damaged character mixed in
REPORT_CHARS = list("市委常委会召开会议主持审议通过《》［］【】（）、，。．\n 李明王芳出席记者本报讯")
REPORTISH = st.text(st.one_of(st.sampled_from(REPORT_CHARS), ANY_CHAR), max_size=300)
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
                    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.sampled_from(
                        ["text", "title", "date", "source", "url", "x"]), kids, max_size=5), max_leaves=12)


def _items(path: Path):
    items = list(open_source(path).articles())
    assert all(isinstance(i, (Article, LoadError)) for i in items)
    for a in (i for i in items if isinstance(i, Article)):
        assert a.text.encode("utf-8") and "\x00" not in a.text and "\x1b" not in a.text
    return items


@SETTINGS
@given(data=st.binary(max_size=400))
def test_any_bytes_decode_or_say_why(data):
    try:
        decoded = decode_report(data)
    except LoadError:
        return
    decoded.text.encode("utf-8")  # no lone surrogates survive decoding


@SETTINGS
@given(data=st.binary(max_size=400), kind=st.sampled_from([".txt", ".html", ".jsonl", ".jsonl.gz", ".txt.gz"]))
def test_any_bytes_in_any_file_type_load_without_raising(data, kind):
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / f"page-2024-01-02{kind}"
        p.write_bytes(gzip.compress(data) if kind.endswith(".gz") and len(data) % 2 else data)
        if data:
            _items(p)


@SETTINGS
@given(records=st.lists(JSON, min_size=1, max_size=5), text=REPORTISH)
def test_any_json_lines_load_without_raising(records, text):
    lines = [json.dumps(r, ensure_ascii=bool(len(text) % 2)) for r in records]
    lines.append(json.dumps({"text": text or "x", "title": text[:10]}))
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "feed.jsonl"
        p.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        _items(p)


@SETTINGS
@given(text=REPORTISH)
def test_any_text_through_the_extractor_and_the_builder(text):
    art = Article(text=text.encode("utf-8", "replace").decode("utf-8") or "x", source="x.txt",
                  published=date(2024, 1, 2))
    extract(art)
    result = read_article(art)
    assert result.problem is None, result.problem


@SETTINGS
@given(doc=REPORTISH)
def test_any_document_title_in_a_report_is_stored(doc):
    doc = doc.replace("》", "").replace("\n", "").encode("utf-8", "replace").decode("utf-8")
    art = Article(text=report(3, doc=doc), source="x.txt", published=date(2024, 1, 2))
    result = read_article(art)
    assert result.problem is None and result.graph is not None


def _canonical(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().replace("《", "").replace("》", "")


@SETTINGS
@given(a=ANY_TEXT, b=ANY_TEXT)
def test_minted_ids_are_iris_and_one_to_one(a, b):
    for text in (a, b):
        for nid in (ids.document_id(text), ids.person_id(text, "430400"), ids.body_id(text, None),
                    ids.post_id(text, text, "x"), ids.meeting_id(text, "1", None, text, fallback="f")):
            ox.NamedNode(base_iri() + nid)
            assert not nid.endswith(".")
    if _canonical(a) != _canonical(b):
        assert ids.slug(a) != ids.slug(b)
    if _canonical(ids.normalise_title(a)) != _canonical(ids.normalise_title(b)):
        assert ids.document_id(a) != ids.document_id(b)


TITLE = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@settings(max_examples=40, deadline=None, derandomize=True)
@given(titles=st.lists(TITLE, min_size=1, max_size=6), label=TITLE, quote=TITLE)
def test_every_export_reads_back_with_its_nodes(titles, label, quote):
    g = Graph()
    g.add_node(Node("meeting/x/m", "Meeting", label, {"names": [label, quote], "kind": "会议"}))
    for t in titles:
        did = ids.document_id(t)
        g.add_node(Node(did, "Document", t, {"title": t}))
        g.add_edge("meeting/x/m", "approved", did, Evidence("article/a", 0, len(quote), quote, "2024-01-02"))
    docs = {ids.document_id(t) for t in titles}
    with tempfile.TemporaryDirectory() as tmp, open_store("oxigraph", path=Path(tmp) / "st") as store:
        store.write(g)
        for fmt, parse in (("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
            out = Path(tmp) / f"g.{fmt}"
            write_export(store, out, fmt)
            back = rdflib.Graph().parse(out, format=parse)
            found = {str(s)[len(base_iri()):] for s in back.subjects() if "/document/" in str(s)}
            assert found == docs, fmt
            if fmt != "jsonld":
                ox.parse(path=str(out), format=ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES)
        out = Path(tmp) / "g.graphml"
        write_export(store, out, "graphml")
        back_nx = nx.read_graphml(out)
        assert {n for n in back_nx.nodes if n.startswith("document/")} == docs
