"""The command line: help on every command, the main job end to end, errors and exit codes."""
from __future__ import annotations

import json

import pytest
import rdflib
from click.testing import CliRunner

from govgraph.graph.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("cmd", sorted(main.commands))
def test_every_command_has_help(cmd):
    res = run(cmd, "--help")
    assert res.exit_code == 0 and len(main.commands[cmd].help or "") > 10


def test_ingest_query_export_end_to_end(tmp_path, seed_path):
    st = tmp_path / "st"
    res = run("ingest", seed_path, "--store", st)
    assert res.exit_code == 0, res.output
    assert "3 article(s)" in res.output
    res = run("query", "meetings_chaired_by", "-p", "person=朱健", "--store", st, "--format", "json")
    assert json.loads(res.output) == [
        {"date": "2021-04-22", "meeting_name": "衡阳市政府常务会议 2021-04-22", "body_name": "衡阳市政府",
         "meeting_id": "meeting/430400/衡阳市政府/2021-04-22/executive", "body_id": "body/430400/衡阳市政府",
         "person_id": "person/430400/朱健"}]
    res = run("query", "meetings_per_body_month", "--store", st, "--format", "csv")
    assert res.output.splitlines()[0] == "body_name,month,meetings,body_id"
    ttl = tmp_path / "g.ttl"
    assert run("export", "-o", ttl, "--store", st).exit_code == 0
    g = rdflib.Graph().parse(ttl, format="turtle")
    assert len(g) > 500
    gml = tmp_path / "g.graphml"
    assert run("export", "--format", "graphml", "-o", gml, "--store", st).exit_code == 0
    import networkx as nx
    assert nx.read_graphml(gml).number_of_nodes() == 44


def test_a_bad_file_is_reported_skipped_and_the_exit_says_so(tmp_path, seed_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    res = CliRunner().invoke(main, ["ingest", str(bad), str(seed_path), "--store", str(tmp_path / "st")])
    assert res.exit_code == 1
    assert "bad.txt: empty file" in res.output and "3 article(s)" in res.output


def test_query_errors(tmp_path):
    res = CliRunner().invoke(main, ["query", "nope", "--store", str(tmp_path / "st")])
    assert res.exit_code == 1 and "known queries" in res.output
    res = CliRunner().invoke(main, ["query", "person_timeline", "--store", str(tmp_path / "st")])
    assert res.exit_code == 1 and "needs parameter 'person'" in res.output


def test_extract_gold_format(seed_path):
    res = run("extract", seed_path, "--format", "gold")
    rec = json.loads(res.output)
    assert rec["source"] == seed_path.name and len(rec["meetings"]) == 3


def test_extract_json_format_has_spans(seed_path):
    rec = json.loads(run("extract", seed_path, "--format", "json").output)
    arts = rec["articles"]
    assert len(arts) == 3 and arts[0]["place"]["code"] == "430400"
    m = arts[2]["meetings"][0]
    chairs = [r for r in m["roles"] if r["role"] == "chair"]
    assert {r["name"] for r in chairs} == {"朱健"} and ["市长"] in [r["titles"] for r in chairs]
    assert {"body": "市教育局", "span": m["tasks"][0]["span"]} in m["tasks"]
    assert any(r["name"] == "全省食品安全工作会议" for r in m["refers_to"])


def test_view_and_explain_from_the_store(tmp_path, seed_path):
    st = tmp_path / "st"
    run("ingest", seed_path, "--store", st)
    html = tmp_path / "v.html"
    res = run("view", "-o", html, "--store", st)
    assert res.exit_code == 0 and "44 nodes" in res.output and html.stat().st_size > 100_000
    res = run("explain", "朱健", "--relation", "chaired", "--store", st)
    assert "市长朱健主持召开市政府2021年第7次常务会议" in res.output and "2021-04-22" in res.output
    res = CliRunner().invoke(main, ["explain", "无此人", "--store", str(st)])
    assert res.exit_code == 1 and "nothing in the store is called" in res.output
