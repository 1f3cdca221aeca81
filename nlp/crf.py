"""underthesea's word segmenter, scored in Python from its own CRF model: same words, ~4x faster.

`underthesea.word_tokenize` turns every syllable into 43 feature strings ("T[-1,0]=đảng viên",
"T[0].istitle=True", ...) that its Rust tagger parses back before a Viterbi pass over the two
labels B-W/I-W; building and parsing those strings is most of its time. The features only
combine a syllable, or two or three adjacent ones, with a template, so here the weights are
read once from the model file (`models.bin`, CRFsuite format) into one table per template,
each syllable's five single-position templates are summed once per process and cached, and
the pair and triple templates are looked up directly. The per-syllable values the model was
trained on (lower case, `isdigit`, `istitle`, dictionary membership) come from underthesea's
own featurizer, called once per distinct syllable.

This reads underthesea's model folder and featurizer, which are not its public interface: a
folder this module cannot read raises `ModelLayoutError`, and `vnpolicy.nlp.segment` uses a
`Segmenter` only after its words equal `word_tokenize`'s on sample sentences.

>>> Segmenter().words("Huyện ủy Hải Lăng có 9.757 đảng viên")
['Huyện', 'ủy', 'Hải Lăng', 'có', '9.757', 'đảng viên']
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

_BOS, _EOS = "\x00BOS", "\x00EOS"  # padding syllables (never produced by the tokenizer)
#: Score entries (pairs, triples, syllables) kept before a cache starts over: ~200 bytes each;
#: an archive's frequent pairs come back within a few hundred documents.
_CACHE = 50_000
_SUFFIXES = ("", "lower", "isdigit", "istitle", "is_in_dict")
_TEMPLATE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(\w+))?$")
_WINDOW_SUFFIXES = ("", "lower", "istitle", "is_in_dict")  # those `_values` computes
_LABELS = ("B-W", "I-W")
_MODEL_NAME = "ws_crf_vlsp2013_20230727"


class ModelLayoutError(Exception):
    """underthesea's segmentation model is not laid out as this module reads it (file: cause)."""


def _model_dir() -> Path:
    try:
        import underthesea.pipeline.word_tokenize as wt
    except ImportError as exc:
        raise ModelLayoutError(f"underthesea.pipeline.word_tokenize: {exc}") from exc
    return Path(wt.__file__).parent / "models" / _MODEL_NAME


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


def _load_strings(path: Path, kind: type, what: str):
    """A joblib file of `features.bin`/`dictionary.bin` holding a `kind` of strings."""
    import joblib

    if not path.is_file():
        raise ModelLayoutError(f"{path}: missing")
    try:
        value = joblib.load(path)
    except Exception as exc:  # a pickle of anything may fail in any way
        raise ModelLayoutError(f"{path}: unreadable ({type(exc).__name__}: {exc})") from exc
    if not isinstance(value, kind) or not all(isinstance(v, str) for v in value):
        raise ModelLayoutError(f"{path}: not a {what} ({type(value).__name__})")
    return value


def _read_model(path: Path) -> tuple[list[str], dict[str, list[float]], list[list[float]]]:
    if not path.is_file():
        raise ModelLayoutError(f"{path}: missing")
    try:
        labels, state, trans = read_crfsuite(path)
    except (ValueError, IndexError, struct.error) as exc:
        raise ModelLayoutError(f"{path}: {exc}") from exc
    if sorted(labels) != list(_LABELS):
        raise ModelLayoutError(f"{path}: labels {labels}, not {list(_LABELS)}")
    return labels, state, trans


class _Caches:
    """Scores already computed: per syllable (`info`, `unigram`), per pair and per triple.

    Threads share one `_Caches` without a lock: an entry is a pure function of its key and the
    model and is stored finished (a tuple, one dict assignment; `info` before `unigram`, which
    marks a syllable as known), entries are never removed, and a full cache is replaced by a
    new object, never cleared, so a thread that took the old one finishes its sentence with it.
    """

    __slots__ = ("info", "unigram", "pair", "triple")

    def __init__(self, info: dict, unigram: dict) -> None:
        self.info: dict[str, dict[str, str]] = info
        self.unigram: dict[str, tuple[float, ...]] = unigram
        self.pair: dict[tuple[str, ...], tuple[float, ...]] = {}
        self.triple: dict[tuple[str, ...], tuple[float, ...]] = {}


class Segmenter:
    """The underthesea word segmentation model, scored without feature strings."""

    def __init__(self, model_dir: Path | None = None):
        """Read the model of `model_dir` (underthesea's own by default).

        Raises `ModelLayoutError` naming the file and the cause when a file is missing or not
        as expected (templates, labels, header, featurizer output).
        """
        try:
            from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize
            from underthesea_core import CRFFeaturizer
        except ImportError as exc:
            raise ModelLayoutError(f"underthesea: {exc}") from exc

        model_dir = model_dir or _model_dir()
        if not model_dir.is_dir():
            raise ModelLayoutError(f"{model_dir}: missing")
        self._tokenize = tokenize
        templates = _load_strings(model_dir / "features.bin", list, "list of feature templates")
        self._templates = templates
        self._dictionary = _load_strings(model_dir / "dictionary.bin", set, "set of words")
        self._uni: dict[int, list[tuple[dict, str]]] = {k: [] for k in range(-2, 3)}
        self._pair: dict[int, list[tuple[dict, str]]] = {k: [] for k in range(-2, 2)}
        self._triple: dict[int, list[tuple[dict, str]]] = {k: [] for k in range(-2, 1)}
        tables = self._template_tables(model_dir / "features.bin", templates)
        try:
            self._featurizer = CRFFeaturizer(templates, self._dictionary)
        except Exception as exc:  # the Rust featurizer's own errors
            raise ModelLayoutError(f"underthesea_core.CRFFeaturizer: {exc}") from exc
        labels, state, trans = _read_model(model_dir / "models.bin")
        b, i = labels.index("B-W"), labels.index("I-W")
        self._t = (trans[b][b], trans[i][b], trans[b][i], trans[i][i])  # BB, IB, BI, II
        # template -> {value: weight(I-W) - weight(B-W)}: only the difference decides Viterbi
        # with two labels, as both labels of a position get the same other terms.
        for attr, weights in state.items():
            name, _, value = attr.partition("=")
            if name not in tables:
                raise ModelLayoutError(f"{model_dir / 'models.bin'}: {attr!r} has no template")
            tables[name][value] = weights[i] - weights[b]
        info = {_BOS: dict.fromkeys(_SUFFIXES, "BOS"), _EOS: dict.fromkeys(_SUFFIXES, "EOS")}
        unigram = {pad: self._unigram_scores(info[pad]) for pad in (_BOS, _EOS)}
        self._pads = (info, unigram)
        self._caches = _Caches(dict(info), dict(unigram))
        self._learn(["Hà"], self._caches)  # the featurizer gives every per-syllable value

    def __getstate__(self) -> dict:
        """The weights and tables, for `vnpolicy.nlp.model_cache` (not the Rust featurizer,
        the tokenizer or the score caches, which `__setstate__` makes anew)."""
        skip = ("_featurizer", "_tokenize", "_caches")
        return {k: v for k, v in self.__dict__.items() if k not in skip}

    def __setstate__(self, state: dict) -> None:
        from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize
        from underthesea_core import CRFFeaturizer

        self.__dict__.update(state)
        self._tokenize = tokenize
        self._featurizer = CRFFeaturizer(self._templates, self._dictionary)
        info, unigram = self._pads
        self._caches = _Caches(dict(info), dict(unigram))
        self._learn(["Hà"], self._caches)

    def _template_tables(self, path: Path, templates: list[str]) -> dict[str, dict[str, float]]:
        """One empty weight table per template, filed by the positions it reads."""
        tables: dict[str, dict[str, float]] = {t: {} for t in templates}
        for name in templates:
            m = _TEMPLATE.match(name)
            if not m:
                raise ModelLayoutError(f"{path}: unknown feature template {name!r}")
            lo, hi, suffix = int(m[1]), int(m[2] or m[1]), m[3] or ""
            known = _SUFFIXES if lo == hi else _WINDOW_SUFFIXES
            if suffix not in known or not 0 <= hi - lo <= 2 or not -2 <= lo <= hi <= 2:
                raise ModelLayoutError(f"{path}: unsupported feature template {name!r}")
            if "T[0]" + (f".{suffix}" if suffix else "") not in templates:
                raise ModelLayoutError(f"{path}: {name!r} needs T[0].{suffix} for its values")
            group = {0: self._uni, 1: self._pair, 2: self._triple}[hi - lo]
            group[lo].append((tables[name], suffix))
        self._suffixes = {suffix for _table, suffix in self._uni[0]}
        return tables

    def _learn(self, tokens: list[str], caches: _Caches) -> None:
        """Ask underthesea's featurizer for the per-syllable values of unseen syllables."""
        unigram = caches.unigram
        new = list(dict.fromkeys(t for t in tokens if t not in unigram))
        if not new:
            return
        suffixes = self._suffixes
        for token, feats in zip(new, self._featurizer.process([[[t]] for t in new]), strict=True):
            info = {"": token}
            for feat in feats[0]:
                name, _, value = feat.partition("=")
                if name.startswith("T[0]"):
                    info[name[5:]] = value
            if not suffixes <= info.keys():  # underthesea_core changed what it reports
                missing = sorted(suffixes - info.keys())
                raise ModelLayoutError(f"underthesea_core.CRFFeaturizer: no T[0].{missing}")
            caches.info[token] = info
            unigram[token] = self._unigram_scores(info)

    def _unigram_scores(self, info: dict[str, str]) -> tuple[float, ...]:
        return tuple(
            sum(table.get(info[suffix], 0.0) for table, suffix in self._uni[k])
            for k in range(-2, 3)
        )

    def _values(self, tokens: tuple[str, ...], info: dict[str, dict[str, str]]) -> dict[str, str]:
        """The feature values of two or three adjacent syllables, by template suffix."""
        if tokens[0] == _BOS:
            return info[_BOS]
        if tokens[-1] == _EOS:
            return info[_EOS]
        infos = [info[t] for t in tokens]
        lower = " ".join(i["lower"] for i in infos)
        return {
            "": " ".join(tokens),
            "lower": lower,
            "istitle": str(all(i["istitle"] == "True" for i in infos)),
            "is_in_dict": str(lower in self._dictionary),
        }

    def _scores(self, tokens: tuple[str, ...], groups: dict, info: dict) -> tuple[float, ...]:
        values = self._values(tokens, info)
        return tuple(
            sum(table.get(values[suffix], 0.0) for table, suffix in groups[k]) for k in groups
        )

    def _current_caches(self) -> _Caches:
        """The caches to use for one sentence, replaced (never cleared) when full."""
        caches = self._caches
        full_syllables = len(caches.unigram) > 4 * _CACHE
        if full_syllables or len(caches.pair) > _CACHE or len(caches.triple) > _CACHE:
            if full_syllables:
                info, unigram = self._pads
                caches = _Caches(dict(info), dict(unigram))
            else:
                caches = _Caches(caches.info, caches.unigram)
            self._caches = caches
        return caches

    def tags(self, tokens: list[str]) -> list[bool]:
        """For each syllable, whether it continues the previous word (I-W)."""
        if not tokens:
            return []
        caches = self._current_caches()
        self._learn(tokens, caches)
        padded = [_BOS, _BOS, *tokens, _EOS, _EOS]
        unigram, info = caches.unigram, caches.info
        uni = [unigram[t] for t in padded]
        pair_cache, triple_cache = caches.pair, caches.triple
        pairs = []
        for key in zip(padded, padded[1:], strict=False):
            scores = pair_cache.get(key)
            if scores is None:
                scores = pair_cache[key] = self._scores(key, self._pair, info)
            pairs.append(scores)
        triples = []
        for key in zip(padded, padded[1:], padded[2:], strict=False):
            scores = triple_cache.get(key)
            if scores is None:
                scores = triple_cache[key] = self._scores(key, self._triple, info)
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

    def words(self, sentence: str) -> list[str]:
        """Words of `sentence`, meant to be `word_tokenize(sentence, use_token_normalize=False)`."""
        tokens = self._tokenize(sentence, use_token_normalize=False)
        words: list[str] = []
        for token, inside in zip(tokens, self.tags(tokens), strict=True):
            if inside and words:
                words[-1] = words[-1] + " " + token
            else:
                words.append(token)
        return words
