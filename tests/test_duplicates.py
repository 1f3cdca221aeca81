"""Near-duplicates: the same article republished (other page furniture, small edits) is found;
different articles on the same topic, and directives sharing boilerplate, are not."""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import DEV_DOCS, SAMPLES
from vnpolicy.batch import run_batch
from vnpolicy.corpus.duplicates import (
    THRESHOLD,
    Duplicate,
    find_duplicates,
    fingerprint,
    similarity,
)

HEADER = (
    "Trang chủ | Thời sự | Chính trị | Xã hội | Kinh tế | Văn hóa | Thể thao\n"
    "Đăng nhập  Đăng ký\nCập nhật lúc 08:15, Thứ Hai, 17/07/2017 (GMT+7)\n"
)
FOOTER = (
    "\nChia sẻ Facebook | Twitter | In bài | Gửi bài viết\nTin liên quan:\n"
    "- Thủ tướng làm việc với lãnh đạo tỉnh Quảng Ninh\n- Khai mạc Hội nghị Trung ương 5\n"
    "Bản quyền thuộc Báo điện tử Đảng Cộng sản Việt Nam. Địa chỉ: 381 Đội Cấn, Ba Đình, Hà Nội. "
    "Ghi rõ nguồn khi phát hành lại thông tin từ website này.\n"
)


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text.strip())


def _replace_every(n: int, donor: str) -> Callable[[str], str]:
    """Every n-th sentence swapped for one of another article (an edited republication)."""

    def edit(text: str) -> str:
        own, other = _sentences(text), _sentences(donor)
        return " ".join(other[i % len(other)] if i % n == n - 1 else s for i, s in enumerate(own))

    return edit


def _renumber(text: str) -> str:
    """Every figure changed (a corrected republication: "1.999,62 tỷ" -> "2.999,62 tỷ")."""
    return re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), text)


def _dev(name: str) -> str:
    path = DEV_DOCS / name
    if not path.exists():
        pytest.skip("../shared/eval/dev is not present")
    return path.read_text(encoding="utf-8")


# (case, article, how it is republished) -> a duplicate of the original
REPUBLISHED = [
    ("furniture around it", "news-001.txt", lambda t: HEADER + t + FOOTER),
    (
        "reflowed and upper-cased title",
        "news-010.txt",
        lambda t: t.replace("\n", "\n\n").replace(t.split("\n")[0], t.split("\n")[0].upper()),
    ),
    ("headline and lead dropped", "news-047.txt", lambda t: " ".join(_sentences(t)[2:])),
    ("every figure changed", "news-053.txt", _renumber),
    (
        "one sentence in five replaced, furniture",
        "news-018.txt",
        lambda t: HEADER + _replace_every(5, _dev("news-060.txt"))(t) + FOOTER,
    ),
    ("short article, furniture around it", "news-067.txt", lambda t: HEADER + t + FOOTER),
]


@pytest.mark.parametrize(
    ("case", "name", "republish"), REPUBLISHED, ids=[c[0] for c in REPUBLISHED]
)
def test_a_republished_article_is_a_duplicate(case, name, republish) -> None:
    text = _dev(name)
    score = similarity(fingerprint(text), fingerprint(republish(text)))
    assert score >= THRESHOLD + 0.1, (case, score)


# different articles that share a topic, an issuer or boilerplate -> not duplicates
DISTINCT = [
    ("two National Assembly sessions", "news-001.txt", "news-010.txt"),
    ("two Party discipline stories", "news-008.txt", "news-053.txt"),
    ("two decrees of the Government", "doc-028.txt", "doc-030.txt"),
    ("two documents of one province", "doc-006.txt", "doc-020.txt"),
    ("a story citing a directive", "news-030.txt", "doc-001.txt"),
]


@pytest.mark.parametrize(("case", "a", "b"), DISTINCT, ids=[c[0] for c in DISTINCT])
def test_distinct_documents_on_one_topic_are_not_duplicates(case, a, b) -> None:
    score = similarity(fingerprint(_dev(a)), fingerprint(_dev(b)))
    assert score < THRESHOLD - 0.15, (case, score)


def test_no_two_dev_documents_are_taken_for_one_another() -> None:
    names = sorted(p.name for p in DEV_DOCS.glob("*.txt")) if DEV_DOCS.is_dir() else []
    if not names:
        pytest.skip("../shared/eval/dev is not present")
    prints = [fingerprint(_dev(n)) for n in names]
    assert find_duplicates(names, prints) == []
    worst = max(similarity(a, b) for a, b in itertools.combinations(prints, 2))
    assert worst < THRESHOLD - 0.15


def test_fingerprint_ignores_case_and_layout_and_is_small() -> None:
    text = (SAMPLES / "seed-quangtri.txt").read_text(encoding="utf-8")
    fp = fingerprint(text)
    assert (fp == fingerprint("  " + text.upper().replace(" ", "\n"))).all()
    assert 0 < len(fp) < len(text) / 3
    assert len(fingerprint("Tỉnh ủy")) < 20  # too short to match anything (min_features)


def test_the_earliest_copy_is_canonical_and_copies_never_chain() -> None:
    base = (SAMPLES / "seed-quangtri.txt").read_text(encoding="utf-8")
    other = (SAMPLES / "quyet-dinh-1234-qd-ubnd.txt").read_text(encoding="utf-8")
    texts = {
        "a.txt": base,
        "b.txt": other,
        "c.txt": HEADER + base,
        "d.txt": HEADER + base + FOOTER,
        "e.txt": "",
    }
    found = find_duplicates(list(texts), [fingerprint(t) for t in texts.values()])
    assert [(d.source, d.duplicate_of) for d in found] == [("c.txt", "a.txt"), ("d.txt", "a.txt")]
    assert all(isinstance(d, Duplicate) and THRESHOLD <= d.similarity <= 1 for d in found)


def test_batch_marks_duplicate_of_and_writes_the_report(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    seed = (SAMPLES / "seed-quangtri.txt").read_text(encoding="utf-8")
    (docs / "a-baodang.txt").write_text(seed, encoding="utf-8")
    (docs / "b-other.txt").write_text(
        (SAMPLES / "chi-thi-05-ct-tu.txt").read_text("utf-8"), "utf-8"
    )
    (docs / "c-repost.txt").write_text(HEADER + seed.replace("11.727", "11.728") + FOOTER, "utf-8")
    out = tmp_path / "out"
    summary = run_batch([docs], out, jsonl=out / "all.jsonl")
    assert summary.duplicates == 1
    repost = json.loads((out / "c-repost.txt.json").read_text("utf-8"))
    assert repost["document"]["duplicate_of"] == str(docs / "a-baodang.txt")
    assert (
        "duplicate_of"
        not in json.loads((out / "a-baodang.txt.json").read_text("utf-8"))["document"]
    )
    rows = list(csv.DictReader((out / "duplicates.csv").open(encoding="utf-8")))
    assert [(r["source"], r["duplicate_of"]) for r in rows] == [
        (str(docs / "c-repost.txt"), str(docs / "a-baodang.txt"))
    ]
    assert float(rows[0]["similarity"]) > 0.8
    lines = [json.loads(x) for x in (out / "all.jsonl").open(encoding="utf-8")]
    assert [x["document"].get("duplicate_of") for x in lines] == [
        None,
        None,
        str(docs / "a-baodang.txt"),
    ]

    # The repost is replaced by another article: the mark goes, on a rerun that redoes only it.
    (docs / "c-repost.txt").write_text(
        (SAMPLES / "quyet-dinh-1234-qd-ubnd.txt").read_text("utf-8"), "utf-8"
    )
    summary = run_batch([docs], out)
    assert (summary.written, summary.unchanged, summary.duplicates) == (1, 2, 0)
    assert (
        "duplicate_of" not in json.loads((out / "c-repost.txt.json").read_text("utf-8"))["document"]
    )
    assert (out / "duplicates.csv").read_text("utf-8").splitlines() == [
        "source,duplicate_of,similarity,output"
    ]


# The numpy n-gram hashes are scikit-learn's: fingerprints stored by earlier runs stay valid.
HASH_CASES = [
    "Ủy ban Thường vụ Quốc hội bế mạc Phiên họp thứ 12.",
    "abcdefg",  # one 7-gram, no tail bytes
    "Đảng ủy",  # 2-byte letters: tails of every length
    "𝔸𝔹ℂ ĐẢNG ủy 1234567 \u0300x 😀😀",  # 4-byte characters, a lone combining mark
    "x" * 28 + "é",
    "short",  # under 7 characters: empty
]


def _sklearn_fingerprint(text: str):
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer

    from vnpolicy.corpus.duplicates import N_FEATURES, NGRAM, SAMPLE, _prepare

    prepared = _prepare(text)
    if len(prepared) < NGRAM:
        return np.zeros(0, dtype=np.int32)
    vectorizer = HashingVectorizer(
        analyzer="char",
        ngram_range=(NGRAM, NGRAM),
        n_features=N_FEATURES,
        alternate_sign=False,
        binary=True,
        norm=None,
        lowercase=False,
    )
    indices = np.unique(vectorizer.transform([prepared]).indices)
    return indices[indices % SAMPLE == 0].astype(np.int32)


@pytest.mark.parametrize("text", HASH_CASES)
def test_fingerprint_hashes_are_scikit_learns(text: str) -> None:
    assert fingerprint(text).tolist() == _sklearn_fingerprint(text).tolist()


def test_fingerprint_hashes_are_scikit_learns_on_every_dev_document() -> None:
    paths = sorted(DEV_DOCS.glob("*.txt")) + sorted(SAMPLES.glob("*.txt"))
    if len(paths) < 10:
        pytest.skip("../shared/eval/dev is not present")
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert fingerprint(text).tolist() == _sklearn_fingerprint(text).tolist(), path.name
