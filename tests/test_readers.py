"""Reading text and HTML files, dispatch by suffix and walking input folders."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from vnpolicy.corpus import SUPPORTED_SUFFIXES, Document, ReadError, iter_input_files, read_document
from vnpolicy.corpus.legacy_encodings import unicode_to_legacy_bytes

VIETNAMESE = (
    "Ban Thường vụ Tỉnh ủy Quảng Trị ban hành Chỉ thị số 05-CT/TU ngày 07/5/2021.\n"
    "Đến nay, 98,5% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- plain text: encodings read to the same text -----------------------------------------------

ENCODED_AS = [
    # (name, bytes, encoding reported)
    ("utf-8", VIETNAMESE.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", codecs.BOM_UTF8 + VIETNAMESE.encode("utf-8"), "utf-8-sig"),
    ("utf-16 LE with BOM", VIETNAMESE.encode("utf-16"), "utf-16"),
    ("utf-16 BE with BOM", codecs.BOM_UTF16_BE + VIETNAMESE.encode("utf-16-be"), "utf-16"),
    ("utf-32 with BOM", VIETNAMESE.encode("utf-32"), "utf-32"),
    ("utf-16 LE without BOM", VIETNAMESE.encode("utf-16-le"), "utf-16"),
    ("Windows line ends", VIETNAMESE.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
]


@pytest.mark.parametrize("name,data,encoding", ENCODED_AS, ids=[e[0] for e in ENCODED_AS])
def test_text_encodings_read_to_the_same_text(tmp_path, name, data, encoding) -> None:
    doc = read_document(write(tmp_path, "chi-thi.txt", data))
    assert doc.text == VIETNAMESE  # BOM dropped, line ends "\n"
    assert doc.format == "txt"
    assert doc.metadata["encoding"] == encoding
    assert doc.source.endswith("chi-thi.txt")


# --- plain text: what is not readable text is an error with its cause ---------------------------

NOT_TEXT = [
    # (name, bytes, words the one-line cause must contain)
    ("empty file", b"", "empty document"),
    ("whitespace only", b" \n\t\r\n  ", "empty document"),
    ("BOM only", codecs.BOM_UTF8 + b"\n", "empty document"),
    ("binary with NUL bytes", bytes(range(256)) * 4, "binary file, not text"),
    ("PNG bytes named .txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "binary file"),
    ("control characters", b"abc\x01\x02\x03\x04\x05\x06def" * 20, "binary file, not text"),
    (
        "Latin-1 French",
        "Le café de la rédaction a été fermé à l'été.".encode("latin-1"),
        "not UTF-8 (byte 0xE9 at offset 6); looks like Windows-1252 / Latin-1 text",
    ),
    (
        "Windows-1252 German with curly quotes",
        "„Grüße“ aus München – schön!".encode("cp1252"),
        "looks like Windows-1252 text",
    ),
    (
        "UTF-8 with a broken byte",
        VIETNAMESE.encode("utf-8")[:20] + b"\xff" + VIETNAMESE.encode("utf-8")[20:],
        "looks like damaged UTF-8",
    ),
    ("truncated UTF-16", codecs.BOM_UTF16_LE + "Việt".encode("utf-16-le")[:-1], "invalid UTF-16"),
]


@pytest.mark.parametrize("name,data,cause", NOT_TEXT, ids=[e[0] for e in NOT_TEXT])
def test_unreadable_text_is_an_error_naming_the_cause(tmp_path, name, data, cause) -> None:
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert cause in info.value.cause
    assert "\n" not in str(info.value)
    assert info.value.path == str(path)


def test_latin1_error_never_returns_mojibake(tmp_path) -> None:
    path = write(tmp_path, "fr.txt", "Être élu député".encode("latin-1"))
    with pytest.raises(ReadError, match="not Vietnamese; save it as UTF-8"):
        read_document(path)


def test_legacy_vietnamese_bytes_are_converted_not_refused(tmp_path) -> None:
    for encoding in ("tcvn3", "vni", "windows-1258"):
        path = write(tmp_path, f"{encoding}.txt", unicode_to_legacy_bytes(VIETNAMESE, encoding))
        doc = read_document(path)
        assert doc.text == VIETNAMESE, encoding
        assert doc.metadata["encoding"] == encoding
        assert doc.warnings == [f"converted from legacy Vietnamese encoding {encoding}"]


def test_legacy_mojibake_saved_as_utf8_is_repaired(tmp_path) -> None:
    # A .VnTime Word file pasted into a UTF-8 editor: the TCVN3 bytes became Latin letters.
    mojibake = "Céng hßa x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n"
    doc = read_document(write(tmp_path, "tcvn3-utf8.txt", mojibake.encode("utf-8")))
    assert doc.text == "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n"
    assert doc.metadata["encoding"] == "tcvn3 (as utf-8)"


def test_decomposed_text_is_composed(tmp_path) -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", VIETNAMESE)
    doc = read_document(write(tmp_path, "nfd.txt", nfd.encode("utf-8")))
    assert doc.text == VIETNAMESE
    assert "NFD" in doc.warnings[0]


def test_a_few_stray_combining_marks_are_left_to_the_language_layer(tmp_path) -> None:
    text = VIETNAMESE + "Hoa\u0300 Bình\n"
    doc = read_document(write(tmp_path, "partial.txt", text.encode("utf-8")))
    assert doc.text == text and not doc.warnings


def test_dev_text_files_read_as_they_are(dev_docs) -> None:
    for path in sorted(dev_docs.glob("*.txt")):
        doc = read_document(path)
        assert doc.text == path.read_text(encoding="utf-8").replace("\r\n", "\n"), path.name
        assert not doc.warnings, path.name


# --- HTML --------------------------------------------------------------------------------------

ARTICLE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Quảng Trị quán triệt Chỉ thị số 05-CT/TW - Báo Quảng Trị</title>
<meta property="og:site_name" content="Báo Quảng Trị">
<meta name="author" content="Minh Anh">
<meta property="article:published_time" content="2021-05-07T08:30:00+07:00">
</head><body>
<header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/cn">Chính trị</a></li>
<li><a href="/kt">Kinh tế</a></li><li><a href="/xh">Xã hội</a></li></ul></nav></header>
<div class="counter">Lượt xem: 12.345</div>
<main><article>
<h1>Quảng Trị quán triệt Chỉ thị số 05-CT/TW</h1>
<p>Ngày 07/5/2021, Ban Thường vụ Tỉnh ủy Quảng Trị tổ chức hội nghị quán triệt Chỉ thị số
05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh.</p>
<p>Hội nghị được tổ chức trực tuyến đến 125 điểm cầu với hơn 9.757 đồng chí tham dự.</p>
<p>Năm 2020 toàn tỉnh có 98,5% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ; kết nạp 1.216
đảng viên mới, đạt 110% kế hoạch.</p>
<p>Tỉnh ủy yêu cầu các cấp ủy xây dựng kế hoạch thực hiện Kết luận số 01-KL/TW ngày
18/5/2021 của Bộ Chính trị.</p>
</article></main>
<aside><h3>Tin liên quan</h3><ul><li><a href="/a">Đà Nẵng sơ kết Chỉ thị 05</a></li></ul></aside>
<footer><p>© 2021 Báo Quảng Trị. Giấy phép số 123/GP-BTTTT.</p><p>Đang truy cập: 1.234</p>
</footer></body></html>
"""


def test_html_keeps_the_article_and_drops_the_page_furniture(tmp_path) -> None:
    doc = read_document(write(tmp_path, "bai-viet.html", ARTICLE.encode("utf-8")))
    assert doc.format == "html"
    assert doc.title == "Quảng Trị quán triệt Chỉ thị số 05-CT/TW"
    assert doc.metadata == {"date": "2021-05-07", "author": "Minh Anh", "sitename": "Báo Quảng Trị"}
    lines = doc.text.split("\n")
    assert lines[0] == "Quảng Trị quán triệt Chỉ thị số 05-CT/TW"
    assert any(line.startswith("Hội nghị được tổ chức trực tuyến") for line in lines)
    assert "Kết luận số 01-KL/TW ngày" in doc.text
    for furniture in ("Trang chủ", "Lượt xem", "Tin liên quan", "Giấy phép", "Đang truy cập"):
        assert furniture not in doc.text


def test_html_in_another_declared_charset(tmp_path) -> None:
    page = ARTICLE.replace('charset="utf-8"', 'charset="utf-16"')
    doc = read_document(write(tmp_path, "bai-viet.htm", page.encode("utf-16")))
    assert "9.757 đồng chí" in doc.text


def test_html_set_in_a_legacy_font_is_converted(tmp_path) -> None:
    page = ARTICLE.replace(
        "Hội nghị được tổ chức trực tuyến đến 125 điểm cầu với hơn 9.757 đồng chí tham dự.",
        "Héi nghÞ ®\xad\xeec tæ chøc trùc tuyÕn ®Õn 125 ®iÓm cÇu víi h\xacn 9.757 "
        "®ång chÝ tham dù.",
    )
    page = page.split("<main>")[0] + "<main><article><p>" + page.split("<p>")[2].split("</p>")[0]
    page += " Héi nghÞ quan träng cña TØnh ñy Qu¶ng TrÞ.</p></article></main></body></html>"
    doc = read_document(write(tmp_path, "vntime.html", page.encode("utf-8")))
    assert "Hội nghị được tổ chức trực tuyến đến 125 điểm cầu" in doc.text
    assert doc.metadata["encoding"] == "tcvn3"


NO_ARTICLE = [
    ("empty page", b"", "empty document"),
    (
        "only a menu",
        b"<html><body><nav><a href='/'>Trang ch\xe1\xbb\xa7</a></nav></body></html>",
        "no main text found",
    ),
    ("binary named .html", b"\x00\x01\x02PK\x03\x04" * 50, "binary file"),
]


@pytest.mark.parametrize("name,data,cause", NO_ARTICLE, ids=[e[0] for e in NO_ARTICLE])
def test_html_without_an_article_is_an_error(tmp_path, name, data, cause) -> None:
    with pytest.raises(ReadError) as info:
        read_document(write(tmp_path, "page.html", data))
    assert cause in info.value.cause


# --- dispatch and walking ----------------------------------------------------------------------


def test_dispatch_by_suffix_is_case_insensitive(tmp_path) -> None:
    doc = read_document(write(tmp_path, "THONG-BAO.TXT", VIETNAMESE.encode("utf-8")))
    assert isinstance(doc, Document) and doc.text == VIETNAMESE


@pytest.mark.parametrize(
    "name,cause",
    [("bang-luong.xlsx", "unsupported file type .xlsx"), ("README", "unsupported file type (no")],
)
def test_unsupported_suffix_is_an_error(tmp_path, name, cause) -> None:
    with pytest.raises(ReadError, match=cause.replace("(", r"\(")):
        read_document(write(tmp_path, name, b"x"))


def test_missing_file_is_an_error(tmp_path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        read_document(tmp_path / "khong-co.txt")


def test_supported_suffixes_cover_the_formats() -> None:
    assert {".txt", ".html", ".htm", ".pdf", ".docx", ".doc", ".png", ".jpg", ".tif"} <= set(
        SUPPORTED_SUFFIXES
    )


def test_walk_folders_recursively_in_sorted_order_and_report_skips(tmp_path) -> None:
    for name in [
        "b.txt",
        "a.pdf",
        "sub/c.html",
        "sub/z/d.docx",
        "sub/notes.xlsx",
        ".hidden.txt",
        ".git/x.txt",
        "~$draft.docx",
    ]:
        path = tmp_path / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    root = tmp_path / "in"
    got = [(p.relative_to(root).as_posix(), reason) for p, reason in iter_input_files([root])]
    assert got == [
        ("a.pdf", None),
        ("b.txt", None),
        ("sub/c.html", None),
        ("sub/notes.xlsx", "unsupported file type .xlsx"),
        ("sub/z/d.docx", None),
    ]


def test_walk_files_globs_and_missing_names(tmp_path) -> None:
    for name in ["x/1.txt", "x/2.txt", "x/3.json", "y/4.pdf"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    got = list(
        iter_input_files(
            [
                tmp_path / "y" / "4.pdf",
                str(tmp_path / "x" / "*.txt"),
                str(tmp_path / "**" / "*.pdf"),
                tmp_path / "x" / "3.json",
                tmp_path / "nothing",
                str(tmp_path / "*.doc"),
            ]
        )
    )
    rel = [(p.relative_to(tmp_path).as_posix(), r) for p, r in got]
    assert rel == [
        ("y/4.pdf", None),
        ("x/1.txt", None),
        ("x/2.txt", None),  # y/4.pdf from the glob is not repeated
        ("x/3.json", "unsupported file type .json"),
        ("nothing", "no such file or folder"),
        ("*.doc", "no file matches this pattern"),
    ]


# --- Word --------------------------------------------------------------------------------------


def make_docx(path: Path, title: str = "Kế hoạch 48-KH/TU") -> Path:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "Văn phòng Tỉnh ủy"
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "TỈNH ỦY QUẢNG TRỊ\n*"
    header.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    header.cell(1, 0).text = "Số 48-KH/TU"
    header.cell(1, 1).text = "Quảng Trị, ngày 02 tháng 12 năm 2022"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph(
        "Thực hiện Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương."
    )
    stats = document.add_table(rows=2, cols=3)
    merged = stats.cell(0, 0).merge(stats.cell(0, 2))
    merged.text = "Kết quả năm 2022"
    for col, value in enumerate(["9.757 đảng viên", "98,5%", "125 chi bộ"]):
        stats.cell(1, col).text = value
    document.add_paragraph("")
    document.add_paragraph("Nơi nhận: Ban Tổ chức Trung ương.")
    section = document.sections[0]
    section.footer.paragraphs[0].text = "Trang 1"
    document.save(str(path))
    return path


def test_docx_paragraphs_and_table_cells_in_order(tmp_path) -> None:
    doc = read_document(make_docx(tmp_path / "ke-hoach.docx"))
    assert doc.format == "docx"
    assert doc.title == "Kế hoạch 48-KH/TU"
    assert doc.metadata["author"] == "Văn phòng Tỉnh ủy"
    assert doc.text.split("\n") == [
        "TỈNH ỦY QUẢNG TRỊ",
        "*",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 48-KH/TU",
        "Quảng Trị, ngày 02 tháng 12 năm 2022",
        "KẾ HOẠCH",
        "Thực hiện Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương.",
        "Kết quả năm 2022",  # merged across three columns, read once
        "9.757 đảng viên",
        "98,5%",
        "125 chi bộ",
        "Nơi nhận: Ban Tổ chức Trung ương.",
    ]  # the footer "Trang 1" is left out


def test_docx_in_a_legacy_font_is_converted(tmp_path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Céng hßa x· héi chñ nghÜa ViÖt Nam")  # typed in .VnTime
    document.add_paragraph("§éc lËp - Tù do - H¹nh phóc")
    path = tmp_path / "vntime.docx"
    document.save(str(path))
    doc = read_document(path)
    assert doc.text == "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc"
    assert doc.metadata["encoding"] == "tcvn3"


@pytest.mark.parametrize(
    "data,cause",
    [
        (b"not a zip at all", "broken .docx (not a zip package)"),
        (b"PK\x05\x06" + bytes(18), "broken .docx"),  # an empty zip
    ],
)
def test_broken_docx_is_an_error(tmp_path, data, cause) -> None:
    pytest.importorskip("docx")
    with pytest.raises(ReadError) as info:
        read_document(write(tmp_path, "hong.docx", data))
    assert cause in info.value.cause


def test_empty_docx_is_an_error(tmp_path) -> None:
    docx = pytest.importorskip("docx")
    path = tmp_path / "trong.docx"
    docx.Document().save(str(path))
    with pytest.raises(ReadError, match="empty document"):
        read_document(path)


def test_doc_without_libreoffice_says_what_to_install(tmp_path, monkeypatch) -> None:
    import vnpolicy.corpus.docx as word

    monkeypatch.setattr(word, "find_libreoffice", lambda: None)
    with pytest.raises(ReadError, match="needs LibreOffice .apt-get install libreoffice-writer"):
        read_document(write(tmp_path, "cu.doc", b"\xd0\xcf\x11\xe0" + bytes(100)))


def test_doc_is_converted_through_libreoffice(tmp_path, monkeypatch) -> None:
    import vnpolicy.corpus.docx as word

    converted = make_docx(tmp_path / "made.docx")
    fake = tmp_path / "soffice"  # stands in for LibreOffice: "converts" by copying
    fake.write_text(
        f'#!/bin/sh\nfor last; do :; done\ncp {converted} "$5/$(basename "$last" .doc).docx"\n'
    )
    fake.chmod(0o755)
    monkeypatch.setattr(word, "find_libreoffice", lambda: str(fake))
    path = write(tmp_path, "cu.doc", b"\xd0\xcf\x11\xe0" + bytes(100))
    doc = read_document(path)
    assert doc.format == "doc" and doc.source == str(path)
    assert "Nghị quyết số 21-NQ/TW" in doc.text


# --- images: OCR (the scans themselves are made in tests/test_pdf.py) --------------------------


@pytest.mark.parametrize("suffix", [".png", ".tif", ".jpg"])
def test_scanned_image_is_read_by_ocr(tmp_path, suffix) -> None:
    from tests.test_pdf import scanned_page
    from vnpolicy.corpus.ocr import ocr_available

    if not ocr_available():
        pytest.skip("tesseract-ocr with tesseract-ocr-vie is not installed")
    doc = read_document(scanned_page(tmp_path / f"scan{suffix}"))
    assert doc.format == "image"
    assert doc.metadata["ocr"] is True and doc.metadata["ocr_confidence"] > 70
    assert "Nghị định số 163/2006/NĐ-CP ngày 29/12/2006" in doc.text


def test_broken_image_is_an_error(tmp_path) -> None:
    from vnpolicy.corpus.ocr import ocr_available

    if not ocr_available():
        pytest.skip("tesseract-ocr with tesseract-ocr-vie is not installed")
    with pytest.raises(ReadError, match="cannot read image|no text found"):
        read_document(write(tmp_path, "hong.png", b"\x89PNG\r\n\x1a\nnot really"))
