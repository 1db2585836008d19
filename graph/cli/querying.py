"""govgraph queries, query, explain and stats: questions to a store."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from govgraph.queries import QueryError, get_query, own_params, saved_queries

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


def _own_text(text: str) -> str:
    """The query itself, or the text of the file it names ("-" reads standard input)."""
    if text == "-":
        return sys.stdin.read()
    looks_like_file = "\n" not in text and len(text) < 4096 and not text.lstrip().upper().startswith(
        ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "PREFIX", "BASE", "MATCH", "OPTIONAL", "WITH", "CALL", "RETURN",
         "UNWIND", "INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "MERGE"))
    if looks_like_file:
        path = Path(text)
        if not path.is_file():
            raise QueryError(f"{text!r} is neither a query nor a file that holds one")
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise QueryError(f"{text!r} is not UTF-8 text: {exc.reason}") from exc
    return text


def _run_own(language: str, text: str, params, fmt: str, store_opts: dict) -> None:
    try:
        own = _own_text(text)
        bound = own_params(params)
    except QueryError as exc:
        fail(str(exc))
    try:
        with open_from_options(**store_opts) as store:
            if language not in store.languages:
                names = {"sparql": "SPARQL", "cypher": "Cypher"}
                other = " or ".join(names[x] for x in sorted(store.languages))
                hint = " (use --neo4j for Cypher)" if language == "cypher" else " (use govgraph cypher)"
                fail(f"this store answers {other}, not {names[language]}" + hint)
            cols, rows = store.query(own, bound)
    except (StoreError, QueryError) as exc:
        fail(str(exc))
    click.echo(format_rows(cols, rows, fmt), nl=False)


_OWN_PARAM = click.option("--param", "-p", "params", multiple=True, metavar="KEY[:TYPE]=VALUE",
                          help="A parameter, bound by the engine (a string unless TYPE says int, float, bool, date "
                               "or node); repeat.")
_FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                       show_default=True)


@click.command()
@click.argument("text", metavar="QUERY|FILE")
@_OWN_PARAM
@_FORMAT
@store_options
def sparql(text, params, fmt, **store_opts):
    """Run your own SPARQL (SELECT, ASK, CONSTRUCT) on the store, read-only: a query, a file, or - for stdin.

    The prefixes gg:, rdf:, rdfs:, xsd:, foaf:, org:, schema:, prov:, oa: are known. A parameter ?name is
    bound when the query selects it: --param name=邓群策. Updates are refused: the store is written by ingest.
    """
    _run_own("sparql", text, params, fmt, store_opts)


@click.command()
@click.argument("text", metavar="QUERY|FILE")
@_OWN_PARAM
@_FORMAT
@store_options
def cypher(text, params, fmt, **store_opts):
    """Run your own Cypher on a Neo4j store in a read-only transaction: a query, a file, or - for stdin.

    Parameters are $name in the query: --param name=邓群策. A query that writes is refused by the server.
    """
    _run_own("cypher", text, params, fmt, store_opts)


COMMANDS = [list_queries, query, sparql, cypher, explain, stats]
