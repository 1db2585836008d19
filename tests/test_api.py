"""The Python API: the README's example runs as written, and each entry point answers what the CLI answers."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date

import networkx as nx
import pandas as pd
import pytest

import govgraph
from tests.conftest import ROOT


def _readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- api-example; begin -->\s*```python\n(.*?)```\s*<!-- api-example; end -->", text, re.DOTALL)
    assert m, "the README lost its Python API example"
    return m.group(1)


def test_the_readme_example_runs(tmp_path):
    shutil.copytree(ROOT / "graph" / "samples", tmp_path / "graph" / "samples")
    res = subprocess.run([sys.executable, "-c", _readme_example()], cwd=tmp_path, capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr
    assert re.search(r"^\d+ articles, 0 problems$", res.stdout, re.MULTILINE), res.stdout
    assert re.search(r"^\d+ nodes around \S+$", res.stdout, re.MULTILINE), res.stdout
    assert (tmp_path / "out" / "api-store" / "CURRENT").exists()


@pytest.fixture(scope="module")
def api_store(tmp_path_factory, corpus_graph):
    path = tmp_path_factory.mktemp("api") / "store"
    with govgraph.open(path, write=True) as st:
        st.write(corpus_graph)
    return path


def test_query_gives_frames_like_the_store(api_store):
    q = govgraph.saved()["meetings_chaired_by"]
    with govgraph.open(api_store) as st:
        frame = govgraph.query(st, "meetings_chaired_by", person="朱健")
        cols, rows = st.run(q, q.bind({"person": "朱健"}))
        own = govgraph.query(st, "SELECT ?m ?on WHERE { ?m schema:startDate ?on }", on=date(2021, 4, 22))
        by_node = govgraph.query(st, "SELECT ?who ?m WHERE { ?p gg:chaired ?m ; gg:name ?who }",
                                 m=govgraph.node(rows[0][cols.index("meeting_id")]))
    assert isinstance(frame, pd.DataFrame) and list(frame.columns) == cols
    assert [tuple(r) for r in frame.itertuples(index=False)] == rows
    assert len(own) >= 1 and list(own.columns) == ["m"]
    assert by_node["who"].tolist() == ["朱健"]


def test_reading_never_blocks_the_command_line(api_store):
    from click.testing import CliRunner

    from govgraph.graph.cli import main

    with govgraph.open(api_store) as st:
        assert len(govgraph.query(st, "person_timeline", person="朱健")) > 0
        res = CliRunner().invoke(main, ["stats", "--store", str(api_store)])
        assert res.exit_code == 0 and "Meeting" in res.output
        res = CliRunner().invoke(main, ["ingest", str(ROOT / "graph" / "samples"), "--store", str(api_store)])
        assert res.exit_code == 0, res.output


def test_subgraph_is_networkx(api_store):
    with govgraph.open(api_store) as st:
        g = govgraph.subgraph(st, person="朱健", hops=1)
        filtered = govgraph.subgraph(st, body="衡阳", max_nodes=20)
    assert isinstance(g, nx.MultiDiGraph) and g.number_of_nodes() >= 3 and g.number_of_edges() >= 2
    assert any(d.get("label") == "朱健" for _, d in g.nodes(data=True))
    assert filtered.number_of_nodes() <= 20 and "left_out" in filtered.graph


def test_errors_are_the_cli_errors(tmp_path, api_store):
    with pytest.raises(govgraph.StoreError, match="no store at"):
        govgraph.open(tmp_path / "nothing")
    with govgraph.open(api_store) as st:
        with pytest.raises(govgraph.QueryError, match="needs parameter 'person'"):
            govgraph.query(st, "person_timeline")
        with pytest.raises(govgraph.QueryError, match="no saved query"):
            govgraph.query(st, "person_timelines")
        with pytest.raises(govgraph.StoreError, match="not valid SPARQL"):
            govgraph.query(st, "SELECT ?x WHERE { ?x }")
    with pytest.raises(govgraph.StoreError, match="one of path, neo4j or sparql_endpoint"):
        govgraph.open(api_store, neo4j="bolt://127.0.0.1:1")
    with pytest.raises(AttributeError):
        _ = govgraph.no_such_thing  # type: ignore[attr-defined]
