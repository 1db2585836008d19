"""The ``govgraph`` command: thin click commands over the library."""
from __future__ import annotations

import csv
import io
import json
import logging
import os
import sys
from pathlib import Path

import click

from govgraph.queries import QueryError, get_query, saved_queries

from .stores import Store, StoreError, open_store

DEFAULT_STORE = os.environ.get("GOVGRAPH_STORE", ".govgraph/store")


def _store_options(f):
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


def _open(store_path, neo4j_uri, backend, user, password) -> Store:
    backend = backend or ("neo4j" if neo4j_uri else "oxigraph")
    if backend == "neo4j":
        return open_store("neo4j", uri=neo4j_uri, user=user, password=password)
    return open_store(backend, path=store_path)


def _fail(msg: str, code: int = 1):
    click.echo(f"error: {msg}", err=True)
    sys.exit(code)


@click.group()
@click.version_option(package_name="govgraph")
def main():
    """govgraph: a knowledge graph of Chinese government meetings, read from newspaper reports."""
    # The Neo4j driver logs each failed connection attempt; a StoreError already says it once, in one line.
    logging.getLogger("neo4j").addHandler(logging.NullHandler())
    logging.getLogger("neo4j").propagate = False


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--place", default=None, help="Jurisdiction of the input (e.g. 衡阳市) when the text does not say.")
@click.option("--date", "published", default=None,
              help="Publication date (YYYY-MM-DD) of every input, over what names, text or metadata say.")
@_store_options
def ingest(paths, place, published, store_path, neo4j_uri, backend, user, password):
    """Read article files (txt, html, jsonl; folders too) into the store."""
    from govgraph.loaders.pubdate import parse_date

    from .ingest import expand, read_graph

    files = expand(paths)
    pub = parse_date(published) if published else None
    if published and pub is None:
        _fail(f"--date must look like 2021-04-22, got {published!r}", 2)
    show_bar = len(files) > 1 and sys.stderr.isatty()
    with click.progressbar(length=len(files), label="reading", file=sys.stderr,
                           show_pos=True) if show_bar else _NoBar() as bar:
        rep = read_graph(files, place=place, published=pub, progress=bar.update)
    for err in rep.errors:
        click.echo(f"skipped: {err}", err=True)
    try:
        with _open(store_path, neo4j_uri, backend, user, password) as store:
            stats = store.write(rep.graph)
            counts = store.counts()
    except StoreError as exc:
        _fail(str(exc))
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


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["gold", "json"]), default="gold", show_default=True,
              help="gold: one object per input file in the shape of the gold annotation; "
                   "json: every finding with its character span, role, place and referenced meetings.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Write NAME.json per input file into this folder instead of printing.")
@click.option("--place", default=None, help="Jurisdiction of the input when the text does not say.")
def extract(paths, fmt, out_dir, place):
    """Print what the extractor reads out of each file."""
    from govgraph.loaders import LoadError, load_paths
    from govgraph.loaders.extract.pipeline import extract as run
    from govgraph.loaders.gold import findings_record, gold_record

    from .ingest import expand

    failed = False
    for result in load_paths(expand(paths), place=place):
        if isinstance(result, LoadError):
            click.echo(f"skipped: {result}", err=True)
            failed = True
            continue
        found = [run(a) for a in result.articles]
        rec = gold_record(result.path.name, found) if fmt == "gold" else \
            findings_record(result.path.name, result.articles, found)
        text = json.dumps(rec, ensure_ascii=False, indent=1)
        if out_dir:
            out_dir.mkdir(parents=True, exist_ok=True)
            stem = result.path.name.rsplit(".", 1)[0]
            (out_dir / f"{stem}.json").write_text(text, encoding="utf-8")
        else:
            click.echo(text)
    if failed:
        sys.exit(1)


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(gold_dir, as_json):
    """Score the extractor on GOLD_DIR (NAME.txt beside NAME.gold.json): P/R/F1 per field."""
    from govgraph.loaders import LoadError, load_path
    from govgraph.loaders.evaluate import Scores, prf, report, score_file
    from govgraph.loaders.extract.pipeline import extract as run
    from govgraph.loaders.gold import gold_record

    scores = Scores()
    golds = sorted(gold_dir.glob("*.gold.json"))
    if not golds:
        _fail(f"no *.gold.json files in {gold_dir}", 2)
    for gf in golds:
        gold = json.loads(gf.read_text(encoding="utf-8"))
        src = gf.with_name(gold.get("source") or gf.name.replace(".gold.json", ".txt"))
        try:
            res = load_path(src)
            pred = gold_record(src.name, [run(a) for a in res.articles])
        except LoadError as exc:
            click.echo(f"skipped: {exc}", err=True)
            pred = {}
        score_file(gold, pred, scores)
    if as_json:
        click.echo(json.dumps({k: dict(zip("prf", prf(*v), strict=True)) for k, v in scores.counts.items()}))
    else:
        click.echo(report(scores))


@main.command("queries")
def list_queries():
    """List the saved queries with their parameters."""
    for q in saved_queries().values():
        params = ", ".join(f"{p.name}" + (f"={p.default!r}" if p.default is not None else "") for p in q.params)
        twin = "SPARQL+Cypher" if q.cypher else "SPARQL"
        click.echo(f"{q.name}({params})  [{twin}]\n    {q.description}")


@main.command()
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter; repeat.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@_store_options
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
        _fail(str(exc), 2)
    try:
        with _open(store_path, neo4j_uri, backend, user, password) as store:
            cols, rows = store.run(q, bound)
    except (StoreError, QueryError) as exc:
        _fail(str(exc))
    click.echo(format_rows(cols, rows, fmt), nl=False)


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


@main.command()
@click.option("--format", "fmt", type=click.Choice(["turtle", "nt", "jsonld", "graphml"]), default="turtle",
              show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True, help="File to write.")
@click.option("--validate", "check", is_flag=True,
              help="Check the export against the govgraph SHACL shapes; exit 1 and name what is broken if it fails.")
@_store_options
def export(fmt, output, check, store_path, neo4j_uri, backend, user, password):
    """Export the store as Turtle, N-Triples, JSON-LD or GraphML."""
    from .export import write_export

    output.parent.mkdir(parents=True, exist_ok=True)
    report = None
    try:
        with _open(store_path, neo4j_uri, backend, user, password) as store:
            write_export(store, output, fmt)
            if check:
                from .validate import validate as run_validation

                # the RDF file as written, read back; GraphML is not RDF, so then the store it came from
                ok, report = run_validation(store if fmt == "graphml" else output_graph(output, fmt))
    except StoreError as exc:
        _fail(str(exc))
    click.echo(f"wrote {output} ({fmt}, {output.stat().st_size:,} bytes)")
    if report is not None:
        _report_validation(ok, report)


def output_graph(path: Path, fmt: str):
    """An exported RDF file read back with rdflib."""
    from .validate import load_graph

    return load_graph(path, {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt"}.get(fmt, "json-ld"))


def _report_validation(ok: bool, report: str):
    if ok:
        click.echo(report, nl=False)
        return
    summary, _, _full = report.partition("\n\n")
    click.echo(summary, err=True)
    sys.exit(1)


@main.command("validate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--full", is_flag=True, help="Also print pyshacl's complete report.")
def validate_file(file, full):
    """Check an RDF file (Turtle, N-Triples, JSON-LD) against the govgraph SHACL shapes."""
    from .validate import load_graph
    from .validate import validate as run_validation

    try:
        data = load_graph(file)
    except Exception as exc:  # unreadable RDF (the parsers raise many kinds): say which file and why
        _fail(f"cannot read {file} as RDF: {exc}", 2)
    ok, report = run_validation(data)
    if full and not ok:
        click.echo(report, err=True)
        sys.exit(1)
    _report_validation(ok, report)


@main.command()
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True, help="HTML file to write.")
@click.option("--title", default="govgraph", help="Page title.")
@_store_options
def view(output, title, store_path, neo4j_uri, backend, user, password):
    """Write an interactive HTML network view (one file, works offline)."""
    from .view import render_html

    try:
        with _open(store_path, neo4j_uri, backend, user, password) as store:
            g = store.read_graph()
    except StoreError as exc:
        _fail(str(exc))
    output.parent.mkdir(parents=True, exist_ok=True)
    render_html(g, output, title=title)
    click.echo(f"wrote {output} ({len(g.nodes)} nodes, {len(g.edges)} edges)")


@main.command()
@click.argument("who")
@click.option("--relation", default=None, help="Only edges of this type, e.g. chaired or holds_post.")
@_store_options
def explain(who, relation, store_path, neo4j_uri, backend, user, password):
    """Show the sentences behind a node's edges: WHO is a node id, a label or a person's name."""
    from .explain import explain as run
    from .explain import format_support

    try:
        with _open(store_path, neo4j_uri, backend, user, password) as store:
            rows = run(store, who, relation=relation)
    except StoreError as exc:
        _fail(str(exc))
    if not rows:
        _fail(f"nothing in the store is called {who!r}" + (f" with {relation} edges" if relation else ""), 1)
    click.echo(format_support(rows))


@main.command()
@_store_options
def stats(store_path, neo4j_uri, backend, user, password):
    """Count what the store holds."""
    try:
        with _open(store_path, neo4j_uri, backend, user, password) as store:
            counts = store.counts()
    except StoreError as exc:
        _fail(str(exc))
    for k, v in sorted(counts.items()):
        click.echo(f"{k:14} {v}")


if __name__ == "__main__":
    main()
