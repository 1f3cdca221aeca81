"""An official document's own header: its type, number, date, issuer, title and the date it
takes effect.

The number stands on the "Số:" line under the issuer (Nghị định 30/2020/NĐ-CP, Phụ lục I
mục II.3), in every layout seen in real files:

- a dotted number of a Government resolution ("Số: 66.19/2026/NQ-CP");
- a scan read by OCR ("Só:465 /2020/NĐ-CP", "S6: 12/2021/TT-BTC"), or a number split over
  two lines ("Số: 12/2021/\\nTT-BTC");
- a consolidated text (văn bản hợp nhất, Pháp lệnh hợp nhất văn bản 2012; Thông tư
  01/2013/TT-VPQH) reproduces the base document's header ("Số: 49/2018/NĐ-CP") and puts its
  own number "Số: 112/VBHN-VPQH" in the authentication block at its end (or under its
  issuer): its type is "văn bản hợp nhất" and the base document is kept as `base`.

>>> me = find_self("BỘ NỘI VỤ\\nSố: 27/2025/TT-BNV\\nHà Nội, ngày 30 tháng 12 năm 2025\\nTHÔNG TƯ"
...                "\\nQuy định về lập hồ sơ\\n")
>>> me["id"], me["doc_type"], me["date"], me["title"]
('27/2025/TT-BNV', 'thông tư', '2025-12-30', 'Quy định về lập hồ sơ')
"""

from __future__ import annotations

import re
from typing import Any

from vnpolicy.extractors.dates import find_dates
from vnpolicy.extractors.reference_patterns import (
    ID_RE,
    TYPE_WORD_TO_TYPE,
    TYPE_WORDS_ALT,
    doc_type_from_symbol,
    issuer_code_from_symbol,
    symbol_tokens,
)
from vnpolicy.extractors.reference_types import HEADER_TYPE_WORDS, ISSUER_CODES

_UPPER = "A-ZĐÁẠÀẢÃÂẤẦẨẪẬĂẮẰẲẴẶÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ"
# "Số" as typed, and as OCR reads it from a scan: "Só", "Sô", "S6", "S0", "SÓ" (then a colon).
_SO_OCR = r"S[óòôồốổỗộơớờởọõỏ06oÓÒÔỒỐỔỖỘƠỚỜỞỌÕỎO]"
# "Số: 30/2020/NĐ-CP", "Luật số: 109/2025/QH15", "ÁN LỆ SỐ 43/2021/AL", a court paper's
# "Bản án số: 12/2019/DS-PT" (Nghị quyết 01/2017/NQ-HĐTP, mẫu bản án), "Só:465 /2020/NĐ-CP".
_SELF_NUMBER = re.compile(
    rf"(?:(?P<line>(?<=\n)|(?<=^)|(?<=\|)|(?<=_)|(?<=\s\s))|(?<=[ \t]))[ \t#*]*"
    rf"(?:(?P<typed>[{_UPPER} ]{{2,25}}?)\s+SỐ|(?:Luật\s+)?(?:[Ss]ố|SỐ)(?P<colon>\s*[:;])?"
    rf"|(?P<ocr>{_SO_OCR})\s*[:;]"
    r"|(?P<titled>"
    + "|".join(re.escape(w[0].upper() + w[1:]) for w in HEADER_TYPE_WORDS)
    + r")\s+số(?=\s*:))[ \t]*:?[ \t]*\n?[ \t]*(?=\d)",
)
_HEADER_TYPE_LINE = re.compile(
    r"(?:^|\n)[ \t#*]*(?P<type>"
    + "|".join(re.escape(w.upper()) for w in HEADER_TYPE_WORDS)
    + r")[ \t*]*(?:\n|$)"
)
# The national motto of every State and court header (Nghị định 30/2020/NĐ-CP, Phụ lục I).
_MOTTO = re.compile(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc")
_PASSED_ON = re.compile(r"thông qua\s+(?:vào\s+)?ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")
_PLACE_DATE = re.compile(r"[A-ZĐ][\w .]{1,30},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")
# A header's "Số:" line sits in the first lines; an OCR'd one may share a line with the issuer.
_HEADER_CHARS = 1500
# "Số: 66.19/2026/NQ-CP": the Government's resolutions on special mechanisms number by topic.
_DOTTED = re.compile(r"\d{1,5}\.(?=\d{1,3}\s*/)")
# The consolidated text's own number: "Số: 112/VBHN-VPQH", "Số: 15/VBHN-BTC".
_VBHN = re.compile(
    r"(?:(?<=\n)|(?<=^)|(?<=\|)|(?<=\s\s))[ \t#*]*(?:Số|SỐ|"
    + _SO_OCR
    + r")\s*[:;]?\s*(?P<id>\d{1,5}\s*/\s*VBHN\s*-\s*[A-ZĐ][A-ZĐa-z0-9]*)"
)
_VBHN_MARK = re.compile(r"XÁC THỰC VĂN BẢN HỢP NHẤT|VĂN BẢN HỢP NHẤT|Độc lập\s*-\s*Tự do")
# "Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025", "... từ ngày ký".
_IN_FORCE = re.compile(
    rf"(?<![\w])(?:{TYPE_WORDS_ALT})\s+này\s+có\s+hiệu\s+lực(?:\s+thi\s+hành)?"
    r"(?:\s+(?:kể\s+)?từ|\s+kể\s+từ)?\s+(?P<when>ngày\s+(?P<signed>ký|thông\s+qua|ban\s+hành)?)?",
    re.IGNORECASE,
)


def _id_at(text: str, pos: int) -> tuple[str, str, int, int, bool] | None:
    """(id, symbol, start, end, party form) of the number written at `pos`."""
    dotted = _DOTTED.match(text, pos)
    start = dotted.end() if dotted else pos
    idm = ID_RE.match(text[start : start + 160])
    if not idm:
        return None
    tokens = symbol_tokens(idm.group("sym"))
    if tokens and tokens[-1].startswith("AL") and tokens[-1][2:].isdigit():
        tokens[-1] = "AL"  # "43/2021/AL1": the 1 is a footnote marker
    sym = "-".join(tokens) if "/" not in idm.group("sym") else re.sub(r"\s+", "", idm.group("sym"))
    if tokens == ["AL"]:
        sym = "AL"
    number = (dotted.group(0) if dotted else "") + idm.group("num")
    year = idm.group("year")
    party = year is None and "-" in idm.group("sep")
    ident = f"{number}-{sym}" if party else f"{number}/{year}/{sym}" if year else f"{number}/{sym}"
    return ident, sym, pos, start + idm.end(), party


def _title_after(text: str, header: re.Match) -> str | None:
    lines = [
        ln.strip(" #*_")
        for ln in text[header.end() : header.end() + 600].split("\n")
        if ln.strip(" #*_-")
    ]
    # "CHỈ THỊ / CỦA BAN THƯỜNG VỤ TỈNH ỦY / Về ...": the issuer line is not the title
    lines = [ln for ln in lines if not ln.lower().startswith("của ")]
    return lines[0] if lines else None


def _date_near(text: str, start: int, end: int) -> str | None:
    """The place-and-date line around the number ("Hà Nội, ngày 5 tháng 3 năm 2020"), else a
    date in the header lines right after it ("Số: 12/QĐ-UBND  Quảng Trị, 05/3/2020"); never
    a date further on (a căn cứ's, or the effective date of a short text)."""
    near = text[max(0, start - 400) : end + 400]
    pd = _PLACE_DATE.search(near)
    if pd:
        return find_dates(pd.group(0))[0][2]
    header_lines = "\n".join(text[end : end + 400].split("\n")[:3])
    dates = find_dates(header_lines)
    return dates[0][2] if dates else None


def _date_after(text: str, end: int) -> str | None:
    pd = _PLACE_DATE.search(text, end, end + 200)
    return find_dates(pd.group(0))[0][2] if pd else None


def _consolidated(text: str) -> dict[str, Any] | None:
    """A văn bản hợp nhất: its own "Số: N/VBHN-XXX" in its head or its authentication block."""
    if not _VBHN_MARK.search(text):
        return None
    head, tail = len(text) if len(text) < 6000 else 3000, max(0, len(text) - 5000)
    for m in _VBHN.finditer(text):
        if head <= m.start() < tail:
            continue
        ident = re.sub(r"\s+", "", m.group("id"))
        tokens = symbol_tokens(ident.split("/", 1)[1])
        return {
            "doc_type": "văn bản hợp nhất",
            "id": ident,
            "date": _date_after(text, m.end()) or _date_near(text, m.start(), m.end()),
            "issuer": issuer_code_from_symbol(tokens, False),
            "start": m.start("id"),
            "end": m.end("id"),
        }
    return None


def find_self(text: str) -> dict[str, Any] | None:
    """The header of an official document: its own type, number, date, issuer and title
    (`title_end`: where the title block ends; `base`: what a consolidated text consolidates)."""
    own = _header(text)
    merged = _consolidated(text)
    if merged is None:
        return own
    header = _HEADER_TYPE_LINE.search(text, 0, 3000)
    merged.update(
        title=own["title"] if own else (_title_after(text, header) if header else None),
        text=text[merged["start"] : merged["end"]],
        title_end=own["title_end"] if own else (header.end() + 600 if header else 0),
        title_start=own["title_start"] if own else (header.end() if header else None),
        base=own["id"] if own and "VBHN" not in own["id"] else _base_cited(text, header),
    )
    return merged


def _base_cited(text: str, header: re.Match | None) -> str | None:
    """The document a consolidated text consolidates, cited first under its title: "Nghị
    định số 49/2018/NĐ-CP ngày ... được sửa đổi, bổ sung bởi ..."."""
    if header is None:
        return None
    kind = re.escape(header.group("type"))
    m = re.compile(rf"(?<![\w]){kind}(?:\s+[^\s;.]+){{0,8}}?\s+số\s*", re.IGNORECASE).search(
        text, header.end(), header.end() + 3000
    )
    found = _id_at(text, m.end()) if m else None
    return found[0] if found else None


def _header(text: str) -> dict[str, Any] | None:
    for m in _SELF_NUMBER.finditer(text):
        found = _id_at(text, m.end())
        if not found:
            continue
        ident, sym, id_start, id_end, party = found
        near = text[max(0, m.start() - 400) : id_end + 400]
        typed = m.group("typed") or m.group("titled")
        at_line_start = m.group("line") is not None
        if not at_line_start and not (m.group("colon") or m.group("ocr")):
            continue
        if not at_line_start and m.start() > _HEADER_CHARS:
            continue  # "... theo Văn bản số: 123/UBND" in running text
        if m.group("titled") and not _MOTTO.search(near):
            continue  # "Nghị quyết số: 21-NQ/TW" in running text is a citation
        if not typed and not _PLACE_DATE.search(near) and not _HEADER_TYPE_LINE.search(near):
            continue
        if typed and m.start() > 300:
            continue
        tokens = symbol_tokens(sym)
        doc_type = TYPE_WORD_TO_TYPE.get(typed.strip().lower()) if typed else None
        title = None
        header = _HEADER_TYPE_LINE.search(text, max(0, m.start() - 200), m.end() + 1500)
        if header is None:
            header = _HEADER_TYPE_LINE.search(text, 0, 3000)
        if header is not None:
            doc_type = doc_type or TYPE_WORD_TO_TYPE.get(header.group("type").lower())
            title = _title_after(text, header)
        doc_type = doc_type or doc_type_from_symbol(tokens)
        date = _date_near(text, m.start(), id_end)
        if date is None:
            passed = _PASSED_ON.search(text)
            date = find_dates(passed.group(0))[0][2] if passed else None
        issuer = issuer_code_from_symbol(tokens, party)
        if tokens == ["AL"]:
            issuer = ISSUER_CODES["HĐTP"]  # án lệ are adopted by the Hội đồng Thẩm phán TANDTC
        return {
            "doc_type": doc_type,
            "id": ident,
            "date": date,
            "issuer": issuer,
            "title": title,
            "start": id_start,
            "end": id_end,
            "text": text[id_start:id_end],
            "title_end": header.end() + 600 if header is not None else id_end,
            "title_start": header.end() if header is not None else None,
        }
    return None


def find_effective(text: str, own_date: str | None) -> str | None:
    """The date the document takes effect, as its final provisions state it: "Thông tư này
    có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025" -> "2025-07-01"; "... kể từ ngày ký"
    -> its own date.

    >>> find_effective("Điều 5. Quyết định này có hiệu lực kể từ ngày ký.", "2024-01-02")
    '2024-01-02'
    """
    for m in _IN_FORCE.finditer(text):
        if m.group("signed"):
            return own_date
        if m.group("when"):
            dates = find_dates(text[m.start("when") : m.end() + 60])
            if dates and dates[0][0] <= 2:
                return dates[0][2]
    return None


__all__ = ["find_effective", "find_self"]
