"""One article through the extractor and the graph builder, guarded: whatever goes wrong costs that article
only, and is said in one line naming it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from govgraph.loaders.article import Article
from govgraph.loaders.encoding import visible
from govgraph.loaders.extract.meetings import mentions_meetings
from govgraph.loaders.extract.pipeline import extract

from ..build import build_article
from ..model import Graph

# what an IRI path may not hold; graph/ids.py mints ids without any of it, this catches an id made elsewhere
_NOT_IRI = re.compile(r"[\x00-\x20<>\"{}|^`\\\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffe\uffff]")


@dataclass
class ArticleResult:
    """What one article gave: its graph (None when it failed), meetings found, and whether it names a meeting
    being held but yields none (worth a reader's look)."""

    article: Article
    graph: Graph | None
    meetings: int = 0
    unread: bool = False
    problem: str | None = None


def where(article: Article) -> str:
    """How a message names an article: its source (file, or file:line) and its place on the page."""
    return f"{article.source} article {article.index + 1}"


def read_article(article: Article) -> ArticleResult:
    """Extract and build one article; an exception becomes the article's problem, never the batch's."""
    try:
        found = extract(article)
        graph = build_article(article, found)
    except Exception as exc:
        return ArticleResult(article, None, problem=f"{where(article)}: extraction failed: {_short(exc)}")
    bad = first_bad_id(graph)
    if bad is not None:
        return ArticleResult(article, None, problem=f"{where(article)}: cannot make an IRI of the id {visible(bad)!r}")
    n = len(found.meetings)
    return ArticleResult(article, graph, n, unread=n == 0 and mentions_meetings(article.text))


def first_bad_id(graph: Graph) -> str | None:
    """The first node id that cannot be the tail of an IRI, or None."""
    # a bad character is rare: one search over every id says whether to look id by id
    if not _NOT_IRI.search("".join(graph.nodes)) and not _NOT_IRI.search(
            "".join(nid for source, _, target in graph.edges for nid in (source, target) if nid not in graph.nodes)):
        return None
    for nid in graph.nodes:
        if _NOT_IRI.search(nid):
            return nid
    for source, _, target in graph.edges:
        for nid in (source, target):
            if _NOT_IRI.search(nid):
                return nid
    return None


def _short(exc: BaseException, limit: int = 200) -> str:
    text = visible(" ".join(f"{type(exc).__name__}: {exc}".split()))
    return text if len(text) <= limit else text[:limit] + "…"
