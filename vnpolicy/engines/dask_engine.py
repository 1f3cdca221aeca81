"""A Dask cluster engine: the same per-document function on `distributed` workers.

Inputs are read and outputs written by the workers, through paths every worker sees (a
shared file system mounted at the same place on every host); the client only hashes inputs,
keeps the manifest and collects small results. Each worker warms the models once through a
worker plugin, e.g. `vnpolicy extract /data/in -o /data/out --engine dask
--scheduler tcp://10.0.0.5:8786`.

Losing a worker costs nothing (the scheduler reruns its tasks elsewhere). Losing the
scheduler stops the batch with `EngineLost` and one line, never a hang: connecting is bounded
by Dask's `distributed.comm.timeouts.connect` (30 s unless configured, e.g.
`DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT=10s`), and while a result is awaited the scheduler
is pinged every `POLL_SECONDS` and must answer within that same timeout.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError
from contextlib import contextmanager
from typing import Any

import dask
from dask.utils import parse_timedelta
from distributed import Client, WorkerPlugin

from vnpolicy.engines import EngineLost

#: How long a result may be awaited before the scheduler is pinged (documents may take
#: minutes; the ping only asks whether the scheduler still answers).
POLL_SECONDS = 10.0
_NOISY_LOGGERS = ("distributed.client", "distributed.utils", "distributed.core")


def connect_timeout() -> float:
    """Dask's connect timeout in seconds (`distributed.comm.timeouts.connect`)."""
    return float(parse_timedelta(dask.config.get("distributed.comm.timeouts.connect"), "s"))


class _WarmUp(WorkerPlugin):
    """A worker plugin whose `setup` runs the initializer once on every (new) worker."""

    name = "vnpolicy-warm-up"

    def __init__(self, initializer: Callable[[], None]):
        self.initializer = initializer

    def setup(self, worker) -> None:
        self.initializer()

    def teardown(self, worker) -> None:
        pass


class _WatchedFuture:
    """A Dask future whose `result` cannot hang on a lost scheduler (see the module doc)."""

    def __init__(self, future: Any, engine: DaskEngine):
        self._future = future
        self._engine = engine

    def result(self) -> Any:
        try:
            while True:
                try:
                    return self._future.result(timeout=self._engine.poll_seconds)
                except TimeoutError:
                    self._engine.check()  # EngineLost when the scheduler does not answer
                except CancelledError as exc:  # futures are cancelled when the scheduler goes
                    raise self._engine.lost(exc) from None
                except Exception as exc:
                    if not self._engine.running():
                        raise self._engine.lost(exc) from None
                    raise  # the document's own failure (e.g. KilledWorker)
        finally:
            self._engine.forget(self._future)


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
        self.timeout = connect_timeout()
        self.poll_seconds = POLL_SECONDS
        self._own_client = client is None
        self._pending: set[Any] = set()
        self._lost = False
        if client is None:
            try:
                client = Client(scheduler, timeout=self.timeout)
            except Exception as exc:  # noqa: BLE001 - OSError, TimeoutError, CommClosedError
                raise EngineLost(
                    f"cannot reach the Dask scheduler {scheduler} ({_cause(exc)})"
                ) from None
        self.client = client
        self.address = scheduler or getattr(client.scheduler, "address", "") or "?"
        try:
            threads = sum(self.client.nthreads().values()) or 1
            if initializer is not None:
                self.client.register_plugin(_WarmUp(initializer), name=_WarmUp.name)
        except Exception as exc:  # noqa: BLE001 - a scheduler lost while starting
            self.close(cancel=True)
            raise self.lost(exc) from None
        except BaseException:  # Ctrl-C or SIGTERM while the workers warm up
            self.close(cancel=True)
            raise
        self.workers = threads
        self.window = 4 * threads

    def running(self) -> bool:
        return self.client.status == "running"

    def lost(self, cause: BaseException) -> EngineLost:
        """The one line of a lost scheduler, e.g. `lost the Dask scheduler
        tcp://10.0.0.5:8786 (scheduler-connection-lost)`."""
        self._lost = True
        reason = getattr(cause, "reason", None)  # a future cancelled by the client
        text = reason if isinstance(reason, str) and reason else _cause(cause)
        return EngineLost(f"lost the Dask scheduler {self.address} ({text})")

    def check(self) -> None:
        """Raise `EngineLost` unless the scheduler answers a ping within the timeout."""
        started = time.monotonic()
        try:
            if not self.running():
                raise ConnectionError(f"client {self.client.status}")
            self.client.sync(self.client.scheduler.identity, callback_timeout=self.timeout)
        except Exception as exc:  # noqa: BLE001 - TimeoutError, OSError, CommClosedError
            waited = time.monotonic() - started
            cause = exc if str(exc) else TimeoutError(f"no answer in {waited:.0f} s")
            raise self.lost(cause) from None

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> _WatchedFuture:
        if not self.running():
            raise self.lost(ConnectionError(f"client {self.client.status}"))
        try:
            future = self.client.submit(fn, arg, pure=False)
        except Exception as exc:  # noqa: BLE001 - ClosedClientError and the like
            raise self.lost(exc) from None
        self._pending.add(future)
        return _WatchedFuture(future, self)

    def forget(self, future: Any) -> None:
        self._pending.discard(future)

    def close(self, cancel: bool = False) -> None:
        """Release the documents not taken back (with `cancel`, ask the scheduler to drop
        them) and close our client; bounded by the connect timeout."""
        pending, self._pending = list(self._pending), set()
        with _quiet_if(self._lost or not self.running()):
            try:
                if cancel and pending and not self._lost and self.running():
                    self.client.cancel(pending)
            except Exception:  # noqa: BLE001, S110 - nothing more to do for a lost scheduler
                pass
            if self._own_client:
                try:
                    self.client.close(timeout=self.timeout)
                except Exception:  # noqa: BLE001, S110
                    pass

    def terminate(self) -> None:
        """Stop now: drop every queued document (tasks already running finish on their
        workers, whose processes are not ours to end)."""
        self.close(cancel=True)

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close(cancel=exc[0] is not None)


@contextmanager
def _quiet_if(lost: bool) -> Iterator[None]:
    """Closing a client whose scheduler is gone makes `distributed` log the reconnection it
    cancels, with a traceback; the batch has already said it in one line."""
    loggers = [logging.getLogger(name) for name in _NOISY_LOGGERS] if lost else []
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _cause(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    name = type(exc).__name__
    return f"{name}: {text}" if text else name
