"""The period a figure refers to, as written, and its years: "giai đoạn 2019 - 2022" -> [2019,
2022], "6 tháng đầu năm" in a report on 2017 -> [2017, 2017], "đến năm 2025" -> [2025, 2025].

A figure's period is the nearest period phrase in its clause, else in its sentence, else the
one its paragraph opened with or last stated (a report's period covers the results listed
under it). A comparison base ("so với cùng kỳ năm 2016", "so với năm 2015") is never the
period, nor a date or period inside a document's name ("Nghị quyết số 21-NQ/TW, ngày
16/6/2022", Đề án "... giai đoạn 2016 - 2020").

>>> find_periods("Giai đoạn 2019 - 2022, tỉnh tăng 8% so với năm 2018.")[0].text
'Giai đoạn 2019 - 2022'
>>> [p.text for p in find_periods("tăng 8% so với cùng kỳ năm 2016")]
[]
>>> resolve_years(PeriodMention(0, 15, "6 tháng đầu năm", None, "part"), year=2017)
(2017, 2017)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnpolicy.nlp import AnalyzedText, Sentence

_Y = r"(?:19|20)\d\d"
_DASH = r"\s*[-–—]\s*"
_TO = r"(?:" + _DASH + r"|\s+(?:đến|tới)\s+(?:năm\s+)?)"
_NUM_MONTHS = r"(?:\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mười một)"

#: A period phrase holds one of the words its pattern lists (lowercase), so a pattern none of
#: whose words is in a sentence is not tried there; `A_YEAR` stands for a year (19xx, 20xx).
A_YEAR = "(a year)"
#: Period phrases, most specific first; each names a kind that says how its years are read.
#: (Forms of Vietnamese reports and news: Hướng dẫn 36-HD/VPTW on the style of Party reports.)
_PATTERNS: list[tuple[str, str, tuple[str, ...]]] = [
    (  # "giai đoạn 2019 - 2022", "nhiệm kỳ 2020-2025", "từ năm 2019 đến năm 2022"
        r"(?:(?:trong\s+)?(?:cả\s+)?(?:giai đoạn|nhiệm kỳ|thời kỳ|kỳ đầu|kỳ cuối|kế hoạch)\s+"
        r"(?:từ\s+)?(?:năm\s+)?|(?:trong\s+)?(?:\d+\s+năm\s+)?(?:từ\s+)?(?:năm\s+)?)"
        + _Y
        + _TO
        + _Y
        + r"(?!\d)",
        "range",
        (A_YEAR,),
    ),
    (  # "từ năm 2012 đến nay"
        r"(?:từ\s+)?(?:năm\s+)?" + _Y + r"\s+(?:đến|tới)\s+nay",
        "since",
        (A_YEAR,),
    ),
    (  # "đến năm 2025", "đến hết năm 2016", "tính đến cuối năm 2020"
        r"(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+|cuối\s+|giữa\s+)?(?:năm\s+)?" + _Y + r"(?!\d)",
        "until",
        (A_YEAR,),
    ),
    (  # "đến hết ngày 30/6/2018", "đến ngày 31-12-2016"
        r"(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?ngày\s+\d{1,2}[/.-]\d{1,2}[/.-]" + _Y,
        "until",
        (A_YEAR,),
    ),
    (  # "ngày 8/8/2023", "ngày 8 tháng 8 năm 2023"
        r"ngày\s+\d{1,2}(?:[/.-]\d{1,2}[/.-]|\s+tháng\s+\d{1,2}\s+năm\s+)" + _Y,
        "date",
        (A_YEAR,),
    ),
    (  # "6 tháng đầu năm 2017", "sáu tháng cuối năm", "những tháng đầu năm", "nửa đầu năm"
        r"(?:(?:trong\s+)?(?:" + _NUM_MONTHS + r"|những|các)\s+tháng|nửa)\s+(?:đầu|cuối)\s+năm"
        r"(?:\s+(?:nay|" + _Y + r"))?",
        "part",
        ("tháng", "nửa"),
    ),
    (  # "quý I/2017", "quý II năm 2017", "quý III"
        r"quý\s+(?:[IV]+|[1-4])(?:\s*/\s*" + _Y + r"|\s+năm\s+" + _Y + r"|(?!\w))",
        "part",
        ("quý",),
    ),
    (  # "tháng 4/2017", "tháng 12 năm 2016", "tháng 4", "4 tháng (đầu năm)"
        r"tháng\s+\d{1,2}(?:\s*/\s*" + _Y + r"|\s+năm\s+" + _Y + r"|(?![/\d]))",
        "part",
        ("tháng",),
    ),
    (  # "năm 2022", "cả năm 2017"
        r"(?:trong\s+)?(?:cả\s+)?năm\s+" + _Y + r"(?!\d)",
        "year",
        (A_YEAR,),
    ),
    (r"(?<![\w/.-])" + _Y + r"(?![\w/.,-])", "bare_year", (A_YEAR,)),  # "cùng kỳ 2016", "APEC 2017"
    (r"(?:cả|trong)\s+năm(?:\s+nay)?(?!\s*(?:19|20)\d\d)", "this_year", ("năm",)),
    (r"năm\s+nay|năm\s+kế\s+hoạch", "this_year", ("năm",)),
    (r"cùng\s+kỳ(?:\s+năm\s+(?:trước|ngoái))?", "last_year", ("kỳ",)),
    (r"năm\s+(?:trước|ngoái)", "last_year", ("năm",)),
    (
        r"(?<![\d,.])(?:\d{1,2}|" + _NUM_MONTHS + r")\s+tháng"
        r"(?=\s*(?:,|qua|đầu|năm|tăng|giảm|đạt|ước|có|đã|vừa|$))",
        "months",
        ("tháng",),
    ),
    (
        r"hiện\s+nay|hiện\s+tại|đến\s+nay|tới\s+nay|(?:những|các|\d+)\s+năm\s+qua"
        r"|năm\s+qua|thời\s+gian\s+qua|thời\s+gian\s+tới|(?<!\w)hiện(?=\s+(?:có|đang|còn))",
        "relative",
        ("hiện", "nay", "qua", "tới"),
    ),
    (
        r"hằng\s+năm|hàng\s+năm|hằng\s+quý|hàng\s+quý|hằng\s+tháng|hàng\s+tháng|mỗi\s+năm",
        "every",
        ("hằng", "hàng", "mỗi"),
    ),
]
_PERIOD_RE = [(re.compile(p, re.IGNORECASE), kind, needs) for p, kind, needs in _PATTERNS]
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR = re.compile(r"(?<!\d)" + _Y + r"(?!\d)")
#: "so với cùng kỳ năm 2016", "so với năm 2015", "so cùng kỳ": a comparison base.
_BASE_BEFORE = re.compile(
    r"(?:so\s+với|so)\s+(?:(?:cùng\s+kỳ|mức|kết\s+quả|số|thời\s+điểm)\s+(?:của\s+)?)?"
    r"(?:(?:cuối|đầu|giữa|hết)\s+)?(?:năm\s+)?$",
    re.IGNORECASE,
)
#: "từ năm 1977" with no end: when something began, not the period of a figure.
_START_ONLY = re.compile(r"(?:kể\s+)?từ\s+(?:năm\s+)?$", re.IGNORECASE)
#: A date or period that belongs to a document's name or number: "Nghị quyết số 21-NQ/TW,
#: ngày 16/6/2022", "Đề án ... giai đoạn 2016 - 2020", "ban hành ngày ...".
_DOCUMENT_BEFORE = re.compile(
    r"(?:\d[\w.]*[/-][A-ZĐ][\w/.-]*,?\s*|ban\s+hành\s+|ký\s+|(?:Nghị quyết|Quyết định|Chỉ thị|"
    r"Kế hoạch|Chương trình|Đề án|Nghị định|Thông tư|Luật|Kết luận|Quy định|Hướng dẫn|"
    r"Công văn|Chiến lược|Quy hoạch)\b[^.;:()]{0,80}?)$"
)
#: Periods that cover the sentences after them in a paragraph: a report's span ("giai đoạn
#: 2019 - 2022", "6 tháng đầu năm"), not a single year or a date of one event.
_CARRIED = {"range", "part", "months", "until", "since"}
_OPENING_CHARS = 60
_NUMBER_WORD = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8}


@dataclass
class PeriodMention:
    """A period phrase in the text: its span, words as written, years it states, its kind."""

    start: int
    end: int
    text: str
    years: tuple[int, int | None] | None
    kind: str


def _stated_years(text: str) -> tuple[int, int | None] | None:
    ys = [int(y) for y in _YEAR.findall(text)]
    return (min(ys), max(ys)) if ys else None


def _is_base(text: str, start: int) -> bool:
    return bool(_BASE_BEFORE.search(text[max(0, start - 30) : start]))


def _in_document_name(text: str, start: int) -> bool:
    before = text[max(0, start - 120) : start]
    clause = re.split(r"[.;:!?\n]|,\s(?=[a-zđ])", before)[-1]
    return bool(_DOCUMENT_BEFORE.search(clause)) or clause.count("“") > clause.count("”")


def find_periods(text: str, start: int = 0, end: int | None = None) -> list[PeriodMention]:
    """Period phrases in `text[start:end]`, in order, without comparison bases and without
    the dates and periods of document names."""
    end = len(text) if end is None else end
    found: list[PeriodMention] = []
    blocked: list[tuple[int, int]] = []  # bases and names: what they hold is no period either
    low = text[start:end].lower()
    has_year = _ANY_YEAR.search(low) is not None
    for pattern, kind, needs in _PERIOD_RE:
        if not any(has_year if word == A_YEAR else word in low for word in needs):
            continue
        for m in pattern.finditer(text, start, end):
            s, e = m.span()
            if any(s < f.end and f.start < e for f in found) or any(
                s < b_end and b_start < e for b_start, b_end in blocked
            ):
                continue
            if kind == "bare_year" and not re.search(r"cùng\s+kỳ\s*$", text[max(0, s - 12) : s]):
                continue  # a year alone is a period only after "cùng kỳ"
            if (
                _is_base(text, s)
                or (kind in ("range", "date", "year", "until") and _in_document_name(text, s))
                or (kind == "year" and _START_ONLY.search(text[max(0, s - 12) : s]))
            ):
                blocked.append((s, e))
                continue
            found.append(PeriodMention(s, e, m.group(0), _stated_years(m.group(0)), kind))
    # a base swallows what follows it in its phrase: "so với cùng kỳ năm 2016"
    found.sort(key=lambda p: p.start)
    out: list[PeriodMention] = []
    for p in found:
        if out and p.kind in ("bare_year", "year") and out[-1].kind == "last_year":
            if not text[out[-1].end : p.start].strip():
                out[-1] = PeriodMention(
                    out[-1].start, p.end, text[out[-1].start : p.end], p.years, "year"
                )
                continue
        out.append(p)
    joined: list[PeriodMention] = []
    for p in out:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.years
            and p.years
            and prev.kind == "year"
            and p.kind == "year"
            and re.fullmatch(r"\s*(?:và|hoặc)\s*", text[prev.end : p.start])
        ):
            years = (min(prev.years[0], p.years[0]), max(prev.years[-1] or 0, p.years[-1] or 0))
            joined[-1] = PeriodMention(prev.start, p.end, text[prev.start : p.end], years, "range")
            continue
        joined.append(p)
    return joined


def resolve_years(
    period: PeriodMention, year: int | None = None, dated: bool = False
) -> tuple[int, int | None] | None:
    """`[first, last]` of a period. `year` is the year the report is about (its date's, or the
    year its title or lead states); `dated` says the text states its own date, which relative
    words ("hiện nay", "năm qua", "đến nay") need."""
    if period.kind == "since":
        first = period.years[0] if period.years else None
        return (first, year if dated else None) if first else None
    if period.years:
        if period.kind in ("range", "until", "date", "year", "part", "bare_year"):
            return period.years
        return period.years
    if year is None:
        return None
    if period.kind in ("part", "this_year", "months"):
        return (year, year)
    if period.kind == "last_year":
        return (year - 1, year - 1)
    if period.kind == "relative" and dated:
        return (year, year)
    return None


def period_text(period: PeriodMention, years: tuple[int, int | None] | None) -> str:
    """The period as written, with the years it was resolved to when it does not state them:
    "6 tháng đầu năm (2017)"."""
    text = period.text
    if text.lower().startswith("trong "):
        text = text[len("trong ") :]
    if not years or _YEAR.search(text):
        return text
    first, last = years
    if last is None or last == first:
        return f"{text} ({first})"
    return f"{text} ({first}–{last})"


def _report_periods(at: AnalyzedText) -> list[PeriodMention]:
    """Periods of the title and lead (the first two sentences): a report's own period."""
    out: list[PeriodMention] = []
    for n, sent in enumerate(at.sentences[:2]):
        kinds = ("part",) if n else ("part", "year", "range", "until")
        out += [p for p in find_periods(at.text, sent.start, sent.end) if p.kind in kinds]
    return out[:1]


def attach_periods(statistics: list[dict], at: AnalyzedText, context: dict | None = None) -> None:
    """Set `period` (as written, with resolved years added when it does not state them) and
    `years` (`[first, last]` or None) on every statistic read from running text; a table
    statistic keeps its headers' period and gets its years."""
    context = context or {}
    year, dated = context.get("year"), bool(context.get("date"))
    text = at.text
    cache: dict[int, list[PeriodMention]] = {}
    report = _report_periods(at)

    def periods_of(sent: Sentence) -> list[PeriodMention]:
        if sent.start not in cache:
            cache[sent.start] = find_periods(text, sent.start, sent.end)
        return cache[sent.start]

    for item in statistics:
        if item.get("source") == "table":
            stated = _stated_years(item.get("period") or "")
            item["years"] = list(stated) if stated else None
            continue
        sent = at.sentence_at(item["start"])
        chosen = _own_period(text, sent, periods_of(sent), item) if sent else None
        the_year = year
        if chosen is not None and not chosen.years and sent is not None:
            # "tổng hợp kết quả cả năm" after a sentence on 2016: the year the text is on
            the_year = _recent_year(at, sent, chosen.start, periods_of) or year
        if chosen is None and sent is not None:
            chosen = _paragraph_period(at, sent, periods_of)
        if chosen is None and report:
            chosen = report[0]
        if chosen is None:
            item["period"], item["years"] = None, None
            continue
        years = resolve_years(chosen, the_year, dated)
        item["period"] = period_text(chosen, years)
        item["years"] = list(years) if years else None


def _own_period(
    text: str, sent: Sentence, periods: list[PeriodMention], item: dict
) -> PeriodMention | None:
    """The period of the figure's clause (";" ends one): the nearest before the figure, else
    the first after it; else the nearest earlier in its sentence."""
    left = text.rfind(";", sent.start, item["start"]) + 1 or sent.start
    right = text.find(";", item["end"], sent.end)
    right = sent.end if right < 0 else right
    stated = [p for p in periods if p.kind != "every"]
    periods = stated if stated else periods  # "hàng năm" gives way to "2019 - 2022"
    before = [p for p in periods if left <= p.start and p.end <= item["start"]]
    after = [p for p in periods if p.start >= item["end"] and p.end <= right]
    earlier = [p for p in periods if p.end <= left]
    if before:
        return before[-1]
    if after:
        return after[0]
    if earlier:
        return earlier[-1]
    return None


def _paragraph_period(at: AnalyzedText, sent: Sentence, periods_of) -> PeriodMention | None:
    """The period that opened an earlier sentence of the same paragraph ("Trong giai đoạn
    2019 - 2022, ..."): the report's span, which the results after it continue."""
    text = at.text
    para_start = text.rfind("\n", 0, sent.start) + 1
    k = at.sentences.index(sent) - 1
    while k >= 0 and at.sentences[k].start >= para_start:
        found = [
            p
            for p in periods_of(at.sentences[k])
            if p.kind in _CARRIED and p.start - at.sentences[k].start <= _OPENING_CHARS
        ]
        if found:
            return found[-1]
        k -= 1
    return None


def _recent_year(at: AnalyzedText, sent: Sentence, pos: int, periods_of) -> int | None:
    """The last year stated before `pos` in its sentence or the two before it (same
    paragraph), comparison bases left out."""
    text = at.text
    para_start = text.rfind("\n", 0, sent.start) + 1
    k = at.sentences.index(sent)
    for n in range(k, max(-1, k - 3), -1):
        if at.sentences[n].start < para_start:
            break
        stated = [p for p in periods_of(at.sentences[n]) if p.years and p.start < pos]
        if stated:
            return stated[-1].years[-1] or stated[-1].years[0]
    return None
