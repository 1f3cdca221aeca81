"""Resuming a batch: done-and-unchanged inputs are skipped, changed ones redone, a damaged
output redone, `--force` redoes all, and a run killed with SIGKILL completes on rerun with
nothing corrupt or missing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO, SAMPLES
from vnpolicy.batch import run_batch
from vnpolicy.cli import main
from vnpolicy.outputs.schema import validate_record
from vnpolicy.resume import MANIFEST_NAME, Manifest, file_sha256, iter_manifest


def _docs(tmp_path: Path, n: int = 3) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    text = (SAMPLES / "quyet-dinh-1234-qd-ubnd.txt").read_text(encoding="utf-8")
    for i in range(n):
        (docs / f"qd-{i}.txt").write_text(f"Văn bản {i}.\n{text}", encoding="utf-8")
    return docs


def _mtimes(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.glob("*.json")}


def test_rerun_skips_what_is_done_and_unchanged(tmp_path: Path, capsys) -> None:
    docs, out = _docs(tmp_path), tmp_path / "out"
    assert main(["extract", str(docs), "-o", str(out), "--workers", "1", "-q"]) == 0
    before = _mtimes(out)
    assert main(["extract", str(docs), "-o", str(out), "--workers", "1", "-q"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert "3 read, 0 written, 0 skipped, 0 failed, 3 unchanged" in err[-1]
    assert _mtimes(out) == before  # not rewritten


def test_a_changed_input_is_redone_and_only_it(tmp_path: Path) -> None:
    docs, out = _docs(tmp_path), tmp_path / "out"
    run_batch([docs], out)
    (docs / "qd-1.txt").write_text("Thực hiện Chỉ thị số 05-CT/TU của Tỉnh ủy.", encoding="utf-8")
    summary = run_batch([docs], out)
    assert (summary.written, summary.unchanged) == (1, 2)
    record = json.loads((out / "qd-1.txt.json").read_text("utf-8"))
    assert [r["id"] for r in record["references"]] == ["05-CT/TU"]


def test_a_new_pipeline_version_redoes_everything(tmp_path: Path) -> None:
    docs, out = _docs(tmp_path), tmp_path / "out"
    run_batch([docs], out)
    manifest = out / MANIFEST_NAME
    manifest.write_text(
        manifest.read_text("utf-8").replace('"pipeline_version": "', '"pipeline_version": "old-'),
        encoding="utf-8",
    )
    assert run_batch([docs], out).written == 3


def test_force_redoes_everything(tmp_path: Path, capsys) -> None:
    docs, out = _docs(tmp_path), tmp_path / "out"
    run_batch([docs], out)
    assert main(["extract", str(docs), "-o", str(out), "--workers", "1", "-q", "--force"]) == 0
    assert "3 read, 3 written, 0 skipped, 0 failed, 0 unchanged" in capsys.readouterr().err


def test_a_deleted_output_is_redone(tmp_path: Path) -> None:
    docs, out = _docs(tmp_path), tmp_path / "out"
    run_batch([docs], out)
    (out / "qd-2.txt.json").unlink()
    assert (run_batch([docs], out).written, (out / "qd-2.txt.json").exists()) == (1, True)


def test_a_torn_last_manifest_line_is_ignored_and_not_glued_to(tmp_path: Path) -> None:
    docs, out = _docs(tmp_path), tmp_path / "out"
    run_batch([docs], out, duplicates=False)  # one line per document, none rewritten
    manifest = out / MANIFEST_NAME
    lines = manifest.read_text("utf-8").splitlines(keepends=True)
    manifest.write_text("".join(lines[:2]) + lines[2][:40], encoding="utf-8")  # killed mid-line
    assert len(Manifest(out)) == 2
    summary = run_batch([docs], out, duplicates=False)
    assert (summary.written, summary.unchanged) == (1, 2)
    rows = list(iter_manifest(manifest))
    assert [r["output"] for r in rows] == ["qd-0.txt.json", "qd-1.txt.json", "qd-2.txt.json"]


def test_the_manifest_records_file_hash_and_pipeline_version(tmp_path: Path) -> None:
    from vnpolicy.pipeline import PIPELINE_VERSION

    docs, out = _docs(tmp_path, 1), tmp_path / "out"
    run_batch([docs], out)
    (row,) = iter_manifest(out / MANIFEST_NAME)
    assert row["sha256"] == file_sha256(docs / "qd-0.txt")
    assert (row["pipeline_version"], row["status"], row["output"]) == (
        PIPELINE_VERSION,
        "ok",
        "qd-0.txt.json",
    )
    output = out / "qd-0.txt.json"  # the output as written, to verify before skipping it
    assert (row["output_size"], row["output_sha256"]) == (
        output.stat().st_size,
        file_sha256(output),
    )


def test_a_truncated_or_emptied_output_is_redone_not_kept(tmp_path: Path, capsys) -> None:
    docs, out = _docs(tmp_path), tmp_path / "out"
    run_batch([docs], out, progress=False)
    intact = {p.name: p.read_bytes() for p in out.glob("*.json")}
    (out / "qd-1.txt.json").write_bytes(intact["qd-1.txt.json"][:100])  # torn by a crash
    (out / "qd-2.txt.json").write_bytes(b"")  # a full disk, an editor
    capsys.readouterr()
    summary = run_batch([docs], out, progress=False)
    assert (summary.written, summary.unchanged, summary.failed) == (2, 1, 0)
    assert capsys.readouterr().err.splitlines() == [
        f"{out / name}: damaged output (not as written), redone"
        for name in ("qd-1.txt.json", "qd-2.txt.json")
    ]
    assert {p.name: p.read_bytes() for p in out.glob("*.json")} == intact
    assert run_batch([docs], out, progress=False).unchanged == 3  # and then trusted again


def test_sigkill_in_the_middle_then_rerun_completes_the_batch(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    text = (SAMPLES / "quyet-dinh-1234-qd-ubnd.txt").read_text(encoding="utf-8")
    for i in range(40):
        (docs / f"bai-{i:02d}.txt").write_text(
            f"Bài số {i}: {'mở đầu. ' * i}\n{text}", encoding="utf-8"
        )
    (docs / "broken.txt").write_bytes(b"")
    out = tmp_path / "out"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    cmd = [sys.executable, "-m", "vnpolicy", "extract", str(docs), "-o", str(out), "-q"]
    proc = subprocess.Popen(
        [*cmd, "--workers", "2"], env=env, stderr=subprocess.DEVNULL, start_new_session=True
    )
    manifest = out / MANIFEST_NAME
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if manifest.exists() and manifest.read_text("utf-8").count("\n") >= 3:
            break
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the parent and its pool workers, mid-batch
    proc.wait(timeout=30)
    done = sum(row["status"] == "ok" for row in iter_manifest(manifest))
    assert 3 <= done < 40
    rerun = subprocess.run(
        [*cmd, "--workers", "1"], env=env, capture_output=True, text=True, timeout=120
    )
    assert rerun.returncode == 1  # broken.txt fails, as it did before
    assert (
        f"41 read, {41 - done - 1} written, 0 skipped, 1 failed, {done} unchanged" in rerun.stderr
    )
    outputs = sorted(p.name for p in out.glob("*.json"))
    assert outputs == [f"bai-{i:02d}.txt.json" for i in range(40)]
    for path in out.glob("*.json"):
        assert validate_record(json.loads(path.read_text("utf-8"))) == [], path.name
    assert not list(out.glob(".*.tmp"))
    latest = {row["output"]: row["status"] for row in iter_manifest(manifest)}
    assert all(latest[name] == "ok" for name in outputs)
    assert latest["broken.txt.json"] == "failed"


def test_a_manifest_of_an_older_vnpolicy_is_redone_with_one_warning(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "qd-0.txt.json").write_text("{}\n", encoding="utf-8")
    row = {
        "output": "qd-0.txt.json",
        "source": "docs/qd-0.txt",
        "sha256": "9f" * 32,
        "pipeline_version": "0.1.0",
        "status": "ok",
        "chars": 3,
        "fingerprint": "",
    }  # no output_size, no output_sha256: the JSON cannot be verified
    (out / MANIFEST_NAME).write_text(json.dumps(row) + "\n", encoding="utf-8")
    manifest = Manifest(out)
    assert not manifest.is_done("qd-0.txt.json", "9f" * 32, "0.1.0", out)
    assert manifest.warning == (
        f"{out / MANIFEST_NAME}: 1 bad line ignored (line 1: no output hash (written by an "
        "older vnpolicy)); their documents are redone"
    )
