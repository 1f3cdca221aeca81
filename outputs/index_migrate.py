"""Bring an index of an older schema up to `INDEX_SCHEMA_VERSION` in place.

Tables, columns, indexes and triggers the current schema has and the file lacks are added;
then what the file stores is keyed anew (ids by `document_id_key`, so "21-NQ/TƯ" no longer
shares "21-NQ/TU"'s key), the archive's titles are learned from the stored documents and
named references resolved by them. What only a result holds (a `resolved` from the text or
the registry) cannot be recovered from the file: every document is marked stale, so the next
`vnpolicy index` of its results replaces it whole.

>>> migrate(conn)                                            # doctest: +SKIP
'1'
"""

from __future__ import annotations

import json
import sqlite3

from vnpolicy.outputs import index_archive as archive
from vnpolicy.outputs.index_schema import INDEX_SCHEMA_VERSION, SCHEMA_SQL, schema_statements
from vnpolicy.outputs.index_text import id_tokens, measure_key, reference_key

# Schemas this module can migrate from.
MIGRATES_FROM = frozenset({"1"})
STALE_RECORD = "stale:migrated"  # a record_sha256 no result has: re-indexed when seen


def _objects(conn: sqlite3.Connection) -> dict[str, tuple[str, str | None]]:
    return {
        name: (kind, sql)
        for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master")
    }


def _add_missing_schema(conn: sqlite3.Connection) -> None:
    """Create what the current schema has and `conn` lacks (tables, columns, indexes,
    triggers), in the schema's own order."""
    fresh = sqlite3.connect(":memory:")
    for statement in schema_statements(SCHEMA_SQL):
        fresh.execute(statement)
    have = _objects(conn)
    virtual = [n for n, (_, sql) in _objects(fresh).items() if sql and "VIRTUAL TABLE" in sql]
    for kind, name, sql in fresh.execute("SELECT type, name, sql FROM sqlite_master"):
        if not sql or any(name.startswith(v + "_") for v in virtual):
            continue  # automatic indexes, full-text shadow tables
        if name not in have:
            conn.execute(sql)
        elif kind == "table" and name not in virtual:
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info({name})")}
            for _, column, decl, *_ in fresh.execute(f"PRAGMA table_info({name})"):
                if column not in columns:
                    conn.execute(f"ALTER TABLE {name} ADD COLUMN {column} {decl}")
    fresh.close()


def _rekey_references(conn: sqlite3.Connection) -> None:
    """Key every reference's id and name as the current schema does; rebuild `ref_keys`."""
    updates = []
    for ref, ref_id, name in conn.execute("SELECT id, ref_id, name FROM refs").fetchall():
        key = reference_key(ref_id)
        tokens = id_tokens(ref_id) if key else []
        numbers = [t for t in tokens if t.isdigit()]
        title_key, year = archive.named_key(name) if name and not key else (None, None)
        updates.append(
            (
                key,
                numbers[0] if numbers else None,
                " ".join(numbers),
                " ".join(t for t in tokens if not t.isdigit()),
                title_key or None,
                year,
                ref,
            )
        )
    conn.executemany(
        "UPDATE refs SET id_key = ?, number_key = ?, numbers = ?, letters = ?, title_key = ?,"
        " edition_year = ? WHERE id = ?",
        updates,
    )
    conn.execute("DELETE FROM ref_keys")
    conn.execute(
        "INSERT OR IGNORE INTO ref_keys SELECT id_key, number_key, numbers, letters FROM refs"
        " WHERE id_key IS NOT NULL"
    )


def _key_statistics(conn: sqlite3.Connection) -> None:
    """Key every statistic's measure (`measure_key`) for the statistics page; place and
    years were not stored before and come with the next indexing of the document."""
    conn.executemany(
        "UPDATE statistics SET subject_key = ? WHERE id = ?",
        [
            (measure_key(subject), row)
            for row, subject in conn.execute(
                "SELECT id, subject FROM statistics WHERE subject IS NOT NULL"
            ).fetchall()
        ],
    )


def _learn_stored_titles(conn: sqlite3.Connection) -> None:
    """Learn the titles every stored document states, then resolve every named reference."""
    conn.execute("DELETE FROM archive_titles")
    rows = conn.execute("SELECT id, extra FROM document_texts").fetchall()
    for document_id, extra in rows:
        self_ = (json.loads(extra or "{}") or {}).get("self")
        refs = [
            {"id": r[0], "name": r[1], "doc_type": r[2], "date": r[3]}
            for r in conn.execute(
                "SELECT ref_id, name, doc_type, date FROM refs WHERE document_id = ?",
                (document_id,),
            )
        ]
        archive.learn(conn, document_id, archive.document_titles(self_, refs))
    keys = {row[0] for row in conn.execute("SELECT DISTINCT title_key FROM archive_titles")}
    archive.resolve(conn, keys)


def _remember_resolved(conn: sqlite3.Connection) -> None:
    """Add the ids named references were resolved to into `ref_keys`."""
    for (ref_id,) in conn.execute(
        "SELECT DISTINCT resolved_id FROM refs WHERE resolved_id IS NOT NULL"
    ).fetchall():
        tokens = id_tokens(ref_id)
        numbers = [t for t in tokens if t.isdigit()]
        if numbers:
            conn.execute(
                "INSERT OR IGNORE INTO ref_keys VALUES (?,?,?,?)",
                (
                    reference_key(ref_id),
                    numbers[0],
                    " ".join(numbers),
                    " ".join(t for t in tokens if not t.isdigit()),
                ),
            )


def _count_citations(conn: sqlite3.Connection) -> None:
    """Fill `cites` anew from `refs` (its triggers keep it in step from then on)."""
    conn.execute("DELETE FROM cites")
    conn.execute(
        "INSERT INTO cites SELECT coalesce(r.id_key, r.resolved_key), r.document_id,"
        " SUM(r.mention_count), COUNT(*), coalesce(d.date, '') FROM refs r"
        " JOIN documents d ON d.id = r.document_id"
        " WHERE coalesce(r.id_key, r.resolved_key) IS NOT NULL GROUP BY 1, 2"
    )


def migrate(conn: sqlite3.Connection) -> str:
    """Migrate the index on `conn` (a writer's, outside a transaction) to the current schema
    in one transaction; returns the version it had. Raises ValueError for a version this
    module does not know."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    found = row[0] if row else "?"
    if found not in MIGRATES_FROM:
        raise ValueError(f"index schema {found} cannot be migrated to {INDEX_SCHEMA_VERSION}")
    conn.execute("BEGIN IMMEDIATE")
    try:
        _add_missing_schema(conn)
        _rekey_references(conn)
        _key_statistics(conn)
        _learn_stored_titles(conn)
        _remember_resolved(conn)
        _count_citations(conn)
        conn.execute("UPDATE documents SET record_sha256 = ?", (STALE_RECORD,))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (INDEX_SCHEMA_VERSION,))
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return found


__all__ = ["MIGRATES_FROM", "migrate"]
