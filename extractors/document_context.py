"""What a document is about, as a whole: its date, the year it reports on, and its place.

Statistics lean on it: "toàn tỉnh", "tỉnh", "huyện" name the province or district the article
is about; "6 tháng đầu năm", "năm nay" the year it reports on; "hiện nay", "đến nay" get a
year only when the text states its own date.

- `date`: the article's date as ISO, from its header or dateline ("Quảng Trị, ngày 12 tháng 7
  năm 2023", "Thứ Hai, 10/7/2017", "(10/7/2017)", "Ngày 8/8/2023, tại ...") or its byline at
  the end ("Cập nhật: 10/07/2017 14:30"); a date in the body is an event's, not the article's.
- `year`: the year it reports on: its date's, else the latest year its title states, else its
  lead's, else the year its text states most often.
- `place`: the province (or district, or country) the article is about, in the units
  extractor's canonical form ("tỉnh Quảng Trị"): named in its title, else the one most of its
  unit mentions belong to when it clearly dominates.
- `sector`: the branch an article on one sector names in its title or lead ("ngành Thanh tra"),
  which "toàn ngành" and a bare "ngành" refer to.

>>> from vnpolicy.nlp import analyze
>>> at = analyze("Quảng Trị: tin vắn\\nQuảng Trị, ngày 12 tháng 7 năm 2023\\nToàn tỉnh ...")
>>> ctx = document_context(at, [])
>>> ctx["date"], ctx["year"], ctx["place"]
('2023-07-12', 2023, 'tỉnh Quảng Trị')
"""

from __future__ import annotations

import re
from collections import Counter

from vnpolicy.extractors.dates import find_dates
from vnpolicy.extractors.gazetteer import lookup
from vnpolicy.nlp import AnalyzedText

_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/.,-]\d)")
#: Lines near the top or bottom that carry the article's own date.
_HEAD_LINES = 4
_TAIL_CHARS = 300
#: A dateline's date: at the start of a line (after a weekday or a place and a comma), or in
#: brackets, or after "Cập nhật", "Đăng ngày", "Ngày đăng", "Thời gian".
_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*(?:(?:Thứ\s+\w+|Chủ\s+nhật|[A-ZĐ][\w.]*(?:\s+[A-ZĐ][\w.]*){0,3}),\s*)?"
    r"(?:(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm)\s+)?$"
    r"|(?:\(|[Cc]ập\s+nhật:?|[Đđ]ăng\s+ngày:?|[Nn]gày\s+đăng:?|[Tt]hời\s+gian:?|[Nn]gày\s+xuất\s+bản:?)"
    r"\s*(?:\d{1,2}:\d{2}\s*)?(?:ngày\s+)?$"
)
#: Type words before a locality's name in a unit's canonical name: "Tỉnh ủy Quảng Trị",
#: "Đoàn TNCS Hồ Chí Minh tỉnh Quảng Trị", "huyện Gio Linh".
_LOCALITY_IN_NAME = re.compile(
    r"(?:(?<!\w)(?:tỉnh|thành phố|huyện|quận|thị xã|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|"
    r"Tỉnh đoàn|Thành đoàn|Huyện đoàn)\s+)([A-ZĐ][\w-]*(?:\s+(?:-\s+)?[A-ZĐ][\w-]*)*)"
)
_SECTOR = re.compile(r"(?<!\w)(?:của\s+|toàn\s+)?ngành\s+([A-ZĐ][\w]*(?:\s+[a-zđ]\w*)?)")
_TITLE_WEIGHT = 3
#: The national motto heading an official document (Nghị định 30/2020/NĐ-CP, Phụ lục I).
_OFFICIAL_HEADER = re.compile(
    r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*-\s*Tự\s+do"
)
#: The dominant province needs this many weighted mentions and this share of all of them.
_MIN_MENTIONS = 3
_MIN_SHARE = 0.5


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def document_date(text: str) -> str | None:
    """The article's own date: a dateline in its first lines or a byline in its last ones.

    >>> document_date("Tin tức\\nThứ Hai, 10/7/2017 14:30\\nSáng nay ... ngày 8/8/2023 ...")
    '2017-07-10'
    """
    lines = _lines(text)
    head_end = lines[min(_HEAD_LINES, len(lines)) - 1][1] if lines else 0
    tail_start = max(head_end, len(text) - _TAIL_CHARS)
    for start, end, iso in find_dates(text):
        if end > head_end and start < tail_start:
            continue
        before = text[max(0, start - 60) : start]
        if _DATELINE.search(before):
            return iso
    return None


def _title_and_lead(at: AnalyzedText, title: str | None) -> tuple[str, str]:
    lines = _lines(at.text)
    first = at.text[slice(*lines[0])] if lines else ""
    title = title or (first if len(first) < 200 and not first.rstrip().endswith(".") else "")
    lead_sentences = [
        at.text[s.start : s.end] for s in at.sentences if at.text[s.start : s.end].strip() != title
    ][:2]
    return title, " ".join(lead_sentences)


def _years_in(text: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(text)]


def report_year(at: AnalyzedText, date: str | None, title: str, lead: str) -> int | None:
    """The year the document reports on (see the module docstring)."""
    if date:
        return int(date[:4])
    for part in (title, lead):
        years = _years_in(part)
        if years:
            return max(years)
    counts = Counter(_years_in(at.text[: max(2000, len(at.text) // 3)]))
    if not counts:
        return None
    best = max(counts.values())
    return max(y for y, n in counts.items() if n == best) if best >= 2 else None


def locality_of(name: str) -> tuple[str, str] | None:
    """(province short name, canonical province) of a unit's or place's name, when its
    locality is known to the gazetteer: "Ban Thường vụ Huyện ủy Gio Linh" -> ("Quảng Trị",
    "tỉnh Quảng Trị")."""
    for m in _LOCALITY_IN_NAME.finditer(name):
        units = lookup(m.group(1))
        if units:
            return _province(units[0].province)
    units = lookup(name)
    return _province(units[0].province) if units else None


def _province(short: str) -> tuple[str, str] | None:
    units = lookup(short, level="province")
    if not units:
        return None
    kind = "tỉnh" if units[0].type == "tỉnh" else "thành phố"
    return short, f"{kind} {units[0].short}"


def _named_places(text: str, units: list[dict], start: int, end: int) -> list[str]:
    """Canonical provinces of the unit mentions inside [start, end)."""
    out = []
    for unit in units:
        for m in unit.get("mentions") or [unit]:
            if start <= m["start"] and m["end"] <= end:
                found = locality_of(unit["name"])
                if found:
                    out.append(found[1])
    return out


_CAPITALIZED = re.compile(r"(?<!\w)[A-ZĐ][\w-]*(?:\s+[A-ZĐ][\w-]*){1,3}")


def _provinces_written(text: str) -> list[str]:
    """Provinces named by their own name in `text` ("Bình Định", "Thừa Thiên Huế")."""
    out = []
    for m in _CAPITALIZED.finditer(text):
        words = m.group(0).split()
        for n in range(len(words), 1, -1):  # the longest name first, at every start
            for i in range(len(words) - n + 1):
                found = _province(" ".join(words[i : i + n]))
                if found:
                    out.append(found[1])
                    break
            else:
                continue
            break
    return out


def document_place(at: AnalyzedText, units: list[dict], title: str) -> str | None:
    """The province the document is about: the one its title names, else the one that clearly
    dominates its unit mentions; "Việt Nam" for a title about the country; else None."""
    text = at.text
    t_start = text.find(title) if title else -1
    if t_start >= 0:
        in_title = _named_places(text, units, t_start, t_start + len(title))
        in_title += _provinces_written(title)
        if in_title:
            return Counter(in_title).most_common(1)[0][0]
    counts: Counter[str] = Counter()
    for unit in units:
        found = locality_of(unit["name"])
        if found:
            counts[found[1]] += len(unit.get("mentions") or [unit])
    if counts:
        place, n = counts.most_common(1)[0]
        if n >= _MIN_MENTIONS and n >= _MIN_SHARE * sum(counts.values()):
            return place
    if title and re.search(r"(?<!\w)Việt Nam(?!\w)", title):
        return "Việt Nam"
    return None


def document_sector(title: str, lead: str) -> str | None:
    """ "ngành Thanh tra" when the title or lead names the sector the article is about."""
    for part in (title, lead):
        m = _SECTOR.search(part)
        if m:
            return f"ngành {m.group(1)}"
    return None


def document_context(at: AnalyzedText, units: list[dict], title: str | None = None) -> dict:
    """`{"official", "date", "year", "place", "sector"}` of a document (see the module
    docstring; `official` marks an official document, whose norms have no place of their own)."""
    title, lead = _title_and_lead(at, title)
    date = document_date(at.text)
    return {
        "official": bool(_OFFICIAL_HEADER.search(at.text[:600])),
        "date": date,
        "year": report_year(at, date, title, lead),
        "place": document_place(at, units, title),
        "sector": document_sector(title, lead),
    }
