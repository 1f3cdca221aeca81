"""The statistics page (/thong-ke): a measure typed with or without marks, its figures by
place and year as a table linked to the documents, and the server-made SVG bar chart."""

from __future__ import annotations

import sqlite3
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlencode

import lxml.html
import pytest

from tests.index_support import make_record
from vnpolicy.outputs.index import SqliteIndex
from vnpolicy.web import create_app
from vnpolicy.web.svg_plot import Bar, bar_chart, vi_number

with warnings.catch_warnings():  # starlette's own use of a deprecated anyio alias
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

SVG = "{http://www.w3.org/2000/svg}"
POOR = {"kind": "percent", "unit": "%"}

GIO_LINH = (
    "Giai đoạn 2019 - 2022, tỷ lệ hộ nghèo của huyện Gio Linh giảm còn 3,5%; "
    "năm 2022 toàn huyện kết nạp 150 đảng viên mới."
)
HAI_LANG = (
    "Năm 2021, tỉ lệ hộ nghèo huyện Hải Lăng còn 4,2%; năm 2022 giảm thêm 120 hộ nghèo, "
    "tỉ lệ hộ nghèo còn 3,1%."
)
QUANG_TRI = "Tỷ lệ hộ nghèo đa chiều toàn tỉnh Quảng Trị năm 2022 là 6,8%."
ODD = "Báo cáo của thôn <Bến & Đò>: tỷ lệ hộ nghèo còn 9%."

# (source, text, date, [(written, fields)])
DOCUMENTS = [
    (
        "bc-gio-linh.txt",
        GIO_LINH,
        "2022-12-20",
        [
            (
                "3,5%",
                {
                    **POOR,
                    "value": 3.5,
                    "subject": "tỷ lệ hộ nghèo",
                    "place": "huyện Gio Linh",
                    "period": "giai đoạn 2019 - 2022",
                    "years": [2019, 2022],
                },
            ),
            (
                "150 đảng viên mới",
                {
                    "value": 150,
                    "unit": "đảng viên",
                    "kind": "count",
                    "subject": "đảng viên mới",
                    "place": "huyện Gio Linh",
                    "period": "năm 2022",
                    "years": [2022, 2022],
                },
            ),
        ],
    ),
    (
        "bc-hai-lang.txt",
        HAI_LANG,
        "2022-12-15",
        [
            (
                "4,2%",
                {
                    **POOR,
                    "value": 4.2,
                    "subject": "tỉ lệ hộ nghèo",
                    "place": "huyện Hải Lăng",
                    "period": "năm 2021",
                    "years": [2021, 2021],
                },
            ),
            (
                "120 hộ nghèo",
                {
                    "value": 120,
                    "unit": "hộ",
                    "kind": "count",
                    "subject": "hộ nghèo",
                    "place": "huyện Hải Lăng",
                    "period": "năm 2022",
                    "years": [2022, 2022],
                },
            ),
            (
                "3,1%",
                {
                    **POOR,
                    "value": 3.1,
                    "subject": "tỉ lệ hộ nghèo",
                    "place": "huyện Hải Lăng",
                    "period": "năm 2022",
                    "years": [2022, 2022],
                },
            ),
        ],
    ),
    (
        "bc-quang-tri.txt",
        QUANG_TRI,
        "2023-01-10",
        [
            (
                "6,8%",
                {
                    **POOR,
                    "value": 6.8,
                    "subject": "tỷ lệ hộ nghèo đa chiều",
                    "place": ["tỉnh Quảng Trị"],
                    "period": "năm 2022",
                    "years": [2022, 2022],
                },
            )
        ],
    ),
    (
        "bc-thon.txt",
        ODD,
        None,
        [("9%", {**POOR, "value": 9, "subject": "tỷ lệ hộ nghèo", "place": "thôn <Bến & Đò>"})],
    ),
]


def _build(path: Path) -> Path:
    with SqliteIndex(path) as index:
        for source, text, date, statistics in DOCUMENTS:
            record = make_record(
                source, text, statistics=statistics, self_={"doc_type": "báo cáo", "date": date}
            )
            index.add(record, text)
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("web-statistics") / "archive.sqlite")


@pytest.fixture(scope="module")
def client(db: Path):
    with TestClient(create_app(db)) as c:
        yield c


def _page(client, **params) -> lxml.html.HtmlElement:
    response = client.get("/thong-ke?" + urlencode(params))
    assert response.status_code == 200
    return lxml.html.fromstring(response.text)


def _table(page) -> dict[str, dict[str, list[str]]]:
    """place -> year -> the values of the cell, read from the page's table."""
    table = page.xpath("//table[@class='statistics']")[0]
    rows = table.xpath(".//tr")
    years = [th.text_content().strip() for th in rows[0].xpath("th")[1:]]
    out = {}
    for row in rows[1:]:
        place = row.xpath("th")[0].text_content().strip()
        cells = row.xpath("td")
        out[place] = {
            y: [a.text_content() for a in td.xpath("a[@class='figure']")]
            for y, td in zip(years, cells, strict=True)
        }
    return out


def _svg(page) -> ET.Element:
    svg = page.xpath("//svg[@class='plot']")[0]
    return ET.fromstring(lxml.html.tostring(svg, encoding="unicode", method="xml"))


# --- matching the measure --------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "exact", "subjects"),
    [
        ("ty le ho ngheo", False, {"tỷ lệ hộ nghèo", "tỉ lệ hộ nghèo", "tỷ lệ hộ nghèo đa chiều"}),
        ("TỶ LỆ HỘ NGHÈO", True, {"tỷ lệ hộ nghèo", "tỉ lệ hộ nghèo"}),
        (
            "ho ngheo",
            False,
            {"tỷ lệ hộ nghèo", "tỉ lệ hộ nghèo", "tỷ lệ hộ nghèo đa chiều", "hộ nghèo"},
        ),
        ("dang vien moi", False, {"đảng viên mới"}),
        ("ngheo da", False, {"tỷ lệ hộ nghèo đa chiều"}),
        ("le ho", False, {"tỷ lệ hộ nghèo", "tỉ lệ hộ nghèo", "tỷ lệ hộ nghèo đa chiều"}),
        ("ho ngheo moi", False, set()),
        ("e ho", False, set()),  # whole words only: not "l|e ho"
        ("%", False, set()),
    ],
)
def test_measure_is_matched_folded_by_whole_words(db: Path, typed, exact, subjects) -> None:
    with SqliteIndex(db, read_only=True) as index:
        found = index.statistics_of(typed, exact=exact)
    assert {f.subject for f in found} == subjects


def test_figures_keep_place_years_and_position(db: Path) -> None:
    with SqliteIndex(db, read_only=True) as index:
        (figure,) = index.statistics_of("đảng viên mới")
        doc = index.document("bc-quang-tri.txt")
    assert (figure.source, figure.place, figure.year_first, figure.year_last) == (
        "bc-gio-linh.txt",
        "huyện Gio Linh",
        2022,
        2022,
    )
    assert (figure.value, figure.unit, figure.position, figure.years_label) == (
        150,
        "đảng viên",
        1,
        "2022",
    )
    assert doc.statistics[0]["place"] == "tỉnh Quảng Trị"  # a list of one place, joined
    assert doc.statistics[0]["years"] == [2022, 2022]


# --- the page ---------------------------------------------------------------------------


def test_table_by_place_and_year_links_each_figure_to_its_document(client) -> None:
    page = _page(client, q="ty le ho ngheo")
    empty = {"2021": [], "2019–2022": [], "2022": [], "không rõ năm": []}
    assert _table(page) == {  # places folded in order; years by last, then first year
        "huyện Gio Linh": {**empty, "2019–2022": ["3,5 %"]},
        "huyện Hải Lăng": {**empty, "2021": ["4,2 %"], "2022": ["3,1 %"]},
        "thôn <Bến & Đò>": {**empty, "không rõ năm": ["9 %"]},
        "tỉnh Quảng Trị": {**empty, "2022": ["6,8 %"]},
    }
    links = {a.text_content(): a.get("href") for a in page.xpath("//a[@class='figure']")}
    assert links["3,1 %"] == "/document?source=bc-hai-lang.txt#stat-2"
    target = client.get(links["3,1 %"].split("#")[0])
    assert target.status_code == 200 and 'id="stat-2"' in target.text
    matched = page.xpath("//p[contains(@class, 'matched')]")[
        0
    ].text_content()  # the measures found, as written
    assert "tỷ lệ hộ nghèo (2)" in matched and "tỷ lệ hộ nghèo đa chiều (1)" in matched


def test_svg_plot_has_one_bar_per_figure_and_escaped_labels(client) -> None:
    page = _page(client, q="ty le ho ngheo")
    svg = _svg(page)  # parses as XML
    marks = svg.findall(f".//{SVG}rect[@class='mark']")
    assert len(marks) == 5
    assert sorted(m.get("data-series") for m in marks) == sorted(
        ["huyện Gio Linh", "huyện Hải Lăng", "huyện Hải Lăng", "thôn <Bến & Đò>", "tỉnh Quảng Trị"]
    )
    heights = {m.findtext(f"{SVG}title"): float(m.get("height")) for m in marks}
    assert heights["huyện Hải Lăng, 2021: 4,2 %"] > heights["huyện Hải Lăng, 2022: 3,1 %"]
    assert heights["thôn <Bến & Đò>, không rõ năm: 9 %"] == max(heights.values())
    labels = {t.text for t in svg.iter(f"{SVG}text")}
    assert {"2021", "2019–2022", "2022", "không rõ năm", "thôn <Bến & Đò>"} <= labels
    links = [a.get("href") for a in svg.iter(f"{SVG}a")]
    assert "/document?source=bc-hai-lang.txt#stat-2" in links and len(links) == 5
    raw = client.get("/thong-ke?q=ty+le+ho+ngheo").text
    assert "<Bến" not in raw and "&lt;Bến &amp; Đò&gt;" in raw


def test_plot_draws_one_unit_at_a_time(client) -> None:
    page = _page(client, q="ho ngheo")  # 5 figures in %, 1 in hộ
    assert len(_svg(page).findall(f".//{SVG}rect[@class='mark']")) == 5
    other = [a for a in page.xpath("//figcaption//a") if a.text_content() == "hộ"]
    assert other, "a link to plot the other unit"
    page = lxml.html.fromstring(client.get(other[0].get("href")).text)
    (mark,) = _svg(page).findall(f".//{SVG}rect[@class='mark']")
    assert mark.findtext(f"{SVG}title") == "huyện Hải Lăng, 2022: 120 hộ"


def test_landing_page_offers_measures_and_nav_links_to_it(client) -> None:
    page = _page(client)
    measures = [a.text_content() for a in page.xpath("//ul[@class='measures']//a")]
    # 4 figures with this key, written 2 ways (2 each): one spelling stands for both
    assert measures[0] in ("tỷ lệ hộ nghèo", "tỉ lệ hộ nghèo")
    assert measures[1:] == ["đảng viên mới", "hộ nghèo", "tỷ lệ hộ nghèo đa chiều"]  # 1 each
    assert page.xpath("//header/a[@href='/thong-ke']")
    home = lxml.html.fromstring(client.get("/").text)
    assert home.xpath("//header/a[@href='/thong-ke']")[0].text_content() == "Thống kê số liệu"


def test_unknown_measure_is_said_in_vietnamese(client) -> None:
    page = _page(client, q="số xã nông thôn mới")
    assert "Không có số liệu nào về “số xã nông thôn mới”" in page.text_content()
    assert not page.xpath("//svg")


def test_an_older_index_gets_its_measures_keyed(tmp_path: Path) -> None:
    from tests.archive_support import as_schema_1

    path = _build(tmp_path / "old.sqlite")
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX statistics_subject_key")
    for column in ("place", "year_first", "year_last", "subject_key"):
        conn.execute(f"ALTER TABLE statistics DROP COLUMN {column}")
    conn.commit()
    conn.close()
    as_schema_1(path)
    with SqliteIndex(path) as index:
        assert index.migrated_from == "1"
        found = index.statistics_of("ty le ho ngheo", exact=True)
    assert sorted(f.value for f in found) == [3.1, 3.5, 4.2, 9]
    assert {f.place for f in found} == {None}  # not stored before: back at the next indexing


# --- the SVG writer ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [(39199, "39.199"), (3.5, "3,5"), (1234.25, "1.234,25"), (-2.5, "-2,5"), (0, "0"), (None, "")],
)
def test_numbers_are_written_the_vietnamese_way(value, written) -> None:
    assert vi_number(value) == written


def test_bar_chart_scales_to_the_largest_value_and_handles_negatives() -> None:
    bars = [
        Bar("2021", "xã Gio An", 12, "12 %"),
        Bar("2022", "xã Gio An", -3, "-3 %"),
        Bar("2022", "xã Gio Sơn", 24, "24 %", "/document?source=a.txt"),
    ]
    svg = ET.fromstring(str(bar_chart(bars, "Tăng trưởng (%)")))
    marks = svg.findall(f".//{SVG}rect[@class='mark']")
    assert [m.get("data-group") for m in marks] == ["2021", "2022", "2022"]
    heights = [float(m.get("height")) for m in marks]
    assert heights[2] == pytest.approx(2 * heights[0], rel=0.02)
    assert float(marks[1].get("y")) == pytest.approx(
        float(marks[0].get("y")) + heights[0], abs=0.2
    )  # a negative bar hangs below the zero line
    assert svg.findtext(f"{SVG}title") == "Tăng trưởng (%)"
    assert bar_chart([], "x") == ""
