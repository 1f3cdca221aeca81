"""One document of every supported format is read, with no skip but a missing system tool.

A fresh install once read no HTML at all (lxml dropped the extra jusText relied on) while every
other test passed; this table makes each suffix the readers accept produce real text. Only the
formats that need a program outside Python (Tesseract for scans, LibreOffice for `.doc`) may
skip, and only when that program is absent.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from vnpolicy.corpus import SUPPORTED_SUFFIXES, read_document

SENTENCE = "Thực hiện Chỉ thị số 05-CT/TU của Ban Thường vụ Tỉnh ủy Quảng Trị."
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _text(path: Path) -> None:
    path.write_text(f"Tin hoạt động\n\n{SENTENCE}\n", encoding="utf-8")


def _html(path: Path) -> None:
    paragraph = " ".join([SENTENCE] * 3)
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Tin hoạt động</title></head>"
        "<body><nav><a href='/'>Trang chủ</a></nav><article><h1>Hội nghị triển khai</h1>"
        f"<p>{paragraph}</p><p>{paragraph}</p></article><footer>Bản quyền</footer></body></html>",
        encoding="utf-8",
    )


def _pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", str(_font())))
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("DejaVu", 11)
    page.drawString(60, 760, SENTENCE)
    page.save()


def _docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(SENTENCE)
    document.save(str(path))


def _doc(path: Path) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    source = path.with_suffix(".docx")
    _docx(source)
    subprocess.run(
        [office, "--headless", "--convert-to", "doc", "--outdir", str(path.parent), str(source)],
        capture_output=True,
        timeout=120,
        check=True,
    )
    source.unlink()
    assert path.exists(), "LibreOffice wrote no .doc"


def _image(path: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    from vnpolicy.corpus.ocr import ocr_available

    if not ocr_available():
        pytest.skip("tesseract-ocr with tesseract-ocr-vie is not installed")
    font = ImageFont.truetype(str(_font()), 44)
    image = Image.new("L", (2000, 300), 255)
    ImageDraw.Draw(image).text((40, 110), "Chỉ thị số 05-CT/TU của Tỉnh ủy", font=font, fill=0)
    image.save(path, dpi=(300, 300))


def _font() -> Path:
    if not FONT.exists():
        pytest.skip("fonts-dejavu-core is not installed (the test draws its pages with it)")
    return FONT


WRITERS: dict[str, Callable[[Path], None]] = {
    ".txt": _text,
    ".text": _text,
    ".md": _text,
    ".html": _html,
    ".htm": _html,
    ".xhtml": _html,
    ".pdf": _pdf,
    ".docx": _docx,
    ".doc": _doc,
    ".png": _image,
    ".jpg": _image,
    ".jpeg": _image,
    ".tif": _image,
    ".tiff": _image,
}


def test_every_supported_suffix_has_a_document_here() -> None:
    assert set(WRITERS) == set(SUPPORTED_SUFFIXES)


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_SUFFIXES))
def test_reads_one_document(suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"van-ban{suffix}"
    WRITERS[suffix](path)
    document = read_document(path)
    assert "Chỉ thị số 05" in document.text
    assert "Tỉnh ủy" in document.text
    if document.format != "image":  # OCR may misread a slash ("05-CT/7TU")
        assert "05-CT/TU" in document.text
    assert document.source.endswith(path.name)


def test_html_reader_needs_no_missing_module(tmp_path: Path) -> None:
    """The HTML path imports everything it needs (lxml.html.clean is a project of its own)."""
    import lxml.html.clean  # noqa: F401 - the import is the test

    path = tmp_path / "tin.html"
    _html(path)
    assert "Ban Thường vụ Tỉnh ủy" in read_document(path).text
