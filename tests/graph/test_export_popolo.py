"""Popolo JSON: valid against Popolo's own schemas, memberships dated by their sightings, meetings as events."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from govgraph.graph.cli import main
from govgraph.graph.export import to_popolo, write_export
from govgraph.graph.model import Evidence, Graph, Node
from govgraph.ontology import base_iri
from tests.conftest import ROOT, need

POPOLO = ROOT.parent / "shared" / "popolo"
# the schema each list of the document holds
SCHEMA_OF = {"persons": "person", "organizations": "organization", "posts": "post", "memberships": "membership",
             "events": "event"}


@pytest.fixture(scope="module")
def popolo_validators():
    """A draft-03 validator per Popolo schema, their ``$ref`` between files resolved from ../shared/popolo."""
    need(POPOLO.is_dir(), f"Popolo's JSON schemas at {POPOLO}")
    from jsonschema import Draft3Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT3

    schemas = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in POPOLO.glob("*.json")}
    registry = Registry().with_resources(
        (s["id"].rstrip("#"), Resource.from_contents(s, default_specification=DRAFT3)) for s in schemas.values())
    return {name: Draft3Validator(schemas[name], registry=registry,
                                  format_checker=Draft3Validator.FORMAT_CHECKER) for name in SCHEMA_OF.values()}


def assert_valid(doc: dict, validators) -> None:
    assert set(doc) == set(SCHEMA_OF)
    for key, name in SCHEMA_OF.items():
        for obj in doc[key]:
            errors = [f"{key} {obj.get('id')}: {e.message} at {list(e.absolute_path)}"
                      for e in validators[name].iter_errors(obj)]
            assert not errors, "\n".join(errors)


def ev(article: str, start: int, day: str | None) -> Evidence:
    return Evidence(f"article/{article}", start, start + 10, "某某同志主持会议", day)


@pytest.fixture
def small():
    """Two people, one post seen on three days, one post never dated, one meeting convened by a body."""
    g = Graph()
    g.add_node(Node("person/1/李明", "Person", "李明", {"name": "李明"}))
    g.add_node(Node("person/1/王芳", "Person", "王芳", {"name": "王芳"}))
    g.add_node(Node("body/1/岳阳市政府", "Body", "岳阳市政府", {"name": "岳阳市政府", "kind": "政府"}))
    g.add_node(Node("post/1/岳阳市政府/市长", "Post", "岳阳市市长", {"role": "市长", "as_written": "市长"}))
    g.add_node(Node("post/1/岳阳市政府/副市长", "Post", "岳阳市副市长", {"role": "副市长"}))
    g.add_node(Node("meeting/m1", "Meeting", "岳阳市政府常务会议", {"kind": "常务会议", "date": "2023-06-04",
                                                                    "ordinal": 12, "referenced": False}))
    g.add_node(Node("article/a", "Article", "岳阳市政府召开常务会议", {"url": "https://example.org/a.html"}))
    g.add_edge("post/1/岳阳市政府/市长", "post_in", "body/1/岳阳市政府")
    for art, day in (("b", "2023-06-04"), ("a", "2023-03-01"), ("c", None), ("d", "2023-09-30")):
        g.add_edge("person/1/李明", "holds_post", "post/1/岳阳市政府/市长", ev(art, 5, day))
    g.add_edge("person/1/王芳", "holds_post", "post/1/岳阳市政府/副市长", ev("a", 40, None))
    g.add_edge("body/1/岳阳市政府", "convened", "meeting/m1", ev("a", 0, "2023-06-04"))
    g.add_edge("person/1/李明", "chaired", "meeting/m1", ev("a", 5, "2023-06-04"))
    g.add_edge("person/1/王芳", "attended", "meeting/m1", ev("a", 40, "2023-06-04"))
    g.add_edge("article/a", "describes", "meeting/m1", ev("a", 0, "2023-06-04"))
    return g


def test_the_small_graph_is_valid_popolo(small, popolo_validators):
    assert_valid(to_popolo(small), popolo_validators)


def test_a_membership_runs_from_the_first_to_the_last_dated_sighting(small):
    doc = to_popolo(small)
    by_person = {m["person_id"]: m for m in doc["memberships"]}
    li = by_person[base_iri() + "person/1/李明"]
    assert (li["start_date"], li["end_date"]) == ("2023-03-01", "2023-09-30")
    assert li["post_id"] == base_iri() + "post/1/岳阳市政府/市长"
    assert li["organization_id"] == base_iri() + "body/1/岳阳市政府" and li["role"] == "市长"
    # the article with a URL is linked by it, the others by their IRI
    assert {"url": "https://example.org/a.html", "note": "岳阳市政府召开常务会议"} in li["sources"]
    assert {"url": base_iri() + "article/d"} in li["sources"]
    # never dated: kept, with no dates and no organization its post does not name
    wang = by_person[base_iri() + "person/1/王芳"]
    assert "start_date" not in wang and "end_date" not in wang and "organization_id" not in wang


def test_a_meeting_is_an_event_of_its_body_with_who_chaired_and_attended(small):
    doc = to_popolo(small)
    (event,) = doc["events"]
    assert event["id"] == base_iri() + "meeting/m1" and event["start_date"] == "2023-06-04"
    assert event["organization_id"] == base_iri() + "body/1/岳阳市政府"
    assert [a["name"] for a in event["attendees"]] == ["李明", "王芳"]
    assert event["participations"] == [{"person_id": base_iri() + "person/1/李明", "role": "chaired"},
                                       {"person_id": base_iri() + "person/1/王芳", "role": "attended"}]
    assert event["sources"] == [{"url": "https://example.org/a.html", "note": "岳阳市政府召开常务会议"}]
    post = next(p for p in doc["posts"] if p["role"] == "市长")
    assert post["other_label"] == ["市长"] and post["organization_id"] == base_iri() + "body/1/岳阳市政府"


def test_a_bad_date_is_not_written_and_the_schema_would_catch_it(small, popolo_validators):
    small.nodes["meeting/m1"].props["date"] = "2023年6月4日"
    doc = to_popolo(small)
    assert "start_date" not in doc["events"][0]
    assert_valid(doc, popolo_validators)
    # the validators are not toothless: the same date written anyway is refused
    assert list(popolo_validators["event"].iter_errors(dict(doc["events"][0], start_date="2023年6月4日")))
    # and the schemas one refers to are resolved: an attendee is checked as a Popolo person
    assert list(popolo_validators["event"].iter_errors(dict(doc["events"][0], attendees=[{"name": 5}])))


def test_the_corpus_exports_valid_popolo_whose_ids_join(corpus_graph, popolo_validators):
    doc = to_popolo(corpus_graph)
    assert_valid(doc, popolo_validators)
    counts = corpus_graph.counts()
    assert len(doc["persons"]) == counts["Person"] and len(doc["events"]) == counts["Meeting"]
    assert len(doc["memberships"]) == counts["holds_post"]
    persons, posts = {p["id"] for p in doc["persons"]}, {p["id"] for p in doc["posts"]}
    orgs = {o["id"] for o in doc["organizations"]}
    assert all(m["person_id"] in persons and m["post_id"] in posts for m in doc["memberships"])
    assert all(e["organization_id"] in orgs for e in doc["events"] if "organization_id" in e)
    assert all(a["id"] in persons for e in doc["events"] for a in e.get("attendees", []))
    assert any("start_date" in m for m in doc["memberships"])
    assert any("organization_id" in e for e in doc["events"])


def test_cli_exports_popolo_from_a_store(seed_path, tmp_path, popolo_validators):
    st, out = tmp_path / "st", tmp_path / "out" / "popolo.json"
    assert CliRunner().invoke(main, ["ingest", str(seed_path), "--store", str(st)]).exit_code == 0
    res = CliRunner().invoke(main, ["export", "--format", "popolo", "-o", str(out), "--store", str(st), "--validate"])
    assert res.exit_code == 0, res.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert_valid(doc, popolo_validators)
    assert any(p["name"] == "邓群策" for p in doc["persons"])


def test_write_export_refuses_an_unknown_format(small, tmp_path):
    with pytest.raises(ValueError, match="popolo"):
        write_export(small, tmp_path / "x", "csv")
