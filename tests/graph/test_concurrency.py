"""Real processes against one store: an ingest killed with SIGKILL and run again, readers beside a writer, and a
second writer refused. The ingest runs as ``python -m govgraph.graph.cli`` so nothing here is simulated."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from govgraph.graph.cli import main
from govgraph.graph.stores import StoreError, open_store

from ..conftest import need
from ..reports import corpus


def ingest_cmd(inputs, *store_args) -> list[str]:
    return [sys.executable, "-m", "govgraph.graph.cli", "ingest", *map(str, inputs), *store_args]


def slow_env(chunk: int) -> dict:
    return dict(os.environ, GOVGRAPH_INGEST_CHUNK=str(chunk))


def wait_for(proc: subprocess.Popen, ready, what: str, timeout: float = 120) -> None:
    """Poll ``ready()`` until it holds while ``proc`` still runs."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        assert proc.poll() is None, f"the ingest ended before {what}: {proc.communicate()}"
        try:
            if ready():
                return
        except StoreError:  # a reader that met the writer mid-compaction: try again
            pass
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def manifest_of(path) -> dict:
    with open_store("oxigraph", path=path, read_only=True) as s:
        return s.manifest()


def all_quads(path) -> set:
    return set(ox.Store.read_only(str(path)))


def test_sigkill_mid_ingest_then_a_rerun_stores_what_one_run_would(tmp_path):
    files = corpus(tmp_path / "in", 24, 20)
    one = subprocess.run(ingest_cmd(files, "--store", tmp_path / "one"), env=slow_env(15), capture_output=True,
                         text=True, timeout=300)
    assert one.returncode == 0, one.stderr
    proc = subprocess.Popen(ingest_cmd(files, "--store", tmp_path / "two"), env=slow_env(15),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(proc, lambda: (tmp_path / "two" / "CURRENT").exists() and len(manifest_of(tmp_path / "two")) >= 4,
                 "a few files were stored")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    states = [e.state for e in manifest_of(tmp_path / "two").values()]
    assert len(states) < 24 or "partial" in states, "the ingest had finished before the kill"
    again = subprocess.run(ingest_cmd(files, "--store", tmp_path / "two"), env=slow_env(15), capture_output=True,
                           text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "unchanged since an earlier ingest" in again.stdout
    assert all_quads(tmp_path / "two") == all_quads(tmp_path / "one")


def test_readers_run_beside_a_writer_and_a_second_writer_is_refused(tmp_path):
    files = corpus(tmp_path / "in", 100, 30)
    store = tmp_path / "st"
    proc = subprocess.Popen(ingest_cmd(files, "--store", store), env=slow_env(4), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        wait_for(proc, lambda: (store / "CURRENT").exists() and len(manifest_of(store)) >= 2, "a chunk was stored")
        runner = CliRunner()
        second = runner.invoke(main, ["ingest", str(files[0]), "--store", str(store)])
        assert second.exit_code == 1
        assert second.output.strip() == (f"error: the store at {store} is being written by another command (an "
                                         f"ingest?); wait for it to finish (query, export, view, explain and stats "
                                         f"can read it meanwhile)")
        for _ in range(3):  # readers again and again, while chunks go in and RocksDB compacts them away
            for args in (["stats"], ["query", "meetings_per_body_month"], ["explain", "李明"],
                         ["export", "-o", str(tmp_path / "g.ttl")],
                         ["export", "--format", "graphml", "-o", str(tmp_path / "g.graphml")]):
                res = runner.invoke(main, [*args, "--store", str(store)])
                assert res.exit_code == 0, (args, res.output)
        assert proc.poll() is None, "the ingest finished before the readers were done: make the corpus bigger"
    finally:
        _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert not list(tmp_path.glob(".st.reader-*")), "a reader left its snapshot behind"


@pytest.mark.neo4j
def test_sigkill_mid_ingest_on_neo4j_then_a_rerun_stores_what_one_run_would(tmp_path):
    need(bool(os.environ.get("NEO4J_URI")), "a Neo4j server (NEO4J_URI; tools/run-tests.sh starts one)")
    files = corpus(tmp_path / "in", 16, 20)
    uri = os.environ["NEO4J_URI"]
    with open_store("neo4j") as neo:
        neo.clear()
        one = subprocess.run(ingest_cmd(files, "--neo4j", uri), env=slow_env(10), capture_output=True, text=True,
                             timeout=300)
        assert one.returncode == 0, one.stderr
        want = snapshot(neo)
        neo.clear()
        proc = subprocess.Popen(ingest_cmd(files, "--neo4j", uri), env=slow_env(10), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            wait_for(proc, lambda: len(neo.manifest()) >= 3, "a few files were stored")
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
        assert proc.returncode == -signal.SIGKILL
        assert snapshot(neo) != want, "the ingest had finished before the kill"
        again = subprocess.run(ingest_cmd(files, "--neo4j", uri), env=slow_env(10), capture_output=True, text=True,
                               timeout=300)
        assert again.returncode == 0, again.stderr
        assert snapshot(neo) == want
        neo.clear()


def snapshot(store) -> tuple:
    """Everything a Neo4j store holds, comparable: nodes with properties, edges with evidence, the manifest."""
    g = store.read_graph()
    nodes = {(n.id, n.type, n.label, repr(sorted(n.props.items()))) for n in g.nodes.values()}
    edges = {(k, frozenset(e.key for e in edge.evidence)) for k, edge in g.edges.items()}
    return nodes, edges, store.manifest()
