"""Local engines: in this process (`--workers 1`) and a pool of worker processes.

With `preload`, the initializer (load underthesea and the extractors by processing a short
document) runs once in this process, what it loaded is frozen out of the garbage collector's
sight (`gc.freeze`, so collections in a worker do not copy the shared pages) and the workers
are forked from it, sharing the loaded models copy-on-write: a second worker costs no second
start-up. Each pool worker runs the initializer once more (a no-op when preloaded), ignores
Ctrl-C (the parent stops the pool
cleanly) and then serves documents until the pool closes. A worker never outlives the batch
process: on Linux the kernel kills it when its parent dies (`PR_SET_PDEATHSIG`), elsewhere a
thread watching the parent's sentinel ends it, so a `kill -9` of `vnpolicy extract` leaves no
orphan writing files.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
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

    def terminate(self) -> None:
        pass

    def __enter__(self) -> InProcessEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _die_with_parent() -> None:
    """End this worker when the process that started it dies (no orphan keeps writing)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    if not parent.is_alive():  # died before the death signal was armed
        os._exit(1)
    sentinel = parent.sentinel

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="vnpolicy-parent-watch", daemon=True).start()


def _init_worker(initializer: Callable[[], None] | None) -> None:
    """Die with the parent, ignore Ctrl-C (the parent stops the pool), take SIGTERM's default
    (not a handler inherited from the parent), one BLAS/OpenMP thread, then warm up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
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
        context = _context()
        if preload and initializer is not None and context.get_start_method() == "fork":
            initializer()  # load the models once here; forked workers share their pages
            # What is loaded now lives as long as the process: out of the collector's sight,
            # so a worker's collections never write to (and so copy) the shared pages.
            gc.freeze()
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        """A new pool. Its context is chosen now: a pool replaced mid-batch (a worker died)
        is started while the progress bar's thread runs, so it must not fork."""
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=_context(),
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

    def terminate(self, grace: float = 5.0) -> None:
        """Stop now: drop the queued documents and end the workers (SIGTERM, then SIGKILL
        after `grace` seconds). A document cut short leaves no output, only a temporary
        file the next run removes."""
        processes = list((self._pool._processes or {}).values())  # no public API in 3.11
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(grace)
            if process.is_alive():
                process.kill()
                process.join(grace)

    def __enter__(self) -> ProcessPoolEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close(cancel=exc[0] is not None)
