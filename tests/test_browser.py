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
from pathlib import Path

import pytest

from vnpolicy.outputs.index import SqliteIndex
from tests.index_support import dev_index, make_record

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
            self_={"doc_type": "kế hoạch", "date": "2023-01-05"},
        )
        with SqliteIndex(db) as index:
            index.add(record, TEXT)
        return db


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    _chromium()
    import uvicorn

    from vnpolicy.web import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))  # a free port, held until the server takes the socket
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(_archive(tmp_path_factory)), log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=5)
    sock.close()


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
