"""The index graph of a SPARQL server kept up to date (the flow and the arithmetic: index_keeper.py).

Every read is one query over a batch of nodes (a ``VALUES`` list), every change one update per batch: a round
trip to a server costs what a thousand quad lookups in the embedded store do.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Protocol

from pyoxigraph import NamedNode, Quad

from .. import schema
from ..derived import Stored, Touched
from ..model import Graph, Node
from ..rdf_index import INDEX, index_nquads
from ..written import Written
from .index_keeper import COUNT_PREDICATES, PENDING, STATE, VERSION_P, YEARS_WHERE, IndexKeeperBase
from .sparql_text import PROLOGUE, data_updates, quad_line, to_term

_BATCH = 400  # nodes named in one query's VALUES list
_P = {name: schema.EDGE_TYPES[name].predicate for name in ("chaired", "attended", "convened")}
_START = next(p.predicate for p in schema.NODE_TYPES["Meeting"].props if p.name == "date")
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


class Sparql(Protocol):
    """What the keeper asks of a SPARQL service: a server (sparql_http.SparqlClient) or an embedded store."""

    def select(self, text: str) -> tuple[list[str], list[dict]]: ...

    def ask(self, text: str) -> bool: ...

    def update(self, text: str) -> None: ...


class SparqlIndexKeeper(IndexKeeperBase):
    """Reads and moves the counts held by one SPARQL server."""

    def __init__(self, client: Sparql, update_bytes: int):
        super().__init__()
        self.client = client
        self.update_bytes = update_bytes

    def _state(self) -> tuple[list[str], bool, bool]:
        _, rows = self.client.select(f"SELECT ?v WHERE {{ GRAPH <{INDEX.value}> {{ {STATE} {VERSION_P} ?v }} }}")
        versions = [r["v"]["value"] for r in rows if "v" in r]
        has_data = self.client.ask(f"ASK {{ ?s <{_RDF_TYPE}> ?c }}")
        pending = self.client.ask(f"ASK {{ GRAPH <{INDEX.value}> {{ {STATE} {PENDING} ?x }} }}")
        return versions, has_data, pending

    def stored(self, touched: Touched) -> Stored:
        """What the server holds now for the meetings a chunk touches (one query per batch of meetings; the
        meetings bound once, ahead of the union: Oxigraph evaluates a VALUES inside each branch 50x slower)."""
        out = Stored()
        meetings = sorted(touched.meetings)
        people: dict[str, set[str]] = defaultdict(set)
        for m in meetings:
            out.days[m] = set()
        for batch in _batches(meetings):
            values = " ".join(str(self.iri(m)) for m in batch)
            rels = " ".join(f"<{p}>" for p in _P.values())
            _, rows = self.client.select(
                f"SELECT ?m ?r ?x WHERE {{ VALUES ?m {{ {values} }} {{ VALUES ?r {{ {rels} }} ?x ?r ?m }} UNION "
                f"{{ ?m <{_START}> ?x BIND(<{_START}> AS ?r) }} }}")
            self._sort(rows, people, out)
        out.participants = {m: ps for m, ps in people.items() if ps}
        return out

    def _sort(self, rows: Iterable[dict], people: dict[str, set[str]], out: Stored) -> None:
        """Who took part, who convened, which days: from (?m ?r ?x) rows."""
        for r in rows:
            m, rel, x = self.local(r["m"]["value"]), r["r"]["value"], r["x"]["value"]
            if rel == _START:
                out.days.setdefault(m, set()).add(x)
            elif rel == _P["convened"]:
                out.convened.add((self.local(x), m))
            else:
                people[m].add(self.local(x))

    def _counts(self, keys: Sequence[tuple[NamedNode, NamedNode]]) -> dict[tuple[NamedNode, NamedNode], list]:
        out: dict[tuple[NamedNode, NamedNode], list] = {}
        by_predicate: dict[NamedNode, list[NamedNode]] = defaultdict(list)
        for node, predicate in keys:
            by_predicate[predicate].append(node)
        for predicate, nodes in by_predicate.items():
            for batch in _batches(nodes):
                _, rows = self.client.select(
                    f"SELECT ?n ?c WHERE {{ VALUES ?n {{ {' '.join(str(n) for n in batch)} }} "
                    f"GRAPH <{INDEX.value}> {{ ?n {predicate} ?c }} }}")
                for r in rows:
                    out.setdefault((NamedNode(r["n"]["value"]), predicate), []).append(to_term(r["c"]))
        return out

    def _change(self, remove: Sequence[Quad], add: Sequence[Quad]) -> None:
        for verb, quads in (("DELETE", remove), ("INSERT", add)):
            graphs: dict[str | None, list[str]] = defaultdict(list)
            for q in quads:
                graphs[getattr(q.graph_name, "value", None)].append(quad_line(q))
            for text in data_updates(verb, dict(graphs), self.update_bytes):
                self.client.update(text)

    def _clear_counts(self) -> None:
        self.client.update(" ;\n".join(f"DELETE WHERE {{ GRAPH <{INDEX.value}> {{ ?s {p} ?o }} }}"
                                       for p in COUNT_PREDICATES))

    def _everything(self) -> Stored:
        out = Stored()
        people: dict[str, set[str]] = defaultdict(set)
        rels = " ".join(f"<{p}>" for p in _P.values())
        _, rows = self.client.select(f"SELECT ?m ?r ?x WHERE {{ VALUES ?r {{ {rels} }} ?x ?r ?m }}")
        self._sort(rows, people, out)
        _, rows = self.client.select(f"SELECT ?m ?r ?x WHERE {{ ?m <{_START}> ?x BIND(<{_START}> AS ?r) }}")
        self._sort(rows, people, out)
        out.participants = dict(people)
        out.days = {m: out.days.get(m, set()) for _, m in out.convened}
        return out

    def _index_names(self) -> None:
        g = Graph()
        classes = {schema.NODE_TYPES[t].classes[0]: t for t in ("Body", "Post")}
        _, rows = self.client.select(f"SELECT ?s ?c ?l WHERE {{ VALUES ?c {{ {' '.join(f'<{c}>' for c in classes)} }} "
                                     f"?s <{_RDF_TYPE}> ?c ; <{_LABEL}> ?l }}")
        for r in rows:
            nid = self.local(r["s"]["value"])
            g.nodes[nid] = Node(nid, classes[r["c"]["value"]], r["l"]["value"], {})
        for text in data_updates("INSERT", {INDEX.value: index_lines(g, self.base)}, self.update_bytes):
            self.client.update(text)
        self.client.update(f"{PROLOGUE}INSERT {{ GRAPH <{INDEX.value}> {{ ?st <{schema.SEEN_IN_YEAR}> ?y }} }} "
                           f"WHERE {{ {YEARS_WHERE} }}")


def index_lines(graph: Graph, base: str | None = None, written: Written | None = None) -> list[str]:
    """The name parts and years of a graph (graph/rdf_index.py) as N-Triples lines of the index graph."""
    tail = f" <{INDEX.value}> .\n"
    out = []
    for line in index_nquads(graph, base, written):
        if not line.endswith(tail):  # index_nquads writes every line into the index graph
            raise AssertionError(f"an index line outside the index graph: {line!r}")
        out.append(line[:-len(tail)] + " .\n")
    return out


def _batches(items: list) -> Iterable[list]:
    for i in range(0, len(items), _BATCH):
        yield items[i:i + _BATCH]
