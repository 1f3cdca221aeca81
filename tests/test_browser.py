"""The web pages in a real browser: Debian's chromium driven by Playwright against the server
on a free localhost port. Search "nghi quyet 21", open a hit, see the reference marked in the
text, follow it to the reference page with its chart. Skips when chromium or Playwright is
absent (CI installs both: `apt-get install -y chromium`, `pip install playwright`)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.index_support import dev_index, make_record
from vnpolicy.outputs.index import SqliteIndex

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TEXT = (
    "Ban Thường vụ Tỉnh ủy Quảng Trị ban hành Kế hoạch thực hiện Nghị quyết số 21-NQ/TW "
    "ngày 16/6/2022 của Hội nghị Trung ương 5 khóa XIII; năm 2023 kết nạp 1.250 đảng viên."
)


def _chromium() -> Path:
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    return CHROMIUM if CHROMIUM.exists() else Path(shutil.which("chromium"))


def _archive(tmp_path_factory) -> Path:
    """The dev set's index when ../shared is there, else one hand-made document."""
    try:
        return dev_index(tmp_path_factory)
    except pytest.skip.Exception:
        db = tmp_path_factory.mktemp("browser") / "archive.sqlite"
        record = make_record(
            "kh-01.txt",
            TEXT,
            references=[("Nghị quyết số 21-NQ/TW", {"id": "21-NQ/TW", "doc_type": "nghị quyết"})],
            statistics=[
                (
                    "1.250 đảng viên",
                    {
                        "value": 1250,
                        "unit": "đảng viên",
                        "kind": "count",
                        "subject": "đảng viên",
                        "place": "tỉnh Quảng Trị",
                        "years": [2023, 2023],
                    },
                )
            ],
            self_={"doc_type": "kế hoạch", "date": "2023-01-05"},
        )
        with SqliteIndex(db) as index:
            index.add(record, TEXT)
        return db


@contextmanager
def _serve(db: Path) -> Iterator[str]:
    """The app over `db` on a free localhost port, for the length of the block."""
    import uvicorn

    from vnpolicy.web import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))  # a free port, held until the server takes the socket
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(db), log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uv.started, "the server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        uv.should_exit = True
        thread.join(timeout=5)
        sock.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    _chromium()
    with _serve(_archive(tmp_path_factory)) as url:
        yield url


def test_search_document_and_reference_in_chromium(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(_chromium()), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(server + "/")
            page.fill("input[name=q]", "nghi quyet 21")
            page.press("input[name=q]", "Enter")
            page.wait_for_url("**/?q=nghi+quyet+21*")
            hit = page.locator("li.hit").first
            assert "21-NQ/TW" in hit.locator("mark").first.inner_text()
            page.screenshot(path=str(tmp_path / "search.png"), full_page=True)

            hit.locator("h3 a").click()
            page.wait_for_url("**/document?source=*")
            mark = page.locator('.text mark.reference:has-text("21-NQ/TW")').first
            mark.scroll_into_view_if_needed()
            assert mark.is_visible()
            background = mark.evaluate("e => getComputedStyle(e).backgroundColor")
            assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # highlighted
            page.screenshot(path=str(tmp_path / "document.png"), full_page=True)

            mark.locator("a").click()
            page.wait_for_url("**/reference?ref=*")
            assert "21-NQ/TW" in page.locator("h1").inner_text()
            assert page.locator("svg.chart rect.bar").count() >= 1
            assert page.locator("table.citations tr").count() >= 2
            page.screenshot(path=str(tmp_path / "reference.png"), full_page=True)
        finally:
            browser.close()
    for name in ("search.png", "document.png", "reference.png"):
        assert (tmp_path / name).stat().st_size > 1000


PLAN_TEXT = (
    "TỈNH ỦY QUẢNG TRỊ\nSố 45-KH/TU\nKẾ HOẠCH thực hiện Nghị quyết số 21-NQ/TW ngày "
    "16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII"
)
GUIDE_TEXT = "Ban Tuyên giáo Tỉnh ủy hướng dẫn thực hiện Kế hoạch số 45-KH/TU của Tỉnh ủy."


def test_directive_page_draws_its_neighbourhood_in_chromium(tmp_path: Path) -> None:
    """A plan carrying out 21-NQ/TW and guided by another document: its page shows the
    graph drawn on the server, the resolution left, the guide right; its node leads to the
    resolution's page, whose graph has the plan on the right."""
    from playwright.sync_api import sync_playwright

    chromium = _chromium()
    plan = make_record(
        "kh-45.txt",
        PLAN_TEXT,
        references=[("Nghị quyết số 21-NQ/TW", {"id": "21-NQ/TW", "doc_type": "nghị quyết"})],
        self_={"doc_type": "kế hoạch", "id": "45-KH/TU", "date": "2022-12-02"},
        title="Kế hoạch thực hiện Nghị quyết số 21-NQ/TW",
    )
    plan["relations"] = [{"type": "thực hiện", "source": "45-KH/TU", "target": "21-NQ/TW"}]
    guide = make_record(
        "hd-02.txt",
        GUIDE_TEXT,
        references=[("Kế hoạch số 45-KH/TU", {"id": "45-KH/TU", "doc_type": "kế hoạch"})],
        self_={"doc_type": "hướng dẫn", "id": "02-HD/BTGTU", "date": "2023-01-10"},
    )
    guide["relations"] = [{"type": "hướng dẫn", "source": "02-HD/BTGTU", "target": "45-KH/TU"}]
    db = tmp_path / "archive.sqlite"
    with SqliteIndex(db) as index:
        index.add(plan, PLAN_TEXT)
        index.add(guide, GUIDE_TEXT)
    with _serve(db) as url, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url + "/reference?ref=45-KH%2FTU")
            assert page.locator("h1").inner_text() == "Kế hoạch 45-KH/TU"
            assert (
                "Tình trạng: còn hiệu lực theo lưu trữ" in page.locator("p.standing").inner_text()
            )
            graph = page.locator("svg.relation-graph")
            assert graph.is_visible()
            box = graph.bounding_box()
            assert box and box["width"] > 400 and box["height"] > 60
            left = graph.locator("a.node.left")
            right = graph.locator("a.node.right")
            assert left.count() == 1 and "21-NQ/TW" in left.text_content()
            assert right.count() == 1 and "02-HD/BTGTU" in right.text_content()
            assert graph.locator("g.edge.left text").text_content() == "thực hiện"
            assert graph.locator("g.edge.right text").text_content() == "hướng dẫn"
            assert left.locator("rect").bounding_box()["width"] > 100  # drawn, not collapsed
            page.screenshot(path=str(tmp_path / "directive.png"), full_page=True)

            left.click()
            page.wait_for_url("**/reference?ref=21-NQ*")
            right = page.locator("svg.relation-graph a.node.right")
            assert right.count() == 1 and "45-KH/TU" in right.text_content()
        finally:
            browser.close()
    assert (tmp_path / "directive.png").stat().st_size > 1000


def test_statistics_page_draws_its_plot_in_chromium(server: str, tmp_path: Path) -> None:
    """Choose the measure with the most figures, then type it without marks: the page shows
    the server-made SVG with one visible bar per plotted figure, and the table."""
    from playwright.sync_api import sync_playwright

    from vnpolicy.outputs.index import fold

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(_chromium()), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(server + "/")
            page.locator('header a[href="/thong-ke"]').click()
            page.wait_for_url("**/thong-ke")
            first = page.locator("ul.measures a").first
            measure = first.inner_text()
            first.click()
            page.wait_for_url("**/thong-ke?q=*")
            plot = page.locator("svg.plot")
            assert plot.is_visible()
            bars = plot.locator("rect.mark")
            chosen = bars.count()
            assert chosen >= 1
            assert f"Biểu đồ: {chosen} số liệu" in page.locator("figcaption").inner_text()
            for i in range(min(chosen, 20)):
                box = bars.nth(i).bounding_box()
                assert box and box["width"] >= 1 and box["height"] >= 0.5
            figures = page.locator("table.statistics a.figure").count()
            assert figures >= chosen

            page.fill("input[name=q]", fold(measure))
            page.press("input[name=q]", "Enter")
            page.wait_for_url("**/thong-ke?q=*")
            assert page.locator("svg.plot rect.mark").count() >= 1
            assert page.locator("table.statistics a.figure").count() >= figures  # and more
            page.screenshot(path=str(tmp_path / "statistics.png"), full_page=True)
        finally:
            browser.close()
    assert (tmp_path / "statistics.png").stat().st_size > 1000
