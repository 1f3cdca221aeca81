"""The search index's interface: what any backend (SQLite now; PostgreSQL, OpenSearch later)
takes and gives back. It knows only the JSON contract (`outputs/document.schema.json`).
"""

from __future__ import annotations

import calendar
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from vnpolicy.outputs.index_text import Segment


class SearchIndexError(Exception):
    """Base of index errors; the message is one line fit for a user."""


class IndexOpenError(SearchIndexError):
    """The index cannot be opened: missing file, not a database, not a vnpolicy index."""


class InvalidDateError(ValueError):
    """A date filter that is no calendar date, month or year: "2020-00", "2021-02-30".

    `str()` is the line for the CLI; `vietnamese` the one for the web page."""

    def __init__(self, value: str):
        self.value = value
        super().__init__(f"not a date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")

    @property
    def vietnamese(self) -> str:
        return f"Ngày không hợp lệ: {self.value} (dùng dạng YYYY-MM-DD, YYYY-MM hoặc YYYY)"


_DATE_BOUND = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def normalize_date_bound(value: str | None, upper: bool) -> str | None:
    """A date filter as an inclusive ISO bound, checked against the calendar: "2020" ->
    "2020-01-01" (or "2020-12-31" as an upper bound), "2020-02" -> "2020-02-01"/"2020-02-29",
    "2021-06-16" as is; None for an empty value. Raises `InvalidDateError` for anything else
    ("2020-00", "9999-99", "2021-02-30", "hôm qua").

    >>> normalize_date_bound("2024-02", upper=True)
    '2024-02-29'
    """
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    match = _DATE_BOUND.fullmatch(text)
    if not match:
        raise InvalidDateError(text)
    year, month, day = (int(g) if g else None for g in match.groups())
    if day is None:  # a month or a year: its first or last day
        month = (12 if upper else 1) if month is None else month
        day = calendar.monthrange(year, month)[1] if upper and 1 <= month <= 12 else 1
    try:
        return date(year, month, day).isoformat()
    except ValueError:  # month 00 or 13, 30 February, year 0000
        raise InvalidDateError(text) from None


@dataclass
class SearchFilters:
    """Narrowing of a search; every field optional. Dates are ISO `YYYY-MM-DD`, inclusive,
    on the document's own date (its header date, or the page's publication date)."""

    doc_type: str | None = None  # the document's own type: "chỉ thị" (or "chi thi", "CT")
    issuer: str | None = None  # words of the issuer: "Tỉnh ủy Quảng Trị"
    unit: str | None = None  # a unit the document names: "Huyện ủy Hải Lăng"
    date_from: str | None = None
    date_to: str | None = None
    cites: str | None = None  # a reference the document cites, in any spelling: "21 nq tw"

    def is_empty(self) -> bool:
        return not any(vars(self).values())


@dataclass
class SearchHit:
    """One document found, with why: `matched` is "reference" (it cites the id searched for)
    or "text" (bm25 over its words); `snippet` is segments (text, highlighted)."""

    source: str
    title: str | None
    doc_type: str | None
    doc_id: str | None
    date: str | None
    issuer: str | None
    score: float
    matched: str
    snippet: list[Segment] = field(default_factory=list)
    references: list[str] = field(default_factory=list)  # ids matched, for "reference"

    def snippet_text(self, mark: tuple[str, str] = ("«", "»")) -> str:
        return "".join(f"{mark[0]}{t}{mark[1]}" if hit else t for t, hit in self.snippet)

    def to_dict(self) -> dict:
        """The hit as JSON: the snippet as plain text plus highlight offsets into it."""
        text, highlights = "", []
        for part, hit in self.snippet:
            if hit:
                highlights.append([len(text), len(text) + len(part)])
            text += part
        return {
            "source": self.source,
            "title": self.title,
            "doc_type": self.doc_type,
            "id": self.doc_id,
            "date": self.date,
            "issuer": self.issuer,
            "score": round(self.score, 4),
            "matched": self.matched,
            "references": self.references,
            "snippet": text,
            "highlights": highlights,
        }


@dataclass
class SearchResult:
    """The hits of one search, best first; `reference` is the id the query was read as."""

    query: str
    hits: list[SearchHit]
    reference: str | None = None
    truncated_query: bool = False


@dataclass
class Citation:
    """One document citing a reference: how, where first, and when the citing document is."""

    source: str
    title: str | None
    date: str | None  # the citing document's date
    doc_type: str | None
    ref_id: str | None  # the reference as this document writes it
    ref_date: str | None  # the reference's own issue date, if stated
    mentions: int
    text: str | None  # the first mention as written
    # None when it writes the number; else it names the document, and the number was known
    # from its own text ("text"), the title registry ("registry") or the archive ("archive"),
    # or is not known ("name": found by the name itself)
    by: str | None = None


@dataclass
class ReferenceCount:
    """A cited document with how often: by how many documents, mentions in all, and the
    dates of the first and last citing documents."""

    key: str  # the spelling-free key: "21nqtw", or "name:dieu le dang" for a named one
    ref_id: str | None
    name: str | None
    doc_type: str | None
    ref_date: str | None
    documents: int
    mentions: int
    first_cited: str | None
    last_cited: str | None

    @property
    def label(self) -> str:
        return self.ref_id or self.name or self.key


@dataclass
class StatisticFigure:
    """One figure of a measure across the archive, with where and when it is of and the
    document that states it: "tỷ lệ hộ nghèo | huyện Gio Linh | 2019–2022 | 3,5 %"."""

    source: str
    title: str | None
    date: str | None  # the stating document's date
    subject: str | None
    place: str | None
    period: str | None
    year_first: int | None
    year_last: int | None
    value: float | None
    max: float | None
    unit: str | None
    kind: str | None
    text: str | None  # the figure as written: "3,5%"
    position: int = 0  # its place among the document's statistics (the page's "stat-N")

    @property
    def years_label(self) -> str | None:
        """The years as a label: "2022", "2019–2022", "2012–" (open end); None without."""
        if self.year_first is None and self.year_last is None:
            return None
        if self.year_first == self.year_last or self.year_first is None:
            return str(self.year_last)
        return f"{self.year_first}–{self.year_last if self.year_last is not None else ''}"


@dataclass
class IndexedDocument:
    """A document as stored: its fields, text as read (None when it was not available at
    indexing time), and what was extracted, offsets into that text."""

    source: str
    sha256: str
    title: str | None
    doc_type: str | None
    doc_id: str | None
    date: str | None
    issuer: str | None
    format: str | None
    text: str | None
    references: list[dict]
    units: list[dict]
    statistics: list[dict]
    relations: list[dict]
    warnings: list[str]


class SearchIndex(ABC):
    """An archive of extraction results searchable by words, reference ids and filters."""

    @abstractmethod
    def add(self, record: dict, text: str | None = None) -> str:
        """Index one document's result (`text`: the text as read, if the record lacks it).

        Returns "added", "replaced" (same source, changed), "unchanged" or "duplicate" (the
        same text is indexed under another source, or the record is marked
        `document.duplicate_of` a republished original); nothing is ever indexed twice.
        """

    @abstractmethod
    def contains(self, record: dict) -> bool:
        """Whether this very result is indexed already, with its text (so a caller can skip
        re-reading the source file)."""

    @abstractmethod
    def remove(self, source: str) -> bool:
        """Drop a document; False when it was not there."""

    @abstractmethod
    def search(
        self, query: str, filters: SearchFilters | None = None, limit: int = 20, offset: int = 0
    ) -> SearchResult:
        """Documents citing the reference `query` names, then by bm25 over words."""

    @abstractmethod
    def cited(self, ref: str) -> list[Citation]:
        """Every document citing `ref` (an id in any spelling, or a document's name), by date."""

    @abstractmethod
    def top_references(self, limit: int = 50, doc_type: str | None = None) -> list[ReferenceCount]:
        """References by the number of documents citing them, most cited first."""

    @abstractmethod
    def document(self, source: str) -> IndexedDocument | None:
        """One stored document, or None."""

    @abstractmethod
    def stats(self) -> dict[str, int]:
        """Counts of documents, references, units and statistics."""

    @abstractmethod
    def recent(self, limit: int = 20) -> list[dict]:
        """The latest documents by date (source, title, doc_type, doc_id, date, issuer)."""

    def statistics_of(
        self, measure: str, exact: bool = False, limit: int = 2000
    ) -> list[StatisticFigure]:
        """The figures whose measure (`subject`) holds the words of `measure`, matched folded
        ("ty le ho ngheo" finds "Tỷ lệ hộ nghèo" and "tỉ lệ hộ nghèo đa chiều"; `exact`: that
        measure only), as `StatisticFigure`s by place and year; at most `limit`."""
        raise NotImplementedError

    def statistic_measures(self, limit: int = 50) -> list[tuple[str, int]]:
        """The measures with the most figures: (the measure as most often written, count)."""
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group many writes for speed (a backend without transactions just runs them).

        Each `add` or `remove` is all or nothing; a long batch is committed in short steps
        (every few documents) so that readers see progress and a failure loses only the
        last step. Reads never wait for it."""
        yield

    def optimize(self) -> None:  # noqa: B027 - optional
        """Compact the index after a large batch of writes."""

    def close(self) -> None:  # noqa: B027 - optional for backends without resources
        """Release the backend's resources."""

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
