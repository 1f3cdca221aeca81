"""The run manifest: what a batch has done, so a rerun skips what is done and unchanged.

`OUTDIR/run-manifest.ndjson` gets one JSON line per finished document, appended and flushed
only after the document's JSON is in place (outputs are written atomically), e.g. It is not
named `*.jsonl`, so tools that read every `*.json*` of results (score.py) never take it for one.

    {"output": "2023/ct05.txt.json", "source": "docs/2023/ct05.txt", "sha256": "9f2c...",
     "pipeline_version": "0.1.0", "status": "ok", "chars": 5123, "fingerprint": "AAAB..."}

A process killed in the middle leaves at worst a torn last line, which is ignored (and a new
line always starts on a fresh line); the latest line for an output wins. A document is done
when its latest line says `ok` for the same file bytes (`sha256` of the file as stored) and the
same `PIPELINE_VERSION`, and its JSON still exists.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MANIFEST_NAME = "run-manifest.ndjson"


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    """SHA-256 of a file's bytes, read in 1 MB chunks (memory does not grow with the file)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class Done:
    """What the manifest remembers of one output (the fingerprint is read back only on demand)."""

    sha256: str
    pipeline_version: str
    status: str


def iter_manifest(path: Path) -> Iterator[dict]:
    """Every whole, parseable line of a manifest, in order; a torn or garbled line is skipped."""
    if not path.exists():
        return
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.endswith("\n"):
                return  # torn last line of a killed run
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(row, dict) and isinstance(row.get("output"), str):
                yield row


class Manifest:
    """The manifest of one output folder: `done()` to ask, `record()` to append one line."""

    def __init__(self, outdir: Path):
        self.path = Path(outdir) / MANIFEST_NAME
        self._done: dict[str, Done] = {}
        for row in iter_manifest(self.path):
            self._done[row["output"]] = Done(
                str(row.get("sha256")), str(row.get("pipeline_version")), str(row.get("status"))
            )
        self._handle = None

    def __len__(self) -> int:
        return len(self._done)

    def is_done(self, output: str, sha256: str, pipeline_version: str, outdir: Path) -> bool:
        """True when `output` was written from these exact bytes by this pipeline version."""
        done = self._done.get(output)
        return (
            done is not None
            and done.status == "ok"
            and done.sha256 == sha256
            and done.pipeline_version == pipeline_version
            and (Path(outdir) / output).exists()
        )

    def record(self, row: dict) -> None:
        """Append one line and flush it to the OS (it survives the process being killed)."""
        if self._handle is None:
            self._handle = open(self.path, "a+b")
            self._handle.seek(0, os.SEEK_END)
            if self._handle.tell():
                self._handle.seek(-1, os.SEEK_END)
                if self._handle.read(1) != b"\n":  # a torn line from a killed run
                    self._handle.write(b"\n")
        line = json.dumps(row, ensure_ascii=False) + "\n"
        self._handle.write(line.encode("utf-8"))
        self._handle.flush()
        self._done[row["output"]] = Done(row["sha256"], row["pipeline_version"], row["status"])

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def fingerprints(self, outputs: set[str]) -> dict[str, tuple[str, bytes]]:
        """output -> (source, fingerprint bytes) as last recorded, for each of `outputs`."""
        self.close()
        found: dict[str, tuple[str, bytes]] = {}
        for row in iter_manifest(self.path):
            if row["output"] in outputs:
                if row.get("status") == "ok" and row.get("fingerprint") is not None:
                    source = str(row.get("source") or row["output"])
                    found[row["output"]] = (source, base64.b64decode(row["fingerprint"]))
                else:
                    found.pop(row["output"], None)
        return found


def encode_fingerprint(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
