"""The disk cache of built objects: same results as building afresh, rebuilt when stale or
damaged, never in the way when it cannot be written."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from vnpolicy.nlp import crf, model_cache
from vnpolicy.nlp import segment as seg

SENTENCES = [
    "Huyện ủy Hải Lăng có 9.757 đảng viên, chiếm 19,9% dân số tỉnh Quảng Trị.",
    "Thực hiện Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng.",
]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("VNPOLICY_CACHE", "on")
    monkeypatch.setenv("VNPOLICY_CACHE_DIR", str(folder))
    return folder


def test_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("VNPOLICY_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert model_cache.cache_dir() == tmp_path / "vnpolicy"


def test_a_cached_segmenter_gives_the_same_words_without_reading_the_model(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = crf.Segmenter()
    built = model_cache.segmenter()
    assert [p.name.split("-")[0] for p in cache.iterdir()] == ["segmenter"]

    def no_model(*_args, **_kwargs):
        raise AssertionError("the model files were read again")

    monkeypatch.setattr(crf, "read_crfsuite", no_model)
    monkeypatch.setattr(crf, "_load_strings", no_model)
    cached = model_cache.segmenter()
    assert cached is not built
    for sentence in SENTENCES:
        assert cached.words(sentence) == built.words(sentence) == fresh.words(sentence)


def test_a_model_file_that_changes_builds_a_new_entry(cache: Path, tmp_path: Path) -> None:
    folder = tmp_path / "model"
    folder.mkdir()
    for name in ("features.bin", "dictionary.bin", "models.bin"):
        (folder / name).write_bytes((crf._model_dir() / name).read_bytes())
    model_cache.segmenter(folder)
    [first] = list(cache.glob("segmenter-*.pickle"))
    stat = (folder / "models.bin").stat()
    os.utime(folder / "models.bin", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    model_cache.segmenter(folder)
    [second] = list(cache.glob("segmenter-*.pickle"))  # the stale entry is gone
    assert second.name != first.name


@pytest.mark.parametrize("damage", [b"", b"not a pickle", "truncated"])
def test_a_damaged_entry_is_rebuilt_and_rewritten(cache: Path, damage) -> None:
    key = model_cache.cache_key("test")
    assert model_cache.load_or_build("thing", key, lambda: {"value": 1}) == {"value": 1}
    [path] = list(cache.glob("thing-*.pickle"))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] if damage == "truncated" else damage)
    assert model_cache.load_or_build("thing", key, lambda: {"value": 2}) == {"value": 2}
    assert pickle.loads(path.read_bytes()) == {"value": 2}
    assert not list(cache.glob(".*.tmp"))


def test_a_cache_that_cannot_be_written_only_costs_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("VNPOLICY_CACHE", "on")
    monkeypatch.setenv("VNPOLICY_CACHE_DIR", str(blocker / "cache"))
    calls = []
    for _ in range(2):
        assert model_cache.load_or_build("thing", "k", lambda: calls.append(1) or 7) == 7
    assert len(calls) == 2


def test_off_means_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VNPOLICY_CACHE", "off")
    monkeypatch.setenv("VNPOLICY_CACHE_DIR", str(tmp_path / "cache"))
    assert model_cache.load_or_build("thing", "k", lambda: 3) == 3
    assert not (tmp_path / "cache").exists()


def test_a_passed_check_is_remembered_a_failed_one_never(cache: Path) -> None:
    calls = []

    def failing():
        calls.append("fail")
        return "differs"

    def passing():
        calls.append("pass")
        return None

    assert model_cache.verified("check", None, failing) == "differs"
    assert model_cache.verified("check", None, failing) == "differs"
    assert model_cache.verified("check", None, passing) is None
    assert model_cache.verified("check", None, passing) is None
    assert calls == ["fail", "fail", "pass"]


def test_choose_words_with_the_cache_uses_the_fast_segmenter_and_checks_once(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks = []
    real = seg.first_difference
    monkeypatch.setattr(seg, "first_difference", lambda w: checks.append(1) or real(w))
    first, second = seg.choose_words(), seg.choose_words()
    assert isinstance(first.__self__, crf.Segmenter) and isinstance(second.__self__, crf.Segmenter)
    assert checks == [1]
    assert second(SENTENCES[0]) == first(SENTENCES[0])
