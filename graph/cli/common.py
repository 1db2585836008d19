"""What every command shares: the store options, opening a store, one-line errors, rows as text.

No traceback reaches a user: ``SafeGroup`` turns every error a command lets out (a usage mistake, a store that
cannot be opened, a file that cannot be written, a bug) into one line on standard error and exit status 1.
Whatever came from input (file names, labels, quotes) is shown through ``clean``, so a headline cannot send
escape sequences to the terminal.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from typing import NoReturn

import click

from govgraph.loaders.encoding import visible

from ..stores import Store, StoreError, open_store

DEFAULT_STORE = os.environ.get("GOVGRAPH_STORE", ".govgraph/store")


def clean(text: object) -> str:
    """Text safe for a terminal: control characters, bidi overrides and lone surrogates shown as escapes."""
    return visible(str(text))


def _remember(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """Keep a SPARQL-server option in the context, so that commands need no parameter of their own for it."""
    if value is not None:
        ctx.meta[f"govgraph.{param.name}"] = value


def _sparql_option(name: str) -> str | None:
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(f"govgraph.{name}") if ctx is not None else None


def store_options(f):
    """The options that pick a store: --store, --neo4j, --sparql-endpoint, --backend, --user, --password."""
    f = click.option("--sparql-endpoint", "sparql_endpoint", default=None, expose_value=False, callback=_remember,
                     envvar="GOVGRAPH_SPARQL_ENDPOINT",
                     help="Use a SPARQL 1.1 server instead, by its query URL, e.g. http://127.0.0.1:3030/ds/query "
                          "(Fuseki) or http://127.0.0.1:7878/query (oxigraph); --user/--password log in.")(f)
    f = click.option("--sparql-update", "sparql_update", default=None, expose_value=False, callback=_remember,
                     help="The server's update URL, when it is not the query URL with /query made /update.")(f)
    f = click.option("--store", "store_path", default=DEFAULT_STORE, show_default=True,
                     help="Folder of the embedded RDF store (GOVGRAPH_STORE).")(f)
    f = click.option("--neo4j", "neo4j_uri", default=None,
                     help="Use a Neo4j server instead, e.g. bolt://127.0.0.1:7687 "
                          "(or NEO4J_URI with --backend neo4j).")(f)
    f = click.option("--backend", type=click.Choice(["oxigraph", "neo4j", "sparql"]), default=None,
                     help="Store to use; oxigraph (embedded) unless --neo4j or --sparql-endpoint is given.")(f)
    f = click.option("--user", default=None, help="Neo4j user (NEO4J_USER, default neo4j).")(f)
    f = click.option("--password", default=None, help="Neo4j password (NEO4J_PASSWORD).")(f)
    return f


def open_from_options(store_path, neo4j_uri, backend, user, password, *, read_only: bool = True) -> Store:
    """The store the options name (the embedded one unless --neo4j or --backend say otherwise).

    Readers open it read-only (the default): they run beside an ingest, and a store that is not there is an
    error, never a new empty one. Only ingest opens it for writing.
    """
    if neo4j_uri is not None and not neo4j_uri.strip():
        raise StoreError("--neo4j needs a URI, e.g. --neo4j bolt://127.0.0.1:7687")
    endpoint = _sparql_option("sparql_endpoint")
    if endpoint is not None or backend == "sparql":
        if neo4j_uri or backend not in (None, "sparql"):
            raise StoreError("--sparql-endpoint names a SPARQL server: give no --neo4j or other --backend with it")
        return open_store("sparql", endpoint=endpoint, update_endpoint=_sparql_option("sparql_update"), user=user,
                          password=password, read_only=read_only)
    backend = backend or ("neo4j" if neo4j_uri else "oxigraph")
    if backend == "neo4j":
        return open_store("neo4j", uri=neo4j_uri, user=user, password=password, read_only=read_only)
    if neo4j_uri:
        raise StoreError("--neo4j names a Neo4j server, but --backend says oxigraph: give one or the other")
    if not str(store_path or "").strip():
        raise StoreError("--store needs a folder")
    return open_store(backend, path=store_path, read_only=read_only)


def fail(msg: str, code: int = 1) -> NoReturn:
    """Say what went wrong in one line on standard error, and exit with status 1.

    ``code`` is accepted for callers written when usage errors exited 2; every error now exits 1.
    """
    click.echo(f"error: {clean(msg)}", err=True)
    sys.exit(1)


_NoArgsIsHelp = getattr(click.exceptions, "NoArgsIsHelpError", ())  # click 8.2+


class SafeGroup(click.Group):
    """A click group whose commands never show a traceback: every error is one line and exit status 1."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _NoArgsIsHelp as exc:  # a group named with no command: its help is the answer, not an error
            click.echo(exc.ctx.get_help() if exc.ctx is not None else exc.format_message())
            sys.exit(0)
        except click.UsageError as exc:
            sub = exc.ctx.command_path.partition(" ")[2] if exc.ctx is not None else ""
            where = f" (see govgraph {sub + ' ' if sub else ''}--help)"
            fail(exc.format_message() + where)
        except click.ClickException as exc:
            fail(exc.format_message())
        except click.exceptions.Abort:
            fail("interrupted")
        except StoreError as exc:
            fail(str(exc))
        except BrokenPipeError:  # the reader of our output went away (``| head``): nothing more to say
            sys.stderr.close()
            os._exit(1)
        except OSError as exc:
            fail(f"{exc.strerror or exc}: {exc.filename}" if exc.filename else f"{exc.strerror or exc}")
        except Exception as exc:
            if os.environ.get("GOVGRAPH_DEBUG"):
                raise
            fail(f"unexpected {type(exc).__name__}: {' '.join(str(exc).split())} "
                 f"(GOVGRAPH_DEBUG=1 shows where; please report it)")
        if not standalone_mode:
            return rv
        sys.exit(rv if isinstance(rv, int) else 0)


def format_rows(cols: list[str], rows: list[tuple], fmt: str) -> str:
    """Rows as an aligned table, CSV or JSON (the table shows control characters as escapes)."""
    if fmt == "json":
        return json.dumps([dict(zip(cols, r, strict=True)) for r in rows], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(cols)
        w.writerows(["" if v is None else v for v in r] for r in rows)
        return buf.getvalue()
    cells = [[clean(c) for c in cols]] + [["" if v is None else clean(v) for v in r] for r in rows]
    width = lambda s: sum(2 if ord(ch) > 0x2E7F else 1 for ch in s)
    widths = [max(width(row[i]) for row in cells) for i in range(len(cols))]
    lines = ["  ".join(c + " " * (widths[i] - width(c)) for i, c in enumerate(row)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"
