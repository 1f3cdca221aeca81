"""Which numbered document a name means, by the title registry (`title_registry`).

A name is looked up by its title key (edition year and country dropped, a Party plenum or
congress by its key), then narrowed by the edition year it states or the date stated with it
(a title without either names no edition):

>>> from vnpolicy.extractors.title_registry import RegisteredTitle
>>> index = TitleIndex([
...     RegisteredTitle("luật", "Luật Đất đai", "45/2013/QH13", "2013-11-29"),
...     RegisteredTitle("luật", "Luật Đất đai", "31/2024/QH15", "2024-01-18"),
... ])
>>> index.resolve("Luật Đất đai năm 2013", "luật")
{'id': '45/2013/QH13', 'date': '2013-11-29', 'by': 'registry'}
>>> index.resolve("Luật Đất đai", "luật") is None  # no year: which edition?
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from vnpolicy.extractors.document_ids import congress_key, document_name_key, split_edition
from vnpolicy.extractors.title_registry import RegisteredTitle, load_registry

# A draft or a bill ("Luật Đất đai (sửa đổi)", "dự thảo Luật ...") is not yet the law it
# will become; its name never resolves.
_DRAFT = re.compile(r"\(\s*sửa đổi\s*\)|^(?:dự thảo|dự án)\s", re.IGNORECASE)
_SUBJECT = re.compile(r"\svề\s+(?P<subject>.+)$")


def title_key(name: str) -> str:
    """The key a title is looked up by: a Party plenum or congress by its key ("plenum:4:XII"),
    any other title by its words without edition year or country ("luật đất đai")."""
    return congress_key(name) or document_name_key(split_edition(name)[0])


def _words(text: str) -> frozenset[str]:
    return frozenset(document_name_key(text).split())


class TitleIndex:
    """Registry entries by `title_key`, for look-ups by name, year and date."""

    def __init__(self, entries: Iterable[RegisteredTitle]) -> None:
        self._by_key: dict[str, list[RegisteredTitle]] = {}
        for entry in entries:
            self._by_key.setdefault(title_key(entry.title), []).append(entry)

    def candidates(self, name: str, doc_type: str | None = None) -> list[RegisteredTitle]:
        """Every registered edition of the title `name` names."""
        found = self._by_key.get(title_key(name), [])
        return [e for e in found if doc_type is None or e.type == doc_type]

    def lookup(
        self,
        name: str,
        doc_type: str | None = None,
        date: str | None = None,
        subject: str | None = None,
    ) -> RegisteredTitle | None:
        """The one document `name` means, or None when none or several fit.

        A title names an edition only with the year the name states ("Luật Đất đai năm
        2013") or the date stated with it: a bare "Luật Đất đai" resolves nothing, as the
        registry may not hold every edition. A Party plenum or congress ("Nghị quyết Trung
        ương 4 khóa XII") names its edition by its term; its subject (after "về" in the
        name, or `subject`, the title read after the mention) must be in the entry's title.
        """
        if _DRAFT.search(name.strip()):
            return None
        found = self.candidates(name, doc_type)
        stated = _SUBJECT.search(name)
        subject = stated.group("subject") if stated else subject
        if congress_key(name):
            if subject:
                words = _words(subject)
                found = [e for e in found if words <= _words(e.title)]
        elif not split_edition(name)[1] and not date:
            return None
        year = split_edition(name)[1]
        if year:
            found = [e for e in found if e.year == year]
        if date and len(found) > 1:
            same_day = [e for e in found if e.date == date]
            found = same_day or [e for e in found if e.year == date[:4]]
        elif date and found:
            # the date stated must agree with the one document left
            found = [e for e in found if e.date == date or e.year == date[:4]]
        return found[0] if len(found) == 1 else None

    def resolve(
        self,
        name: str,
        doc_type: str | None = None,
        date: str | None = None,
        subject: str | None = None,
    ) -> dict[str, str | None] | None:
        """`{"id", "date", "by": "registry"}` for the one numbered document `name` means; an
        entry without a confirmed number resolves nothing, and the date stated with the name
        stands in for an entry's missing date."""
        entry = self.lookup(name, doc_type, date, subject)
        if entry is None or not entry.number:
            return None
        return {"id": entry.number, "date": entry.date or date, "by": "registry"}


@lru_cache(maxsize=1)
def default_index() -> TitleIndex:
    """The index of the registry shipped with the package, built once."""
    return TitleIndex(load_registry())


__all__ = ["TitleIndex", "default_index", "title_key"]
