"""Writers for results: one `.json` per document (atomic) and JSON Lines (one line per document).

Writes are atomic: a result is written to a temporary file in the target folder and renamed
over the final name, so a killed process never leaves half-written JSON behind: readers see the
old file or the whole new one. The data is not fsynced per file by default (that cost about as
much as writing the JSON itself: ~2 ms a document): like the run manifest, which is only flushed
to the OS, a result survives the process being killed but may be lost to a power cut, after
which `vnpolicy extract` redoes the documents whose JSON is missing. `durable=True` fsyncs.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import IO


def dumps(record: dict) -> str:
    """The JSON text of a result: UTF-8 Vietnamese as is, not \\u-escaped."""
    return json.dumps(record, ensure_ascii=False, indent=2)


def _create_temp_beside(path: Path) -> tuple[int, Path]:
    """A new empty file `.seed.txt.json.<random>.tmp` beside `path`, opened for writing.

    Created with mode 0o666 less the umask, as `open(path, "w")` would (`tempfile.mkstemp`
    makes 0o600, which colleagues, a web server or Dask workers on NFS cannot read); the
    kernel applies the umask, so no thread changes it to read it.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"{path.parent}: no free temporary name for {path.name}")


def write_text_atomic(path: Path, text: str, durable: bool = False) -> Path:
    """Write `text` to `path` so readers see either the old file or the whole new one.

    `durable` also fsyncs the data before the rename (survives a power cut, ~2 ms a file).
    The file gets the usual permissions: 0o666 less the umask (0o644 with umask 022).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _create_temp_beside(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def output_path_for(source: Path, root: Path | None, outdir: Path) -> Path:
    """Where the JSON of `source` goes: its path below `root` mirrored in `outdir`, plus `.json`.

    `docs/2023/seed.txt` under root `docs` -> `OUT/2023/seed.txt.json`; the input's own
    suffix stays in the name so `x.txt` and `x.pdf` never overwrite each other.
    """
    try:
        relative = source.resolve().relative_to(root.resolve()) if root else Path(source.name)
    except ValueError:
        relative = Path(source.name)
    return outdir / relative.parent / (relative.name + ".json")


def write_json_atomic(record: dict, path: Path, durable: bool = False) -> Path:
    """Write one document's result to `path` atomically (see `write_text_atomic`)."""
    return write_text_atomic(path, dumps(record) + "\n", durable)


class JsonlWriter:
    """Append results to a JSON Lines file, one document per line, each line flushed whole."""

    def __init__(self, path: Path, mode: str = "w"):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._handle: IO[str] = self.path.open(mode, encoding="utf-8")

    def write(self, record: dict) -> None:
        self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._handle.flush()

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
