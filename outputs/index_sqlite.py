"""`SqliteIndex`: the embedded search index, one SQLite file with FTS5 (standard library only).

Documents, references (with their mentions), units, statistics and relations are tables; the
document text and the reference and unit names have full-text indexes over folded shadow
columns (`fold`: no marks, `đ` -> `d`), so "nghi quyet" finds "Nghị quyết" while snippets
show the text as read. Every statement is parameterized; queries from users are rebuilt from
their words (`index_text.query_terms`), never passed to FTS5 as syntax. Writing is in
`index_write`, searching in `index_search` (ranked over bounded rows by `index_rank`), the
tables in `index_schema`; this module opens the file and reads documents, citations, figures.

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

import json
import sqlite3
import time
import warnings
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from vnpolicy.outputs.index_base import (
    Citation,
    IndexedDocument,
    IndexOpenError,
    InvalidDateError,
    ReferenceCount,
    SearchIndex,
    StatisticFigure,
    normalize_date_bound,
)
from vnpolicy.outputs.index_migrate import MIGRATES_FROM, migrate
from vnpolicy.outputs.index_schema import INDEX_SCHEMA_VERSION, SCHEMA_SQL, schema_statements
from vnpolicy.outputs.index_search import IndexSearcher, holds_phrase, in_one_snapshot
from vnpolicy.outputs.index_text import (
    MAX_QUERY_CHARS,
    canonical_doc_type,
    measure_key,
    name_key,
)
from vnpolicy.outputs.index_write import IndexWriter

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


class SqliteIndex(IndexWriter, IndexSearcher, SearchIndex):
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
        conn.create_function("holds_phrase", 2, holds_phrase, deterministic=True)
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

    # --- reading ------------------------------------------------------------------------

    @in_one_snapshot
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

    @in_one_snapshot
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

    @in_one_snapshot
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

    @in_one_snapshot
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

    @in_one_snapshot
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

    @in_one_snapshot
    def stats(self) -> dict[str, int]:
        return {
            table: self._execute(f"SELECT COUNT(*) FROM {table}")[0][0]
            for table in ("documents", "refs", "units", "statistics", "relations")
        }

    @in_one_snapshot
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


def _citing_by(refs: list[sqlite3.Row]) -> str | None:
    """How one document cites: None when it writes the number, else how its name was tied
    to the number ("text", "registry", "archive"), or "name" when it is not."""
    if any(r["ref_id"] for r in refs):
        return None
    return next((r["resolved_by"] for r in refs if r["resolved_by"]), "name")


def _stored_years(row: sqlite3.Row) -> list[int | None] | None:
    if row["year_first"] is None and row["year_last"] is None:
        return None
    return [row["year_first"], row["year_last"]]


def _stored_resolved(row: sqlite3.Row) -> dict | None:
    if not row["resolved_id"]:
        return None
    return {"id": row["resolved_id"], "date": row["resolved_date"], "by": row["resolved_by"]}
