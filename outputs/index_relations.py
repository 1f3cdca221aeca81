"""What the archive says of one document: which documents replace, repeal, amend, guide or
carry it out (and what it does to others), read from the index's `relations` table.

A relation is keyed by `document_id_key` of its source and target (a name without a number
by its folded words, "name:luat dat dai"); a NULL source is the indexed document itself,
whose number its header did not give.

>>> relation_key("21-NQ/TƯ"), relation_key("Luật Đất đai")
('21nqtw', 'name:luat dat dai')
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from vnpolicy.outputs.index_text import name_key, reference_key


def relation_key(label: str | None) -> str | None:
    """The key of a relation's source or target: its number's, else its name's."""
    if not label:
        return None
    key = reference_key(label)
    if key:
        return key
    words = name_key(label)
    return f"name:{words}" if words else None


@dataclass
class RelationRow:
    """One relation the archive holds, with the document that states it."""

    type: str
    source: str | None  # the acting document's id (or the stating file when unnumbered)
    target: str | None
    scope: str | None  # the articles or appendices concerned; None: the whole document
    effective: str | None  # the date stated for it
    stated_in: str  # the indexed file that states it
    stated_in_id: str | None
    date: str | None  # the acting document's date, when the archive knows it


#: Relations that end a document's force, whole or in the articles of their scope.
ENDING_TYPES = ("thay thế", "bãi bỏ", "hết hiệu lực")
IN_FORCE = "còn hiệu lực theo lưu trữ"


@dataclass
class DocumentStatus:
    """A document as the archive knows it: its own header when indexed, and its relations."""

    id: str
    key: str
    doc_type: str | None = None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    indexed_as: list[str] = field(default_factory=list)
    cited_in: int = 0  # indexed documents that cite it
    acted_on_by: list[RelationRow] = field(default_factory=list)  # it is the target
    acts_on: list[RelationRow] = field(default_factory=list)  # it is the source

    @property
    def known(self) -> bool:
        return bool(self.indexed_as or self.cited_in or self.acted_on_by or self.acts_on)

    def standing(self) -> tuple[str, list[RelationRow]]:
        """Its force as the archive states it, in Vietnamese, with the relations that say so:
        "hết hiệu lực" (replaced, repealed or ended whole), "hết hiệu lực một phần", "bị đình
        chỉ thi hành", else "còn hiệu lực theo lưu trữ" (with the amending ones, if any)."""
        ended = [r for r in self.acted_on_by if r.type in ENDING_TYPES]
        suspended = [r for r in self.acted_on_by if r.type == "đình chỉ"]
        amended = [r for r in self.acted_on_by if r.type == "sửa đổi, bổ sung"]
        if any(not r.scope for r in ended):
            return "hết hiệu lực", ended + suspended
        if ended:
            return "hết hiệu lực một phần", ended + suspended
        if suspended:
            return "bị đình chỉ thi hành", suspended
        return IN_FORCE, amended


def _own_documents(conn: sqlite3.Connection, key: str) -> list[sqlite3.Row]:
    number = key.split("/", 1)[0].rstrip("abcdefghijklmnopqrstuvwxyz")
    rows = conn.execute(
        "SELECT id, source, doc_id, doc_type, date, issuer, title FROM documents"
        " WHERE doc_id LIKE ? OR doc_id LIKE ?",
        (f"{number}%", f"0{number}%"),
    ).fetchall()
    return [r for r in rows if reference_key(r["doc_id"]) == key]


def _dates(conn: sqlite3.Connection, keys: set[str]) -> dict[str, str]:
    """The date of each id: its own header's when indexed, else the first citation's."""
    out: dict[str, str] = {}
    for key in keys:
        for row in _own_documents(conn, key):
            if row["date"]:
                out[key] = row["date"]
                break
        else:
            row = conn.execute(
                "SELECT date FROM refs WHERE id_key = ? AND date IS NOT NULL LIMIT 1", (key,)
            ).fetchone()
            if row:
                out[key] = row[0]
    return out


def _from_citations(conn: sqlite3.Connection, key: str, status: DocumentStatus, fill: bool) -> None:
    """How many documents cite it, by number or by a name resolved to it (as `vnpolicy refs`
    counts); with `fill`, its type, date, issuer and title from the fullest citation (the
    archive holds no copy of its own)."""
    if key.startswith("name:"):
        return
    rows = conn.execute(
        "SELECT document_id, ref_id, doc_type, date, issuer, title FROM refs"
        " WHERE id_key = ? OR (id_key IS NULL AND resolved_key = ?)",
        (key, key),
    ).fetchall()
    status.cited_in = len({r["document_id"] for r in rows})
    if fill and rows:
        best = max(
            rows, key=lambda r: sum(bool(r[k]) for k in ("doc_type", "date", "issuer", "title"))
        )
        status.id = best["ref_id"] or status.id
        status.doc_type, status.date = best["doc_type"], best["date"]
        status.issuer, status.title = best["issuer"], best["title"]


def _rows(conn: sqlite3.Connection, column: str, keys: list[str]) -> list[sqlite3.Row]:
    marks = ",".join("?" * len(keys))
    return conn.execute(
        "SELECT r.type, r.source, r.target, r.source_key, r.target_key, r.extra, d.source AS"
        " file, d.doc_id, d.date AS file_date FROM relations r JOIN documents d ON d.id ="
        f" r.document_id WHERE r.{column} IN ({marks}) ORDER BY d.date, d.source, r.position",
        keys,
    ).fetchall()


def document_status(conn: sqlite3.Connection, ref: str) -> DocumentStatus:
    """What the index behind `conn` says of the document `ref` ("30/2020/NĐ-CP" in any
    spelling); relations stated by an unnumbered document count as its own file's."""
    conn.row_factory = sqlite3.Row
    key = relation_key(ref) or ""
    status = DocumentStatus(id=ref, key=key)
    own = _own_documents(conn, key) if not key.startswith("name:") else []
    for row in own:
        status.indexed_as.append(row["source"])
        status.doc_type = status.doc_type or row["doc_type"]
        status.date = status.date or row["date"]
        status.issuer = status.issuer or row["issuer"]
        status.title = status.title or row["title"]
        status.id = row["doc_id"] or status.id
    _from_citations(conn, key, status, fill=not own)
    files = [row["source"] for row in own]
    incoming = _rows(conn, "target_key", [key])
    outgoing = _rows(conn, "source_key", [key])
    if files:  # what an own copy states of others, with its number unknown to that row
        marks = ",".join("?" * len(files))
        outgoing += conn.execute(
            "SELECT r.type, r.source, r.target, r.source_key, r.target_key, r.extra, d.source"
            " AS file, d.doc_id, d.date AS file_date FROM relations r JOIN documents d ON d.id"
            f" = r.document_id WHERE r.source_key IS NULL AND d.source IN ({marks})",
            files,
        ).fetchall()
    dates = _dates(
        conn,
        {r["source_key"] for r in incoming if r["source_key"]}
        | {r["target_key"] for r in outgoing if r["target_key"]},
    )
    seen: set[tuple] = set()
    for rows, bucket, other in (
        (incoming, status.acted_on_by, "source_key"),
        (outgoing, status.acts_on, "target_key"),
    ):
        for r in rows:
            extra = json.loads(r["extra"] or "{}")
            source = r["source"] or r["doc_id"] or r["file"]
            row = RelationRow(
                type=r["type"],
                source=source,
                target=r["target"],
                scope=extra.get("scope"),
                effective=extra.get("effective"),
                stated_in=r["file"],
                stated_in_id=r["doc_id"],
                date=dates.get(r[other]) if r[other] else r["file_date"],
            )
            if bucket is status.acted_on_by and r["source_key"] is None:
                row.date = r["file_date"]
            mark = (bucket is status.acts_on, row.type, row.source, row.target, row.scope)
            if mark not in seen:
                seen.add(mark)
                bucket.append(row)
    return status


__all__ = ["DocumentStatus", "RelationRow", "document_status", "relation_key"]
