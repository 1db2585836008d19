"""Ingest: files -> articles -> findings -> one merged graph, with every bad file reported and skipped."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from govgraph.loaders import LOADERS, LoadError, load_paths
from govgraph.loaders.extract.pipeline import extract

from .build import build_article
from .model import Graph


@dataclass
class IngestReport:
    """What a batch gave: the graph, how many files and articles were read, and what failed and why."""

    graph: Graph = field(default_factory=Graph)
    files: int = 0
    articles: int = 0
    errors: list[str] = field(default_factory=list)


def expand(paths) -> list[Path]:
    """Files named, and the article files inside folders named (gold and prediction JSON left out)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in LOADERS)
        else:
            out.append(p)
    return out


def read_graph(paths, *, place=None, published=None, progress=None) -> IngestReport:
    """Read every file into one graph; ``progress`` is called once per file (for a progress bar)."""
    rep = IngestReport()
    for result in load_paths(paths, place=place, published=published):
        if progress:
            progress(1)
        if isinstance(result, LoadError):
            rep.errors.append(str(result))
            continue
        rep.files += 1
        rep.errors += [str(e) for e in result.errors]
        for art in result.articles:
            try:
                rep.graph.merge(build_article(art, extract(art)))
                rep.articles += 1
            except Exception as exc:  # one odd article must not stop the batch; say which and why
                rep.errors.append(f"{result.path}: article {art.index + 1}: extraction failed: {exc!r}")
    return rep
