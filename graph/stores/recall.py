"""What a store holds for the keys a writer touched last, remembered so that the next chunk need not ask again.

An ingest writes the same meetings and the same co-attendance counts chunk after chunk (two papers report one
meeting on different days; the same people sit together every week). Asking the store each time is the dearest
part of keeping the counts: a batched query per chunk, and on the embedded store a wait for Python's lock after
every call. A ``Recall`` holds the last known value of the most recently used keys, at most ``size`` of them,
so memory stays bounded however long the ingest.

``complete`` says that a key the recall does not hold is not in the store at all: true when the store held
nothing of the kind when the writer began, until the first key is forgotten.
"""
from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Recall(Generic[K, V]):
    """The values last read from or written to a store for the most recently used keys."""

    def __init__(self, size: int, *, complete: bool = False):
        self.size = size
        self.complete = complete
        self._items: dict[K, V] = {}  # oldest first: a dict keeps the order keys were put in

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: K) -> V | None:
        """The value known for ``key`` (None: not known here), which becomes the most recently used."""
        value = self._items.pop(key, None)
        if value is not None:
            self._items[key] = value
        return value

    def put(self, key: K, value: V) -> None:
        """Remember ``value`` as what the store now holds for ``key``; the least recently used key goes when the
        recall is full, and from then on a key not held may be in the store."""
        self._items.pop(key, None)
        self._items[key] = value
        while len(self._items) > self.size:
            del self._items[next(iter(self._items))]
            self.complete = False

    def reset(self, *, complete: bool) -> None:
        """Forget everything (the store changed behind the recall's back)."""
        self._items.clear()
        self.complete = complete
