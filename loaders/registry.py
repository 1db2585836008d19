"""Pick a loader by file type; read files into Articles one at a time, reporting what is bad without stopping.

A file is a ``Source``: its name as a person reads it, its size, a digest of its bytes (what the ingest manifest
keys on), and ``articles()``, a stream of Articles and LoadErrors. Pages (.txt, .html) and JSON files (an array
of records) are read whole, up to a size no page reaches; JSON Lines are read a line at a time. Any of them may
be gzip-compressed (``.jsonl.gz``).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from .article import Article, LoadError
from .encoding import decode_report, display_name
from .htmlpage import html_to_text
from .jsonlines import read_line, read_record
from .pubdate import date_from_name, date_from_text_head
from .textpage import split_page

# A newspaper page is well under a megabyte and a report under 20,000 characters; far larger input is a dump
# or damage, and the extractor's cost grows faster than its length. Such input is reported, not read.
MAX_PAGE_BYTES = int(os.environ.get("GOVGRAPH_MAX_PAGE_BYTES", str(64 << 20)))
MAX_LINE_BYTES = int(os.environ.get("GOVGRAPH_MAX_LINE_BYTES", str(16 << 20)))
MAX_ARTICLE_CHARS = int(os.environ.get("GOVGRAPH_MAX_ARTICLE_CHARS", "100000"))


def _load_text(name: str, raw: str, published, place):
    # a date line at the top (a TV transcript's broadcast day, a masthead) speaks for the text; a file name
    # may carry the day it was filed instead
    published = published or date_from_text_head(raw) or date_from_name(name)
    return split_page(raw, source=name, published=published, place=place)


def _load_html(name: str, raw: str, published, place):
    text, meta = html_to_text(raw)
    published = published or meta.get("date") or date_from_name(name) or date_from_text_head(text)
    arts = split_page(text, source=name, published=published, place=place)
    for a in arts:
        a.title = a.title or meta.get("title")
    return arts


def _load_json(name: str, raw: str, published, place):
    """A JSON file as scrapers write one: an array of records, an object holding one under a usual name (data,
    items, articles …), or one record; each record as a JSON line's."""
    try:
        data = json.loads(raw)
    except RecursionError:
        return [LoadError(f"{name}: JSON nested too deeply to read")]
    except ValueError as exc:
        return [LoadError(f"{name}: {exc.msg if isinstance(exc, json.JSONDecodeError) else 'not JSON'}")]
    if isinstance(data, dict):
        data = next((data[k] for k in _JSON_LISTS if isinstance(data.get(k), list)), [data])
    if not isinstance(data, list):
        return [LoadError(f"{name}: not a JSON array or object of records")]
    out = []
    for i, rec in enumerate(data):
        for item in read_record(rec, f"{name}[{i}]", place=place):
            if isinstance(item, Article) and published:
                item.published = published
            out.append(item)
    return out


_JSON_LISTS = ("data", "items", "articles", "records", "results", "list", "news")
PAGE_LOADERS = {".txt": _load_text, ".text": _load_text, ".html": _load_html, ".htm": _load_html,
                ".json": _load_json}
LINE_FORMATS = {".jsonl", ".ndjson"}
# every suffix read; each may also end in .gz
LOADERS = {**{s: "page" for s in PAGE_LOADERS}, **{s: "lines" for s in LINE_FORMATS}}


def file_kind(path) -> tuple[str, bool]:
    """(suffix that picks the loader, gzip-compressed?): ``a.jsonl.gz`` -> (".jsonl", True)."""
    name = Path(path).name.lower()
    compressed = name.endswith(".gz")
    return Path(name[:-3] if compressed else name).suffix, compressed


def is_article_file(path) -> bool:
    """True for the file types a folder is searched for. Not .json: beside reports lie gold files and other JSON;
    a .json dump is read when it is named."""
    suffix = file_kind(path)[0]
    return suffix in LOADERS and suffix != ".json"


@dataclass
class Source:
    """One input file, opened lazily: its display name, size, digest and articles."""

    path: Path
    name: str  # the path as given, for messages about the whole file
    label: str  # the file's own name: what its articles name as their source
    size: int
    suffix: str
    compressed: bool
    read_bytes: int = 0  # how much of the file has been read: progress within a long file

    def digest(self) -> str:
        """A digest of the file's bytes: the same content has the same digest under any name."""
        h = hashlib.blake2b(digest_size=16)
        try:
            with open(self.path, "rb") as f:
                while block := f.read(1 << 20):
                    h.update(block)
        except OSError as exc:
            raise LoadError(f"{self.name}: {exc.strerror or exc}") from exc
        return h.hexdigest()

    def articles(self, *, published: date | None = None, place: str | None = None) -> Iterator[Article | LoadError]:
        """Every article of the file in order, and a LoadError for each part that could not be read."""
        anything = False
        for item in self._items(published, place):
            anything = True
            if isinstance(item, Article) and len(item.text) > MAX_ARTICLE_CHARS:
                yield LoadError(f"{item.source}: article {item.index + 1} is {len(item.text):,} characters long, "
                                f"more than any report ({MAX_ARTICLE_CHARS:,}); skipped: split it into articles")
            else:
                yield item
        if not anything:
            yield LoadError(f"{self.name}: no article text found")

    def _open(self) -> tuple[IO[bytes], Any]:
        try:
            raw = open(self.path, "rb")  # noqa: SIM115 (closed by the caller, with the gzip layer over it)
        except OSError as exc:
            raise LoadError(f"{self.name}: {exc.strerror or exc}") from exc
        return raw, (gzip.GzipFile(fileobj=raw, mode="rb") if self.compressed else raw)

    def _items(self, published, place) -> Iterator[Article | LoadError]:
        try:
            raw, stream = self._open()
        except LoadError as exc:
            yield exc
            return
        try:
            with raw, stream:
                if self.suffix in LINE_FORMATS:
                    yield from self._lines(raw, stream, place, published)
                else:
                    yield from self._page(raw, stream, place, published)
        except (OSError, EOFError, zlib.error) as exc:  # a truncated or damaged gzip, a read error mid-file
            yield LoadError(f"{self.name}: cannot read past byte {self.read_bytes:,}: "
                            f"{getattr(exc, 'strerror', None) or exc}")

    def _page(self, raw, stream, place, published) -> Iterator[Article | LoadError]:
        data = stream.read(MAX_PAGE_BYTES + 1)
        self.read_bytes = raw.tell()
        if len(data) > MAX_PAGE_BYTES:
            yield LoadError(f"{self.name}: more than {MAX_PAGE_BYTES >> 20} MB of text, larger than any page; "
                            f"skipped: split it into pages, or give a collection as JSON Lines")
            return
        if not data.strip():
            yield LoadError(f"{self.name}: empty file")
            return
        try:
            decoded = decode_report(data, name=self.name)
        except LoadError as exc:
            yield exc
            return
        yield from (LoadError(f"{self.name}: {r}") for r in decoded.repairs)
        try:
            arts = PAGE_LOADERS[self.suffix](self.label, decoded.text, published, place)
        except Exception as exc:  # a loader bug on odd input must cost this file only; say which and why
            yield LoadError(f"{self.name}: cannot split into articles: {type(exc).__name__}: {exc}")
            return
        yield from arts

    def _lines(self, raw, stream, place, published) -> Iterator[Article | LoadError]:
        n = 0
        while True:
            line = stream.readline(MAX_LINE_BYTES + 1)
            if not line:
                break
            n += 1
            if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                while (rest := stream.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                    pass
                yield LoadError(f"{self.label}:{n}: line longer than {MAX_LINE_BYTES >> 20} MB; skipped")
                continue
            self.read_bytes = raw.tell()
            for item in read_line(line, n, source=self.label, place=place):
                if isinstance(item, Article) and published:
                    item.published = published
                yield item
        self.read_bytes = raw.tell()


def open_source(path) -> Source:
    """A Source for ``path``; raises LoadError when the file is missing, not a file or of an unknown type."""
    path = Path(path)
    name = display_name(path)
    suffix, compressed = file_kind(path)
    if suffix not in LOADERS:
        raise LoadError(f"{name}: unsupported file type {suffix or '(none)'}{'.gz' if compressed else ''}; "
                        f"expected one of {', '.join(sorted(LOADERS))} (optionally .gz)")
    try:
        st = path.stat()
    except OSError as exc:
        raise LoadError(f"{name}: {exc.strerror or exc}") from exc
    if not path.is_file():
        raise LoadError(f"{name}: not a file")
    if st.st_size == 0:
        raise LoadError(f"{name}: empty file")
    return Source(path, name, display_name(path.name), st.st_size, suffix, compressed)


@dataclass
class LoadResult:
    """What one file gave: its articles, and problems with parts of it."""

    path: Path
    articles: list[Article] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)


def load_path(path, *, published: date | None = None, place: str | None = None) -> LoadResult:
    """Load one file whole; raises LoadError with a reason when the whole file is unusable."""
    source = open_source(path)
    result = LoadResult(Path(path))
    for item in source.articles(published=published, place=place):
        (result.articles if isinstance(item, Article) else result.errors).append(item)  # type: ignore[arg-type]
    if not result.articles and len(result.errors) == 1:
        raise result.errors[0]
    return result


def load_paths(paths, *, published=None, place=None):
    """Yield a LoadResult or a LoadError per path, so one bad file never stops a batch."""
    for p in paths:
        try:
            yield load_path(p, published=published, place=place)
        except LoadError as exc:
            yield exc
