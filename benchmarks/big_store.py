"""A big embedded store for the view and analysis benchmarks, built once and kept in a folder.

Synthetic reports (``synthetic.py``) go through the real extractor and graph builder, in chunks, and each chunk
through the store's own ``prepare`` and ``commit`` (what ingest does, without writing report files first), so the
store holds what ingest would write, the lookups and counts of graph/derived.py included. The folder records how
many articles it holds (and the version of its lookups); a folder for another size is rebuilt.

usage: python benchmarks/big_store.py --articles 100000 [--folder out/bench/store-100000]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import iter_synthetic

from govgraph.graph.build import build_article
from govgraph.graph.model import Graph
from govgraph.graph.stores import Store, open_store
from govgraph.graph.stores.oxigraph_index import VERSION
from govgraph.loaders.extract.pipeline import extract

CHUNK = 2000
ROOT = Path(__file__).resolve().parents[1]


def default_folder(articles: int) -> Path:
    """Where the store of that many articles is kept between runs."""
    return ROOT / "out" / "bench" / f"store-{articles}"


def chunks(articles: int, size: int = CHUNK):
    """The synthetic reports' graphs, ``size`` articles a graph."""
    g, n = Graph(), 0
    for art in iter_synthetic(articles):
        g.absorb(build_article(art, extract(art)))
        n += 1
        if n == size:
            yield g
            g, n = Graph(), 0
    if n:
        yield g


def fill(store: Store, articles: int, *, quiet: bool = False) -> None:
    """Write ``articles`` synthetic reports into a store, chunk by chunk, as ingest does."""
    t = time.perf_counter()
    done = 0
    for g in chunks(articles):
        store.commit(store.prepare(g), [])
        done += sum(1 for n in g.nodes.values() if n.type == "Article")
        if not quiet:
            print(f"  {done}/{articles} articles written ({time.perf_counter() - t:.0f} s)", file=sys.stderr)


def build_store(articles: int, folder: Path | None = None, *, quiet: bool = False) -> Path:
    """The folder of an Oxigraph store holding ``articles`` synthetic reports (built unless it is there)."""
    folder = folder or default_folder(articles)
    done = folder / "ARTICLES"
    stamp = f"{articles} {VERSION}"
    if done.is_file() and done.read_text().strip() == stamp:
        return folder / "store"
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    with open_store("oxigraph", path=folder / "store") as store:
        fill(store, articles, quiet=quiet)
        store.native.optimize()  # type: ignore[attr-defined]
    done.write_text(stamp)
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
