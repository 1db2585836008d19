"""govgraph export and validate: the graph in files other tools read, checked against the shapes."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..stores import StoreError
from .common import clean, fail, open_from_options, store_options


@click.command()
@click.option("--format", "fmt", type=click.Choice(["turtle", "nt", "jsonld", "graphml", "popolo"]), default="turtle",
              show_default=True, help="turtle, nt, jsonld: RDF; graphml: Gephi, networkx; popolo: Popolo JSON.")
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True, help="File to write.")
@click.option("--validate", "check", is_flag=True,
              help="Check the export against the govgraph SHACL shapes; exit 1 and name what is broken if it fails.")
@store_options
def export(fmt, output, check, store_path, neo4j_uri, backend, user, password):
    """Export the store as Turtle, N-Triples, JSON-LD, GraphML or Popolo JSON."""
    from ..export import write_export

    report = None
    try:
        with open_from_options(store_path, neo4j_uri, backend, user, password) as store:
            _write_whole(output, lambda tmp: write_export(store, tmp, fmt))
            if check:
                from ..validate import validate as run_validation

                # the RDF file as written, read back; GraphML and Popolo are not RDF, so then the store they came from
                rdf = fmt not in ("graphml", "popolo")
                ok, report = run_validation(output_graph(output, fmt) if rdf else store)
    except StoreError as exc:
        fail(str(exc))
    click.echo(f"wrote {clean(output)} ({fmt}, {output.stat().st_size:,} bytes)")
    if report is not None:
        report_validation(ok, report)


def _write_whole(output: Path, write) -> None:
    """Write through a temporary file beside ``output`` and rename it: a failed export leaves no half file."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
        try:
            write(tmp)
            os.replace(tmp, output)
        finally:
            tmp.unlink(missing_ok=True)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")


def output_graph(path: Path, fmt: str):
    """An exported RDF file read back with rdflib."""
    from ..validate import load_graph

    return load_graph(path, {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt"}.get(fmt, "json-ld"))


def report_validation(ok: bool, report: str):
    if ok:
        click.echo(report, nl=False)
        return
    summary, _, _full = report.partition("\n\n")
    click.echo(summary, err=True)
    sys.exit(1)


@click.command("validate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--full", is_flag=True, help="Also print pyshacl's complete report.")
def validate_file(file, full):
    """Check an RDF file (Turtle, N-Triples, JSON-LD) against the govgraph SHACL shapes."""
    from ..validate import load_graph
    from ..validate import validate as run_validation

    try:
        data = load_graph(file)
    except Exception as exc:  # unreadable RDF (the parsers raise many kinds): say which file and why
        fail(f"cannot read {file} as RDF: {' '.join(str(exc).split())}")
    ok, report = run_validation(data)
    if full and not ok:
        click.echo(report, err=True)
        sys.exit(1)
    report_validation(ok, report)


COMMANDS = [export, validate_file]
