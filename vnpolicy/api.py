"""The Python API: `extract(text)` and `extract_file(path)` return the dict the JSON holds.

>>> from vnpolicy import extract
>>> result = extract("Thực hiện Chỉ thị số 05-CT/TU, ngày 07/5/2021 của Ban Thường vụ Tỉnh ủy.")
>>> result["references"][0]["id"], result["references"][0]["date"]
('05-CT/TU', '2021-05-07')
"""

from __future__ import annotations

from pathlib import Path

from vnpolicy.corpus import Document, read_document
from vnpolicy.pipeline import analyze_document


def extract(text: str, source: str | None = None) -> dict:
    """Extract references, units and statistics from Vietnamese `text`.

    Models load once per process on first use; offsets point into `text` as given.
    """
    document = Document(source=source or "<text>", format="text", text=text)
    return analyze_document(document)


def extract_file(path: str | Path) -> dict:
    """Read a file (.txt, .html, .pdf, ...) and extract from it; raises `corpus.ReadError`."""
    return analyze_document(read_document(Path(path)))
