"""Near-duplicate documents: the same article republished with other page furniture or edits.

A document's fingerprint is the set of its hashed character 7-grams (scikit-learn's
`HashingVectorizer` hashes, computed with numpy, over the case-folded, space-collapsed text),
thinned to the hashes that are 0 modulo `SAMPLE` so it stays small enough to keep for every
document of an archive; the thinning is the same for every document, so two copies keep the
same 7-grams. Documents are compared by the cosine similarity of those binary vectors: the
number of hashes two share over the geometric mean of their sizes (exact, by sparse products).

"Chủ tịch Quốc hội chủ trì phiên họp ..." and the same story re-posted with "Chia sẻ | In bài |
Bản quyền thuộc Báo ..." appended scores 0.88-0.97; two different articles, even directives
sharing their boilerplate, score under 0.25. `THRESHOLD` sits between (see its comment).

The fingerprints of a batch wait in a temporary file (`FingerprintStore`) and are compared
block by block, so the pass holds a few blocks, not the archive (35,000 articles once took
1.9 GB with every vector in memory).
"""

from __future__ import annotations

import re
import tempfile
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
#: Characters hashed at a time (about 200 MB of working memory), so a long text costs no more.
_PIECE = 1_000_000


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
    # In pieces overlapping by NGRAM - 1 characters (the same n-grams, so the same result):
    # hashing builds a matrix of ~200 bytes per character, 3 GB for a 15M-character text.
    kept = []
    for start in range(0, len(prepared) - NGRAM + 1, _PIECE):
        hashes = _ngram_hashes(prepared[start : start + _PIECE + NGRAM - 1])
        # scikit-learn's index of a feature: |signed hash| % N_FEATURES (a power of two)
        indices = np.unique(np.abs(hashes.astype(np.int64)) % N_FEATURES)
        kept.append(indices[indices % SAMPLE == 0])
    return np.unique(np.concatenate(kept)).astype(np.int32)


def fingerprint_to_bytes(fp: np.ndarray) -> bytes:
    """Little-endian int32 bytes of a fingerprint, for storing in a manifest."""
    return np.asarray(fp, dtype="<i4").tobytes()


def fingerprint_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<i4").astype(np.int32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine similarity of two fingerprints (0.0 when either is empty)."""
    if not len(a) or not len(b):
        return 0.0
    return float(len(np.intersect1d(a, b, assume_unique=True)) / np.sqrt(len(a) * len(b)))


class FingerprintStore:
    """Fingerprints kept in a temporary file, not in memory: `append` them in any order with
    their position, read any back by position (`vnpolicy.batch` fills one from the run
    manifest). Memory holds two integers per document, whatever the archive's size.

    >>> with FingerprintStore(2) as store:
    ...     store.put(1, fingerprint("Thông báo kết luận của Bộ Chính trị"))
    ...     len(store.get(0)), len(store.get(1)) > 0
    (0, True)
    """

    def __init__(self, count: int, folder: str | None = None):
        self._file = tempfile.TemporaryFile(dir=folder, prefix="vnpolicy-fingerprints-")
        self._start = np.zeros(count, dtype=np.int64)
        self._length = np.zeros(count, dtype=np.int64)
        self._size = 0
        self._map: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self._length)

    def put(self, position: int, fp: np.ndarray) -> None:
        data = np.asarray(fp, dtype="<i4").tobytes()
        self._file.seek(self._size * 4)
        self._file.write(data)
        self._start[position], self._length[position] = self._size, len(data) // 4
        self._size += len(data) // 4
        self._map = None

    def lengths(self) -> np.ndarray:
        return self._length

    def _mapped(self) -> np.ndarray:
        if self._map is None:
            self._file.flush()
            if not self._size:
                self._map = np.zeros(0, dtype="<i4")
            else:
                self._map = np.memmap(self._file, dtype="<i4", mode="r", shape=(self._size,))
        return self._map

    def get(self, position: int) -> np.ndarray:
        start = self._start[position]
        return np.array(self._mapped()[start : start + self._length[position]], dtype=np.int32)

    def matrix(self, positions: np.ndarray, columns: np.ndarray | None = None):
        """The binary CSR matrix of the fingerprints at `positions`, one row each; with
        `columns` (sorted features), column j is feature `columns[j]` and other features are
        left out (so two blocks are multiplied in the space of their own features, not 2**24)."""
        from scipy.sparse import csr_matrix

        indices, indptr = self._features(positions)
        width = N_FEATURES
        if columns is not None:
            at = np.searchsorted(columns, indices)
            at[at == len(columns)] = 0
            keep = columns[at] == indices
            kept_before = np.zeros(len(keep) + 1, dtype=np.int64)
            np.cumsum(keep, out=kept_before[1:])
            indptr = kept_before[indptr]  # each row's start among the kept features
            indices = at[keep].astype(np.int32)
            width = len(columns)
        data = np.ones(len(indices), dtype=np.int32)
        return csr_matrix((data, indices, indptr), shape=(len(positions), width))

    def _features(self, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The features of `positions`, end to end, and where each one's begin (CSR form)."""
        lengths = self._length[positions]
        indptr = np.zeros(len(positions) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        mapped = self._mapped()
        indices = np.empty(int(indptr[-1]), dtype=np.int32)
        for row, position in enumerate(positions):
            start = self._start[position]
            indices[indptr[row] : indptr[row + 1]] = mapped[start : start + lengths[row]]
        return indices, indptr

    def features_of(self, positions: np.ndarray) -> np.ndarray:
        """The sorted distinct features of the fingerprints at `positions`."""
        features = np.sort(self._features(positions)[0])
        return (
            features[np.append(True, features[1:] != features[:-1])] if len(features) else features
        )

    def close(self) -> None:
        self._map = None
        self._file.close()

    def __enter__(self) -> FingerprintStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


#: Documents compared at a time (a block against a block): the shared-feature counts of two
#: blocks take at most BLOCK**2 entries, whatever the number of documents. Measured on 10,000
#: fingerprints that all share some boilerplate (every pair counted): 2048 peaks at ~400 MB,
#: 1024 at ~170 MB, in about the same time.
BLOCK = 1024


def find_duplicates(
    sources: Sequence[str],
    fingerprints: Sequence[np.ndarray] | FingerprintStore,
    threshold: float = THRESHOLD,
    min_features: int = 20,
    block: int = BLOCK,
) -> list[Duplicate]:
    """Each document that repeats an earlier one, pointed at that earlier (canonical) document.

    Documents are taken in the order given: the first of a group of copies is canonical and
    every later copy names it, so `duplicate_of` never points at another duplicate. A copy
    whose nearest earlier match is itself a duplicate joins that match's canonical document.
    Fingerprints under `min_features` (a caption, an empty page) are never matched.

    Every pair is compared exactly (features shared, counted by sparse products), one block
    of `block` documents against each earlier block, so memory does not grow with the number
    of documents when `fingerprints` is a `FingerprintStore`.
    """
    if isinstance(fingerprints, FingerprintStore):
        return _find_in_store(sources, fingerprints, threshold, min_features, block)
    with FingerprintStore(len(fingerprints)) as store:
        for position, fp in enumerate(fingerprints):
            store.put(position, fp)
        return _find_in_store(sources, store, threshold, min_features, block)


def _nearest_earlier(
    store: FingerprintStore, usable: np.ndarray, threshold: float, block: int
) -> tuple[np.ndarray, np.ndarray]:
    """For each usable document, its most similar earlier one at or over `threshold` (the
    earliest on a tie; -1 if none) and that similarity."""
    n = len(usable)
    best = np.full(n, -1, dtype=np.int64)
    best_similarity = np.full(n, -1.0)
    sizes = store.lengths()[usable].astype(np.float64)
    for q0 in range(0, n, block):
        q1 = min(n, q0 + block)
        # in the space of the block's own features: 2**24 columns cost 134 MB per product
        query_features = store.features_of(usable[q0:q1])
        queries = store.matrix(usable[q0:q1], query_features)
        for c0 in range(0, q1, block):
            c1 = min(q1, c0 + block)
            shared = (queries @ store.matrix(usable[c0:c1], query_features).T).tocoo()
            rows, cols = shared.row.astype(np.int64) + q0, shared.col.astype(np.int64) + c0
            keep = cols < rows
            rows, cols, counts = rows[keep], cols[keep], shared.data[keep].astype(np.float64)
            cosine = counts / np.sqrt(sizes[rows] * sizes[cols])
            keep = cosine >= threshold
            rows, cols, cosine = rows[keep], cols[keep], cosine[keep]
            # per row: the highest similarity, then the earliest document
            order = np.lexsort((cols, -cosine, rows))
            rows, cols, cosine = rows[order], cols[order], cosine[order]
            first = np.ones(len(rows), dtype=bool)
            first[1:] = rows[1:] != rows[:-1]
            for row, col, value in zip(rows[first], cols[first], cosine[first], strict=True):
                if value > best_similarity[row] or (
                    value == best_similarity[row] and col < best[row]
                ):
                    best[row], best_similarity[row] = col, value
    return best, best_similarity


def _find_in_store(
    sources: Sequence[str],
    store: FingerprintStore,
    threshold: float,
    min_features: int,
    block: int,
) -> list[Duplicate]:
    usable = np.flatnonzero(store.lengths() >= min_features)
    if len(usable) < 2:
        return []
    nearest, _ = _nearest_earlier(store, usable, threshold, block)
    canonical = np.arange(len(usable))
    found: list[Duplicate] = []
    for row in np.flatnonzero(nearest >= 0):
        root = canonical[row] = canonical[nearest[row]]
        a, b = int(usable[row]), int(usable[root])
        score = round(similarity(store.get(a), store.get(b)), 4)
        found.append(Duplicate(sources[a], sources[b], score))
    return found
