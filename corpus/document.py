"""`Document`: one file as read, the unit everything downstream works on."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from vnpolicy.corpus.tables import Table


class ReadError(Exception):
    """A file that cannot be read as a document; the message names the cause in one line."""

    def __init__(self, path: str | Path, cause: str):
        self.path = str(path)
        self.cause = cause
        super().__init__(f"{path}: {cause}")


@dataclass
class Document:
    """Text as read from one file, with where it came from.

    `pages` holds `(start, end)` offsets of each PDF page in `text`; `metadata` what the
    format tells besides the text (HTML title, author, date, site); `tables` the data tables
    read from PDF or HTML, with each cell's offsets in `text`.
    """

    source: str
    format: str
    text: str
    title: str | None = None
    pages: list[tuple[int, int]] = field(default_factory=list)
    metadata: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def page_of(self, offset: int) -> int | None:
        """1-based page number holding `offset`, for paged formats."""
        for number, (start, end) in enumerate(self.pages, 1):
            if start <= offset < end:
                return number
        return None

    def describe(self) -> dict:
        """The `document` object of the output JSON (without `self`, filled by extraction)."""
        out = {
            "source": self.source,
            "format": self.format,
            "sha256": self.sha256,
            "chars": len(self.text),
            "title": self.title,
        }
        if self.pages:
            out["pages"] = [
                {"number": i, "start": s, "end": e} for i, (s, e) in enumerate(self.pages, 1)
            ]
        if self.metadata:
            out["metadata"] = self.metadata
        if self.tables:
            out["tables"] = [t.to_dict() for t in self.tables]
        return out
