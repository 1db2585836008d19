"""Which files an ingest reads: the files named, and the article files inside the folders named, in a stable
order (the order is what lets a killed ingest resume exactly where it stopped)."""
from __future__ import annotations

import os
from pathlib import Path

from govgraph.loaders import is_article_file
from govgraph.loaders.encoding import display_name


def expand_report(paths) -> tuple[list[Path], list[str]]:
    """(files, problems): the files named, and the article files under the folders named, sorted within each
    folder, each file once; a folder that cannot be listed is a problem, not an end."""
    out: list[Path] = []
    problems: list[str] = []
    for p in map(Path, paths):
        if not p.is_dir():
            out.append(p)
            continue

        def unreadable(exc: OSError, top: Path = p) -> None:
            problems.append(f"{display_name(exc.filename or top)}: cannot list the folder: {exc.strerror or exc}")

        found = []
        for folder, dirs, files in os.walk(p, onerror=unreadable):
            dirs.sort()
            found += [Path(folder) / f for f in files if is_article_file(f)]
        out += sorted(found)
    return _once(out), problems


def _once(paths: list[Path]) -> list[Path]:
    """Each file once, in its first place, however many times it was named."""
    seen: set[Path] = set()
    out = []
    for p in paths:
        key = p.resolve() if p.exists() else p
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def expand(paths) -> list[Path]:
    """Files named, and the article files inside folders named (gold and prediction JSON left out)."""
    return expand_report(paths)[0]
