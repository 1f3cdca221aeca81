"""`SqliteIndex`: the embedded search index, one SQLite file with FTS5 (standard library only).

Documents, references (with their mentions), units, statistics and relations are tables; the
document text and the reference and unit names have full-text indexes over folded shadow
columns (`fold`: no marks, `đ` -> `d`), so "nghi quyet" finds "Nghị quyết" while snippets
show the text as read. Every statement is parameterized; queries from users are rebuilt from
their words (`index_text.query_terms`), never passed to FTS5 as syntax.

Readers and one writer share the file: it is kept in WAL mode (set when opened for writing,
stored in the file), a batch of writes is committed every few documents, every connection
waits for a lock (busy timeout) rather than failing, and each read runs in one snapshot, so
a search during `vnpolicy index` neither waits for it nor sees half a document. WAL needs the
index on a local disk (not NFS) and a folder the readers can write (`-wal`, `-shm` files);
when a reader cannot create them and no writer has, the index is read as a frozen snapshot
(`immutable`), which does not follow later writes.

>>> with SqliteIndex("archive.sqlite") as index:          # doctest: +SKIP
...     index.add(record, text)
...     index.search("nghi quyet 21", SearchFilters(doc_type="chỉ thị")).hits[0].source
'docs/ct-05.txt'
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import sqlite3
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from vnpolicy.outputs import index_archive as archive
from vnpolicy.outputs import index_rank as rank
from vnpolicy.outputs.index_base import (
    Citation,
    IndexedDocument,
    IndexOpenError,
    InvalidDateError,
    ReferenceCount,
    SearchFilters,
    SearchHit,
    SearchIndex,
    SearchIndexError,
    SearchResult,
    StatisticFigure,
    normalize_date_bound,
)
from vnpolicy.outputs.index_migrate import MIGRATES_FROM, migrate
from vnpolicy.outputs.index_relations import relation_key
from vnpolicy.outputs.index_schema import INDEX_SCHEMA_VERSION, SCHEMA_SQL, schema_statements
from vnpolicy.outputs.index_text import (
    MAX_QUERY_CHARS,
    QueryTerm,
    canonical_doc_type,
    find_terms,
    fold,
    fts_expression,
    id_tokens,
    is_doc_type_word,
    measure_key,
    name_key,
    parse_reference_query,
    phrase_expression,
    query_terms,
    reference_key,
    snippet,
    term_pattern,
)

_CHILD_TABLES = ("mentions", "refs", "units", "statistics", "relations")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
__all__ = ["InvalidDateError", "SqliteIndex", "normalize_date_bound"]

# A batch of writes is committed after this many documents or seconds, whichever comes
# first: readers see progress, and the lock other writers wait for is held briefly.
COMMIT_EVERY_DOCUMENTS = 100
COMMIT_EVERY_SECONDS = 0.5
# How long a connection waits for a lock before "database is locked": a writer for another
# writer's batch; a reader only in rare moments (WAL recovery after a crash).
WRITER_BUSY_SECONDS = 30.0
READER_BUSY_SECONDS = 10.0
# Truncate the WAL file back to this size after a checkpoint (a big batch leaves it large).
WAL_SIZE_LIMIT = 64 * 1024 * 1024
# A `cites` filter citing fewer documents than this is read from them, not per document.
CITING_FEW = 2000


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _record_sha256(record: dict) -> str:
    return _sha256(json.dumps(record, sort_keys=True, ensure_ascii=False))


@functools.lru_cache(maxsize=256)
def _phrase_pattern(phrase: str) -> re.Pattern[str] | None:
    return term_pattern([QueryTerm(tuple(phrase.strip('"').split()))])


def _holds_phrase(folded: str | None, phrase: str) -> bool:
    """SQL `holds_phrase(folded, '"a b"')`: the words of an FTS5 phrase in a row in `folded`,
    as its MATCH finds them."""
    pattern = _phrase_pattern(phrase)
    return bool(folded and pattern and pattern.search(folded))


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


def _in_one_snapshot(method):
    """Run a reading method in one read transaction (`SqliteIndex._snapshot`)."""

    @functools.wraps(method)
    def reading(self, *args, **kwargs):
        with self._snapshot():
            return method(self, *args, **kwargs)

    return reading


class SqliteIndex(SearchIndex):
    """The index in one SQLite file. `read_only=True` opens it with `mode=ro` (the server,
    `vnpolicy search`); such an index may be handed from thread to thread, used by one at a
    time (the web server's pool). `cache_mib` is SQLite's page cache for this connection."""

    def __init__(
        self,
        path: str | Path,
        read_only: bool = False,
        *,
        cache_mib: int = 32,
        commit_every: int = COMMIT_EVERY_DOCUMENTS,
    ):
        self.path = Path(path)
        self.read_only = read_only
        self.immutable = False  # read as a frozen snapshot (see the module's docstring)
        self.cache_mib = cache_mib
        self.commit_every = max(1, commit_every)
        self._depth = 0  # nesting of `transaction()`
        self._pending = 0  # documents written in the open batch
        self._batch_began = 0.0
        self.migrated_from: str | None = None  # the schema an older index had, if migrated
        self._known_ids: set[str] = set()  # in `ref_keys`: written by this connection
        self._mentions: list[list] = []  # `mentions` rows of the document being written
        self.conn = self._connect()

    # --- opening ------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        path = self.path
        if self.read_only and not path.is_file():
            raise IndexOpenError(f"{path}: no such index file")
        if path.exists() and not path.is_file():
            raise IndexOpenError(f"{path}: not a file")
        try:
            if self.read_only:
                conn, tables = self._open_reader()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(path, timeout=WRITER_BUSY_SECONDS)
                conn.isolation_level = None  # transactions are explicit: BEGIN ... COMMIT
                tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            conn.row_factory = sqlite3.Row
        except sqlite3.DatabaseError as err:
            what = "cannot open" if "unable to open" in str(err) else "not a vnpolicy index"
            raise IndexOpenError(f"{path}: {what} ({err})") from None
        if "meta" not in tables:
            if self.read_only or tables:
                conn.close()
                what = "empty database" if not tables else "other tables"
                raise IndexOpenError(f"{path}: not a vnpolicy index ({what})")
            self._create(conn)
        self._check_schema(conn)
        if self.read_only:
            conn.execute("PRAGMA query_only = 1")
        else:
            self._use_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")  # in WAL: safe, fsync at checkpoints
            conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
        conn.execute(f"PRAGMA cache_size = {-1024 * max(1, self.cache_mib)}")
        conn.create_function("holds_phrase", 2, _holds_phrase, deterministic=True)
        return conn

    def _check_schema(self, conn: sqlite3.Connection) -> None:
        """Refuse an index of another schema, one line saying what to do; a writer migrates
        an older one it knows in place (`index_migrate`) and notes it in `migrated_from`."""
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        found = version[0] if version else "?"
        if found == INDEX_SCHEMA_VERSION:
            return
        if found in MIGRATES_FROM and not self.read_only:
            try:
                self.migrated_from = migrate(conn)
                return
            except sqlite3.DatabaseError as err:
                conn.close()
                raise IndexOpenError(
                    f"{self.path}: cannot migrate index schema {found} ({err})"
                ) from None
        conn.close()
        if found in MIGRATES_FROM:
            raise IndexOpenError(
                f"{self.path}: index schema {found} is older than {INDEX_SCHEMA_VERSION};"
                " run `vnpolicy index RESULTS --db` on it once to migrate it"
            )
        raise IndexOpenError(
            f"{self.path}: index schema {found} is not {INDEX_SCHEMA_VERSION}; remove the file"
            " and rebuild it with `vnpolicy index`"
        )

    def _open_reader(self) -> tuple[sqlite3.Connection, set[str]]:
        """A `mode=ro` connection; a reader that may not create the `-wal`/`-shm` files of a
        WAL index nobody writes now (a read-only folder) reads it `immutable` instead."""
        uri = self.path.resolve().as_uri() + "?mode=ro"
        try:
            return self._read_connection(uri)
        except sqlite3.OperationalError as err:
            cannot_create = "readonly" in str(err) or "unable to open" in str(err)
            if not cannot_create or self._wal_exists():
                raise
        warnings.warn(
            f"{self.path}: cannot create the index's -wal/-shm files here (a read-only"
            " folder?), so the index is read as it is now and later updates are not seen;"
            " let the server write to the folder, or restart it after indexing",
            stacklevel=4,
        )
        self.immutable = True
        return self._read_connection(uri + "&immutable=1")

    @staticmethod
    def _read_connection(uri: str) -> tuple[sqlite3.Connection, set[str]]:
        conn = sqlite3.connect(uri, uri=True, timeout=READER_BUSY_SECONDS, check_same_thread=False)
        conn.isolation_level = None
        try:
            return conn, {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError:
            conn.close()
            raise

    def _wal_exists(self) -> bool:
        """Whether a writer has the index open (or died with it open): its WAL is there."""
        return Path(f"{self.path}-wal").exists()

    def _use_wal(self, conn: sqlite3.Connection) -> None:
        """Switch the file to WAL (stored in the file: readers then never wait for writes)."""
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as err:  # readers of an old index held it too long
            conn.close()
            raise IndexOpenError(f"{self.path}: cannot switch the index to WAL ({err})") from None
        if str(mode).lower() != "wal":
            warnings.warn(
                f"{self.path}: SQLite kept journal mode {mode!r} (not WAL); readers may wait"
                " while the index is written",
                stacklevel=4,
            )

    @staticmethod
    def _create(conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        for statement in schema_statements(SCHEMA_SQL):
            conn.execute(statement)
        conn.execute("INSERT INTO meta VALUES ('schema', ?)", (INDEX_SCHEMA_VERSION,))
        conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes: the outermost level is a batch, committed every `commit_every`
        documents (or half a second) and at its end; an inner level (each `add`, `remove`) is
        a savepoint, so a document is written whole or not at all. On an error the current
        step is rolled back; the steps committed before it stay."""
        if self._depth == 0 or not self.conn.in_transaction:  # a batch's next step
            self._begin()
        if self._depth > 0:
            self.conn.execute(f"SAVEPOINT level_{self._depth}")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            self._known_ids.clear()  # some may be rolled back
            if self._depth == 0:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
            elif self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO level_{self._depth}")
                self.conn.execute(f"RELEASE level_{self._depth}")
            raise
        self._depth -= 1
        if self._depth == 0:
            self._commit()
        else:
            self.conn.execute(f"RELEASE level_{self._depth}")

    def _begin(self) -> None:
        # IMMEDIATE takes the write lock now, waiting for another writer if need be; a
        # deferred transaction could fail at its first write without waiting.
        self.conn.execute("BEGIN IMMEDIATE")
        self._pending, self._batch_began = 0, time.monotonic()

    def _commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self._pending = 0

    def _document_written(self) -> None:
        """After one document's writes inside a batch: commit the batch when it is due."""
        if self._depth != 1:
            return
        self._pending += 1
        due = time.monotonic() - self._batch_began >= COMMIT_EVERY_SECONDS
        if self._pending >= self.commit_every or due:
            self._commit()  # the next write begins the next step

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Run several reads in one read transaction, so they see one state of the index
        even while a writer commits (inside a write transaction, the writer's own state)."""
        if self.conn.in_transaction:
            yield
            return
        self._execute("BEGIN")
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def optimize(self) -> None:
        """Merge the full-text index segments after a large batch of writes (one table per
        transaction, so the write lock is not held for all three)."""
        for table in ("documents_fts", "refs_fts", "units_fts"):
            with self.transaction():
                self.conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")

    # --- writing ------------------------------------------------------------------------

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

    # --- reading ------------------------------------------------------------------------

    def _execute(self, sql: str, params=()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as err:
            raise SearchIndexError(f"{self.path}: query failed ({err})") from None

    def _reference_keys(self, ref: str) -> tuple[list[str], list[str], str | None] | None:
        """The id keys `ref` names in any spelling (read against the distinct ids,
        `ref_keys`): those meant whatever their type, those meant only as the type the query
        gives, and that type's key; None when `ref` is no number."""
        parsed = parse_reference_query(ref)
        if parsed is None:
            return None
        whole, typed = [], []
        for row in self._execute(
            "SELECT id_key, numbers, letters FROM ref_keys WHERE number_key = ?",
            (parsed.numbers[0],),
        ):
            letters = row["letters"].split()
            if parsed.matches_id(row["numbers"].split(), letters):
                (typed if parsed.needs_type(letters) else whole).append(row["id_key"])
        return whole, typed, parsed.type_key

    def _reference_condition(self, ref: str) -> tuple[str, list]:
        """SQL over `refs r` selecting the references `ref` names: an id in any spelling
        (`_reference_keys`), else a name; "0" when none can match."""
        keys = self._reference_keys(ref)
        if keys is None:
            return self._name_condition(ref)
        whole, typed, type_key = keys
        parts, params = [], []
        if whole:  # cited by number, or by a name resolved to it (by text, registry, archive)
            parts += ["r.id_key IN (SELECT value FROM json_each(?))"] + [
                "r.resolved_key IN (SELECT value FROM json_each(?))"
            ]
            params += [json.dumps(whole)] * 2
        if typed:
            for column in ("id_key", "resolved_key"):
                parts.append(
                    f"(r.{column} IN (SELECT value FROM json_each(?)) AND r.doc_type_key = ?)"
                )
                params += [json.dumps(typed), type_key]
        if not parts:  # no such number: "Luật Đất đai năm 2013" may be a title
            return self._name_condition(ref, exact=True)
        return "(" + " OR ".join(parts) + ")", params

    def _name_condition(self, name: str, exact: bool = False) -> tuple[str, list]:
        """SQL over `refs r` selecting the references to the document `name` names: by that
        name (any edition: "Luật Đất đai" takes "Luật Đất đai năm 2013"), and by the numbers
        the archive learned for it, written or resolved ("45/2013/QH13"). A name no reference
        bears is looked for as a phrase in the references' names, unless `exact` (a search's
        words: only a known title counts); "0" when none can match."""
        key = name_key(name)
        if not key or (exact and is_doc_type_word(name)):
            return "0", []
        named = bool(self._execute("SELECT 1 FROM refs WHERE name_key = ? LIMIT 1", (key,)))
        titles, ids = archive.ids_named(self.conn, name)
        year = archive.named_key(name)[1]
        titled = titles and self._execute(
            "SELECT 1 FROM refs WHERE title_key IN (SELECT value FROM json_each(?)) LIMIT 1",
            (json.dumps(sorted(titles)),),
        )
        parts, params = [], []
        if named:
            parts.append("r.name_key = ?")
            params.append(key)
        if titled:
            edition = " AND r.edition_year = ?" if year else ""
            parts.append(f"(r.title_key IN (SELECT value FROM json_each(?)){edition})")
            params += [json.dumps(sorted(titles)), *([year] if year else [])]
        for column in ("id_key", "resolved_key") if ids else ():
            parts.append(f"r.{column} IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(ids))
        if not named and not exact:
            parts.append("r.id IN (SELECT rowid FROM refs_fts WHERE refs_fts MATCH ?)")
            params.append(phrase_expression(name))
        return ("(" + " OR ".join(parts) + ")" if parts else "0"), params

    def _filter_sql(self, filters: SearchFilters | None) -> tuple[list[str], list]:
        """WHERE clauses over `documents d` for the filters; raises ValueError on bad dates."""
        clauses: list[str] = []
        params: list = []
        if not filters:
            return clauses, params
        if filters.doc_type and filters.doc_type.strip():
            clauses.append("d.doc_type_key = ?")
            params.append(name_key(canonical_doc_type(filters.doc_type)))
        if filters.issuer and name_key(filters.issuer):
            clauses.append("instr(' ' || d.issuer_key || ' ', ' ' || ? || ' ') > 0")  # words
            params.append(name_key(filters.issuer))
        if filters.unit and filters.unit.strip():
            clause, extra = self._unit_clause(filters.unit)
            clauses.append(clause)
            params += extra
        low = normalize_date_bound(filters.date_from, upper=False)
        high = normalize_date_bound(filters.date_to, upper=True)
        if low:
            clauses.append("d.date >= ?")
            params.append(low)
        if high:
            clauses.append("d.date <= ?")
            params.append(high)
        if filters.cites and filters.cites.strip():
            clause, extra = self._citing_clause(filters.cites)
            clauses.append(clause)
            params += extra
        return clauses, params

    def _unit_clause(self, unit: str) -> tuple[str, list]:
        """SQL over `documents d`: it names a unit whose names hold `unit` as a phrase. Read
        from the units' full-text index when few do, else by each document's units."""
        phrase = phrase_expression(unit)
        if not phrase:
            return "0", []
        few = (
            self._execute(
                "SELECT count(*) FROM (SELECT 1 FROM units_fts WHERE units_fts MATCH ? LIMIT ?)",
                (phrase, CITING_FEW),
            )[0][0]
            < CITING_FEW
        )
        if few:
            return (
                "d.id IN (SELECT u.document_id FROM units_fts JOIN units u"
                " ON u.id = units_fts.rowid WHERE units_fts MATCH ?)",
                [phrase],
            )
        words = phrase.strip('"').split()  # each found first by `instr`, quicker
        return (
            "EXISTS (SELECT 1 FROM units u WHERE u.document_id = d.id"
            + " AND instr(u.names_folded, ?)" * len(words)
            + " AND holds_phrase(u.names_folded, ?))",
            [*words, phrase],
        )

    def _citing_clause(self, ref: str) -> tuple[str, list]:
        """SQL over `documents d`: it cites `ref`. Ids are read in `cites`: from the citing
        documents when they are few, else by a look-up for each document the other filters
        and the order walk (a reference cited everywhere)."""
        keys = self._reference_keys(ref)
        condition, params = self._reference_condition(ref)
        if not keys or not (keys[0] or keys[1]):  # a name
            return f"d.id IN (SELECT r.document_id FROM refs r WHERE {condition})", params
        whole, typed, type_key = keys
        typed_sql = (
            "(r.id_key IN (SELECT value FROM json_each(?)) OR r.resolved_key IN"
            " (SELECT value FROM json_each(?))) AND r.doc_type_key = ?"
        )
        typed_params = [json.dumps(typed)] * 2 + [type_key]
        few = (
            self._execute(
                "SELECT count(*) FROM (SELECT 1 FROM cites WHERE key IN"
                " (SELECT value FROM json_each(?)) LIMIT ?)",
                (json.dumps(whole), CITING_FEW),
            )[0][0]
            < CITING_FEW
        )
        if few:
            parts = ["SELECT document_id FROM cites WHERE key IN (SELECT value FROM json_each(?))"]
            if typed:
                parts.append(f"SELECT r.document_id FROM refs r WHERE {typed_sql}")
            return f"d.id IN ({' UNION '.join(parts)})", [
                json.dumps(whole),
                *(typed_params if typed else []),
            ]
        parts = [
            "EXISTS (SELECT 1 FROM cites c WHERE c.document_id = d.id"
            " AND c.key IN (SELECT value FROM json_each(?)))"
        ]
        if typed:
            parts.append(
                f"EXISTS (SELECT 1 FROM refs r WHERE r.document_id = d.id AND {typed_sql})"
            )
        return "(" + " OR ".join(parts) + ")", [json.dumps(whole), *(typed_params if typed else [])]

    @_in_one_snapshot
    def search(
        self, query: str, filters: SearchFilters | None = None, limit: int = 20, offset: int = 0
    ) -> SearchResult:
        query = query or ""
        truncated = len(query) > MAX_QUERY_CHARS
        query = query[:MAX_QUERY_CHARS]
        limit = max(0, min(int(limit), 1000))
        offset = max(0, int(offset))
        clauses, params = self._filter_sql(filters)
        where = "".join(f" AND {c}" for c in clauses)
        result = SearchResult(query=query, hits=[], truncated_query=truncated)
        terms = query_terms(query)

        # 1. documents citing the reference the query names, most mentions first
        keys = self._reference_keys(query) if limit else None
        condition, ref_params = "0", []
        if keys and (keys[0] or keys[1]):
            condition, ref_params = self._reference_condition(query)
            ranked, complete = rank.top_citing(
                self.conn, keys[0], (keys[1], keys[2]), where, params, offset + limit
            )
            chosen = [(c.id, c.mentions) for c in ranked[offset:]]
            ref_total = len(ranked) if complete else offset + limit
        else:
            if terms:  # a known title: those citing it, by name or number
                condition, ref_params = self._name_condition(query, exact=True)
            chosen, ref_total = self._named_citing(
                condition, ref_params, where, params, limit, offset
            )
        # 2. then documents by their words, bm25 (title weighs more), or by filters alone
        want = limit - len(chosen)
        text_rows: list[tuple[int, float]] = []
        if want > 0:
            text_offset = max(0, offset - ref_total)
            not_cited = ""
            if condition != "0":
                not_cited = f" AND d.id NOT IN (SELECT r.document_id FROM refs r WHERE {condition})"
            if terms:
                text_rows = self._by_words(
                    terms, where + not_cited, [*params, *ref_params], want, text_offset
                )
            elif filters and not filters.is_empty() and condition == "0":
                text_rows = [
                    (row[0], 0.0)
                    for row in self._execute(
                        f"SELECT d.id FROM documents d WHERE 1{where}"
                        " ORDER BY d.date DESC NULLS LAST, d.source LIMIT ? OFFSET ?",
                        [*params, want, text_offset],
                    )
                ]
        for document_id, mentions in chosen:
            ref_rows = [
                row[0]
                for row in self._execute(
                    f"SELECT r.id FROM refs r WHERE r.document_id = ? AND {condition}",
                    [document_id, *ref_params],
                )
            ]
            result.hits.append(
                self._hit(document_id, float(mentions), "reference", ref_rows=ref_rows)
            )
        for document_id, score in text_rows:
            result.hits.append(self._hit(document_id, score, "text", terms=terms))
        spellings = Counter(ref for hit in result.hits for ref in hit.references)
        result.reference = spellings.most_common(1)[0][0] if spellings else None
        return result

    def _named_citing(
        self, condition: str, ref_params: list, where: str, params: list, limit: int, offset: int
    ) -> tuple[list[tuple[int, int]], int]:
        """Documents citing a name (`_name_condition`), most mentions first, and how many."""
        if condition == "0" or not limit:
            return [], 0
        rows = self._execute(
            "SELECT r.document_id AS id, SUM(r.mention_count) AS mentions,"
            " COUNT(*) OVER () AS total FROM refs r JOIN documents d ON d.id = r.document_id"
            f" WHERE {condition}{where} GROUP BY r.document_id"
            " ORDER BY mentions DESC, d.date DESC NULLS LAST, r.document_id LIMIT ? OFFSET ?",
            [*ref_params, *params, limit, offset],
        )
        if rows:
            return [(row["id"], row["mentions"]) for row in rows], rows[0]["total"]
        if not offset:
            return [], 0
        total = self._execute(
            "SELECT COUNT(DISTINCT r.document_id) FROM refs r JOIN documents d"
            f" ON d.id = r.document_id WHERE {condition}{where}",
            [*ref_params, *params],
        )[0][0]
        return [], total

    def _by_words(
        self, terms: list[QueryTerm], where: str, params: list, limit: int, offset: int
    ) -> list[tuple[int, float]]:
        """Documents holding every term and passing `where`, best bm25 first (`index_rank`:
        when a term is frequent, the newest `WINDOW` of them are scored)."""
        counts = rank.frequencies(self.conn, terms)
        if counts is None:
            rows = self._execute(
                "SELECT d.id, bm25(documents_fts, 5.0, 1.0) AS score FROM documents_fts"
                " JOIN documents d ON d.id = documents_fts.rowid"
                f" WHERE documents_fts MATCH ?{where} ORDER BY score LIMIT ? OFFSET ?",
                [fts_expression(terms), *params, limit, offset],
            )
            return [(row[0], -row[1]) for row in rows]
        size = max(rank.FILTERED_WINDOW if where else rank.WINDOW, offset + limit)
        if where and rank.filters_narrower(self.conn, where, params, counts):
            docs = rank.filtered_window(self.conn, terms, where, params, size)
        else:  # newest matches first; CROSS JOIN: walk them, look each document up
            window = self._execute(
                "SELECT documents_fts.rowid FROM documents_fts CROSS JOIN documents d"
                f" ON d.id = documents_fts.rowid WHERE documents_fts MATCH ?{where}"
                " ORDER BY documents_fts.rowid DESC LIMIT ?",
                [" ".join(t.fts() for t in terms), *params, size],
            )
            docs = rank.texts(self.conn, [row[0] for row in window])
        return rank.score_window(self.conn, terms, counts, docs)[offset : offset + limit]

    def _hit(
        self, document_id: int, score: float, matched: str, terms=(), ref_rows=()
    ) -> SearchHit:
        row = self._execute(
            "SELECT source, title, doc_type, doc_id, date, issuer, text, text_folded"
            " FROM documents JOIN document_texts USING (id) WHERE id = ?",
            (document_id,),
        )[0]
        text = row["text"]
        references: list[str] = []
        if ref_rows:
            mentions = self._execute(
                "SELECT m.char_start, m.char_end, COALESCE(r.ref_id, r.name) AS ref_id"
                " FROM mentions m JOIN refs r"
                " ON r.id = m.item_id WHERE m.document_id = ? AND m.kind = 'reference'"
                " AND m.item_id IN (SELECT value FROM json_each(?)) ORDER BY m.char_start",
                (document_id, json.dumps(list(ref_rows))),
            )
            references = list(dict.fromkeys(m["ref_id"] for m in mentions if m["ref_id"]))
            spans = [(m["char_start"], m["char_end"]) for m in mentions]
        else:
            spans = _term_spans(row["text_folded"] or "", list(terms)) if text else []
        if text is None:
            title = row["title"] or ""
            parts = snippet(title, find_terms(fold(title), list(terms)))
        else:
            parts = snippet(text, spans)
        return SearchHit(
            source=row["source"],
            title=row["title"],
            doc_type=row["doc_type"],
            doc_id=row["doc_id"],
            date=row["date"],
            issuer=row["issuer"],
            score=score,
            matched=matched,
            snippet=parts,
            references=references,
        )

    @_in_one_snapshot
    def cited(self, ref: str) -> list[Citation]:
        condition, params = self._reference_condition(ref)
        rows = self._execute(
            "SELECT r.document_id, r.ref_id, r.name, r.date AS ref_date, r.text,"
            " r.mention_count, r.resolved_id, r.resolved_date, r.resolved_by, d.source,"
            " d.title, d.date, d.doc_type FROM refs r"
            f" JOIN documents d ON d.id = r.document_id WHERE {condition}"
            " ORDER BY r.document_id, r.position",
            params,
        )
        by_document: dict[int, list[sqlite3.Row]] = defaultdict(list)
        for row in rows:
            by_document[row["document_id"]].append(row)
        citations = [
            Citation(
                source=items[0]["source"],
                title=items[0]["title"],
                date=items[0]["date"],
                doc_type=items[0]["doc_type"],
                ref_id=items[0]["ref_id"] or items[0]["resolved_id"] or items[0]["name"],
                ref_date=next(
                    (
                        x["ref_date"] or x["resolved_date"]
                        for x in items
                        if x["ref_date"] or x["resolved_date"]
                    ),
                    None,
                ),
                mentions=sum(x["mention_count"] for x in items),
                text=items[0]["text"],
                by=_citing_by(items),
            )
            for items in by_document.values()
        ]
        citations.sort(key=lambda c: (c.date is None, c.date or "", c.source))
        return citations

    @_in_one_snapshot
    def top_references(self, limit: int = 50, doc_type: str | None = None) -> list[ReferenceCount]:
        clause, params = "", []
        if doc_type and doc_type.strip():
            clause = " AND r.doc_type_key = ?"
            params.append(name_key(canonical_doc_type(doc_type)))
        rows = self._execute(
            "SELECT key, COUNT(DISTINCT document_id) AS documents, SUM(mention_count) AS"
            " mentions, MIN(d.date) AS first, MAX(d.date) AS last FROM (SELECT"
            " COALESCE(r.id_key, r.resolved_key, 'name:' || r.name_key) AS key, r.document_id,"
            " r.mention_count FROM refs r WHERE (r.id_key IS NOT NULL OR r.name_key IS NOT"
            f" NULL){clause}) JOIN documents d ON d.id = document_id GROUP BY key"
            " ORDER BY documents DESC, mentions DESC, key LIMIT ?",
            [*params, max(1, int(limit))],
        )
        out = []
        for row in rows:
            key = row["key"]
            if key.startswith("name:"):
                where, values = "name_key = ? AND resolved_key IS NULL", (key[5:],)
            else:
                where, values = "id_key = ? OR (id_key IS NULL AND resolved_key = ?)", (key, key)
            spellings = self._execute(
                "SELECT COALESCE(ref_id, resolved_id) AS ref_id, name, doc_type,"
                " COALESCE(date, resolved_date) AS date, COUNT(*) AS n FROM refs"
                f" WHERE {where} GROUP BY 1, 2, 3, 4 ORDER BY ref_id IS NULL, n DESC",
                values,
            )
            top = spellings[0]
            out.append(
                ReferenceCount(
                    key=key,
                    ref_id=top["ref_id"],
                    name=top["name"],
                    doc_type=next((s["doc_type"] for s in spellings if s["doc_type"]), None),
                    ref_date=next((s["date"] for s in spellings if s["date"]), None),
                    documents=row["documents"],
                    mentions=row["mentions"],
                    first_cited=row["first"],
                    last_cited=row["last"],
                )
            )
        return out

    @_in_one_snapshot
    def document(self, source: str) -> IndexedDocument | None:
        rows = self._execute(
            "SELECT * FROM documents JOIN document_texts USING (id) WHERE source = ?", (source,)
        )
        if not rows:
            return None
        doc = rows[0]
        mentions: dict[tuple[str, int], list[dict]] = defaultdict(list)
        for m in self._execute(
            "SELECT kind, item_id, char_start, char_end, text, page FROM mentions"
            " WHERE document_id = ? ORDER BY char_start",
            (doc["id"],),
        ):
            mentions[(m["kind"], m["item_id"])].append(
                {
                    "start": m["char_start"],
                    "end": m["char_end"],
                    "text": m["text"],
                    "page": m["page"],
                }
            )
        references = []
        for r in self._execute(
            "SELECT * FROM refs WHERE document_id = ? ORDER BY position", (doc["id"],)
        ):
            references.append(
                {
                    "id": r["ref_id"],
                    "key": r["id_key"]
                    or r["resolved_key"]
                    or (r["name_key"] and "name:" + r["name_key"]),
                    "name": r["name"],
                    "doc_type": r["doc_type"],
                    "number": r["number"],
                    "symbol": r["symbol"],
                    "date": r["date"],
                    "issuer": r["issuer"],
                    "issuer_code": r["issuer_code"],
                    "term": r["term"],
                    "title": r["title"],
                    "resolved": _stored_resolved(r),
                    "text": r["text"],
                    "start": r["char_start"],
                    "end": r["char_end"],
                    "page": r["page"],
                    "mentions": mentions[("reference", r["id"])],
                }
            )
        units = []
        for u in self._execute(
            "SELECT * FROM units WHERE document_id = ? ORDER BY position", (doc["id"],)
        ):
            units.append(
                {
                    "name": u["name"],
                    "text": u["text"],
                    "kind": u["kind"],
                    "parent": u["parent"],
                    "aliases": json.loads(u["aliases"] or "[]"),
                    "start": u["char_start"],
                    "end": u["char_end"],
                    "page": u["page"],
                    "mentions": mentions[("unit", u["id"])],
                }
            )
        statistics = [
            {
                "value": s["value"],
                "max": s["max"],
                "unit": s["unit"],
                "kind": s["kind"],
                "approximate": bool(s["approximate"]),
                "bound": s["bound"],
                "subject": s["subject"],
                "period": s["period"],
                "place": s["place"],
                "years": _stored_years(s),
                "sentence": s["sentence"],
                "text": s["text"],
                "start": s["char_start"],
                "end": s["char_end"],
                "page": s["page"],
            }
            for s in self._execute(
                "SELECT * FROM statistics WHERE document_id = ? ORDER BY position", (doc["id"],)
            )
        ]
        relations = [
            {
                "type": r["type"],
                "source": r["source"],
                "target": r["target"],
                **json.loads(r["extra"] or "{}"),
            }
            for r in self._execute(
                "SELECT * FROM relations WHERE document_id = ? ORDER BY position", (doc["id"],)
            )
        ]
        extra = json.loads(doc["extra"] or "{}")
        return IndexedDocument(
            source=doc["source"],
            sha256=doc["sha256"],
            title=doc["title"],
            doc_type=doc["doc_type"],
            doc_id=doc["doc_id"],
            date=doc["date"],
            issuer=doc["issuer"],
            format=doc["format"],
            text=doc["text"],
            references=references,
            units=units,
            statistics=statistics,
            relations=relations,
            warnings=list(extra.get("warnings") or []),
        )

    @_in_one_snapshot
    def statistics_of(
        self, measure: str, exact: bool = False, limit: int = 2000
    ) -> list[StatisticFigure]:
        key = measure_key(measure[:MAX_QUERY_CHARS])
        if not key:
            return []
        if exact:
            condition, param = "s.subject_key = ?", key
        else:  # the words in a row, anywhere in the measure: a scan, no index for LIKE
            condition, param = "(' ' || s.subject_key || ' ') LIKE ?", f"% {key} %"
        rows = self._execute(
            "SELECT d.source, d.title, d.date, s.subject, s.place, s.period, s.year_first,"
            " s.year_last, s.value, s.max, s.unit, s.kind, s.text, s.position"
            " FROM statistics s JOIN documents d ON d.id = s.document_id"
            f" WHERE {condition}"
            " ORDER BY s.place IS NULL, s.place, s.year_last IS NULL, s.year_last, s.year_first,"
            " d.date, d.source, s.position LIMIT ?",
            (param, max(1, int(limit))),
        )
        return [StatisticFigure(*row) for row in rows]

    @_in_one_snapshot
    def statistic_measures(self, limit: int = 50) -> list[tuple[str, int]]:
        counts = self._execute(
            "SELECT subject_key, COUNT(*) FROM statistics WHERE subject_key IS NOT NULL"
            " GROUP BY subject_key ORDER BY COUNT(*) DESC, subject_key LIMIT ?",
            (max(1, int(limit)),),
        )
        keys = [row[0] for row in counts]
        written: dict[str, str] = {}
        for key, subject, _ in self._execute(
            "SELECT subject_key, subject, COUNT(*) AS n FROM statistics"
            f" WHERE subject_key IN ({','.join('?' * len(keys))})"
            " GROUP BY subject_key, subject ORDER BY n DESC, subject",
            keys,
        ):
            written.setdefault(key, subject)
        return [(written.get(key, key), n) for key, n in counts]

    @_in_one_snapshot
    def stats(self) -> dict[str, int]:
        return {
            table: self._execute(f"SELECT COUNT(*) FROM {table}")[0][0]
            for table in ("documents", "refs", "units", "statistics", "relations")
        }

    @_in_one_snapshot
    def recent(self, limit: int = 20) -> list[dict]:
        """The latest documents by date, for a landing page."""
        return [
            dict(row)
            for row in self._execute(
                "SELECT source, title, doc_type, doc_id, date, issuer FROM documents"
                " ORDER BY date DESC NULLS LAST, source LIMIT ?",
                (max(1, int(limit)),),
            )
        ]


# "dự thảo Luật ...", "dự án Luật ...": a bill is not yet the law of that title.
_DRAFT_BEFORE = re.compile(r"\b(?:du thao|du an)\s*$")


def _drafted(text: str | None, ref: dict) -> bool:
    """Whether a named reference is written as a draft or bill ("dự thảo Bộ luật ...")."""
    start = _int(ref.get("start"))
    if not text or start is None:
        return False
    return bool(_DRAFT_BEFORE.search(fold(text[max(0, start - 16) : start])))


def _citing_by(refs: list[sqlite3.Row]) -> str | None:
    """How one document cites: None when it writes the number, else how its name was tied
    to the number ("text", "registry", "archive"), or "name" when it is not."""
    if any(r["ref_id"] for r in refs):
        return None
    return next((r["resolved_by"] for r in refs if r["resolved_by"]), "name")


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


def _stored_years(row: sqlite3.Row) -> list[int | None] | None:
    if row["year_first"] is None and row["year_last"] is None:
        return None
    return [row["year_first"], row["year_last"]]


def _stored_resolved(row: sqlite3.Row) -> dict | None:
    if not row["resolved_id"]:
        return None
    return {"id": row["resolved_id"], "date": row["resolved_date"], "by": row["resolved_by"]}


def _resolved(ref: dict) -> dict | None:
    """A record's `resolved` ({"id", "date", "by"}) when it is well formed, else None."""
    found = ref.get("resolved")
    if not isinstance(found, dict) or not reference_key(found.get("id")):
        return None
    date = found.get("date")
    by = found.get("by") if found.get("by") in ("text", "registry", "archive") else "text"
    return {"id": found["id"], "date": date if isinstance(date, str) else None, "by": by}


def _term_spans(folded: str, terms: list[QueryTerm]) -> list[tuple[int, int]]:
    """Where to highlight: the words as one phrase where they occur together, else each."""
    if len(terms) > 1 and all(len(t.words) == 1 and not t.prefix for t in terms):
        together = find_terms(folded, [QueryTerm(tuple(t.words[0] for t in terms))])
        if together:
            return together
    return find_terms(folded, terms)


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    return float(value) if isinstance(value, int | float) else None


def _date_number(date: str | None) -> int:
    return int(date.replace("-", "")) if date and _ISO_DATE.fullmatch(date) else 0
