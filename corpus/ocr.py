"""OCR through Tesseract for images and for PDF pages that have no text layer.

Uses the `tesseract` program with its Vietnamese model (Debian: `tesseract-ocr`,
`tesseract-ocr-vie`), word confidences from its TSV output. A `Document` read this way has
`metadata["ocr"] = True` and the mean word confidence (0-100): OCR text is a draft, e.g.
"Quyết định số 42/QĐ-CA" may come back as "Quyết định số 42/QÐ-CA" (`repair_ocr_text` mends
the usual slips in document numbers). A page scanned sideways or upside down is turned
upright by Tesseract's orientation detection (`osd`, when installed), and a page a few degrees
askew is levelled (`estimate_skew`) before it is read.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

from vnpolicy.corpus.document import Document, ReadError

OCR_LANGUAGE = "vie"
OCR_DPI = 300
OCR_TIMEOUT = 300  # seconds per image or page
_BLANK_INK = 200  # a page whose darkest pixel is lighter than this has no print on it
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie"
# Below this mean word confidence a page may be sideways: ask OSD for its orientation. Measured
# on the dev PDF pages: upright 300 dpi pages read at 93-95, a page turned 90 degrees at 42.
_UPRIGHT_CONFIDENCE = 60.0
_OSD_MIN_CONFIDENCE = 1.0  # OSD's own orientation confidence below which its answer is noise


def _env() -> dict[str, str]:
    """Tesseract's environment: one OpenMP thread unless the caller set a limit. Measured on a
    busy two-core machine: a 300 dpi page in 1.5 s with one thread, 3-6 s with its default
    threads spinning against the other work (and batch reading runs pages in parallel anyway).
    """
    return {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}


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
    return repair_ocr_text(unicodedata.normalize("NFC", text)), mean


# Tesseract's usual slips in Vietnamese document numbers: the Icelandic eth for Đ (no
# Vietnamese word has it), and "0Đ" for "QĐ" (quyết định, Nghị định 30/2020/NĐ-CP Phụ lục III:
# a symbol is letters, so a zero before Đ is a misread Q).
_OCR_REPAIRS = (
    (re.compile("Ð"), "Đ"),
    (re.compile("ð"), "đ"),
    (re.compile(r"(?<=/)0Đ(?!\w)"), "QĐ"),
)


def repair_ocr_text(text: str) -> str:
    """Mend OCR slips in document numbers: "Quyết định số 42/0Đ-CA" -> "Quyết định số 42/QĐ-CA",
    "42/QÐ-CA" (eth) -> "42/QĐ-CA". Ordinary text is left as read."""
    for pattern, replacement in _OCR_REPAIRS:
        text = pattern.sub(replacement, text)
    return text


def _run_tesseract(image: str | Path) -> tuple[str, float | None]:
    path, _version = _tesseract()
    result = subprocess.run(
        [path, str(image), "stdout", "-l", OCR_LANGUAGE, "--dpi", str(OCR_DPI), "tsv"],
        capture_output=True,
        env=_env(),
        timeout=OCR_TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise ValueError(message[-1] if message else f"tesseract exit {result.returncode}")
    return tsv_to_text(result.stdout.decode("utf-8"))


@functools.cache
def osd_available() -> bool:
    """Is Tesseract's orientation and script detection model (`osd`) installed?"""
    try:
        path, _version = _tesseract()
    except OcrUnavailable:
        return False
    langs = subprocess.run(
        [path, "--list-langs"], capture_output=True, text=True, timeout=60, check=False
    )
    return "osd" in (langs.stdout + langs.stderr).split()


def page_rotation(image: str | Path) -> int:
    """Degrees (0, 90, 180, 270) to turn an image clockwise to set it upright, by Tesseract's
    orientation detection (`--psm 0`); 0 when OSD is missing, unsure or fails."""
    if not osd_available():
        return 0
    path, _version = _tesseract()
    result = subprocess.run(
        [path, str(image), "stdout", "--psm", "0", "--dpi", str(OCR_DPI)],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=OCR_TIMEOUT,
        check=False,
    )
    rotate = re.search(r"^Rotate:\s*(\d+)", result.stdout, re.M)
    confidence = re.search(r"^Orientation confidence:\s*([\d.]+)", result.stdout, re.M)
    if result.returncode != 0 or not rotate or not confidence:
        return 0
    if float(confidence.group(1)) < _OSD_MIN_CONFIDENCE:
        return 0
    return int(rotate.group(1)) % 360


_MAX_SKEW = 5.0  # degrees: the skew searched for, both ways
_SKEW_STEP = 0.25
_MIN_SKEW = 0.5  # below this Tesseract reads as well as after turning the page straight
_SKEW_SCALE = 4  # the skew is measured on the page shrunk this many times


def estimate_skew(image) -> float:
    """Degrees to turn a page counter-clockwise (PIL's `rotate`) to set its lines level.

    Projection profile: the page's ink summed row by row varies most from one row to the next
    when the lines of print are level. Measured need: turned 2-3 degrees clockwise, the dev
    PDF pages lose whole paragraphs to Tesseract's layout analysis (CER 0.35-0.72, against
    0.03 after this correction); counter-clockwise they read well either way.
    """
    import numpy as np

    small = image.convert("L").reduce(_SKEW_SCALE)
    ink = float((np.asarray(small) < 128).mean())
    if not 0.001 < ink < 0.5:
        return 0.0  # a blank page, or a dark photograph: no lines of print to level
    best, best_score = 0.0, -1.0
    steps = int(_MAX_SKEW / _SKEW_STEP)
    for k in range(-steps, steps + 1):
        angle = k * _SKEW_STEP
        turned = small.rotate(angle, fillcolor=255, resample=2) if angle else small
        rows = (np.asarray(turned, dtype=np.float32) < 128).sum(axis=1)
        score = float(np.square(np.diff(rows)).sum())
        if score > best_score:
            best, best_score = angle, score
    return best


def _prepared(image: Path, rotation: int, tmp: str) -> Path:
    """The image turned upright (`rotation` degrees clockwise, Tesseract's "Rotate") and its
    lines levelled; the image itself when it needs neither."""
    from PIL import Image

    with Image.open(image) as opened:
        page = opened.convert("L")
    if rotation:
        page = page.rotate(-rotation, expand=True)  # PIL turns counter-clockwise
    skew = estimate_skew(page)
    if abs(skew) >= _MIN_SKEW:
        page = page.rotate(skew, expand=True, fillcolor=255, resample=3)
    elif not rotation:
        return image
    out = Path(tmp) / f"upright-{rotation}.png"
    page.save(out)
    return out


def _image_shape(image: Path) -> tuple[int, int, int] | None:
    """(width, height, frames) of an image, None without Pillow or for an unreadable file."""
    try:
        from PIL import Image

        with Image.open(image) as opened:
            return opened.width, opened.height, getattr(opened, "n_frames", 1)
    except (ImportError, OSError):
        return None


def ocr_file(image: str | Path) -> tuple[str, float | None]:
    """OCR one image file (multi-page TIFF included) -> (text, mean word confidence).

    A single image is set upright and level first: a landscape image is asked for its
    orientation before reading (a portrait page scanned sideways is landscape), any other is
    asked when its first reading is poor (upside down), and the better reading is kept; a
    skew of a few degrees is measured and turned out (`estimate_skew`)."""
    image = Path(image)
    shape = _image_shape(image)
    if shape is None or shape[2] > 1:
        return _run_tesseract(image)
    width, height, _frames = shape
    with tempfile.TemporaryDirectory(prefix="vnpolicy-ocr-") as tmp:
        text = confidence = None
        if width <= height:
            text, confidence = _run_tesseract(_prepared(image, 0, tmp))
            if confidence is not None and confidence >= _UPRIGHT_CONFIDENCE:
                return text, confidence
        rotation = page_rotation(image)
        if text is None or rotation:
            text2, confidence2 = _run_tesseract(_prepared(image, rotation, tmp))
            if text is None or (confidence2 or 0) > (confidence or 0):
                return text2, confidence2
        return text, confidence


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
                image = pdf[index].render(scale=OCR_DPI / 72, grayscale=True).to_pil()
                image = image.convert("L")  # a smaller file, and Tesseract reads gray faster
                if image.getextrema()[0] > _BLANK_INK:
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
