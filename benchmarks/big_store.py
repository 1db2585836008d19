"""A big embedded store for the view and analysis benchmarks, built once and kept in a folder.

Streaming ingest of 100,000 articles takes long, so the benchmarks build their store the quick way: synthetic
reports (``synthetic.py``) through the real extractor and graph builder, in chunks, each chunk's quads bulk-loaded
into Oxigraph. Nodes and edges that recur across chunks get the same IRIs, so the store is the one ingest would
write. The folder records how many articles it holds; a folder for another size is rebuilt.

usage: python benchmarks/big_store.py --articles 100000 [--folder out/bench/store-100000]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyoxigraph as ox
from synthetic import synthetic_articles

from govgraph.graph.build import build_article
from govgraph.graph.model import Graph
from govgraph.graph.rdf import graph_quads
from govgraph.loaders.extract.pipeline import extract

CHUNK = 5000
ROOT = Path(__file__).resolve().parents[1]


def default_folder(articles: int) -> Path:
    """Where the store of that many articles is kept between runs."""
    return ROOT / "out" / "bench" / f"store-{articles}"


def build_store(articles: int, folder: Path | None = None, *, quiet: bool = False) -> Path:
    """The folder of an Oxigraph store holding ``articles`` synthetic reports (built unless it is there)."""
    folder = folder or default_folder(articles)
    done = folder / "ARTICLES"
    if done.is_file() and done.read_text().strip() == str(articles):
        return folder / "store"
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    t = time.perf_counter()
    store = ox.Store(str(folder / "store"))
    arts = synthetic_articles(articles)
    for i in range(0, articles, CHUNK):
        g = Graph()
        for art in arts[i:i + CHUNK]:
            g.merge(build_article(art, extract(art)))
        store.bulk_extend(graph_quads(g))
        if not quiet:
            print(f"  {min(i + CHUNK, articles)}/{articles} articles loaded ({time.perf_counter() - t:.0f} s)",
                  file=sys.stderr)
    store.flush()
    store.optimize()
    del store
    done.write_text(str(articles))
    return folder / "store"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--folder", type=Path, default=None)
    a = ap.parse_args()
    t = time.perf_counter()
    path = build_store(a.articles, a.folder)
    print(f"{path} ready in {time.perf_counter() - t:.0f} s")


if __name__ == "__main__":
    main()
