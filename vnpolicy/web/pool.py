"""A fixed number of read-only index connections shared by the web server's threads.

Each request borrows one and gives it back, so memory (SQLite's page cache is per
connection) stays bounded however many threads the server runs. A request that finds all of
them busy waits a little, then gets a 503 rather than a new connection.

>>> pool = IndexPool("archive.sqlite", size=4)                # doctest: +SKIP
>>> with pool.borrow() as index:                              # doctest: +SKIP
...     index.search("nghị quyết 21-NQ/TW").hits
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from vnpolicy.outputs.index import SearchIndex, SearchIndexError, open_index

# A few connections serve many requests: a search takes milliseconds, and SQLite reads
# from several connections at once (WAL), so more would only cost memory.
POOL_SIZE = 4
CACHE_MIB = 8  # per connection: 4 x 8 MB instead of 32 MB per server thread
WAIT_SECONDS = 10.0


class PoolBusyError(SearchIndexError):
    """Every connection stayed borrowed for the whole wait."""


class IndexPool:
    """Up to `size` read-only indexes over `location`, opened when first needed (the first
    at once, so an unusable index fails at start with its reason)."""

    def __init__(
        self,
        location: str | Path,
        size: int = POOL_SIZE,
        cache_mib: int = CACHE_MIB,
        wait: float = WAIT_SECONDS,
        opener: Callable[[], SearchIndex] | None = None,
    ):
        self.size = max(1, size)
        self.wait = wait
        self._open = opener or (lambda: open_index(location, read_only=True, cache_mib=cache_mib))
        self._idle: queue.LifoQueue[SearchIndex] = queue.LifoQueue()
        self._lock = threading.Lock()
        self._all: list[SearchIndex] = []
        self._idle.put(self._opened())

    @property
    def opened(self) -> int:
        """How many connections were ever opened (never more than `size`)."""
        return len(self._all)

    def _opened(self) -> SearchIndex:
        index = self._open()
        self._all.append(index)
        return index

    @contextmanager
    def borrow(self) -> Iterator[SearchIndex]:
        """An index for the length of one request; raises `PoolBusyError` after `wait`."""
        index = self._take()
        try:
            yield index
        finally:
            self._idle.put(index)

    def _take(self) -> SearchIndex:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if len(self._all) < self.size:
                return self._opened()
        try:
            return self._idle.get(timeout=self.wait)
        except queue.Empty:
            raise PoolBusyError(
                f"all {self.size} index connections busy for {self.wait:g} s"
            ) from None

    def close(self) -> None:
        """Close every connection (at server shutdown)."""
        with self._lock:
            for index in self._all:
                index.close()
            self._all.clear()
