"""When Python's cycle collector runs while the model's objects are made by the hundred thousand: once a chunk of
an ingest, not at all while a store is read into a graph, instead of every few hundred allocations.

An ingest makes millions of small objects (nodes, edges, evidence, the writer's memories) and keeps a chunk's
worth alive at a time. They hold no reference cycles, so reference counting frees them; the cycle collector finds
almost nothing, yet by its allocation thresholds it ran about 4,000 times in an ingest of 30,000 reports and
walked every live object in some 30 of those passes: 5.2 s of a 33.8 s run.

Reading a whole store into a model graph (``Store.read_graph``, for the exports) is the same: no cycles, and
about a fifth of the time in passes that find nothing; the collector is paused while it reads.

So during an ingest the automatic collector is off. Each chunk ends with a collection of the young generations,
which frees what the chunk left in cycles (a caught exception with its traceback, say), and every
``FULL_EVERY`` chunks with a full one, so that a cycle that outlived its chunk is freed too: memory stays bounded.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

FULL_EVERY = 25


@contextmanager
def paused() -> Iterator[None]:
    """Turn the automatic collector off for the block (and back on after, if it was on)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class Collector:
    """Collects cycles at the end of each chunk while an ingest runs (``with collector.running():``)."""

    def __init__(self) -> None:
        self.chunks = 0
        self.freed = 0

    def running(self) -> AbstractContextManager[None]:
        """The automatic collector off for the ingest (see ``paused``)."""
        return paused()

    def chunk_done(self) -> None:
        """Collect what the chunk just handed over left in cycles."""
        self.chunks += 1
        self.freed += gc.collect(2 if self.chunks % FULL_EVERY == 0 else 1)
