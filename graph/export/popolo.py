"""Popolo JSON: people, bodies, posts, who held which post when, and meetings as events.

The document is ``{"persons", "organizations", "posts", "memberships", "events"}``, each a list of Popolo
objects whose ``id`` is the node's absolute IRI (a membership's is its statement's), so rows join back to the
RDF exports and the store. A membership's ``start_date`` and ``end_date`` are the first and the last day a report
shows that person in that post: sightings, not a term of office (Popolo's own meaning); a membership no report
dates has neither. Events list everyone who chaired, attended, sat in on or spoke at a meeting as ``attendees``
(Popolo's key); who did which is in ``participations`` (``[{"person_id", "role"}]``, role ``chaired``,
``attended``, ``sat_in`` or ``spoke_at``), a key of ours outside Popolo, as is ``organization_ids`` when more than
one body convened a meeting.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from govgraph.ontology import base_iri

from ..model import Edge, Evidence, Graph
from ..rdf import statement_id
from ..stores import Store

PARTICIPATION = ("chaired", "attended", "sat_in", "spoke_at")
# Popolo's date pattern for memberships, posts and events (a day, a month or a year)
_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}){0,2}$")


def _date(value) -> str | None:
    return value if isinstance(value, str) and _DATE.match(value) else None


def _in_time(ev: Evidence) -> tuple:
    """Evidence in the order of the days it speaks of (undated last), whatever order a store gives it back in."""
    return (ev.observed is None, ev.observed or "", ev.article, ev.start)


def _put(obj: dict, **values) -> dict:
    """``obj`` with the values that are not empty."""
    obj.update({k: v for k, v in values.items() if v not in (None, "", [])})
    return obj


class _Popolo:
    """One graph's Popolo objects; ids are node ids under the base IRI."""

    def __init__(self, graph: Graph, base: str):
        self.graph, self.base = graph, base
        self.edges: dict[str, list[Edge]] = defaultdict(list)
        for e in sorted(graph.edges.values(), key=lambda e: e.key):
            self.edges[e.type].append(e)
        self.post_body = {e.source: e.target for e in reversed(self.edges["post_in"])}  # first body wins

    def id(self, node_id: str) -> str:
        return self.base + node_id

    def of_type(self, node_type: str):
        return sorted((n for n in self.graph.nodes.values() if n.type == node_type), key=lambda n: n.id)

    def sources(self, articles) -> list[dict]:
        """Popolo links to the articles, each once: the article's own URL when it has one, else its IRI."""
        out = []
        for aid in dict.fromkeys(articles):
            art = self.graph.nodes.get(aid)
            url = (art.props.get("url") if art else None) or self.id(aid)
            out.append(_put({"url": url}, note=art.label if art else None))
        return out

    def persons(self) -> list[dict]:
        return [{"id": self.id(n.id), "name": n.props.get("name") or n.label} for n in self.of_type("Person")]

    def organizations(self) -> list[dict]:
        return [_put({"id": self.id(n.id), "name": n.props.get("name") or n.label}, classification=n.props.get("kind"))
                for n in self.of_type("Body")]

    def posts(self) -> list[dict]:
        out = []
        for n in self.of_type("Post"):
            written = n.props.get("as_written")
            body = self.post_body.get(n.id)
            out.append(_put({"id": self.id(n.id), "label": n.label}, role=n.props.get("role"),
                            other_label=[written] if written and written != n.label else None,
                            organization_id=self.id(body) if body else None))
        return out

    def memberships(self) -> list[dict]:
        out = []
        for e in self.edges["holds_post"]:
            post = self.graph.nodes.get(e.target)
            body = self.post_body.get(e.target)
            out.append(_put({"id": self.id(statement_id(e.source, e.type, e.target)),
                             "person_id": self.id(e.source), "post_id": self.id(e.target)},
                            organization_id=self.id(body) if body else None,
                            label=post.label if post else None, role=post.props.get("role") if post else None,
                            start_date=_date(e.first_seen), end_date=_date(e.last_seen),
                            sources=self.sources(ev.article for ev in sorted(e.evidence, key=_in_time))))
        return out

    def events(self) -> list[dict]:
        convened, described = defaultdict(list), defaultdict(list)
        taking_part: dict[str, list[Edge]] = defaultdict(list)
        for e in self.edges["convened"]:
            convened[e.target].append(self.id(e.source))
        for e in self.edges["describes"]:
            described[e.target].append(e.source)
        for role in PARTICIPATION:
            for e in self.edges[role]:
                taking_part[e.target].append(e)
        out = []
        for n in self.of_type("Meeting"):
            people = taking_part[n.id]
            attendees = []
            for pid in dict.fromkeys(e.source for e in people):
                person = self.graph.nodes.get(pid)
                attendees.append({"id": self.id(pid), "name": person.label if person else pid})
            bodies = convened[n.id]
            out.append(_put({"id": self.id(n.id), "name": n.label}, classification=n.props.get("kind"),
                            start_date=_date(n.props.get("date")), end_date=_date(n.props.get("end_date")),
                            organization_id=bodies[0] if bodies else None,
                            organization_ids=bodies if len(bodies) > 1 else None, attendees=attendees,
                            participations=[{"person_id": self.id(e.source), "role": e.type} for e in people],
                            sources=self.sources(described[n.id])))
        return out


def to_popolo(graph: Graph, base: str | None = None) -> dict:
    """The Popolo document of a model graph: persons, organizations, posts, memberships and events."""
    p = _Popolo(graph, base or base_iri())
    return {"persons": p.persons(), "organizations": p.organizations(), "posts": p.posts(),
            "memberships": p.memberships(), "events": p.events()}


def write_popolo(source: Store | Graph, path) -> Path:
    """Write a store or a graph as one Popolo JSON document."""
    graph = source.read_graph() if isinstance(source, Store) else source
    path = Path(path)
    with path.open("w", encoding="utf-8") as f:
        json.dump(to_popolo(graph), f, ensure_ascii=False, indent=1)
        f.write("\n")
    return path
