"""Local engines: in this process (`--workers 1`) and a pool of worker processes.

Each pool worker runs the initializer once (load underthesea and the extractors by
processing a short document), ignores Ctrl-C (the parent stops the pool cleanly) and then
serves documents until the pool closes.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any


class _DoneFuture:
    """A result computed at submit time (the in-process engine)."""

    def __init__(self, value: Any):
        self._value = value

    def result(self) -> Any:
        return self._value


class InProcessEngine:
    """Runs each document at `submit` in this process; models load on first use."""

    name = "local"
    workers = 1
    window = 1

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> _DoneFuture:
        return _DoneFuture(fn(arg))

    def close(self, cancel: bool = False) -> None:
        pass

    def __enter__(self) -> InProcessEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _init_worker(initializer: Callable[[], None] | None) -> None:
    """Ignore Ctrl-C (the parent stops the pool), one BLAS/OpenMP thread, then warm up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)  # the workers are the parallelism; no oversubscribed cores
    except ImportError:
        pass
    if initializer is not None:
        initializer()


def _context() -> multiprocessing.context.BaseContext:
    """`fork` (fast, shares what the parent loaded) while this process has no other thread;
    `forkserver` otherwise, since forking a threaded process can deadlock."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


class ProcessPoolEngine:
    """`workers` processes; at most `window` = 4 x workers documents queued or running."""

    name = "local"

    def __init__(
        self, workers: int, initializer: Callable[[], None] | None = None, preload: bool = False
    ):
        self.workers = workers
        self.window = 4 * workers
        self._initializer = initializer
        self._context = _context()
        if preload and initializer is not None and self._context.get_start_method() == "fork":
            initializer()  # load the models once here; forked workers share their pages
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=self._context,
            initializer=_init_worker,
            initargs=(self._initializer,),
        )

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> Future:
        """Queue one document; a pool broken by a worker that died (a crash in a native
        library, the OOM killer) is replaced, its documents in flight fail with
        `BrokenProcessPool` and the batch goes on."""
        try:
            return self._pool.submit(fn, arg)
        except BrokenProcessPool:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._start()
            return self._pool.submit(fn, arg)

    def close(self, cancel: bool = False) -> None:
        """Wait for the documents being processed; with `cancel`, drop the queued ones."""
        self._pool.shutdown(wait=True, cancel_futures=cancel)

    def __enter__(self) -> ProcessPoolEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close(cancel=exc[0] is not None)
