"""A streaming ingest: files -> articles -> findings -> chunks of graph -> the store, in bounded memory.

Articles flow through one at a time; every ``chunk_articles`` articles (or ``chunk_chars`` characters) the
chunk's graph is prepared for the store and handed to a writer thread, which commits it (one transaction or
one bulk load) with the manifest entries of the files it touches, while this thread reads the next chunk. At
most two chunks wait in memory, so memory stays flat however long the batch.

Resuming: each file is keyed by the digest of its bytes. A file the manifest has as ``done`` is skipped (its
cost is hashing it); a ``partial`` one skips the articles already stored. Chunks close at the same articles on
every run, so a killed ingest re-run stores exactly what one uninterrupted run would.
"""
from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govgraph.loaders import Article, LoadError, open_source

from ..model import Graph
from ..stores import ManifestEntry, Store, StoreError
from .articles import read_article
from .sources import expand_report
from .summary import IngestSummary, Unread

CHUNK_ARTICLES = int(os.environ.get("GOVGRAPH_INGEST_CHUNK", "1000"))
CHUNK_CHARS = int(os.environ.get("GOVGRAPH_INGEST_CHUNK_CHARS", str(8_000_000)))


@dataclass
class Progress:
    """Where an ingest is, for a progress bar: called often, so a listener should throttle itself."""

    files_done: int = 0
    files_total: int = 0
    bytes_done: int = 0
    bytes_total: int = 0
    articles: int = 0
    meetings: int = 0


@dataclass
class _Chunk:
    graph: Graph = field(default_factory=Graph)
    articles: int = 0
    chars: int = 0
    entries: dict[str, ManifestEntry] = field(default_factory=dict)  # by digest: each file's state at its end


class IngestStopped(Exception):
    """The store failed mid-ingest; ``summary`` says what was stored before it."""

    def __init__(self, message: str, summary: IngestSummary):
        super().__init__(message)
        self.summary = summary


class _Writer:
    """Commits prepared chunks on its own thread, one at a time, in order; stops at the first failure."""

    def __init__(self, store: Store, summary: IngestSummary):
        self.store = store
        self.summary = summary
        self.error: StoreError | None = None
        self._queue: queue.Queue = queue.Queue(maxsize=1)
        self._thread = threading.Thread(target=self._run, name="govgraph-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (job := self._queue.get()) is not None:
            prepared, entries = job
            if self.error is not None:
                continue
            try:
                stats = self.store.commit(prepared, entries)
            except StoreError as exc:
                self.error = exc
                continue
            except Exception as exc:  # a store bug must still end the ingest with one line, not a hang
                self.error = StoreError(f"writing to the {self.store.name} store failed: {type(exc).__name__}: {exc}")
                continue
            self.summary.nodes_written += stats.nodes
            self.summary.edges_written += stats.edges
            self.summary.triples_written += stats.triples
            self.summary.chunks += 1

    def submit(self, prepared: Any, entries: list[ManifestEntry]) -> None:
        if self.error is None:
            self._queue.put((prepared, entries))

    def finish(self) -> None:
        """Wait for every chunk handed over to be committed (or refused)."""
        self._queue.put(None)
        self._thread.join()


def ingest(paths, store: Store, *, place: str | None = None, published=None,
           chunk_articles: int | None = None, chunk_chars: int | None = None,
           progress: Callable[[Progress], None] | None = None) -> IngestSummary:
    """Read every file into ``store`` chunk by chunk; returns the summary, or raises IngestStopped (with the
    summary of what was stored) when the store fails."""
    t0 = time.perf_counter()
    limit_articles = chunk_articles or CHUNK_ARTICLES
    limit_chars = chunk_chars or CHUNK_CHARS
    summary = IngestSummary()
    files, summary.problems = expand_report(paths)
    manifest = store.manifest()
    where = Progress(files_total=len(files), bytes_total=sum(_size(f) for f in files))
    writer = _Writer(store, summary)
    chunk = _Chunk()
    seen: dict[str, str] = {}  # digest -> name, for the same content twice in one batch
    finished_bytes = 0  # bytes of the files read to the end, for the progress bar

    def close_chunk() -> None:
        nonlocal chunk
        if chunk.articles or chunk.entries:
            writer.submit(store.prepare(chunk.graph), list(chunk.entries.values()))
        chunk = _Chunk()

    try:
        for path in files:
            if writer.error is not None:
                break
            try:
                source = open_source(path)
                digest = source.digest()
            except LoadError as exc:
                summary.problems.append(str(exc))
                where.files_done += 1
                finished_bytes += _size(path)
                continue
            earlier = manifest.get(digest)
            if digest in seen or (earlier is not None and earlier.state == "done"):
                if digest in seen:
                    summary.problems.append(f"{source.name}: the same content as {seen[digest]}; read once")
                else:
                    summary.unchanged += 1
                where.files_done += 1
                finished_bytes += source.size
                where.bytes_done = finished_bytes
                continue
            seen[digest] = source.name
            skip = earlier.articles if earlier is not None else 0
            summary.resumed += skip > 0
            summary.files += 1
            count = 0
            for item in source.articles(published=published, place=place):
                if isinstance(item, LoadError):
                    if count >= skip:  # problems before the stored part were reported by the earlier run
                        summary.problems.append(str(item))
                    continue
                count += 1
                if count <= skip:
                    continue
                _add(item, chunk, summary)
                chunk.entries[digest] = ManifestEntry(digest, source.label, "partial", count)
                where.articles, where.meetings = summary.articles, summary.meetings
                where.bytes_done = finished_bytes + source.read_bytes
                if progress:
                    progress(where)
                if chunk.articles >= limit_articles or chunk.chars >= limit_chars:
                    close_chunk()
                    if writer.error is not None:
                        break
            if count and writer.error is None:
                chunk.entries[digest] = ManifestEntry(digest, source.label, "done", count)
            where.files_done += 1
            finished_bytes += source.size
            where.bytes_done = finished_bytes
            if progress:
                progress(where)
        if writer.error is None:
            close_chunk()
    finally:
        writer.finish()
        summary.seconds = time.perf_counter() - t0
    if writer.error is not None:
        summary.stopped = str(writer.error)
        raise IngestStopped(str(writer.error), summary)
    return summary


def _add(article: Article, chunk: _Chunk, summary: IngestSummary) -> None:
    result = read_article(article)
    if result.problem:
        summary.problems.append(result.problem)
        return
    assert result.graph is not None
    summary.articles += 1
    chunk.graph.absorb(result.graph)
    chunk.articles += 1
    chunk.chars += len(article.text)
    summary.meetings += result.meetings
    if result.unread:
        summary.unread.append(Unread(article.source, article.index + 1))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
