"""underthesea's word segmenter, scored in Python from its own CRF model: same words, ~4x faster.

`underthesea.word_tokenize` turns every syllable into 43 feature strings ("T[-1,0]=đảng viên",
"T[0].istitle=True", ...) that its Rust tagger parses back before a Viterbi pass over the two
labels B-W/I-W; building and parsing those strings is most of its time. The features only
combine a syllable, or two or three adjacent ones, with a template, so here the weights are
read once from the model file (`models.bin`, CRFsuite format) into one table per template,
each syllable's five single-position templates are summed once per process and cached, and
the pair and triple templates are looked up directly. The per-syllable values the model was
trained on (lower case, `isdigit`, `istitle`, dictionary membership) come from underthesea's
own featurizer, called once per distinct syllable. `tests/test_analysis.py` asserts that the
words equal `word_tokenize(sentence, use_token_normalize=False)` on every dev sentence.

>>> segment("Huyện ủy Hải Lăng có 9.757 đảng viên")
['Huyện', 'ủy', 'Hải Lăng', 'có', '9.757', 'đảng viên']
"""

from __future__ import annotations

import re
import struct
from functools import lru_cache
from pathlib import Path

_BOS, _EOS = "\x00BOS", "\x00EOS"  # padding syllables (never produced by the tokenizer)
#: Score entries (pairs, triples, syllables) kept before a cache starts over: ~200 bytes each;
#: an archive's frequent pairs come back within a few hundred documents.
_CACHE = 50_000
_SUFFIXES = ("", "lower", "isdigit", "istitle", "is_in_dict")
_TEMPLATE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(\w+))?$")


def _model_dir() -> Path:
    import underthesea.pipeline.word_tokenize as wt

    return Path(wt.__file__).parent / "models" / "ws_crf_vlsp2013_20230727"


def _read_cqdb(data: bytes, offset: int) -> list[str]:
    """The strings of a CQDB chunk (CRFsuite's string table), in id order."""
    _size, _flag, _order, count, backward = struct.unpack_from("<IIIII", data, offset + 4)
    out = [""] * count
    for i in range(count):
        (at,) = struct.unpack_from("<I", data, offset + backward + 4 * i)
        ident, length = struct.unpack_from("<iI", data, offset + at)
        out[ident] = data[offset + at + 8 : offset + at + 7 + length].decode("utf-8")
    return out


def read_crfsuite(path: Path) -> tuple[list[str], dict[str, list[float]], list[list[float]]]:
    """Labels, `{attribute: [weight per label]}` and the label transition matrix of a model."""
    data = path.read_bytes()
    header = struct.unpack_from("<4sI4sIIIIIIIII", data, 0)
    if header[0] != b"lCRF" or header[2] != b"FOMC":
        raise ValueError(f"{path}: not a CRFsuite model")
    n_labels, off_features, off_labels, off_attrs = header[5], header[7], header[8], header[9]
    labels = _read_cqdb(data, off_labels)
    attrs = _read_cqdb(data, off_attrs)
    state: dict[str, list[float]] = {}
    trans = [[0.0] * n_labels for _ in range(n_labels)]
    (count,) = struct.unpack_from("<I", data, off_features + 8)
    for kind, src, dst, weight in struct.iter_unpack(
        "<IIId", data[off_features + 12 :][: 20 * count]
    ):
        if kind == 0:
            state.setdefault(attrs[src], [0.0] * n_labels)[dst] += weight
        else:
            trans[src][dst] += weight
    return labels, state, trans


class Segmenter:
    """The underthesea word segmentation model, scored without feature strings."""

    def __init__(self, model_dir: Path | None = None):
        import joblib
        from underthesea_core import CRFFeaturizer

        model_dir = model_dir or _model_dir()
        templates = joblib.load(model_dir / "features.bin")
        self._dictionary = joblib.load(model_dir / "dictionary.bin")
        self._featurizer = CRFFeaturizer(templates, self._dictionary)
        labels, state, trans = read_crfsuite(model_dir / "models.bin")
        b, i = labels.index("B-W"), labels.index("I-W")
        self._t = (trans[b][b], trans[i][b], trans[b][i], trans[i][i])  # BB, IB, BI, II
        # template -> {value: weight(I-W) - weight(B-W)}: only the difference decides Viterbi
        # with two labels, as both labels of a position get the same other terms.
        tables: dict[str, dict[str, float]] = {t: {} for t in templates}
        for attr, weights in state.items():
            name, _, value = attr.partition("=")
            tables[name][value] = weights[i] - weights[b]
        self._uni: dict[int, list[tuple[dict, str]]] = {k: [] for k in range(-2, 3)}
        self._pair: dict[int, list[tuple[dict, str]]] = {k: [] for k in range(-2, 2)}
        self._triple: dict[int, list[tuple[dict, str]]] = {k: [] for k in range(-2, 1)}
        for name in templates:
            m = _TEMPLATE.match(name)
            if not m:
                raise ValueError(f"unknown feature template {name!r}")
            lo, hi, suffix = int(m[1]), int(m[2] or m[1]), m[3] or ""
            if suffix not in _SUFFIXES or not 0 <= hi - lo <= 2 or not -2 <= lo <= hi <= 2:
                raise ValueError(f"unsupported feature template {name!r}")
            if "T[0]" + (f".{suffix}" if suffix else "") not in templates:
                raise ValueError(f"{name!r} needs T[0].{suffix} to learn syllable values")
            group = {0: self._uni, 1: self._pair, 2: self._triple}[hi - lo]
            group[lo].append((tables[name], suffix))
        self._info: dict[str, dict[str, str]] = {
            _BOS: dict.fromkeys(_SUFFIXES, "BOS"),
            _EOS: dict.fromkeys(_SUFFIXES, "EOS"),
        }
        self._unigram: dict[str, tuple[float, ...]] = {}
        self._pair_cache: dict[tuple[str, ...], tuple[float, ...]] = {}
        self._triple_cache: dict[tuple[str, ...], tuple[float, ...]] = {}
        for token in (_BOS, _EOS):
            self._unigram[token] = self._unigram_scores(token)

    def _learn(self, tokens: list[str]) -> None:
        """Ask underthesea's featurizer for the per-syllable values of unseen syllables."""
        new = list(dict.fromkeys(t for t in tokens if t not in self._unigram))
        if not new:
            return
        for token, feats in zip(new, self._featurizer.process([[[t]] for t in new]), strict=True):
            info = {"": token}
            for feat in feats[0]:
                name, _, value = feat.partition("=")
                if name.startswith("T[0]"):
                    info[name[5:]] = value
            self._info[token] = info
            self._unigram[token] = self._unigram_scores(token)

    def _forget_syllables(self) -> None:
        keep = (_BOS, _EOS)
        self._info = {t: self._info[t] for t in keep}
        self._unigram = {t: self._unigram[t] for t in keep}
        self._pair_cache.clear()
        self._triple_cache.clear()

    def _unigram_scores(self, token: str) -> tuple[float, ...]:
        info = self._info[token]
        return tuple(
            sum(table.get(info[suffix], 0.0) for table, suffix in self._uni[k])
            for k in range(-2, 3)
        )

    def _values(self, tokens: tuple[str, ...]) -> dict[str, str]:
        """The feature values of two or three adjacent syllables, by template suffix."""
        if tokens[0] == _BOS:
            return self._info[_BOS]
        if tokens[-1] == _EOS:
            return self._info[_EOS]
        infos = [self._info[t] for t in tokens]
        lower = " ".join(info["lower"] for info in infos)
        return {
            "": " ".join(tokens),
            "lower": lower,
            "istitle": str(all(info["istitle"] == "True" for info in infos)),
            "is_in_dict": str(lower in self._dictionary),
        }

    def _scores(self, tokens: tuple[str, ...], groups: dict) -> tuple[float, ...]:
        values = self._values(tokens)
        return tuple(
            sum(table.get(values[suffix], 0.0) for table, suffix in groups[k]) for k in groups
        )

    def tags(self, tokens: list[str]) -> list[bool]:
        """For each syllable, whether it continues the previous word (I-W)."""
        if not tokens:
            return []
        if len(self._unigram) > 4 * _CACHE:
            self._forget_syllables()
        self._learn(tokens)
        padded = [_BOS, _BOS, *tokens, _EOS, _EOS]
        uni = [self._unigram[t] for t in padded]
        pair_cache, triple_cache = self._pair_cache, self._triple_cache
        if len(pair_cache) > _CACHE or len(triple_cache) > _CACHE:
            pair_cache.clear()
            triple_cache.clear()
        pairs = []
        for key in zip(padded, padded[1:], strict=False):
            scores = pair_cache.get(key)
            if scores is None:
                scores = pair_cache[key] = self._scores(key, self._pair)
            pairs.append(scores)
        triples = []
        for key in zip(padded, padded[1:], padded[2:], strict=False):
            scores = triple_cache.get(key)
            if scores is None:
                scores = triple_cache[key] = self._scores(key, self._triple)
            triples.append(scores)
        diffs = [
            uni[i][0]
            + uni[i + 1][1]
            + uni[i + 2][2]
            + uni[i + 3][3]
            + uni[i + 4][4]
            + pairs[i][0]
            + pairs[i + 1][1]
            + pairs[i + 2][2]
            + pairs[i + 3][3]
            + triples[i][0]
            + triples[i + 1][1]
            + triples[i + 2][2]
            for i in range(len(tokens))
        ]
        return self._viterbi(diffs)

    def _viterbi(self, diffs: list[float]) -> list[bool]:
        bb, ib, bi, ii = self._t
        score_b, score_i = 0.0, diffs[0]
        back: list[tuple[bool, bool]] = []  # per position: (best previous is I for B, for I)
        for d in diffs[1:]:
            from_b_to_b, from_i_to_b = score_b + bb, score_i + ib
            from_b_to_i, from_i_to_i = score_b + bi, score_i + ii
            prev_i_for_b = from_i_to_b > from_b_to_b  # ties go to the first label, B-W
            prev_i_for_i = from_i_to_i > from_b_to_i
            back.append((prev_i_for_b, prev_i_for_i))
            score_b = from_i_to_b if prev_i_for_b else from_b_to_b
            score_i = (from_i_to_i if prev_i_for_i else from_b_to_i) + d
        label = score_i > score_b
        out = [label]
        for prev_b, prev_i in reversed(back):
            label = prev_i if label else prev_b
            out.append(label)
        out.reverse()
        return out


@lru_cache(maxsize=1)
def segmenter() -> Segmenter | None:
    """One segmenter per process (reading the model takes ~0.3 s); None if underthesea's
    model is not one this module can read (then `segment` calls `word_tokenize`)."""
    try:
        return Segmenter()
    except (OSError, ValueError, KeyError, struct.error):
        return None


def segment(sentence: str) -> list[str]:
    """Words of `sentence` exactly as `word_tokenize(sentence, use_token_normalize=False)`."""
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    model = segmenter()
    if model is None:
        from underthesea import word_tokenize

        return word_tokenize(sentence, use_token_normalize=False)
    tokens = tokenize(sentence, use_token_normalize=False)
    words: list[str] = []
    for token, inside in zip(tokens, model.tags(tokens), strict=True):
        if inside and words:
            words[-1] = words[-1] + " " + token
        else:
            words.append(token)
    return words
