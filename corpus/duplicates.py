"""Near-duplicate documents: the same article republished with other page furniture or edits.

A document's fingerprint is the set of its hashed character 7-grams (scikit-learn's
`HashingVectorizer` hashes, computed with numpy, over the case-folded, space-collapsed text),
thinned to the hashes that are 0 modulo `SAMPLE` so it stays small enough to keep for every
document of an archive; the thinning is the same for every document, so two copies keep the
same 7-grams. Documents are compared by cosine similarity of those binary vectors with
`NearestNeighbors(metric="cosine")`.

"Chủ tịch Quốc hội chủ trì phiên họp ..." and the same story re-posted with "Chia sẻ | In bài |
Bản quyền thuộc Báo ..." appended scores 0.88-0.97; two different articles, even directives
sharing their boilerplate, score under 0.25. `THRESHOLD` sits between (see its comment).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

#: Character n-gram length. Measured on the dev set's 20 news articles, 9 directives and
#: decrees and the seed article (max cosine of two distinct documents / min cosine of a copy
#: with furniture and 20% of its sentences replaced, one hash in four kept): 5-grams
#: 0.39 / 0.71, 6-grams 0.30 / 0.71, 7-grams 0.24 / 0.74, 8-grams 0.21 / 0.71. Seven
#: characters span about two syllables, so shared function words and administrative
#: boilerplate ("của Ban Thường vụ") weigh little.
NGRAM = 7
#: Keep the n-gram hashes that are 0 modulo SAMPLE (one in eight): a fingerprint of a
#: 5,000-character article is about 600 integers (2.4 KB). Measured against keeping one in
#: four: closest distinct pair 0.23 vs 0.24, worst copy with 20% rewritten 0.72 vs 0.74.
SAMPLE = 8
#: Hash space; collisions at 2**24 are negligible for one article's few thousand n-grams.
N_FEATURES = 2**24
#: Cosine similarity at or above which two documents are one article. Measured (see NGRAM):
#: copies with page furniture added score >= 0.88, with a fifth of their sentences replaced
#: >= 0.72, with 30% replaced >= 0.58; distinct articles on the same topic, and directives
#: of one issuer sharing their boilerplate, score <= 0.23. 0.5 leaves a margin on both sides.
THRESHOLD = 0.5

_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Duplicate:
    """`source` repeats `duplicate_of` (the earlier document) with cosine `similarity`."""

    source: str
    duplicate_of: str
    similarity: float


def _prepare(text: str) -> str:
    """Case-folded NFC text with every run of white space one space: layout does not count."""
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


_C1, _C2 = np.uint32(0xCC9E2D51), np.uint32(0x1B873593)


def _rotl(x: np.ndarray, r: int) -> np.ndarray:
    return (x << np.uint32(r)) | (x >> np.uint32(32 - r))


def _fmix(h: np.ndarray) -> np.ndarray:
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    return h


def _ngram_hashes(prepared: str) -> np.ndarray:
    """MurmurHash3 (x86, 32-bit, seed 0) of the UTF-8 bytes of every character n-gram.

    The hash scikit-learn's `HashingVectorizer(analyzer="char")` gives each n-gram, computed
    for all n-grams at once with numpy (a 5,000-character article: ~0.4 ms instead of ~1.4
    ms), so fingerprints stored by earlier runs stay comparable.
    """
    data = np.frombuffer(prepared.encode("utf-8"), dtype=np.uint8)
    starts = np.flatnonzero((data & 0xC0) != 0x80)  # first byte of each character
    bounds = np.append(starts, len(data))
    count = len(starts) - NGRAM + 1
    first, length = bounds[:count], bounds[NGRAM:] - bounds[:count]
    width = (int(length.max()) // 4 + 1) * 4  # room for the tail block, in whole words
    columns = np.arange(width)
    padded = np.zeros(len(data) + width, dtype=np.uint8)
    padded[: len(data)] = data
    grams = padded[first[:, None] + columns]
    grams[columns >= length[:, None]] = 0
    words = grams.view("<u4").astype(np.uint32)  # (count, width / 4) little-endian blocks
    blocks = length // 4
    h = np.zeros(count, dtype=np.uint32)
    for j in range(int(blocks.max())):
        k = words[:, j] * _C1
        k = _rotl(k, 15) * _C2
        mixed = _rotl(h ^ k, 13) * np.uint32(5) + np.uint32(0xE6546B64)
        h = np.where(j < blocks, mixed, h)
    tail = words[np.arange(count), blocks]  # the last 1-3 bytes, zero-padded (0: no tail)
    k = _rotl(tail * _C1, 15) * _C2
    h = np.where(length % 4 > 0, h ^ k, h)
    h ^= length.astype(np.uint32)
    return _fmix(h).view(np.int32)


def fingerprint(text: str) -> np.ndarray:
    """The sorted, thinned n-gram hashes of `text` (an int32 array; empty for empty text).

    >>> a = fingerprint("Ủy ban Thường vụ Quốc hội bế mạc Phiên họp thứ 12.")
    >>> bool((a == fingerprint("ỦY BAN  Thường vụ Quốc hội bế mạc Phiên họp thứ 12.")).all())
    True
    """
    prepared = _prepare(text)
    if len(prepared) < NGRAM:
        return np.zeros(0, dtype=np.int32)
    # scikit-learn's index of a feature: |signed hash| % N_FEATURES (a power of two)
    indices = np.unique(np.abs(_ngram_hashes(prepared).astype(np.int64)) % N_FEATURES)
    return indices[indices % SAMPLE == 0].astype(np.int32)


def fingerprint_to_bytes(fp: np.ndarray) -> bytes:
    """Little-endian int32 bytes of a fingerprint, for storing in a manifest."""
    return np.asarray(fp, dtype="<i4").tobytes()


def fingerprint_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<i4").astype(np.int32)


def _matrix(fingerprints: Sequence[np.ndarray]):
    """Rows of unit-length binary vectors, one per fingerprint (all-zero rows stay zero)."""
    from scipy.sparse import csr_matrix

    indptr = np.zeros(len(fingerprints) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(fp) for fp in fingerprints])
    indices = np.concatenate([np.asarray(fp, dtype=np.int32) for fp in fingerprints] or [[]])
    data = np.ones(len(indices), dtype=np.float32)
    matrix = csr_matrix(
        (data, indices.astype(np.int32), indptr), shape=(len(fingerprints), N_FEATURES)
    )
    norms = np.sqrt(np.diff(indptr)).astype(np.float32)
    norms[norms == 0] = 1.0
    return matrix.multiply(1.0 / norms[:, None]).tocsr()


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine similarity of two fingerprints (0.0 when either is empty)."""
    if not len(a) or not len(b):
        return 0.0
    return float(len(np.intersect1d(a, b, assume_unique=True)) / np.sqrt(len(a) * len(b)))


def find_duplicates(
    sources: Sequence[str],
    fingerprints: Sequence[np.ndarray],
    threshold: float = THRESHOLD,
    min_features: int = 20,
) -> list[Duplicate]:
    """Each document that repeats an earlier one, pointed at that earlier (canonical) document.

    Documents are taken in the order given: the first of a group of copies is canonical and
    every later copy names it, so `duplicate_of` never points at another duplicate. A copy
    whose nearest earlier match is itself a duplicate joins that match's canonical document.
    Fingerprints under `min_features` (a caption, an empty page) are never matched.
    """
    from sklearn.neighbors import NearestNeighbors

    usable = [i for i, fp in enumerate(fingerprints) if len(fp) >= min_features]
    if len(usable) < 2:
        return []
    matrix = _matrix([fingerprints[i] for i in usable])
    index = NearestNeighbors(metric="cosine", algorithm="brute").fit(matrix)
    distances, neighbours = index.radius_neighbors(
        matrix, radius=1.0 - threshold, sort_results=True
    )
    canonical: dict[int, int] = {}  # position in `usable` -> canonical position
    found: list[Duplicate] = []
    for row in range(len(usable)):
        earlier = [(d, n) for d, n in zip(distances[row], neighbours[row], strict=True) if n < row]
        if not earlier:
            continue
        _, nearest = min(earlier)
        root = canonical.get(nearest, nearest)
        canonical[row] = root
        a, b = usable[row], usable[root]
        found.append(
            Duplicate(
                sources[a], sources[b], round(similarity(fingerprints[a], fingerprints[b]), 4)
            )
        )
    return found
