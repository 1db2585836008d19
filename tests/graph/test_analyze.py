"""govgraph analyze and the view command's kinds: measures on a real store, rows as table/CSV/JSON, files written."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner

from govgraph.graph.analysis import activity_svg, centrality, meetings_per_month, turnover
from govgraph.graph.cli import main
from govgraph.graph.subgraph import Filters, co_attendance


@pytest.fixture(scope="module")
def store_dir(corpus_store):
    return corpus_store


@pytest.fixture
def store(store_dir):
    from govgraph.graph.stores import open_store

    with open_store("oxigraph", path=store_dir) as s:
        yield s


def run(*args):
    res = CliRunner().invoke(main, [str(a) for a in args])
    return res


def test_centrality_matches_networkx_on_the_same_network(store, corpus_graph):
    co = co_attendance(store, Filters())
    c = centrality(co)
    g = nx.Graph()
    for (a, b), n in co.pairs.items():
        g.add_edge(a, b, weight=n, distance=1 / n)
    between = nx.betweenness_centrality(g, weight="distance")
    rows = {r[1]: dict(zip(c.columns, r, strict=True)) for r in c.rows}
    assert set(rows) == set(g)
    for p, row in rows.items():
        assert row["co_attendees"] == g.degree(p)
        assert row["weighted_degree"] == g.degree(p, weight="weight")
        assert row["betweenness"] == pytest.approx(between[p], abs=1e-6)
        assert row["meetings"] == len(co.meetings[p])
    # communities partition the people and each is internally connected
    comms: dict[int, set[str]] = {}
    for p, row in rows.items():
        comms.setdefault(row["community"], set()).add(p)
    assert sum(len(x) for x in comms.values()) == len(rows)
    assert all(nx.is_connected(g.subgraph(x)) for x in comms.values())
    assert [r[5] for r in c.rows] == sorted((r[5] for r in c.rows), reverse=True)


def test_turnover_lists_each_bodys_chairs_in_order(store, corpus_graph):
    t = turnover(store, Filters())
    chairs = {(e.source, e.target) for e in corpus_graph.edges.values() if e.type == "chaired"}
    assert t.chairs and len(t.chairs) <= len(chairs)
    for body, chair, first, last, n in t.chairs:
        assert first <= last and n >= 1 and chair and body
    deng = [r for r in t.chairs if r[1] == "邓群策"]
    assert deng and deng[0][2] == "2021-04-22"
    for body, day, before, after, _ in t.changes:
        assert before != after and day and body


def test_activity_rows_and_plot(store, corpus_graph, tmp_path):
    cols, rows = meetings_per_month(store, Filters())
    convened = [e for e in corpus_graph.edges.values() if e.type == "convened"
                and corpus_graph.nodes[e.target].props.get("date")]
    assert cols == ["body", "month", "meetings"] and sum(r[2] for r in rows) == len(convened)
    svg = activity_svg(rows, tmp_path / "a.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "data:font/woff2;base64," in svg and rows[0][0] in svg
    assert "<rect" in svg and "<title>" in svg


def test_analyze_commands_write_table_csv_json(store_dir, tmp_path):
    res = run("analyze", "centrality", "--store", store_dir, "--format", "json", "--top", "3")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert len(rows) == 3 and {"person", "betweenness", "eigenvector", "community"} <= set(rows[0])
    res = run("analyze", "turnover", "--store", store_dir, "--format", "csv")
    assert res.exit_code == 0 and next(csv.reader(io.StringIO(res.output))) == [
        "body", "chair", "first_seen", "last_seen", "meetings_chaired"]
    res = run("analyze", "turnover", "--changes", "--store", store_dir)
    assert res.exit_code == 0 and "from" in res.output.splitlines()[0]
    res = run("analyze", "activity", "--store", store_dir, "--plot", tmp_path / "p.svg", "-o", tmp_path / "a.csv")
    assert res.exit_code == 0 and (tmp_path / "p.svg").stat().st_size > 1000 and (tmp_path / "a.csv").is_file()
    res = run("analyze", "centrality", "--store", store_dir, "--view", tmp_path / "c.html", "--min-count", "1")
    assert res.exit_code == 0 and (tmp_path / "c.html").stat().st_size > 10_000
    html = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert '"g:0"' in html and "community 1:" in html  # coloured by community, with a legend for them
    res = run("analyze", "centrality", "--store", store_dir, "--from", "2023-13-01")
    assert res.exit_code == 1 and "not a day" in res.output and "Traceback" not in res.output


def test_view_kinds_from_the_command_line(store_dir, tmp_path):
    kinds = ((["--person", "邓群策", "--hops", "1"], "nodes"), (["--co-attendance", "--min-count", "1"], "nodes"),
             (["--timeline", "衡阳市委常委会"], "nodes"), (["--place", "衡阳市", "--max-nodes", "10"], "left out"),
             (["--type", "Person", "--type", "Meeting"], "nodes"))
    for args, words in kinds:
        out = tmp_path / "v.html"
        res = run("view", "-o", out, "--store", store_dir, *args)
        assert res.exit_code == 0 and words in res.output, (args, res.output)
        assert out.stat().st_size > 10_000
    res = run("view", "-o", tmp_path / "x.html", "--store", store_dir, "--person", "无此人")
    assert res.exit_code == 1 and "no person named" in res.output
    res = run("view", "-o", tmp_path / "x.html", "--store", store_dir, "--person", "邓群策", "--co-attendance")
    assert res.exit_code == 1 and "choose one" in res.output
    res = run("view", "-o", tmp_path / "x.html", "--store", store_dir, "--type", "Planet")
    assert res.exit_code == 1 and "unknown node type" in res.output
