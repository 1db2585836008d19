"""The store interface every backend implements."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..model import Graph


class StoreError(Exception):
    """A store that cannot be reached or written; the message says what and where."""


@dataclass
class WriteStats:
    """What one write added."""

    nodes: int = 0
    edges: int = 0
    triples: int = 0


class Store(Protocol):
    """Write graphs, run saved queries, count what is stored."""

    backend: str

    def write(self, graph: Graph) -> WriteStats: ...

    def run(self, query, params: dict) -> tuple[list[str], list[tuple]]: ...

    def counts(self) -> dict[str, int]: ...

    def close(self) -> None: ...
