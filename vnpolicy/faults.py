"""Faults that stop a whole batch rather than fail one document: a full disk, first of all."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: errno values of a full file system: the batch stops (a rerun after space is freed
#: finishes it) rather than failing every document left.
DISK_FULL = frozenset(
    code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if code is not None
)


class BatchStopped(Exception):
    """A fault that stops the whole batch; `str()` is its one line, e.g.
    `no space left on device: out/2023/ct05.txt.json`."""


def disk_full_line(exc: OSError, path: str | Path) -> str:
    """`no space left on device: OUT/ct05.txt.json` (the file named by the error, else `path`)."""
    cause = os.strerror(exc.errno or errno.ENOSPC)
    return f"{cause[:1].lower()}{cause[1:]}: {exc.filename or path}"


@contextmanager
def stop_if_disk_full(path: str | Path) -> Iterator[None]:
    """Turn a full disk while writing `path` into `BatchStopped`; other errors pass."""
    try:
        yield
    except OSError as exc:
        if exc.errno in DISK_FULL:
            raise BatchStopped(disk_full_line(exc, path)) from None
        raise
