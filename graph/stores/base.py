"""The contract every store keeps: write a graph, query it in its own language, read it back, count it, close.

Stores differ in what they speak (``languages``) and in whether they hold RDF themselves (``rdf_native``);
everything else (export, view, explain, validate, the saved queries) goes through this class and never names
a backend. A store is a context manager: ``with open_store("oxigraph", path=p) as s: s.write(g)`` closes it
whatever happens inside.

Opened with ``read_only=True`` a store answers questions but refuses writes; readers opened that way run beside
a writer (an ingest), and a missing store is an error instead of a new empty one.

A long ingest writes in chunks: ``prepare`` turns a chunk's graph into what the store loads (pure work, on the
ingest's own thread), ``commit`` loads it together with the manifest entries of the files it finishes (I/O, on
a writer thread). The manifest, kept apart from the graph (never counted, read back or exported), says which
input files are stored, so that a killed ingest re-run finishes only the rest.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from ..collector import paused
from ..model import Graph

if TYPE_CHECKING:
    from pyoxigraph import Triple

    from govgraph.queries import SavedQuery


class StoreError(Exception):
    """A store that cannot be reached, read or written; the message says what and where."""


@dataclass
class WriteStats:
    """What one write added."""

    nodes: int = 0
    edges: int = 0
    triples: int = 0

    def __iadd__(self, other: WriteStats) -> WriteStats:
        self.nodes += other.nodes
        self.edges += other.edges
        self.triples += other.triples
        return self


@dataclass(frozen=True)
class ManifestEntry:
    """One input file in the store's manifest: its content digest, its name, and how far it is stored.

    ``state`` is ``done`` when every article of the file is stored, ``partial`` when the first ``articles`` are.
    """

    digest: str
    source: str
    state: str
    articles: int


@dataclass
class Support:
    """One sentence supporting one edge of a node: what ``govgraph explain`` prints."""

    node: str
    node_label: str
    direction: str  # "out": the node is the edge's source; "in": its target
    relation: str
    other: str
    article: str | None
    published: str | None
    start: int
    end: int
    quote: str


Rows = tuple[list[str], list[tuple]]


class Store(ABC):
    """A graph store behind one interface (see the module docstring)."""

    name: ClassVar[str]
    languages: ClassVar[frozenset[str]]  # the query languages it runs: "sparql", "cypher"
    rdf_native: ClassVar[bool] = False  # it holds RDF triples, so an export reads them directly
    sorts_answers: ClassVar[bool] = False  # it sorts saved answers itself (see ``run``)
    read_only: bool = False

    def write(self, graph: Graph) -> WriteStats:
        """Add a graph; what is stored already is merged, never duplicated."""
        return self.commit(self.prepare(graph), [])

    def prepare(self, graph: Graph) -> Any:
        """What ``commit`` loads for ``graph``: pure work, no I/O, safe on another thread than ``commit``."""
        return graph

    @abstractmethod
    def commit(self, prepared: Any, entries: Sequence[ManifestEntry]) -> WriteStats:
        """Load a prepared chunk and record ``entries`` in the manifest; the manifest never says more is stored
        than is (a chunk is one transaction, or its entries are written after it)."""

    def discard(self, prepared: Any) -> None:  # noqa: B027 (most prepared chunks hold nothing to release)
        """Release a prepared chunk that will not be committed (a temporary file, say)."""

    @abstractmethod
    def manifest(self) -> dict[str, ManifestEntry]:
        """The input files stored so far, by content digest."""

    @abstractmethod
    def query(self, text: str, params: dict[str, Any] | None = None) -> Rows:
        """Run a query in the store's language with parameters bound by the engine: (columns, rows)."""

    def read_graph(self) -> Graph:
        """Everything stored, as a model graph (nodes, edges and their evidence)."""
        with paused():  # hundreds of thousands of objects and not one cycle (graph/collector.py)
            return self._read_graph()

    @abstractmethod
    def _read_graph(self) -> Graph:
        """What ``read_graph`` gives, read from this store."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Nodes per type and edges per type (named as in the model), from indexes: cheap on a big store."""

    def size(self) -> int | None:
        """How many RDF triples the graph holds (None for a store that does not hold RDF): a full count."""
        return None

    @abstractmethod
    def reindex(self) -> None:
        """Make the lookups and counts the saved queries read (graph/derived.py) again from the graph held: for
        a store filled behind govgraph's back (a Turtle file loaded into it, say). Writes keep them up to date."""

    @abstractmethod
    def evidence(self, who: str, *, relation: str | None = None) -> list[Support]:
        """The sentences behind every edge of the nodes whose id, label or name is ``who``."""

    def dump(self, path: Path, rdf_format: Any, prefixes: dict[str, str]) -> bool:
        """Write the graph as RDF (a pyoxigraph ``RdfFormat``) by the store's own means, if it has them (an RDF
        store does, fast); False when it has none and the caller must serialise the triples."""
        return False

    def close(self) -> None:  # noqa: B027 (a store with nothing to release needs no override)
        """Release the store (idempotent)."""

    def run(self, saved: SavedQuery, params: dict[str, Any]) -> Rows:
        """Run a saved query in the store's language; a SPARQL store with ``sorts_answers`` runs it without its
        plain ORDER BY and sorts the rows itself, in the same order."""
        text = saved.text_for(self.languages)
        if text is None:
            raise StoreError(f"saved query {saved.name} has no {' or '.join(sorted(self.languages))} version")
        split = saved.split_order() if self.sorts_answers and text == saved.sparql else None
        if split is None:
            return self.query(text, params)
        from govgraph.queries import sort_rows

        unordered, keys = split
        cols, rows = self.query(unordered, params)
        return cols, sort_rows(cols, rows, keys)

    def triples(self) -> Iterable[Triple]:
        """The graph as RDF triples, as an export writes them."""
        from ..rdf import graph_triples

        return graph_triples(self.read_graph())

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the {self.name} store was opened read-only; it cannot be written")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def iter_chunks(items: list, size: int) -> Iterator[list]:
    """``items`` in slices of ``size``."""
    for i in range(0, len(items), size):
        yield items[i:i + size]
