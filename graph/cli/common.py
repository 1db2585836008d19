"""What every command shares: the store options, opening a store, one-line errors, rows as text."""
from __future__ import annotations

import csv
import io
import json
import os
import sys

import click

from ..stores import Store, open_store

DEFAULT_STORE = os.environ.get("GOVGRAPH_STORE", ".govgraph/store")


def store_options(f):
    """The options that pick a store: --store, --neo4j, --backend, --user, --password."""
    f = click.option("--store", "store_path", default=DEFAULT_STORE, show_default=True,
                     help="Folder of the embedded RDF store (GOVGRAPH_STORE).")(f)
    f = click.option("--neo4j", "neo4j_uri", default=None,
                     help="Use a Neo4j server instead, e.g. bolt://127.0.0.1:7687 "
                          "(or NEO4J_URI with --backend neo4j).")(f)
    f = click.option("--backend", type=click.Choice(["oxigraph", "neo4j"]), default=None,
                     help="Store to use; oxigraph (embedded) unless --neo4j is given.")(f)
    f = click.option("--user", default=None, help="Neo4j user (NEO4J_USER, default neo4j).")(f)
    f = click.option("--password", default=None, help="Neo4j password (NEO4J_PASSWORD).")(f)
    return f


def open_from_options(store_path, neo4j_uri, backend, user, password) -> Store:
    """The store the options name (the embedded one unless --neo4j or --backend say otherwise)."""
    backend = backend or ("neo4j" if neo4j_uri else "oxigraph")
    if backend == "neo4j":
        return open_store("neo4j", uri=neo4j_uri, user=user, password=password)
    return open_store(backend, path=store_path)


def fail(msg: str, code: int = 1):
    """Say what went wrong in one line on standard error, and exit."""
    click.echo(f"error: {msg}", err=True)
    sys.exit(code)


def format_rows(cols: list[str], rows: list[tuple], fmt: str) -> str:
    """Rows as an aligned table, CSV or JSON."""
    if fmt == "json":
        return json.dumps([dict(zip(cols, r, strict=True)) for r in rows], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(cols)
        w.writerows(["" if v is None else v for v in r] for r in rows)
        return buf.getvalue()
    cells = [[str(c) for c in cols]] + [["" if v is None else str(v) for v in r] for r in rows]
    width = lambda s: sum(2 if ord(ch) > 0x2E7F else 1 for ch in s)
    widths = [max(width(row[i]) for row in cells) for i in range(len(cols))]
    lines = ["  ".join(c + " " * (widths[i] - width(c)) for i, c in enumerate(row)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"
