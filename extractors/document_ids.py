"""Keys two spellings of one document share: its number and symbol, its name.

One function per key, used by the extractor (merging mentions), the title registry, the
search index and the web page (finding a document however it was typed), so that they never
disagree.

>>> document_id_key("21-NQ/TƯ") == document_id_key("21 - NQ/TW")
True
>>> document_id_key("21-NQ/TƯ") == document_id_key("21-NQ/TU")
False
>>> document_id_key("Số: 05/2020/NĐ-CP")
'5/2020ndcp'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from vnpolicy.nlp.normalize import fold_for_matching

# "Số:", "số" written before the number is not part of the id.
_LEADING_SO = re.compile(r"^\s*(?:SỐ|SO)\s*:?\s*")
# "TƯ" is how Party symbols write Trung ương ("21-NQ/TƯ", "225-KH/TƯĐTN"), the same code as
# "TW" (Hướng dẫn 36-HD/VPTW, Phụ lục 2), never "TU" (Tỉnh ủy); a stray dot or space may sit
# inside ("T.Ư").
_TRUNG_UONG = re.compile(r"T[\s.]?Ư")
_GROUPS = re.compile(r"\d+|[A-Z]+")


def _fold_letter(char: str) -> str:
    """An upper-case letter without its marks: "Đ" -> "D" (QĐ = QD, NĐ-CP = ND-CP), "Ơ" -> "O"."""
    if char == "Đ":
        return "D"
    return unicodedata.normalize("NFD", char)[0]


@lru_cache(maxsize=16384)
def document_id_key(text: str) -> str:
    """The key every spelling of one document number shares.

    Only letters and digit groups count: case, spaces, "-" and "/" and dash variants, a
    leading "số", leading zeros of each number ("05-CT/TU" = "5-CT/TU") and the marks of
    letters (Đ = D) do not. "TƯ" is Trung ương and keys as "TW", so "21-NQ/TƯ" = "21-NQ/TW"
    while "21-NQ/TU" (a Tỉnh ủy's) stays apart, and "225-KH/TƯĐTN" (Trung ương Đoàn) stays
    apart from "225-KH/TĐTN" (a Tỉnh đoàn's). Two numbers side by side keep a "/" between
    them, so "1/12" and "11/2" differ.

    >>> document_id_key("01/2014/NQ-HĐTP"), document_id_key("225-KH/TƯĐTN")
    ('1/2014nqhdtp', '225khtwdtn')
    """
    s = fold_for_matching(text).upper()
    s = _LEADING_SO.sub("", s)
    s = _TRUNG_UONG.sub("TW", s)
    s = "".join(_fold_letter(c) if c.isalpha() else c for c in s)
    out: list[str] = []
    last_digit = False
    for group in _GROUPS.findall(s):
        digit = group.isdigit()
        if digit:
            group = group.lstrip("0") or "0"
            if last_digit:
                out.append("/")
        out.append(group.lower())
        last_digit = digit
    return "".join(out)


@lru_cache(maxsize=8192)
def document_name_key(name: str) -> str:
    """The key two spellings of one name share: "Luật đất đai" = "Luật Đất đai"."""
    return re.sub(r"[^\w]+", " ", fold_for_matching(name).lower()).strip()


# "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam": the country qualifies the title, as
# the year of an edition does ("Luật Đất đai năm 2013", "Bộ luật Dân sự 2015").
_COUNTRY = re.compile(
    r"\s+(?:của\s+)?nước\s+(?:Cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+Việt\s+Nam|CHXHCN\s*VN"
    r"|CHXHCN\s+Việt\s+Nam)(?![\w])",
    re.IGNORECASE,
)
_EDITION_YEAR = re.compile(r"\s*\(?\s*(?:năm\s+)?(?P<year>(?:19|20)\d\d)\s*\)?$")


def split_edition(name: str) -> tuple[str, str | None]:
    """A title without its qualifiers, and the year of the edition it names, if any.

    >>> split_edition("Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013")
    ('Hiến pháp', '2013')
    >>> split_edition("Luật Đất đai")
    ('Luật Đất đai', None)
    """
    name = fold_for_matching(name).strip()
    year = None
    m = _EDITION_YEAR.search(name)
    if m and m.start() > 0:
        year, name = m.group("year"), name[: m.start()]
    name = _COUNTRY.sub("", name).strip(" ,")
    return name, year


_ROMAN_OR_NUM = r"(?:[IVXLC]+|\d{1,2})"
_ORDINALS = {
    "nhất": "1",
    "hai": "2",
    "ba": "3",
    "tư": "4",
    "năm": "5",
    "sáu": "6",
    "bảy": "7",
    "tám": "8",
    "chín": "9",
    "mười": "10",
}
_PLENUM = re.compile(r"(?:Trung ương|TW|TƯ)\s+(?P<n>\d{1,2})|Hội nghị lần thứ\s+(?P<w>\d{1,2}|\w+)")
_CONGRESS = re.compile(
    r"Đại hội(?:\s+đại biểu)?(?:\s+toàn quốc)?(?:\s+lần thứ)?\s+(?P<n>"
    r"[IVXLC]+)(?:\s+của Đảng)?(?![\w])"
)
_TERM_OF = re.compile(rf"khóa\s+(?P<t>{_ROMAN_OR_NUM})(?![\w])")


def plenum_number(name: str) -> str | None:
    """The plenum a Party resolution's name gives: "Nghị quyết Hội nghị lần thứ tư" -> "4"."""
    plenum = _PLENUM.search(name)
    if not plenum:
        return None
    return plenum.group("n") or _ORDINALS.get((plenum.group("w") or "").lower(), plenum.group("w"))


def congress_key(name: str) -> str | None:
    """One key for the names of one Party congress or plenum resolution: "Nghị quyết Hội nghị
    Trung ương 5 khóa XII" = "Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương khóa
    XII" -> "plenum:5:XII"; "Nghị quyết Đại hội XII của Đảng" -> "congress:XII"."""
    if "Đảng bộ" in name or "Đoàn" in name or "tỉnh" in name:
        return None
    term = _TERM_OF.search(name)
    n = plenum_number(name)
    if n and term:
        return f"plenum:{n}:{term.group('t')}"
    congress = _CONGRESS.search(name)
    if congress and not n and ("toàn quốc" in name or "của Đảng" in name):
        return f"congress:{congress.group('n')}"
    return None


__all__ = [
    "congress_key",
    "document_id_key",
    "document_name_key",
    "plenum_number",
    "split_edition",
]
