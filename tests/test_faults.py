"""Faults lose nothing and say one line: a full disk (while writing outputs or the manifest),
SIGTERM, a dead parent and a lost Dask scheduler each stop the batch with one clear line and
the summary, leave no worker running and nothing half-written, and a rerun finishes the job
with every output identical to a clean run.

The documents are quick (`tests.fault_support.analyze_briefly`, no models): what is tested is
the batch runner, and every wait below is bounded.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.fault_support import ANALYZER, REPO, make_docs, tree
from vnpolicy.batch import run_batch
from vnpolicy.cli import main
from vnpolicy.duplicate_pass import mark_duplicates
from vnpolicy.resume import MANIFEST_NAME, Manifest, iter_manifest

ENOSPC = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _run(docs: Path, out: Path, **options):
    return run_batch([docs], out, analyzer=ANALYZER, progress=False, **options)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    return make_docs(tmp_path / "docs", 8)


@pytest.fixture
def clean(tmp_path: Path, docs: Path) -> dict[str, bytes]:
    """The outputs of an undisturbed run, to compare every rerun with."""
    summary = _run(docs, tmp_path / "clean")
    assert (summary.written, summary.failed, summary.fault) == (9, 0, "")
    assert summary.duplicates >= 1  # the duplicate pass has marks to lose
    return tree(tmp_path / "clean")


def _assert_nothing_half_written(out: Path) -> None:
    assert not list(out.rglob(".*.tmp"))
    for path in out.glob("*.json"):
        json.loads(path.read_text("utf-8"))
    problems: list[tuple[int, str]] = []
    list(iter_manifest(out / MANIFEST_NAME, problems))
    assert problems == []
    assert (out / MANIFEST_NAME).read_bytes().endswith(b"\n")


# --- a full disk -----------------------------------------------------------------------------


def test_a_full_disk_while_writing_outputs_stops_with_one_line_then_a_rerun_finishes(
    tmp_path: Path, docs: Path, clean: dict, monkeypatch, capsys
) -> None:
    out = tmp_path / "out"
    real_replace, failed_on = os.replace, []

    def replace_on_a_filling_disk(src, dst, *args, **kwargs):
        if str(dst).endswith(".txt.json") and len(list(out.glob("*.json"))) >= 3:
            failed_on.append(dst)
            raise ENOSPC  # as a write to a full disk: no file name in the error
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace_on_a_filling_disk)
    monkeypatch.setitem(run_batch.__kwdefaults__, "analyzer", ANALYZER)
    status = main(["extract", str(docs), "-o", str(out), "--workers", "1", "-q"])
    err = capsys.readouterr().err.splitlines()
    assert status == 1
    assert len(failed_on) == 1  # the batch stopped at the first full write
    assert err[-2] == f"vnpolicy: no space left on device: {failed_on[0]}"
    assert err[-1].startswith("vnpolicy: 3 read, 3 written, 0 skipped, 0 failed")
    assert err[-1].endswith("; stopped, rerun to finish")
    assert len(err) == 2  # no per-file lines, no traceback
    _assert_nothing_half_written(out)
    assert len(Manifest(out)) == 3

    monkeypatch.setattr(os, "replace", real_replace)  # space freed
    rerun = _run(docs, out)
    assert (rerun.unchanged, rerun.written, rerun.fault) == (3, 6, "")
    assert tree(out) == clean


def test_a_full_disk_while_appending_to_the_manifest_leaves_no_half_line(
    tmp_path: Path, docs: Path, clean: dict, monkeypatch, capsys
) -> None:
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to tell the manifest's file descriptor")
    out = tmp_path / "out"
    real_write, appends = os.write, []

    def write_to_a_filling_disk(fd, data):
        if not os.readlink(f"/proc/self/fd/{fd}").endswith(MANIFEST_NAME):
            return real_write(fd, data)
        appends.append(len(data))
        if len(appends) == 4:  # the 4th line: half of it gets out ...
            return real_write(fd, bytes(data)[: len(data) // 2])
        if len(appends) > 4:  # ... and the rest finds the disk full
            raise ENOSPC
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write_to_a_filling_disk)
    summary = _run(docs, out)
    err = capsys.readouterr().err.splitlines()
    assert summary.fault == f"no space left on device: {out / MANIFEST_NAME}"
    assert err == [f"vnpolicy: no space left on device: {out / MANIFEST_NAME}"]
    assert (summary.written, summary.exit_status) == (3, 1)
    _assert_nothing_half_written(out)  # the half line was taken back
    assert len(Manifest(out)) == 3

    monkeypatch.setattr(os, "write", real_write)
    rerun = _run(docs, out)
    assert (rerun.unchanged, rerun.written) == (3, 6)
    assert tree(out) == clean


# --- a damaged output or manifest --------------------------------------------------------------


def test_damaged_outputs_are_redone_even_a_duplicate_whose_json_is_torn(
    tmp_path: Path, docs: Path, clean: dict, capsys
) -> None:
    out = tmp_path / "out"
    _run(docs, out)
    duplicate = next(
        p
        for p in out.glob("*.json")
        if json.loads(p.read_text("utf-8"))["document"].get("duplicate_of")
    )
    duplicate.write_bytes(duplicate.read_bytes()[:40])  # torn: used to crash every rerun
    (out / "bai-05.txt.json").write_bytes(b"")
    same_size = out / "bai-06.txt.json"
    same_size.write_bytes(same_size.read_bytes().replace(b"bai-06", b"bai-07", 1))
    capsys.readouterr()
    rerun = _run(docs, out)
    err = capsys.readouterr().err.splitlines()
    assert (rerun.written, rerun.unchanged, rerun.failed) == (3, 6, 0)
    assert sorted(err) == sorted(
        f"{out / name}: damaged output (not as written), redone"
        for name in (duplicate.name, "bai-05.txt.json", "bai-06.txt.json")
    )
    assert tree(out) == clean


def test_bad_manifest_lines_are_ignored_with_one_warning_and_their_documents_redone(
    tmp_path: Path, docs: Path, clean: dict, capsys
) -> None:
    out = tmp_path / "out"
    _run(docs, out)
    manifest = out / MANIFEST_NAME
    lines = manifest.read_text("utf-8").splitlines(keepends=True)
    outputs = [json.loads(line)["output"] for line in lines]
    a, b, c = [i for i, name in enumerate(outputs) if outputs.count(name) == 1][:3]
    bad_fingerprint = json.loads(lines[b]) | {"fingerprint": "@@not base64@@"}
    no_hash = {k: v for k, v in json.loads(lines[c]).items() if k != "output_sha256"}
    lines[a] = lines[a][:30] + "\n"  # not JSON
    lines[b] = json.dumps(bad_fingerprint) + "\n"  # binascii.Error when decoded
    lines[c] = json.dumps(no_hash) + "\n"
    manifest.write_text("".join(lines) + "[1, 2]\n", encoding="utf-8")
    capsys.readouterr()
    rerun = _run(docs, out)
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"vnpolicy: {manifest}: 4 bad lines ignored (line {a + 1}: not JSON); "
        "their documents are redone"
    ]
    assert (rerun.written, rerun.unchanged, rerun.failed) == (3, 6, 0)
    assert tree(out) == clean
    assert Manifest(out).warning is None  # said once: the bad lines are gone
    assert _run(docs, out).unchanged == 9
    assert capsys.readouterr().err == ""


def test_the_duplicate_pass_skips_an_unreadable_json_with_one_line(
    tmp_path: Path, docs: Path, capsys
) -> None:
    out = tmp_path / "out"
    _run(docs, out)
    keys = sorted(p.name for p in out.glob("*.json"))
    damaged = out / "bai-03.txt.json"  # a copy of bai-00 with another first line
    damaged.write_text('{"source": "bai-03.txt", "docu', encoding="utf-8")
    capsys.readouterr()
    found = mark_duplicates(out, Manifest(out), keys)
    err = capsys.readouterr().err.splitlines()
    assert found >= 1
    assert err == [f"{damaged}: damaged output (JSONDecodeError), not marked; a rerun redoes it"]
    assert damaged.read_text("utf-8") == '{"source": "bai-03.txt", "docu'


# --- SIGTERM and a dead parent -----------------------------------------------------------------

#: `vnpolicy extract` itself, with the quick analyzer in place of the pipeline.
EXTRACT = (
    "import sys; from vnpolicy.batch import run_batch; from vnpolicy.cli import main; "
    f"run_batch.__kwdefaults__['analyzer'] = {ANALYZER!r}; sys.exit(main(sys.argv[1:]))"
)


def _env(seconds_per_doc: float) -> dict[str, str]:
    path = os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])
    return {**os.environ, "PYTHONPATH": path, "VNPOLICY_TEST_DOC_SECONDS": str(seconds_per_doc)}


def _descendants(pid: int) -> set[int]:
    """Every live process below `pid` (read from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pids: set[int], wait: float = 15.0) -> set[int]:
    """The processes of `pids` still running (not zombies) after waiting up to `wait` s."""
    deadline = time.monotonic() + wait
    while True:
        alive = set()
        for pid in pids:
            try:
                state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if state not in ("Z", "X"):
                alive.add(pid)
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def _start_extract(docs: Path, out: Path) -> tuple[subprocess.Popen, set[int]]:
    """`vnpolicy extract --workers 2` on `docs`, returned once 3 documents are done, with the
    pool's processes."""
    cmd = [sys.executable, "-c", EXTRACT, "extract", str(docs), "-o", str(out), "-q"]
    proc = subprocess.Popen(
        [*cmd, "--workers", "2"],
        env=_env(0.5),
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    manifest = out / MANIFEST_NAME
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        if manifest.exists() and manifest.read_text("utf-8").count("\n") >= 3:
            break
        time.sleep(0.05)
    workers = _descendants(proc.pid)
    assert proc.poll() is None and len(workers) >= 2, "the batch ended before the signal"
    return proc, workers


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_sigterm_stops_the_workers_prints_the_summary_and_a_rerun_finishes(
    tmp_path: Path, docs: Path, clean: dict
) -> None:
    out = tmp_path / "out"
    proc, workers = _start_extract(docs, out)
    try:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        _kill_group(proc)
    assert proc.returncode == 143, err
    lines = err.splitlines()
    assert lines[-2] == "vnpolicy: interrupted (SIGTERM)"
    assert lines[-1].endswith("; interrupted (SIGTERM), rerun to finish")
    assert "Traceback" not in err
    assert _alive(workers) == set()  # no orphan writing more files
    written = int(lines[-1].split(" written")[0].rsplit(" ", 1)[-1])
    assert 3 <= written < 9
    _assert_nothing_half_written(out)

    rerun = _run(docs, out)
    assert rerun.unchanged == written and rerun.written == 9 - written
    assert tree(out) == clean


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_the_workers_die_with_a_killed_parent(tmp_path: Path, docs: Path) -> None:
    proc, workers = _start_extract(docs, tmp_path / "out")
    try:
        os.kill(proc.pid, signal.SIGKILL)  # the parent only, not its process group
        proc.wait(timeout=30)
        assert _alive(workers) == set()
    finally:
        _kill_group(proc)


# --- a lost Dask scheduler ---------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, wait: float = 60.0) -> None:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    process.kill()
    pytest.fail(f"the scheduler did not start listening on {port}")


@pytest.fixture
def short_dask_timeouts(monkeypatch):
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    monkeypatch.setattr("vnpolicy.engines.dask_engine.POLL_SECONDS", 1.0)
    with dask.config.set({"distributed.comm.timeouts.connect": "3s"}):
        yield


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path, short_dask_timeouts, capsys):
    address = f"tcp://127.0.0.1:{_free_port()}"
    summary = _run(tmp_path, tmp_path / "out", engine="dask", scheduler=address)
    err = capsys.readouterr().err.splitlines()
    assert summary.fault.startswith(f"cannot reach the Dask scheduler {address} (")
    assert err == [f"vnpolicy: {summary.fault}"]
    assert summary.exit_status == 1


@pytest.mark.parametrize("fault", [signal.SIGKILL, signal.SIGSTOP], ids=["killed", "hung"])
def test_losing_the_scheduler_stops_with_one_line_then_a_rerun_finishes(
    tmp_path: Path, docs: Path, clean: dict, short_dask_timeouts, capsys, fault: int
) -> None:
    address = f"tcp://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    cli = [sys.executable, "-m"]
    scheduler = subprocess.Popen(
        [*cli, "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", port,
         "--no-dashboard"],
        env=_env(0.3), stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    worker = subprocess.Popen(
        [*cli, "distributed.cli.dask_worker", address, "--nthreads", "1", "--no-nanny",
         "--no-dashboard"],
        env=_env(0.3), stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    _wait_for_port(int(port), scheduler)
    out = tmp_path / "out"
    results: list = []
    batch = threading.Thread(
        target=lambda: results.append(_run(docs, out, engine="dask", scheduler=address)),
        daemon=True,
    )
    try:
        batch.start()
        manifest = out / MANIFEST_NAME
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and batch.is_alive():
            if manifest.exists() and manifest.read_text("utf-8").count("\n") >= 3:
                break
            time.sleep(0.05)
        scheduler.send_signal(fault)  # mid-batch: gone, or hung with its sockets open
        batch.join(timeout=60)
        assert not batch.is_alive(), "the batch hangs after losing its scheduler"
    finally:
        for proc in (scheduler, worker):
            _kill_group(proc)
    (summary,) = results
    err = capsys.readouterr().err.splitlines()
    assert summary.fault.startswith(f"lost the Dask scheduler {address} (")
    assert 3 <= summary.written < 9 and summary.failed == 0
    assert err == [f"vnpolicy: {summary.fault}"]
    assert summary.line().endswith("; stopped, rerun to finish")
    _assert_nothing_half_written(out)

    rerun = _run(docs, out)
    assert rerun.unchanged == summary.written and rerun.written == 9 - summary.written
    assert tree(out) == clean
