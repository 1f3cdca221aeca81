"""PDF files: the text layer page by page (pdfplumber), cleaned of print furniture.

Pages are joined by "\\n" and `Document.pages` keeps each page's `(start, end)` in the text.
Cleaning (the last two steps are plain functions on strings, tested without a PDF):
- footnote reference marks are dropped where a footnote of that number sits on the page
  ("ÁN LỆ SỐ 43/2021/AL¹" reads "ÁN LỆ SỐ 43/2021/AL", not "43/2021/AL1"); "m²" stays "m2";
- running headers and footers repeated across pages ("CÔNG BÁO/Số 1257 + 1258/Ngày
  29-11-2023") and bare page numbers are dropped;
- document numbers broken across lines are rejoined ("63\\n/2025/QĐ-CTUBND").
Pages without a text layer (scans) go to OCR when Tesseract is installed.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from statistics import median

from corpus.document import Document, ReadError
from corpus.legacy_encodings import compose_nfd, convert_legacy, repair_legacy_text

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


def extract_pages(path: str | Path) -> list[str]:
    """Text of each page as pdfplumber lays it out, footnote reference marks dropped."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
    except Exception as err:  # pdfminer raises many kinds for broken files
        raise ReadError(path, _open_error(err)) from None
    with pdf:
        try:
            if not pdf.pages:
                raise ReadError(path, "PDF has no pages")
            texts = []
            for page in pdf.pages:
                marks = footnote_reference_chars(page)
                if marks:
                    page = page.filter(lambda obj, marks=marks: id(obj) not in marks)
                texts.append(page.extract_text() or "")
        except ReadError:
            raise
        except Exception as err:
            raise ReadError(path, _open_error(err)) from None
    return texts


def read_pdf(path: str | Path, ocr: bool = True) -> Document:
    """Read a PDF's text layer: `read_pdf("an-le-43.pdf").text.startswith("ÁN LỆ SỐ 43/2021/AL")`.

    Pages without text are read by OCR when `ocr` and Tesseract are available; otherwise a
    PDF with no text at all is a `ReadError`, and a PDF with some blank pages a warning.
    """
    path = Path(path)
    texts = extract_pages(path)
    warnings: list[str] = []
    metadata: dict = {"page_count": len(texts)}
    blank = [i for i, t in enumerate(texts) if not t.strip()]
    if blank:
        texts, ocr_meta, ocr_warnings = _ocr_blank_pages(path, texts, blank, ocr)
        metadata.update(ocr_meta)
        warnings.extend(ocr_warnings)
    if not any(t.strip() for t in texts):
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
    return Document(
        source=str(path),
        format="pdf",
        text="\n".join(texts),
        pages=pages,
        metadata=metadata,
        warnings=warnings,
    )


def _ocr_blank_pages(
    path: Path, texts: list[str], blank: list[int], ocr: bool
) -> tuple[list[str], dict, list[str]]:
    """OCR the pages in `blank`; without Tesseract, warn and leave them empty."""
    pages = ", ".join(str(i + 1) for i in blank[:10]) + ("..." if len(blank) > 10 else "")
    if not ocr:
        return texts, {}, [f"pages without a text layer left empty: {pages}"]
    try:
        from corpus.ocr import OcrUnavailable, ocr_pdf_pages
    except ImportError:
        return texts, {}, [f"pages without a text layer left empty: {pages}"]
    try:
        results = ocr_pdf_pages(path, blank)
    except OcrUnavailable as err:
        return texts, {}, [f"pages without a text layer left empty ({err}): {pages}"]
    texts = list(texts)
    confidences = []
    read = []
    for index, (text, confidence) in sorted(results.items()):
        if text.strip():
            texts[index] = text
            read.append(index + 1)
            if confidence is not None:
                confidences.append(confidence)
    if not read:
        return texts, {}, [f"pages without text: {pages}"]
    meta = {
        "ocr": True,
        "ocr_pages": read,
        "ocr_confidence": round(sum(confidences) / len(confidences), 1) if confidences else None,
    }
    shown = ", ".join(map(str, read[:10])) + ("..." if len(read) > 10 else "")
    return texts, meta, [f"text of pages {shown} read by OCR; check it"]
