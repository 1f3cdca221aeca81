"""OCR quality and fallbacks: a dev PDF page rasterized and read back by Tesseract (character
error rate against its text layer, references found), a photographed-looking and a sideways
copy of it, and PDF pages whose glyphs have no Unicode ("(cid:NN)") read by OCR instead."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from vnpolicy.corpus import ReadError, read_document
from vnpolicy.corpus.ocr import repair_ocr_text
from vnpolicy.corpus.pdf import UNMAPPED_THRESHOLD, drop_unmapped, unmapped_share

DEV_PDF = Path(__file__).resolve().parents[1].parent / "shared/eval/dev/docs/pdf-001.pdf"

# Bounds over what was measured on pdf-001 page 1 (Tesseract 5.3, vie, 300 dpi grayscale):
# straight 2.0%; photographed-looking (turned 2.5 degrees either way, blurred, noise) 1.8%
# (33% before deskewing: turned clockwise, Tesseract dropped two paragraphs); sideways 2.0%.
STRAIGHT_CER = 0.05
PHOTO_CER = 0.04
SIDEWAYS_CER = 0.05


# --- the character error rate ---------------------------------------------------------------


def _normalized(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate: Levenshtein distance over whitespace-normalized NFC text, divided
    by the reference's length. O(len * len) time, O(len) memory: fine for one page."""
    ref, hyp = _normalized(reference), _normalized(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        current = [i]
        for j, h in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h)))
        previous = current
    return previous[-1] / max(len(ref), 1)


@pytest.mark.parametrize(
    ("reference", "hypothesis", "expected"),
    [
        ("Quyết định số 42/QĐ-CA", "Quyết định số 42/QĐ-CA", 0.0),
        ("Quyết định  số\n42", "Quyết định số 42", 0.0),  # whitespace does not count
        ("Quyết định", "Quyet định", 0.1),  # one of 10 characters substituted
        ("Quyết định", "Quyết định số", 0.3),  # three inserted
        ("tối cao", "tôi cao", 1 / 7),
        ("abc", "", 1.0),
        ("Quye\u0302\u0301t", "Quyết", 0.0),  # NFD and NFC are the same text
    ],
)
def test_cer(reference, hypothesis, expected) -> None:
    assert cer(reference, hypothesis) == pytest.approx(expected)


# --- OCR slips in document numbers ------------------------------------------------------------


@pytest.mark.parametrize(
    ("ocr", "repaired"),
    [
        ("Quyết định số 42/0Đ-CA ngày 12", "Quyết định số 42/QĐ-CA ngày 12"),
        ("số 42/QÐ-CA", "số 42/QĐ-CA"),  # eth for Đ
        ("số 15/2023/0Đ-UBND", "số 15/2023/QĐ-UBND"),
        ("Nghị định 163/2006/NÐ-CP", "Nghị định 163/2006/NĐ-CP"),
        # negatives: a zero that is a digit stays
        ("năm 2020 Điều 10", "năm 2020 Điều 10"),
        ("10Đ", "10Đ"),
        ("số 42/0 Điều", "số 42/0 Điều"),
        ("mã 12/0ĐA", "mã 12/0ĐA"),  # not a symbol of its own
    ],
)
def test_repair_ocr_text(ocr, repaired) -> None:
    assert repair_ocr_text(ocr) == repaired


# --- a dev PDF page, rasterized and read back --------------------------------------------------


@pytest.fixture(scope="module")
def tesseract() -> None:
    from vnpolicy.corpus.ocr import ocr_available

    if not ocr_available():
        pytest.skip("tesseract-ocr with tesseract-ocr-vie is not installed")


@pytest.fixture(scope="module")
def page_png(tesseract, tmp_path_factory) -> Path:
    """Page 1 of pdf-001 at 300 dpi, grayscale, as `pdftoppm -r 300 -f 1 -l 1 -gray` gives it."""
    if not DEV_PDF.exists():
        pytest.skip("../shared/eval/dev is not present")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    out = tmp_path_factory.mktemp("ocr") / "page"
    subprocess.run(
        ["pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-gray", "-png", "-singlefile"]
        + [str(DEV_PDF), str(out)],
        check=True,
        timeout=60,
    )
    return out.with_suffix(".png")


@pytest.fixture(scope="module")
def layer_text() -> str:
    """Page 1's text layer, as the reference the OCR is scored against."""
    import pdfplumber

    with pdfplumber.open(DEV_PDF) as pdf:
        return pdf.pages[0].extract_text()


@pytest.fixture(scope="module")
def straight(page_png):
    return read_document(page_png)


def _id_keys(document) -> set[str]:
    """Reference ids found by the pipeline (the document's own number included), by their
    letters and digits only."""
    from vnpolicy.pipeline import analyze_document

    record = analyze_document(document)
    found = [*record["references"], record["document"]["self"] or {}]
    return {re.sub(r"[\W_]", "", r["id"]).casefold() for r in found if r.get("id")}


def test_a_straight_scan_reads_within_5_percent_cer(straight, layer_text) -> None:
    assert straight.format == "image" and straight.metadata["ocr"] is True
    assert straight.metadata["ocr_confidence"] > 85
    assert cer(layer_text, straight.text) < STRAIGHT_CER


def test_the_references_of_the_scanned_page_are_found(straight, layer_text, tmp_path) -> None:
    txt = tmp_path / "page-1.txt"
    txt.write_text(layer_text, encoding="utf-8")
    expected = _id_keys(read_document(txt))
    # the page's numbered references: the precedent's own number and those it cites
    assert {"432021al", "42qđca", "012019kdtmgđt", "1632006nđcp"} <= expected
    assert expected <= _id_keys(straight)


def _photographed(png: Path, out: Path, angle: float) -> Path:
    """The page turned by `angle` degrees, blurred and speckled with seeded Gaussian noise."""
    import numpy as np
    from PIL import Image, ImageFilter

    with Image.open(png) as image:
        turned = image.convert("L").rotate(angle, expand=True, fillcolor=255, resample=3)
    blurred = np.asarray(turned.filter(ImageFilter.GaussianBlur(1.0)), dtype=np.float32)
    noise = np.random.default_rng(7).normal(0, 20, blurred.shape)
    Image.fromarray(np.clip(blurred + noise, 0, 255).astype(np.uint8)).save(out)
    return out


def test_a_photographed_looking_scan_reads_within_its_bound(page_png, layer_text, tmp_path):
    # clockwise, the hard way for Tesseract's layout analysis (2.5 degrees the other way
    # measured 1.8% too; it is left out to keep this file fast)
    doc = read_document(_photographed(page_png, tmp_path / "photo.png", -2.5))
    assert cer(layer_text, doc.text) < PHOTO_CER
    assert "43/2021/AL" in doc.text and "42/QĐ-CA" in doc.text


@pytest.mark.parametrize("angle", [0.0, 1.0, -2.0, 3.0])
def test_estimate_skew_finds_the_turn_that_levels_the_lines(page_png, angle) -> None:
    from PIL import Image

    from vnpolicy.corpus.ocr import estimate_skew

    with Image.open(page_png) as image:
        turned = image.rotate(angle, expand=True, fillcolor=255)
    assert estimate_skew(turned) == pytest.approx(-angle, abs=0.25)


def test_estimate_skew_leaves_pages_without_lines_of_print() -> None:
    from PIL import Image

    from vnpolicy.corpus.ocr import estimate_skew

    assert estimate_skew(Image.new("L", (800, 1100), 255)) == 0.0  # blank
    assert estimate_skew(Image.new("L", (800, 1100), 30)) == 0.0  # dark


def test_a_sideways_scan_is_turned_upright(page_png, layer_text, tmp_path) -> None:
    from PIL import Image

    from vnpolicy.corpus.ocr import osd_available

    if not osd_available():
        pytest.skip("tesseract-ocr-osd (orientation detection) is not installed")
    with Image.open(page_png) as image:
        image.rotate(90, expand=True).save(tmp_path / "sideways.png")
    doc = read_document(tmp_path / "sideways.png")
    assert cer(layer_text, doc.text) < SIDEWAYS_CER
    assert doc.metadata["ocr_confidence"] > 85


# --- PDF pages whose glyphs have no Unicode ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("Điều 1. Phạm vi", 0.0),
        ("(cid:3)(cid:17) Điều 12", 0.25),  # a cid code is one glyph
        ("(cid:41)(cid:42)\n(cid:43) (cid:44)", 1.0),
        ("\uf0b7 Điều 123", 1 / 8),  # a private-use bullet
        ("Đi\ufffdu", 0.25),  # a replacement character
        ("", 0.0),
        ("cid:3 (cid) (cid:x)", 0.0),  # not glyph codes
    ],
)
def test_unmapped_share(text, share) -> None:
    assert unmapped_share(text) == pytest.approx(share)


@pytest.mark.parametrize(
    ("text", "private_use", "kept"),
    [
        ("Điều 1(cid:3) Phạm vi", False, "Điều 1 Phạm vi"),
        ("(cid:3) (cid:4) Điều 1", False, " Điều 1"),
        ("\uf0b7 Điều 1\ufffd", False, "\uf0b7 Điều 1"),  # a bullet on a readable page stays
        ("\uf0b7 Điều 1\ufffd", True, " Điều 1"),
        ("Annex 1\n(cid:3)(cid:4)\n\nĐiều 2", False, "Annex 1\n\nĐiều 2"),  # emptied lines go
    ],
)
def test_drop_unmapped(text, private_use, kept) -> None:
    assert drop_unmapped(text, private_use) == kept


def _as_cid(text: str) -> str:
    """A text layer as pdfplumber gives it for a font without a ToUnicode map."""
    return "".join(ch if ch.isspace() else f"(cid:{ord(ch) % 250})" for ch in text)


@pytest.fixture
def cid_page_one(monkeypatch):
    """pdf-001 with page 1's text layer replaced by cid codes and a stray code on page 2."""
    import vnpolicy.corpus.pdf as pdf

    if not DEV_PDF.exists():
        pytest.skip("../shared/eval/dev is not present")
    original = pdf.extract_layout

    def extract_layout(path):
        texts, tables = original(path)
        texts[0] = _as_cid(texts[0])
        texts[1] = "(cid:3)" + texts[1]  # a symbol glyph on a readable page
        return texts, tables

    monkeypatch.setattr(pdf, "extract_layout", extract_layout)
    return DEV_PDF


def layer_page_two(path: Path) -> str:
    import pdfplumber

    from vnpolicy.corpus.pdf import drop_running_lines

    with pdfplumber.open(path) as pdf:
        return drop_running_lines([page.extract_text() for page in pdf.pages])[0][1]


def test_without_tesseract_a_cid_page_is_dropped_with_a_warning(cid_page_one, monkeypatch):
    import vnpolicy.corpus.ocr as ocr

    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    ocr._tesseract.cache_clear()
    ocr.osd_available.cache_clear()
    try:
        doc = read_document(cid_page_one)
    finally:
        ocr._tesseract.cache_clear()
        ocr.osd_available.cache_clear()
    assert "ocr_pages" not in doc.metadata
    assert "(cid:" not in doc.text
    first = doc.text[slice(*doc.pages[0])]
    assert not first.strip()  # the page is dropped, not passed on as garbage
    warning = next(w for w in doc.warnings if w.startswith("page 1:"))
    assert "no Unicode text layer" in warning and "could not be read" in warning
    assert "Tesseract" in warning
    assert "Thành phố Hồ Chí Minh" in doc.text  # the other pages read from their text layer
    second = doc.text[slice(*doc.pages[1])]
    assert second.startswith(layer_page_two(cid_page_one)[:40])  # its stray code dropped


def test_threshold_separates_symbol_glyphs_from_an_unmapped_body_font() -> None:
    bullets = "(cid:159) Điều 1. Phạm vi điều chỉnh\n(cid:159) Điều 2. Đối tượng áp dụng"
    assert unmapped_share(bullets) < UNMAPPED_THRESHOLD < unmapped_share(_as_cid(bullets))


def test_a_pdf_of_cid_glyphs_alone_without_tesseract_is_a_clear_error(
    monkeypatch, tmp_path
) -> None:
    import vnpolicy.corpus.ocr as ocr
    import vnpolicy.corpus.pdf as pdf

    if not DEV_PDF.exists():
        pytest.skip("../shared/eval/dev is not present")
    monkeypatch.setattr(
        pdf, "extract_layout", lambda path: (["(cid:41)(cid:42) (cid:43)", "(cid:44)"], [])
    )
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    ocr._tesseract.cache_clear()
    try:
        with pytest.raises(ReadError, match=r"no Unicode text layer .*install tesseract-ocr"):
            read_document(DEV_PDF)
    finally:
        ocr._tesseract.cache_clear()


# --- a real PDF whose font has no ToUnicode map ------------------------------------------------

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
CID_LINES = [
    "Quyết định số 42/QĐ-CA ngày 12 tháng 3 năm 2021",
    "của Chánh án Tòa án nhân dân tối cao",
    "Nghị định số 163/2006/NĐ-CP",
]


def cid_pdf(path: Path, pages: list[list[tuple[str, str]]]) -> Path:
    """A PDF whose lines `(font, text)` are set in DejaVu Sans embedded as a CID font ("cid")
    whose ToUnicode map and Identity ordering are then blanked out of the file, so text
    extraction gets "(cid:NN)" codes while the page still renders; or in Helvetica ("std")."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    if not FONT.exists():
        pytest.skip("no DejaVu font to embed")
    data = FONT.read_bytes()
    pdf = pdfium.PdfDocument.new()
    buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
    cid_font = raw.FPDFText_LoadFont(pdf, buffer, len(data), raw.FPDF_FONT_TRUETYPE, True)
    for lines in pages:
        page = pdf.new_page(595, 842)
        for k, (font, text) in enumerate(lines):
            if font == "cid":
                obj = raw.FPDFPageObj_CreateTextObj(pdf, cid_font, 14.0)
            else:
                obj = raw.FPDFPageObj_NewTextObj(pdf, b"Helvetica", 14.0)
            encoded = ctypes.c_char_p((text + "\0").encode("utf-16-le"))
            raw.FPDFText_SetText(obj, ctypes.cast(encoded, ctypes.POINTER(ctypes.c_ushort)))
            raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 60, 760 - 30 * k)
            raw.FPDFPage_InsertObject(page, obj)
        raw.FPDFPage_GenerateContent(page)
    pdf.save(str(path))
    raw_pdf = path.read_bytes()
    # Same-length edits keep the cross-reference offsets right.
    raw_pdf = re.sub(rb"/ToUnicode \d+ 0 R", lambda m: b" " * len(m.group(0)), raw_pdf)
    raw_pdf = raw_pdf.replace(b"/Ordering(Identity)", b"/Ordering(Custom01)")
    path.write_bytes(raw_pdf)
    return path


@pytest.fixture
def real_cid_pdf(tmp_path) -> Path:
    """Page 1: a Helvetica heading over three lines of cid glyphs; page 2: Helvetica only."""
    return cid_pdf(
        tmp_path / "cid.pdf",
        [
            [("std", "Annex 1"), *(("cid", line) for line in CID_LINES)],
            [("std", "Article 2. Scope of this decision")],
        ],
    )


def test_a_real_pdf_without_tounicode_gives_cid_codes(real_cid_pdf) -> None:
    import pdfplumber

    with pdfplumber.open(real_cid_pdf) as pdf:
        first, second = (page.extract_text() for page in pdf.pages)
    assert first.startswith("Annex 1\n(cid:")
    assert unmapped_share(first) > 0.9 > UNMAPPED_THRESHOLD  # 110 of 116 glyphs
    assert unmapped_share(second) == 0.0


def test_a_real_cid_page_is_read_by_ocr(real_cid_pdf, tesseract) -> None:
    doc = read_document(real_cid_pdf)
    assert doc.metadata["ocr_pages"] == [1]
    assert doc.warnings == ["page 1: no Unicode text layer ((cid:NN) glyphs), read by OCR"]
    first, second = (doc.text[s:e] for s, e in doc.pages)
    assert cer("Annex 1\n" + "\n".join(CID_LINES), first) < STRAIGHT_CER
    assert "42/QĐ-CA" in first and "163/2006/NĐ-CP" in first
    assert second == "Article 2. Scope of this decision"


def test_without_tesseract_a_real_cid_page_keeps_only_its_mapped_text(real_cid_pdf, monkeypatch):
    import vnpolicy.corpus.ocr as ocr

    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    ocr._tesseract.cache_clear()
    try:
        doc = read_document(real_cid_pdf)
    finally:
        ocr._tesseract.cache_clear()
    assert doc.text == "Annex 1\nArticle 2. Scope of this decision"
    assert doc.warnings == [
        "page 1: no Unicode text layer ((cid:NN) glyphs), could not be read (OCR needs "
        "Tesseract (apt-get install tesseract-ocr tesseract-ocr-vie)); unmapped glyphs dropped"
    ]
