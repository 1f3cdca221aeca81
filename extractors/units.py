"""Organisations and localities named in a text, with canonical names and kinds.

Two steps, as in eyecite: `find_unit_mentions` (`unit_find`) reads the text with regular
expressions built from the tables in `unit_patterns` and the place names in `gazetteer`;
`resolve_units` (`unit_build`) chooses among overlapping candidates, completes bare names from
the place of their paragraph (`unit_context`), merges mentions of one unit and fills the
output fields.

>>> from vnpolicy.nlp import analyze
>>> [u["name"] for u in extract_units(analyze("Ban Thường vụ huyện uỷ Hải Lăng, Gio Linh họp."))]
['Ban Thường vụ Huyện ủy Hải Lăng', 'Ban Thường vụ Huyện ủy Gio Linh']
"""

from __future__ import annotations

from vnpolicy.extractors.unit_build import resolve_units
from vnpolicy.extractors.unit_find import find_unit_mentions
from vnpolicy.nlp import AnalyzedText


def extract_units(at: AnalyzedText) -> list[dict]:
    """Organisations and localities in `at.text`, one dict per unit, in order of first mention.

    Each has `name` (canonical), `text` (first mention as written), `kind`, `aliases`,
    `parent`, `mentions`, `start`/`end`; localities also `level`, `code`, `new_province`.
    """
    word_ends = {s: e for sentence in at.sentences for s, e in sentence.words}
    return resolve_units(at.text, find_unit_mentions(at.text, word_ends))
