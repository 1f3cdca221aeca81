"""The web pages through Starlette's TestClient: search with filters, a document with its
spans marked in place (escaped), a reference's citations over time, statistics as CSV, and
bad input answered with a page rather than a traceback."""

from __future__ import annotations

import csv
import io
import re
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.index_support import dev_index, dev_output, dev_records, make_record
from vnpolicy.outputs.index import IndexOpenError, SqliteIndex
from vnpolicy.web import create_app
from vnpolicy.web.pool import IndexPool, PoolBusyError

with warnings.catch_warnings():  # starlette's own use of a deprecated anyio alias
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

TEXT_A = (
    "Kế hoạch của Huyện uỷ Hải Lăng <script>alert('x')</script> thực hiện "
    "Nghị quyết số 21-NQ/TW ngày 16/6/2022; năm 2022 kết nạp 120 đảng viên, đạt 105%."
)
TEXT_B = "Tin: Tỉnh đoàn Quảng Trị quán triệt Nghị quyết 21-NQ/TW tới 2.000 đoàn viên."


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "archive.sqlite"
    with SqliteIndex(path) as index:
        index.add(
            make_record(
                "docs/kh 01 & <b>.txt",
                TEXT_A,
                references=[
                    (
                        "Nghị quyết số 21-NQ/TW",
                        {"id": "21-NQ/TW", "doc_type": "nghị quyết", "date": "2022-06-16"},
                    )
                ],
                units=[("Huyện uỷ Hải Lăng", {"name": "Huyện ủy Hải Lăng", "kind": "party"})],
                statistics=[
                    ("120 đảng viên", {"value": 120, "unit": "đảng viên", "kind": "count"}),
                    ("105%", {"value": 105.5, "unit": "%", "kind": "percent"}),
                ],
                self_={
                    "doc_type": "kế hoạch",
                    "id": "01-KH/HU",
                    "date": "2022-08-01",
                    "issuer": "Huyện ủy Hải Lăng",
                },
            ),
            TEXT_A,
        )
        index.add(
            make_record(
                "news/tin.txt",
                TEXT_B,
                references=[("Nghị quyết 21-NQ/TW", {"id": "21-NQ/TW", "doc_type": "nghị quyết"})],
                units=[
                    ("Tỉnh đoàn Quảng Trị", {"name": "Tỉnh đoàn Quảng Trị", "kind": "youth_union"})
                ],
                self_={"date": "2024-03-02"},
            ),
            TEXT_B,
        )
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def _doc_href(source: str) -> str:
    return "/document?" + urlencode({"source": source})


def test_home_page_is_utf8_vietnamese(client) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert '<html lang="vi">' in page.text and '<meta charset="utf-8">' in page.text
    assert "Noto Sans" in page.text  # a font that renders Vietnamese
    assert "2 tài liệu" in page.text and "21-NQ/TW" in page.text
    assert "<script" not in page.text.split("<body>")[1]  # no JavaScript


def test_search_shows_highlighted_snippets_and_links(client) -> None:
    page = client.get("/", params={"q": "nghi quyet 21"})
    assert page.status_code == 200
    assert page.text.count('class="hit"') == 2
    assert "<mark>Nghị quyết số 21-NQ/TW</mark>" in page.text
    assert 'href="/reference?ref=21-NQ%2FTW"' in page.text
    assert "docs/kh 01 &amp; &lt;b&gt;.txt" in page.text  # the source path, escaped
    assert 'href="/document?source=docs%2Fkh+01+%26+%3Cb%3E.txt"' in page.text


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"q": "21-NQ/TW", "type": "ke hoach"}, 1),
        ({"q": "", "from": "2023-01-01"}, 1),
        ({"q": "", "from": "2020", "to": "2022"}, 1),
        ({"q": "", "unit": "tinh doan quang tri"}, 1),
        ({"q": "", "cites": "nq 21/tw"}, 2),
        ({"q": "", "issuer": "huyen uy hai lang"}, 1),
        ({"q": "dang vien", "to": "2021-12-31"}, 0),
    ],
)
def test_filters_in_the_form(client, params: dict, count: int) -> None:
    page = client.get("/", params=params)
    assert page.status_code == 200
    assert page.text.count('class="hit"') == count
    for value in params.values():
        if value:
            assert f'value="{value}"' in page.text  # the form keeps what was asked


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "NEAR(",
        'a" OR "b',
        "AND",
        "x" * 10_000,
        "<script>alert(1)</script>",
        "'; DROP TABLE documents; --",
    ],
)
def test_hostile_queries_get_a_page(client, query: str) -> None:
    page = client.get("/", params={"q": query})
    assert page.status_code == 200
    assert "<script>alert(1)" not in page.text
    assert client.get("/", params={"q": "21-NQ/TW"}).text.count('class="hit"') == 2


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"from": "2020-00"}, "Ngày không hợp lệ: 2020-00"),
        ({"to": "9999-99"}, "Ngày không hợp lệ: 9999-99"),
        ({"from": "2022-02-31"}, "Ngày không hợp lệ: 2022-02-31"),
        ({"q": "21-NQ/TW", "to": "2021-13"}, "Ngày không hợp lệ: 2021-13"),
        ({"from": "0000"}, "Ngày không hợp lệ: 0000"),
        ({"from": "hôm qua"}, "Ngày không hợp lệ: hôm qua"),
        ({"from": "16/6/2022"}, "Ngày không hợp lệ: 16/6/2022"),
        ({"from": "2024", "to": "2022-06"}, "Khoảng ngày không hợp lệ: từ 2024 đến 2022-06"),
    ],
)
def test_a_bad_date_is_a_400_page_in_vietnamese(client, params: dict, message: str) -> None:
    page = client.get("/", params={"q": "", **params})
    assert page.status_code == 400
    assert f'<p class="error">{message}' in page.text
    assert 'class="hit"' not in page.text
    for value in params.values():
        assert f'value="{value}"' in page.text  # the form keeps it, to be corrected


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"from": "2022-08", "to": "2022-08"}, 1),  # a month: its first to its last day
        ({"from": "2024-02-29"}, 1),  # a leap day
        ({"to": "2024-02"}, 1),
        ({"from": "2022-08-02", "to": "2024-03-01"}, 0),
    ],
)
def test_good_dates_are_taken(client, params: dict, count: int) -> None:
    page = client.get("/", params={"q": "", **params})
    assert page.status_code == 200
    assert page.text.count('class="hit"') == count


def test_document_page_marks_spans_in_place(client) -> None:
    page = client.get(_doc_href("docs/kh 01 & <b>.txt"))
    assert page.status_code == 200
    text = page.text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in text  # the text is escaped
    assert "<script>alert('x')" not in text
    ref = re.search(r'<mark class="reference"[^>]*><a href="([^"]+)">([^<]+)</a></mark>', text)
    assert ref and ref.groups() == ("/reference?ref=21-NQ%2FTW", "Nghị quyết số 21-NQ/TW")
    assert re.search(r'<mark class="unit"[^>]*>Huyện uỷ Hải Lăng</mark>', text)
    assert re.search(r'<mark class="statistic"[^>]*>120 đảng viên</mark>', text)
    assert re.search(r'<mark class="statistic"[^>]*>105%</mark>', text)
    assert "Huyện ủy Hải Lăng" in text  # the canonical name in the side list
    assert 'href="/document/statistics.csv?source=docs%2Fkh+01+%26+%3Cb%3E.txt"' in text


def test_statistics_csv(client) -> None:
    response = client.get("/document/statistics.csv", params={"source": "docs/kh 01 & <b>.txt"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["value"], r["unit"], r["kind"], r["text"]) for r in rows] == [
        ("120", "đảng viên", "count", "120 đảng viên"),
        ("105.5", "%", "percent", "105%"),
    ]
    assert TEXT_A[int(rows[0]["start"]) : int(rows[0]["end"])] == "120 đảng viên"


def test_reference_page_lists_citations_over_time(client) -> None:
    page = client.get("/reference", params={"ref": "nghi quyet 21"})
    assert page.status_code == 200
    assert "2 tài liệu trích dẫn, từ 2022 đến 2024" in page.text
    svg = re.search(r"<svg.*?</svg>", page.text, re.S).group(0)
    bars = re.findall(r"<title>(\d{4}): (\d+)</title>", svg)
    assert bars == [("2022", "1"), ("2023", "0"), ("2024", "1")]
    dates = re.findall(r"<tr><td>(\d{4}-\d\d-\d\d)</td>", page.text)
    assert dates == ["2022-08-01", "2024-03-02"]  # oldest first


def test_references_page(client) -> None:
    page = client.get("/references", params={"type": "nghị quyết"})
    assert page.status_code == 200 and "21-NQ/TW" in page.text
    assert "21-NQ/TW" not in client.get("/references", params={"type": "luật"}).text


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/document?source=nope", 404),
        ("/document", 404),
        ("/reference", 400),
        ("/document/statistics.csv?source=nope", 404),
        ("/nope", 404),
        ("/?q=a&offset=-5", 200),
        ("/?q=a&offset=zz", 200),
        ("/references?limit=abc", 200),
    ],
)
def test_bad_urls_are_answered(client, url: str, status: int) -> None:
    assert client.get(url).status_code == status


def test_the_server_opens_the_index_read_only(db: Path, tmp_path: Path) -> None:
    with pytest.raises(IndexOpenError, match="no such index file"):
        create_app(tmp_path / "missing.sqlite")
    (tmp_path / "x.sqlite").write_bytes(b"not a database" * 50)
    with pytest.raises(IndexOpenError, match="not a vnpolicy index"):
        create_app(tmp_path / "x.sqlite")
    before = db.stat().st_mtime_ns
    TestClient(create_app(db)).get("/", params={"q": "dang vien"})
    assert db.stat().st_mtime_ns == before
    assert not Path(str(db) + "-journal").exists()


def test_dev_document_pages_mark_every_mention(tmp_path_factory) -> None:
    db = dev_index(tmp_path_factory)
    records = dev_records(dev_output(tmp_path_factory))
    client = TestClient(create_app(db))
    record = max(records, key=lambda r: len(r["references"]))
    page = client.get(_doc_href(record["source"]))
    assert page.status_code == 200
    body = page.text.split('<div class="text" lang="vi">', 1)[1].split("</div>", 1)[0]
    marked = re.findall(r'<mark class="reference"[^>]*>(?:<a [^>]*>)?([^<]*)', body)
    written = [m["text"] for ref in record["references"] for m in ref["mentions"]]
    assert set(marked) <= set(written)
    assert len(marked) >= 0.9 * len(written)  # all but those inside another span


def test_chart_counts_every_year_and_the_undated() -> None:
    from vnpolicy.outputs.index import Citation
    from vnpolicy.web.render import citation_chart

    def cite(date):
        return Citation("x.txt", None, date, None, "21-NQ/TW", None, 1, None)

    svg = str(
        citation_chart([cite("2019-01-02"), cite("2021-05-06"), cite("2021-07-08"), cite(None)])
    )
    assert re.findall(r"<title>([\d?]+): (\d+)</title>", svg) == [
        ("2019", "1"),
        ("2020", "0"),
        ("2021", "2"),
        ("?", "1"),
    ]
    assert str(citation_chart([])) == ""


# --- the connection pool -------------------------------------------------------------------


def test_many_concurrent_requests_share_a_few_connections(db: Path) -> None:
    app = create_app(db, connections=3)
    client = TestClient(app)
    urls = ["/?q=nghi+quyet+21", "/?q=&cites=21-NQ%2FTW", "/reference?ref=21-NQ%2FTW", "/"] * 12

    def fetch(url: str) -> tuple[int, str]:
        response = client.get(url)
        return response.status_code, response.text

    with ThreadPoolExecutor(max_workers=16) as workers:
        pages = list(workers.map(fetch, urls))
    assert [status for status, _ in pages] == [200] * len(urls)
    for url, (_, text) in zip(urls, pages, strict=True):
        if url.startswith("/?q=nghi") or "cites" in url:
            assert text.count('class="hit"') == 2
    assert 1 <= app.state.pool.opened <= 3


def test_a_pool_hands_out_at_most_its_size(db: Path) -> None:
    pool = IndexPool(db, size=2, wait=0.05)
    with pool.borrow() as first, pool.borrow() as second:
        assert first is not second
        with pytest.raises(PoolBusyError, match="all 2 index connections busy"):
            with pool.borrow():
                pass
    with pool.borrow() as again:
        assert again in (first, second) and again.stats()["documents"] == 2
    assert pool.opened == 2
    pool.close()


def test_a_busy_server_answers_503_in_vietnamese(db: Path) -> None:
    app = create_app(db, connections=1)
    app.state.pool.wait = 0.05
    client = TestClient(app)
    with app.state.pool.borrow():
        page = client.get("/", params={"q": "nghi quyet"})
    assert page.status_code == 503 and "Máy chủ đang bận" in page.text
    assert page.headers["retry-after"] == "5"
    assert client.get("/", params={"q": "nghi quyet"}).status_code == 200


# --- a law cited by number and by name ---------------------------------------------------


@pytest.fixture(scope="module")
def archive_client(tmp_path_factory) -> TestClient:
    from tests.archive_support import archive_records

    path = tmp_path_factory.mktemp("web-archive") / "archive.sqlite"
    with SqliteIndex(path) as index:
        for record, text in archive_records():
            index.add(record, text)
    return TestClient(create_app(path))


def _cited_rows(page: str) -> dict[str, str]:
    """Citing document -> how it cites ("trích dẫn theo"), from a reference page."""
    rows = re.findall(
        r'<div class="source">([^<]+)</div>.*?<td class="by">([^<]*)</td>', page, re.S
    )
    return dict(rows)


@pytest.mark.parametrize("ref", ["45/2013/QH13", "45/2013/qh13", "Luật Đất đai"])
def test_a_law_page_lists_those_citing_its_number_and_its_name(archive_client, ref) -> None:
    page = archive_client.get("/reference", params={"ref": ref})
    assert page.status_code == 200
    rows = _cited_rows(page.text)
    assert rows["tin/so-hieu.txt"] == rows["quyet-dinh/can-cu.txt"] == "số hiệu"
    assert rows["tin/ten.txt"] == rows["tin/ten-nam.txt"] == "tên (số hiệu theo văn bản trong kho)"
    assert "tin/dau-tu-ten.txt" not in rows


def test_a_named_reference_links_to_the_number_it_was_resolved_to(archive_client) -> None:
    page = archive_client.get("/document", params={"source": "tin/ten.txt"})
    assert page.status_code == 200
    assert "→ 45/2013/QH13" in page.text
    href = "/reference?" + urlencode({"ref": "45/2013/QH13"})
    assert f'href="{href}"'.replace("&", "&amp;") in page.text
