"""What an ingest did, for the closing lines and for ``ingest --json``."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Unread:
    """An article that names a meeting being held, in which the extractor found none."""

    source: str
    article: int  # its place on the page or line, from 1

    def __str__(self) -> str:
        return f"{self.source} article {self.article}"


@dataclass
class IngestSummary:
    """Counts of what was read and written, every problem with its reason, and the articles worth a look."""

    files: int = 0  # files read in this run
    unchanged: int = 0  # files skipped: stored whole by an earlier run (their digest is in the manifest)
    resumed: int = 0  # files an earlier, interrupted run had stored in part
    articles: int = 0
    meetings: int = 0
    nodes_written: int = 0
    edges_written: int = 0
    triples_written: int = 0
    chunks: int = 0  # chunks committed to the store
    problems: list[str] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)
    stopped: str | None = None  # why the ingest stopped before the end, when it did
    seconds: float = 0.0

    def as_json(self, counts: dict[str, int] | None = None) -> dict:
        """The summary as one JSON object (``counts``: what the store holds afterwards, when known)."""
        out = {"files": self.files, "unchanged_files": self.unchanged, "resumed_files": self.resumed,
               "articles": self.articles, "meetings": self.meetings,
               "written": {"nodes": self.nodes_written, "edges": self.edges_written,
                           "triples": self.triples_written, "chunks": self.chunks},
               "problems": list(self.problems),
               "unread": [{"source": u.source, "article": u.article} for u in self.unread],
               "seconds": round(self.seconds, 3), "complete": self.stopped is None}
        if self.stopped:
            out["stopped"] = self.stopped
        if counts is not None:
            out["store"] = counts
        return out

    def lines(self) -> list[str]:
        """The closing summary as text lines."""
        head = (f"read {self.files} file(s), {self.articles} article(s), {self.meetings} meeting(s); wrote "
                f"{self.nodes_written} nodes and {self.edges_written} edges; {len(self.problems)} problem(s)")
        out = [head]
        if self.unchanged:
            out.append(f"{self.unchanged} file(s) unchanged since an earlier ingest: skipped")
        if self.resumed:
            out.append(f"{self.resumed} file(s) finished where an interrupted ingest stopped")
        if self.unread:
            out.append(f"{len(self.unread)} article(s) name a meeting being held but gave none:")
            out += [f"  unread: {u}" for u in self.unread]
        return out
