"""The batch runner: read every input, extract, write one JSON each; go on past bad files.

Documents stream through an engine (this process, a process pool or a Dask cluster; see
`vnpolicy.engines`) with a bounded number in flight, and are taken back in input order, so
the output (files, `--jsonl`, `errors.jsonl`) is the same whatever the number of workers.
A worker reads the file, runs `vnpolicy.pipeline.analyze_document`, writes the JSON
atomically and returns a small `Outcome`; this process then appends a line to the run
manifest (`vnpolicy.resume`), so a rerun skips what is done and unchanged. After the batch a
near-duplicate pass (`vnpolicy.corpus.duplicates`) marks republished articles: `document.duplicate_of`
in their JSON (rewritten atomically) and `OUTDIR/duplicates.csv`.

A failed file costs one line on stderr (`path: cause`) and a row in `OUTDIR/errors.jsonl`;
everything already written stays written.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from vnpolicy.corpus import ReadError, iter_input_files, read_document
from vnpolicy.outputs.writers import JsonlWriter, output_path_for, write_json_atomic, write_text_atomic
from vnpolicy.engines import make_engine
from vnpolicy.progress import Progress
from vnpolicy.resume import Manifest, encode_fingerprint, file_sha256

#: The per-document function, as `module:function` so every worker imports it itself.
DEFAULT_ANALYZER = "vnpolicy.pipeline:analyze_document"
DUPLICATES_NAME = "duplicates.csv"


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
    failures: list[tuple[str, str]] = field(default_factory=list)

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
        if self.interrupted:
            text += "; interrupted, rerun to finish"
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
    except ReadError as exc:
        return Outcome(task.path, error=exc.cause)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
        return Outcome(task.path, error=f"{type(exc).__name__}: {exc}")
    return Outcome(
        task.path,
        source=str(record.get("source", task.path)),
        chars=len(document.text),
        record=record if task.with_record else None,
        fingerprint=fingerprint_to_bytes(fingerprint(document.text)),
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

    def __init__(self, outdir: Path, jsonl: Path | None, version: str, progress: Progress):
        self.outdir = outdir
        self.version = version
        self.progress = progress
        self.summary = BatchSummary()
        self.manifest = Manifest(outdir)
        self.errors_path = outdir / "errors.jsonl"
        self.errors = self.errors_path.open("w", encoding="utf-8")
        self.jsonl = JsonlWriter(jsonl) if jsonl else None
        self.done_keys: list[str] = []  # outputs of this run's inputs, in input order

    def finish(self, entry: _Entry) -> None:
        """Account for one input whose turn has come (blocks on its worker if needed)."""
        summary = self.summary
        if entry.unchanged:
            summary.unchanged += 1
            self.done_keys.append(entry.key)
            if self.jsonl:
                record = json.loads((self.outdir / entry.key).read_text(encoding="utf-8"))
                self.jsonl.write(record)
        else:
            if entry.error is None:
                try:
                    outcome = entry.future.result()
                except Exception as exc:  # noqa: BLE001 - a worker that died
                    outcome = Outcome(str(entry.path), error=f"{type(exc).__name__}: {exc}")
            else:
                outcome = Outcome(str(entry.path), error=entry.error)
            if outcome.error is None:
                self.manifest.record(
                    {
                        "output": entry.key,
                        "source": outcome.source,
                        "sha256": entry.sha256,
                        "pipeline_version": self.version,
                        "status": "ok",
                        "chars": outcome.chars,
                        "time": datetime.now(UTC).isoformat(timespec="seconds"),
                        "fingerprint": encode_fingerprint(outcome.fingerprint),
                    }
                )
                summary.written += 1
                summary.chars += outcome.chars
                self.done_keys.append(entry.key)
                if self.jsonl and outcome.record is not None:
                    self.jsonl.write(outcome.record)
            else:
                self.fail(str(entry.path), outcome.error)
                if entry.sha256 is not None:
                    self.manifest.record(
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
        self.errors.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.errors.flush()

    def close(self) -> None:
        self.manifest.close()
        self.errors.close()
        if self.jsonl:
            self.jsonl.close()
        if self.summary.failed == 0:
            self.errors_path.unlink(missing_ok=True)


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
    preload: bool = False,
) -> BatchSummary:
    """Extract every supported file under `inputs` into `outdir`; returns the summary.

    `workers` > 1 runs a local process pool whose workers load the models themselves (with
    `preload`, they load here once and forked workers share their pages: faster start and
    less memory really used, but forking a process that has loaded native libraries is less
    safe); `engine="dask"` runs on the cluster at `scheduler` (or `client`). Inputs done
    before with the same bytes and pipeline version are skipped unless `force`. Ctrl-C stops
    after the documents in progress, with `summary.interrupted` set.
    """
    started = time.perf_counter()
    inputs = [Path(p) for p in inputs]
    root = _common_root(inputs)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    _remove_stale_temp_files(outdir)
    files = list(iter_input_files(inputs))
    readable = sum(1 for _, reason in files if not reason)
    total_bytes = sum(_size(p) for p, reason in files if not reason)
    workers = max(1, min(workers, readable))  # no idle processes for a handful of files
    bar = Progress(len(files), total_bytes, enabled=False)
    run: _Run | None = None
    try:
        warm = _WarmUp(analyzer)
        with make_engine(engine, workers, warm, scheduler, client, preload=preload) as pool:
            version = pool.submit(pipeline_version, analyzer).result()
            # The bar (and its monitor thread) only now: pool workers fork from no thread.
            bar = Progress(len(files), total_bytes, enabled=progress)
            run = _Run(outdir, jsonl, version, bar)
            try:
                _stream(files, root, run, pool, force, analyzer, with_record=jsonl is not None)
            except KeyboardInterrupt:
                run.summary.interrupted = True
                pool.close(cancel=True)
        if duplicates and not run.summary.interrupted:
            run.summary.duplicates = mark_duplicates(outdir, run.manifest, run.done_keys, jsonl)
    except KeyboardInterrupt:
        if run is None:
            raise
        run.summary.interrupted = True
    finally:
        bar.close()
        if run is not None:
            run.close()
    run.summary.seconds = time.perf_counter() - started
    return run.summary


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
            if not force and run.manifest.is_done(key, entry.sha256, run.version, run.outdir):
                entry.unchanged = True
            else:
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
    with open(path, encoding="utf-8", newline="") as handle:
        return {
            row["output"]: row["duplicate_of"]
            for row in csv.DictReader(handle)
            if row.get("output")
        }


def mark_duplicates(
    outdir: Path, manifest: Manifest, keys: list[str], jsonl: Path | None = None
) -> int:
    """The near-duplicate pass over this run's documents (fingerprints from the manifest).

    Sets `document.duplicate_of` in each copy's JSON (and removes a mark that no longer
    holds), rewriting only the files that change, and writes `OUTDIR/duplicates.csv`
    (`source,duplicate_of,similarity,output`). Returns the number of duplicates.
    """
    from vnpolicy.corpus.duplicates import find_duplicates, fingerprint_from_bytes

    stored = manifest.fingerprints(set(keys))
    order = [k for k in keys if k in stored]
    found = find_duplicates(order, [fingerprint_from_bytes(stored[k][1]) for k in order])
    source_of = {k: stored[k][0] for k in order}
    wanted = {d.source: source_of[d.duplicate_of] for d in found}  # output -> canonical source
    csv_path = outdir / DUPLICATES_NAME
    previous = _read_marked(csv_path)
    current = set(keys)
    for key in sorted((set(wanted) | set(previous)) & current):
        _set_duplicate_of(outdir / key, wanted.get(key))
    if jsonl is not None and (wanted or previous):
        by_source = {source_of[k]: wanted.get(k) for k in order}
        _patch_jsonl(jsonl, by_source)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["source", "duplicate_of", "similarity", "output"])
    for d in found:
        writer.writerow(
            [source_of[d.source], source_of[d.duplicate_of], f"{d.similarity:.4f}", d.source]
        )
    write_text_atomic(csv_path, buffer.getvalue())
    return len(found)


def _set_duplicate_of(path: Path, canonical: str | None) -> None:
    if not path.exists():
        return
    record = json.loads(path.read_text(encoding="utf-8"))
    document = record.setdefault("document", {})
    if document.get("duplicate_of") == canonical:
        return
    if canonical is None:
        document.pop("duplicate_of", None)
    else:
        document["duplicate_of"] = canonical
    write_json_atomic(record, path)


def _patch_jsonl(path: Path, canonical_of: dict[str, str | None]) -> None:
    """Rewrite the JSON Lines file (streamed, atomically) with the duplicate marks, if any
    line changes."""
    tmp = path.with_name(f".{path.name}.dup.tmp")
    changed = False
    with open(path, encoding="utf-8") as src, open(tmp, "w", encoding="utf-8") as dst:
        for line in src:
            record = json.loads(line)
            want = canonical_of.get(record.get("source"))
            document = record.setdefault("document", {})
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
    else:
        tmp.unlink()
