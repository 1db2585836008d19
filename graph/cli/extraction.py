"""govgraph extract and eval: what the extractor reads, and how well, without a store."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .common import fail


@click.command()
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

    from ..ingest import expand

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


@click.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores (overall and per file) as JSON.")
@click.option("--worst", default=5, show_default=True, help="How many of the worst files to list.")
def evaluate(gold_dir, as_json, worst):
    """Score the extractor on GOLD_DIR (NAME.txt beside NAME.gold.json): P/R/F1 per field, the worst files."""
    from govgraph.loaders import LoadError, load_path
    from govgraph.loaders.evaluate import evaluate_folder, prf, report, worst_files
    from govgraph.loaders.extract.pipeline import extract as run
    from govgraph.loaders.gold import gold_record

    if not any(gold_dir.glob("*.gold.json")):
        fail(f"no *.gold.json files in {gold_dir}", 2)

    def predict(src: Path) -> dict:
        try:
            return gold_record(src.name, [run(a) for a in load_path(src).articles])
        except LoadError as exc:
            click.echo(f"skipped: {exc}", err=True)
            return {}

    scores, per_file = evaluate_folder(gold_dir, predict)
    if as_json:
        fields = {k: dict(zip("prf", prf(*v), strict=True)) for k, v in scores.counts.items()}
        click.echo(json.dumps({**fields, "core_micro_f1": scores.micro()[2],
                               "worst": [{"file": n, "core_f1": f, "fields": w}
                                         for n, f, w in worst_files(per_file, worst)]}, ensure_ascii=False))
    else:
        click.echo(report(scores, per_file, worst=worst))


COMMANDS = [extract, evaluate]
