"""Attach to each statistic the unit or place named in the same clause.

A figure is about the body or locality its clause names: in "Đảng bộ huyện Gio Linh hiện
có 43 tổ chức cơ sở đảng", 43 is Đảng bộ huyện Gio Linh's. The clause is the part of the
sentence between semicolons or colons; the nearest unit mention before the figure wins, else
the first one after it. Works in the normalized-text offsets every extractor uses.

    >>> from vnpolicy.nlp import analyze
    >>> from vnpolicy.extractors.units import extract_units
    >>> from vnpolicy.extractors.statistics import extract_statistics
    >>> at = analyze("Huyện ủy Gio Linh kết nạp 186 đảng viên; toàn tỉnh có 9.757 đồng chí.")
    >>> stats = attach_places(extract_statistics(at), extract_units(at), at.text)
    >>> [(s["value"], s["place"]) for s in stats]
    [(186.0, 'Huyện ủy Gio Linh'), (9757.0, None)]
"""

from __future__ import annotations

import bisect
import re

_CLAUSE_BREAK = re.compile(r"[;:\n]|\.\s")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): from the last break before it to the next after it."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(text, max(0, start - 400), start):
        left = m.end()
    nxt = _CLAUSE_BREAK.search(text, end, end + 400)
    return left, nxt.start() if nxt else min(len(text), end + 400)


def attach_places(statistics: list[dict], units: list[dict], text: str) -> list[dict]:
    """Set `place` (a unit's canonical name, or None) on every statistic; returns them."""
    mentions = sorted(
        (m["start"], m["end"], unit["name"])
        for unit in units
        for m in unit.get("mentions") or [unit]
    )
    starts = [s for s, _, _ in mentions]
    for stat in statistics:
        left, right = _clause(text, stat["start"], stat["end"])
        place = None
        i = bisect.bisect_right(starts, stat["start"]) - 1
        while i >= 0 and mentions[i][0] >= left:
            if mentions[i][1] <= stat["start"]:
                place = mentions[i][2]
                break
            i -= 1
        if place is None:
            j = bisect.bisect_left(starts, stat["end"])
            if j < len(mentions) and mentions[j][1] <= right:
                place = mentions[j][2]
        stat["place"] = place
    return statistics
