"""Reading PDFs: pages and their offsets, broken and encrypted files, print furniture dropped,
document numbers rejoined; on small PDFs written here and on the dev PDFs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnpolicy.corpus import ReadError, read_document
from vnpolicy.corpus.pdf import drop_running_lines, rejoin_broken_numbers

# --- a minimal PDF writer (Helvetica, ASCII text), so tests need no PDF library -----------------


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(path: Path, pages: list[list[tuple]], encrypt: bool = False) -> Path:
    """Write a PDF whose pages hold text runs `(x, y, size, text[, rise])` in points."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 2 * len(pages) + 1
    kids = []
    for runs in pages:
        ops = []
        for x, y, size, text, *rise in runs:
            ops.append(
                f"BT /F1 {size} Tf {rise[0] if rise else 0} Ts {x} {y} Td ({_escape(text)}) Tj ET"
            )
        stream = "\n".join(ops).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)
            )
        )
    add(
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (" ".join(f"{k} 0 R" for k in kids).encode(), len(kids))
    )
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    trailer_extra = b""
    if encrypt:  # Standard security handler whose user password is not empty
        enc = add(
            b"<< /Filter /Standard /V 1 /R 2 /O <"
            + b"11" * 32
            + b"> /U <"
            + b"22" * 32
            + b"> /P -44 >>"
        )
        trailer_extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (enc, b"ab" * 16, b"ab" * 16)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        trailer_extra,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def page(*lines: str, top: int = 800, header: str | None = None, number: int | None = None):
    runs = [(72, top - 20 * i, 12, line) for i, line in enumerate(lines)]
    if header:
        runs.insert(0, (72, 820, 9, header))
    if number is not None:
        runs.append((290, 30, 10, str(number)))
    return runs


# --- pages and offsets -------------------------------------------------------------------------


def test_pages_are_joined_by_newline_with_their_offsets(tmp_path) -> None:
    path = make_pdf(
        tmp_path / "two.pdf",
        [
            page("Decision No 63/2025/QD-UBND of 12 May 2025", "Article 1. Scope"),
            page("Article 2. Effect", "This decision takes effect from 1 June 2025."),
        ],
    )
    doc = read_document(path)
    assert doc.format == "pdf"
    assert doc.text == (
        "Decision No 63/2025/QD-UBND of 12 May 2025\nArticle 1. Scope\n"
        "Article 2. Effect\nThis decision takes effect from 1 June 2025."
    )
    assert [doc.text[s:e] for s, e in doc.pages] == [
        "Decision No 63/2025/QD-UBND of 12 May 2025\nArticle 1. Scope",
        "Article 2. Effect\nThis decision takes effect from 1 June 2025.",
    ]
    assert doc.page_of(doc.text.index("Effect")) == 2
    assert doc.metadata["page_count"] == 2


def test_running_headers_and_page_numbers_are_dropped(tmp_path) -> None:
    header = "CONG BAO/So 1257 + 1258/Ngay 29-11-2023"
    pages = [
        page(f"Body text of page {i} about Decision 5{i}/2023/QD-TTg.", header=header, number=i)
        for i in range(1, 5)
    ]
    doc = read_document(make_pdf(tmp_path / "gazette.pdf", pages))
    assert "CONG BAO" not in doc.text
    assert doc.text.split("\n") == [
        f"Body text of page {i} about Decision 5{i}/2023/QD-TTg." for i in range(1, 5)
    ]
    assert header in doc.metadata["dropped_lines"]


def test_footnote_reference_marks_are_dropped_but_squared_metres_stay(tmp_path) -> None:
    runs = [
        (72, 800, 14, "PRECEDENT No 43/2021/AL"),
        (262, 805, 9, "1"),  # raised small "1"
        (72, 780, 12, "Land area 62,68m"),
        (172, 785, 8, "2"),  # m2: no footnote 2 on the page
        (72, 760, 12, "Second line of the body."),
        (72, 80, 6.5, "1", 3),
        (78, 80, 10, " Proposed by the Legal Department."),
    ]
    doc = read_document(make_pdf(tmp_path / "footnote.pdf", [runs]))
    lines = doc.text.split("\n")
    assert lines[0] == "PRECEDENT No 43/2021/AL"
    assert lines[1] == "Land area 62,68m2"
    assert lines[-1] == "1 Proposed by the Legal Department."


def test_pdf_printed_from_a_vntime_document_is_converted(tmp_path) -> None:
    # (no "ư": its TCVN3 byte 0xAD is a soft hyphen that this minimal PDF's font drops)
    legacy = ["Céng hßa x· héi chñ nghÜa ViÖt Nam", "Ban ChÊp hµnh TØnh ñy Qu¶ng TrÞ"]
    doc = read_document(make_pdf(tmp_path / "vntime.pdf", [page(*legacy)]))
    assert doc.text == "Cộng hòa xã hội chủ nghĩa Việt Nam\nBan Chấp hành Tỉnh ủy Quảng Trị"
    assert doc.metadata["encoding"] == "tcvn3"


# --- what is not a readable PDF ----------------------------------------------------------------


def test_broken_pdfs_are_errors_naming_the_cause(tmp_path) -> None:
    good = make_pdf(tmp_path / "good.pdf", [page("Some text")]).read_bytes()
    cases = {
        "not-a-pdf.pdf": (b"This is a text file renamed to .pdf\n", "PDF"),
        "truncated.pdf": (good[:60], "PDF"),
        "empty.pdf": (b"", "PDF"),
    }
    for name, (data, word) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ReadError) as info:
            read_document(path)
        assert word in info.value.cause, name
        assert "\n" not in info.value.cause


def test_encrypted_pdf_is_an_error(tmp_path) -> None:
    path = make_pdf(tmp_path / "locked.pdf", [page("Secret text")], encrypt=True)
    with pytest.raises(ReadError, match="encrypted PDF"):
        read_document(path)


def test_pdf_without_pages_or_text_is_an_error(tmp_path) -> None:
    with pytest.raises(ReadError, match="no pages"):
        read_document(make_pdf(tmp_path / "zero.pdf", []))
    with pytest.raises(ReadError, match="no text layer|OCR"):
        read_document(make_pdf(tmp_path / "blank.pdf", [[], []]))


# --- cleaning steps on strings -----------------------------------------------------------------

REJOINED = [
    ("Quyết định số 63\n/2025/QĐ-CTUBND ngày", "Quyết định số 63/2025/QĐ-CTUBND ngày"),
    ("Quyết định số 63/\n2025/QĐ-CTUBND", "Quyết định số 63/2025/QĐ-CTUBND"),
    ("Quyết định số 63/2025/\nQĐ-CTUBND", "Quyết định số 63/2025/QĐ-CTUBND"),
    ("Quyết định số 63/2025/QĐ-\nCTUBND", "Quyết định số 63/2025/QĐ-CTUBND"),
    ("Nghị quyết số 01/2014/NQ\n-HĐTP", "Nghị quyết số 01/2014/NQ-HĐTP"),
    ("Chỉ thị số 05-\nCT/TW của Bộ Chính trị", "Chỉ thị số 05-CT/TW của Bộ Chính trị"),
    ("ban hành ngày 12/\n3/2021", "ban hành ngày 12/3/2021"),
    # negatives: ordinary line breaks stay
    ("năm 2015\nĐiều 2. Phạm vi", "năm 2015\nĐiều 2. Phạm vi"),
    ("có 125\nđiểm cầu", "có 125\nđiểm cầu"),
    ("- Luật số 91/2015/QH13;\n- Nghị định", "- Luật số 91/2015/QH13;\n- Nghị định"),
    ("Điều 5 -\nHiệu lực", "Điều 5 -\nHiệu lực"),
]


@pytest.mark.parametrize("text,expected", REJOINED)
def test_rejoin_broken_numbers(text, expected) -> None:
    assert rejoin_broken_numbers(text) == expected


def test_drop_running_lines_keeps_body_lines_that_look_alike_only_once() -> None:
    gazette = "CÔNG BÁO/Số 1257 + 1258/Ngày 29-11-2023"
    pages = [
        f"{gazette}\nĐiều 1. Phạm vi điều chỉnh\nQuyết định này quy định\n3",
        f"4 {gazette}\nĐiều 2. Đối tượng áp dụng\nCác cơ quan, tổ chức",
        f"{gazette} 5\nĐiều 3. Hiệu lực thi hành\nQuyết định này có hiệu lực",
        f"6\n{gazette}\nĐiều 4. Trách nhiệm thi hành\nQuyết định này có hiệu lực",
    ]
    out, dropped = drop_running_lines(pages)
    assert out == [
        "Điều 1. Phạm vi điều chỉnh\nQuyết định này quy định",
        "Điều 2. Đối tượng áp dụng\nCác cơ quan, tổ chức",
        "Điều 3. Hiệu lực thi hành\nQuyết định này có hiệu lực",  # at the edge of 2 pages of 4,
        "Điều 4. Trách nhiệm thi hành\nQuyết định này có hiệu lực",  # not more than half
    ]
    assert dropped == [gazette, "3", f"4 {gazette}", f"{gazette} 5", "6"]


def test_drop_running_lines_keeps_numbers_that_are_not_page_numbers() -> None:
    pages = ["Tổng số đảng viên\n9.757", "Số chi bộ\n125\nkết thúc"]
    assert drop_running_lines(pages)[0] == pages


# --- the dev PDFs ------------------------------------------------------------------------------


@pytest.mark.parametrize("stem,own_id", [("pdf-001", "43/2021/AL"), ("pdf-003", "67/2023/AL")])
def test_dev_pdfs_read_with_every_gold_number(dev_docs, stem, own_id) -> None:
    doc = read_document(dev_docs / f"{stem}.pdf")
    assert doc.text.startswith(f"ÁN LỆ SỐ {own_id}\n")  # the footnote mark "1" is gone
    assert len(doc.pages) == 6
    assert doc.pages[0][0] == 0 and doc.pages[-1][1] == len(doc.text)
    gold = json.loads((dev_docs.parent / "gold" / f"{stem}.gold.json").read_text("utf-8"))
    for ref in gold["references"]:
        if ref["id"]:
            assert ref["id"] in doc.text, ref["id"]
    for number in range(1, 7):  # bare page numbers dropped
        assert f"\n{number}\n" not in doc.text
    assert "Án lệ này do Vụ Pháp chế" in doc.text  # the footnote itself stays


# --- scans: OCR --------------------------------------------------------------------------------

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
SCAN_LINES = [
    "QUYẾT ĐỊNH",
    "Căn cứ Nghị định số 163/2006/NĐ-CP ngày 29/12/2006",
    "của Chính phủ về giao dịch bảo đảm;",
    "Hội đồng Thẩm phán Tòa án nhân dân tối cao.",
]


def scanned_page(path: Path) -> Path:
    """A white A5-ish page with printed Vietnamese lines, saved as an image or image-only PDF."""
    image_module = pytest.importorskip("PIL.Image")
    from PIL import ImageDraw, ImageFont

    if not FONT.exists():
        pytest.skip("no DejaVu font to print a test scan")
    image = image_module.new("L", (1400, 500), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 36)
    for i, line in enumerate(SCAN_LINES):
        draw.text((60, 60 + 90 * i), line, fill=0, font=font)
    image.save(path, resolution=300)
    return path


@pytest.fixture
def tesseract():
    from vnpolicy.corpus.ocr import ocr_available

    if not ocr_available():
        pytest.skip("tesseract-ocr with tesseract-ocr-vie is not installed")


def test_image_only_pdf_is_read_by_ocr(tmp_path, tesseract) -> None:
    doc = read_document(scanned_page(tmp_path / "scan.pdf"))
    assert doc.metadata["ocr"] is True and doc.metadata["ocr_pages"] == [1]
    assert doc.metadata["ocr_confidence"] > 70
    assert "163/2006/NĐ-CP" in doc.text
    assert "Hội đồng Thẩm phán" in doc.text
    assert any("OCR" in w for w in doc.warnings)


def test_scan_without_tesseract_is_a_clear_error(tmp_path, monkeypatch) -> None:
    import vnpolicy.corpus.ocr as ocr

    path = scanned_page(tmp_path / "scan.pdf")
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    ocr._tesseract.cache_clear()
    try:
        with pytest.raises(ReadError, match="no text layer .a scan.; install tesseract-ocr"):
            read_document(path)
        with pytest.raises(ReadError, match="OCR needs Tesseract .apt-get install tesseract-ocr"):
            read_document(scanned_page(tmp_path / "scan.png"))
    finally:
        ocr._tesseract.cache_clear()


def test_a_scanned_page_among_text_pages_is_read_by_ocr(tmp_path, tesseract) -> None:
    import pypdfium2 as pdfium

    text_pdf = make_pdf(tmp_path / "text.pdf", [page("Article 1. Scope of this decision")])
    scan_pdf = scanned_page(tmp_path / "scan.pdf")
    merged = pdfium.PdfDocument.new()
    merged.import_pages(pdfium.PdfDocument(str(text_pdf)))
    merged.import_pages(pdfium.PdfDocument(str(scan_pdf)))
    merged.save(str(tmp_path / "mixed.pdf"))
    doc = read_document(tmp_path / "mixed.pdf")
    assert doc.metadata["ocr_pages"] == [2]
    first, second = (doc.text[s:e] for s, e in doc.pages)
    assert first == "Article 1. Scope of this decision"
    assert "163/2006/NĐ-CP" in second


# --- parity: a PDF extracts what its text layer as a .txt extracts ------------------------------


def _scored(record: dict) -> dict:
    """What score.py reads of a result: reference ids and dates, unit names, statistics."""
    return {
        "references": {(r.get("id"), r.get("date"), r.get("name")) for r in record["references"]},
        "units": {u["name"] for u in record["units"]},
        "statistics": {(s["value"], s["unit"], s["kind"]) for s in record["statistics"]},
    }


@pytest.mark.parametrize("stem", ["pdf-001", "pdf-003"])
def test_dev_pdf_extracts_the_same_as_its_text_layer(dev_docs, tmp_path, stem) -> None:
    import pdfplumber

    from vnpolicy.pipeline import analyze_document

    pdf = dev_docs / f"{stem}.pdf"
    with pdfplumber.open(pdf) as opened:  # the text layer as any PDF-to-text tool gives it
        layer = "\n".join(page.extract_text() or "" for page in opened.pages)
    txt = tmp_path / f"{stem}.txt"
    txt.write_text(layer, encoding="utf-8")
    from_pdf = analyze_document(read_document(pdf))
    from_txt = analyze_document(read_document(txt))
    assert _scored(from_pdf) == _scored(from_txt)
    gold = json.loads((dev_docs.parent / "gold" / f"{stem}.gold.json").read_text("utf-8"))
    found = {r["id"] for r in from_pdf["references"]}
    assert {r["id"] for r in gold["references"] if r["id"]} <= found
