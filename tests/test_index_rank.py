"""Ranking at archive scale (`index_rank`) on a small archive with its limits made small: the
documents citing ids read off `cites` are those adding up every citing reference gives; a
frequent word ranks a window of the newest matches; filters give the same hits from either
side; `cites` follows re-indexing and removal."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.index_support import make_record
from vnpolicy.outputs import index_rank
from vnpolicy.outputs.index import SearchFilters, SqliteIndex

IDS = ["21-NQ/TW", "21-NQ/TU", "21-CT/HU", "05-CT/TW"]
WORDS = ["đảng viên", "nông thôn mới", "chuyển đổi số", "cải cách hành chính"]
UNITS = ["Huyện ủy Hải Lăng", "Huyện ủy Gio Linh"]


def _record(number: int, rng: random.Random) -> tuple[dict, str]:
    cited = rng.sample(IDS, rng.randint(1, 3))
    sentences, refs = [], []
    for ref_id in cited:
        kind = "Chỉ thị" if "-CT/" in ref_id else "Nghị quyết"
        written = f"{kind} số {ref_id}"
        sentences += [f"Thực hiện {written}, các cấp triển khai."] * rng.randint(1, 4)
        refs.append((written, {"id": ref_id, "doc_type": kind.lower()}))
    unit = UNITS[number % 2]
    text = f"Tin {number}: {rng.choice(WORDS)}\n{unit} họp về {rng.choice(WORDS)}. " + " ".join(
        sentences
    )
    record = make_record(
        f"tin/{number:03d}.txt",
        text,
        references=refs,
        units=[(unit, {"name": unit})],
        self_={"date": f"20{15 + number % 9}-0{1 + number % 9}-1{number % 10}"},
    )
    return record, text


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("rank") / "archive.sqlite"
    rng = random.Random(7)
    with SqliteIndex(db) as index, index.transaction():
        for number in range(120):
            index.add(*_record(number, rng))
    return db


def _cited_by_sum(index: SqliteIndex, ref: str) -> list[str]:
    """The documents citing `ref`, ordered by adding up every matching reference."""
    condition, params = index._reference_condition(ref)
    rows = index.conn.execute(
        "SELECT d.source FROM refs r JOIN documents d ON d.id = r.document_id"
        f" WHERE {condition} GROUP BY r.document_id"
        " ORDER BY SUM(r.mention_count) DESC, d.date DESC, r.document_id",
        params,
    ).fetchall()
    return [row[0] for row in rows]


@pytest.mark.parametrize("query", ["21-NQ/TW", "nghi quyet 21", "chỉ thị 21", "05 CT TW"])
def test_top_citing_is_the_sum_over_every_citing_document(
    archive: Path, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_rank, "CITE_DEPTH", 2)  # deepened several times
    with SqliteIndex(archive, read_only=True) as index:
        expected = _cited_by_sum(index, query)
        for offset in (0, 5):
            hits = index.search(query, limit=7, offset=offset).hits
            cited = [h.source for h in hits if h.matched == "reference"]
            assert cited == expected[offset : offset + 7]


def test_typed_ids_cited_by_many_are_read_off_cites(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_rank, "CITE_DEPTH", 2)
    with SqliteIndex(archive, read_only=True) as index:
        expected = _cited_by_sum(index, "chỉ thị 21")
        monkeypatch.setattr(index_rank, "TYPED_FEW", 1)
        hits = index.search("chỉ thị 21", limit=10).hits
        assert [h.source for h in hits if h.matched == "reference"] == expected[:10]


def test_a_frequent_word_ranks_the_newest_matches(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with SqliteIndex(archive, read_only=True) as index:
        everywhere = {h.source for h in index.search("cac cap trien khai", limit=200).hits}
        monkeypatch.setattr(index_rank, "FREQUENT", 5)
        monkeypatch.setattr(index_rank, "WINDOW", 30)
        hits = index.search("cac cap trien khai", limit=10).hits
    assert len(hits) == 10 and {h.source for h in hits} <= everywhere
    assert all(h.matched == "text" for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    newest = sorted(everywhere, reverse=True)[:30]  # sources are numbered in indexing order
    assert {h.source for h in hits} <= set(newest)


@pytest.mark.parametrize(
    "filters",
    [
        SearchFilters(unit="Huyện ủy Hải Lăng"),
        SearchFilters(cites="21-NQ/TW", date_from="2017", date_to="2020"),
        SearchFilters(unit="Huyện ủy Gio Linh", date_from="2016-01-01", date_to="2019-12-31"),
    ],
)
def test_filters_give_the_same_hits_from_either_side(
    archive: Path, filters: SearchFilters, monkeypatch: pytest.MonkeyPatch
) -> None:
    with SqliteIndex(archive, read_only=True) as index:
        exact = {h.source for h in index.search("trien khai", filters, limit=200).hits}
        monkeypatch.setattr(index_rank, "FREQUENT", 5)
        monkeypatch.setattr(index_rank, "FILTERED_WINDOW", 200)
        for few in (1, 10_000):  # per document, or from the documents citing / naming it
            monkeypatch.setattr("vnpolicy.outputs.index_search.CITING_FEW", few)
            for narrower in (True, False):
                monkeypatch.setattr(index_rank, "filters_narrower", lambda *a, n=narrower: n)
                found = {h.source for h in index.search("trien khai", filters, limit=200).hits}
                assert found == exact
    assert exact


def test_cites_follows_reindexing_and_removal(tmp_path: Path) -> None:
    rng = random.Random(3)
    db = tmp_path / "archive.sqlite"
    with SqliteIndex(db) as index:
        for number in range(6):
            index.add(*_record(number, rng))
        record, text = _record(0, random.Random(99))
        index.add(record, text)  # replaced: another text
        index.remove("tin/003.txt")
        stored = index.conn.execute("SELECT * FROM cites ORDER BY key, document_id").fetchall()
        summed = index.conn.execute(
            "SELECT coalesce(r.id_key, r.resolved_key), r.document_id, SUM(r.mention_count),"
            " COUNT(*), d.date FROM refs r JOIN documents d ON d.id = r.document_id"
            " GROUP BY 1, 2 ORDER BY 1, 2"
        ).fetchall()
    assert [tuple(r) for r in stored] == [tuple(r) for r in summed]
    assert stored
