"""What only Neo4j has, against a real Neo4j 5.26 server (started by tools/run-tests.sh; NEO4J_URI says where).

What every store does is tested once for all stores in test_store_contract.py.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from govgraph.graph.model import Graph, Node
from govgraph.graph.stores import StoreError, open_store

from ..conftest import FIXTURES, ROOT, free_port, need

pytestmark = pytest.mark.neo4j


def test_uniqueness_constraints(neo, corpus_graph):
    neo.write(corpus_graph)
    with neo.driver.session() as s:
        rows = [r.data() for r in s.run("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type")]
    have = {(r["labelsOrTypes"][0], tuple(r["properties"])) for r in rows if r["type"] == "UNIQUENESS"}
    assert {(t, ("id",)) for t in ("Person", "Body", "Post", "Meeting", "Document", "Article")} <= have


def test_evidence_is_kept_on_relationships(neo, corpus_graph):
    neo.write(corpus_graph)
    with neo.driver.session() as s:
        rec = s.run("MATCH (:Person {id: 'person/430600/李志刚'})-[r:CHAIRED]->(m:Meeting) "
                    "RETURN r.ev_articles AS a, r.ev_quotes AS q, m.date AS d").single()
    assert len(rec["a"]) == 2 and all("李志刚" in q for q in rec["q"]) and rec["d"].iso_format() == "2023-05-08"


def test_a_failing_batch_is_rolled_back_whole(neo):
    g = Graph()
    for i in range(5):
        g.add_node(Node(f"person/x/p{i}", "Person", f"p{i}", {"name": f"p{i}"}))
    for i in range(5):  # the last meeting carries a value Neo4j cannot store
        g.add_node(Node(f"meeting/x/m{i}", "Meeting", f"m{i}", {"ordinal": {"bad": 1} if i == 4 else i}))
    with pytest.raises(StoreError, match="rejected Meeting node rows 1-5 .rolled back."):
        neo.write(g)
    counts = neo.counts()
    assert counts.get("Person") == 5 and "Meeting" not in counts


def test_unreachable_and_wrong_password_are_clear_errors():
    need(bool(os.environ.get("NEO4J_URI")), "a Neo4j server (NEO4J_URI)")
    with pytest.raises(StoreError, match=r"Neo4j not reachable at bolt://127\.0\.0\.1:1\b"):
        open_store("neo4j", uri="bolt://127.0.0.1:1", password="x")
    with pytest.raises(StoreError, match="refused user 'neo4j': wrong user or password"):
        open_store("neo4j", uri=os.environ["NEO4J_URI"], user="neo4j", password="not-the-password")


def test_cli_query_on_neo4j(neo, corpus_graph, tmp_path):
    from click.testing import CliRunner

    from govgraph.graph.cli import main

    res = CliRunner().invoke(main, ["ingest", str(FIXTURES / "identity"), "--neo4j", os.environ["NEO4J_URI"]])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(main, ["query", "meetings_chaired_by", "-p", "person=张明华", "--backend", "neo4j",
                                    "--format", "csv"])
    assert res.output.splitlines() == [
        "date,meeting_name,body_name,meeting_id,body_id,person_id",
        "2023-06-12,岳阳市委常委会会议 2023-06-12,岳阳市委常委会,meeting/430600/岳阳市委常委会/2023-06-12/meeting,"
        "body/430600/岳阳市委常委会,person/430600/张明华"]
    # export, view and explain read Neo4j through the same store contract as the embedded store
    res = CliRunner().invoke(main, ["explain", "张明华", "--relation", "chaired", "--backend", "neo4j"])
    assert res.exit_code == 0 and "-[chaired]-> 岳阳市委常委会会议 2023-06-12" in res.output, res.output
    res = CliRunner().invoke(main, ["export", "-o", str(tmp_path / "n.ttl"), "--validate", "--backend", "neo4j"])
    assert res.exit_code == 0 and "valid:" in res.output, res.output
    res = CliRunner().invoke(main, ["view", "-o", str(tmp_path / "n.html"), "--backend", "neo4j"])
    assert res.exit_code == 0 and "person/430600/张明华" in (tmp_path / "n.html").read_text(encoding="utf-8")
    bad = CliRunner().invoke(main, ["ingest", str(FIXTURES / "identity"), "--neo4j", "bolt://127.0.0.1:1"])
    assert bad.exit_code == 1 and bad.output.strip().splitlines()[-1].startswith("error: Neo4j not reachable")


def test_server_going_away_mid_load(tmp_path):
    """A dedicated server is killed while a load runs: one clear line, a non-zero exit, no traceback."""
    need(bool(os.environ.get("NEO4J_URI")), "a Neo4j server (NEO4J_URI)")
    script = ROOT / "tools" / "neo4j" / "neo4j-server"
    port = str(free_port())
    env = dict(os.environ, GOVGRAPH_NEO4J_HOME=str(tmp_path / "home"))
    uri = subprocess.run([str(script), "start", "--port", port, "--data", str(tmp_path / "data"),
                          "--password", "pw-gone"], env=env, capture_output=True, text=True, check=True).stdout.strip()
    try:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from synthetic import synthetic_articles

        corpus = tmp_path / "corpus"
        corpus.mkdir()
        for i, art in enumerate(synthetic_articles(300)):
            (corpus / f"a{i}-{art.published.isoformat()}.txt").write_text(art.text, encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "govgraph.graph.cli", "ingest", str(corpus), "--neo4j", uri,
                                 "--password", "pw-gone"], env=dict(env, GOVGRAPH_NEO4J_BATCH="5"),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        while time.time() < deadline and proc.poll() is None:  # wait until rows are being written
            probe = open_store("neo4j", uri=uri, password="pw-gone")
            n = sum(probe.counts().values())
            probe.close()
            if n > 50:
                break
            time.sleep(0.3)
        subprocess.run([str(script), "stop", "--port", port], env=env, check=True, capture_output=True)
        out, err = proc.communicate(timeout=120)
    finally:
        subprocess.run([str(script), "stop", "--port", port], env=env, capture_output=True)
    assert proc.returncode == 1, (out, err)
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("error: Neo4j at " + uri) and ("went away" in last or "rejected" in last), last
