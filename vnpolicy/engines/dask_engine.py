"""A Dask cluster engine: the same per-document function on `distributed` workers.

Inputs are read and outputs written by the workers, through paths every worker sees (a
shared file system mounted at the same place on every host); the client only hashes inputs,
keeps the manifest and collects small results. Each worker warms the models once through a
worker plugin, e.g. `vnpolicy extract /data/in -o /data/out --engine dask
--scheduler tcp://10.0.0.5:8786`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from distributed import Client, WorkerPlugin


class _WarmUp(WorkerPlugin):
    """A worker plugin whose `setup` runs the initializer once on every (new) worker."""

    name = "vnpolicy-warm-up"

    def __init__(self, initializer: Callable[[], None]):
        self.initializer = initializer

    def setup(self, worker) -> None:
        self.initializer()

    def teardown(self, worker) -> None:
        pass


class DaskEngine:
    """Submits documents to a Dask scheduler; at most 4 per worker thread in flight."""

    name = "dask"

    def __init__(
        self,
        scheduler: str | None = None,
        client: Any = None,
        initializer: Callable[[], None] | None = None,
    ):
        if client is None and not scheduler:
            raise ValueError("--engine dask needs --scheduler tcp://HOST:PORT")
        self._own_client = client is None
        self.client = client if client is not None else Client(scheduler)
        threads = sum(self.client.nthreads().values()) or 1
        self.workers = threads
        self.window = 4 * threads
        if initializer is not None:
            self.client.register_plugin(_WarmUp(initializer), name=_WarmUp.name)

    def submit(self, fn: Callable[[Any], Any], arg: Any):
        return self.client.submit(fn, arg, pure=False)

    def close(self, cancel: bool = False) -> None:
        if self._own_client:
            self.client.close()

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
