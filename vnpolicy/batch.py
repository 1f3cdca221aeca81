"""The batch runner: read every input, extract, write one JSON each; go on past bad files.

Documents stream through an engine (this process, a process pool or a Dask cluster; see
`vnpolicy.engines`) with a bounded number in flight, and are taken back in input order, so
the output (files, `--jsonl`, `errors.jsonl`) is the same whatever the number of workers.
A worker reads the file, runs `vnpolicy.pipeline.analyze_document`, writes the JSON
atomically and returns a small `Outcome`; this process then appends a line to the run
manifest (`vnpolicy.resume`), so a rerun skips what is done, unchanged and intact. After the
batch a near-duplicate pass (`vnpolicy.corpus.duplicates`) marks republished articles:
`document.duplicate_of` in their JSON (rewritten atomically) and `OUTDIR/duplicates.csv`.

A failed file costs one line on stderr (`path: cause`) and a row in `OUTDIR/errors.jsonl`;
everything already written stays written. A fault that no later document could escape stops
the batch instead, with one line and the summary: a full disk (`no space left on device:
OUT/2023/ct05.txt.json`), a lost Dask scheduler, Ctrl-C or SIGTERM. The workers are stopped,
nothing half-written stays behind (atomic outputs, whole manifest lines) and a rerun finishes
the job.
"""

from __future__ import annotations

import base64
import csv
import errno
import importlib
import io
import json
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from vnpolicy.corpus import ReadError, iter_input_files, read_document
from vnpolicy.engines import EngineLost, make_engine
from vnpolicy.outputs.writers import (
    JsonlWriter,
    output_path_for,
    write_json_atomic,
    write_text_atomic,
)
from vnpolicy.progress import Progress
from vnpolicy.resume import LineLog, Manifest, encode_fingerprint, file_sha256, output_seal

#: The per-document function, as `module:function` so every worker imports it itself.
DEFAULT_ANALYZER = "vnpolicy.pipeline:analyze_document"
DUPLICATES_NAME = "duplicates.csv"
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


@dataclass
class BatchSummary:
    """Counts of one run, printed as its closing line."""

    read: int = 0
    written: int = 0
    skipped: int = 0
    failed: int = 0
    unchanged: int = 0
    duplicates: int = 0
    chars: int = 0
    bytes: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    #: the signal that interrupted the run (SIGINT for Ctrl-C, SIGTERM), when `interrupted`
    signal: int = 0
    #: the one line of the fault that stopped the run (full disk, lost scheduler), if any
    fault: str = ""
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def exit_status(self) -> int:
        """128 + the signal when interrupted (130 Ctrl-C, 143 SIGTERM); 1 when a fault stopped
        the run or a file failed; else 0."""
        if self.interrupted:
            return 128 + (self.signal or signal.SIGINT)
        return 1 if self.fault or self.failed else 0

    def stop_line(self) -> str | None:
        """Why the run stopped early, in one line (printed before the summary), or None."""
        if self.interrupted:
            if self.signal in (0, signal.SIGINT):
                return "vnpolicy: interrupted (Ctrl-C)"
            return f"vnpolicy: interrupted ({signal.Signals(self.signal).name})"
        return f"vnpolicy: {self.fault}" if self.fault else None

    def line(self) -> str:
        """`vnpolicy: 12 read, 10 written, 1 skipped, 1 failed, 1 unchanged; 0.1 MB in ...`."""
        processed = self.written + self.failed
        docs_rate = processed / self.seconds if self.seconds else 0.0
        kb_rate = self.chars / 1000 / self.seconds if self.seconds else 0.0
        text = (
            f"vnpolicy: {self.read} read, {self.written} written, {self.skipped} skipped, "
            f"{self.failed} failed, {self.unchanged} unchanged, {self.duplicates} duplicates; "
            f"{self.bytes / 1e6:.1f} MB in {self.seconds:.1f} s "
            f"({docs_rate:.1f} docs/s, {kb_rate:.0f} KB/s)"
        )
        if self.interrupted and self.signal not in (0, signal.SIGINT):
            text += f"; interrupted ({signal.Signals(self.signal).name}), rerun to finish"
        elif self.interrupted:
            text += "; interrupted, rerun to finish"
        elif self.fault:
            text += "; stopped, rerun to finish"
        return text


@dataclass(frozen=True)
class Task:
    """One document for a worker: read `path`, write the JSON to `output`."""

    path: str
    output: str
    with_record: bool = False
    analyzer: str = DEFAULT_ANALYZER


@dataclass
class Outcome:
    """What a worker sends back: small, whatever the size of the document."""

    path: str
    error: str | None = None
    source: str = ""
    chars: int = 0
    record: dict | None = None
    fingerprint: bytes = b""
    output_size: int = 0
    output_sha256: str = ""
    #: a fault that stops the batch (the disk is full), as its one line
    fault: str | None = None


@lru_cache(maxsize=4)
def load_analyzer(spec: str) -> Callable[[Any], dict]:
    """`"vnpolicy.pipeline:analyze_document"` -> the function (imported once per process)."""
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def pipeline_version(spec: str = DEFAULT_ANALYZER) -> str:
    """`PIPELINE_VERSION` of the analyzer's module, as the workers see it."""
    module = importlib.import_module(spec.partition(":")[0])
    return str(getattr(module, "PIPELINE_VERSION", "unknown"))


def warm_up(spec: str = DEFAULT_ANALYZER) -> None:
    """Load underthesea, the extractors and the fingerprinter by running one short document."""
    from vnpolicy.corpus import Document
    from vnpolicy.corpus.duplicates import fingerprint

    text = "Thực hiện Chỉ thị số 05-CT/TU, ngày 07/5/2021 của Tỉnh ủy, có 9.757 đảng viên."
    load_analyzer(spec)(Document(source="<warm-up>", format="text", text=text))
    fingerprint(text)


class _WarmUp:
    """A picklable `warm_up` for one analyzer (sent to pool workers and Dask workers)."""

    def __init__(self, spec: str):
        self.spec = spec

    def __call__(self) -> None:
        warm_up(self.spec)


def process_document(task: Task) -> Outcome:
    """The per-document function every engine runs: read, analyze, write the JSON atomically.

    Never raises for a bad document: the cause comes back in `Outcome.error`.
    """
    from vnpolicy.corpus.duplicates import fingerprint, fingerprint_to_bytes

    try:
        document = read_document(Path(task.path))
        record = load_analyzer(task.analyzer)(document)
        write_json_atomic(record, Path(task.output))
        size, digest = output_seal(Path(task.output))
    except ReadError as exc:
        return Outcome(task.path, error=exc.cause)
    except OSError as exc:
        error = f"{type(exc).__name__}: {exc}"
        if exc.errno in DISK_FULL:
            return Outcome(task.path, error=error, fault=disk_full_line(exc, task.output))
        return Outcome(task.path, error=error)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
        return Outcome(task.path, error=f"{type(exc).__name__}: {exc}")
    return Outcome(
        task.path,
        source=str(record.get("source", task.path)),
        chars=len(document.text),
        record=record if task.with_record else None,
        fingerprint=fingerprint_to_bytes(fingerprint(document.text)),
        output_size=size,
        output_sha256=digest,
    )


def _common_root(paths: list[Path]) -> Path | None:
    """The folder inputs are mirrored from: the single folder given, else none (flat output)."""
    if len(paths) == 1 and paths[0].is_dir():
        return paths[0]
    return None


def _remove_stale_temp_files(outdir: Path) -> None:
    """Temporary files of atomic writes that a killed run left behind (`.x.json.ab12.tmp`)."""
    for tmp in outdir.rglob(".*.tmp"):
        if tmp.is_file():
            tmp.unlink(missing_ok=True)


@dataclass
class _Entry:
    """One input in the in-order window: submitted (`future`), unchanged, or unreadable."""

    path: Path
    key: str
    size: int
    sha256: str | None = None
    future: Any = None
    unchanged: bool = False
    error: str | None = None


class _Run:
    """The state of one batch run (kept out of `run_batch` to keep each step short)."""

    def __init__(
        self,
        outdir: Path,
        jsonl: Path | None,
        version: str,
        progress: Progress,
        summary: BatchSummary,
    ):
        self.outdir = outdir
        self.version = version
        self.progress = progress
        self.summary = summary
        self.manifest = Manifest(outdir)
        if self.manifest.warning:
            print(f"vnpolicy: {self.manifest.warning}", file=sys.stderr)
            with stop_if_disk_full(self.manifest.path):
                self.manifest.drop_bad_lines()
        self.errors_path = outdir / "errors.jsonl"
        self.errors = LineLog(self.errors_path, truncate=True)
        self.jsonl = JsonlWriter(jsonl) if jsonl else None
        self.done_keys: list[str] = []  # outputs of this run's inputs, in input order

    def record(self, row: dict) -> None:
        """One manifest line (a full disk stops the batch; the line is then not written)."""
        with stop_if_disk_full(self.manifest.path):
            self.manifest.record(row)

    def write_jsonl(self, record: dict) -> None:
        if self.jsonl is not None:
            with stop_if_disk_full(self.jsonl.path):
                self.jsonl.write(record)

    def finish(self, entry: _Entry) -> None:
        """Account for one input whose turn has come (blocks on its worker if needed)."""
        summary = self.summary
        if entry.unchanged:
            summary.unchanged += 1
            self.done_keys.append(entry.key)
            if self.jsonl:
                self.write_jsonl(json.loads((self.outdir / entry.key).read_text("utf-8")))
        else:
            if entry.error is None:
                try:
                    outcome = entry.future.result()
                except EngineLost:
                    raise
                except Exception as exc:  # noqa: BLE001 - a worker that died
                    outcome = Outcome(str(entry.path), error=f"{type(exc).__name__}: {exc}")
            else:
                outcome = Outcome(str(entry.path), error=entry.error)
            if outcome.fault:
                raise BatchStopped(outcome.fault)
            if outcome.error is None:
                self.record(
                    {
                        "output": entry.key,
                        "source": outcome.source,
                        "sha256": entry.sha256,
                        "pipeline_version": self.version,
                        "status": "ok",
                        "chars": outcome.chars,
                        "time": datetime.now(UTC).isoformat(timespec="seconds"),
                        "fingerprint": encode_fingerprint(outcome.fingerprint),
                        "output_size": outcome.output_size,
                        "output_sha256": outcome.output_sha256,
                    }
                )
                summary.written += 1
                summary.chars += outcome.chars
                self.done_keys.append(entry.key)
                if outcome.record is not None:
                    self.write_jsonl(outcome.record)
            else:
                self.fail(str(entry.path), outcome.error)
                if entry.sha256 is not None:
                    self.record(
                        {
                            "output": entry.key,
                            "source": str(entry.path),
                            "sha256": entry.sha256,
                            "pipeline_version": self.version,
                            "status": "failed",
                            "error": " ".join(outcome.error.split()),
                            "time": datetime.now(UTC).isoformat(timespec="seconds"),
                        }
                    )
        summary.read += 1
        summary.bytes += entry.size
        self.progress.advance(entry.size, entry.path.name)

    def fail(self, source: str, cause: str) -> None:
        cause = " ".join(cause.split())
        self.summary.failed += 1
        self.summary.failures.append((source, cause))
        print(f"{source}: {cause}", file=sys.stderr)
        row = {
            "source": source,
            "error": cause,
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        with stop_if_disk_full(self.errors_path):
            self.errors.append(json.dumps(row, ensure_ascii=False) + "\n")

    def close(self) -> None:
        """Close the manifest and logs; never raises (a full disk was already reported)."""
        self.manifest.close()
        self.errors.close()
        if self.jsonl:
            try:
                self.jsonl.close()
            except OSError:  # its buffer could not be flushed to a full disk
                pass
        if self.summary.failed == 0:
            self.errors_path.unlink(missing_ok=True)


class Stopped(KeyboardInterrupt):
    """Raised in the main thread when SIGINT (Ctrl-C) or SIGTERM stops the batch."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class _StopSignals:
    """While the batch runs, SIGINT and SIGTERM raise `Stopped` in the main thread (`armed`);
    the first one disarms, so cleanup runs in peace (re-arm to let a second one hurry it).

    Installed only in the main thread; the previous handlers come back on exit.
    """

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self):
        self.armed = True
        self._previous: dict[int, object] = {}

    def _handle(self, signum: int, frame: object) -> None:
        if self.armed:
            self.armed = False
            raise Stopped(signum)

    def __enter__(self) -> _StopSignals:
        if threading.current_thread() is threading.main_thread():
            for signum in self.SIGNALS:
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)


def _stop_engine(pool, summary: BatchSummary, signals: _StopSignals) -> None:
    """Ctrl-C lets the documents in progress finish (a second signal ends them at once);
    SIGTERM, a fault or an error end the workers at once."""
    if summary.interrupted and summary.signal == signal.SIGINT:
        signals.armed = True
        try:
            pool.close(cancel=True)
            return
        except KeyboardInterrupt:
            pass
        finally:
            signals.armed = False
    pool.terminate()


def run_batch(
    inputs: Iterable[str | Path],
    outdir: Path,
    jsonl: Path | None = None,
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    client: Any = None,
    force: bool = False,
    duplicates: bool = True,
    progress: bool = True,
    analyzer: str = DEFAULT_ANALYZER,
    preload: bool = True,
) -> BatchSummary:
    """Extract every supported file under `inputs` into `outdir`; returns the summary.

    `workers` > 1 runs a local process pool; with `preload` (the default) the models load
    here once, before any thread starts, and the workers are forked from this process, so
    they share its pages and start at once (without it, or where `fork` is not available,
    each worker loads them itself); `engine="dask"` runs on the cluster at `scheduler` (or
    `client`). Inputs done
    before with the same bytes and pipeline version, whose output is intact, are skipped
    unless `force`. Ctrl-C stops after the documents in progress, SIGTERM at once (its
    workers ended), with `summary.interrupted` set; a full disk or a lost scheduler stops
    the batch with `summary.fault` set. Either way one line says why, before the summary.
    """
    started = time.perf_counter()
    summary = BatchSummary()
    inputs = [Path(p) for p in inputs]
    root = _common_root(inputs)
    outdir = Path(outdir)
    files = list(iter_input_files(inputs))
    readable = sum(1 for _, reason in files if not reason)
    total_bytes = sum(_size(p) for p, reason in files if not reason)
    workers = max(1, min(workers, readable))  # no idle processes for a handful of files
    bar = Progress(len(files), total_bytes, enabled=False)
    run: _Run | None = None
    pool = None
    with _StopSignals() as signals:
        try:
            outdir.mkdir(parents=True, exist_ok=True)
            _remove_stale_temp_files(outdir)
            pool = make_engine(
                engine, workers, _WarmUp(analyzer), scheduler, client, preload=preload
            )
            version = pool.submit(pipeline_version, analyzer).result()
            # The bar (and its monitor thread) only now: pool workers fork from no thread.
            bar = Progress(len(files), total_bytes, enabled=progress)
            run = _Run(outdir, jsonl, version, bar, summary)
            _stream(files, root, run, pool, force, analyzer, with_record=jsonl is not None)
            done, pool = pool, None
            done.close()
            if duplicates:
                summary.duplicates = mark_duplicates(outdir, run.manifest, run.done_keys, jsonl)
        except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM
            signals.armed = False
            summary.interrupted = True
            summary.signal = getattr(exc, "signum", signal.SIGINT)
        except (BatchStopped, EngineLost) as exc:
            signals.armed = False
            summary.fault = str(exc)
        except OSError as exc:
            signals.armed = False
            if exc.errno not in DISK_FULL:
                raise
            summary.fault = disk_full_line(exc, outdir)
        finally:
            signals.armed = False
            if pool is not None:
                _stop_engine(pool, summary, signals)
                if engine == "local":  # its workers have ended: nothing writes any more
                    _remove_stale_temp_files(outdir)
            bar.close()
            if run is not None:
                run.close()
    summary.seconds = time.perf_counter() - started
    stop_line = summary.stop_line()
    if stop_line:
        print(stop_line, file=sys.stderr)
    return summary


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _stream(files, root, run: _Run, pool, force: bool, analyzer: str, with_record: bool) -> None:
    """Submit inputs in order, at most `pool.window` in flight, finishing them in order."""
    window: deque[_Entry] = deque()
    for path, skip_reason in files:
        if skip_reason:
            run.summary.skipped += 1
            print(f"{path}: skipped, {skip_reason}", file=sys.stderr)
            run.progress.advance(0, path.name)
            continue
        output = output_path_for(path, root, run.outdir)
        key = output.relative_to(run.outdir).as_posix()
        entry = _Entry(path, key, _size(path))
        try:
            entry.sha256 = file_sha256(path)
        except OSError as exc:
            entry.error = ReadError(path, exc.strerror or type(exc).__name__).cause
        if entry.error is None:
            state = (
                "new" if force else run.manifest.check(key, entry.sha256, run.version, run.outdir)
            )
            if state == "done":
                entry.unchanged = True
            else:
                if state == "damaged":
                    print(f"{output}: damaged output (not as written), redone", file=sys.stderr)
                task = Task(str(path), str(output), with_record, analyzer)
                try:
                    entry.future = pool.submit(process_document, task)
                except RuntimeError as exc:  # a pool that cannot take work any more
                    entry.error = f"{type(exc).__name__}: {exc}"
        window.append(entry)
        while len(window) >= max(pool.window, 1):
            run.finish(window.popleft())
    while window:
        run.finish(window.popleft())


def _read_marked(path: Path) -> dict[str, str]:
    """output -> duplicate_of in a previous `duplicates.csv` (marks that may need clearing)."""
    if not path.exists():
        return {}
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return {
                row["output"]: row["duplicate_of"]
                for row in csv.DictReader(handle)
                if row.get("output")
            }
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        print(f"vnpolicy: {path}: unreadable ({type(exc).__name__}), rewritten", file=sys.stderr)
        return {}


def mark_duplicates(
    outdir: Path, manifest: Manifest, keys: list[str], jsonl: Path | None = None
) -> int:
    """The near-duplicate pass over this run's documents (fingerprints from the manifest).

    Sets `document.duplicate_of` in each copy's JSON (and removes a mark that no longer
    holds), rewriting only the files that change (and recording their new size and hash in
    the manifest), and writes `OUTDIR/duplicates.csv` (`source,duplicate_of,similarity,
    output`). A JSON that cannot be read is left alone with one warning line (the next run
    redoes it). Returns the number of duplicates.
    """
    from vnpolicy.corpus.duplicates import FingerprintStore, find_duplicates

    with FingerprintStore(len(keys), folder=str(outdir)) as store:
        source_of = _stored_fingerprints(manifest, keys, store)
        order = [k for k in keys if k in source_of]
        found = find_duplicates(keys, store)
    wanted = {d.source: source_of[d.duplicate_of] for d in found}  # output -> canonical source
    csv_path = outdir / DUPLICATES_NAME
    previous = _read_marked(csv_path)
    current = set(keys)
    rewritten = [
        key
        for key in sorted((set(wanted) | set(previous)) & current)
        if _set_duplicate_of(outdir / key, wanted.get(key))
    ]
    _reseal(outdir, manifest, rewritten)
    if jsonl is not None and (wanted or previous):
        by_source = {source_of[k]: wanted.get(k) for k in order}
        with stop_if_disk_full(jsonl):
            _patch_jsonl(jsonl, by_source)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["source", "duplicate_of", "similarity", "output"])
    for d in found:
        writer.writerow(
            [source_of[d.source], source_of[d.duplicate_of], f"{d.similarity:.4f}", d.source]
        )
    with stop_if_disk_full(csv_path):
        write_text_atomic(csv_path, buffer.getvalue())
    return len(found)


def _stored_fingerprints(manifest: Manifest, keys: list[str], store) -> dict[str, str]:
    """Put the fingerprint of each of `keys` as last recorded `ok` in the manifest into
    `store` (at the key's position; streamed, two passes); returns output -> source."""
    from vnpolicy.corpus.duplicates import fingerprint_from_bytes
    from vnpolicy.resume import iter_manifest

    manifest.close()
    position = {key: i for i, key in enumerate(keys)}
    latest: dict[str, int] = {}  # output -> line of its last row, if `ok`
    for line, row in enumerate(iter_manifest(manifest.path)):
        if row["output"] in position:
            if row["status"] == "ok":
                latest[row["output"]] = line
            else:
                latest.pop(row["output"], None)
    source_of: dict[str, str] = {}
    for line, row in enumerate(iter_manifest(manifest.path)):
        key = row["output"]
        if latest.get(key) == line:
            source_of[key] = str(row.get("source") or key)
            data = base64.b64decode(row["fingerprint"])
            store.put(position[key], fingerprint_from_bytes(data))
    return source_of


def _set_duplicate_of(path: Path, canonical: str | None) -> bool:
    """Mark (or unmark) one JSON; True when the file was rewritten."""
    if not path.exists():
        return False
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        document = record.setdefault("document", {})
    except (OSError, ValueError, AttributeError) as exc:  # ValueError: JSON, UTF-8
        print(
            f"{path}: damaged output ({type(exc).__name__}), not marked; a rerun redoes it",
            file=sys.stderr,
        )
        return False
    if document.get("duplicate_of") == canonical:
        return False
    if canonical is None:
        document.pop("duplicate_of", None)
    else:
        document["duplicate_of"] = canonical
    with stop_if_disk_full(path):
        write_json_atomic(record, path)
    return True


def _reseal(outdir: Path, manifest: Manifest, keys: list[str]) -> None:
    """Record the new size and hash of outputs the duplicate pass rewrote (else the next run
    would take them for damaged). Killed before this, a rerun just redoes them."""
    if not keys:
        return
    rows = manifest.rows(set(keys))
    for key in keys:
        if key in rows:
            size, digest = output_seal(outdir / key)
            row = {**rows[key], "output_size": size, "output_sha256": digest}
            row["time"] = datetime.now(UTC).isoformat(timespec="seconds")
            with stop_if_disk_full(manifest.path):
                manifest.record(row)


def _patch_jsonl(path: Path, canonical_of: dict[str, str | None]) -> None:
    """Rewrite the JSON Lines file (streamed, atomically) with the duplicate marks, if any
    line changes; a line that is not JSON is copied as it is."""
    tmp = path.with_name(f".{path.name}.dup.tmp")
    changed = False
    try:
        with open(path, encoding="utf-8") as src, open(tmp, "w", encoding="utf-8") as dst:
            for line in src:
                try:
                    record = json.loads(line)
                    document = record.setdefault("document", {})
                except (ValueError, AttributeError):
                    dst.write(line)
                    continue
                want = canonical_of.get(record.get("source"))
                if document.get("duplicate_of") != want:
                    if want is None:
                        document.pop("duplicate_of", None)
                    else:
                        document["duplicate_of"] = want
                    line = json.dumps(record, ensure_ascii=False) + "\n"
                    changed = True
                dst.write(line)
        if changed:
            os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
