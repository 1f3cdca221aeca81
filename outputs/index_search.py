"""Searching the SQLite index (`IndexSearcher`, mixed into `SqliteIndex`): a query read as
a document number, a title or words, narrowed by filters; each part is read through an index
and ranked over a bounded number of rows (`index_rank`).
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
from collections import Counter

from vnpolicy.outputs import index_archive as archive
from vnpolicy.outputs import index_rank as rank
from vnpolicy.outputs.index_base import (
    SearchFilters,
    SearchHit,
    SearchIndexError,
    SearchResult,
    normalize_date_bound,
)
from vnpolicy.outputs.index_text import (
    MAX_QUERY_CHARS,
    QueryTerm,
    canonical_doc_type,
    find_terms,
    fold,
    fts_expression,
    is_doc_type_word,
    name_key,
    parse_reference_query,
    phrase_expression,
    query_terms,
    snippet,
    term_pattern,
)

# A `cites` or `unit` filter met by fewer rows than this is read from them, not per document.
CITING_FEW = 2000


def in_one_snapshot(method):
    """Run a reading method in one read transaction (`SqliteIndex._snapshot`)."""

    @functools.wraps(method)
    def reading(self, *args, **kwargs):
        with self._snapshot():
            return method(self, *args, **kwargs)

    return reading


@functools.lru_cache(maxsize=256)
def _phrase_pattern(phrase: str) -> re.Pattern[str] | None:
    return term_pattern([QueryTerm(tuple(phrase.strip('"').split()))])


def holds_phrase(folded: str | None, phrase: str) -> bool:
    """SQL `holds_phrase(folded, '"a b"')`: the words of an FTS5 phrase in a row in `folded`,
    as its MATCH finds them."""
    pattern = _phrase_pattern(phrase)
    return bool(folded and pattern and pattern.search(folded))


class IndexSearcher:
    """`search` and the SQL it is built of; uses `conn` and `path` of `SqliteIndex`."""

    conn: sqlite3.Connection
    path: object

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

    @in_one_snapshot
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


def _term_spans(folded: str, terms: list[QueryTerm]) -> list[tuple[int, int]]:
    """Where to highlight: the words as one phrase where they occur together, else each."""
    if len(terms) > 1 and all(len(t.words) == 1 and not t.prefix for t in terms):
        together = find_terms(folded, [QueryTerm(tuple(t.words[0] for t in terms))])
        if together:
            return together
    return find_terms(folded, terms)
