"""PDF files: the text layer page by page (pdfplumber), cleaned of print furniture.

Pages are joined by "\\n" and `Document.pages` keeps each page's `(start, end)` in the text.
Layout: a band of a page set in two columns (a gutter no word crosses, prose on both
sides) is read column by column, left then right, each column cut again if it holds two
(`reading_boxes`); ruled tables are kept as data on `Document.tables`
(`vnpolicy.corpus.tables.Table`: rows of cells and, once the text is final, each cell's span
in it).
Cleaning (the last two steps are plain functions on strings, tested without a PDF):
- footnote reference marks are dropped where a footnote of that number sits on the page
  ("ÁN LỆ SỐ 43/2021/AL¹" reads "ÁN LỆ SỐ 43/2021/AL", not "43/2021/AL1"); "m²" stays "m2";
- running headers and footers repeated across pages ("CÔNG BÁO/Số 1257 + 1258/Ngày
  29-11-2023") and bare page numbers are dropped;
- document numbers broken across lines are rejoined ("63\\n/2025/QĐ-CTUBND").
Pages without a text layer (scans), and pages whose glyphs have no Unicode ("(cid:12)"
codes for a font without a ToUnicode map), go to OCR when Tesseract is installed.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from statistics import median

from vnpolicy.corpus.document import Document, ReadError
from vnpolicy.corpus.legacy_encodings import compose_nfd, convert_legacy, repair_legacy_text
from vnpolicy.corpus.tables import Table, locate_cells

# --- footnote reference marks ---------------------------------------------------------------

_SUPERSCRIPT_RATIO = 0.8  # a mark is set in at most 80% of the line's body size ...
_RAISE = 0.15  # ... with its baseline raised by at least 15% of the body size


def _raised_digit_runs(line_chars: list[dict]) -> list[tuple[int, int]]:
    """Index ranges of runs of small raised digits in one text line (chars in x order)."""
    sizes = [c["size"] for c in line_chars if c["text"].strip()]
    if not sizes:
        return []
    body = median(sizes)
    body_chars = [c for c in line_chars if c["text"].strip() and c["size"] >= 0.9 * body]
    if not body_chars:
        return []
    baseline = median(c["bottom"] for c in body_chars)
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(line_chars):
        c = line_chars[i]
        if (
            c["text"].isdigit()
            and c["size"] <= _SUPERSCRIPT_RATIO * body
            and c["bottom"] <= baseline - _RAISE * body
        ):
            j = i
            while (
                j + 1 < len(line_chars)
                and line_chars[j + 1]["text"].isdigit()
                and (line_chars[j + 1]["size"] <= _SUPERSCRIPT_RATIO * body)
            ):
                j += 1
            runs.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return runs


def footnote_reference_chars(page) -> set[int]:
    """`id()`s of the chars of footnote reference marks on a pdfplumber page.

    A footnote is a line starting with a small raised number ("¹ Án lệ này do Vụ Pháp chế
    ... đề xuất."); a small raised number after text elsewhere on the page with the same
    value is its reference mark. Raised numbers with no footnote ("m²") are kept.
    """
    chars = page.chars
    sizes = [c["size"] for c in chars if c["text"].strip()]
    if not sizes:
        return set()
    small = _SUPERSCRIPT_RATIO * max(sizes)
    if not any(c["text"].isdigit() and c["size"] <= small for c in chars):
        return set()  # no small digits at all: skip the line layout
    footnotes: set[str] = set()
    references: list[tuple[str, list[dict]]] = []
    for line in page.extract_text_lines(return_chars=True, strip=False):
        chars = sorted(line["chars"], key=lambda c: c["x0"])
        first = next((k for k, c in enumerate(chars) if c["text"].strip()), None)
        for start, end in _raised_digit_runs(chars):
            number = "".join(c["text"] for c in chars[start:end])
            if start == first:
                footnotes.add(number)
            elif start > 0 and chars[start - 1]["text"] not in "m":
                references.append((number, chars[start:end]))
    return {id(c) for number, run in references if number in footnotes for c in run}


# --- running headers, footers and page numbers -----------------------------------------------

_EDGE_LINES = 2  # lines at the top and the bottom of a page where furniture sits
_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:-\s*)?(?:[Tt]rang\s+)?(\d{1,4})(?:\s*/\s*\d{1,4})?(?:\s*-)?\s*$"
)
_EDGE_NUMBER_RE = re.compile(r"^\d{1,4}\s+|\s+\d{1,4}$")


def _shape(line: str) -> str:
    """A line as compared across pages: a page number at either end masked."""
    return _EDGE_NUMBER_RE.sub("", " ".join(line.split())).casefold()


def _edge_indexes(lines: list[str]) -> list[int]:
    filled = [k for k, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]))


def drop_running_lines(pages: list[str]) -> tuple[list[str], list[str]]:
    """Drop running headers/footers and page numbers from each page's text.

    A header or footer is a line at a page's top or bottom that comes back (a page number
    at its start or end aside) at the edge of at least two pages and more than half of them:
    "CÔNG BÁO/Số 1257 + 1258/Ngày 29-11-2023". A page number is a bare number at the edge
    whose difference to the page index is the same on most pages ("1", "- 2 -", "Trang 3").
    Returns the pages and the distinct lines dropped.
    """
    split = [page.split("\n") for page in pages]
    edge_shapes: Counter[str] = Counter()
    numbers: list[tuple[int, int, int]] = []  # (page, line, number - page index)
    for p, lines in enumerate(split):
        seen: set[str] = set()
        for k in _edge_indexes(lines):
            m = _PAGE_NUMBER_RE.match(lines[k])
            if m:
                numbers.append((p, k, int(m.group(1)) - p))
                continue
            shape = _shape(lines[k])
            if len(shape) <= 150 and any(ch.isalpha() for ch in shape) and shape not in seen:
                seen.add(shape)
                edge_shapes[shape] += 1
    needed = max(2, len(pages) // 2 + 1)
    running = {shape for shape, count in edge_shapes.items() if count >= needed}
    drop: set[tuple[int, int]] = set()
    offsets = Counter(offset for _p, _k, offset in numbers)
    if offsets:
        offset, count = offsets.most_common(1)[0]
        if count >= 2 or len(pages) == 1:
            drop.update((p, k) for p, k, o in numbers if o == offset)
    dropped: list[str] = []
    out: list[str] = []
    for p, lines in enumerate(split):
        kept = []
        for k, line in enumerate(lines):
            is_edge = k in _edge_indexes(lines)
            if (p, k) in drop or (is_edge and _shape(line) in running):
                if line.strip() and line.strip() not in dropped:
                    dropped.append(line.strip())
                continue
            kept.append(line)
        out.append("\n".join(kept))
    return out, dropped


# --- document numbers broken across lines ----------------------------------------------------

_BROKEN_NUMBER_RES = (
    # "số 63" / "/2025/QĐ-CTUBND"
    re.compile(r"(\d)[ \t]*\n[ \t]*(/[\dA-ZĐ])"),
    # "số 63/" / "2025/QĐ-CTUBND", "ngày 12/" / "3/2021"
    re.compile(r"(\d/)[ \t]*\n[ \t]*([\dA-ZĐ])"),
    # "63/2025/QĐ" / "-CTUBND" and "63/2025/QĐ-" / "CTUBND"
    re.compile(r"(\d/[A-ZĐ][A-ZĐ\d]*)[ \t]*\n[ \t]*(-[A-ZĐ])"),
    re.compile(r"(\d/[A-ZĐ][A-ZĐ\d-]*-)[ \t]*\n[ \t]*([A-ZĐ])"),
    # "Chỉ thị số 05-" / "CT/TW"
    re.compile(r"(\b\d{1,4}-)[ \t]*\n[ \t]*([A-ZĐ]{1,8}/)"),
)


def rejoin_broken_numbers(text: str) -> str:
    """Rejoin a document number that a line break cut: "Quyết định số 63\\n/2025/QĐ-CTUBND"
    -> "Quyết định số 63/2025/QĐ-CTUBND". Ordinary line breaks stay."""
    for pattern in _BROKEN_NUMBER_RES:
        text = pattern.sub(r"\1\2", text)
    return text


# --- two text columns ------------------------------------------------------------------------

_LINE_TOLERANCE = 3.0  # points: words whose tops differ by less sit on one line
_MIN_GUTTER = 6.0  # points of white between two columns
_MIN_SPLIT_LINES = 6  # lines of text on each side of the gutter: a few header lines
# ("TỈNH ỦY QUẢNG TRỊ | ĐẢNG CỘNG SẢN VIỆT NAM") are not a column layout
_MIN_SIDE_WORDS = 3.0  # mean words per line on each side: prose, not a column of figures
_MIN_ALPHA_SHARE = 0.7  # share of words with a letter on each side: prose, not numbers
_MIN_SIDE_WIDTH = 0.2  # each column spans at least this share of the page width
_GUTTER_ZONE = (0.25, 0.75)  # where on the page a gutter may run


def _word_lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped into lines by their top, top to bottom; each line in x order."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and word["top"] - lines[-1][0]["top"] <= _LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _best_gutter(lines: list[list[dict]], width: float, left: float = 0.0) -> float | None:
    """The x in the middle of the page that most lines leave free with words on its left, and
    most with words on its right (the columns' lines need not be level); None when fewer
    than `_MIN_SPLIT_LINES` lines are on either side."""
    import numpy as np

    xs = left + np.arange(int(width) + 2, dtype=float)
    on_left = np.zeros(len(xs))
    on_right = np.zeros(len(xs))
    half = _MIN_GUTTER / 2
    for line in lines:
        free = np.ones(len(xs), dtype=bool)
        for word in line:
            free &= (xs < word["x0"] - half) | (xs > word["x1"] + half)
        on_left += free & (xs > line[0]["x1"] + half)
        on_right += free & (xs < line[-1]["x0"] - half)
    lo, hi = int(width * _GUTTER_ZONE[0]), int(width * _GUTTER_ZONE[1])
    zone = np.minimum(on_left, on_right)[lo : hi + 1]
    if not len(zone) or zone.max() < _MIN_SPLIT_LINES:
        return None
    best = np.flatnonzero(zone == zone.max())
    runs = np.split(best, np.flatnonzero(np.diff(best) > 1) + 1)  # widest band of the maximum
    run = max(runs, key=len)
    return float(left + lo + (run[0] + run[-1]) / 2)


def _is_prose_columns(lines: list[list[dict]], gutter: float, width: float) -> bool:
    """Do both sides of `gutter` read as prose columns over these lines?"""
    for side in (lambda w: w["x1"] < gutter, lambda w: w["x0"] > gutter):
        parts = [[w for w in line if side(w)] for line in lines]
        parts = [p for p in parts if p]
        words = [w for p in parts for w in p]
        if not words:
            return False
        alpha = sum(any(ch.isalpha() for ch in w["text"]) for w in words) / len(words)
        spread = max(w["x1"] for w in words) - min(w["x0"] for w in words)
        if (
            alpha < _MIN_ALPHA_SHARE
            or len(words) / len(parts) < _MIN_SIDE_WORDS
            or spread < _MIN_SIDE_WIDTH * width
        ):
            return False
    return True


def column_blocks(
    words: list[dict], width: float, left: float = 0.0
) -> list[tuple[float, float, float]]:
    """Bands of a page (or of the strip `left` .. `left + width`) set in two columns:
    `(top, bottom, gutter x)`, top to bottom.

    A gutter is a vertical strip in the middle of the page, at least `_MIN_GUTTER` wide, that
    no word crosses over a run of lines, with prose on both sides on at least
    `_MIN_SPLIT_LINES` of them. A headline across both columns ends a band.
    """
    lines = _word_lines(words)
    gutter = _best_gutter(lines, width, left)
    if gutter is None:
        return []
    half = _MIN_GUTTER / 2
    blocks: list[tuple[float, float, float]] = []
    run: list[list[dict]] = []

    def close() -> None:
        on_left = sum(ln[0]["x1"] < gutter - half for ln in run)
        on_right = sum(ln[-1]["x0"] > gutter + half for ln in run)
        if min(on_left, on_right) >= _MIN_SPLIT_LINES and _is_prose_columns(run, gutter, width):
            top = min(w["top"] for ln in run for w in ln)
            bottom = max(w["bottom"] for ln in run for w in ln)
            blocks.append((top, bottom, gutter))
        run.clear()

    for line in lines:
        if any(w["x0"] < gutter + half and w["x1"] > gutter - half for w in line):
            close()  # a line across the gutter: a headline or a one-column paragraph
        else:
            run.append(line)
    close()
    return blocks


_MAX_COLUMN_DEPTH = 3  # a column split again: three or four columns on a page


def _center(obj: dict) -> tuple[float, float]:
    return (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2


def reading_boxes(
    words: list[dict], box: tuple[float, float, float, float], depth: int = 0
) -> list[tuple[float, float, float, float]]:
    """The page (`box` = x0, top, x1, bottom) cut into boxes in reading order: a band in
    two columns gives its left column, then its right one, each cut again in turn (three
    columns are two, then two); the stretches between bands are read across."""
    x0, top, x1, bottom = box
    blocks = column_blocks(words, x1 - x0, x0) if depth < _MAX_COLUMN_DEPTH else []
    boxes = []
    y = top
    for block_top, block_bottom, gutter in blocks:
        upper, lower = block_top - 1, block_bottom + 1
        if upper > y:
            boxes.append((x0, y, x1, upper))
        inside = [w for w in words if upper <= _center(w)[1] < lower]
        for side in ((x0, upper, gutter, lower), (gutter, upper, x1, lower)):
            side_words = [w for w in inside if side[0] <= _center(w)[0] < side[2]]
            boxes.extend(reading_boxes(side_words, side, depth + 1))
        y = lower
    boxes.append((x0, y, x1, bottom))
    return boxes


def _reading_order_text(page) -> str:
    """A page's text, bands in two (or more) columns read column by column."""
    if not page.chars:
        return page.extract_text() or ""
    words = page.extract_words()
    left, right = float(page.bbox[0]), float(page.bbox[2])
    boxes = reading_boxes(words, (left, float("-inf"), right, float("inf")))
    if len(boxes) == 1:
        return page.extract_text() or ""
    inf = float("inf")  # the outer boxes take what lies beyond the page's edges too
    boxes = [
        (-inf if x0 == left else x0, top, inf if x1 == right else x1, bottom)
        for x0, top, x1, bottom in boxes
    ]

    def box_of(obj) -> int:
        x, y = _center(obj)
        for index, (x0, top, x1, bottom) in enumerate(boxes):
            if x0 <= x < x1 and top <= y < bottom:
                return index
        return len(boxes)

    owner = {id(c): box_of(c) for c in page.chars}
    texts = []
    for index in sorted(set(owner.values())):
        sub = page.filter(
            lambda o, k=index: o.get("object_type") != "char" or owner.get(id(o)) == k
        )
        text = sub.extract_text() or ""
        if text.strip():
            texts.append(text)
    return "\n".join(texts)


# --- glyphs without Unicode -----------------------------------------------------------------

_CID_RE = re.compile(r"\(cid:\d+\)")
_UNMAPPED_CHAR_RE = re.compile("[\ufffd\ue000-\uf8ff\U000f0000-\U0010fffd]")
# Share of a page's glyphs that have no Unicode above which its text layer is not read but
# OCR'd. Measured (each "(cid:NN)" one glyph): pages with a Unicode text layer 0-0.2% (the 12
# dev PDF pages, the sample directive, 53 pages of two Debian manuals: one symbol glyph); a
# page set in a font without ToUnicode under a mapped heading 95% (tests/test_ocr.py); a
# bulleted list whose bullets alone are unmapped 4%. The gap is wide; at a quarter of the
# glyphs lost most sentences are broken, and OCR is the better reading.
UNMAPPED_THRESHOLD = 0.25


def unmapped_share(text: str) -> float:
    """Share of the non-space glyphs of a page's text that have no Unicode: "(cid:NN)" codes
    (one glyph each), private-use and replacement characters. "(cid:3)(cid:17) Điều 12" -> 0.25.
    """
    cids = len(_CID_RE.findall(text))
    rest = _CID_RE.sub("", text)
    unmapped = cids + len(_UNMAPPED_CHAR_RE.findall(rest))
    total = cids + sum(not ch.isspace() for ch in rest)
    return unmapped / total if total else 0.0


def drop_unmapped(text: str, private_use: bool = False) -> str:
    """Drop "(cid:NN)" codes and replacement characters (and private-use characters too when
    `private_use`), and the lines left empty by it: "Điều 1(cid:3) Phạm vi" -> "Điều 1 Phạm vi";
    a glyph that cannot be read is left out rather than passed on as garbage."""
    lines = []
    for line in text.split("\n"):
        kept = _CID_RE.sub("", line).replace("\ufffd", "")
        if private_use:
            kept = _UNMAPPED_CHAR_RE.sub("", kept)
        if kept.strip() or not line.strip():
            lines.append(re.sub(r"[ \t]{2,}", " ", kept))
    return "\n".join(lines)


# --- reading ---------------------------------------------------------------------------------


def _open_error(err: Exception) -> str:
    # pdfplumber wraps pdfminer's exceptions: PdfminerException(PDFPasswordIncorrect())
    while err.args and isinstance(err.args[0], Exception):
        err = err.args[0]
    name = type(err).__name__
    message = str(err) or name
    if "Password" in name or "Encrypt" in name or "password" in message.lower():
        return "encrypted PDF (a password is needed to read it)"
    if name in ("PSEOF", "PDFSyntaxError") or "No /Root" in message or "EOF" in message:
        return f"broken PDF ({message})"
    return f"cannot open PDF ({name}: {message})"


def _page_tables(page, number: int) -> list[Table]:
    """The ruled tables of a page with two rows and two columns at least, as data."""
    tables = []
    for found in page.find_tables():
        rows = found.extract()
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2 and any(any(r) for r in rows):
            bbox = tuple(round(float(v), 2) for v in found.bbox)
            tables.append(Table(rows=rows, page=number, bbox=bbox))
    return tables


def extract_layout(path: str | Path) -> tuple[list[str], list[Table]]:
    """Text of each page in reading order (two-column bands column by column), footnote
    reference marks dropped, and the ruled tables of every page (cells not yet located)."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
    except Exception as err:  # pdfminer raises many kinds for broken files
        raise ReadError(path, _open_error(err)) from None
    with pdf:
        try:
            if not pdf.pages:
                raise ReadError(path, "PDF has no pages")
            texts: list[str] = []
            tables: list[Table] = []
            for number, page in enumerate(pdf.pages, 1):
                marks = footnote_reference_chars(page)
                if marks:
                    page = page.filter(lambda obj, marks=marks: id(obj) not in marks)
                texts.append(_reading_order_text(page))
                if page.chars:
                    tables.extend(_page_tables(page, number))
        except ReadError:
            raise
        except Exception as err:
            raise ReadError(path, _open_error(err)) from None
    return texts, tables


def extract_pages(path: str | Path) -> list[str]:
    """Text of each page in reading order, footnote reference marks dropped."""
    return extract_layout(path)[0]


def read_pdf(path: str | Path, ocr: bool = True) -> Document:
    """Read a PDF's text layer: `read_pdf("an-le-43.pdf").text.startswith("ÁN LỆ SỐ 43/2021/AL")`.

    Pages without text, and pages whose glyphs are mostly without Unicode (over
    `UNMAPPED_THRESHOLD` "(cid:NN)" codes), are read by OCR when `ocr` and Tesseract are
    available, each named in `warnings` and listed in `metadata["ocr_pages"]`; otherwise a
    PDF with no text at all is a `ReadError`, blank pages a warning, and the unmapped glyphs
    of a page are dropped with a warning that it could not be read.
    """
    path = Path(path)
    texts, tables = extract_layout(path)
    warnings: list[str] = []
    metadata: dict = {"page_count": len(texts)}
    blank = [i for i, t in enumerate(texts) if not t.strip()]
    unmapped = [
        i for i, t in enumerate(texts) if t.strip() and unmapped_share(t) > UNMAPPED_THRESHOLD
    ]
    texts = [t if i in unmapped else drop_unmapped(t) for i, t in enumerate(texts)]
    tables = [t for t in tables if t.page - 1 not in unmapped]  # cells of cid codes
    if blank or unmapped:
        texts, ocr_meta, ocr_warnings = _ocr_blank_pages(path, texts, blank, ocr, unmapped)
        metadata.update(ocr_meta)
        warnings.extend(ocr_warnings)
    if not any(t.strip() for t in texts):
        if unmapped and (any("tesseract" in w.lower() for w in warnings) or not ocr):
            raise ReadError(
                path, f"PDF has {_UNMAPPED_CAUSE}; install tesseract-ocr to read it by OCR"
            )
        if any("tesseract" in w.lower() for w in warnings) or not ocr:
            raise ReadError(
                path, "PDF has no text layer (a scan); install tesseract-ocr to read it"
            )
        raise ReadError(path, "PDF has no text: no text layer, and OCR found none")
    # PDFs printed from .VnTime / VNI-Times documents carry the legacy codes in their text.
    repaired = repair_legacy_text("\n".join(texts))
    if repaired is not None:
        encoding = repaired[1]
        texts = [convert_legacy(t, encoding) for t in texts]
        metadata["encoding"] = encoding
        warnings.append(f"converted from legacy Vietnamese encoding {encoding}")
    texts, dropped = drop_running_lines(texts)
    if dropped:
        metadata["dropped_lines"] = dropped[:20]
    texts = [rejoin_broken_numbers(compose_nfd(t)[0]) for t in texts]
    pages: list[tuple[int, int]] = []
    pos = 0
    for t in texts:
        pages.append((pos, pos + len(t)))
        pos += len(t) + 1
    text = "\n".join(texts)
    encoding = metadata.get("encoding")
    for table in tables:
        table.rows = [[_clean_cell(c, encoding) for c in row] for row in table.rows]
        table.cells = locate_cells(table.rows, text, *pages[table.page - 1])
    document = Document(
        source=str(path),
        format="pdf",
        text=text,
        pages=pages,
        metadata=metadata,
        warnings=warnings,
    )
    document.tables = tables
    return document


def _clean_cell(cell: str | None, encoding: str | None) -> str | None:
    """A table cell read like the page text: unmapped glyphs dropped, legacy fonts converted,
    NFD composed."""
    if cell is None:
        return None
    cell = drop_unmapped(cell)
    if encoding:
        cell = convert_legacy(cell, encoding)
    return compose_nfd(cell)[0]


_UNMAPPED_CAUSE = "no Unicode text layer ((cid:NN) glyphs)"


def _ocr_blank_pages(
    path: Path,
    texts: list[str],
    blank: list[int],
    ocr: bool,
    unmapped: list[int] | tuple[int, ...] = (),
) -> tuple[list[str], dict, list[str]]:
    """OCR the pages in `blank` (no text layer) and in `unmapped` (glyphs without Unicode);
    without Tesseract, warn, leave blank pages empty and drop the unmapped glyphs."""
    pages = ", ".join(str(i + 1) for i in blank[:10]) + ("..." if len(blank) > 10 else "")
    texts = list(texts)
    warnings: list[str] = []
    results: dict[int, tuple[str, float | None]] = {}
    reason = "OCR is turned off"
    if ocr:
        try:
            from vnpolicy.corpus.ocr import OcrUnavailable, ocr_pdf_pages
        except ImportError:
            reason = "OCR is not available"
        else:
            try:
                results = ocr_pdf_pages(path, sorted(set(blank) | set(unmapped)))
                reason = ""
            except OcrUnavailable as err:
                reason = str(err)
    if reason:
        if blank:
            detail = "" if reason == "OCR is turned off" else f" ({reason})"
            warnings.append(f"pages without a text layer left empty{detail}: {pages}")
        for index in unmapped:
            left = drop_unmapped(texts[index], private_use=True)
            texts[index] = left if left.strip() else ""
            warnings.append(
                f"page {index + 1}: {_UNMAPPED_CAUSE}, could not be read ({reason}); "
                "unmapped glyphs dropped"
            )
        return texts, {}, warnings
    confidences = []
    read = []
    for index in sorted(set(blank) | set(unmapped)):
        text, confidence = results.get(index, ("", None))
        if text.strip():
            texts[index] = text
            read.append(index + 1)
            if confidence is not None:
                confidences.append(confidence)
            if index in unmapped:
                warnings.append(f"page {index + 1}: {_UNMAPPED_CAUSE}, read by OCR")
        elif index in unmapped:
            texts[index] = drop_unmapped(texts[index], private_use=True)
            warnings.append(
                f"page {index + 1}: {_UNMAPPED_CAUSE}, and OCR found no text; "
                "unmapped glyphs dropped"
            )
    scanned = [n for n in read if n - 1 in blank]
    if scanned:
        shown = ", ".join(map(str, scanned[:10])) + ("..." if len(scanned) > 10 else "")
        warnings.insert(0, f"text of pages {shown} read by OCR; check it")
    elif blank:
        warnings.insert(0, f"pages without text: {pages}")
    if not read:
        return texts, {}, warnings
    meta = {
        "ocr": True,
        "ocr_pages": read,
        "ocr_confidence": round(sum(confidences) / len(confidences), 1) if confidences else None,
    }
    return texts, meta, warnings
