"""Writing the SQLite index: a record and its text as rows (`IndexWriter`, mixed into
`SqliteIndex`). A document is written whole or not at all, its mentions in one statement;
`cites` (which documents cite which id) follows `refs` by triggers (`index_schema`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import sqlite3
from datetime import UTC, datetime

from vnpolicy.outputs import index_archive as archive
from vnpolicy.outputs.index_relations import relation_key
from vnpolicy.outputs.index_text import (
    canonical_doc_type,
    fold,
    id_tokens,
    measure_key,
    name_key,
    reference_key,
)

_CHILD_TABLES = ("mentions", "refs", "units", "statistics", "relations")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class IndexWriter:
    """Adding, replacing and removing documents; uses `conn`, `transaction()` and
    `_document_written()` of `SqliteIndex`."""

    conn: sqlite3.Connection
    _known_ids: set[str]
    _mentions: list[list]

    def add(self, record: dict, text: str | None = None) -> str:
        document = record.get("document") or {}
        source = record.get("source") or document.get("source")
        if not source:
            raise ValueError("record has no source")
        if text is None and isinstance(document.get("text"), str):
            text = document["text"]
        sha = document.get("sha256") or (_sha256(text) if text is not None else None)
        if not sha:
            raise ValueError(f"{source}: record has no document.sha256")
        if text is not None and _sha256(text) != sha:
            raise ValueError(f"{source}: text does not match document.sha256 (offsets would not)")
        record_sha = _record_sha256(record)
        row = self.conn.execute(
            "SELECT id, sha256, record_sha256, has_text FROM documents WHERE source = ?",
            (source,),
        ).fetchone()
        if row and row[1] == sha and row[2] == record_sha and (row[3] or text is None):
            return "unchanged"
        if document.get("duplicate_of"):  # a republished copy: the original stands for it
            if row:
                with self.transaction():
                    self._delete(row[0])
                self._document_written()
            return "duplicate"
        if not row:
            twin = self.conn.execute(
                "SELECT source FROM documents WHERE sha256 = ? LIMIT 1", (sha,)
            ).fetchone()
            if twin:
                return "duplicate"
        with self.transaction():
            if row:
                self._delete(row[0])
            self._insert(record, document, source, sha, record_sha, text)
        self._document_written()
        return "replaced" if row else "added"

    def contains(self, record: dict) -> bool:
        document = record.get("document") or {}
        row = self.conn.execute(
            "SELECT sha256, record_sha256, has_text FROM documents WHERE source = ?",
            (record.get("source") or document.get("source"),),
        ).fetchone()
        return bool(
            row and row[0] == document.get("sha256") and row[1] == _record_sha256(record) and row[2]
        )

    def remove(self, source: str) -> bool:
        row = self.conn.execute("SELECT id FROM documents WHERE source = ?", (source,)).fetchone()
        if not row:
            return False
        with self.transaction():
            self._delete(row[0])
        self._document_written()
        return True

    def _delete(self, document_id: int) -> None:
        lost = archive.forget(self.conn, document_id)
        for table in _CHILD_TABLES:
            self.conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
        self.conn.execute("DELETE FROM document_texts WHERE id = ?", (document_id,))
        self.conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        self._resolve_by_archive(lost)

    def _insert(
        self,
        record: dict,
        document: dict,
        source: str,
        sha: str,
        record_sha: str,
        text: str | None,
    ) -> None:
        self_ = document.get("self") or {}
        metadata = document.get("metadata") or {}
        references = [r for r in record.get("references") or [] if isinstance(r, dict)]
        units = [u for u in record.get("units") or [] if isinstance(u, dict)]
        title = document.get("title") or self_.get("title") or _first_line(text)
        doc_type = self_.get("doc_type")
        issuer = self_.get("issuer") or metadata.get("sitename")
        if text is None:  # still searchable by what was extracted
            body = "\n".join(
                str(x.get("text") or x.get("name") or "") for x in [*references, *units]
            )
        else:
            body = text
        extra = {
            "pipeline_version": record.get("pipeline_version"),
            "self": self_ or None,
            "pages": document.get("pages"),
            "metadata": metadata or None,
            "warnings": record.get("warnings") or [],
        }
        cursor = self.conn.execute(
            "INSERT INTO documents (source, sha256, record_sha256, has_text, format, title,"
            " doc_type, doc_type_key, doc_id, date, issuer, issuer_key, chars, indexed_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                source,
                sha,
                record_sha,
                int(text is not None),
                document.get("format"),
                title,
                doc_type,
                _type_key(doc_type),
                self_.get("id"),
                _document_date(document),
                issuer,
                name_key(issuer),
                document.get("chars") if text is None else len(text),
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )
        self.conn.execute(
            "INSERT INTO document_texts (id, text, title_folded, text_folded, extra)"
            " VALUES (?,?,?,?,?)",
            (
                cursor.lastrowid,
                text,
                fold(title or ""),
                fold(body),
                json.dumps(extra, ensure_ascii=False),
            ),
        )
        document_id = cursor.lastrowid
        self._mentions = []
        for position, ref in enumerate(references):
            self._insert_reference(document_id, position, ref, _drafted(text, ref))
        for position, unit in enumerate(units):
            self._insert_unit(document_id, position, unit)
        self.conn.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?)", self._mentions)
        self._learn_titles(document_id, self_, references)
        self.conn.executemany(
            "INSERT INTO statistics (document_id, position, value, max, unit, kind, approximate,"
            " bound, subject, period, sentence, text, char_start, char_end, page, place,"
            " year_first, year_last, subject_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    document_id,
                    position,
                    _number(s.get("value")),
                    _number(s.get("max")),
                    s.get("unit"),
                    s.get("kind"),
                    int(bool(s.get("approximate"))),
                    s.get("bound"),
                    s.get("subject"),
                    s.get("period"),
                    s.get("sentence"),
                    s.get("text"),
                    _int(s.get("start")),
                    _int(s.get("end")),
                    _int(s.get("page")),
                    _place(s.get("place")),
                    *_years(s.get("years")),
                    measure_key(s.get("subject")),
                )
                for position, s in enumerate(record.get("statistics") or [])
                if isinstance(s, dict)
            ],
        )
        self.conn.executemany(
            "INSERT INTO relations (document_id, position, type, source, target, source_key,"
            " target_key, extra) VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    document_id,
                    position,
                    str(r.get("type")),
                    r.get("source"),
                    r.get("target"),
                    relation_key(r.get("source")),
                    relation_key(r.get("target")),
                    json.dumps(
                        {k: v for k, v in r.items() if k not in ("type", "source", "target")},
                        ensure_ascii=False,
                    ),
                )
                for position, r in enumerate(record.get("relations") or [])
                if isinstance(r, dict) and r.get("type")
            ],
        )

    @staticmethod
    def _mention_rows(document_id: int, kind: str, item: dict) -> list[tuple]:
        """An item's mentions as `mentions` rows (item id filled in once it is known)."""
        mentions = [m for m in item.get("mentions") or [] if isinstance(m, dict)] or [item]
        return [
            [document_id, kind, None, m["start"], m["end"], m.get("text"), _int(m.get("page"))]
            for m in mentions
            if _int(m.get("start")) is not None and _int(m.get("end")) is not None
        ]

    def _insert_mentions(self, rows: list, item_id: int) -> None:
        for row in rows:
            row[2] = item_id
        self._mentions.extend(rows)

    def _insert_reference(
        self, document_id: int, position: int, ref: dict, draft: bool = False
    ) -> None:
        ref_id = ref.get("id") or None
        key = reference_key(ref_id)
        tokens = id_tokens(ref_id) if key else []
        numbers = [t for t in tokens if t.isdigit()]
        letters = [t for t in tokens if not t.isdigit()]
        name = ref.get("name") or (None if key else ref.get("title") or ref.get("text"))
        names = " \n".join(str(v) for v in (ref_id, name, ref.get("title"), ref.get("text")) if v)
        title_key, year = (None, None)
        if not key and not draft and isinstance(ref.get("name"), str):
            title_key, year = archive.named_key(ref["name"])
        resolved = _resolved(ref) if not key else None
        mentions = self._mention_rows(document_id, "reference", ref)
        cursor = self.conn.execute(
            "INSERT INTO refs (document_id, position, ref_id, id_key, number_key, numbers,"
            " letters, name, name_key, doc_type, doc_type_key, number, symbol, date, issuer,"
            " issuer_code, term, title, text, char_start, char_end, page, mention_count,"
            " names_folded, title_key, edition_year, resolved_id, resolved_key, resolved_date,"
            " resolved_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                document_id,
                position,
                ref_id,
                key,
                numbers[0] if numbers else None,
                " ".join(numbers),
                " ".join(letters),
                name,
                None if key else name_key(name),
                ref.get("doc_type"),
                _type_key(ref.get("doc_type")),
                ref.get("number"),
                ref.get("symbol"),
                ref.get("date"),
                ref.get("issuer"),
                ref.get("issuer_code"),
                ref.get("term"),
                ref.get("title"),
                ref.get("text"),
                _int(ref.get("start")),
                _int(ref.get("end")),
                _int(ref.get("page")),
                max(len(mentions), 1),
                fold(names),
                title_key or None,
                year,
                resolved and resolved["id"],
                resolved and reference_key(resolved["id"]),
                resolved and resolved["date"],
                resolved and resolved["by"],
            ),
        )
        self._remember_id(ref_id)
        if resolved:
            self._remember_id(resolved["id"])
        self._insert_mentions(mentions, cursor.lastrowid)

    def _learn_titles(self, document_id: int, self_: dict, references: list[dict]) -> None:
        """Learn the titles with numbers this document states, then resolve by the archive
        every named reference those titles bear on, this document's own included."""
        changed = archive.learn(self.conn, document_id, archive.document_titles(self_, references))
        self._resolve_by_archive(changed)
        mine = archive.named_keys(self.conn, document_id) - changed
        self._resolve_by_archive(mine, document_id)

    def _resolve_by_archive(self, keys: set[str], document_id: int | None = None) -> None:
        if not keys:
            return
        archive.resolve(self.conn, keys, document_id)
        for row in self.conn.execute(
            "SELECT DISTINCT resolved_id FROM refs WHERE resolved_by = 'archive' AND"
            " title_key IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(keys)),),
        ).fetchall():
            self._remember_id(row[0])

    def _remember_id(self, ref_id: str | None) -> None:
        """Add an id to `ref_keys`, the distinct ids a typed number is read against."""
        key = reference_key(ref_id)
        if not key or key in self._known_ids:
            return
        self._known_ids.add(key)
        tokens = id_tokens(ref_id)
        numbers = [t for t in tokens if t.isdigit()]
        letters = [t for t in tokens if not t.isdigit()]
        self.conn.execute(
            "INSERT OR IGNORE INTO ref_keys VALUES (?,?,?,?)",
            (key, numbers[0], " ".join(numbers), " ".join(letters)),
        )

    def _insert_unit(self, document_id: int, position: int, unit: dict) -> None:
        name = unit.get("name") or unit.get("text")
        if not name:
            return
        aliases = [a for a in unit.get("aliases") or [] if isinstance(a, str)]
        names = " \n".join(dict.fromkeys([name, unit.get("text") or "", *aliases]))
        mentions = self._mention_rows(document_id, "unit", unit)
        cursor = self.conn.execute(
            "INSERT INTO units (document_id, position, name, text, kind, parent, aliases,"
            " char_start, char_end, page, mention_count, names_folded)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                document_id,
                position,
                name,
                unit.get("text"),
                unit.get("kind"),
                unit.get("parent"),
                json.dumps(aliases, ensure_ascii=False),
                _int(unit.get("start")),
                _int(unit.get("end")),
                _int(unit.get("page")),
                max(len(mentions), 1),
                fold(names),
            ),
        )
        self._insert_mentions(mentions, cursor.lastrowid)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _record_sha256(record: dict) -> str:
    return _sha256(json.dumps(record, sort_keys=True, ensure_ascii=False))


@functools.lru_cache(maxsize=4096)
def _type_key(doc_type: str | None) -> str | None:
    return name_key(canonical_doc_type(doc_type))


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _first_line(text: str | None, limit: int = 200) -> str | None:
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= limit else line[:limit].rsplit(" ", 1)[0] + "…"
    return None


def _document_date(document: dict) -> str | None:
    candidates = [
        (document.get("self") or {}).get("date"),
        (document.get("metadata") or {}).get("date"),
        document.get("date"),  # an article's dateline or byline (`document_context`)
    ]
    for value in candidates:
        if isinstance(value, str) and _ISO_DATE.match(value):
            return value[:10]
    return None


# "dự thảo Luật ...", "dự án Luật ...": a bill is not yet the law of that title.
_DRAFT_BEFORE = re.compile(r"\b(?:du thao|du an)\s*$")


def _drafted(text: str | None, ref: dict) -> bool:
    """Whether a named reference is written as a draft or bill ("dự thảo Bộ luật ...")."""
    start = _int(ref.get("start"))
    if not text or start is None:
        return False
    return bool(_DRAFT_BEFORE.search(fold(text[max(0, start - 16) : start])))


def _place(value) -> str | None:
    """A statistic's `place` as stored: several places joined by ", "."""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    return str(value) if value else None


def _years(value) -> tuple[int | None, int | None]:
    """`years: [2019, 2022]` as the two year columns; (None, None) when absent or odd."""
    if isinstance(value, list | tuple) and len(value) == 2:
        return _int(value[0]), _int(value[1])
    return None, None


def _resolved(ref: dict) -> dict | None:
    """A record's `resolved` ({"id", "date", "by"}) when it is well formed, else None."""
    found = ref.get("resolved")
    if not isinstance(found, dict) or not reference_key(found.get("id")):
        return None
    date = found.get("date")
    by = found.get("by") if found.get("by") in ("text", "registry", "archive") else "text"
    return {"id": found["id"], "date": date if isinstance(date, str) else None, "by": by}


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    return float(value) if isinstance(value, int | float) else None
