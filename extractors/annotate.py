"""Annotate: map extractor spans from normalized-text offsets back onto the text as read.

Extractors report `start`/`end` in the coordinates of `AnalyzedText.text`; the output
contract promises offsets into the text as read. `annotate_offsets` walks a result and fixes
every dict that carries integer `start` and `end`, replacing `text` with the raw slice, so
any later room can highlight a mention without re-reading anything.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vnpolicy.nlp import AnalyzedText


def annotate_offsets(
    result: Any, at: AnalyzedText, page_of: Callable[[int], int | None] | None = None
) -> Any:
    """Rewrite spans in `result` (dicts and lists, in place) to raw offsets; returns `result`.

    With `page_of` (a `Document.page_of`), each span also gets its 1-based `page`.
    """
    if isinstance(result, list):
        for item in result:
            annotate_offsets(item, at, page_of)
    elif isinstance(result, dict):
        start, end = result.get("start"), result.get("end")
        for value in result.values():
            if isinstance(value, dict | list):
                annotate_offsets(value, at, page_of)
        if isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool):
            raw_start, raw_end = at.to_raw(start, end)
            result["start"], result["end"] = raw_start, raw_end
            result["text"] = at.raw[raw_start:raw_end]
            if page_of is not None:
                page = page_of(raw_start)
                if page is not None:
                    result["page"] = page
    return result
