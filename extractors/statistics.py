"""Statistics in Vietnamese text: counts, percentages, money and measures with their context.

Steps, eyecite-style, one module each: `statistic_find.find_figures` finds numeric
candidates (digits with their multipliers, percent signs and ranges, spelled numbers from
"hai" up); `statistic_classify.is_statistic` drops what is not a quantity (dates, years,
durations, ages, ordinals, article and document numbers, idioms, page furniture); this
module's `resolve_figure` attaches the counted noun or unit, bounds, approximation and base
and builds the dicts; `statistic_measure` gives each its measure (`subject`) and
`statistic_period` its period; `statistic_context.attach_context` adds the place and the
years once the document's units and context are known.

>>> from vnpolicy.nlp import analyze
>>> at = analyze("Đảng bộ có 9.757 đồng chí, chiếm 19,9% trong tổng số đảng viên.")
>>> [(s["value"], s["unit"], s["kind"]) for s in extract_statistics(at)]
[(9757.0, 'đồng chí', 'count'), (19.9, '%', 'percent')]
"""

from __future__ import annotations

import re

from vnpolicy.extractors.statistic_classify import is_statistic
from vnpolicy.extractors.statistic_find import Figure, find_figures, merge_spans, overlaps
from vnpolicy.extractors.statistic_line_tables import line_tables
from vnpolicy.extractors.statistic_measure import attach_measures
from vnpolicy.extractors.statistic_period import attach_periods
from vnpolicy.extractors.statistic_words import (
    counted_noun,
    kind_of,
    prev_words,
    words_of,
)
from vnpolicy.extractors.statistics_vocab import (
    ANAPHORA_AFTER,
    APPROXIMATE_BEFORE,
    BOUND_AFTER,
    BOUND_BEFORE,
    LEGAL_PART_NOUNS,
    PAIR_NOUNS,
    RANGE_SEPARATORS,
    SHARED_NOUN_SEPARATORS,
    TIME_WORDS,
)
from vnpolicy.extractors.table_statistics import merge_table_statistics
from vnpolicy.nlp import AnalyzedText, Sentence

_LINE_BREAK_LOWER = re.compile(r"[ \t]*\n[ \t]*(?=[^\W\d_A-ZĐ])")
_SHARE_OF = re.compile(r"\s+((?:tổng\s+)?số)(?=\s)", re.IGNORECASE)
_BASE_RE = re.compile(
    r"\s*(?:(?:trong|trên|của|so với)\s+)?((?:tổng\s+)?số\b[^,;.:()]{0,60}|tổng\s+[^,;.:()]{0,60}"
    r"|dân số\b[^,;.:()]{0,40}|dự toán\b[^,;.:()]{0,40})",
    re.IGNORECASE,
)


def _approx_and_bound(text: str, words, starts, fig: Figure) -> tuple[bool, str | None]:
    prev = prev_words(text, words, starts, fig.start, 3)
    approximate, bound = False, None
    for n in (3, 2, 1):
        if len(prev) >= n:
            key = " ".join(prev[-n:])
            if key in APPROXIMATE_BEFORE:
                approximate = True
            if key in BOUND_BEFORE and bound is None:
                bound = BOUND_BEFORE[key]
    if fig.sign:
        bound = BOUND_BEFORE.get(fig.sign[0], bound)
    if bound == "min" and prev and prev[-1] == "từ":
        bound = None
        after = text[fig.end : fig.end + 40].lower()
        for word, b in BOUND_AFTER.items():
            if word in after.split(",")[0]:
                bound = b
    if bound is None:
        after = text[fig.end : fig.end + 40].lower()
        for word, b in BOUND_AFTER.items():
            if after.lstrip().startswith(word) or f" {word}" in after.split(",")[0][:25]:
                bound = b
    return approximate, bound


def _base(text: str, fig: Figure) -> str | None:
    m = _BASE_RE.match(text, fig.end)
    if not m:
        return None
    return m.group(1).strip() or None


def resolve_figure(fig: Figure, at: AnalyzedText, sent: Sentence) -> list[dict]:
    """Statistic dicts for one figure (two for a part of a whole "241/620 doanh nghiệp")."""
    text = at.text
    starts, words = words_of(sent)
    unit, noun_end = fig.unit, fig.end
    if fig.percent:
        unit, kind = "%", "percent"
    elif unit:
        kind = fig.kind
    else:
        unit, noun_end = counted_noun(text, words, starts, fig.end)
        brk = _LINE_BREAK_LOWER.match(text, fig.end) if unit is None else None
        if brk and (nxt := at.sentence_at(brk.end())) is not None:
            # a PDF line break between the number and its noun: "10.000.000\nđồng/năm"
            n_starts, n_words = words_of(nxt)
            unit, noun_end = counted_noun(text, n_words, n_starts, brk.end())
            if unit and unit.split()[0].lower() in TIME_WORDS:
                return []  # "trong 30\nngày": a duration
        share = _SHARE_OF.match(text, fig.end)
        if unit is None and share:  # "2/3 số đại biểu", "70% số xã": the share of a whole
            noun, noun_end = counted_noun(text, words, starts, share.end())
            unit = text[share.start(1) : noun_end] if noun else None
        prev = prev_words(text, words, starts, fig.start, 1)
        kind = kind_of(unit, prev[0] if prev else "") if unit else "count"
    per = None
    if unit and "/" in unit and unit.index("/") > 1:  # "03 người/sở": 3 people per department
        unit, per = unit.split("/", 1)
        if fig.value != int(fig.value):  # "13,47 tiêu chí/xã": an average
            kind = "measure"
    fig.unit, fig.kind, fig.noun_end = unit, kind, noun_end
    approximate, bound = _approx_and_bound(text, words, starts, fig)
    base = _base(text, fig) if fig.percent else None
    common = {
        "unit": unit,
        "kind": kind,
        "approximate": approximate,
        "bound": bound,
        "subject": None,
        "period": None,
        "sentence": text[sent.start : sent.end],
        "_noun": (fig.end, max(fig.end, noun_end or fig.end)),
    }
    if base:
        common["base"] = base
    if per:
        common["per"] = per
    end = max(fig.end, noun_end or fig.end)
    slash = fig.extra.get("slash")
    if slash:
        v1, v2, t1, t2 = slash
        # "2/3 số đại biểu", "1/2 tài sản", "đạt 2/3": a fraction; "15/20 xã": two counts
        is_share = bool(_SHARE_OF.match(text, fig.end)) or not fig.unit or v2 <= 4
        if v1 < v2 and is_share and not fig.extra.get("scale") and "," not in t1 + t2:
            item = {
                "text": text[fig.start : end],
                "start": fig.start,
                "end": end,
                "value": round(v1 / v2, 4),
                "max": None,
                **common,
            }
            return [item]
        s2, e2 = fig.extra["n2span"]
        return [
            {
                "text": text[fig.start : end],
                "start": fig.start,
                "end": end,
                "value": v1,
                "max": None,
                **common,
            },
            {"text": text[s2:end], "start": s2, "end": end, "value": v2, "max": None, **common},
        ]
    rng = fig.extra.get("range")
    low, high = rng if rng else (fig.value, None)
    if high is not None and high < low:
        return [
            {
                "text": text[fig.start : fig.extra["n1span"][1]],
                "start": fig.start,
                "end": fig.extra["n1span"][1],
                "value": low,
                "max": None,
                **common,
            },
            {
                "text": text[fig.extra["n2span"][0] : end],
                "start": fig.extra["n2span"][0],
                "end": end,
                "value": high,
                "max": None,
                **common,
            },
        ]
    return [
        {
            "text": text[fig.start : end],
            "start": fig.start,
            "end": end,
            "value": low,
            "max": high,
            **common,
        }
    ]


def _share_nouns(items: list[dict], text: str) -> None:
    """ "5,7 hoặc 5,8 inch": a figure without a noun borrows the next figure's, across a
    separator ("hoặc", "và", ",", "x")."""
    for a, b in zip(items, items[1:], strict=False):
        if a["unit"] or not b["unit"] or b["unit"] == "%":
            continue
        gap = text[a["end"] : b["start"]].strip().lower()
        if gap in SHARED_NOUN_SEPARATORS or gap in RANGE_SEPARATORS:
            a["unit"], a["kind"] = b["unit"], b["kind"]


def extract_statistics(at: AnalyzedText, exclude: list[tuple[int, int]] = ()) -> list[dict]:
    """Every quantitative fact in `at.text`, in document order, as plain dicts.

    `exclude` holds spans already known to be references or dates: numbers inside them are
    not statistics ("Nghị quyết số 21-NQ/TW, ngày 16/6/2022").
    """
    text = at.text
    exclude = merge_spans(exclude)
    ex_starts = [s for s, _ in exclude]
    out: list[dict] = []
    for fig in find_figures(at):
        if exclude and overlaps(exclude, ex_starts, fig.start, fig.end):
            continue
        sent = at.sentence_at(fig.start)
        if sent is None or not is_statistic(fig, at, sent):
            continue
        out.extend(resolve_figure(fig, at, sent))
    _share_nouns(out, text)
    out = _merge_ranges(out, text)
    _shortest_units(out)
    kept = []
    for item in out:
        unit = item["unit"]
        if unit and unit in LEGAL_PART_NOUNS:
            continue  # "khoản 1, 2 và 3 Điều 5"
        if unit in PAIR_NOUNS and _NAMED_MEMBERS.match(text, item["end"]):
            continue  # "thanh niên 3 nước Việt Nam - Lào - Campuchia": the countries named
        if unit and unit != "%" and _refers_back(text, item["end"]):
            continue  # "6 địa phương này": the figure was counted where it was first given
        if unit is None and _implied_dong(text, item):
            item["unit"], item["kind"] = "đồng", "money"  # "doanh thu đạt 12.500 tỷ"
            unit = "đồng"
        if unit is None:
            unit = _row_noun(text, item["start"]) or _noun_before(at, item["start"])
            if unit is None and text[item["start"]] not in "≥≤<>":
                continue  # a bare number ("Trên 120 đến 360" in a rate table) says too little
            item["unit"] = unit
        kept.append(item)
    attach_measures(kept, at)
    for item in kept:
        item.pop("_noun", None)
    tables = line_tables(text)
    out = merge_table_statistics(kept, tables, at) if tables else kept
    attach_periods(out, at)
    return out


_NAMED_MEMBERS = re.compile(r"\s+[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*)*\s*-\s*[A-ZĐ]")
_CLASSIFIER = re.compile(r"^lượt\s+")


_SCALE_AT_END = re.compile(r"(?:nghìn|ngàn|triệu|tỷ|tỉ)$", re.IGNORECASE)


def _implied_dong(text: str, item: dict) -> bool:
    """A sum in tỷ with no currency is in đồng in Vietnamese news ("doanh thu đạt 12.500 tỷ",
    "1,2 nghìn tỷ"), and so is a sum in triệu per head ("65 triệu/người/năm")."""
    written = item["text"].rstrip()
    if not _SCALE_AT_END.search(written):
        return False
    if re.search(r"(?:tỷ|tỉ)$", written, re.IGNORECASE):
        return True
    return bool(re.match(r"/\s*[^\W\d_]", text[item["end"] : item["end"] + 3]))


def _shortest_units(items: list[dict]) -> None:
    """One counted noun per repeated figure: when the same value is counted as "đại biểu"
    and "đại biểu chính thức" (or "lượt khách" and "khách"), both take the shorter form."""
    by_value: dict[tuple[float, str], list[dict]] = {}
    for item in items:
        if item["unit"] and item["kind"] != "percent":
            by_value.setdefault((round(item["value"], 4), item["kind"]), []).append(item)
    for group in by_value.values():
        units = sorted({i["unit"] for i in group}, key=len)
        for item in group:
            for short in units:
                long_ = item["unit"].lower()
                if long_ == short.lower():
                    continue
                # "đại biểu chính thức" = "đại biểu"; "13 triệu lượt khách quốc tế" = "13
                # triệu khách quốc tế": "lượt" (a counting classifier) counts the same visits
                if long_.startswith(short.lower() + " ") or _CLASSIFIER.sub("", long_) == (
                    short.lower()
                ):
                    item["unit"] = short
                    break


def _merge_ranges(items: list[dict], text: str) -> list[dict]:
    """ "từ 500.000 đồng đến 1.000.000 đồng": two figures with one unit make one range."""
    out: list[dict] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            prev
            and prev["max"] is None
            and item["max"] is None
            and prev["unit"]
            and prev["unit"] == item["unit"]
            and prev["value"] < item["value"]
            and text[prev["end"] : item["start"]].strip().lower() in RANGE_SEPARATORS
        ):
            prev["max"] = item["value"]
            prev["end"] = item["end"]
            prev["text"] = text[prev["start"] : item["end"]]
            continue
        out.append(item)
    return out


def _refers_back(text: str, end: int) -> bool:
    after = text[end : end + 12].lower().lstrip()
    return any(
        after.startswith(w) and not after[len(w) : len(w) + 1].isalpha() for w in ANAPHORA_AFTER
    )


_ROW_LABEL = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+(?:Có\s+)?(.*)$")


def _row_noun(text: str, start: int) -> str | None:
    """The noun of a table row for a figure alone in its cell ("3.7. Có tổ khuyến nông cộng
    đồng hoạt động hiệu quả" ... "≥01" gives "tổ khuyến nông")."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    cell = text[ls : le if le >= 0 else len(text)].strip()
    if not re.fullmatch(r"[≥≤<>]?=?\s*[\d.,]+\s*", cell):
        return None
    pos = ls - 1
    for _ in range(6):  # the row label is a few cells up
        if pos <= 0:
            return None
        prev_start = text.rfind("\n", 0, pos) + 1
        line = text[prev_start:pos]
        m = _ROW_LABEL.match(line)
        if m and line.strip() and not re.fullmatch(r"[\d.\s]+", line):
            return _row_label_noun(m.group(1))
        pos = prev_start - 1
    return None


def _row_label_noun(label: str) -> str | None:
    """The first noun phrase of a row label, up to its verb: "tổ khuyến nông cộng đồng"."""
    from vnpolicy.nlp.segment import segment_words

    spans = segment_words(label)
    if not spans:
        return None
    noun, _ = counted_noun(label, spans, [a for a, _ in spans], 0)
    return noun


def _noun_before(at: AnalyzedText, start: int) -> str | None:
    """ "(cơ số 01)": a number closing its parenthesis counts the noun written before it."""
    text = at.text
    m = re.search(r"\(([^\W\d_][^\W\d]*(?: [^\W\d_][^\W\d]*)?) $", text[max(0, start - 30) : start])
    if not m:
        return None
    close = re.match(r"[\d.,]+\s*\)", text[start : start + 20])
    return m.group(1) if close else None
