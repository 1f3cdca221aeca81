"""HTML pages: the article's main text (no menus, footers, counters) through trafilatura.

Each paragraph, heading or table row of the article becomes one line; the page's title,
date, author and site name go to `Document.title` / `metadata` ("Báo Quảng Trị", ...).
The text reads like the news texts of the evaluation set: the headline first, then the sapo
(the lead paragraph Vietnamese sites set apart: "QTO - Sáng 7/5, Ban Thường vụ Tỉnh ủy ..."),
then the body. Around trafilatura:
- a legal database page (vbpl.vn) holds the whole document in one content element: that
  element is read as it is, block by block and table cell by table cell, header and
  signature included, and nothing outside it;
- tables that lay out a page (portal columns, boxes) are unwrapped so trafilatura sees the
  article and its furniture apart; tables of data stay tables;
- a portal title ("Tin tức - Sự kiện") gives way to the article's own heading, and a date
  written in the page's date line ("Ngày đăng: 15/09/2023") is read when the markup has none.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from vnpolicy.corpus.document import Document, ReadError
from vnpolicy.corpus.legacy_encodings import compose_nfd, repair_legacy_text
from vnpolicy.corpus.tables import Table, locate_cells

#: The element that holds a legal document's full text on legal database sites
#: (vbpl.vn: `<div id="toanvancontent" data-vbpl-content-root>`).
CONTENT_ROOT_XPATH = (
    "//*[@data-vbpl-content-root]",
    "//*[@id='toanvancontent']",
)
#: class/id words of the sapo (lead) of Vietnamese news sites: "sapo", "detail-sapo",
#: "article__sapo", "chapeau", "lead", "summary", "tom-tat".
_SAPO_RE = re.compile(
    r"(?:^|[\s_-])(?:sapo|chapeau|lead|summary|tom-?tat|tomtat)(?:$|[\s_-])", re.I
)
#: class/id words of an article heading ("TitleDetail", "article-title", "tieu-de").
_HEADING_RE = re.compile(r"title|tieu-?de|tieude|headline", re.I)
#: class/id words of a page's date line, and the labels before its date.
_DATE_HOLDER_RE = re.compile(r"date|time|ngay|publish|meta", re.I)
_DATE_LINE_RE = re.compile(
    r"(?:ngày đăng|ngày xuất bản|đăng ngày|cập nhật(?: lúc)?|ngày cập nhật|ngày)?\s*:?\s*"
    r"(?:\d{1,2}:\d{2}\s*)?(?<!\d)(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?!\d)",
    re.I,
)
_BLOCK_TAGS = {
    "p", "div", "br", "tr", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table",
    "ul", "ol", "section", "article", "blockquote", "pre", "header", "footer", "dd", "dt",
}  # fmt: skip
_LAYOUT_INSIDE = ".//div|.//table|.//ul|.//ol|.//form|.//h1|.//h2|.//h3|.//section|.//nav"
_MIN_HEADING_WORDS = 5
#: Headings of the lists of links to other articles that sites put under an article.
RELATED_HEADINGS = {
    "tin liên quan", "bài liên quan", "bài viết liên quan", "tin cùng chuyên mục",
    "các tin khác", "tin khác", "các bài khác", "tin mới hơn", "tin cũ hơn", "tin đã đưa",
    "xem thêm", "đọc thêm", "cùng chủ đề", "tin mới nhất", "tin đọc nhiều", "tin nổi bật",
    "có thể bạn quan tâm", "bài đọc nhiều", "tin tiêu điểm",
}  # fmt: skip
_RELATED_CLASS_RE = re.compile(
    r"related|other-?news|tin-?khac|lien-?quan|cung-?chuyen-?muc|more-?news|tin-?moi", re.I
)
#: A date line alone: "Thứ Bảy, 07/10/2023 - 17:45", "07/10/2023 17:45 (GMT+7)".
_DATE_ONLY_RE = re.compile(
    r"^\s*(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật|cn)\s*,?\s*)?"
    r"(?:\d{1,2}:\d{2}\s*[-|,]?\s*)?\d{1,2}/\d{1,2}/\d{4}"
    r"(?:\s*[-|,]?\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*\(?GMT\s*\+\s*7\)?)?\s*$",
    re.I,
)
#: A line of page furniture: counters and the date line, "Ngày đăng: 15/09/2023 | Lượt xem:
#: 1.027", "Đang truy cập: 1.234"; every "|"-separated part is a label and figures.
_COUNTER_PART_RE = re.compile(
    r"^\s*(?:lượt xem|số lượt xem|lượt đọc|lượt truy cập|tổng lượt truy cập|tổng truy cập"
    r"|đang truy cập|đang online|đang trực tuyến|online|trực tuyến|hôm nay|hôm qua|tuần này"
    r"|tháng này|ngày đăng|đăng ngày|ngày cập nhật|cập nhật(?: lúc)?|ngày xuất bản|bình luận"
    r"|lượt thích|lượt chia sẻ|views?)\s*:?\s*[\d.,:/ -]*\s*$",
    re.I,
)

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


# --- the page's structure around trafilatura ------------------------------------------------


def _parse(html: str):
    import lxml.html

    try:
        return lxml.html.fromstring(html)
    except Exception:  # an XML declaration in a str, an empty body: leave it to trafilatura
        return None


def _words(element) -> str:
    return " ".join(element.text_content().split())


def block_text(element) -> str:
    """An element's text as lines: one per paragraph, heading, list item or table cell;
    `<br>` breaks a line. "<td><p>THỦ TƯỚNG</p></td><td>CỘNG HÒA ...</td>" gives two lines."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("script", "style", "noscript", "template"):
            if node.tail:
                current.append(node.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            flush()
        if node.text and tag:
            current.append(node.text)
        for child in node:
            walk(child)
        if block:
            flush()
        if node.tail:
            current.append(node.tail)

    walk(element)
    flush()
    return "\n".join(lines)


def _content_root(tree):
    """The element holding a legal document's full text, if the page has one."""
    for xpath in CONTENT_ROOT_XPATH:
        found = tree.xpath(xpath)
        if found and len(_words(found[0])) >= 200:
            return found[0]
    return None


def unwrap_layout_tables(tree) -> int:
    """Turn tables that lay out the page (cells holding boxes, lists, headings or other
    tables) into divs, so the article in one cell is told from the menus in the others.
    Tables of data (cells of text) stay. Returns how many were unwrapped."""
    count = 0
    for table in reversed(tree.xpath("//table")):  # inner tables first
        cells = table.xpath("./tr/td|./tr/th|./tbody/tr/td|./tbody/tr/th|./thead/tr/th")
        if not any(cell.xpath(_LAYOUT_INSIDE) for cell in cells):
            continue
        for node in table.xpath(".//tbody|.//thead|.//tfoot|.//tr|.//td|.//th"):
            if node.getparent() is not None and node.xpath("ancestor::table[1]")[0] is table:
                node.tag = "div"
                node.attrib.pop("width", None)
        table.tag = "div"
        count += 1
    return count


def _link_share(element) -> float:
    """Share of an element's text that is link text."""
    total = len(_words(element))
    linked = sum(len(_words(a)) for a in element.iter("a"))
    return linked / total if total else 0.0


def drop_related_lists(tree) -> int:
    """Remove lists of links to other articles ("Các tin khác", "Tin liên quan") that sit
    inside the article's container, where trafilatura would keep them. Returns how many."""
    doomed = []
    for element in tree.xpath("//*[@class or @id]"):
        if _RELATED_CLASS_RE.search(_class_and_id(element)) and _link_share(element) >= 0.5:
            doomed.append(element)
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("a", "body", "html"):
            continue
        own = " ".join((element.text or "").split()).rstrip(":").casefold()
        if own not in RELATED_HEADINGS or element.xpath("ancestor::a"):
            continue
        box = element.getparent()
        for _ in range(3):  # the box of links the heading opens
            if box is None or box.tag in ("body", "html"):
                break
            if _link_share(box) >= 0.5 and len(_words(box)) <= 1500:
                doomed.append(box)
                break
            box = box.getparent()
    count = 0
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
            count += 1
    return count


def table_rows(table) -> list[list[str | None]]:
    """A `<table>`'s cells as a grid, `rowspan`/`colspan` expanded: the covered places are
    None, as pdfplumber gives merged cells ("Năm" over "2022" and "2023": ["Năm", None])."""
    grid: dict[tuple[int, int], str | None] = {}
    rows = [tr for tr in table.iter("tr") if tr.xpath("ancestor::table[1]")[0] is table]
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            rowspan = _span(cell.get("rowspan"))
            colspan = _span(cell.get("colspan"))
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = None
            grid[(r, c)] = " ".join(block_text(cell).split())
            c += colspan
    if not grid:
        return []
    height = max(r for r, _ in grid) + 1
    width = max(c for _, c in grid) + 1
    return [[grid.get((r, c), "") for c in range(width)] for r in range(height)]


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 50))
    except ValueError:
        return 1


def page_tables(tree) -> list[Table]:
    """The data tables of a page (two rows and two columns at least), cells not located."""
    tables = []
    for element in tree.iter("table"):
        rows = table_rows(element)
        if len(rows) >= 2 and len(rows[0]) >= 2 and any(any(r) for r in rows):
            tables.append(Table(rows=rows))
    return tables


def _class_and_id(element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _sapo(tree, text: str) -> str | None:
    """The lead paragraph set apart by its class ("sapo", "chapeau", "lead"), when the
    extracted text left it out."""
    flat = " ".join(text.split())
    for element in tree.xpath("//*[@class or @id]"):
        if element.tag in ("meta", "body", "html") or not _SAPO_RE.search(_class_and_id(element)):
            continue
        words = _words(element)
        if len(words.split()) >= 8 and words not in flat:
            return words
    return None


_FURNITURE_ANCESTOR = "ancestor-or-self::header|ancestor-or-self::nav|ancestor-or-self::footer"


def _heading(tree) -> str | None:
    """The article's own heading: an `<h1>`, else a heading-classed element of some words;
    not a logo or a link ("<h1><a>Báo điện tử Đảng Cộng sản Việt Nam</a></h1>")."""
    candidates = tree.xpath("//h1")
    candidates += [
        e
        for e in tree.xpath("//*[@class or @id]")
        if e.tag not in ("meta", "body", "html", "a") and _HEADING_RE.search(_class_and_id(e))
    ]
    for element in candidates:
        words = _words(element)
        if (
            len(words.split()) >= _MIN_HEADING_WORDS
            and not element.xpath("ancestor-or-self::a")
            and _link_share(element) < 0.5
            and not element.xpath(_FURNITURE_ANCESTOR)
        ):
            return words
    return None


def _is_section_name(tree, title: str) -> bool:
    """Is `title` the name of a section or of the site, not of the article: a menu link
    ("Tin tức - Sự kiện"), or words of the page's header, navigation or footer?"""
    folded = " ".join(title.split()).casefold()
    if any(_words(a).casefold() == folded for a in tree.iter("a")):
        return True
    return any(folded in _words(e).casefold() for e in tree.xpath("//header|//nav|//footer"))


def _page_date(tree) -> str | None:
    """The date in a date line of the page ("Ngày đăng: 15/09/2023") as ISO, if any."""
    for element in tree.xpath("//*[@class or @id]"):
        if element.tag in ("body", "html") or not _DATE_HOLDER_RE.search(_class_and_id(element)):
            continue
        words = _words(element)
        if len(words) > 120:
            continue  # a container, not a date line
        m = _DATE_LINE_RE.search(words)
        if m:
            day, month, year = (int(g) for g in m.groups())
            if 1 <= day <= 31 and 1 <= month <= 12:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def is_counter_line(line: str) -> bool:
    """Page furniture in the text: "Ngày đăng: 15/09/2023 | Lượt xem: 1.027", a date line
    "Thứ Bảy, 07/10/2023 - 17:45"."""
    if _DATE_ONLY_RE.match(line):
        return True
    parts = [part for part in line.split("|") if part.strip()]
    return bool(parts) and len(line) <= 120 and all(_COUNTER_PART_RE.match(p) for p in parts)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def page_text(html: str) -> tuple[str, dict, list[str], list[Table]]:
    """Main text and metadata of a page, the lines to set before the text (the headline and
    the sapo when the text left them out) and the data tables (see the module doc)."""
    tree = _parse(html)
    if tree is None:
        return (*extract_main_text(html), [], [])
    root = _content_root(tree)
    if root is not None:
        _, meta = extract_main_text(html)
        return block_text(root), meta or {}, [], page_tables(root)
    date = _page_date(tree)
    if unwrap_layout_tables(tree) + drop_related_lists(tree):
        import lxml.html

        html = lxml.html.tostring(tree, encoding="unicode")
    text, meta = extract_main_text(html)
    if not text.strip():
        return text, meta, [], []
    text = "\n".join(line for line in text.split("\n") if not is_counter_line(line))
    heading = _heading(tree)
    title = meta.get("title")
    if heading and (not title or _is_section_name(tree, title)):
        meta["title"] = title = heading
    lead = []
    lines = [line for line in text.split("\n") if line.strip()]
    if title and not any(_same(title, line) for line in lines[:5]):
        lead.append(title)
    sapo = _sapo(tree, text)
    if sapo:
        lead.append(sapo)
    if "date" not in meta and date:
        meta["date"] = date
    return text, meta, lead, page_tables(tree)


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


def _repaired_line(line: str) -> str:
    """A headline or sapo line, converted on its own if it was set in a legacy font."""
    line = line.replace(_SOFT_HYPHEN_STANDIN, "\xad")
    repaired = repair_legacy_text(line)
    return repaired[0] if repaired is not None else line


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
        text, meta, lead, tables = page_text(html)
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
    lead = [_repaired_line(" ".join(line.split())) for line in lead]
    text = "\n".join([*lead, text])
    text = text.replace("\xad", "")  # real soft hyphens are invisible
    text, composed = compose_nfd(text)
    if composed:
        warnings.append("decomposed Unicode (NFD) composed to NFC")
    title = meta.pop("title", None)
    document = Document(
        source=str(path), format="html", text=text, title=title, metadata=meta, warnings=warnings
    )
    document.tables = _located(tables, text)
    return document


def _located(tables: list[Table], text: str) -> list[Table]:
    """The tables whose cells are found in the text (at least half of them), located; a
    table trafilatura left out of the article (a box of figures beside it) is dropped."""
    kept = []
    for table in tables:
        table.rows = [
            [compose_nfd(c.replace("\xad", ""))[0] if c else c for c in row] for row in table.rows
        ]
        table.cells = locate_cells(table.rows, text, 0, len(text))
        filled = sum(1 for row in table.rows for c in row if c)
        found = sum(1 for row in table.cells for s in row if s)
        if filled and found * 2 >= filled:
            kept.append(table)
    return kept
