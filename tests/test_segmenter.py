"""The fast segmenter is used only while it agrees with underthesea, and threads share it safely.

`vnpolicy.nlp.segment.choose_words` loads `vnpolicy.nlp.crf.Segmenter`, compares its words with
`word_tokenize` on built-in sentences, and falls back to `word_tokenize` with one warning when
they differ or the model folder is not as expected.
"""

from __future__ import annotations

import logging
import random
import sys
import threading
from pathlib import Path

import pytest
import underthesea_core
from underthesea import word_tokenize

from tests.conftest import SAMPLES
from vnpolicy.nlp import crf
from vnpolicy.nlp import segment as seg
from vnpolicy.nlp.normalize import normalize
from vnpolicy.nlp.sentences import split_sentences

SENTENCE = "Huyện ủy Hải Lăng có 9.757 đảng viên, chiếm 19,9% dân số tỉnh Quảng Trị."


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def _uses_word_tokenize(words) -> bool:
    return getattr(words, "func", None) is word_tokenize


def test_installed_underthesea_passes_the_check_without_warning(caplog) -> None:
    with caplog.at_level(logging.WARNING):
        words = seg.choose_words()
    assert _warnings(caplog) == []
    assert isinstance(getattr(words, "__self__", None), crf.Segmenter)
    assert words(SENTENCE) == word_tokenize(SENTENCE, use_token_normalize=False)


def _model_copy(tmp_path: Path, **replace: bytes) -> Path:
    """underthesea's model folder as links in `tmp_path`, with some files replaced."""
    for name in ("features.bin", "dictionary.bin", "models.bin"):
        target = tmp_path / name
        if name in replace:
            target.write_bytes(replace[name])
        else:
            target.symlink_to(crf._model_dir() / name)
    return tmp_path


def _joblib_bytes(tmp_path: Path, value) -> bytes:
    import joblib

    path = tmp_path.parent / f"{tmp_path.name}-value.bin"
    joblib.dump(value, path)
    return path.read_bytes()


LAYOUTS = {
    "empty folder": ({}, "features.bin: missing"),
    "template of an unknown form": (
        {"features": ["T[0]", "T[0].lower", "T[0].isupper"]},
        "unsupported feature template 'T[0].isupper'",
    ),
    "template without its syllable": ({"features": ["T[0]", "T[-1,0].lower"]}, "needs T[0].lower"),
    "dictionary of another kind": ({"dictionary": {"hà nội": 1}}, "dictionary.bin: not a set"),
    "model with a wrong header": ({"models.bin": b"FMOC" + bytes(60)}, "not a CRFsuite model"),
}


@pytest.mark.parametrize("layout", LAYOUTS, ids=list(LAYOUTS))
def test_unknown_model_layout_falls_back_with_one_warning(tmp_path, caplog, layout) -> None:
    change, cause = LAYOUTS[layout]
    folder = tmp_path / "model"
    folder.mkdir()
    if change:
        replace = {}
        for key, value in change.items():
            name = key if key.endswith(".bin") else f"{key}.bin"
            replace[name] = value if isinstance(value, bytes) else _joblib_bytes(tmp_path, value)
        _model_copy(folder, **replace)
    with caplog.at_level(logging.WARNING):
        words = seg.choose_words(folder)
    [message] = _warnings(caplog)
    assert cause in message
    assert f"underthesea {seg._version()}" in message
    assert seg._version() != "?"
    assert _uses_word_tokenize(words)
    assert words(SENTENCE) == word_tokenize(SENTENCE, use_token_normalize=False)


def test_model_whose_weights_disagree_falls_back(monkeypatch, caplog) -> None:
    """A release whose weights changed (here: the two labels swapped) gives other words."""
    read = crf.read_crfsuite

    def swapped(path):
        labels, state, trans = read(path)
        return labels, {a: w[::-1] for a, w in state.items()}, trans

    monkeypatch.setattr(crf, "read_crfsuite", swapped)
    with caplog.at_level(logging.WARNING):
        words = seg.choose_words()
    [message] = _warnings(caplog)
    assert "differs from word_tokenize" in message
    assert "Hải Lăng" in message  # the first sentence that differs, with both answers
    assert _uses_word_tokenize(words)


FEATURE_CHANGES = {
    # a featurizer that reads a syllable differently: every value of one kind flipped
    "istitle": "T[0].istitle",
    "isdigit": "T[0].isdigit",
    "is_in_dict": "T[0].is_in_dict",
}


@pytest.mark.parametrize("feature", FEATURE_CHANGES.values(), ids=list(FEATURE_CHANGES))
def test_featurizer_that_disagrees_falls_back(monkeypatch, caplog, feature: str) -> None:
    real = underthesea_core.CRFFeaturizer
    flip = {"True": "False", "False": "True"}

    class ChangedFeaturizer:
        def __init__(self, templates, dictionary):
            self._real = real(templates, dictionary)

        def process(self, sentences):
            out = self._real.process(sentences)
            return [
                [
                    [
                        f"{name}={flip.get(value, value)}" if name == feature else f"{name}={value}"
                        for name, _, value in (feat.partition("=") for feat in feats)
                    ]
                    for feats in sentence
                ]
                for sentence in out
            ]

    monkeypatch.setattr(underthesea_core, "CRFFeaturizer", ChangedFeaturizer)
    with caplog.at_level(logging.WARNING):
        words = seg.choose_words()
    [message] = _warnings(caplog)
    assert "differs from word_tokenize" in message
    assert _uses_word_tokenize(words)


def test_first_use_from_many_threads_checks_and_warns_once(tmp_path, monkeypatch, caplog) -> None:
    monkeypatch.setattr(seg, "_words", None)
    monkeypatch.setattr(crf, "_model_dir", lambda: tmp_path)  # an empty folder: unknown layout
    start = threading.Barrier(8)
    results: list[list[str]] = []

    def first_use() -> None:
        start.wait()
        results.append(seg.segment(SENTENCE))

    with caplog.at_level(logging.WARNING):
        threads = [threading.Thread(target=first_use) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(_warnings(caplog)) == 1
    assert results == [word_tokenize(SENTENCE, use_token_normalize=False)] * 8


def _sample_sentences() -> list[str]:
    sentences = list(seg.CHECK_SENTENCES)
    for path in sorted(SAMPLES.glob("*.txt")):
        text = normalize(path.read_text(encoding="utf-8")).text
        sentences.extend(text[s:e] for s, e in split_sentences(text))
    return [s for s in sentences if len(s) < 300]  # many, kept short for a fast test


def test_eight_threads_get_the_words_of_one(monkeypatch) -> None:
    """Threads sharing one segmenter whose caches fill and are replaced every few sentences
    (the old code, clearing shared caches, raised KeyError here) give single-thread words."""
    sentences = _sample_sentences()
    assert len(sentences) > 80
    monkeypatch.setattr(crf, "_CACHE", 40)
    shared = crf.Segmenter()
    expected = [shared.words(s) for s in sentences]
    results: dict[int, list[list[str]]] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def run(k: int) -> None:
        order = list(range(len(sentences)))
        random.Random(k).shuffle(order)
        got: list[list[str]] = [[] for _ in sentences]
        try:
            start.wait()
            for i in order:
                got[i] = shared.words(sentences[i])
        except BaseException as exc:  # noqa: BLE001 (reported by the assertion below)
            errors.append(exc)
        results[k] = got

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-4)  # switch threads often, mid-sentence
    try:
        threads = [threading.Thread(target=run, args=(k,)) for k in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    assert all(results[k] == expected for k in range(8))
