"""PDF layout: pages set in two columns read column by column, ruled tables kept as data;
one-column pages, header blocks and borderless figure tables read line by line as before.
The PDFs are drawn here with reportlab in DejaVu Sans (Vietnamese letters)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnpolicy.corpus import read_document
from vnpolicy.corpus.pdf import column_blocks
from vnpolicy.corpus.tables import Table, locate_cells

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _font() -> str:
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if not FONT.exists():
        pytest.skip("no DejaVu font to draw test PDFs")
    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    return "DejaVu"


def draw_pdf(path: Path, pages: list[list[tuple[float, float, float, str]]]) -> Path:
    """A PDF whose pages hold text runs `(x, y from the top, size, text)` in points (A4)."""
    font = _font()
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    for runs in pages:
        for x, y, size, text in runs:
            canvas.setFont(font, size)
            canvas.drawString(x, A4[1] - y, text)
        canvas.showPage()
    canvas.save()
    return path


def table_pdf(path: Path, before: str, rows: list[list[str]], after: str) -> Path:
    """A page with a paragraph, a ruled table of `rows` and a closing paragraph."""
    font = _font()
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as PdfTable

    style = ParagraphStyle("body", fontName=font, fontSize=11, leading=14)
    grid = PdfTable(rows)
    grid.setStyle(
        TableStyle(
            [("FONT", (0, 0), (-1, -1), font, 10), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
        )
    )
    story = [Paragraph(before, style), Spacer(1, 12), grid, Spacer(1, 12), Paragraph(after, style)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


# --- two columns -------------------------------------------------------------------------------

LEFT = [
    "Ngày 07/5/2021, Ban Thường vụ Tỉnh ủy",
    "Quảng Trị tổ chức hội nghị quán triệt",
    "Chỉ thị số 05-CT/TW của Bộ Chính trị về",
    "đẩy mạnh học tập và làm theo tư tưởng,",
    "đạo đức, phong cách Hồ Chí Minh. Hội",
    "nghị được tổ chức trực tuyến đến 125",
    "điểm cầu với hơn 9.757 đồng chí dự.",
    "Kết thúc cột trái của trang báo này.",
]
RIGHT = [
    "Năm 2020 toàn tỉnh có 98,5% tổ chức",
    "cơ sở đảng hoàn thành tốt nhiệm vụ;",
    "kết nạp 1.216 đảng viên mới, đạt 110%",
    "kế hoạch. Tỉnh ủy yêu cầu các cấp ủy",
    "xây dựng kế hoạch thực hiện Kết luận",
    "số 01-KL/TW ngày 18/5/2021 của Bộ",
    "Chính trị và báo cáo kết quả hằng quý.",
]
HEADLINE = "QUẢNG TRỊ ĐẨY MẠNH HỌC TẬP VÀ LÀM THEO TƯ TƯỞNG HỒ CHÍ MINH TRONG TOÀN ĐẢNG BỘ"
CLOSING = "Bài và ảnh: Minh Anh, phóng viên Báo Quảng Trị thường trú tại huyện Hải Lăng, Gio Linh"


def two_column_page(left_pitch: float = 14, right_pitch: float = 14) -> list:
    runs = [(50, 60, 11, HEADLINE)]
    runs += [(50, 100 + left_pitch * i, 10, line) for i, line in enumerate(LEFT)]
    runs += [(310, 100 + right_pitch * i, 10, line) for i, line in enumerate(RIGHT)]
    runs.append((50, 260, 10, CLOSING))
    return runs


@pytest.mark.parametrize("pitches", [(14, 14), (13, 16.5)], ids=["aligned", "other pitch"])
def test_two_columns_are_read_column_by_column(tmp_path, pitches) -> None:
    doc = read_document(draw_pdf(tmp_path / "bao.pdf", [two_column_page(*pitches)]))
    assert doc.text.split("\n") == [HEADLINE, *LEFT, *RIGHT, CLOSING]
    assert "Chỉ thị số 05-CT/TW của Bộ Chính trị về\nđẩy mạnh" in doc.text


def test_one_column_text_and_short_two_sided_blocks_read_line_by_line(tmp_path) -> None:
    header = [  # the header block of an official document: two sides, three lines
        (60, 60, 11, "TỈNH ỦY QUẢNG TRỊ"),
        (320, 60, 11, "ĐẢNG CỘNG SẢN VIỆT NAM"),
        (90, 76, 11, "*"),
        (320, 76, 11, "Quảng Trị, ngày 02 tháng 12 năm 2022"),
        (70, 92, 11, "Số 48-KH/TU"),
    ]
    body = [
        (50, 130 + 16 * i, 11, f"Dòng {i + 1} của văn bản chạy hết bề ngang trang giấy khổ A4 này.")
        for i in range(10)
    ]
    doc = read_document(draw_pdf(tmp_path / "ke-hoach.pdf", [header + body]))
    lines = doc.text.split("\n")
    assert lines[:3] == [
        "TỈNH ỦY QUẢNG TRỊ ĐẢNG CỘNG SẢN VIỆT NAM",
        "* Quảng Trị, ngày 02 tháng 12 năm 2022",
        "Số 48-KH/TU",
    ]
    assert lines[3] == "Dòng 1 của văn bản chạy hết bề ngang trang giấy khổ A4 này."


def test_a_borderless_table_of_figures_is_not_taken_for_columns(tmp_path) -> None:
    rows = [
        ("Tỷ lệ hộ nghèo", "12,5", "10,2", "8,7"),
        ("Số đảng viên mới", "1.216", "1.305", "1.412"),
        ("Số chi bộ", "125", "130", "131"),
        ("Số tổ chức cơ sở đảng", "312", "315", "320"),
        ("Tổng vốn đầu tư", "3.000", "3.450", "4.100"),
        ("Diện tích rừng trồng", "1.250", "1.300", "1.480"),
        ("Số xã nông thôn mới", "45", "52", "60"),
    ]
    runs = []
    for i, row in enumerate(rows):
        for x, cell in zip((50, 300, 380, 460), row, strict=True):
            runs.append((x, 80 + 16 * i, 10, cell))
    doc = read_document(draw_pdf(tmp_path / "bang.pdf", [runs]))
    assert doc.text.split("\n")[0] == "Tỷ lệ hộ nghèo 12,5 10,2 8,7"
    assert len(doc.text.split("\n")) == len(rows)


def test_column_blocks_finds_the_gutter_between_the_columns() -> None:
    words = []
    for i in range(8):
        top = 100 + 14 * i
        words += [
            {"text": t, "x0": 50 + 40 * k, "x1": 85 + 40 * k, "top": top, "bottom": top + 10}
            for k, t in enumerate("Ban Thường vụ Tỉnh ủy".split())
        ]
        words += [
            {"text": t, "x0": 310 + 40 * k, "x1": 345 + 40 * k, "top": top, "bottom": top + 10}
            for k, t in enumerate("kết nạp đảng viên mới".split())
        ]
    [(top, bottom, gutter)] = column_blocks(words, 595)
    assert (top, bottom) == (100, 208)
    assert 245 < gutter < 310
    assert column_blocks([w for w in words if w["x0"] < 300], 595) == []  # one column


# --- tables as data ----------------------------------------------------------------------------

INDICATORS = [
    ["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2021", "Năm 2022", "Năm 2023"],
    ["1", "Tỷ lệ hộ nghèo", "%", "12,5", "10,2", "8,7"],
    ["2", "Số đảng viên mới kết nạp", "đảng viên", "1.216", "1.305", "1.412"],
    ["3", "Tổng vốn đầu tư", "tỷ đồng", "3.000", "3.450,5", "4.100"],
]


def test_ruled_tables_are_kept_with_their_cells_located_in_the_text(tmp_path) -> None:
    path = table_pdf(
        tmp_path / "bao-cao.pdf",
        "Kết quả thực hiện Nghị quyết số 05-NQ/TU qua 3 năm như sau:",
        INDICATORS,
        "Các chỉ tiêu cơ bản đạt và vượt kế hoạch.",
    )
    doc = read_document(path)
    [table] = doc.tables
    assert isinstance(table, Table) and table.page == 1
    assert table.rows == INDICATORS
    x0, top, x1, bottom = table.bbox
    assert x0 < x1 and top < bottom
    for row, spans in zip(table.rows, table.cells, strict=True):
        assert [doc.text[s:e] for s, e in spans] == row
    # the "3" of "3 năm" in the paragraph above is not the "3" of the third row
    assert table.cells[3][0][0] > doc.text.index("Tổng vốn") - 3
    assert doc.text.endswith("Các chỉ tiêu cơ bản đạt và vượt kế hoạch.")
    assert table.to_dict()["rows"][1][1] == "Tỷ lệ hộ nghèo"


LOCATE = [
    # (rows, text, expected cell texts or None)
    (
        [["Chỉ tiêu", "2023"], ["Tỷ lệ", "8,7"]],
        "Chỉ tiêu 2023\nTỷ lệ 8,7",
        [["Chỉ tiêu", "2023"], ["Tỷ lệ", "8,7"]],
    ),
    # a "1" is not found inside "12,5" or "2021"
    ([["1", "12,5"]], "Năm 2021 có 12,5 và\n1 12,5", [["1", "12,5"]]),
    # a wrapped cell is found by its first line; a missing cell is None
    ([["Số hộ\nnghèo", "1.200", "x"]], "Số hộ 1.200\nnghèo", [["Số hộ", "1.200", None]]),
]


@pytest.mark.parametrize("rows,text,expected", LOCATE)
def test_locate_cells(rows, text, expected) -> None:
    spans = locate_cells(rows, text, 0, len(text))
    assert [[text[s[0] : s[1]] if s else None for s in row] for row in spans] == expected
    if expected == [["1", "12,5"]]:
        assert spans[0][0][0] == text.index("\n1 ") + 1


def test_three_columns_are_read_one_after_the_other(tmp_path) -> None:
    columns = [
        [f"Cột {c} dòng {i} nói về đảng viên mới" for i in range(1, 9)]
        for c in ("một", "hai", "ba")
    ]
    runs = [(40, 60, 12, HEADLINE)]
    for x, column in zip((40, 230, 420), columns, strict=True):
        runs += [(x, 100 + 13 * i, 9, line) for i, line in enumerate(column)]
    doc = read_document(draw_pdf(tmp_path / "ba-cot.pdf", [runs]))
    assert doc.text.split("\n") == [HEADLINE, *columns[0], *columns[1], *columns[2]]
