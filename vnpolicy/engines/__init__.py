"""Where documents are processed: in this process, a local process pool, or a Dask cluster.

Every engine runs the same per-document function (`vnpolicy.batch.process_document`) and
hands back futures; the batch runner keeps a bounded window of them and takes results in
input order, so memory does not grow with the corpus and the output does not depend on the
engine or the number of workers.

>>> with make_engine("local", workers=1) as engine:
...     engine.submit(len, "Chỉ thị").result()
7
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, Protocol


class EngineLost(Exception):
    """The engine can take no more work (the Dask scheduler is gone): the batch stops with
    this one-line message, e.g. `lost the Dask scheduler tcp://10.0.0.5:8786 (...)`."""


class ResultFuture(Protocol):
    def result(self) -> Any: ...


class Engine(Protocol):
    """Runs `fn(arg)` somewhere; `window` is how many documents may be in flight at once."""

    name: str
    workers: int
    window: int

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> ResultFuture: ...

    def close(self, cancel: bool = False) -> None: ...

    def terminate(self) -> None: ...

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc) -> None: ...


def default_workers() -> int:
    """The cores this process may run on (`os.sched_getaffinity`, else `os.cpu_count`)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def make_engine(
    name: str = "local",
    workers: int = 1,
    initializer: Callable[[], None] | None = None,
    scheduler: str | None = None,
    client: Any = None,
    preload: bool = False,
) -> Engine:
    """`local` with 1 worker runs in this process, with more a process pool (`preload`: warm
    this process up first so forked workers share the loaded models); `dask` connects to
    `scheduler` (`tcp://HOST:8786`) or uses an existing `distributed.Client`."""
    if name == "local":
        from vnpolicy.engines.local import InProcessEngine, ProcessPoolEngine

        if workers <= 1:
            return InProcessEngine()
        return ProcessPoolEngine(workers, initializer=initializer, preload=preload)
    if name == "dask":
        from vnpolicy.engines.dask_engine import DaskEngine

        return DaskEngine(scheduler=scheduler, client=client, initializer=initializer)
    raise ValueError(f"unknown engine {name!r} (local, dask)")
