"""A grammar of Vietnamese law titles: where a title cited by name ends.

A title is a head noun phrase ("Cán bộ") followed by tails joined by a comma, "và", "của",
"tại" or "ở" ("Cán bộ, công chức"; "Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân";
"Trách nhiệm bồi thường của Nhà nước"; "Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước
ngoài tại Việt Nam"). A tail belongs to the title only when the chain of tails ends where a
title ends: punctuation, the end of the line, "số", an edition year, or a verb of the clause
("quy định", "áp dụng", "có hiệu lực", "được"). A verb, a function word or a year ends the
title; "năm 2013", "2013", "(năm 1962)" and "(sửa đổi)" after it are its edition, kept in the
mention's name (`document_ids.split_edition` splits it off).

    >>> t = "Theo Luật Phòng, chống tác hại của rượu, bia, người lái xe không được uống."
    >>> t[10:law_title_end(t, 10)]
    'Phòng, chống tác hại của rượu, bia'
    >>> t = "Luật Việc làm năm 2013 áp dụng"
    >>> t[:edition_end(t, law_title_end(t, 5))]
    'Luật Việc làm năm 2013'
"""

from __future__ import annotations

import re

WORD_RE = re.compile(r"\w+|[^\w\s]")
_YEAR = re.compile(r"(?:19|20)\d\d")

# Function words and clause verbs: a title never has them as words of its own.
TITLE_STOPS = frozenset(
    """số ngày của được đã đang sẽ thì là này để theo tại do có không với cho trong khi nếu
    mà nhưng hoặc hay đến từ như nói trên đó gồm thuộc vào ra bởi về hiện nay
    nhằm cũng vẫn phải cần đều các những qua trước sau tới cùng rằng
    nên vì tuy song bị nhiều mọi hầu năm""".split()
)
# Two-word verbs of the clause that follows a title ("Luật Đất đai quy định", "Luật Kế toán
# áp dụng"); at the head of a title they are its first words ("Pháp lệnh quy định chế độ ...",
# "Luật Ban hành văn bản quy phạm pháp luật").
CLAUSE_VERB_PAIRS = frozenset(
    {
        ("quy", "định"),
        ("hiện", "hành"),
        ("có", "hiệu"),
        ("áp", "dụng"),
        ("ban", "hành"),
        ("thông", "qua"),
        ("hướng", "dẫn"),
        ("thi", "hành"),
        ("điều", "chỉnh"),
        ("nêu", "rõ"),
        ("yêu", "cầu"),
        ("sửa", "đổi"),
    }
)
# Words joining two parts of one title, and the words after which the next part may start.
SOFT_BREAKS = frozenset({",", "và", "của", "tại", "ở", "-"})
# Nouns made with a joining or function word ("nhà ở", housing; "trong nước", domestic):
# there the word neither joins nor ends the title.
_COMPOUNDS = frozenset({("nhà", "ở")})
_FUNCTION_WORD_COMPOUNDS = frozenset({("trong", "nước"), ("ngoài", "nước")})
# Capitalised words a tail after "của" may start with ("của Nhà nước"); any other capitalised
# word after "của" names the issuer ("Luật Đất đai của Quốc hội").
_OF_PROPER = frozenset({"nhà"})
# Type words that start another document ("Luật A và Luật B", "Luật A, Nghị định B").
_TYPE_HEADS = frozenset("luật bộ pháp nghị quyết hiến chỉ thông".split())
_MAX_HEAD = 14
_MAX_TAIL = 9
_MAX_WORDS = 40


def words_after(text: str, pos: int, limit: int = 80) -> list[re.Match[str]]:
    """The words after `pos` to the end of the line; a PDF line break before a lowercase word
    ("Bộ luật Tố tụng\\ndân sự") does not end the line."""
    lead = re.match(r"[ \t]*\n?[ \t]*", text[pos : pos + 10])
    pos += lead.end() if lead else 0
    end = min(len(text), pos + 500)
    for nl in re.finditer(r"\n\s*(?=\S)", text[pos:end]):
        if not text[pos + nl.end()].islower():
            end = pos + nl.start()
            break
    return list(WORD_RE.finditer(text, pos, end))[:limit]


def _w(words: list[re.Match[str]], i: int) -> str:
    return words[i].group(0) if 0 <= i < len(words) else ""


def _is_year_at(words: list[re.Match[str]], i: int) -> bool:
    return bool(_YEAR.fullmatch(_w(words, i)))


def _stop_at(words: list[re.Match[str]], i: int, head: bool) -> bool:
    """Does the word at `i` end the title? `head`: it is the title's first word."""
    w = _w(words, i)
    low = w.lower()
    nxt = _w(words, i + 1).lower()
    if (low, nxt) in CLAUSE_VERB_PAIRS:
        return not head
    if low == "năm" and _is_year_at(words, i + 1):
        return True
    if low in TITLE_STOPS:
        return not (head and low == "các")  # "Luật Các tổ chức tín dụng"
    if not head and w[:1].isupper() and low in _TYPE_HEADS:
        nxt_w = _w(words, i + 1)
        # "Luật", "Bộ luật", "Nghị quyết", "Pháp lệnh", "Hiến pháp", "Chỉ thị", "Thông tư"
        return low == "luật" or nxt_w.lower() in ("luật", "quyết", "lệnh", "pháp", "thị", "tư")
    return False


def _segment(words: list[re.Match[str]], i: int, head: bool, limit: int) -> int:
    """Index after the words of one part of a title starting at `i`."""
    k = i
    while k < len(words) and k - i < limit:
        w = _w(words, k)
        if (_w(words, k - 1).lower(), w.lower()) in _COMPOUNDS and k > i:
            k += 1
            continue
        if (w.lower(), _w(words, k + 1).lower()) in _FUNCTION_WORD_COMPOUNDS and k > i:
            k += 2
            continue
        if not w[0].isalnum() or w.lower() in SOFT_BREAKS:
            break
        if w.isdigit():
            break
        if _stop_at(words, k, head and k == i):
            break
        k += 1
    return k


def _strong_end(words: list[re.Match[str]], k: int) -> bool:
    """A title may end before word `k`: punctuation, the end, its number or its edition."""
    w = _w(words, k)
    if not w:
        return True
    low = w.lower()
    if not w[0].isalnum():
        return w not in ("-",)
    if low == "số" or _YEAR.fullmatch(w):
        return True
    if low == "và" and _w(words, k + 1).lower() in ("các", "những", "một"):
        return True  # "Luật A và các văn bản hướng dẫn": another noun phrase
    if low == "năm" and _is_year_at(words, k + 1):
        return True
    return (low, _w(words, k + 1).lower()) in CLAUSE_VERB_PAIRS


def _weak_end(words: list[re.Match[str]], k: int) -> bool:
    """A clause may go on after a title at `k`: "Luật Cán bộ, công chức được sửa đổi"."""
    return _w(words, k).lower() in ("được", "đã", "và", "ngày", "có", "do", "thì", "là", "sẽ")


def _tail_ok(words: list[re.Match[str]], brk: int, start: int, end: int) -> bool:
    """May the part words[start:end] after the joining word at `brk` belong to the title?"""
    if end <= start:
        return False
    joiner = _w(words, brk).lower()
    first = _w(words, start)
    if first[:1].isupper():
        if joiner == "của":
            return first.lower() in _OF_PROPER
        if joiner in (",", "và", "-"):
            return joiner == "-"  # "Luật A, Luật B": a list; "Kinh tế - Xã hội": one name
    return True


def _chain_end(words: list[re.Match[str]], k: int, depth: int = 0) -> int | None:
    """Index where the title ends when a joining word stands at `k`, or None when the words
    after it are not part of the title."""
    if depth > 8 or _w(words, k).lower() not in SOFT_BREAKS:
        return None
    start = k + 1
    end = _segment(words, start, head=False, limit=_MAX_TAIL)
    if not _tail_ok(words, k, start, end):
        return None
    nxt = _w(words, end).lower()
    if nxt in SOFT_BREAKS and nxt not in ("-",):
        deeper = _chain_end(words, end, depth + 1)
        if deeper is not None:
            return deeper
    if _strong_end(words, end):
        return end
    if _weak_end(words, end) and end - start <= 4:
        return end
    return None


def title_words_end(words: list[re.Match[str]]) -> int | None:
    """Number of words that make the title among `words` (the words after the type word)."""
    if not words or not words[0].group(0)[0].isalpha():
        return None
    end = _segment(words, 0, head=True, limit=_MAX_HEAD)
    if end == 0:
        return None
    while end < len(words) and end < _MAX_WORDS:
        w = _w(words, end)
        if w == "-" and _w(words, end + 1)[:1].isalpha():
            nxt = _segment(words, end + 1, head=False, limit=_MAX_TAIL)
            if nxt > end + 1:
                end = nxt
                continue
            break
        chained = _chain_end(words, end)
        if chained is None or chained <= end:
            break
        end = chained
    return end


def law_title_end(text: str, pos: int) -> int | None:
    """End offset of the title that starts at `pos` (after the type word), or None."""
    words = words_after(text, pos)
    n = title_words_end(words)
    return words[n - 1].end() if n else None


_EDITION = re.compile(
    r"\s*(?:\(\s*(?:năm\s+)?(?P<py>(?:19|20)\d\d)\s*\)|năm\s+(?P<ny>(?:19|20)\d\d)"
    r"|(?P<by>(?:19|20)\d\d)(?![\d/.,-]\d)|\(\s*sửa\s+đổi(?:,\s*bổ\s+sung)?\s*\)"
    r"|sửa\s+đổi(?!,?\s*bổ\s+sung)(?!\s+(?:một|các|điều|Luật|luật)))(?![\w/])"
)


# The State's name, which official titles of codes carry: "Bộ luật Hình sự nước Cộng hòa xã
# hội chủ nghĩa Việt Nam năm 1985".
_COUNTRY = re.compile(
    r"\s+(?:của\s+)?nước\s+Cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+Việt\s+Nam(?![\w])",
    re.IGNORECASE,
)


def edition_end(text: str, end: int) -> int:
    """End offset after an edition written after a title: "năm 2013", "2013", "(năm 1962)",
    "(sửa đổi)", the State's name; `end` itself when there is none."""
    country = _COUNTRY.match(text, end)
    if country:
        end = country.end()
    m = _EDITION.match(text, end)
    if not m or "\n" in m.group(0).strip():
        return end
    return m.end()
