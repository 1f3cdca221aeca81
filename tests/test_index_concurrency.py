"""The index serves readers while it is written: WAL mode, a long batch committed in short
steps, every read in one snapshot; and searches (direct and through the web pages) running
in a loop while `vnpolicy index` writes hundreds of documents never fail nor see half a
document."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

import pytest

from tests.index_support import make_record
from vnpolicy.outputs import index_sqlite
from vnpolicy.outputs.index import SearchFilters, SqliteIndex
from vnpolicy.web import create_app

with warnings.catch_warnings():  # starlette's own use of a deprecated anyio alias
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

DOCUMENTS = 400
LOOP_SECONDS = 120  # the loops stop when the writer ends, or after this at the latest
LOOP_SEARCHES = 20_000

PARAGRAPH = (
    "Các cấp ủy, tổ chức đảng quán triệt sâu sắc mục tiêu, quan điểm của Nghị quyết; "
    "xây dựng kế hoạch cụ thể, phân công rõ người, rõ việc, rõ thời gian hoàn thành; "
    "định kỳ sơ kết, rút kinh nghiệm và báo cáo kết quả về Ban Thường vụ Tỉnh ủy. "
)


def directive(number: int) -> tuple[dict, str]:
    """A district plan carrying out Nghị quyết 21-NQ/TW: two references, one unit, a date;
    its text in the record, as `vnpolicy extract` may write it."""
    month, day = number % 12 + 1, number % 28 + 1
    own_id = f"{number + 1:02d}-KH/HU"
    text = (
        f"KẾ HOẠCH số {own_id} ngày {day}/{month}/2022 của Huyện ủy Hải Lăng thực hiện "
        "Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị Trung ương 5 khóa XIII. "
        + PARAGRAPH
        * 12
    )
    record = make_record(
        f"docs/kh-{number:04d}.txt",
        text,
        references=[
            (f"KẾ HOẠCH số {own_id}", {"id": own_id, "doc_type": "kế hoạch"}),
            ("Nghị quyết số 21-NQ/TW", {"id": "21-NQ/TW", "doc_type": "nghị quyết"}),
        ],
        units=[("Huyện ủy Hải Lăng", {"name": "Huyện ủy Hải Lăng", "kind": "party"})],
        self_={"doc_type": "kế hoạch", "id": own_id, "date": f"2022-{month:02d}-{day:02d}"},
    )
    record["document"]["text"] = text
    return record, text


def _journal_mode(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()


def test_the_index_is_kept_in_wal_mode(tmp_path: Path) -> None:
    db = tmp_path / "archive.sqlite"
    SqliteIndex(db).close()
    assert _journal_mode(db) == "wal"  # stored in the file, for every later reader
    # an index made before (rollback journal) is switched when next opened for writing
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    with SqliteIndex(db, read_only=True) as reader:
        assert reader.stats()["documents"] == 0
    assert _journal_mode(db) == "delete"  # a reader changes nothing
    SqliteIndex(db).close()
    assert _journal_mode(db) == "wal"


def test_every_connection_waits_for_a_lock(tmp_path: Path) -> None:
    db = tmp_path / "archive.sqlite"
    with SqliteIndex(db) as writer, SqliteIndex(db, read_only=True) as reader:
        for index, seconds in (
            (writer, index_sqlite.WRITER_BUSY_SECONDS),
            (reader, index_sqlite.READER_BUSY_SECONDS),
        ):
            assert index.conn.execute("PRAGMA busy_timeout").fetchone()[0] == seconds * 1000


def test_a_long_batch_is_committed_in_steps(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(index_sqlite, "COMMIT_EVERY_SECONDS", 3600.0)  # steps by count only
    db = tmp_path / "archive.sqlite"
    with SqliteIndex(db, commit_every=10) as writer, SqliteIndex(db, read_only=True) as reader:
        with writer.transaction():
            for number in range(25):
                assert writer.add(*directive(number)) == "added"
            # two steps of ten are committed and seen; the last five are not yet
            assert reader.stats() == {
                "documents": 20,
                "refs": 40,
                "units": 20,
                "statistics": 0,
                "relations": 0,
            }
            assert len(reader.search("21-NQ/TW", limit=100).hits) == 20
            assert writer.stats()["documents"] == 25  # the writer sees its own step
        assert reader.stats()["documents"] == 25


def test_a_failure_loses_only_the_last_step(tmp_path: Path) -> None:
    db = tmp_path / "archive.sqlite"
    with SqliteIndex(db, commit_every=2) as writer:
        with pytest.raises(RuntimeError), writer.transaction():
            for number in range(3):
                writer.add(*directive(number))
            raise RuntimeError("Ctrl-C while indexing")
        assert writer.stats()["documents"] == 2
        assert writer.add(*directive(2)) == "added"  # and the index is usable again


def _search_loop(db: Path, writer: subprocess.Popen, seen: dict) -> None:
    """Search until the writer ends; record every failure and inconsistency in `seen`."""
    deadline = time.monotonic() + LOOP_SECONDS
    last = 0
    with SqliteIndex(db, read_only=True) as index:
        while writer.poll() is None and time.monotonic() < deadline:
            if seen["searches"] >= LOOP_SEARCHES:
                break
            try:
                stats = index.stats()  # five tables read in one snapshot
                if stats["refs"] != 2 * stats["documents"] or stats["units"] != stats["documents"]:
                    seen["torn"].append(stats)
                hits = index.search("nghi quyet 21-NQ/TW", limit=DOCUMENTS).hits
                if len(hits) < last or any(h.references != ["21-NQ/TW"] for h in hits):
                    seen["inconsistent"].append((last, len(hits)))
                last = len(hits)
                if 0 < last < DOCUMENTS:
                    seen["partial"] += 1
                found = index.search(
                    "ke hoach", SearchFilters(date_from="2022-03", date_to="2022-03"), limit=50
                ).hits
                if any(not (h.date or "").startswith("2022-03") for h in found):
                    seen["inconsistent"].append(("date filter", [h.date for h in found]))
            except Exception as err:  # noqa: BLE001 - any failure is what the test counts
                seen["failed"].append(f"{type(err).__name__}: {err}")
            seen["searches"] += 1


def _page_loop(db: Path, writer: subprocess.Popen, seen: dict) -> None:
    """The same through the web pages: every answer a 200 page."""
    app = create_app(db, connections=2)
    client = TestClient(app)
    deadline = time.monotonic() + LOOP_SECONDS
    urls = ["/?q=21-NQ%2FTW", "/?q=&cites=nq+21%2Ftw&from=2022-01", "/reference?ref=21-NQ%2FTW"]
    while writer.poll() is None and time.monotonic() < deadline:
        if seen["pages"] >= LOOP_SEARCHES:
            break
        response = client.get(urls[seen["pages"] % len(urls)])
        if response.status_code != 200:
            seen["failed"].append(f"{response.status_code}: {response.text[-300:]}")
        seen["pages"] += 1
    seen["connections"] = app.state.pool.opened


def test_searches_never_fail_while_the_index_is_written(tmp_path: Path) -> None:
    results = tmp_path / "out"
    results.mkdir()
    for number in range(DOCUMENTS):
        record, _ = directive(number)
        (results / f"kh-{number:04d}.json").write_text(
            json.dumps(record, ensure_ascii=False), encoding="utf-8"
        )
    db = tmp_path / "archive.sqlite"
    SqliteIndex(db).close()  # the server starts on an empty index
    seen = {"searches": 0, "pages": 0, "partial": 0, "failed": [], "torn": [], "inconsistent": []}
    writer = subprocess.Popen(
        [sys.executable, "-m", "vnpolicy", "index", str(results), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        pages = threading.Thread(target=_page_loop, args=(db, writer, seen))
        pages.start()
        _search_loop(db, writer, seen)
        pages.join()
        _, err = writer.communicate(timeout=LOOP_SECONDS)
    finally:
        if writer.poll() is None:
            writer.kill()
    assert writer.returncode == 0, err
    assert f"{DOCUMENTS} added" in err
    assert seen["failed"] == [] and seen["torn"] == [] and seen["inconsistent"] == []
    assert seen["searches"] > 0 and seen["pages"] > 0
    assert seen["partial"] > 0  # readers saw the index grow: it was committed in steps
    assert 1 <= seen["connections"] <= 2
    with SqliteIndex(db, read_only=True) as index:
        assert index.stats()["documents"] == DOCUMENTS
        assert len(index.search("21-NQ/TW", limit=DOCUMENTS).hits) == DOCUMENTS


@pytest.fixture
def read_only_folder(tmp_path: Path):
    """A folder nobody may create files in (`chmod`, or `chattr +i` for root)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    yield folder
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True, check=False)
    folder.chmod(0o755)


def _make_read_only(folder: Path) -> None:
    folder.chmod(0o555)
    if os.geteuid() == 0:  # root ignores the mode; an immutable folder stops it too
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
        if done.returncode != 0:
            pytest.skip("running as root and `chattr +i` is not available")


def test_a_read_only_folder_is_read_as_a_snapshot(read_only_folder: Path) -> None:
    db = read_only_folder / "archive.sqlite"
    with SqliteIndex(db) as writer:
        writer.add(*directive(1))
    assert not Path(f"{db}-wal").exists()  # the writer's last close removed the WAL
    _make_read_only(read_only_folder)
    with pytest.warns(UserWarning, match="cannot create the index's -wal/-shm files"):
        reader = SqliteIndex(db, read_only=True)
    with reader:
        assert reader.immutable
        assert [h.source for h in reader.search("21-NQ/TW").hits] == ["docs/kh-0001.txt"]
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["archive.sqlite"]
