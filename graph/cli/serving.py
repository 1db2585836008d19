"""govgraph serve: a read-only SPARQL 1.1 endpoint over the store, with the saved queries beside it."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import click

from ..stores import Store, StoreError, open_store
from .common import fail, open_from_options, store_options


@click.command()
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="Port to listen on (0 picks a free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only.")
@click.option("--verbose", is_flag=True, help="Log every request on standard error.")
@store_options
def serve(port, host, verbose, **store_opts):
    """Answer SPARQL over HTTP (read-only): /sparql for YASGUI, SPARQLWrapper or a notebook, /queries for the
    saved questions (GET /queries/NAME?param=value). An ingest into the same store shows up on the next request.
    """
    import errno

    from ..server import make_server

    try:
        first = open_from_options(**store_opts)
        opener: Callable[[], Store]
        folder: Path | None
        if first.name == "oxigraph":  # opened again after each ingest, by path: no command context in a thread
            folder = Path(first.path)  # type: ignore[attr-defined]
            first.close()
            opener = partial(open_store, "oxigraph", path=folder, read_only=True)
        else:  # a server store sees every write as it happens
            folder, opener = None, lambda: first
        server = make_server(opener, host=host, port=port, verbose=verbose, folder=folder)
    except StoreError as exc:
        fail(str(exc))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            fail(f"port {port} on {host} is taken: choose another with --port (0 picks a free one)")
        raise
    click.echo(f"govgraph endpoint at {server.url}/sparql (read-only); saved queries at {server.url}/queries; "
               f"Ctrl-C stops it", err=True)
    click.echo(f"{server.url}/sparql")  # on stdout alone, for a script that started the server to read
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


COMMANDS = [serve]
