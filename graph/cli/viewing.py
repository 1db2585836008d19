"""govgraph view: the graph as one interactive HTML page that works offline."""
from __future__ import annotations

from pathlib import Path

import click

from ..stores import StoreError
from .common import fail, open_from_options, store_options


@click.command()
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True, help="HTML file to write.")
@click.option("--title", default="govgraph", help="Page title.")
@store_options
def view(output, title, store_path, neo4j_uri, backend, user, password):
    """Write an interactive HTML network view (one file, works offline)."""
    from ..views import render_html

    try:
        with open_from_options(store_path, neo4j_uri, backend, user, password) as store:
            g = store.read_graph()
    except StoreError as exc:
        fail(str(exc))
    output.parent.mkdir(parents=True, exist_ok=True)
    render_html(g, output, title=title)
    click.echo(f"wrote {output} ({len(g.nodes)} nodes, {len(g.edges)} edges)")


COMMANDS = [view]
