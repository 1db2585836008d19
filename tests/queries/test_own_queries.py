"""One's own queries from the command line: SPARQL on any RDF store, Cypher on Neo4j, read-only, with parameters."""
from __future__ import annotations

import json
import os
from datetime import date

import pytest
from click.testing import CliRunner

from govgraph.graph.cli import main
from govgraph.queries import NodeId, QueryError, own_params


def run(*args, stdin=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=stdin, catch_exceptions=False)


@pytest.fixture(scope="module")
def seeded(corpus_store):
    return corpus_store


def test_params_are_typed():
    got = own_params(["name=朱健", "n:int=3", "x:float=0.5", "ok:bool=true", "on:date=2021-04-22",
                      "m:node=meeting/1", "eq=a=b"])
    assert got == {"name": "朱健", "n": 3, "x": 0.5, "ok": True, "on": date(2021, 4, 22), "m": "meeting/1",
                   "eq": "a=b"}
    assert isinstance(got["m"], NodeId)
    for bad in ("novalue", "n:int=three", "d:date=yesterday", "x:colour=red", "1x=2", "b:bool=maybe"):
        with pytest.raises(QueryError):
            own_params([bad])


def test_select_with_a_bound_parameter(seeded):
    q = "SELECT ?meeting ?who WHERE { ?p gg:chaired ?meeting ; gg:name ?who }"
    res = run("sparql", q, "-p", "who=朱健", "--store", seeded, "--format", "json")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert rows == [{"meeting": "meeting/430400/衡阳市政府/2021-04-22/executive"}]


def test_a_hostile_parameter_is_only_a_value(seeded):
    q = "SELECT ?p ?who WHERE { ?p gg:name ?who }"
    res = run("sparql", q, "-p", 'who=朱健" } UNION { ?p ?x ?who', "--store", seeded, "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.output) == []


def test_ask_construct_file_and_stdin(seeded, tmp_path):
    res = run("sparql", "ASK { ?p gg:chaired ?m }", "--store", seeded, "--format", "csv")
    assert res.output.splitlines() == ["ask", "True"]
    res = run("sparql", "CONSTRUCT { ?p gg:chaired ?m } WHERE { ?p gg:chaired ?m }", "--store", seeded,
              "--format", "json")
    triples = json.loads(res.output)
    assert triples and all(t["predicate"].endswith("#chaired") for t in triples)
    f = tmp_path / "count.rq"
    f.write_text("SELECT (COUNT(?m) AS ?n) WHERE { ?m a gg:Meeting }", encoding="utf-8")
    from_file = run("sparql", f, "--store", seeded, "--format", "csv").output.splitlines()
    from_stdin = run("sparql", "-", "--store", seeded, "--format", "csv", stdin=f.read_text()).output.splitlines()
    assert from_file == from_stdin and from_file[0] == "n" and int(from_file[1]) > 5


@pytest.mark.parametrize(("args", "message"), [
    (["INSERT DATA { gg:a gg:b gg:c }"], "updates are not run here"),
    (["DELETE WHERE { ?s ?p ?o }"], "updates are not run here"),
    (["SELECT ?x WHERE { ?x ?y }"], "not valid SPARQL"),
    (["SELECT ?p WHERE { ?p gg:name ?who }", "-p", "who=朱健"], "add ?who to the SELECT"),
    (["no/such/file.rq"], "neither a query nor a file"),
])
def test_errors_are_one_line(seeded, args, message):
    res = CliRunner().invoke(main, ["sparql", *args, "--store", str(seeded)])
    assert res.exit_code == 1
    assert message in res.output and "Traceback" not in res.output
    assert len(res.output.strip().splitlines()) == 1


def test_the_store_is_not_changed_by_an_update(seeded):
    before = run("stats", "--store", seeded).output
    run("sparql", "INSERT DATA { gg:a gg:b gg:c }", "--store", seeded)
    assert run("stats", "--store", seeded).output == before


def test_cypher_on_the_embedded_store_says_what_it_answers(seeded):
    res = CliRunner().invoke(main, ["cypher", "MATCH (n) RETURN n", "--store", str(seeded)])
    assert res.exit_code == 1 and "answers SPARQL" in res.output


@pytest.mark.neo4j
def test_cypher_on_neo4j_reads_and_never_writes(neo, corpus_graph):
    neo.write(corpus_graph)
    uri = os.environ["NEO4J_URI"]
    res = run("cypher", "MATCH (p:Person {name: $who})-[:CHAIRED]->(m:Meeting) RETURN m.id AS meeting",
              "-p", "who=朱健", "--neo4j", uri, "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.output) == [{"meeting": "meeting/430400/衡阳市政府/2021-04-22/executive"}]
    res = CliRunner().invoke(main, ["cypher", "CREATE (:Person {name: 'x'})", "--neo4j", uri])
    assert res.exit_code == 1 and "Traceback" not in res.output
    count = run("cypher", "MATCH (p:Person {name: 'x'}) RETURN count(p) AS n", "--neo4j", uri, "--format", "csv")
    assert count.output.splitlines() == ["n", "0"]
    res = CliRunner().invoke(main, ["sparql", "SELECT * WHERE { ?s ?p ?o }", "--neo4j", uri])
    assert res.exit_code == 1 and "answers cypher" in res.output.lower()
