"""Writers for results: one `.json` per document (atomic) and JSON Lines (one line per document).

Writes are atomic: a result is written to a temporary file in the target folder, flushed to
disk and renamed over the final name, so a crash never leaves half-written JSON behind.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import IO


def dumps(record: dict) -> str:
    """The JSON text of a result: UTF-8 Vietnamese as is, not \\u-escaped."""
    return json.dumps(record, ensure_ascii=False, indent=2)


def write_text_atomic(path: Path, text: str) -> Path:
    """Write `text` to `path` so readers see either the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
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


def write_json_atomic(record: dict, path: Path) -> Path:
    """Write one document's result to `path` atomically."""
    return write_text_atomic(path, dumps(record) + "\n")


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
