"""Where a document states its own relations: its preamble, its body in clauses, outside
quoted new wording and outside the form templates of its appendices.

- `preamble_end`: where the articles begin ("Điều 1.", "QUYẾT ĐỊNH:", "I. MỤC ĐÍCH");
  the "Căn cứ ..." and "Thực hiện ..." lines before it are the document's own grounds.
- `appendix_start`: the first "PHỤ LỤC" or "Mẫu số 01" heading after the articles; a form
  template below it ("Căn cứ Thông tư số 34/2024/TT-NHNN ...") is no relation of the document.
- `quoted_spans`: the new wording an amending document quotes (“2. Nghị định này áp dụng
  ...”), whose "Nghị định này" is the amended document, not this one.
- `clauses`: sentences and enumerated clauses ("2. Bãi bỏ ...", "Điều 14. Thay thế ...");
  a PDF's wrapped line does not end one.
- `scope_before`: the articles or appendices a verb acts on ("Điều 16, Điều 17, Điều 18").

>>> text = "Điều 3. Hiệu lực\\n1. Thông tư này có hiệu lực.\\n2. Bãi bỏ Điều 16 Thông tư số 4."
>>> [text[s:e] for s, e in clauses(text, 0, len(text))]
['Hiệu lực', 'Thông tư này có hiệu lực.', 'Bãi bỏ Điều 16 Thông tư số 4.']
"""

from __future__ import annotations

import bisect
import re

from vnpolicy.extractors.dates import find_dates
from vnpolicy.extractors.reference_patterns import TYPE_WORDS_ALT

_UPPER = "A-ZĐÁẠÀẢÃÂẤẦẨẪẬĂẮẰẲẴẶÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ"
_PREAMBLE_END = re.compile(
    r"(?:^|\n)[ \t#*]*(?:Điều\s+1\s*[.:]|Chương\s+(?:I|1)\b|Phần\s+(?:I|1|thứ\s+nhất)\b"
    r"|(?:QUYẾT\s+ĐỊNH|NGHỊ\s+ĐỊNH|QUYẾT\s+NGHỊ|NGHỊ\s+QUYẾT|BAN\s+HÀNH|CHỈ\s+THỊ|LỆNH)\s*:"
    rf"|(?:I|1)\s*[.:]\s+[{_UPPER}]{{2}})"
)
_APPENDIX = re.compile(
    r"(?:^|\n)[ \t#*|]*(?:PHỤ\s+LỤC\b|Phụ\s+lục(?:\s+(?:số\s+)?[IVXLC\d]+[a-z]?)?[ \t*]*(?=\n)"
    r"|M[ẫẪ]u\s+(?:số\s+)?\d|MẪU\s+SỐ\b)"
)
_ENUMERATOR = re.compile(
    r"[ \t#*|]*(?:[-+•–*]\s*|\d{1,3}(?:\.\d{1,3})*[.)]\s+|[a-zđ]\)\s*|[IVXLC]{1,6}\.\s+"
    r"|Điều\s+\d{1,3}[a-zđ]?\s*[.:]\s*)"
)
# A "." that ends a sentence: followed by a capital, not after an enumerator or "Điều 3".
_SENTENCE_END = re.compile(r"[.;!?](?=\s+[“\"(]?[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÌÓÒÚÙÝ])|;")
_ENUM_BEFORE_DOT = re.compile(
    r"(?:^|\n)[ \t#*|]*(?:Điều\s+\d{1,3}[a-zđ]?|\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|Chương\s+\w+"
    r"|Mục\s+\d+)$|(?:\b(?:TP|Tp|tp|v\.v|St|TS|ThS|PGS|GS))$"
)

# Words that open a clause of a preamble or an article on a new line.
_CLAUSE_OPENING = re.compile(
    r"(?:Căn\s+cứ|Theo\s+đề\s+nghị|Thực\s+hiện|Triển\s+khai|Xét|Điều\s+\d|Chương\s|Mục\s+\d"
    r"|CĂN\s+CỨ|(?:"
    + "|".join(w[0].upper() + w[1:] for w in TYPE_WORDS_ALT.split("|"))
    + r")\s+này)"
    r"(?![\w])"
)
# A heading stands on its own line: "Điều 11. Hiệu lực thi hành", "Chương IV".
_HEADING_LINE = re.compile(r"[ \t#*]*(?:Điều\s+\d|Chương\s|Mục\s+\d|Phần\s)")

# --- scope: the parts a verb acts on -----------------------------------------------------------

_UNIT = (
    r"(?:[Đđ]iểm|[Kk]hoản|[Đđ]iều|ĐIỀU|[Pp]hụ\s+lục|PHỤ\s+LỤC|[Mm]ục|[Cc]hương|[Pp]hần|[Mm]ẫu"
    r"|[Bb]iểu(?:\s+mẫu)?|[Tt]iết)"
)
_NUM = r"(?:\s+(?:số\s+)?(?:\d{1,3}(?:\.\d{1,3})*[a-zđ]?|[IVXLC]{1,6}[a-z]?|[a-zđ](?=[\s,;])))"
_ITEM = rf"{_UNIT}{_NUM}?(?:\s+{_UNIT}{_NUM})*"
_LIST_JOIN = r"\s*(?:,|và|;|đến|-|–|,\s*và)\s*"
_QUANT = r"(?:(?:một\s+số|các|những|toàn\s+bộ|MỘT\s+SỐ|CÁC|TOÀN\s+BỘ)\s+)"
_SCOPE_AT_END = re.compile(
    rf"(?<![\w])(?P<scope>{_QUANT}?{_ITEM}(?:{_LIST_JOIN}{_ITEM})*)\s*"
    r"(?:,\s*)?(?:(?:của|tại|thuộc|trong|CỦA|TẠI|THUỘC)|(?:được\s+)?(?:ban\s+hành\s+)?"
    r"(?:kèm\s+theo|KÈM\s+THEO)|quy\s+định\s+tại)?\s*$"
)
_WHOLE = re.compile(r"toàn\s+bộ", re.IGNORECASE)


_PREAMBLE_LEAD = re.compile(r"(?:căn\s+cứ|thực\s+hiện|triển\s+khai)(?![\w])", re.IGNORECASE)


def preamble_end(text: str, start: int = 0) -> int:
    """Where the document's articles (or its first section) begin after `start`; in a text
    without them (a Party directive), where its leading "Căn cứ ..."/"Thực hiện ..." end."""
    m = _PREAMBLE_END.search(text, start)
    if m:
        return m.start()
    end = start
    for s, e in clauses(text, start, min(len(text), start + 6000)):
        continued = text[max(0, end - 1) : end] == ";" and s - end < 4
        if not (_PREAMBLE_LEAD.match(text, s, e) or continued):
            break
        end = e
    return end


def appendix_start(text: str, start: int) -> int:
    """Where the appendices and form templates begin after `start` (the end when none)."""
    m = _APPENDIX.search(text, start)
    return m.start() + (1 if m.group(0).startswith("\n") else 0) if m else len(text)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted wording: “...” over any number of lines, "..." within one line."""
    out = []
    for m in re.finditer(r"“", text):
        end = text.find("”", m.end())
        if end != -1 and end - m.end() < 60_000 and (not out or m.start() >= out[-1][1]):
            out.append((m.start(), end + 1))
    for m in re.finditer(r"\"[^\"\n]{1,2000}\"", text):
        out.append((m.start(), m.end()))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(out):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` lies inside one of the sorted, non-nested `spans`."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _breaks_line(text: str, nl: int) -> bool:
    """Whether the line break at `nl` ends a clause (a PDF's wrapped line does not)."""
    before = text[:nl].rstrip(" \t")
    after = text[nl + 1 : nl + 60].lstrip(" \t")
    if not before or not after or after.startswith("\n") or before.endswith("\n"):
        return True
    if before[-1] in '.;:!?”"':
        return True
    if _ENUMERATOR.match(after) and not re.match(r"\d{1,3}\.\d", after):
        return True
    if _CLAUSE_OPENING.match(after):
        return True
    line = before[before.rfind("\n") + 1 :]
    return line.isupper() or after[:1] in '“"'


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of `text[start:end]`, each without its enumerator ("2.", "a)", "Điều 14.")."""
    cuts = {start, end}
    for nl in (m.start() for m in re.finditer(r"\n", text[start:end])):
        if _breaks_line(text, start + nl):
            cuts.add(start + nl)
    for m in _SENTENCE_END.finditer(text, start, end):
        if not _ENUM_BEFORE_DOT.search(text, max(0, m.start() - 40), m.start()):
            cuts.add(m.end())
    bounds = sorted(cuts)
    out = []
    for s, e in zip(bounds, bounds[1:], strict=False):
        while s < e and text[s] in " \t\n":
            s += 1
        while True:
            m = _ENUMERATOR.match(text, s, e)
            if not m or m.end() == s:
                break
            s = m.end()
        while e > s and text[e - 1] in " \t\n":
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def split_scope(gap: str) -> tuple[str, str | None]:
    """`gap` cut before the parts named at its end: ("ngày 14/10/2016 và ", "Điều 5")."""
    m = _SCOPE_AT_END.search(gap.rstrip())
    if not m:
        return gap, None
    return gap[: m.start()], scope_before(gap)


def scope_before(gap: str) -> str | None:
    """The parts a verb acts on, written right before its target ("Điều 3 của" -> "Điều 3");
    None for the whole document ("toàn bộ", or no part named).

    >>> scope_before(" Điều 16, Điều 17, Điều 18 ")
    'Điều 16, Điều 17, Điều 18'
    >>> scope_before(" một số Phụ lục kèm theo "), scope_before(" cho ")
    ('một số Phụ lục', None)
    """
    m = _SCOPE_AT_END.search(gap.rstrip())
    if not m:
        return None
    scope = " ".join(m.group("scope").split()).strip(" ,;-–")
    if _WHOLE.match(scope) or not scope:
        return None
    return scope


# --- dates a clause states ---------------------------------------------------------------------

_SINCE_SELF = re.compile(
    r"(?:kể\s+)?từ\s+ngày\s+(?:[A-ZĐ]\w*(?:\s+\w+){0,3}\s+này|văn\s+bản\s+này)\s+có\s+hiệu\s+lực",
    re.IGNORECASE,
)
_SINCE_SIGNED = re.compile(r"(?:kể\s+)?từ\s+ngày\s+(?:ký|thông\s+qua|ban\s+hành)", re.IGNORECASE)
_SINCE_DATE = re.compile(r"(?:(?:kể\s+)?từ|đến\s+hết)\s+(?:ngày\s+)?$", re.IGNORECASE)


def stated_date(clause: str, own_date: str | None, own_effective: str | None) -> str | None:
    """The date a clause states for what it does: "kể từ ngày 01 tháng 7 năm 2025" -> that
    date; "kể từ ngày Thông tư này có hiệu lực" -> the document's own effective date; "kể từ
    ngày ký" -> its own date."""
    if _SINCE_SELF.search(clause):
        return own_effective
    for start, _end, iso in find_dates(clause):
        if _SINCE_DATE.search(clause[max(0, start - 20) : start]):
            return iso
    if _SINCE_SIGNED.search(clause):
        return own_date
    return None


__all__ = [
    "appendix_start",
    "clauses",
    "inside",
    "preamble_end",
    "quoted_spans",
    "scope_before",
    "split_scope",
    "stated_date",
]
