"""The run manifest: what a batch has done, so a rerun skips what is done, unchanged and intact.

`OUTDIR/run-manifest.ndjson` gets one JSON line per finished document, appended only after the
document's JSON is in place (outputs are written atomically). It is not named `*.jsonl`, so
tools that read every `*.json*` of results (score.py) never take it for one.

    {"output": "2023/ct05.txt.json", "source": "docs/2023/ct05.txt", "sha256": "9f2c...",
     "pipeline_version": "0.1.0", "status": "ok", "chars": 5123, "fingerprint": "AAAB...",
     "output_size": 18342, "output_sha256": "4be1..."}

A document is done when its latest line says `ok` for the same input bytes (`sha256`) and the
same `PIPELINE_VERSION`, and its JSON is still there with the recorded size and SHA-256: a
truncated, emptied or edited output is redone. A line is appended whole or not at all (a full
disk truncates the attempt away); a process killed in the middle leaves at worst a torn last
line, which is ignored, and the next line starts on a fresh line. A garbled line (not JSON, a
bad fingerprint, a missing key) is ignored: `Manifest.warning` says so in one line, and
`drop_bad_lines` takes it out so that it is said once.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MANIFEST_NAME = "run-manifest.ndjson"
_HEX = frozenset("0123456789abcdef")


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    """SHA-256 of a file's bytes, read in 1 MB chunks (memory does not grow with the file)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def output_seal(path: Path) -> tuple[int, str]:
    """(size, SHA-256) of an output as it is on disk, recorded so a rerun can verify it."""
    return path.stat().st_size, file_sha256(path)


@dataclass(frozen=True)
class Done:
    """What the manifest remembers of one output (the fingerprint is read back only on demand)."""

    sha256: str
    pipeline_version: str
    status: str
    output_size: int = -1
    output_sha256: str = ""


def _is_sha256(value: object) -> bool:
    return isinstance(value, str) and len(value) == 64 and set(value) <= _HEX


def row_problem(row: object) -> str | None:
    """Why a parsed manifest line cannot be trusted, or None when it can.

    >>> row_problem({"output": "ct05.txt.json", "status": "ok"})
    'missing sha256'
    """
    if not isinstance(row, dict):
        return "not a JSON object"
    for key in ("output", "sha256", "pipeline_version", "status"):
        if not isinstance(row.get(key), str) or not row[key]:
            return f"missing {key}"
    if row["status"] != "ok":
        return None
    size = row.get("output_size")
    if "output_size" not in row and "output_sha256" not in row:
        return "no output hash (written by an older vnpolicy)"
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        return "bad output_size"
    if not _is_sha256(row.get("output_sha256")):
        return "bad output_sha256"
    try:
        data = base64.b64decode(row.get("fingerprint"), validate=True)
    except (binascii.Error, TypeError, ValueError):
        return "bad fingerprint"
    if len(data) % 4:
        return "bad fingerprint"
    return None


def iter_manifest(path: Path, problems: list[tuple[int, str]] | None = None) -> Iterator[dict]:
    """Every whole, trustworthy line of a manifest, in order.

    A torn last line (a killed run) is skipped silently; any other bad line is skipped and,
    when `problems` is given, noted there as (line number, reason).
    """
    if not path.exists():
        return
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if not line.endswith("\n"):
                return  # torn last line of a killed run
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:
                problem = "not JSON"
            else:
                problem = row_problem(row)
            if problem is None:
                yield row
            elif problems is not None:
                problems.append((number, problem))


class LineLog:
    """An append-only file of lines, each appended whole or not at all.

    A line goes out in one unbuffered write (looped over short writes); if a write fails (a
    full disk), the file is truncated back to where the line began, so no half line stays
    behind and nothing is left in a buffer to fail again at close.
    """

    def __init__(self, path: Path, truncate: bool = False):
        self.path = Path(path)
        flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | (os.O_TRUNC if truncate else 0)
        self._fd: int | None = os.open(self.path, flags, 0o666)
        end = os.lseek(self._fd, 0, os.SEEK_END)
        # a torn line from a killed run: the next line starts on a fresh one
        self._pending = b"\n" if end and os.pread(self._fd, 1, end - 1) != b"\n" else b""

    def append(self, line: str) -> None:
        if self._fd is None:
            raise ValueError(f"{self.path} is closed")
        data = self._pending + line.encode("utf-8")
        start = os.lseek(self._fd, 0, os.SEEK_END)
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self._fd, view) :]
        except BaseException:
            try:
                os.ftruncate(self._fd, start)
            except OSError:
                pass
            raise
        self._pending = b""

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class Manifest:
    """The manifest of one output folder: `is_done()` to ask, `record()` to append one line."""

    def __init__(self, outdir: Path):
        self.path = Path(outdir) / MANIFEST_NAME
        self._done: dict[str, Done] = {}
        self.problems: list[tuple[int, str]] = []
        for row in iter_manifest(self.path, self.problems):
            self._done[row["output"]] = _done_of(row)
        self._log: LineLog | None = None

    def __len__(self) -> int:
        return len(self._done)

    @property
    def warning(self) -> str | None:
        """One line about the lines ignored, e.g. `OUT/run-manifest.ndjson: 2 bad lines
        ignored (line 7: not JSON); their documents are redone`, or None."""
        if not self.problems:
            return None
        number, reason = self.problems[0]
        count = len(self.problems)
        lines = "line" if count == 1 else "lines"
        return (
            f"{self.path}: {count} bad {lines} ignored (line {number}: {reason}); "
            "their documents are redone"
        )

    def drop_bad_lines(self) -> None:
        """Rewrite the manifest with its trustworthy lines only (streamed, then renamed over
        it), so that a bad line is reported once, not on every run."""
        self.close()
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            with open(tmp, "w", encoding="utf-8") as handle:
                for row in iter_manifest(self.path):
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            os.replace(tmp, self.path)
        finally:
            tmp.unlink(missing_ok=True)
        self.problems = []

    def check(self, output: str, sha256: str, pipeline_version: str, outdir: Path) -> str:
        """`done`, `new` (never done, or from other bytes or another pipeline version),
        `missing` (its JSON is gone) or `damaged` (its JSON is not what was written)."""
        done = self._done.get(output)
        if (
            done is None
            or done.status != "ok"
            or done.sha256 != sha256
            or done.pipeline_version != pipeline_version
        ):
            return "new"
        path = Path(outdir) / output
        try:
            size = path.stat().st_size
            if size != done.output_size or file_sha256(path) != done.output_sha256:
                return "damaged"
        except FileNotFoundError:
            return "missing"
        except OSError:
            return "damaged"
        return "done"

    def is_done(self, output: str, sha256: str, pipeline_version: str, outdir: Path) -> bool:
        """True when `output` was written from these exact bytes by this pipeline version and
        is still intact."""
        return self.check(output, sha256, pipeline_version, outdir) == "done"

    def record(self, row: dict) -> None:
        """Append one line, whole or not at all (it survives the process being killed)."""
        if self._log is None:
            self._log = LineLog(self.path)
        self._log.append(json.dumps(row, ensure_ascii=False) + "\n")
        self._done[row["output"]] = _done_of(row)

    def close(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def rows(self, outputs: set[str]) -> dict[str, dict]:
        """output -> its latest line, for each of `outputs` whose latest line says `ok`."""
        self.close()
        found: dict[str, dict] = {}
        for row in iter_manifest(self.path):
            if row["output"] in outputs:
                if row["status"] == "ok":
                    found[row["output"]] = row
                else:
                    found.pop(row["output"], None)
        return found

    def fingerprints(self, outputs: set[str]) -> dict[str, tuple[str, bytes]]:
        """output -> (source, fingerprint bytes) as last recorded, for each of `outputs`."""
        self.close()
        found: dict[str, tuple[str, bytes]] = {}
        for row in iter_manifest(self.path):
            if row["output"] in outputs:
                if row["status"] == "ok":
                    source = str(row.get("source") or row["output"])
                    found[row["output"]] = (source, base64.b64decode(row["fingerprint"]))
                else:
                    found.pop(row["output"], None)
        return found


def _done_of(row: dict) -> Done:
    return Done(
        row["sha256"],
        row["pipeline_version"],
        row["status"],
        row.get("output_size", -1),
        row.get("output_sha256", ""),
    )


def encode_fingerprint(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
