"""govgraph ingest: read article files into a store."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..stores import StoreError
from .common import fail, open_from_options, store_options


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--place", default=None, help="Jurisdiction of the input (e.g. 衡阳市) when the text does not say.")
@click.option("--date", "published", default=None,
              help="Publication date (YYYY-MM-DD) of every input, over what names, text or metadata say.")
@store_options
def ingest(paths, place, published, store_path, neo4j_uri, backend, user, password):
    """Read article files (txt, html, jsonl; folders too) into the store."""
    from govgraph.loaders.pubdate import parse_date

    from ..ingest import expand, read_graph

    files = expand(paths)
    pub = parse_date(published) if published else None
    if published and pub is None:
        fail(f"--date must look like 2021-04-22, got {published!r}", 2)
    show_bar = len(files) > 1 and sys.stderr.isatty()
    with click.progressbar(length=len(files), label="reading", file=sys.stderr,
                           show_pos=True) if show_bar else _NoBar() as bar:
        rep = read_graph(files, place=place, published=pub, progress=bar.update)
    for err in rep.errors:
        click.echo(f"skipped: {err}", err=True)
    try:
        with open_from_options(store_path, neo4j_uri, backend, user, password) as store:
            stats = store.write(rep.graph)
            counts = store.counts()
    except StoreError as exc:
        fail(str(exc))
    click.echo(f"read {rep.files} file(s), {rep.articles} article(s); wrote {stats.nodes} nodes and "
               f"{stats.edges} edges; {len(rep.errors)} problem(s)")
    click.echo("store now holds: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if rep.errors:
        sys.exit(1)


class _NoBar:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False

    def update(self, n):
        pass


COMMANDS = [ingest]
