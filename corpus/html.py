"""HTML pages: the article's main text (no menus, footers, counters) through trafilatura.

Each paragraph, heading or table row of the article becomes one line; the page's title,
date, author and site name go to `Document.title` / `metadata` ("Báo Quảng Trị", ...).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from corpus.document import Document, ReadError
from corpus.legacy_encodings import compose_nfd, repair_legacy_text

_METADATA_FIELDS = ("date", "author", "sitename", "url", "hostname", "description", "language")
_MIN_RECALL_WORDS = 15
_BLANK_LINES_RE = re.compile(r"\n\s*\n+")


def _only_links(data: bytes | str, text: str) -> bool:
    """Whether every extracted line is the text of a link: a menu, not an article."""
    import lxml.html

    lines = {" ".join(line.split()) for line in text.split("\n") if line.strip()}
    if not lines:
        return True
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    try:
        tree = lxml.html.fromstring(data)
    except Exception:  # e.g. a str with an XML encoding declaration
        return False
    links = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    return lines <= links


def extract_main_text(data: bytes | str) -> tuple[str, dict]:
    """Main text and metadata of an HTML page; empty text when nothing looks like content."""
    import trafilatura

    options = dict(
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
        # Dates from the page's markup only: a year in the title is not a publication date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    result = trafilatura.bare_extraction(data, **options)
    if result is None or not (result.text or "").strip():
        # Short pages fall under trafilatura's precision thresholds; retry favouring recall,
        # keeping what it finds only if it reads like prose rather than a menu.
        result = trafilatura.bare_extraction(data, favor_recall=True, **options)
        if result is not None and len((result.text or "").split()) < _MIN_RECALL_WORDS:
            result = None
    if result is None or _only_links(data, result.text or ""):
        return "", {}
    meta = {"title": result.title}
    meta.update({name: getattr(result, name, None) for name in _METADATA_FIELDS})
    return result.text or "", {k: v for k, v in meta.items() if v}


_SOFT_HYPHEN_STANDIN = "\ua730"  # a rare printable letter: survives extraction
_CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_html(data: bytes) -> str:
    """HTML bytes -> str: BOM, else UTF-8, else the declared charset, else Windows-1252."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET_RE.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")


def read_html(path: str | Path) -> Document:
    """Read an HTML page: `read_html("bai-viet.html").title` -> "Quảng Trị triển khai ..."."""
    path = Path(path)
    data = path.read_bytes()
    if not data.strip():
        raise ReadError(path, "empty document")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(path, "binary file, not HTML")
    # TCVN3 writes "ư" as a soft hyphen, which extractors delete: keep it through extraction.
    html = decode_html(data).replace("\xad", _SOFT_HYPHEN_STANDIN)
    html = re.sub(r"&(?:shy|#173|#[xX][aA][dD]);", _SOFT_HYPHEN_STANDIN, html)
    try:
        text, meta = extract_main_text(html)
    except Exception as err:  # lxml and trafilatura raise many kinds on malformed input
        raise ReadError(path, f"cannot parse HTML ({type(err).__name__}: {err})") from None
    text = _BLANK_LINES_RE.sub("\n", text.replace("\r\n", "\n")).strip()
    if not text:
        raise ReadError(path, "no main text found in the HTML page")
    warnings = []
    text = text.replace(_SOFT_HYPHEN_STANDIN, "\xad")
    repaired = repair_legacy_text(text)  # old sites set in .VnTime / VNI-Times fonts
    if repaired is not None:
        text, encoding = repaired
        meta["encoding"] = encoding
        warnings.append(f"converted from legacy Vietnamese encoding {encoding}")
    text = text.replace("\xad", "")  # real soft hyphens are invisible
    text, composed = compose_nfd(text)
    if composed:
        warnings.append("decomposed Unicode (NFD) composed to NFC")
    title = meta.pop("title", None)
    return Document(
        source=str(path), format="html", text=text, title=title, metadata=meta, warnings=warnings
    )
