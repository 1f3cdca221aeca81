"""The directive page over a small archive built here from written documents: its metadata
(from its own header when the archive holds it, else from the fullest citation), its status
as `vnpolicy status` reads it, and the SVG graph of its neighbourhood, which must parse as XML
with the expected nodes and arrows; unit kinds and error pages in Vietnamese."""

from __future__ import annotations

import re
import warnings
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pytest

from tests.index_support import MOTTO, extracted_record, make_record
from vnpolicy.outputs.index_relations import DocumentStatus, RelationRow
from vnpolicy.outputs.index_sqlite import SqliteIndex
from vnpolicy.web import create_app
from vnpolicy.web.relation_graph import MAX_PER_SIDE, relation_graph

with warnings.catch_warnings():  # starlette's own use of a deprecated anyio alias
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

SVG = "{http://www.w3.org/2000/svg}"
ARCHIVE = {
    "tt-46-2014.txt": (
        f"NGÂN HÀNG NHÀ NƯỚC VIỆT NAM\n{MOTTO}Số: 46/2014/TT-NHNN\n"
        "Hà Nội, ngày 31 tháng 12 năm 2014\nTHÔNG TƯ\nHướng dẫn về dịch vụ thanh toán không "
        "dùng tiền mặt\nĐiều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn về dịch vụ thanh "
        "toán.\n"
    ),
    "tt-15-2024.txt": (
        f"NGÂN HÀNG NHÀ NƯỚC VIỆT NAM\n{MOTTO}Số: 15/2024/TT-NHNN\n"
        "Hà Nội, ngày 28 tháng 6 năm 2024\nTHÔNG TƯ\nQuy định về dịch vụ thanh toán\n"
        "Căn cứ Luật Ngân hàng Nhà nước Việt Nam số 46/2010/QH12 ngày 16 tháng 6 năm 2010;\n"
        "Căn cứ Nghị định số 102/2022/NĐ-CP ngày 12 tháng 12 năm 2022 của Chính phủ quy định "
        "chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Ngân hàng Nhà nước Việt Nam;\n"
        "Điều 1. Phạm vi điều chỉnh\nThông tư này quy định về dịch vụ thanh toán.\n"
        "Điều 30. Hiệu lực thi hành\n1. Thông tư này có hiệu lực từ ngày 01 tháng 7 năm 2024 "
        "và thay thế Thông tư số 46/2014/TT-NHNN ngày 31 tháng 12 năm 2014.\n"
        "2. Bãi bỏ Điều 3 của Thông tư số 30/2016/TT-NHNN ngày 14 tháng 10 năm 2016 của "
        "Thống đốc Ngân hàng Nhà nước Việt Nam sửa đổi, bổ sung một số thông tư quy định về "
        "hoạt động cung ứng dịch vụ thanh toán.\n"
    ),
    "tt-08-2025.txt": (
        f"NGÂN HÀNG NHÀ NƯỚC VIỆT NAM\n{MOTTO}Số: 08/2025/TT-NHNN\n"
        "Hà Nội, ngày 10 tháng 3 năm 2025\nTHÔNG TƯ\nSửa đổi, bổ sung một số điều của Thông "
        "tư số 15/2024/TT-NHNN ngày 28 tháng 6 năm 2024 quy định về dịch vụ thanh toán\n"
        "Căn cứ Luật Ngân hàng Nhà nước Việt Nam ngày 16 tháng 6 năm 2010;\n"
        "Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 15/2024/TT-NHNN\n"
        "Điều 2. Thông tư này có hiệu lực từ ngày 01 tháng 5 năm 2025.\n"
    ),
}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("directive") / "archive.sqlite"
    with SqliteIndex(db) as index:
        for source, text in ARCHIVE.items():
            index.add(extracted_record(source, text), text)
        unit_text = "Huyện ủy Hải Lăng và xã Hải An quán triệt Thông tư số 15/2024/TT-NHNN."
        index.add(
            make_record(
                "tin/hai-lang.txt",
                unit_text,
                units=[
                    ("Huyện ủy Hải Lăng", {"name": "Huyện ủy Hải Lăng", "kind": "party"}),
                    ("xã Hải An", {"name": "xã Hải An", "kind": "locality"}),
                ],
            ),
            unit_text,
        )
    return TestClient(create_app(db))


def _page(client: TestClient, ref: str) -> str:
    page = client.get("/reference", params={"ref": ref})
    assert page.status_code == 200
    return page.text


def _graph(html: str) -> ET.Element:
    svg = re.search(r'<svg class="relation-graph".*?</svg>', html, re.S)
    assert svg, "no relation graph on the page"
    return ET.fromstring(svg.group(0))


def _nodes(svg: ET.Element, side: str) -> list[str]:
    """The first line of each node's box on one side ("left", "right", "center")."""
    return [
        node.findall(f"{SVG}text")[0].text
        for node in svg.iter()
        if (node.get("class") or "").split() == ["node", side]
    ]


def _edges(svg: ET.Element, side: str) -> list[str]:
    return [edge.get("data-type") for edge in svg.iter() if edge.get("class") == f"edge {side}"]


def test_replaced_document_shows_its_header_and_what_replaced_it(client) -> None:
    html = _page(client, "46/2014/TT-NHNN")
    assert re.search(r"<h1>Thông tư 46/2014/TT-NHNN</h1>", html)
    assert '<dd class="date">2014-12-31</dd>' in html
    assert "Hướng dẫn về dịch vụ thanh toán không dùng tiền mặt" in html
    assert "theo văn bản trong lưu trữ" in html and "tt-46-2014.txt" in html
    standing = re.search(r'<p class="standing">(.*?)</p>', html, re.S).group(1)
    assert "hết hiệu lực: bị thay thế bởi" in standing
    assert 'href="/reference?ref=15%2F2024%2FTT-NHNN">15/2024/TT-NHNN</a>' in standing
    assert "(ngày 2024-06-28, hiệu lực từ 2024-07-01)" in standing
    svg = _graph(html)
    assert _nodes(svg, "center") == ["Thông tư 46/2014/TT-NHNN"]
    assert _nodes(svg, "right") == ["15/2024/TT-NHNN"] and _edges(svg, "right") == ["thay thế"]
    assert _nodes(svg, "left") == []


def test_a_document_between_others_rests_on_left_acted_on_right(client) -> None:
    html = _page(client, "15/2024/tt-nhnn")  # any spelling of its number
    assert "còn hiệu lực theo lưu trữ; được sửa đổi, bổ sung bởi" in html
    assert "được sửa đổi, bổ sung bởi" in html and "08/2025/TT-NHNN" in html
    svg = _graph(html)
    left = dict(zip(_nodes(svg, "left"), _edges(svg, "left"), strict=True))
    assert left["46/2010/QH12"] == left["102/2022/NĐ-CP"] == "căn cứ"
    assert left["46/2014/TT-NHNN"] == "thay thế"
    assert left["30/2016/TT-NHNN"] == "bãi bỏ một phần"
    assert list(left)[:2] == ["46/2010/QH12", "102/2022/NĐ-CP"]  # what it rests on first
    assert _nodes(svg, "right") == ["08/2025/TT-NHNN"]
    assert _edges(svg, "right") == ["sửa đổi, bổ sung"]
    links = {a.get("href") for a in svg.iter(f"{SVG}a")}
    assert "/reference?" + urlencode({"ref": "08/2025/TT-NHNN"}) in links


def test_a_document_only_cited_takes_the_fullest_citation(client) -> None:
    html = _page(client, "30/2016/TT-NHNN")
    assert "theo trích dẫn đầy đủ nhất" in html
    assert '<dd class="date">2016-10-14</dd>' in html
    assert "hết hiệu lực một phần: bị bãi bỏ một phần (Điều 3) bởi" in html
    assert _edges(_graph(html), "right") == ["bãi bỏ một phần"]


def test_a_reference_the_archive_says_nothing_of_has_no_status(client) -> None:
    html = _page(client, "99/2099/TT-NHNN")
    assert "<h1>99/2099/TT-NHNN</h1>" in html
    assert 'class="standing"' not in html and "relation-graph" not in html


def _row(source: str, target: str, kind: str = "căn cứ") -> RelationRow:
    return RelationRow(kind, source, target, None, None, "x.txt", source, None)


def test_graph_is_bounded_and_escapes_labels() -> None:
    many = [_row("X", f"{n}/2020/NĐ-CP") for n in range(1, MAX_PER_SIDE + 5)]
    odd = _row('<script>"&', "X", "hướng dẫn")
    status = DocumentStatus(id="X & <Y>", key="x", acts_on=many, acted_on_by=[odd])
    svg = ET.fromstring(str(relation_graph(status)))  # parses: every label escaped
    assert len(_nodes(svg, "left")) == MAX_PER_SIDE
    more = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "more left"]
    assert more == ["+4 văn bản khác"]
    assert _nodes(svg, "right") == ['<script>"&'] and _nodes(svg, "center") == ["X & <Y>"]
    assert relation_graph(DocumentStatus(id="X", key="x")) == ""


def test_unit_kinds_are_vietnamese(client) -> None:
    html = client.get("/document", params={"source": "tin/hai-lang.txt"}).text
    kinds = re.findall(r'<td class="muted unit-kind">([^<]*)</td>', html)
    assert kinds == ["Tổ chức Đảng", "Địa phương"]
    assert 'title="Huyện ủy Hải Lăng (Tổ chức Đảng)"' in html
    assert "(party)" not in html


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/khong-co", 404, "Không có trang này: /khong-co"),
        ("/reference", 400, "Thiếu văn bản cần xem"),
        ("/document?source=nope", 404, "Không tìm thấy tài liệu này"),
    ],
)
def test_error_pages_are_vietnamese(client, url: str, status: int, message: str) -> None:
    page = client.get(url)
    assert page.status_code == status
    assert '<html lang="vi">' in page.text and message in page.text
