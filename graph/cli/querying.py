"""govgraph queries, query, explain and stats: questions to a store."""
from __future__ import annotations

import click

from govgraph.queries import QueryError, get_query, saved_queries

from ..stores import StoreError
from .common import fail, format_rows, open_from_options, store_options


@click.command("queries")
def list_queries():
    """List the saved queries with their parameters."""
    for q in saved_queries().values():
        params = ", ".join(f"{p.name}" + (f"={p.default!r}" if p.default is not None else "") for p in q.params)
        twin = "SPARQL+Cypher" if q.cypher else "SPARQL"
        click.echo(f"{q.name}({params})  [{twin}]\n    {q.description}")


@click.command()
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter; repeat.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@store_options
def query(name, params, fmt, store_path, neo4j_uri, backend, user, password):
    """Run a saved query by NAME."""
    try:
        q = get_query(name)
        given = {}
        for kv in params:
            if "=" not in kv:
                raise QueryError(f"--param needs KEY=VALUE, got {kv!r}")
            k, v = kv.split("=", 1)
            given[k.strip()] = v
        bound = q.bind(given)
    except QueryError as exc:
        fail(str(exc))
    try:
        with open_from_options(store_path, neo4j_uri, backend, user, password) as store:
            cols, rows = store.run(q, bound)
    except (StoreError, QueryError) as exc:
        fail(str(exc))
    click.echo(format_rows(cols, rows, fmt), nl=False)


@click.command()
@click.argument("who")
@click.option("--relation", default=None, help="Only edges of this type, e.g. chaired or holds_post.")
@store_options
def explain(who, relation, store_path, neo4j_uri, backend, user, password):
    """Show the sentences behind a node's edges: WHO is a node id, a label or a person's name."""
    from ..explain import explain as run
    from ..explain import format_support

    try:
        with open_from_options(store_path, neo4j_uri, backend, user, password) as store:
            rows = run(store, who, relation=relation)
    except StoreError as exc:
        fail(str(exc))
    if not rows:
        fail(f"nothing in the store is called {who!r}" + (f" with {relation} edges" if relation else ""))
    click.echo(format_support(rows))


@click.command()
@store_options
def stats(store_path, neo4j_uri, backend, user, password):
    """Count what the store holds: nodes and edges of each type, and (RDF stores) triples."""
    try:
        with open_from_options(store_path, neo4j_uri, backend, user, password) as store:
            counts = store.counts()
            triples = store.size()
    except StoreError as exc:
        fail(str(exc))
    if triples is not None:
        counts["triples"] = triples
    for k, v in sorted(counts.items()):
        click.echo(f"{k:14} {v}")


COMMANDS = [list_queries, query, explain, stats]
