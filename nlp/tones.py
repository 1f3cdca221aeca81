"""Old ("hoà", "uỷ") to new ("hòa", "ủy") tone placement, as one table.

Vietnamese has two conventions for where the tone mark sits in the open syllables
oa, oe, uy: the old one marks the second vowel ("hoà", "thuỷ"), the new one (Quy định
chính tả, Bộ Giáo dục 1984/2018) marks the first ("hòa", "thủy"). Only open syllables move:
"đoàn", "hoàng", "quý" are written the same in both. Every move keeps the length of the text,
so offsets are untouched.
"""

from __future__ import annotations

import re

_MARKED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}
_LEAD = {"a": "o", "e": "o", "y": "u"}
_LEAD_MARKED = {"o": "òóỏõọ", "u": "ùúủũụ"}

#: old-style pair -> new-style pair, lower and upper case ("oà" -> "òa", "UỶ" -> "ỦY").
OLD_TO_NEW_TONE: dict[str, str] = {}
for _plain, _marks in _MARKED.items():
    _lead = _LEAD[_plain]
    for _i, _mark in enumerate(_marks):
        _old, _new = _lead + _mark, _LEAD_MARKED[_lead][_i] + _plain
        OLD_TO_NEW_TONE[_old] = _new
        OLD_TO_NEW_TONE[_old.upper()] = _new.upper()
        OLD_TO_NEW_TONE[_old[0].upper() + _old[1]] = _new[0].upper() + _new[1]

_OLD_TONE_RE = re.compile(r"(?<![qQ])(?:" + "|".join(OLD_TO_NEW_TONE) + r")(?!\w)")


def modernize_tones(text: str) -> str:
    """Old tone placement to new, length kept: "Huyện uỷ" -> "Huyện ủy"."""
    return _OLD_TONE_RE.sub(lambda m: OLD_TO_NEW_TONE[m.group(0)], text)
