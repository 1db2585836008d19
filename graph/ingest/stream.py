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

from ..collector import Collector
from ..model import Graph
from ..stores import ManifestEntry, Store, StoreError
from .articles import read_article
from .sources import expand_report
from .summary import IngestSummary, Unread

CHUNK_ARTICLES = int(os.environ.get("GOVGRAPH_INGEST_CHUNK", "2000"))
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
                self.store.discard(prepared)
                continue
            try:
                stats = self.store.commit(prepared, entries)
            except Exception as exc:  # a store bug too must end the ingest with one line, not a hang
                self.error = exc if isinstance(exc, StoreError) else StoreError(
                    f"writing to the {self.store.name} store failed: {type(exc).__name__}: {exc}")
                self.store.discard(prepared)
                continue
            self.summary.nodes_written += stats.nodes
            self.summary.edges_written += stats.edges
            self.summary.triples_written += stats.triples
            self.summary.chunks += 1

    def submit(self, prepared: Any, entries: list[ManifestEntry]) -> None:
        if self.error is None:
            self._queue.put((prepared, entries))
        else:
            self.store.discard(prepared)

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
    run = _Run(store, chunk_articles or CHUNK_ARTICLES, chunk_chars or CHUNK_CHARS, progress)
    files, run.summary.problems = expand_report(paths)
    run.where = Progress(files_total=len(files), bytes_total=sum(_size(f) for f in files))
    try:
        with run.collector.running():
            for path in files:
                if run.writer.error is not None:
                    break
                run.read_file(path, place=place, published=published)
            if run.writer.error is None:
                run.close_chunk()
    finally:
        run.writer.finish()
        run.summary.seconds = time.perf_counter() - t0
    if run.writer.error is not None:
        run.summary.stopped = str(run.writer.error)
        raise IngestStopped(str(run.writer.error), run.summary)
    return run.summary


class _Run:
    """One ingest: the chunk being filled, the writer thread, the manifest as it was, and the running summary."""

    def __init__(self, store: Store, limit_articles: int, limit_chars: int,
                 progress: Callable[[Progress], None] | None):
        self.store = store
        self.limit_articles, self.limit_chars = limit_articles, limit_chars
        self.progress = progress
        self.summary = IngestSummary()
        self.manifest = store.manifest()
        self.writer = _Writer(store, self.summary)
        self.chunk = _Chunk()
        self.seen: dict[str, str] = {}  # digest -> name, for the same content twice in one batch
        self.where = Progress()
        self.finished_bytes = 0  # bytes of the files read to the end, for the progress bar
        self.collector = Collector()

    def read_file(self, path: Path, *, place, published) -> None:
        """One file: skipped when stored whole before, resumed after its stored articles, else read."""
        try:
            source = open_source(path)
            digest = source.digest()
        except LoadError as exc:
            self.summary.problems.append(str(exc))
            return self._file_done(_size(path))
        earlier = self.manifest.get(digest)
        if digest in self.seen:
            self.summary.problems.append(f"{source.name}: the same content as {self.seen[digest]}; read once")
            return self._file_done(source.size)
        if earlier is not None and earlier.state == "done":
            self.summary.unchanged += 1
            return self._file_done(source.size)
        self.seen[digest] = source.name
        skip = earlier.articles if earlier is not None else 0
        self.summary.resumed += skip > 0
        self.summary.files += 1
        count = 0
        for item in source.articles(published=published, place=place):
            if isinstance(item, LoadError):
                if count >= skip:  # problems before the stored part were reported by the earlier run
                    self.summary.problems.append(str(item))
                continue
            count += 1
            if count <= skip:  # stored by an earlier run
                continue
            self._add(item)
            self.chunk.entries[digest] = ManifestEntry(digest, source.label, "partial", count)
            self._tell(self.finished_bytes + source.read_bytes)
            if self.chunk.articles >= self.limit_articles or self.chunk.chars >= self.limit_chars:
                self.close_chunk()
                if self.writer.error is not None:
                    return None
        if count:
            self.chunk.entries[digest] = ManifestEntry(digest, source.label, "done", count)
        return self._file_done(source.size)

    def _add(self, article: Article) -> None:
        result = read_article(article)
        if result.problem:
            self.summary.problems.append(result.problem)
            return
        assert result.graph is not None
        self.summary.articles += 1
        self.summary.meetings += result.meetings
        if result.unread:
            self.summary.unread.append(Unread(article.source, article.index + 1))
        self.chunk.graph.absorb(result.graph)
        self.chunk.articles += 1
        self.chunk.chars += len(article.text)

    def close_chunk(self) -> None:
        """Hand the chunk to the writer (prepared here, committed there) and start a new one."""
        if self.chunk.articles or self.chunk.entries:
            self.writer.submit(self.store.prepare(self.chunk.graph), list(self.chunk.entries.values()))
        self.chunk = _Chunk()
        self.collector.chunk_done()

    def _file_done(self, size: int) -> None:
        self.where.files_done += 1
        self.finished_bytes += size
        self._tell(self.finished_bytes)

    def _tell(self, bytes_done: int) -> None:
        if self.progress:
            self.where.bytes_done = bytes_done
            self.where.articles, self.where.meetings = self.summary.articles, self.summary.meetings
            self.progress(self.where)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
