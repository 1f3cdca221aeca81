"""The Dask engine: the same per-document function on a `distributed` cluster gives the same
output as a local run (a one-worker in-process `LocalCluster` keeps the test fast)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from vnpolicy.batch import run_batch
from vnpolicy.cli import main

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        yield cluster


def _docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(SAMPLES, docs)
    (docs / "empty.txt").write_text("", encoding="utf-8")
    return docs


def test_dask_writes_what_a_local_run_writes(tmp_path: Path, cluster) -> None:
    docs = _docs(tmp_path)
    local = run_batch([docs], tmp_path / "local", jsonl=tmp_path / "local" / "all.jsonl")
    with distributed.Client(cluster) as client:
        remote = run_batch(
            [docs],
            tmp_path / "dask",
            jsonl=tmp_path / "dask" / "all.jsonl",
            engine="dask",
            client=client,
        )
    assert (remote.read, remote.written, remote.failed) == (local.read, local.written, 1)
    for path in sorted((tmp_path / "local").glob("*.json*")):
        if path.name not in ("manifest.jsonl", "errors.jsonl"):
            assert (tmp_path / "dask" / path.name).read_bytes() == path.read_bytes(), path.name
    errors = (tmp_path / "dask" / "errors.jsonl").read_text("utf-8")
    assert json.loads(errors)["source"].endswith("empty.txt")


def test_cli_runs_on_a_scheduler_and_resumes(tmp_path: Path, cluster, capsys) -> None:
    out = tmp_path / "out"
    args = [
        "extract",
        str(SAMPLES),
        "-o",
        str(out),
        "--engine",
        "dask",
        "--scheduler",
        cluster.scheduler_address,
        "-q",
    ]
    assert main(args) == 0
    assert "5 read, 5 written" in capsys.readouterr().err
    assert main(args) == 0
    assert "5 read, 0 written, 0 skipped, 0 failed, 5 unchanged" in capsys.readouterr().err


def test_dask_without_a_scheduler_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["extract", str(SAMPLES), "-o", str(tmp_path), "--engine", "dask"]) == 2
    assert "--scheduler" in capsys.readouterr().err
