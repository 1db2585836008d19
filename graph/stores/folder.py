"""The embedded store's folder from outside Oxigraph: who holds its write lock, a reader's snapshot of it while
a writer works, and the temporary files an ingest leaves when it is killed.

A reader opened beside a writer sees the files as they were when it opened, but RocksDB opens its table files
lazily, and the writer's compactions delete files it has replaced: a long read (an export) could then find a
file gone. So a reader beside a writer opens a snapshot instead: hard links to the table files (which RocksDB
never changes once written) and copies of the small files that change (CURRENT, MANIFEST, the write-ahead log),
in a folder beside the store that the reader removes when it closes. Hard links keep a deleted file's data alive
for as long as the snapshot holds it, and cost no copying.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

CHUNK_PREFIX = "govgraph-chunk-"  # + pid: a chunk file whose process is gone is swept away
_SNAPSHOT = ".reader-"  # <store name>.reader-<pid>-<random>, beside the store
_IMMUTABLE = (".sst", ".blob")
_SKIP = ("LOCK", "LOG", "bulk-")  # the lock, RocksDB's text log (LOG, LOG.old.*), a bulk load's scratch files


def writer_active(path: Path) -> bool:
    """True when another process holds the store's write lock (RocksDB's POSIX lock on ``LOCK``).

    Read from /proc/locks: opening and closing the LOCK file here would drop a lock this process holds.
    """
    try:
        st = (path / "LOCK").stat()
        with open("/proc/locks", encoding="ascii", errors="replace") as f:
            table = f.read()
    except OSError:
        return False
    dev = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    for line in table.splitlines():
        fields = line.split()
        if len(fields) >= 6 and fields[5] == dev and fields[4] != str(os.getpid()):
            return True
    return False


def open_reader(path: Path, *, tries: int = 50) -> tuple[ox.Store, Path | None]:
    """A read-only store for ``path`` and the snapshot folder it reads (None when it reads the folder itself:
    no writer, or no room beside the store). A snapshot taken while files change is taken again."""
    _sweep(path.parent, f".{path.name}{_SNAPSHOT}")
    for attempt in range(tries):
        snap = None
        try:
            if writer_active(path):
                snap = _snapshot(path)
            return ox.Store.read_only(str(snap or path)), snap
        except (OSError, RuntimeError):
            if snap is not None:
                shutil.rmtree(snap, ignore_errors=True)
            if attempt == tries - 1 or not writer_active(path):
                raise
            time.sleep(0.05)
    raise AssertionError("unreachable")


def _snapshot(path: Path) -> Path | None:
    try:
        snap = Path(tempfile.mkdtemp(prefix=f".{path.name}{_SNAPSHOT}{os.getpid()}-", dir=path.parent))
    except OSError:  # nowhere to put it: read the folder itself and hope no file goes
        return None
    try:
        # tables first, so that what the MANIFEST copied next names is already held; then the tables written
        # meanwhile. A table the copied MANIFEST names but that went in between makes the open fail, and the
        # snapshot is taken again.
        _link_tables(path, snap)
        for name in sorted(os.listdir(path), key=lambda n: n != "CURRENT"):
            if not name.startswith(_SKIP) and not name.endswith(_IMMUTABLE):
                _quietly(shutil.copy2, path / name, snap / name)
        _link_tables(path, snap)
    except BaseException:
        shutil.rmtree(snap, ignore_errors=True)
        raise
    return snap


def _link_tables(path: Path, snap: Path) -> None:
    for name in os.listdir(path):
        if name.endswith(_IMMUTABLE) and not name.startswith(_SKIP) and not (snap / name).exists():
            _quietly(os.link, path / name, snap / name)


def _quietly(step, src: Path, dst: Path) -> None:
    try:
        step(src, dst)
    except FileNotFoundError:  # gone since the listing: a compaction replaced it
        pass


def close_reader(snap: Path | None) -> None:
    """Remove a reader's snapshot folder."""
    if snap is not None:
        shutil.rmtree(snap, ignore_errors=True)


def chunk_file() -> tuple[int, Path]:
    """A new temporary file for a chunk's N-Triples (fd, path), named with this process's id."""
    fd, name = tempfile.mkstemp(prefix=f"{CHUNK_PREFIX}{os.getpid()}-", suffix=".nt")
    return fd, Path(name)


def sweep_chunks() -> None:
    """Remove chunk files left by ingests that were killed (their process is gone)."""
    _sweep(Path(tempfile.gettempdir()), CHUNK_PREFIX)


def _sweep(folder: Path, prefix: str) -> None:
    """Remove what ``prefix``<pid>… names in ``folder`` when that process is gone."""
    try:
        found = [p for p in folder.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return
    for p in found:
        pid = p.name[len(prefix):].split("-", 1)[0]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            if p.is_dir():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
