"""The SQLite index's tables: documents, references with their mentions, units, statistics,
relations, and FTS5 indexes over folded shadow columns kept in step by triggers.

Folded columns (`title_folded`, `text_folded`, `names_folded`) hold `index_text.fold` of the
text: no tone or vowel marks, `đ` -> `d`, so "huyen uy" matches "Huyện uỷ" and "Huyện ủy".
"""

from __future__ import annotations

import sqlite3

# 2: ids keyed by `document_id_key` (TƯ = TW, never TU; "30/2020/NĐ-CP" -> "30/2020ndcp"),
#    named references resolved (`resolved_*` columns) and the titles the archive learned.
INDEX_SCHEMA_VERSION = "2"
_TOKENIZER = "unicode61 remove_diacritics 2"

# Titles with numbers the archive's documents state (`index_archive`): one row per document
# and fact, so a document's facts leave with it.
ARCHIVE_SCHEMA_SQL = """
CREATE TABLE archive_titles (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    title_key TEXT NOT NULL,    -- `title_key` of the name: "luật đất đai", "plenum:4:XII"
    folded_key TEXT,            -- the name's words without marks, for typed queries
    year TEXT,                  -- the year it was passed or signed (date, else number)
    id_key TEXT NOT NULL,       -- `document_id_key` of its number
    ref_id TEXT NOT NULL,       -- the number as written: "45/2013/QH13"
    date TEXT,
    doc_type_key TEXT,
    name TEXT,
    learned_from TEXT NOT NULL  -- 'header' (the document's own) or 'mention'
);
CREATE INDEX archive_titles_key ON archive_titles(title_key, id_key);
CREATE INDEX archive_titles_folded ON archive_titles(folded_key);
CREATE INDEX archive_titles_id ON archive_titles(id_key);
CREATE INDEX archive_titles_document ON archive_titles(document_id);
"""

SCHEMA_SQL = (
    f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- One slim row per document (filters and sorting read only these); the text apart.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    record_sha256 TEXT NOT NULL,
    has_text INTEGER NOT NULL,
    format TEXT,
    title TEXT,
    doc_type TEXT,
    doc_type_key TEXT,
    doc_id TEXT,
    date TEXT,              -- ISO: the header's date, else the page's publication date
    issuer TEXT,
    issuer_key TEXT,
    chars INTEGER,
    indexed_at TEXT NOT NULL
);
CREATE INDEX documents_sha256 ON documents(sha256);
CREATE INDEX documents_date ON documents(date);
CREATE INDEX documents_doc_type ON documents(doc_type_key, date);

CREATE TABLE document_texts (
    id INTEGER PRIMARY KEY, -- = documents.id
    text TEXT,              -- as read; NULL when it was not available at indexing time
    title_folded TEXT,
    text_folded TEXT,       -- the text folded, or what was extracted when there is no text
    extra TEXT              -- JSON: pipeline_version, self, pages, metadata, warnings
);
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title_folded, text_folded, content='document_texts', content_rowid='id',
    tokenize='{_TOKENIZER}'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON document_texts BEGIN
    INSERT INTO documents_fts(rowid, title_folded, text_folded)
    VALUES (new.id, new.title_folded, new.text_folded);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON document_texts BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title_folded, text_folded)
    VALUES ('delete', old.id, old.title_folded, old.text_folded);
END;

CREATE TABLE refs (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL,
    ref_id TEXT,
    id_key TEXT,            -- letters and digits only: "21nqtw"
    number_key TEXT,        -- the first number: "21"
    numbers TEXT,           -- all numbers, space-separated: "30 2020"
    letters TEXT,           -- symbol letter groups, folded: "nd cp"
    name TEXT,
    name_key TEXT,          -- folded words of the name, for unnumbered references
    doc_type TEXT,
    doc_type_key TEXT,
    number TEXT,
    symbol TEXT,
    date TEXT,
    issuer TEXT,
    issuer_code TEXT,
    term TEXT,
    title TEXT,
    text TEXT,
    char_start INTEGER,
    char_end INTEGER,
    page INTEGER,
    mention_count INTEGER NOT NULL,
    names_folded TEXT,
    title_key TEXT,         -- a named reference's title (`title_key`): "luật đất đai"
    edition_year TEXT,      -- the year its name states: "Luật Đất đai năm 2013" -> "2013"
    resolved_id TEXT,       -- the numbered document a named reference is (`resolved`)
    resolved_key TEXT,      -- its `document_id_key`
    resolved_date TEXT,
    resolved_by TEXT        -- 'text', 'registry' (from the record) or 'archive' (the index)
);
-- partial indexes: most references have a number, no name or resolution
CREATE INDEX refs_document ON refs(document_id);
CREATE INDEX refs_resolved_key ON refs(resolved_key) WHERE resolved_key IS NOT NULL;
CREATE INDEX refs_title_key ON refs(title_key) WHERE title_key IS NOT NULL;
CREATE INDEX refs_id_key ON refs(id_key, doc_type_key, document_id, mention_count)
    WHERE id_key IS NOT NULL;
CREATE INDEX refs_name_key ON refs(name_key) WHERE name_key IS NOT NULL;
-- Which documents cite which id, one row per id and document: a reference counts under its
-- number, or a named one under the number it was resolved to. A search by number reads the
-- most mentioning documents off `cites_rank` instead of adding up `refs` (`index_rank`).
CREATE TABLE cites (
    key TEXT NOT NULL,      -- `id_key`, else `resolved_key`
    document_id INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    refs INTEGER NOT NULL,  -- how many `refs` rows: the row goes with the last
    date TEXT NOT NULL,     -- the citing document's date, '' when unknown
    PRIMARY KEY (key, document_id)
) WITHOUT ROWID;
CREATE INDEX cites_rank ON cites(key, mentions DESC, date DESC, document_id);
CREATE TRIGGER refs_cites_insert AFTER INSERT ON refs
WHEN coalesce(new.id_key, new.resolved_key) IS NOT NULL BEGIN
    INSERT INTO cites VALUES (coalesce(new.id_key, new.resolved_key), new.document_id,
        new.mention_count, 1, (SELECT coalesce(date, '') FROM documents WHERE id = new.document_id))
    ON CONFLICT (key, document_id) DO UPDATE SET mentions = mentions + excluded.mentions,
        refs = refs + 1;
END;
CREATE TRIGGER refs_cites_delete AFTER DELETE ON refs
WHEN coalesce(old.id_key, old.resolved_key) IS NOT NULL BEGIN
    UPDATE cites SET mentions = mentions - old.mention_count, refs = refs - 1
    WHERE key = coalesce(old.id_key, old.resolved_key) AND document_id = old.document_id;
    DELETE FROM cites WHERE key = coalesce(old.id_key, old.resolved_key)
    AND document_id = old.document_id AND refs <= 0;
END;
CREATE TRIGGER refs_cites_update AFTER UPDATE OF id_key, resolved_key, mention_count ON refs
WHEN old.id_key IS NOT new.id_key OR old.resolved_key IS NOT new.resolved_key
    OR old.mention_count IS NOT new.mention_count BEGIN
    UPDATE cites SET mentions = mentions - old.mention_count, refs = refs - 1
    WHERE key = coalesce(old.id_key, old.resolved_key) AND document_id = old.document_id;
    DELETE FROM cites WHERE key = coalesce(old.id_key, old.resolved_key)
    AND document_id = old.document_id AND refs <= 0;
    INSERT INTO cites SELECT coalesce(new.id_key, new.resolved_key), new.document_id,
        new.mention_count, 1, (SELECT coalesce(date, '') FROM documents WHERE id = new.document_id)
    WHERE coalesce(new.id_key, new.resolved_key) IS NOT NULL
    ON CONFLICT (key, document_id) DO UPDATE SET mentions = mentions + excluded.mentions,
        refs = refs + 1;
END;
-- every distinct id once, to read a query like "nq 21/tw" against few rows
CREATE TABLE ref_keys (
    id_key TEXT PRIMARY KEY,
    number_key TEXT NOT NULL,
    numbers TEXT NOT NULL,
    letters TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX ref_keys_number_key ON ref_keys(number_key);
CREATE VIRTUAL TABLE refs_fts USING fts5(
    names_folded, content='refs', content_rowid='id', tokenize='{_TOKENIZER}'
);
CREATE TRIGGER refs_fts_insert AFTER INSERT ON refs BEGIN
    INSERT INTO refs_fts(rowid, names_folded) VALUES (new.id, new.names_folded);
END;
CREATE TRIGGER refs_fts_delete AFTER DELETE ON refs BEGIN
    INSERT INTO refs_fts(refs_fts, rowid, names_folded) VALUES ('delete', old.id, old.names_folded);
END;

CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    text TEXT,
    kind TEXT,
    parent TEXT,
    aliases TEXT,           -- JSON list
    char_start INTEGER,
    char_end INTEGER,
    page INTEGER,
    mention_count INTEGER NOT NULL,
    names_folded TEXT
);
CREATE INDEX units_document ON units(document_id);
CREATE VIRTUAL TABLE units_fts USING fts5(
    names_folded, content='units', content_rowid='id', tokenize='{_TOKENIZER}'
);
CREATE TRIGGER units_fts_insert AFTER INSERT ON units BEGIN
    INSERT INTO units_fts(rowid, names_folded) VALUES (new.id, new.names_folded);
END;
CREATE TRIGGER units_fts_delete AFTER DELETE ON units BEGIN
    INSERT INTO units_fts(units_fts, rowid, names_folded)
    VALUES ('delete', old.id, old.names_folded);
END;

CREATE TABLE statistics (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL,
    value REAL,
    max REAL,
    unit TEXT,
    kind TEXT,
    approximate INTEGER,
    bound TEXT,
    subject TEXT,
    period TEXT,
    sentence TEXT,
    text TEXT,
    char_start INTEGER,
    char_end INTEGER,
    page INTEGER,
    place TEXT,             -- the locality or body the figure is of; several joined by ', '
    year_first INTEGER,     -- `years` of the period: [2019, 2022] for "giai đoạn 2019 - 2022"
    year_last INTEGER,
    subject_key TEXT        -- `measure_key` of the subject: "tỷ lệ hộ nghèo" -> "ti le ho ngheo"
);
CREATE INDEX statistics_document ON statistics(document_id);
CREATE INDEX statistics_subject_key ON statistics(subject_key);

CREATE TABLE relations (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL,
    type TEXT NOT NULL,
    source TEXT,
    target TEXT,
    source_key TEXT,        -- document_id_key of source (or the name's key); NULL: this document
    target_key TEXT,
    extra TEXT              -- JSON: any other fields (scope, effective)
);
CREATE INDEX relations_document ON relations(document_id);
CREATE INDEX relations_target_key ON relations(target_key);
CREATE INDEX relations_source_key ON relations(source_key);

CREATE TABLE mentions (
    document_id INTEGER NOT NULL,
    kind TEXT NOT NULL,     -- 'reference' or 'unit'
    item_id INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    text TEXT,
    page INTEGER
);
CREATE INDEX mentions_document ON mentions(document_id);
"""
    + ARCHIVE_SCHEMA_SQL
)


def schema_statements(script: str) -> list[str]:
    """Split the schema into statements (a trigger's body holds `;` up to its `END;`)."""
    statements, current = [], []
    for line in script.splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            current = []
    return [s for s in statements if s.strip(" ;\n")]
