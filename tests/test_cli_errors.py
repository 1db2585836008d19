"""No traceback reaches a user: every command, given bad arguments, a missing, locked, read-only or damaged
store, an unwritable output or a bad Neo4j URI, says what is wrong in one line and exits with status 1."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from govgraph.graph.cli import main
from govgraph.graph.model import Evidence, Graph, Node
from govgraph.graph.stores import open_store

from .reports import jsonl

READERS = [["stats"], ["query", "meetings_per_body_month"], ["explain", "李明"], ["export", "-o", "{out}/g.ttl"],
           ["view", "-o", "{out}/v.html"], ["analyze", "turnover"], ["analyze", "activity"],
           ["analyze", "centrality"]]


def one_error(args, expect: str | None = None, **kw) -> str:
    """Run a command that must fail: one line, starting with "error:", exit status 1, no traceback."""
    res = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, **kw)
    lines = res.output.strip().splitlines()
    assert res.exit_code == 1, (args, res.output)
    assert len(lines) == 1 and lines[0].startswith("error: "), (args, res.output)
    assert "Traceback" not in res.output
    if expect:
        assert expect in lines[0], (args, lines[0])
    return lines[0]


def ok(args, **kw):
    res = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, **kw)
    assert res.exit_code == 0, (args, res.output)
    return res


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """A small embedded store with a few reports in it."""
    tmp = tmp_path_factory.mktemp("cli")
    path = tmp / "st"
    ok(["ingest", jsonl(tmp / "feed.jsonl", range(4)), "--store", path])
    return path


@pytest.mark.parametrize("args,expect", [
    (["frobnicate"], "No such command 'frobnicate'"),
    (["ingest"], "Missing argument 'PATHS...'. (see govgraph ingest --help)"),
    (["ingest", "x.txt", "--date", "2021-13-45"], "--date must look like 2021-04-22"),
    (["ingest", "x.txt", "--chunk", "0"], "Invalid value for '--chunk'"),
    (["query"], "Missing argument 'NAME'"),
    (["query", "nope"], "known queries"),
    (["query", "person_timeline"], "needs parameter 'person'"),
    (["query", "meetings_chaired_by", "-p", "person"], "--param needs KEY=VALUE"),
    (["query", "meetings_per_body_month", "--format", "xml"], "Invalid value for '--format'"),
    (["export"], "Missing option '--output'"),
    (["export", "--format", "pdf", "-o", "x"], "Invalid value for '--format'"),
    (["view"], "Missing option '--output'"),
    (["explain"], "Missing argument 'WHO'"),
    (["stats", "--bogus"], "No such option '--bogus'"),
    (["queries", "--bogus"], "No such option '--bogus'"),
    (["extract"], "Missing argument 'PATHS...'"),
    (["extract", "x.txt", "--format", "xml"], "Invalid value for '--format'"),
    (["eval"], "Missing argument 'GOLD_DIR'"),
    (["eval", "no/such/dir"], "does not exist"),
    (["validate"], "Missing argument 'FILE'"),
    (["validate", "no/such.ttl"], "does not exist"),
    (["stats", "--backend", "sqlite"], "Invalid value for '--backend'"),
    (["analyze", "frob"], "No such command 'frob'. (see govgraph analyze --help)"),
    (["analyze", "centrality", "--min-count", "0"], "Invalid value for '--min-count'"),
])
def test_bad_arguments(args, expect):
    one_error(args, expect)


@pytest.mark.parametrize("args", [[], ["analyze"]])
def test_a_group_named_without_a_command_shows_its_help(args):
    res = ok(args)
    assert res.output.startswith("Usage: ") and "Commands:" in res.output


def test_eval_of_a_folder_without_gold_and_validate_of_what_is_not_rdf(tmp_path):
    one_error(["eval", tmp_path], "no *.gold.json files in")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    one_error(["validate", bad], "cannot read")


@pytest.mark.parametrize("args", READERS)
def test_a_mistyped_store_is_an_error_not_an_empty_answer(args, tmp_path):
    out = [a.format(out=tmp_path) for a in args]
    one_error([*out, "--store", tmp_path / "typo"], f"no store at {tmp_path / 'typo'}: nothing has been ingested")
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize("args", READERS)
def test_readers_work_on_a_store_a_writer_holds(args, store, tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time, pyoxigraph as ox; s = ox.Store(sys.argv[1]);"
                               "print('held', flush=True); time.sleep(60)", str(store)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        ok([a.format(out=tmp_path) for a in args] + ["--store", store])
        one_error(["ingest", jsonl(tmp_path / "more.jsonl", [9]), "--store", store],
                  "is being written by another command (an ingest?); wait for it to finish")
    finally:
        holder.kill()
        holder.wait()


def _freeze(path: Path, frozen: bool) -> None:
    """Make a folder and its files unwritable, even for root (chattr +i), or writable again."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-R", "+i" if frozen else "-i", str(path)], check=True)
    else:
        subprocess.run(["chmod", "-R", "a-w" if frozen else "u+w", str(path)], check=True)


def test_a_read_only_store_answers_readers_and_refuses_ingest(store, tmp_path):
    copy = tmp_path / "frozen"
    subprocess.run(["cp", "-r", str(store), str(copy)], check=True)
    _freeze(copy, True)
    try:
        res = ok(["stats", "--store", copy])
        assert "Article" in res.output and "triples" in res.output
        for args in READERS:
            ok([a.format(out=tmp_path) for a in args] + ["--store", copy])
        one_error(["ingest", jsonl(tmp_path / "more.jsonl", [9]), "--store", copy], f"the store at {copy}")
    finally:
        _freeze(copy, False)


@pytest.mark.parametrize("args", [*READERS, ["ingest", "{out}/feed.jsonl"]])
def test_a_damaged_store_is_named(args, store, tmp_path):
    bad = tmp_path / "bad"
    subprocess.run(["cp", "-r", str(store), str(bad)], check=True)
    (bad / "CURRENT").write_text("garbage\n")
    jsonl(tmp_path / "feed.jsonl", [1])
    one_error([a.format(out=tmp_path) for a in args] + ["--store", bad], f"the store at {bad} is damaged")


@pytest.mark.parametrize("cmd", ["export", "view"])
def test_an_unwritable_output_is_named(cmd, store, tmp_path):
    (tmp_path / "file").write_text("x")
    one_error([cmd, "-o", tmp_path / "file" / "out.x", "--store", store], str(tmp_path / "file"))
    one_error([cmd, "-o", tmp_path, "--store", store], str(tmp_path))
    assert (tmp_path / "file").read_text() == "x"


@pytest.mark.parametrize("args", [*READERS, ["ingest", "{out}/feed.jsonl"]])
@pytest.mark.parametrize("uri,expect", [
    ("http://127.0.0.1:7474", "is not a Neo4j URI"), ("bolt://127.0.0.1:99999", "has no valid port"),
    ("", "--neo4j needs a URI"), ("bolt://127.0.0.1:1", "Neo4j not reachable at bolt://127.0.0.1:1"),
])
def test_a_bad_neo4j_uri_is_named(args, uri, expect, tmp_path):
    jsonl(tmp_path / "feed.jsonl", [1])
    one_error([a.format(out=tmp_path) for a in args] + ["--neo4j", uri, "--password", "x"], expect)


def test_what_comes_from_reports_reaches_the_terminal_escaped(tmp_path):
    g = Graph()
    g.add_node(Node("person/x/evil", "Person", "evil\x1b]0;pwned\x07", {"name": "evil"}))
    g.add_node(Node("meeting/x/m", "Meeting", "m\x1b[2J", {}))
    g.add_edge("person/x/evil", "chaired", "meeting/x/m", Evidence("article/a", 0, 5, "quote\x1b[31m\nnext"))
    with open_store("oxigraph", path=tmp_path / "st") as s:
        s.write(g)
    res = ok(["explain", "evil", "--store", tmp_path / "st"])
    assert "\x1b" not in res.output and "\x07" not in res.output
    assert "evil\\x1b]0;pwned\\x07" in res.output and "quote\\x1b[31m\\nnext" in res.output
    res = ok(["query", "meetings_chaired_by", "-p", "person=evil", "--store", tmp_path / "st"])
    assert "\x1b" not in res.output and "m\\x1b[2J" in res.output
    evil = tmp_path / "bad\x1b[2Jname\n.txt"
    evil.write_bytes(b"")
    res = CliRunner().invoke(main, ["ingest", str(evil), "--store", str(tmp_path / "st")])
    assert res.exit_code == 1 and "\x1b" not in res.output and "bad\\x1b[2Jname\\n.txt: empty file" in res.output


def test_explain_of_a_name_that_is_no_iri_finds_nothing_instead_of_everything(store):
    one_error(["explain", "张 三", "--store", store], "nothing in the store is called '张 三'")
