"""Writers: atomic JSON per document, JSON Lines, output paths that never collide."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnpolicy.outputs.writers import JsonlWriter, output_path_for, write_json_atomic

RECORD = {"source": "seed-quangtri.txt", "units": [{"name": "Huyện ủy Hải Lăng"}]}


def test_json_is_written_whole_and_keeps_vietnamese(tmp_path: Path) -> None:
    path = write_json_atomic(RECORD, tmp_path / "a" / "seed.txt.json")
    text = path.read_text(encoding="utf-8")
    assert "Huyện ủy Hải Lăng" in text  # not \u-escaped
    assert json.loads(text) == RECORD
    assert [p.name for p in path.parent.iterdir()] == ["seed.txt.json"]  # no temp file left


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    path = write_json_atomic(RECORD, tmp_path / "x.json")
    with pytest.raises(TypeError):
        write_json_atomic({"bad": object()}, path)
    assert json.loads(path.read_text(encoding="utf-8")) == RECORD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json"]


@pytest.mark.parametrize(
    "source, root, expected",
    [
        ("docs/seed.txt", "docs", "out/seed.txt.json"),
        ("docs/2023/seed.txt", "docs", "out/2023/seed.txt.json"),
        ("docs/seed.pdf", "docs", "out/seed.pdf.json"),
        ("elsewhere/seed.txt", None, "out/seed.txt.json"),
        ("elsewhere/seed.txt", "docs", "out/seed.txt.json"),
    ],
)
def test_output_path_mirrors_the_input(tmp_path: Path, source, root, expected) -> None:
    src = tmp_path / source
    got = output_path_for(src, tmp_path / root if root else None, tmp_path / "out")
    assert got == tmp_path / expected


def test_jsonl_one_line_per_document(tmp_path: Path) -> None:
    path = tmp_path / "all.jsonl"
    with JsonlWriter(path) as writer:
        writer.write(RECORD)
        writer.write({**RECORD, "source": "b.txt"})
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source"] for line in lines] == ["seed-quangtri.txt", "b.txt"]


@pytest.mark.parametrize("durable, fsyncs", [(False, 0), (True, 1)])
def test_fsync_only_when_durable(tmp_path: Path, monkeypatch, durable, fsyncs) -> None:
    import os

    calls = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append(fd) or real_fsync(fd))
    path = write_json_atomic(RECORD, tmp_path / "seed.txt.json", durable=durable)
    assert len(calls) == fsyncs
    assert json.loads(path.read_text(encoding="utf-8")) == RECORD


@pytest.fixture
def umask():
    """Set the process umask for one test, then put the old one back."""
    import os

    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o002, 0o664)])
def test_outputs_get_the_usual_permissions(tmp_path: Path, umask, mask, mode) -> None:
    """Not mkstemp's 0600: colleagues, a web server or Dask workers must read the results."""
    umask(mask)
    path = write_json_atomic(RECORD, tmp_path / "seed.txt.json")
    assert path.stat().st_mode & 0o777 == mode
    path.chmod(0o600)
    write_json_atomic({**RECORD, "source": "b.txt"}, path)  # a rewrite too
    assert path.stat().st_mode & 0o777 == mode
    with JsonlWriter(tmp_path / "all.jsonl") as writer:
        writer.write(RECORD)
    assert (tmp_path / "all.jsonl").stat().st_mode & 0o777 == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.jsonl", "seed.txt.json"]


def test_temporary_names_never_collide(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    paths = [tmp_path / "seed.txt.json"] * 16
    records = [{**RECORD, "n": n} for n in range(16)]
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(write_json_atomic, records, paths))
    assert json.loads(paths[0].read_text(encoding="utf-8"))["n"] in range(16)
    assert [p.name for p in tmp_path.iterdir()] == ["seed.txt.json"]
