"""The batch runner at scale: a process pool gives the same output as one worker, work in
flight stays bounded, progress is reported, and Ctrl-C stops cleanly with a summary."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLES
from vnpolicy.batch import BatchSummary, process_document, run_batch
from vnpolicy.cli import main
from vnpolicy.engines.local import InProcessEngine, ProcessPoolEngine
from vnpolicy.progress import Progress
from vnpolicy.resume import MANIFEST_NAME


def _corpus(tmp_path: Path) -> Path:
    """The shipped samples plus a sub-folder and a file that fails (a small, mixed corpus)."""
    docs = tmp_path / "docs"
    shutil.copytree(SAMPLES, docs)
    (docs / "2023").mkdir()
    shutil.copy(SAMPLES / "seed-quangtri.txt", docs / "2023" / "seed-copy.txt")
    (docs / "empty.txt").write_text("", encoding="utf-8")
    return docs


def _tree(out: Path) -> dict[str, bytes]:
    """Every output file's bytes, minus the manifest (its lines carry times)."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != MANIFEST_NAME
    }


def test_two_workers_write_the_same_files_and_bytes_as_one(tmp_path: Path) -> None:
    docs = _corpus(tmp_path)
    one = run_batch([docs], tmp_path / "one", jsonl=tmp_path / "one" / "all.jsonl", workers=1)
    two = run_batch([docs], tmp_path / "two", jsonl=tmp_path / "two" / "all.jsonl", workers=2)
    assert (one.read, one.written, one.failed) == (two.read, two.written, two.failed) == (7, 6, 1)
    first, second = _tree(tmp_path / "one"), _tree(tmp_path / "two")
    assert "2023/seed-copy.txt.json" in first and "errors.jsonl" in first
    assert first.keys() == second.keys()
    for name in first:
        if name != "errors.jsonl":  # its rows carry times
            assert first[name] == second[name], name
    sources = [json.loads(x)["source"] for x in (tmp_path / "two" / "all.jsonl").open()]
    assert sources == sorted(sources, key=lambda s: Path(s).relative_to(docs).parts)


class _LazyEngine(InProcessEngine):
    """Runs a document only when its result is asked for, counting documents in flight."""

    window = 3

    def __init__(self):
        self.in_flight = self.most_in_flight = 0

    def submit(self, fn, arg):
        engine = self
        engine.in_flight += 1
        engine.most_in_flight = max(engine.most_in_flight, engine.in_flight)

        class Lazy:
            def result(self):
                engine.in_flight -= 1
                return fn(arg)

        return Lazy()


def test_documents_in_flight_never_exceed_the_window(tmp_path: Path, monkeypatch) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    text = (SAMPLES / "quyet-dinh-1234-qd-ubnd.txt").read_text(encoding="utf-8")
    for i in range(12):
        (docs / f"qd-{i:02d}.txt").write_text(text + f"\nBản {i}.", encoding="utf-8")
    engine = _LazyEngine()
    monkeypatch.setattr("vnpolicy.batch.make_engine", lambda *a, **k: engine)
    summary = run_batch([docs], tmp_path / "out", workers=2, duplicates=False)
    assert summary.written == 12
    assert engine.most_in_flight <= 3


def test_a_worker_reports_a_bad_file_instead_of_raising(tmp_path: Path) -> None:
    from vnpolicy.batch import Task

    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    outcome = process_document(Task(str(empty), str(tmp_path / "empty.txt.json")))
    assert outcome.error and "empty" in outcome.error
    assert not (tmp_path / "empty.txt.json").exists()
    good = process_document(Task(str(SAMPLES / "seed-quangtri.txt"), str(tmp_path / "s.json")))
    assert good.error is None and good.chars > 1000 and len(good.fingerprint) > 400
    assert json.loads((tmp_path / "s.json").read_text("utf-8"))["references"]


def _die(_: object) -> None:
    os._exit(1)  # a worker killed by a crash in a native library, or by the OOM killer


def test_a_pool_whose_worker_dies_is_replaced_and_goes_on() -> None:
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolEngine(2) as engine:
        with pytest.raises(BrokenProcessPool):
            engine.submit(_die, None).result()
        assert engine.submit(len, "Tỉnh ủy").result() == 7


def test_progress_in_a_log_is_plain_lines_with_rate_and_eta() -> None:
    stream = io.StringIO()
    progress = Progress(total_docs=5, total_bytes=5_000_000, stream=stream, every_docs=2)
    for _ in range(5):
        progress.advance(1_000_000, "ct05.txt")
    progress.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2  # after documents 2 and 4
    assert lines[0].startswith("vnpolicy: 2/5 docs, 2.0/5.0 MB, ")
    assert "docs/s" in lines[0] and "KB/s" in lines[0] and "ETA" in lines[0]
    assert "\r" not in stream.getvalue()  # no bar when not on a terminal


def test_closing_summary_names_every_count() -> None:
    summary = BatchSummary(
        read=9,
        written=5,
        skipped=1,
        failed=1,
        unchanged=3,
        duplicates=1,
        chars=50_000,
        bytes=2_500_000,
        seconds=2.0,
    )
    assert summary.line() == (
        "vnpolicy: 9 read, 5 written, 1 skipped, 1 failed, 3 unchanged, 1 duplicates; "
        "2.5 MB (0.05 M characters of text) in 2.0 s (3.0 docs/s, 1250 KB/s)"
    )


def test_cli_workers_option(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(SAMPLES), "-o", str(out), "--workers", "2", "-q"]) == 0
    assert "5 read, 5 written, 0 skipped, 0 failed" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["extract", str(SAMPLES), "-o", str(out), "--workers", "0"])


def test_ctrl_c_stops_cleanly_with_a_summary_and_status_130(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    text = (SAMPLES / "seed-quangtri.txt").read_text(encoding="utf-8")
    for i in range(60):
        (docs / f"bai-{i:02d}.txt").write_text(f"Bài {i}.\n" + text, encoding="utf-8")
    out = tmp_path / "out"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    cmd = [sys.executable, "-m", "vnpolicy", "extract", str(docs), "-o", str(out), "--workers", "1"]
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    manifest = out / MANIFEST_NAME
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if manifest.exists() and manifest.read_text("utf-8").count("\n") >= 2:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted, rerun to finish" in err and "Traceback" not in err
    written = int(err.split(" written")[0].rsplit(" ", 1)[-1])
    assert 2 <= written < 60
    for path in out.glob("*.json"):
        json.loads(path.read_text("utf-8"))  # nothing half-written
