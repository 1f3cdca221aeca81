"""Word files: `.docx` through python-docx, `.doc` converted by LibreOffice when present.

Body paragraphs and tables come in document order, one paragraph per line and one table
cell per line (merged cells once), so the header table of an official document reads
"ỦY BAN NHÂN DÂN\\nTỈNH QUẢNG TRỊ\\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\n...". Page headers
and footers are left out. Text typed in legacy fonts (.VnTime, VNI-Times) is converted.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from vnpolicy.corpus.document import Document, ReadError
from vnpolicy.corpus.legacy_encodings import compose_nfd, repair_legacy_text

DOCX_PACKAGE = "python-docx"
LIBREOFFICE_NAMES = ("libreoffice", "soffice")
CONVERT_TIMEOUT = 120  # seconds for LibreOffice to convert one .doc


def _blocks(container) -> Iterator[str]:
    """Lines of a document body or table cell, tables expanded cell by cell, in order."""
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            yield from _table_lines(item)
        else:
            yield item.text


def _table_lines(table) -> Iterator[str]:
    seen: set = set()  # the cells' XML elements, kept alive so identity holds
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:  # a merged cell is returned once per grid column
                continue
            seen.add(cell._tc)
            yield from _blocks(cell)


def read_docx(path: str | Path, source: str | Path | None = None, fmt: str = "docx") -> Document:
    """Read a .docx: `read_docx("ke-hoach.docx").text.splitlines()[0]` -> "TỈNH ỦY QUẢNG TRỊ"."""
    path = Path(path)
    shown = Path(source) if source is not None else path
    try:
        import docx
    except ImportError:
        raise ReadError(
            shown, f"reading .docx needs {DOCX_PACKAGE} (pip install python-docx)"
        ) from None
    if not zipfile.is_zipfile(path):
        raise ReadError(shown, "broken .docx (not a zip package)")
    try:
        document = docx.Document(str(path))
    except Exception as err:  # python-docx raises KeyError, ValueError, lxml errors ...
        raise ReadError(shown, f"broken .docx ({type(err).__name__}: {err})") from None
    lines = [line.rstrip() for line in _blocks(document)]
    text = "\n".join(line for line in lines if line.strip())
    if not text.strip():
        raise ReadError(shown, "empty document")
    warnings: list[str] = []
    metadata: dict = {}
    repaired = repair_legacy_text(text)
    if repaired is not None:
        text, encoding = repaired
        metadata["encoding"] = encoding
        warnings.append(f"converted from legacy Vietnamese encoding {encoding}")
    text, composed = compose_nfd(text)
    if composed:
        warnings.append("decomposed Unicode (NFD) composed to NFC")
    props = document.core_properties
    for key, value in (("author", props.author), ("created", props.created)):
        if value:
            metadata[key] = value.isoformat() if hasattr(value, "isoformat") else value
    return Document(
        source=str(shown),
        format=fmt,
        text=text,
        title=props.title or None,
        metadata=metadata,
        warnings=warnings,
    )


def find_libreoffice() -> str | None:
    for name in LIBREOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def read_doc(path: str | Path) -> Document:
    """Read a legacy Word .doc by converting it to .docx with `libreoffice --headless`."""
    path = Path(path)
    office = find_libreoffice()
    if office is None:
        raise ReadError(
            path,
            "reading .doc needs LibreOffice (apt-get install libreoffice-writer), "
            "or save the file as .docx",
        )
    with tempfile.TemporaryDirectory(prefix="vnpolicy-doc-") as out:
        command = [office, "--headless", "--convert-to", "docx", "--outdir", out, str(path)]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise ReadError(path, f"LibreOffice took over {CONVERT_TIMEOUT}s to convert") from None
        converted = Path(out) / (path.stem + ".docx")
        if not converted.exists():
            raise ReadError(path, "LibreOffice could not convert this .doc (broken file?)")
        return read_docx(converted, source=path, fmt="doc")
