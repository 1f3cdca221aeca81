"""The batch runner: read every input, extract, write one JSON each; go on past bad files.

Documents stream through an engine (this process, a process pool or a Dask cluster; see
`vnpolicy.engines`) with a bounded number in flight, and are taken back in input order, so
the output (files, `--jsonl`, `errors.jsonl`) is the same whatever the number of workers.
The manifest is read first and the engine (and with it the models) started only when an
input is to be done, so a rerun with nothing to do loads no model.
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

import hashlib
import importlib
import itertools
import json
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from vnpolicy.corpus import ReadError, iter_input_files, read_document
from vnpolicy.duplicate_pass import duplicate_pass
from vnpolicy.engines import EngineLost, make_engine
from vnpolicy.faults import DISK_FULL, BatchStopped, disk_full_line, stop_if_disk_full
from vnpolicy.outputs.writers import (
    JsonlWriter,
    output_path_for,
    write_json_atomic,
)
from vnpolicy.progress import Progress
from vnpolicy.resume import LineLog, Manifest, encode_fingerprint, file_sha256, output_seal

#: The per-document function, as `module:function` so every worker imports it itself.
DEFAULT_ANALYZER = "vnpolicy.pipeline:analyze_document"


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
        """`vnpolicy: 12 read, 10 written, 1 skipped, 1 failed, 1 unchanged; 0.1 MB (0.05 M
        characters of text) in ...`: MB and KB/s of the files read, as the progress bar."""
        processed = self.written + self.failed
        docs_rate = processed / self.seconds if self.seconds else 0.0
        kb_rate = self.bytes / 1000 / self.seconds if self.seconds else 0.0  # of files, as MB
        text = (
            f"vnpolicy: {self.read} read, {self.written} written, {self.skipped} skipped, "
            f"{self.failed} failed, {self.unchanged} unchanged, {self.duplicates} duplicates; "
            f"{self.bytes / 1e6:.1f} MB ({self.chars / 1e6:.2f} M characters of text) in "
            f"{self.seconds:.1f} s ({docs_rate:.1f} docs/s, {kb_rate:.0f} KB/s)"
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
    """`PIPELINE_VERSION` of the analyzer's module, as the workers see it (for the default
    analyzer read without loading it: a rerun with nothing to do loads no model)."""
    module_name = spec.partition(":")[0]
    if spec == DEFAULT_ANALYZER and module_name not in sys.modules:
        from vnpolicy import PIPELINE_VERSION

        return PIPELINE_VERSION
    module = importlib.import_module(module_name)
    return str(getattr(module, "PIPELINE_VERSION", "unknown"))


#: Exercises the pipeline's main paths once, so their regular expressions are compiled (and
#: cached on disk) before the first real document.
WARM_UP_TEXT = (
    "Thực hiện Chỉ thị số 05-CT/TU, ngày 07/5/2021 của Ban Thường vụ Tỉnh ủy Quảng Trị và "
    "Nghị quyết Trung ương 4 khóa XII, Huyện ủy Hải Lăng có 9.757 đảng viên, tăng 12,5% so với "
    "năm 2020; UBND tỉnh, Sở Nội vụ và Bộ Tài chính đạt 3.250,5 tỷ đồng."
)


_warmed: set[str] = set()  # analyzers warmed up in this process (or before it was forked)


def warm_up(spec: str = DEFAULT_ANALYZER) -> None:
    """Load underthesea, the extractors and the fingerprinter by running one short document.
    Once per process: a worker forked from a warmed-up process has nothing left to load."""
    if spec in _warmed:
        return
    from vnpolicy.corpus import Document
    from vnpolicy.corpus.duplicates import fingerprint

    analyze = load_analyzer(spec)
    analyze(Document(source="<warm-up>", format="text", text=WARM_UP_TEXT))
    fingerprint(WARM_UP_TEXT)
    _warmed.add(spec)


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
    #: against the manifest: `done`, `new`, `missing`, `damaged`, `unreadable`; None: skipped
    state: str | None = "new"


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
        self.done_digest = hashlib.sha256(version.encode())  # ... with their input hashes

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
            self.done(entry)
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
                self.done(entry)
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

    def done(self, entry: _Entry) -> None:
        self.done_keys.append(entry.key)
        self.done_digest.update(f"{entry.key}\0{entry.sha256}\n".encode())

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
            if engine != "local":  # the version as the cluster's workers see it
                pool = make_engine(engine, workers, _WarmUp(analyzer), scheduler, client)
                version = pool.submit(pipeline_version, analyzer).result()
            else:
                version = pipeline_version(analyzer)
            run = _Run(outdir, jsonl, version, bar, summary)
            # The manifest first: the models load (and workers start) only if a document is
            # to be done, so a rerun with nothing to do takes a moment.
            entries = _entries(files, root, run, force)
            scanned = _scan_until_work(entries)
            if pool is None and scanned and _needs_worker(scanned[-1]):
                pool = make_engine(
                    engine, workers, _WarmUp(analyzer), scheduler, client, preload=preload
                )
                if pool.workers == 1 and analyzer == DEFAULT_ANALYZER:
                    warm_up(analyzer)  # in this process, with the cached regexes as a pool
            # The bar (and its monitor thread) only now: pool workers fork from no thread.
            run.progress = bar = Progress(len(files), total_bytes, enabled=progress)
            _stream(itertools.chain(scanned, entries), run, pool, analyzer, jsonl is not None)
            if pool is not None:
                done, pool = pool, None
                done.close()
            if duplicates:
                summary.duplicates = duplicate_pass(
                    outdir,
                    run.manifest,
                    run.done_keys,
                    run.done_digest.hexdigest(),
                    summary.written,
                    jsonl,
                )
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


def _entries(files, root, run: _Run, force: bool) -> Iterator[_Entry]:
    """Each input with its state against the manifest (`state`: None for a skipped file)."""
    for path, skip_reason in files:
        if skip_reason:
            yield _Entry(path, "", 0, error=skip_reason, state=None)
            continue
        output = output_path_for(path, root, run.outdir)
        key = output.relative_to(run.outdir).as_posix()
        entry = _Entry(path, key, _size(path))
        try:
            entry.sha256 = file_sha256(path)
        except OSError as exc:
            entry.error = ReadError(path, exc.strerror or type(exc).__name__).cause
            entry.state = "unreadable"
        if entry.error is None:
            entry.state = (
                "new" if force else run.manifest.check(key, entry.sha256, run.version, run.outdir)
            )
            entry.unchanged = entry.state == "done"
        yield entry


def _needs_worker(entry: _Entry) -> bool:
    return entry.state not in ("done", None, "unreadable")


def _scan_until_work(entries: Iterator[_Entry]) -> list[_Entry]:
    """The entries up to and including the first one a worker must do (all if none is)."""
    scanned = []
    for entry in entries:
        scanned.append(entry)
        if _needs_worker(entry):
            break
    return scanned


def _stream(entries: Iterable[_Entry], run: _Run, pool, analyzer: str, with_record: bool) -> None:
    """Submit inputs in order, at most `pool.window` in flight, finishing them in order."""
    window: deque[_Entry] = deque()
    for entry in entries:
        if entry.state is None:  # not a file vnpolicy reads
            run.summary.skipped += 1
            print(f"{entry.path}: skipped, {entry.error}", file=sys.stderr)
            run.progress.advance(0, entry.path.name)
            continue
        if entry.error is None and not entry.unchanged:
            output = run.outdir / entry.key
            if entry.state == "damaged":
                print(f"{output}: damaged output (not as written), redone", file=sys.stderr)
            task = Task(str(entry.path), str(output), with_record, analyzer)
            try:
                entry.future = pool.submit(process_document, task)
            except RuntimeError as exc:  # a pool that cannot take work any more
                entry.error = f"{type(exc).__name__}: {exc}"
        window.append(entry)
        while len(window) >= max(getattr(pool, "window", 1), 1):
            run.finish(window.popleft())
    while window:
        run.finish(window.popleft())
