"""What an ingest has already handed to its store, so that a later chunk leaves it out.

Chunks repeat each other: the same officials hold the same posts in every report, two papers report one meeting
in different weeks, a national body's name (some 80 name parts) comes back in every chunk of national news. A
store of RDF sets keeps one copy whatever is sent, but parsing and sorting the copies is most of a bulk load's
work: at 100,000 synthetic reports a quarter of the lines the chunks carried were repeats.

Three memories, each bounded (a full one is emptied: forgetting only means writing something again, which
changes nothing in the store):

- the nodes, each with a digest of the lines written for it (a node whose lines changed, a meeting dated by a
  later report say, is written again);
- the statements of edges (the reified edge and its n-ary reading; the evidence is new with every article);
- the bodies and posts whose name parts went into the index graph.

A chunk that is prepared and then not stored makes the store ``forget`` everything, since what was left out of
later chunks may then be missing.
"""
from __future__ import annotations

NODES_KEPT = 300_000
STATEMENTS_KEPT = 1_000_000
NAMES_KEPT = 100_000


class Written:
    """The nodes, statements and name parts this writer's chunks carried."""

    def __init__(self) -> None:
        self._nodes: dict[str, int] = {}
        self._statements: set[str] = set()
        self._names: set[str] = set()

    def new_node(self, node_id: str, lines: bytes) -> bool:
        """True unless the node was written with the very same lines (remembered from here on)."""
        digest = hash(lines)
        if self._nodes.get(node_id) == digest:
            return False
        if len(self._nodes) >= NODES_KEPT:
            self._nodes.clear()
        self._nodes[node_id] = digest
        return True

    def new_statement(self, key: str) -> bool:
        """True the first time a statement (with its n-ary reading) is seen."""
        return _first(self._statements, key, STATEMENTS_KEPT)

    def new_name(self, node_id: str) -> bool:
        """True the first time a body's or a post's name parts are seen."""
        return _first(self._names, node_id, NAMES_KEPT)

    def forget(self) -> None:
        """Forget everything: a chunk was prepared and not stored."""
        self._nodes.clear()
        self._statements.clear()
        self._names.clear()


def _first(seen: set[str], key: str, size: int) -> bool:
    if key in seen:
        return False
    if len(seen) >= size:
        seen.clear()
    seen.add(key)
    return True
