"""Word segmentation with underthesea, aligned back to character offsets.

The words are those of `underthesea.word_tokenize(sentence, use_token_normalize=False)` (tone
placement left as written). `vnpolicy.nlp.crf` computes them ~4x faster from underthesea's own
model, but reads files and a featurizer underthesea does not promise to keep: so when the
segmenter loads, its words are compared with `word_tokenize`'s on `CHECK_SENTENCES`, and on any
difference, or a model folder it cannot read, one warning is logged and `word_tokenize` is used.

underthesea joins the syllables of a word with spaces ("đảng viên") and returns strings only;
`segment_words` finds each word in the sentence so every word is a span of the text.
The spans of a sentence depend on its text only, so they are cached per process: boilerplate
lines that recur across an archive ("Chia sẻ | In bài", "Nơi nhận:") are segmented once.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from functools import lru_cache, partial
from pathlib import Path

from vnpolicy.nlp.crf import ModelLayoutError

log = logging.getLogger(__name__)

_NON_SPACE = re.compile(r"\S+")

#: Sentences whose words the fast segmenter must share with `word_tokenize` before it is used:
#: names, numbers, abbreviations, document numbers, dates, punctuation, mixed and upper case.
CHECK_SENTENCES = (
    "Huyện ủy Hải Lăng có 9.757 đảng viên, chiếm 19,9% dân số.",
    "Hà",
    "Thực hiện Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII.",
    "Căn cứ Nghị định số 123/2025/NĐ-CP ngày 01/7/2025 của Chính phủ;",
    "Quyết định số 1234/QĐ-UBND ngày 05 tháng 3 năm 2024 của UBND tỉnh Quảng Trị.",
    "Đồng chí Nguyễn Văn Thắng, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy phát biểu chỉ đạo.",
    "TP. Hồ Chí Minh, Tp.HCM và T.Ư Đoàn TNCS Hồ Chí Minh; HĐND, MTTQ Việt Nam.",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
    "ĐẢNG BỘ TỈNH QUẢNG TRỊ * Số 05-CT/TU",
    "Tổng thu ngân sách đạt 3.250,5 tỷ đồng (tăng 12,7% so với năm 2023), vượt 105% dự toán.",
    "Các xã: Gio Linh, Cam Lộ, Triệu Phong... đã hoàn thành 100/117 chỉ tiêu!",
    'Phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa" - giai đoạn 2021-2025.',
    "Liên hệ: ThS. Lê Thị Hoa, e-mail hoa.lt@quangtri.gov.vn, ĐT 0233.3852.123",
    "UBND tỉnh 2025 ĐẢNG Đảng-Bộ ½ ³ a_b Ủy iPhone H'Mông 43H-0530",
    "năm 2020 có 1.162.819 lượt người tham gia; 14 giờ 30 phút ngày 2/9/1945",
    "Gửi kèm Phụ lục IV: Tòa án nhân dân tối cao, Viện Kiểm sát nhân dân tối cao.",
    "Theo Luật Ban hành văn bản quy phạm pháp luật, Bản trích sao được đóng dấu giáp lai.",
    "HƯỚNG DẪN THI HÀNH ĐIỀU LỆ ĐẢNG; NĂM BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII",
)

_lock = threading.Lock()
_words: Callable[[str], list[str]] | None = None


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("underthesea")
    except Exception:  # noqa: BLE001 (a version only decorates the warning)
        return "?"


def first_difference(words: Callable[[str], list[str]], sentences=CHECK_SENTENCES) -> str | None:
    """How `words` first differs from `word_tokenize` on `sentences` (None if never).

    >>> first_difference(str.split, ["Hải Lăng có 9.757 đảng viên"])
    "'Hải Lăng có 9.757 đảng viên' gives ['Hải', 'Lăng', ...], word_tokenize ['Hải Lăng', ...]"
    """
    from underthesea import word_tokenize

    for sentence in sentences:
        expected = word_tokenize(sentence, use_token_normalize=False)
        try:
            got = words(sentence)
        except Exception as exc:  # noqa: BLE001 (any failure means: do not use it)
            return f"{sentence!r} fails ({type(exc).__name__}: {exc})"
        if got != expected:
            return f"{sentence!r} gives {got}, word_tokenize {expected}"
    return None


def choose_words(model_dir: Path | None = None) -> Callable[[str], list[str]]:
    """The fast `Segmenter.words` if it reads `model_dir` and agrees with `word_tokenize` on
    `CHECK_SENTENCES`; otherwise `word_tokenize`, after one warning naming the cause."""
    from underthesea import word_tokenize

    from vnpolicy.nlp import model_cache  # the tables and a passed check are kept on disk

    try:
        words = model_cache.segmenter(model_dir).words
    except ModelLayoutError as exc:
        cause = f"its word segmentation model is not one vnpolicy.nlp.crf reads ({exc})"
    except Exception as exc:  # noqa: BLE001 (the fast path is only an optimisation)
        cause = f"vnpolicy.nlp.crf cannot load its model ({type(exc).__name__}: {exc})"
    else:
        difference = model_cache.verified(
            "segmenter-check", model_dir, lambda: first_difference(words)
        )
        if difference is None:
            return words
        cause = f"vnpolicy.nlp.crf differs from word_tokenize: {difference}"
    log.warning(
        "underthesea %s: %s; words come from underthesea.word_tokenize (slower)", _version(), cause
    )
    return partial(word_tokenize, use_token_normalize=False)


def segment(sentence: str) -> list[str]:
    """Words of `sentence` exactly as `word_tokenize(sentence, use_token_normalize=False)`.

    >>> segment("Huyện uỷ Triệu Phong ban hành Nghị quyết ngày 16/6/2022")
    ['Huyện uỷ', 'Triệu Phong', 'ban hành', 'Nghị quyết', 'ngày', '16/6/2022']
    """
    global _words
    if _words is None:
        with _lock:  # one model and one check (one warning) however many threads start at once
            if _words is None:
                _words = choose_words()
    return _words(sentence)


def segment_words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Word spans of `text[start:end]` as absolute offsets.

    >>> t = "Huyện ủy Hải Lăng có 9.757 đảng viên"
    >>> [t[s:e] for s, e in segment_words(t)]
    ['Huyện', 'ủy', 'Hải Lăng', 'có', '9.757', 'đảng viên']
    """
    end = len(text) if end is None else end
    return [(start + s, start + e) for s, e in _sentence_spans(text[start:end])]


@lru_cache(maxsize=4096)
def _sentence_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """Word spans of one sentence, relative to its start."""
    words = segment(sentence)
    spans, pos = [], 0
    for word in words:
        found = sentence.find(word, pos)
        if found < 0 or sentence[pos:found].strip():
            pattern = r"\s*".join(re.escape(ch) for ch in word if not ch.isspace())
            m = re.compile(pattern).search(sentence, pos) if pattern else None
            if not m:
                continue
            found, stop = m.start(), m.end()
        else:
            stop = found + len(word)
        spans.append((found, stop))
        pos = stop
    # Anything underthesea dropped still becomes a token, so no character is lost.
    return tuple(_fill_gaps(sentence, 0, len(sentence), spans))


def _fill_gaps(text: str, start: int, end: int, spans: list[tuple[int, int]]):
    out, pos = [], start
    for s, e in spans + [(end, end)]:
        if s > pos and not text[pos:s].isspace():
            out.extend((pos + m.start(), pos + m.end()) for m in _NON_SPACE.finditer(text[pos:s]))
        if e > s:
            out.append((s, e))
        pos = e
    return out
