"""OCR through Tesseract for images and for PDF pages that have no text layer.

Uses the `tesseract` program with its Vietnamese model (Debian: `tesseract-ocr`,
`tesseract-ocr-vie`), word confidences from its TSV output. A `Document` read this way has
`metadata["ocr"] = True` and the mean word confidence (0-100): OCR text is a draft, e.g.
"Quyết định số 42/QĐ-CA" may come back as "Quyết định số 42/QÐ-CA".
"""

from __future__ import annotations

import csv
import functools
import io
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

from corpus.document import Document, ReadError

OCR_LANGUAGE = "vie"
OCR_DPI = 300
OCR_TIMEOUT = 300  # seconds per image or page
_BLANK_INK = 200  # a page whose darkest pixel is lighter than this has no print on it
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie"


class OcrUnavailable(RuntimeError):
    """Tesseract or its Vietnamese model is not installed."""


@functools.cache
def _tesseract() -> tuple[str, str]:
    """Path and version of a Tesseract that has the Vietnamese model; else OcrUnavailable."""
    path = shutil.which("tesseract")
    if path is None:
        raise OcrUnavailable(f"OCR needs Tesseract ({INSTALL_HINT})")
    langs = subprocess.run(
        [path, "--list-langs"], capture_output=True, text=True, timeout=60, check=False
    )
    if OCR_LANGUAGE not in (langs.stdout + langs.stderr).split():
        raise OcrUnavailable(f"Tesseract has no Vietnamese model ({INSTALL_HINT})")
    version = subprocess.run(
        [path, "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    first = (version.stdout or version.stderr).splitlines()
    return path, first[0].strip() if first else "tesseract"


def ocr_available() -> bool:
    try:
        _tesseract()
    except OcrUnavailable:
        return False
    return True


def tsv_to_text(tsv: str) -> tuple[str, float | None]:
    """Tesseract TSV -> text (a line per OCR line, paragraphs kept) and mean word confidence."""
    lines: dict[tuple, list[str]] = {}
    confidences: list[float] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        word = (row.get("text") or "").strip()
        if row.get("level") != "5" or not word:
            continue
        key = tuple(int(row[k]) for k in ("page_num", "block_num", "par_num", "line_num"))
        lines.setdefault(key, []).append(word)
        conf = float(row["conf"])
        if conf >= 0:
            confidences.append(conf)
    text = "\n".join(" ".join(words) for _key, words in sorted(lines.items()))
    mean = round(sum(confidences) / len(confidences), 1) if confidences else None
    return unicodedata.normalize("NFC", text), mean


def ocr_file(image: str | Path) -> tuple[str, float | None]:
    """OCR one image file (multi-page TIFF included) -> (text, mean word confidence)."""
    path, _version = _tesseract()
    result = subprocess.run(
        [path, str(image), "stdout", "-l", OCR_LANGUAGE, "--dpi", str(OCR_DPI), "tsv"],
        capture_output=True,
        timeout=OCR_TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise ValueError(message[-1] if message else f"tesseract exit {result.returncode}")
    return tsv_to_text(result.stdout.decode("utf-8"))


def ocr_pdf_pages(path: str | Path, indexes: list[int]) -> dict[int, tuple[str, float | None]]:
    """OCR the given 0-based pages of a PDF, rendered at OCR_DPI with pypdfium2; blank
    pages are skipped and left out of the result."""
    import pypdfium2 as pdfium

    _tesseract()
    results: dict[int, tuple[str, float | None]] = {}
    pdf = pdfium.PdfDocument(str(path))
    try:
        with tempfile.TemporaryDirectory(prefix="vnpolicy-ocr-") as tmp:
            for index in indexes:
                image = pdf[index].render(scale=OCR_DPI / 72).to_pil()
                if image.convert("L").getextrema()[0] > _BLANK_INK:
                    continue  # a blank page: nothing to read
                png = Path(tmp) / f"page-{index + 1}.png"
                image.save(png)
                results[index] = ocr_file(png)
    finally:
        pdf.close()
    return results


def read_image(path: str | Path) -> Document:
    """Read a scanned page (.png, .jpg, .tif) by OCR; `metadata["ocr"]` is True."""
    path = Path(path)
    if path.stat().st_size == 0:
        raise ReadError(path, "empty document")
    try:
        _tesseract_path, version = _tesseract()
    except OcrUnavailable as err:
        raise ReadError(path, str(err)) from None
    try:
        text, confidence = ocr_file(path)
    except subprocess.TimeoutExpired:
        raise ReadError(path, f"OCR took over {OCR_TIMEOUT}s") from None
    except ValueError as err:
        raise ReadError(path, f"cannot read image ({err})") from None
    if not text.strip():
        raise ReadError(path, "no text found in the image")
    return Document(
        source=str(path),
        format="image",
        text=text,
        metadata={
            "ocr": True,
            "ocr_confidence": confidence,
            "ocr_engine": version,
            "ocr_language": OCR_LANGUAGE,
        },
        warnings=["text read by OCR; check it"],
    )
