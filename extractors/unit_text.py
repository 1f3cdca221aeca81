"""The words around a mention: the word before and after it, sentence breaks, and the
places where a name is not a unit (a photo credit "Ảnh: Doãn Tấn - TTXVN", a reporter's byline
"Minh Anh - Hà Nam" closing an article, a law's title "Luật Tổ chức Chính phủ").

>>> prev_word("Bí thư Tỉnh ủy Quảng Trị", 7)
'thư'
"""

from __future__ import annotations

import re

from vnpolicy.extractors import unit_context_words as W
from vnpolicy.extractors.unit_regex import UP, alternation

# Capitalized words that may open a sentence before a bare place name ("Tại Hà Nội").
SENTENCE_WORDS = frozenset(
    """Ở Tại Và Từ Đến Cho Với Của Như Trong Theo Ngoài Sau Trước Khi Về Năm Ngày Hôm Nay
    Còn Riêng Cả Toàn Đối Nhưng Hiện Đặc Cùng Trên Dưới Gồm Là Ra Vào Nếu Tuy""".split()
)


def prev_word(text: str, pos: int) -> str:
    m = re.search(r"([^\W_]+)\s*$", text[max(0, pos - 30) : pos])
    return m.group(1) if m else ""


def next_word(text: str, pos: int) -> str:
    m = re.match(r"\s*([^\W_]+)", text[pos : pos + 30])
    return m.group(1) if m else ""


def is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


def is_generic_before(text: str, pos: int) -> bool:
    return prev_word(text, pos).casefold() in W.GENERIC_BEFORE


def after_break(text: str, pos: int) -> bool:
    return pos == 0 or bool(re.search(r"[.:;!?\n,(\"“”'-]\s*$", text[max(0, pos - 3) : pos]))


def in_byline(text: str, pos: int) -> bool:
    """Whether the name at `pos` is a credit ("Ảnh: Doãn Tấn - TTXVN"), not a unit."""
    before = text[max(0, pos - 40) : pos]
    if before.endswith(("/", "(")):
        return True
    m = re.search(rf"(?:{alternation(W.BYLINE_MARKERS)})\s*:[^.!?\n]*$", before)
    if m:
        return True
    # A short line of its own after "Theo"/"Nguồn": "Theo TTXVN", "Nguồn Báo Quảng Ninh".
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if re.match(rf"\s*(?:{alternation(W.WEB_FURNITURE_MARKERS)})", line):
        return True  # "Bản quyền thuộc về Báo Bình Định"
    if re.search(r"(?:^|[.!?]\s+)(?:Theo|Nguồn:?)\s+$", text[line_start:pos]) and re.match(
        r"[^\W\d_]*[\w./ ]{0,30}\s*$", text[pos : len(text) if line_end < 0 else line_end]
    ):
        return True  # "... bế mạc. Theo TTXVN" closing a paragraph
    return len(line) <= 60 and bool(re.match(rf"\s*(?:{alternation(W.BYLINE_MARKERS)})\b", line))


def in_law_title(text: str, pos: int) -> bool:
    """Whether a body at `pos` is a word of a law's title ("Luật Tổ chức Chính phủ", "Luật
    Công an nhân dân", "Điều lệ Hội Nông dân Việt Nam"), not a mention of the body."""
    return bool(
        re.search(r"(?:Luật|Pháp lệnh|Điều lệ)(?: [Tt]ổ chức)? $", text[max(0, pos - 20) : pos])
    )


#: What may follow a closing byline: page furniture of a few short lines ("Tin liên quan").
_AFTER_BYLINE_CHARS = 200
_BYLINE_SEGMENT = re.compile(rf"[{UP}][\w.]*(?:\s*(?:[-–/,(]\s*)?[{UP}][\w.]*){{0,7}}\)?\s*\.?\s*$")


def in_closing_byline(text: str, start: int) -> bool:
    """Whether a place name at `start` is the reporter's byline closing an article ("... lên
    cao. Hà Nam", "Minh Anh - Hà Nam" on the last line): a run of capitalised words after the
    last sentence, with only page furniture after it, says who wrote from where, not what the
    article names."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if len(text[line_end:].strip()) > _AFTER_BYLINE_CHARS:
        return False
    head = text[line_start:start]
    sentence = max(head.rfind(". "), head.rfind("! "), head.rfind("? "), head.rfind(".) "))
    if sentence >= 0:
        segment_start = line_start + sentence + 2
    elif text[:line_start].strip() and text[:line_start].rstrip()[-1] in '.!?”")':
        segment_start = line_start  # a line of its own after the last paragraph
    else:
        return False
    return bool(_BYLINE_SEGMENT.fullmatch(text, segment_start, line_end))
