"""`SqliteIndex`: the embedded search index, one SQLite file with FTS5 (standard library only).

Documents, references (with their mentions), units, statistics and relations are tables; the
document text and the reference and unit names have full-text indexes over folded shadow
columns (`fold`: no marks, `đ` -> `d`), so "nghi quyet" finds "Nghị quyết" while snippets
show the text as read. Every statement is parameterized; queries from users are rebuilt from
their words (`index_text.query_terms`), never passed to FTS5 as syntax.

>>> with SqliteIndex("archive.sqlite") as index:          # doctest: +SKIP
...     index.add(record, text)
...     index.search("nghi quyet 21", SearchFilters(doc_type="chỉ thị")).hits[0].source
'docs/ct-05.txt'
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from vnpolicy.outputs.index_base import (
    Citation,
    IndexedDocument,
    IndexOpenError,
    ReferenceCount,
    SearchFilters,
    SearchHit,
    SearchIndex,
    SearchIndexError,
    SearchResult,
)
from vnpolicy.outputs.index_schema import INDEX_SCHEMA_VERSION, SCHEMA_SQL, schema_statements
from vnpolicy.outputs.index_text import (
    MAX_QUERY_CHARS,
    QueryTerm,
    canonical_doc_type,
    find_terms,
    fold,
    fts_expression,
    id_tokens,
    name_key,
    parse_reference_query,
    phrase_expression,
    query_terms,
    reference_key,
    snippet,
)

_CHILD_TABLES = ("mentions", "refs", "units", "statistics", "relations")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _record_sha256(record: dict) -> str:
    return _sha256(json.dumps(record, sort_keys=True, ensure_ascii=False))


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _first_line(text: str | None, limit: int = 200) -> str | None:
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= limit else line[:limit].rsplit(" ", 1)[0] + "…"
    return None


def normalize_date_bound(value: str | None, upper: bool) -> str | None:
    """A date filter as an inclusive ISO bound: "2020" -> "2020-01-01" (or "2020-12-31" as
    an upper bound), "2020-05" -> "2020-05-01"/"2020-05-31"; raises ValueError otherwise."""
    if value is None or not str(value).strip():
        return None
    value = str(value).strip()
    if re.fullmatch(r"\d{4}", value):
        return value + ("-12-31" if upper else "-01-01")
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return value + ("-31" if upper else "-01")
    if _ISO_DATE.fullmatch(value):
        try:
            datetime.strptime(value, "%Y-%m-%d")
        except ValueError:
            raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD)") from None
        return value
    raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")


def _document_date(document: dict) -> str | None:
    candidates = [
        (document.get("self") or {}).get("date"),
        (document.get("metadata") or {}).get("date"),
    ]
    for value in candidates:
        if isinstance(value, str) and _ISO_DATE.match(value):
            return value[:10]
    return None


class SqliteIndex(SearchIndex):
    """The index in one SQLite file; `read_only=True` opens it with `mode=ro` (the server)."""

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._depth = 0
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
                conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(path)
            conn.isolation_level = None  # transactions are explicit: BEGIN ... COMMIT
            conn.row_factory = sqlite3.Row
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError as err:
            raise IndexOpenError(f"{path}: not a vnpolicy index ({err})") from None
        if "meta" not in tables:
            if self.read_only or tables:
                conn.close()
                what = "empty database" if not tables else "other tables"
                raise IndexOpenError(f"{path}: not a vnpolicy index ({what})")
            self._create(conn)
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if not version or version[0] != INDEX_SCHEMA_VERSION:
            conn.close()
            raise IndexOpenError(
                f"{path}: index schema {version[0] if version else '?'} is not "
                f"{INDEX_SCHEMA_VERSION}; rebuild it with `vnpolicy index`"
            )
        if self.read_only:
            conn.execute("PRAGMA query_only = 1")
        else:
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -32000")
        return conn

    @staticmethod
    def _create(conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN")
        for statement in schema_statements(SCHEMA_SQL):
            conn.execute(statement)
        conn.execute("INSERT INTO meta VALUES ('schema', ?)", (INDEX_SCHEMA_VERSION,))
        conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes in one transaction (much faster for many `add`s); nests."""
        if self._depth == 0:
            self.conn.execute("BEGIN")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self.conn.execute("ROLLBACK")
            raise
        self._depth -= 1
        if self._depth == 0:
            self.conn.execute("COMMIT")

    def optimize(self) -> None:
        """Merge the full-text index segments after a large batch of writes."""
        with self.transaction():
            for table in ("documents_fts", "refs_fts", "units_fts"):
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
        return True

    def _delete(self, document_id: int) -> None:
        for table in _CHILD_TABLES:
            self.conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
        self.conn.execute("DELETE FROM document_texts WHERE id = ?", (document_id,))
        self.conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))

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
                name_key(canonical_doc_type(doc_type)),
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
        for position, ref in enumerate(references):
            self._insert_reference(document_id, position, ref)
        for position, unit in enumerate(units):
            self._insert_unit(document_id, position, unit)
        self.conn.executemany(
            "INSERT INTO statistics (document_id, position, value, max, unit, kind, approximate,"
            " bound, subject, period, sentence, text, char_start, char_end, page)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
                )
                for position, s in enumerate(record.get("statistics") or [])
                if isinstance(s, dict)
            ],
        )
        self.conn.executemany(
            "INSERT INTO relations (document_id, position, type, source, target, extra)"
            " VALUES (?,?,?,?,?,?)",
            [
                (
                    document_id,
                    position,
                    str(r.get("type")),
                    r.get("source"),
                    r.get("target"),
                    json.dumps(
                        {k: v for k, v in r.items() if k not in ("type", "source", "target")},
                        ensure_ascii=False,
                    ),
                )
                for position, r in enumerate(record.get("relations") or [])
                if isinstance(r, dict) and r.get("type")
            ],
        )

    def _insert_mentions(self, document_id: int, kind: str, item_id: int, item: dict) -> int:
        mentions = [m for m in item.get("mentions") or [] if isinstance(m, dict)] or [item]
        rows = [
            (document_id, kind, item_id, m["start"], m["end"], m.get("text"), _int(m.get("page")))
            for m in mentions
            if _int(m.get("start")) is not None and _int(m.get("end")) is not None
        ]
        self.conn.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?)", rows)
        return max(len(rows), 1)

    def _insert_reference(self, document_id: int, position: int, ref: dict) -> None:
        ref_id = ref.get("id") or None
        key = reference_key(ref_id)
        tokens = id_tokens(ref_id) if key else []
        numbers = [t for t in tokens if t.isdigit()]
        letters = [t for t in tokens if not t.isdigit()]
        name = ref.get("name") or (None if key else ref.get("title") or ref.get("text"))
        names = " \n".join(str(v) for v in (ref_id, name, ref.get("title"), ref.get("text")) if v)
        cursor = self.conn.execute(
            "INSERT INTO refs (document_id, position, ref_id, id_key, number_key, numbers,"
            " letters, name, name_key, doc_type, doc_type_key, number, symbol, date, issuer,"
            " issuer_code, term, title, text, char_start, char_end, page, mention_count,"
            " names_folded) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
                name_key(canonical_doc_type(ref.get("doc_type"))),
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
                0,
                fold(names),
            ),
        )
        if key:
            self.conn.execute(
                "INSERT OR IGNORE INTO ref_keys VALUES (?,?,?,?)",
                (key, numbers[0], " ".join(numbers), " ".join(letters)),
            )
        count = self._insert_mentions(document_id, "reference", cursor.lastrowid, ref)
        self.conn.execute(
            "UPDATE refs SET mention_count = ? WHERE id = ?", (count, cursor.lastrowid)
        )

    def _insert_unit(self, document_id: int, position: int, unit: dict) -> None:
        name = unit.get("name") or unit.get("text")
        if not name:
            return
        aliases = [a for a in unit.get("aliases") or [] if isinstance(a, str)]
        names = " \n".join(dict.fromkeys([name, unit.get("text") or "", *aliases]))
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
                0,
                fold(names),
            ),
        )
        count = self._insert_mentions(document_id, "unit", cursor.lastrowid, unit)
        self.conn.execute(
            "UPDATE units SET mention_count = ? WHERE id = ?", (count, cursor.lastrowid)
        )

    # --- reading ------------------------------------------------------------------------

    def _execute(self, sql: str, params=()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as err:
            raise SearchIndexError(f"{self.path}: query failed ({err})") from None

    def _reference_condition(self, ref: str) -> tuple[str, list]:
        """SQL over `refs r` selecting the references `ref` names: an id in any spelling
        (read against the distinct ids, `ref_keys`), else a name; "0" when none can match."""
        parsed = parse_reference_query(ref)
        if parsed is None:
            key = name_key(ref)
            if not key:
                return "0", []
            if self._execute("SELECT 1 FROM refs WHERE name_key = ? LIMIT 1", (key,)):
                return "r.name_key = ?", [key]
            return "r.id IN (SELECT rowid FROM refs_fts WHERE refs_fts MATCH ?)", [
                phrase_expression(ref)
            ]
        whole, typed = [], []
        for row in self._execute(
            "SELECT id_key, numbers, letters FROM ref_keys WHERE number_key = ?",
            (parsed.numbers[0],),
        ):
            letters = row["letters"].split()
            if parsed.matches_id(row["numbers"].split(), letters):
                (typed if parsed.needs_type(letters) else whole).append(row["id_key"])
        parts, params = [], []
        if whole:
            parts.append("r.id_key IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(whole))
        if typed:
            parts.append("(r.id_key IN (SELECT value FROM json_each(?)) AND r.doc_type_key = ?)")
            params += [json.dumps(typed), parsed.type_key]
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
            phrase = phrase_expression(filters.unit)
            clauses.append(
                "d.id IN (SELECT u.document_id FROM units_fts JOIN units u"
                " ON u.id = units_fts.rowid WHERE units_fts MATCH ?)"
                if phrase
                else "0"
            )
            params += [phrase] if phrase else []
        low = normalize_date_bound(filters.date_from, upper=False)
        high = normalize_date_bound(filters.date_to, upper=True)
        if low:
            clauses.append("d.date >= ?")
            params.append(low)
        if high:
            clauses.append("d.date <= ?")
            params.append(high)
        if filters.cites and filters.cites.strip():
            condition, extra = self._reference_condition(filters.cites)
            clauses.append(f"d.id IN (SELECT r.document_id FROM refs r WHERE {condition})")
            params += extra
        return clauses, params

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
        chosen: list[sqlite3.Row] = []
        ref_total = 0
        condition, ref_params = "0", []
        if parse_reference_query(query):
            condition, ref_params = self._reference_condition(query)
        if condition != "0":
            chosen = self._execute(
                "SELECT r.document_id AS id, SUM(r.mention_count) AS mentions,"
                " json_group_array(r.id) AS ref_rows, COUNT(*) OVER () AS total"
                " FROM refs r JOIN documents d ON d.id = r.document_id"
                f" WHERE {condition}{where} GROUP BY r.document_id"
                " ORDER BY mentions DESC, d.date DESC NULLS LAST, r.document_id"
                " LIMIT ? OFFSET ?",
                [*ref_params, *params, limit, offset],
            )
            if chosen:
                ref_total = chosen[0]["total"]
            elif offset:
                ref_total = self._execute(
                    "SELECT COUNT(DISTINCT r.document_id) FROM refs r JOIN documents d"
                    f" ON d.id = r.document_id WHERE {condition}{where}",
                    [*ref_params, *params],
                )[0][0]
        # 2. then documents by their words, bm25 (title weighs more), or by filters alone
        want = limit - len(chosen)
        text_rows: list[sqlite3.Row] = []
        if want > 0:
            text_offset = max(0, offset - ref_total)
            not_cited = ""
            if condition != "0":
                not_cited = f" AND d.id NOT IN (SELECT r.document_id FROM refs r WHERE {condition})"
            if terms:
                text_rows = self._execute(
                    "SELECT d.id, bm25(documents_fts, 5.0, 1.0) AS score FROM documents_fts"
                    " JOIN documents d ON d.id = documents_fts.rowid"
                    f" WHERE documents_fts MATCH ?{where}{not_cited}"
                    " ORDER BY score LIMIT ? OFFSET ?",
                    [fts_expression(terms), *params, *ref_params, want, text_offset],
                )
            elif filters and not filters.is_empty() and condition == "0":
                text_rows = self._execute(
                    f"SELECT d.id, 0.0 AS score FROM documents d WHERE 1{where}"
                    " ORDER BY d.date DESC NULLS LAST, d.source LIMIT ? OFFSET ?",
                    [*params, want, text_offset],
                )
        for row in chosen:
            result.hits.append(
                self._hit(
                    row["id"],
                    float(row["mentions"]),
                    "reference",
                    ref_rows=json.loads(row["ref_rows"]),
                )
            )
        for row in text_rows:
            result.hits.append(self._hit(row["id"], -row["score"], "text", terms=terms))
        spellings = Counter(ref for hit in result.hits for ref in hit.references)
        result.reference = spellings.most_common(1)[0][0] if spellings else None
        return result

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
                "SELECT m.char_start, m.char_end, r.ref_id FROM mentions m JOIN refs r"
                " ON r.id = m.item_id WHERE m.kind = 'reference' AND m.item_id IN"
                " (SELECT value FROM json_each(?)) ORDER BY m.char_start",
                (json.dumps(list(ref_rows)),),
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

    def cited(self, ref: str) -> list[Citation]:
        condition, params = self._reference_condition(ref)
        rows = self._execute(
            "SELECT r.document_id, r.ref_id, r.name, r.date AS ref_date, r.text,"
            " r.mention_count, d.source, d.title, d.date, d.doc_type FROM refs r"
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
                ref_id=items[0]["ref_id"] or items[0]["name"],
                ref_date=next((x["ref_date"] for x in items if x["ref_date"]), None),
                mentions=sum(x["mention_count"] for x in items),
                text=items[0]["text"],
            )
            for items in by_document.values()
        ]
        citations.sort(key=lambda c: (c.date is None, c.date or "", c.source))
        return citations

    def top_references(self, limit: int = 50, doc_type: str | None = None) -> list[ReferenceCount]:
        clause, params = "", []
        if doc_type and doc_type.strip():
            clause = " AND r.doc_type_key = ?"
            params.append(name_key(canonical_doc_type(doc_type)))
        rows = self._execute(
            "SELECT key, COUNT(DISTINCT document_id) AS documents, SUM(mention_count) AS"
            " mentions, MIN(d.date) AS first, MAX(d.date) AS last FROM (SELECT"
            " COALESCE(r.id_key, 'name:' || r.name_key) AS key, r.document_id,"
            " r.mention_count FROM refs r WHERE (r.id_key IS NOT NULL OR r.name_key IS NOT"
            f" NULL){clause}) JOIN documents d ON d.id = document_id GROUP BY key"
            " ORDER BY documents DESC, mentions DESC, key LIMIT ?",
            [*params, max(1, int(limit))],
        )
        out = []
        for row in rows:
            key = row["key"]
            column, value = ("name_key", key[5:]) if key.startswith("name:") else ("id_key", key)
            spellings = self._execute(
                f"SELECT ref_id, name, doc_type, date, COUNT(*) AS n FROM refs WHERE {column} = ?"
                " GROUP BY ref_id, name, doc_type, date ORDER BY n DESC",
                (value,),
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
                    "key": r["id_key"] or (r["name_key"] and "name:" + r["name_key"]),
                    "name": r["name"],
                    "doc_type": r["doc_type"],
                    "number": r["number"],
                    "symbol": r["symbol"],
                    "date": r["date"],
                    "issuer": r["issuer"],
                    "issuer_code": r["issuer_code"],
                    "term": r["term"],
                    "title": r["title"],
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

    def stats(self) -> dict[str, int]:
        return {
            table: self._execute(f"SELECT COUNT(*) FROM {table}")[0][0]
            for table in ("documents", "refs", "units", "statistics", "relations")
        }

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
