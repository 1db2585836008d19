"""govgraph ingest: read article files into a store, streaming, resumable, every problem reported."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .common import clean, fail, open_from_options, store_options


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--place", default=None, help="Jurisdiction of the input (e.g. 衡阳市) when the text does not say.")
@click.option("--date", "published", default=None,
              help="Publication date (YYYY-MM-DD) of every input, over what names, text or metadata say.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the summary as one JSON object: files, articles, meetings, what was written, every "
                   "problem with its reason, and the articles that name a meeting but gave none (unread).")
@click.option("--chunk", "chunk", type=click.IntRange(min=1), default=None,
              help="Articles per chunk written to the store (GOVGRAPH_INGEST_CHUNK, default 2000).")
@store_options
def ingest(paths, place, published, as_json, chunk, store_path, neo4j_uri, backend, user, password):
    """Read article files (txt, html, jsonl, each optionally .gz; folders too) into the store.

    Files already stored whole are skipped (they are recognised by their content); an ingest that was stopped
    is finished by running the same command again.
    """
    from govgraph.loaders.pubdate import parse_date

    from ..ingest import IngestStopped
    from ..ingest import ingest as run
    from .progress import TerminalProgress

    pub = parse_date(published) if published else None
    if published and pub is None:
        fail(f"--date must look like 2021-04-22, got {published!r}")
    bar = TerminalProgress(sys.stderr) if sys.stderr.isatty() else None
    stopped = None
    counts = None
    with open_from_options(store_path, neo4j_uri, backend, user, password, read_only=False) as store:
        try:
            summary = run(paths, store, place=place, published=pub, chunk_articles=chunk, progress=bar)
        except IngestStopped as exc:
            summary, stopped = exc.summary, str(exc)
        except KeyboardInterrupt:
            if bar:
                bar.close()
            fail("interrupted; what was stored stays stored: run the same command again to finish the rest")
        finally:
            if bar:
                bar.close()
        if stopped is None:
            counts = store.counts()
    for problem in summary.problems:
        click.echo(f"skipped: {clean(problem)}", err=True)
    if as_json:
        click.echo(json.dumps(summary.as_json(counts), ensure_ascii=False, indent=1))
    else:
        for line in summary.lines():
            click.echo(clean(line))
        if counts is not None:
            click.echo("store now holds: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if stopped is not None:
        fail(f"{stopped}. {summary.chunks} chunk(s) of this run are stored; run the same command again to "
             f"finish the rest")
    if summary.problems:
        sys.exit(1)


COMMANDS = [ingest]
