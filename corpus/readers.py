"""Pick a reader by file suffix: `read_document("ct05.pdf")` -> `Document(format="pdf", ...)`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vnpolicy.corpus.document import Document, ReadError


def _read_text(path: Path) -> Document:
    from vnpolicy.corpus.text import read_text

    return read_text(path)


def _read_html(path: Path) -> Document:
    from vnpolicy.corpus.html import read_html

    return read_html(path)


def _read_pdf(path: Path) -> Document:
    from vnpolicy.corpus.pdf import read_pdf

    return read_pdf(path)


def _read_docx(path: Path) -> Document:
    from vnpolicy.corpus.docx import read_docx

    return read_docx(path)


def _read_doc(path: Path) -> Document:
    from vnpolicy.corpus.docx import read_doc

    return read_doc(path)


def _read_image(path: Path) -> Document:
    from vnpolicy.corpus.ocr import read_image

    return read_image(path)


#: suffix -> reader; readers import their libraries lazily so a missing optional one
#: (python-docx, Tesseract) only matters for files that need it.
READERS: dict[str, Callable[[Path], Document]] = {
    ".txt": _read_text,
    ".text": _read_text,
    ".md": _read_text,
    ".html": _read_html,
    ".htm": _read_html,
    ".xhtml": _read_html,
    ".pdf": _read_pdf,
    ".docx": _read_docx,
    ".doc": _read_doc,
    ".png": _read_image,
    ".jpg": _read_image,
    ".jpeg": _read_image,
    ".tif": _read_image,
    ".tiff": _read_image,
}

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(READERS)


def read_document(path: str | Path) -> Document:
    """Read one file into a `Document`, choosing the reader by its suffix (case-insensitive).

    Raises `ReadError` naming the cause in one line: a missing file, an unsupported type,
    or whatever the format's reader found wrong ("empty document", "encrypted PDF", ...).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise ReadError(path, f"unsupported file type {suffix or '(no suffix)'}")
    if not path.exists():
        raise ReadError(path, "no such file")
    if path.is_dir():
        raise ReadError(path, "is a folder, not a file")
    try:
        return reader(path)
    except ReadError:
        raise
    except PermissionError:
        raise ReadError(path, "permission denied") from None
    except OSError as err:
        raise ReadError(path, f"cannot read: {err.strerror or err}") from None
