"""The store a long-running server reads: shared by its request threads, opened again when an ingest has
changed an embedded store's folder since (a reader sees the folder as it was when it opened)."""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..stores import Store
from ..stores.folder import writer_active

_IGNORED = ("LOCK", "LOG", ".")


def folder_state(path: Path) -> tuple:
    """What changes when a writer has committed to a store folder: its files' names, sizes and times."""
    try:
        with os.scandir(path) as entries:
            return tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns)
                                for e in entries if e.is_file() and not e.name.startswith(_IGNORED)))
    except OSError:
        return ()


class LiveStore:
    """One open store for many threads. ``use()`` lends it; a store replaced by a newer opening is closed when
    the last request that borrowed it gives it back."""

    def __init__(self, opener: Callable[[], Store], folder: Path | None = None):
        self._open = opener
        self._folder = folder
        self._lock = threading.Lock()
        self._state = folder_state(folder) if folder else ()
        self._store = opener()
        self._users: dict[int, int] = {id(self._store): 0}
        self._retired: dict[int, Store] = {}

    def _refresh(self) -> None:
        if self._folder is None:
            return
        state = folder_state(self._folder)
        if state == self._state or writer_active(self._folder):
            return  # unchanged, or an ingest is still writing: the next request after it looks again
        fresh = self._open()
        old = self._store
        self._store, self._state = fresh, state
        self._users[id(fresh)] = 0
        self._retired[id(old)] = old
        self._close_unused()

    def _close_unused(self) -> None:
        for key, store in list(self._retired.items()):
            if self._users.get(key, 0) == 0:
                del self._retired[key]
                self._users.pop(key, None)
                store.close()

    @contextmanager
    def use(self) -> Iterator[Store]:
        """The newest store, lent for one request."""
        with self._lock:
            self._refresh()
            store = self._store
            self._users[id(store)] += 1
        try:
            yield store
        finally:
            with self._lock:
                self._users[id(store)] -= 1
                self._close_unused()

    def close(self) -> None:
        """Close every store held (the server is stopping)."""
        with self._lock:
            self._retired[id(self._store)] = self._store
            for store in self._retired.values():
                store.close()
            self._retired.clear()
