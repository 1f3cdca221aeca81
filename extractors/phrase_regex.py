"""Compile thousands of fixed phrases into one fast regex alternation, longest match first.

Python's `re` tries a plain alternation `A|B|C|...` branch by branch at every position; with
the hundreds of unit names and place names the extractors look for, that dominates their
time. A trie-shaped pattern shares prefixes (`Bộ (?:Tài chính|Tư pháp|...)`), so the engine
reads each character once per position. Matching is the same as the plain alternation of
the phrases sorted longest first: at any position the phrases that match are prefixes of one
another, and the trie tries the longer continuation before stopping.

    >>> import re
    >>> pattern = re.compile(phrase_alternation(["Bộ Tài chính", "Bộ Tư pháp", "Bộ"]))
    >>> pattern.match("Bộ Tư pháp và").group(0)
    'Bộ Tư pháp'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def _trie(phrases: Iterable[str]) -> dict:
    root: dict = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return root


def _pattern(node: dict) -> str:
    ends = _END in node
    branches = []
    for ch in sorted(k for k in node if k != _END):
        branches.append(re.escape(ch) + _pattern(node[ch]))
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    body = "|".join(branches)
    return f"(?:{body})?" if ends else f"(?:{body})"


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A regex (no anchors, no groups) matching any of `phrases`, preferring the longest."""
    unique = {p for p in phrases if p}
    if not unique:
        return "(?!)"
    return _pattern(_trie(unique))
