"""Archive resolution: titles and numbers the indexed documents state, and the named
references of other documents resolved by them.

A document teaches the archive a title with its number in its own header (a law's "Luật số:
45/2013/QH13 ... LUẬT ĐẤT ĐAI") and in each mention that gives both ("Luật Đất đai số
45/2013/QH13"). A named reference the record left unresolved ("Luật Đất đai") then gets
`resolved: {"id", "date", "by": "archive"}` when its title (`title_key`) maps to exactly one
number in the archive: two laws of one title (45/2013/QH13 and 31/2024/QH15) and no year
leave it unresolved; when the title registry knows several editions of a title, a name
without year means the edition in force when the citing document was written ("Luật Đất đai"
in a 2017 article is the 2013 law, never the 2024 one the archive may hold), and stays
unresolved when that date or an edition's date is unknown; a year in the name must be the
document's ("Luật Đất đai năm 2013"); a document is never resolved to one passed after it
was written.

Facts live in `archive_titles`, one row per document and fact; resolutions in the `resolved_*`
columns of `refs`. Only the titles whose numbers change are resolved again, so adding a
document costs a few indexed look-ups.

>>> header_title("luật", "45/2013/QH13", "ĐẤT ĐAI", None).name
'Luật ĐẤT ĐAI'
>>> named_key("Luật Đất đai năm 2013")
('luật đất đai', '2013')
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from vnpolicy.extractors.document_ids import (
    congress_key,
    document_id_key,
    document_name_key,
    split_edition,
)
from vnpolicy.outputs.index_text import canonical_doc_type, name_key

_YEAR_IN_NUMBER = re.compile(r"/((?:19|20)\d\d)(?:/|\b)")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class LearnedTitle:
    """A title with its number, as one document states it."""

    name: str
    ref_id: str
    doc_type: str | None
    date: str | None
    learned_from: str  # "header" or "mention"

    @property
    def year(self) -> str | None:
        if self.date and _ISO.fullmatch(self.date):
            return self.date[:4]
        found = _YEAR_IN_NUMBER.search(self.ref_id)
        return found.group(1) if found else None


def title_key(name: str) -> str:
    """The key a title is matched by, the title registry's (`reference_registry.title_key`,
    which loads spaCy): a Party plenum or congress by its key ("plenum:4:XII"), any other
    title by its words without edition year or country ("luật đất đai")."""
    return congress_key(name) or document_name_key(split_edition(name)[0])


def named_key(name: str) -> tuple[str, str | None]:
    """The title key a name is matched by and the edition year it states."""
    return title_key(name), split_edition(name)[1]


def folded_title_key(name: str) -> str | None:
    """The title's words without marks ("luat dat dai"), what a user types to search."""
    return name_key(split_edition(name)[0])


def _has_title(name: str, doc_type: str | None) -> bool:
    """A name says more than its type ("Luật Đất đai", not "Luật")."""
    key = name_key(name)
    return bool(key) and key != name_key(doc_type or "")


def header_title(
    doc_type: str | None, doc_id: str | None, title: str | None, date: str | None
) -> LearnedTitle | None:
    """What a document's own header teaches: its type and title as a name, with its number
    ("luật", "45/2013/QH13", "ĐẤT ĐAI" -> "Luật ĐẤT ĐAI" = 45/2013/QH13)."""
    if not (doc_type and doc_id and title) or not any(c.isdigit() for c in doc_id):
        return None
    title = " ".join(title.split())
    if f"{name_key(title)} ".startswith(f"{name_key(doc_type)} "):
        name = title  # the title already says its type
    else:
        name = f"{doc_type[:1].upper()}{doc_type[1:]} {title}"
    if not _has_title(name, doc_type):
        return None
    return LearnedTitle(name, doc_id, doc_type, date, "header")


def mention_title(ref: dict) -> LearnedTitle | None:
    """What a mention with both a name and a number teaches ("Luật Đất đai số 45/2013/QH13")."""
    name, ref_id = ref.get("name"), ref.get("id")
    if not (isinstance(name, str) and isinstance(ref_id, str)):
        return None
    if not any(c.isdigit() for c in ref_id) or not _has_title(name, ref.get("doc_type")):
        return None
    date = ref.get("date") if isinstance(ref.get("date"), str) else None
    return LearnedTitle(name, ref_id, ref.get("doc_type"), date, "mention")


def _type_key(doc_type: str | None) -> str | None:
    return name_key(canonical_doc_type(doc_type))


def learn(conn: sqlite3.Connection, document_id: int, titles: Iterable[LearnedTitle]) -> set[str]:
    """Store what one document teaches; the title keys whose numbers are new to the archive."""
    changed: set[str] = set()
    for fact in titles:
        key = title_key(fact.name)
        id_key = document_id_key(fact.ref_id)
        if not key or not id_key:
            continue
        known = conn.execute(
            "SELECT 1 FROM archive_titles WHERE title_key = ? AND id_key = ? LIMIT 1",
            (key, id_key),
        ).fetchone()
        if not known:
            changed.add(key)
        conn.execute(
            "INSERT INTO archive_titles (document_id, title_key, folded_key, year, id_key,"
            " ref_id, date, doc_type_key, name, learned_from) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                document_id,
                key,
                folded_title_key(fact.name),
                fact.year,
                id_key,
                fact.ref_id,
                fact.date,
                _type_key(fact.doc_type),
                fact.name,
                fact.learned_from,
            ),
        )
    return changed


def forget(conn: sqlite3.Connection, document_id: int) -> set[str]:
    """Drop what one document taught; the title keys that lost a number with it."""
    rows = conn.execute(
        "SELECT DISTINCT title_key, id_key FROM archive_titles WHERE document_id = ?",
        (document_id,),
    ).fetchall()
    conn.execute("DELETE FROM archive_titles WHERE document_id = ?", (document_id,))
    return {
        key
        for key, id_key in rows
        if not conn.execute(
            "SELECT 1 FROM archive_titles WHERE title_key = ? AND id_key = ? LIMIT 1",
            (key, id_key),
        ).fetchone()
    }


@dataclass(frozen=True)
class _Candidate:
    id_key: str
    ref_id: str
    date: str | None
    year: str | None
    type_key: str | None


def _choose(
    candidates: list[_Candidate],
    year: str | None,
    date: str | None,
    type_key: str | None,
    citing_date: str | None,
    editions: tuple[str | None, ...] = (),
) -> dict[str, str | None] | None:
    """The one numbered document a name means among the archive's, or None. `editions`: the
    dates of the editions the registry knows of the title; with several, a name without
    year or date means the one in force at `citing_date`."""
    if len(editions) > 1 and not year and not date:
        in_force = _in_force(editions, citing_date)
        if in_force is None:
            return None
        year = in_force[:4]
    fits = [c for c in candidates if not (type_key and c.type_key) or c.type_key == type_key]
    if year:
        fits = [c for c in fits if c.year == year]
    if date:
        fits = [c for c in fits if c.date == date or (not c.date and c.year == date[:4])]
    if len({c.id_key for c in fits}) != 1:
        return None  # none, or two documents of one title: ambiguous
    dated = [c for c in fits if c.date]
    best = max(fits, key=lambda c: (c.date is not None, c.ref_id))
    passed = (dated[0].date if dated else None) or best.year
    if citing_date and passed and passed[: len(citing_date)] > citing_date[: len(passed)]:
        return None  # a document cannot cite one passed after it
    return {"id": best.ref_id, "date": dated[0].date if dated else None, "by": "archive"}


def _candidates(conn: sqlite3.Connection, key: str) -> list[_Candidate]:
    return [
        _Candidate(*row)
        for row in conn.execute(
            "SELECT id_key, ref_id, date, year, doc_type_key FROM archive_titles"
            " WHERE title_key = ?",
            (key,),
        )
    ]


def _in_force(editions: tuple[str | None, ...], citing_date: str | None) -> str | None:
    """The date of the latest edition passed on or before `citing_date`; None when a date is
    unknown or no edition had passed.

    >>> _in_force(("2013-11-29", "2024-01-18"), "2017-05-04")
    '2013-11-29'
    >>> _in_force(("2013-11-29", None), "2017-05-04") is None
    True
    """
    if not citing_date or not _ISO.fullmatch(citing_date) or None in editions:
        return None
    passed = [d for d in editions if d and d <= citing_date]
    return max(passed) if passed else None


def registry_editions(key: str) -> tuple[str | None, ...]:
    """The dates of the editions the title registry lists of the title with this key."""
    from vnpolicy.extractors.title_registry import default_registry

    return tuple(e.date for e in default_registry().entries_for(key))


def resolve(conn: sqlite3.Connection, keys: Iterable[str], document_id: int | None = None) -> int:
    """Resolve anew, by the archive, the named references of these title keys that the
    record left unresolved (all documents', or only `document_id`'s); returns how many
    are resolved now."""
    resolved = 0
    for key in sorted(set(keys)):
        candidates = _candidates(conn, key)
        where = "r.title_key = ? AND r.id_key IS NULL"
        where += " AND coalesce(r.resolved_by, 'archive') = 'archive'"
        params: list = [key]
        if document_id is not None:
            where += " AND r.document_id = ?"
            params.append(document_id)
        rows = conn.execute(
            "SELECT r.id, r.edition_year, r.date, r.doc_type_key, d.date AS citing FROM refs r"
            f" JOIN documents d ON d.id = r.document_id WHERE {where}",
            params,
        ).fetchall()
        updates = []
        editions = registry_editions(key) if candidates else ()
        for ref, year, date, type_key, citing in rows:
            found = (
                _choose(candidates, year, date, type_key, citing, editions) if candidates else None
            )
            if found:
                resolved += 1
                updates.append(
                    (found["id"], document_id_key(found["id"]), found["date"], "archive", ref)
                )
            else:
                updates.append((None, None, None, None, ref))
        conn.executemany(
            "UPDATE refs SET resolved_id = ?, resolved_key = ?, resolved_date = ?,"
            " resolved_by = ? WHERE id = ?",
            updates,
        )
    return resolved


def document_titles(self_: dict | None, references: Iterable[dict]) -> list[LearnedTitle]:
    """Everything one record teaches: its header, then its mentions with name and number."""
    self_ = self_ or {}
    date = self_.get("date") if isinstance(self_.get("date"), str) else None
    found = [header_title(self_.get("doc_type"), self_.get("id"), self_.get("title"), date)]
    found += [mention_title(ref) for ref in references]
    return [fact for fact in found if fact]


def named_keys(conn: sqlite3.Connection, document_id: int) -> set[str]:
    """The title keys of one document's unresolved named references."""
    return {
        row[0]
        for row in conn.execute(
            "SELECT DISTINCT title_key FROM refs WHERE document_id = ? AND title_key IS NOT NULL"
            " AND id_key IS NULL AND resolved_by IS NULL",
            (document_id,),
        )
    }


def ids_named(conn: sqlite3.Connection, name: str) -> tuple[set[str], list[str]]:
    """The title keys a typed name stands for ("luat dat dai", "Luật Đất đai") and the id keys
    the archive knows for them (of the year the name states, if any)."""
    key, year = named_key(name)
    keys = {key} if key else set()
    folded = folded_title_key(name)
    if folded:
        keys |= {
            row[0]
            for row in conn.execute(
                "SELECT DISTINCT title_key FROM archive_titles WHERE folded_key = ?", (folded,)
            )
        }
    ids: list[str] = []
    for k in sorted(keys):
        for id_key, row_year in conn.execute(
            "SELECT DISTINCT id_key, year FROM archive_titles WHERE title_key = ?", (k,)
        ):
            if (not year or row_year == year) and id_key not in ids:
                ids.append(id_key)
    return keys, ids


__all__ = [
    "LearnedTitle",
    "document_titles",
    "folded_title_key",
    "forget",
    "header_title",
    "ids_named",
    "learn",
    "mention_title",
    "named_key",
    "named_keys",
    "resolve",
    "title_key",
]
