"""Ranking at archive scale: a search reads a bounded part of the index, however many
documents cite the id or contain the words.

- Documents citing an id, most mentions first: each id's citing documents are kept in
  `cites`, sorted by mentions, so the top is read off the index (`top_citing`); a query
  meaning several ids ("nghị quyết 21") merges their lists and stops once no document
  further down can still reach the page (Fagin's threshold algorithm), exact as a sum
  over every citing document would be.
- Documents by their words: FTS5's `bm25` first counts every document holding each word
  (its IDF), a scan of the whole posting list of a frequent word. When a word is frequent
  (in `FREQUENT` documents or more), the `WINDOW` most recently indexed documents that hold
  all the words and pass the filters are scored instead (`score_window`), with bm25's own
  formula (title weighs 5, text 1, the words together as a phrase too) and each word's
  document frequency estimated from where its `FREQUENT`-th newest document lies.
"""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass

from vnpolicy.outputs.index_text import QueryTerm, term_pattern

CITE_DEPTH = 64  # rows first read of each id's list; four times more while not decided
TYPED_FEW = 2000  # references of ids read as one type, added up when fewer
RARE_LIST = 1000  # ids cited by fewer documents are added up as one list
FREQUENT = 1000  # a word in this many documents makes FTS5's bm25 slow
WINDOW = 200  # documents scored when a word is frequent
FILTERED_WINDOW = 100  # the same, among the documents that pass filters
SAMPLE = 1000  # newest documents a filter is tried on, to tell how narrow it is
_K1, _B = 1.2, 0.75  # FTS5's bm25 constants
_WEIGHTS = (5.0, 1.0)  # title, text


@dataclass
class CitedDocument:
    id: int
    mentions: int
    date: str


def _sorted(found: dict[int, CitedDocument]) -> list[CitedDocument]:
    """Most mentions first, then the latest document, then the first indexed."""
    ranked = sorted(found.values(), key=lambda c: c.id)
    ranked.sort(key=lambda c: c.date, reverse=True)
    ranked.sort(key=lambda c: c.mentions, reverse=True)
    return ranked


def top_citing(
    conn: sqlite3.Connection,
    keys: list[str],
    typed: tuple[list[str], str | None] | None,
    where: str,
    params: list,
    need: int,
) -> tuple[list[CitedDocument], bool]:
    """The first `need` documents citing any of the id `keys` (or, for `typed`, those ids
    read as that type), by mentions summed over those ids, passing `where` (over
    `documents d`); and whether that is all of them."""
    few = [key for key in keys if _cited_by(conn, key) < RARE_LIST]
    lists: list[tuple[str, list]] = [
        (
            "SELECT c.document_id, c.mentions, c.date FROM cites c"
            f" JOIN documents d ON d.id = c.document_id WHERE c.key = ?{where}"
            " ORDER BY c.mentions DESC, c.date DESC, c.document_id LIMIT ?",
            [key, *params],
        )
        for key in keys
        if key not in few
    ]
    if few:  # ids cited by few, added up as one list: its frontier is one bound, not many
        lists.append(
            (
                "SELECT c.document_id, SUM(c.mentions) AS m, c.date FROM cites c"
                " JOIN documents d ON d.id = c.document_id"
                f" WHERE c.key IN (SELECT value FROM json_each(?)){where}"
                " GROUP BY c.document_id ORDER BY m DESC, c.date DESC, c.document_id LIMIT ?",
                [json.dumps(few), *params],
            )
        )
    typed_sql = ""
    if typed and typed[0]:
        typed_sql = (
            "(r.id_key IN (SELECT value FROM json_each(?))"
            " OR r.resolved_key IN (SELECT value FROM json_each(?))) AND r.doc_type_key = ?"
        )
        typed_params = [json.dumps(typed[0])] * 2 + [typed[1]]
        many = conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM refs r WHERE {typed_sql} LIMIT ?)",
            [*typed_params, TYPED_FEW],
        ).fetchone()[0]
        if many < TYPED_FEW:  # few: added up
            lists.append(
                (
                    "SELECT r.document_id, SUM(r.mention_count) AS m,"
                    " coalesce(d.date, '') AS date FROM refs r JOIN documents d"
                    f" ON d.id = r.document_id WHERE {typed_sql}{where} GROUP BY r.document_id"
                    " ORDER BY m DESC, date DESC, r.document_id LIMIT ?",
                    [*typed_params, *params],
                )
            )
        else:  # many: read off `cites`, whose mentions of every type bound those of one
            lists += [
                (
                    "SELECT c.document_id, c.mentions, c.date FROM cites c"
                    f" JOIN documents d ON d.id = c.document_id WHERE c.key = ?{where}"
                    " AND EXISTS (SELECT 1 FROM refs r WHERE r.document_id = c.document_id"
                    " AND coalesce(r.id_key, r.resolved_key) = c.key AND r.doc_type_key = ?)"
                    " ORDER BY c.mentions DESC, c.date DESC, c.document_id LIMIT ?",
                    [key, *params, typed[1]],
                )
                for key in typed[0]
            ]
    depth = max(CITE_DEPTH, need)
    while True:
        seen: dict[int, str] = {}
        frontier: list[tuple[int, str]] = []  # last row of each list not read to its end
        for sql, values in lists:
            rows = conn.execute(sql, [*values, depth]).fetchall()
            for document_id, _, date in rows:
                seen[document_id] = date
            if len(rows) == depth:
                frontier.append((rows[-1][1], rows[-1][2]))
        found = _totals(conn, keys, typed_sql, typed_params if typed_sql else [], seen)
        ranked = _sorted(found)
        if not frontier:
            return ranked[:need], True
        if len(ranked) >= need:
            last = ranked[need - 1]
            bound = sum(m for m, _ in frontier)  # most an unseen document can have
            if last.mentions > bound or (
                last.mentions == bound and last.date > min(d for _, d in frontier)
            ):
                return ranked[:need], False
        depth *= 4


def _cited_by(conn: sqlite3.Connection, key: str) -> int:
    """How many documents cite the id `key`, counted up to `RARE_LIST`."""
    return conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM cites WHERE key = ? LIMIT ?)", (key, RARE_LIST)
    ).fetchone()[0]


def _totals(
    conn: sqlite3.Connection, keys: list[str], typed_sql: str, typed_params: list, seen: dict
) -> dict[int, CitedDocument]:
    """Each seen document's mentions of all the ids."""
    found = {i: CitedDocument(i, 0, date) for i, date in seen.items()}
    ids = json.dumps(list(seen))
    if keys:
        for document_id, mentions in conn.execute(
            "SELECT document_id, SUM(mentions) FROM cites WHERE key IN"
            " (SELECT value FROM json_each(?)) AND document_id IN (SELECT value FROM json_each(?))"
            " GROUP BY document_id",
            (json.dumps(keys), ids),
        ):
            found[document_id].mentions += mentions
    if typed_sql:
        for document_id, mentions in conn.execute(
            "SELECT r.document_id, SUM(r.mention_count) FROM refs r WHERE r.document_id IN"
            f" (SELECT value FROM json_each(?)) AND {typed_sql} GROUP BY r.document_id",
            [ids, *typed_params],
        ):
            found[document_id].mentions += mentions
    return found


# --- words ------------------------------------------------------------------------------


def _matches(conn: sqlite3.Connection, expression: str, limit: int) -> list[int]:
    return [
        row[0]
        for row in conn.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?"
            " ORDER BY rowid DESC LIMIT ?",
            (expression, limit),
        )
    ]


def frequencies(conn: sqlite3.Connection, terms: list[QueryTerm]) -> list[int] | None:
    """How many documents hold each term, estimated for a frequent one; None when none is
    frequent (FTS5's bm25 is then quick)."""
    top = conn.execute("SELECT max(rowid) FROM documents_fts").fetchone()[0] or 0
    counts, frequent = [], False
    for term in terms:
        rows = _matches(conn, term.fts(), FREQUENT)
        if len(rows) < FREQUENT:
            counts.append(len(rows))
        else:  # the newest FREQUENT holders span rows[-1]..top: as dense below
            frequent = True
            counts.append(round(FREQUENT * top / max(1, top - rows[-1] + 1)))
    return counts if frequent else None


def _averages(conn: sqlite3.Connection) -> tuple[int, float]:
    """Documents and mean tokens per document, from FTS5's own record of them."""
    blob = conn.execute("SELECT block FROM documents_fts_data WHERE id = 1").fetchone()
    values = _varints(blob[0]) if blob else []
    rows = values[0] if values else 0
    return rows, (sum(values[1:]) / rows if rows else 1.0)


def _varints(blob: bytes) -> list[int]:
    """SQLite's big-endian base-128 varints (FTS5's records)."""
    out, value, i = [], 0, 0
    while i < len(blob):
        byte = blob[i]
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            out.append(value)
            value = 0
        i += 1
    return out


def texts(conn: sqlite3.Connection, ids: list[int]) -> list[tuple[int, str, str]]:
    """The folded title and text of each document."""
    return conn.execute(
        "SELECT id, title_folded, text_folded FROM document_texts"
        " WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(ids),),
    ).fetchall()


def filtered_window(
    conn: sqlite3.Connection, terms: list[QueryTerm], where: str, params: list, size: int
) -> list[tuple[int, str, str]]:
    """The newest `size` documents passing `where` that hold every term, read from the
    documents the filters select, newest first, each checked for the words (as FTS5 would
    match them: each term whole in the title or the text): for filters narrower than words
    found nearly everywhere."""
    patterns = [term_pattern([t]) for t in terms]
    found: list[tuple[int, str, str]] = []
    ids = conn.execute(  # stepped through only as far as needed; texts read in chunks
        f"SELECT d.id FROM documents d WHERE 1{where} ORDER BY d.id DESC", params
    )
    while len(found) < size:
        chunk = [row[0] for row in ids.fetchmany(64)]
        if not chunk:
            break
        for document_id, title, text in sorted(texts(conn, chunk), key=lambda r: -r[0]):
            if all(p.search(title or "") or p.search(text or "") for p in patterns):
                found.append((document_id, title, text))
    ids.close()
    return found[:size]


def filters_narrower(conn: sqlite3.Connection, where: str, params: list, counts: list[int]) -> bool:
    """Whether the filters pass fewer documents than hold the rarest term, as seen on the
    newest `SAMPLE` documents."""
    top = conn.execute("SELECT max(id) FROM documents").fetchone()[0] or 0
    passed = conn.execute(
        f"SELECT count(*) FROM documents d WHERE d.id > ?{where}", [top - SAMPLE, *params]
    ).fetchone()[0]
    total, _ = _averages(conn)
    return passed / min(SAMPLE, max(top, 1)) < min(counts) / max(total, 1)


def score_window(
    conn: sqlite3.Connection,
    terms: list[QueryTerm],
    counts: list[int],
    docs: list[tuple[int, str, str]],
) -> list[tuple[int, float]]:
    """The documents `docs` (id, folded title and text) with their bm25 score (higher
    better), best first."""
    if not docs:
        return []
    total, mean = _averages(conn)
    phrases = [(term_pattern([t]), n) for t, n in zip(terms, counts, strict=True)]
    if len(terms) > 1 and all(len(t.words) == 1 and not t.prefix for t in terms):
        together = QueryTerm(tuple(t.words[0] for t in terms))
        phrases.append((term_pattern([together]), min(counts)))  # as FTS5's `OR "a b"`
    idf = [max(math.log((total - n + 0.5) / (n + 0.5)), 1e-6) for _, n in phrases]
    sizes = {
        row[0]: sum(_varints(row[1]))
        for row in conn.execute(
            "SELECT id, sz FROM documents_fts_docsize WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps([d[0] for d in docs]),),
        )
    }
    scored = []
    for document_id, title, text in docs:
        norm = _K1 * (1 - _B + _B * sizes.get(document_id, mean) / mean)
        score = 0.0
        for (pattern, _), weight in zip(phrases, idf, strict=True):
            f = _WEIGHTS[0] * len(pattern.findall(title or "")) + _WEIGHTS[1] * len(
                pattern.findall(text or "")
            )
            score += weight * f * (_K1 + 1) / (f + norm)
        scored.append((document_id, score))
    scored.sort(key=lambda pair: (-pair[1], -pair[0]))
    return scored


__all__ = [
    "CITE_DEPTH",
    "FILTERED_WINDOW",
    "FREQUENT",
    "WINDOW",
    "filtered_window",
    "filters_narrower",
    "frequencies",
    "score_window",
    "texts",
    "top_citing",
]
