"""A small batch read into one graph in memory: for tests, tools and the extractor's own checks. A store is
written with ``stream.ingest``, which never holds more than a chunk."""
from __future__ import annotations

from dataclasses import dataclass, field

from govgraph.loaders import LoadError, open_source

from ..model import Graph
from .articles import read_article
from .sources import expand_report


@dataclass
class IngestReport:
    """What a batch gave: the graph, how many files and articles were read, and what failed and why."""

    graph: Graph = field(default_factory=Graph)
    files: int = 0
    articles: int = 0
    errors: list[str] = field(default_factory=list)


def read_graph(paths, *, place=None, published=None, progress=None) -> IngestReport:
    """Read every file into one graph; ``progress`` is called once per file."""
    rep = IngestReport()
    files, rep.errors = expand_report(paths)
    for path in files:
        if progress:
            progress(1)
        try:
            source = open_source(path)
        except LoadError as exc:
            rep.errors.append(str(exc))
            continue
        rep.files += 1
        for item in source.articles(published=published, place=place):
            if isinstance(item, LoadError):
                rep.errors.append(str(item))
                continue
            result = read_article(item)
            if result.graph is None:
                rep.errors.append(str(result.problem))
                continue
            rep.graph.absorb(result.graph)
            rep.articles += 1
    return rep
