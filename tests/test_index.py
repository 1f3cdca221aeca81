"""The search index: folding and id keys as a table, then SqliteIndex on hand-made records
(spellings, diacritics, filters, re-indexing, bad input), then on the dev set's results."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.index_support import dev_index, dev_output, dev_records, make_record
from vnpolicy.outputs.index import (
    IndexOpenError,
    InvalidDateError,
    SearchFilters,
    SqliteIndex,
    fold,
    normalize_date_bound,
    open_index,
    parse_reference_query,
    reference_key,
)
from vnpolicy.outputs.index_text import canonical_doc_type, query_terms, snippet

# --- text keys -----------------------------------------------------------------------------

FOLDS = [
    ("Nghị quyết", "nghi quyet"),
    ("Huyện uỷ Đông Hà", "huyen uy dong ha"),  # old tone placement, đ
    ("Huyện ủy", "huyen uy"),  # new tone placement, same key
    ("ĐẢNG ĐOÀN", "dang doan"),
    ("Thường vụ Quốc hội", "thuong vu quoc hoi"),
    ("Sự nghiệp", "su nghiep"),
    ("21-NQ/TW", "21-nq/tw"),  # punctuation kept: one character out per character in
]


@pytest.mark.parametrize(("text", "folded"), FOLDS)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert len(fold(text)) == len(text)


def test_fold_keeps_offsets_for_decomposed_text() -> None:
    decomposed = "Nghi\u0323 quye\u0302\u0301t"  # as some legacy files are read
    assert len(fold(decomposed)) == len(decomposed)


REFERENCE_KEYS = [
    ("21-NQ/TW", "21nqtw"),
    ("21 NQ TW", "21nqtw"),
    ("21-nq/tw", "21nqtw"),
    ("05-CT/TU", "5cttu"),  # leading zeros do not count
    ("30/2020/NĐ-CP", "30/2020ndcp"),  # đ -> d; two numbers keep their "/" (1/12 != 11/2)
    ("01/2014/NQHĐTP", "1/2014nqhdtp"),  # as a PDF prints it
    ("21-NQ/TƯ", "21nqtw"),  # Trung ương: TƯ = TW ...
    ("21-NQ/TU", "21nqtu"),  # ... never TU (a Tỉnh ủy's)
    ("225-KH/TƯĐTN", "225khtwdtn"),  # Trung ương Đoàn, not a Tỉnh đoàn's "225-KH/TĐTN"
    ("Điều lệ Đảng", None),  # no number: not an id
    (None, None),
]


@pytest.mark.parametrize(("ref_id", "key"), REFERENCE_KEYS)
def test_reference_key(ref_id: str | None, key: str | None) -> None:
    assert reference_key(ref_id) == key


ID_QUERIES = [
    ("21-NQ/TW", (("21",), ("nq", "tw"), None)),
    ("21 NQ TW", (("21",), ("nq", "tw"), None)),
    ("nq 21/tw", (("21",), ("nq", "tw"), None)),
    ("Nghị quyết 21", (("21",), (), "nghị quyết")),
    ("nghi quyet so 21", (("21",), (), "nghị quyết")),
    ("Chỉ thị số 05-CT/TU ngày 07/5/2021", (("5",), ("ct", "tu"), "chỉ thị")),
    ("30/2020/ND-CP", (("30", "2020"), ("nd", "cp"), None)),
    ("Nghị định 30/2020", (("30", "2020"), (), "nghị định")),
    # negatives: words, a bare number, FTS syntax
    ("đảng viên", None),
    ("21", None),
    ('NEAR("21" nq)', None),
    ("Điều lệ Đảng", None),
]


@pytest.mark.parametrize(("query", "parsed"), ID_QUERIES)
def test_parse_reference_query(query: str, parsed: tuple | None) -> None:
    result = parse_reference_query(query)
    if parsed is None:
        assert result is None
    else:
        assert (result.numbers, result.letters, result.doc_type) == parsed


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("chỉ thị", "chỉ thị"),
        ("chi thi", "chỉ thị"),
        ("CT", "chỉ thị"),
        ("Nghi Quyet", "nghị quyết"),
    ],
)
def test_canonical_doc_type(typed: str, canonical: str) -> None:
    assert canonical_doc_type(typed) == canonical


def test_query_terms_make_fts_syntax_plain_words() -> None:
    terms = query_terms('"Tỉnh ủy" nghị* AND NEAR( "x')
    assert [(t.words, t.prefix) for t in terms] == [
        (("tinh", "uy"), False),
        (("nghi",), True),
        (("and",), False),
        (("near",), False),
        (("x",), False),
    ]
    assert all(t.fts().startswith('"') for t in terms)


def test_snippet_shows_the_original_around_the_match() -> None:
    text = "Mở đầu. " * 40 + "Huyện uỷ Hải Lăng kết nạp đảng viên." + " Kết thúc." * 40
    start = text.index("Huyện uỷ")
    parts = snippet(text, [(start, start + len("Huyện uỷ"))], width=80)
    assert ("Huyện uỷ", True) in parts
    assert parts[0] == ("…", False) and parts[-1] == ("…", False)
    assert sum(len(p) for p, _ in parts) < 100


# --- the index on hand-made records ---------------------------------------------------------

TEXT_CT = (
    "CHỈ THỊ của Ban Thường vụ Tỉnh ủy Quảng Trị về phát triển đảng viên.\n"
    "Thực hiện Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương, "
    "Huyện uỷ Hải Lăng đã kết nạp 120 đảng viên, đạt 105% kế hoạch. "
    "Nghị quyết số 21-NQ/TW được quán triệt đến các chi bộ."
)
TEXT_NEWS = (
    "Đảng ủy Khối các cơ quan tỉnh sơ kết Chỉ thị số 05-CT/TW.\n"
    "Theo Quyết định số 30/2020/NĐ-CP, Sở Nội vụ hướng dẫn công tác văn thư."
)
TEXT_KH = (
    "KẾ HOẠCH thực hiện Nghị quyết 21-NQ/TW của Huyện ủy Gio Linh.\n"
    "Năm 2019, toàn huyện kết nạp 80 đảng viên mới."
)


def _records() -> list[dict]:
    return [
        make_record(
            "docs/ct-05.txt",
            TEXT_CT,
            references=[
                (
                    "Nghị quyết số 21-NQ/TW",
                    {"id": "21-NQ/TW", "doc_type": "nghị quyết", "date": "2022-06-16"},
                )
            ],
            units=[
                ("Huyện uỷ Hải Lăng", {"name": "Huyện ủy Hải Lăng", "kind": "party"}),
                ("Tỉnh ủy Quảng Trị", {"name": "Tỉnh ủy Quảng Trị", "kind": "party"}),
            ],
            statistics=[
                ("120 đảng viên", {"value": 120, "unit": "đảng viên", "kind": "count"}),
                ("105%", {"value": 105, "unit": "%", "kind": "percent"}),
            ],
            self_={
                "doc_type": "chỉ thị",
                "id": "05-CT/TU",
                "date": "2022-07-01",
                "issuer": "Ban Thường vụ Tỉnh ủy Quảng Trị",
            },
        ),
        make_record(
            "news/so-ket.txt",
            TEXT_NEWS,
            references=[
                ("Chỉ thị số 05-CT/TW", {"id": "05-CT/TW", "doc_type": "chỉ thị"}),
                ("Quyết định số 30/2020/NĐ-CP", {"id": "30/2020/NĐ-CP", "doc_type": "nghị định"}),
            ],
            units=[("Sở Nội vụ", {"name": "Sở Nội vụ", "kind": "state"})],
        ),
        make_record(
            "docs/kh-12.txt",
            TEXT_KH,
            references=[("Nghị quyết 21-NQ/TW", {"id": "21-NQ/TW", "doc_type": "nghị quyết"})],
            units=[("Huyện ủy Gio Linh", {"name": "Huyện ủy Gio Linh", "kind": "party"})],
            statistics=[("80 đảng viên", {"value": 80, "unit": "đảng viên", "kind": "count"})],
            self_={
                "doc_type": "kế hoạch",
                "id": "12-KH/HU",
                "date": "2019-03-04",
                "issuer": "Huyện ủy Gio Linh",
            },
        ),
    ]


@pytest.fixture
def index(tmp_path: Path) -> SqliteIndex:
    texts = [TEXT_CT, TEXT_NEWS, TEXT_KH]
    with SqliteIndex(tmp_path / "archive.sqlite") as idx:
        for record, text in zip(_records(), texts, strict=True):
            assert idx.add(record, text) == "added"
        yield idx


def _sources(index: SqliteIndex, query: str, **filters) -> list[str]:
    return [h.source for h in index.search(query, SearchFilters(**filters), limit=50).hits]


@pytest.mark.parametrize(
    "spelling", ["21-NQ/TW", "21 NQ TW", "nq 21/tw", "Nghị quyết 21", "nghi quyet 21", "21nqtw"]
)
def test_every_spelling_of_an_id_finds_the_citing_documents(index, spelling: str) -> None:
    result = index.search(spelling)
    cited_by = [h.source for h in result.hits if h.matched == "reference"]
    assert sorted(cited_by) == ["docs/ct-05.txt", "docs/kh-12.txt"]
    assert result.reference == "21-NQ/TW"
    # the document mentioning it twice comes first, its mention highlighted as written
    assert cited_by[0] == "docs/ct-05.txt"
    assert ("Nghị quyết số 21-NQ/TW", True) in result.hits[0].snippet


@pytest.mark.parametrize(
    ("spelling", "source"),
    [
        ("30/2020/ND-CP", "news/so-ket.txt"),
        ("nd-cp 30/2020", "news/so-ket.txt"),
        ("Nghị định 30/2020", "news/so-ket.txt"),
        ("5-ct/tw", "news/so-ket.txt"),
        ("chi thi 05", "news/so-ket.txt"),
    ],
)
def test_state_and_party_numbers(index, spelling: str, source: str) -> None:
    hits = [h for h in index.search(spelling).hits if h.matched == "reference"]
    assert [h.source for h in hits] == [source]


def test_an_id_is_not_confused_with_its_neighbours(index) -> None:
    assert [h for h in index.search("05-CT/TU").hits if h.matched == "reference"] == []
    assert [h for h in index.search("nghi quyet 22").hits if h.matched == "reference"] == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("huyen uy hai lang", ["docs/ct-05.txt"]),  # no diacritics
        ("Huyện uỷ Hải Lăng", ["docs/ct-05.txt"]),  # old tone placement
        ("huyện ủy hải lăng", ["docs/ct-05.txt"]),  # new tone placement
        ("dang uy khoi", ["news/so-ket.txt"]),  # đ written d
        ("ĐẢNG ỦY KHỐI", ["news/so-ket.txt"]),
        ('"so noi vu"', ["news/so-ket.txt"]),  # a phrase
        ("van th*", ["news/so-ket.txt"]),  # a prefix
        ("gio linh ket nap", ["docs/kh-12.txt"]),
        ("khong co tu nay", []),
    ],
)
def test_free_text_is_diacritic_insensitive(index, query: str, expected: list[str]) -> None:
    assert _sources(index, query) == expected


def test_snippet_keeps_the_text_as_written(index) -> None:
    hit = index.search("huyen uy hai lang").hits[0]
    assert ("Huyện uỷ Hải Lăng", True) in hit.snippet
    assert hit.snippet_text().count("«") == 1


def test_bm25_ranks_the_denser_document_first(index) -> None:
    assert _sources(index, "dang vien")[0] in ("docs/ct-05.txt", "docs/kh-12.txt")
    scores = [h.score for h in index.search("dang vien").hits]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"doc_type": "chỉ thị"}, ["docs/ct-05.txt"]),
        ({"doc_type": "chi thi"}, ["docs/ct-05.txt"]),
        ({"doc_type": "KH"}, ["docs/kh-12.txt"]),
        ({"doc_type": "luật"}, []),
        ({"issuer": "tinh uy quang tri"}, ["docs/ct-05.txt"]),
        ({"issuer": "Huyện uỷ"}, ["docs/kh-12.txt"]),
        ({"issuer": "uy gio"}, ["docs/kh-12.txt"]),
        ({"issuer": "y gio"}, []),  # whole words only
        ({"unit": "Huyện ủy Gio Linh"}, ["docs/kh-12.txt"]),
        ({"unit": "huyen uy"}, ["docs/ct-05.txt", "docs/kh-12.txt"]),
        ({"date_from": "2020-01-01", "date_to": "2023-12-31"}, ["docs/ct-05.txt"]),
        ({"date_from": "2019", "date_to": "2019"}, ["docs/kh-12.txt"]),
        ({"date_to": "2019-03-03"}, []),
        ({"date_from": "2019-03-04", "date_to": "2019-03-04"}, ["docs/kh-12.txt"]),
        ({"cites": "21 nq tw"}, ["docs/ct-05.txt", "docs/kh-12.txt"]),
        ({"cites": "21-NQ/TW", "date_to": "2020"}, ["docs/kh-12.txt"]),
        ({"cites": "05-CT/TW"}, ["news/so-ket.txt"]),
        ({"cites": "99-NQ/TW"}, []),
    ],
)
def test_filters_narrow(index, filters: dict, expected: list[str]) -> None:
    assert sorted(_sources(index, "", **filters)) == expected
    # the same filters narrow a word search
    words = sorted(_sources(index, "dang", **filters))
    assert set(words) <= set(expected)


def test_filters_apply_to_reference_hits_too(index) -> None:
    assert _sources(index, "21-NQ/TW", doc_type="kế hoạch") == ["docs/kh-12.txt"]


def test_bad_dates_are_refused(index) -> None:
    with pytest.raises(ValueError, match="not a date"):
        index.search("", SearchFilters(date_from="2020-13-45"))
    with pytest.raises(ValueError, match="not a date"):
        index.search("", SearchFilters(date_to="hôm qua"))
    with pytest.raises(InvalidDateError, match="not a date: '2020-00'"):
        index.search("nghị quyết", SearchFilters(date_to="2020-00"))


@pytest.mark.parametrize(
    ("value", "low", "high"),
    [
        ("2020", "2020-01-01", "2020-12-31"),
        ("2020-05", "2020-05-01", "2020-05-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),  # a leap year
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("2021-06-16", "2021-06-16", "2021-06-16"),
        (" 2022-12 ", "2022-12-01", "2022-12-31"),
        ("", None, None),
        (None, None, None),
    ],
)
def test_date_bounds(value, low, high) -> None:
    assert normalize_date_bound(value, upper=False) == low
    assert normalize_date_bound(value, upper=True) == high


@pytest.mark.parametrize(
    "value",
    [
        "2020-00",
        "2020-13",
        "9999-99",
        "2021-02-29",
        "2021-04-31",
        "2021-06-00",
        "0000",
        "20200101",
        "2020-6",
        "16/6/2022",
        "2020-01-01T00:00",
        "hôm qua",
    ],
)
def test_dates_not_on_the_calendar_are_refused(value: str) -> None:
    for upper in (False, True):
        with pytest.raises(InvalidDateError) as err:
            normalize_date_bound(value, upper=upper)
        assert err.value.vietnamese.startswith(f"Ngày không hợp lệ: {value}")


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"""',
        "*",
        "NEAR(",
        "NEAR(a b",
        "AND",
        "OR NOT",
        "a AND",
        "(",
        ")",
        "^",
        ":",
        "-",
        "title_folded:x",
        "'; DROP TABLE documents; --",
        "",
        "   ",
        "x" * 10_000,
        "nghị quyết " * 1000,
    ],
)
def test_hostile_queries_are_answered(index, query: str) -> None:
    result = index.search(query)
    assert isinstance(result.hits, list)
    assert index.stats()["documents"] == 3


def test_a_long_query_is_cut(index) -> None:
    assert index.search("dang " * 500).truncated_query


def test_reindexing(tmp_path: Path) -> None:
    record = _records()[0]
    with SqliteIndex(tmp_path / "a.sqlite") as idx:
        assert idx.add(record, TEXT_CT) == "added"
        assert idx.add(record, TEXT_CT) == "unchanged"
        twin = {**record, "source": "copy/ct-05.txt"}
        assert idx.add(twin, TEXT_CT) == "duplicate"
        changed_text = TEXT_CT.replace("120 đảng viên", "121 đảng viên")
        changed = make_record(
            "docs/ct-05.txt",
            changed_text,
            references=[("Nghị quyết số 21-NQ/TW", {"id": "21-NQ/TW"})],
        )
        assert idx.add(changed, changed_text) == "replaced"
        assert idx.stats() == {
            "documents": 1,
            "refs": 1,
            "units": 0,
            "statistics": 0,
            "relations": 0,
        }
        assert _sources(idx, "121") == ["docs/ct-05.txt"]
        assert _sources(idx, "120") == []  # the old text is gone from the full-text index
        assert idx.remove("docs/ct-05.txt") is True
        assert idx.remove("docs/ct-05.txt") is False
        assert idx.stats()["documents"] == 0 and idx.search("21-NQ/TW").hits == []


def test_text_must_match_the_record(tmp_path: Path) -> None:
    with SqliteIndex(tmp_path / "a.sqlite") as idx, pytest.raises(ValueError, match="sha256"):
        idx.add(_records()[0], TEXT_CT + " ")


def test_a_record_without_text_is_still_searchable(tmp_path: Path) -> None:
    with SqliteIndex(tmp_path / "a.sqlite") as idx:
        idx.add(_records()[1])
        assert _sources(idx, "so noi vu") == ["news/so-ket.txt"]
        assert idx.document("news/so-ket.txt").text is None


def test_cited_and_top_references(index) -> None:
    citations = index.cited("nghi quyet 21-nq/tw")
    assert [(c.source, c.date, c.mentions) for c in citations] == [
        ("docs/kh-12.txt", "2019-03-04", 1),
        ("docs/ct-05.txt", "2022-07-01", 2),
    ]
    assert citations[1].ref_date == "2022-06-16"
    top = index.top_references()
    assert (top[0].ref_id, top[0].documents, top[0].mentions) == ("21-NQ/TW", 2, 3)
    assert (top[0].first_cited, top[0].last_cited) == ("2019-03-04", "2022-07-01")
    assert [t.ref_id for t in index.top_references(doc_type="chỉ thị")] == ["05-CT/TW"]


def test_document_keeps_offsets_into_the_text_as_read(index) -> None:
    doc = index.document("docs/ct-05.txt")
    assert (doc.doc_type, doc.doc_id, doc.date) == ("chỉ thị", "05-CT/TU", "2022-07-01")
    for item in doc.references + doc.units:
        for m in item["mentions"]:
            assert doc.text[m["start"] : m["end"]] == m["text"]
    assert [m["text"] for m in doc.references[0]["mentions"]] == ["Nghị quyết số 21-NQ/TW"] * 2
    assert [(s["value"], s["unit"]) for s in doc.statistics] == [(120, "đảng viên"), (105, "%")]
    assert index.document("nope.txt") is None


def test_open_errors_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(IndexOpenError, match="no such index file"):
        open_index(tmp_path / "missing.sqlite", read_only=True)
    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"this is not a database at all" * 100)
    for read_only in (True, False):
        with pytest.raises(IndexOpenError, match="not a vnpolicy index") as err:
            open_index(corrupt, read_only=read_only)
        assert "\n" not in str(err.value)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(IndexOpenError, match="not a vnpolicy index"):
        open_index(other)
    with pytest.raises(IndexOpenError, match="no such index backend"):
        open_index("postgresql://localhost/archive")


def test_read_only_cannot_write(index) -> None:
    with SqliteIndex(index.path, read_only=True) as ro:
        assert ro.stats()["documents"] == 3
        with pytest.raises(sqlite3.DatabaseError):
            ro.add(make_record("x.txt", "Văn bản mới."), "Văn bản mới.")


# --- the dev set -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def dev_db(tmp_path_factory) -> Path:
    return dev_index(tmp_path_factory)


def test_dev_offsets_point_into_the_stored_text(dev_db: Path, tmp_path_factory) -> None:
    records = dev_records(dev_output(tmp_path_factory))
    with SqliteIndex(dev_db, read_only=True) as idx:
        assert idx.stats()["documents"] == len(records)
        checked = 0
        for record in records:
            doc = idx.document(record["source"])
            assert doc is not None and doc.text is not None, record["source"]
            for item in doc.references + doc.units:
                for m in item["mentions"]:
                    assert doc.text[m["start"] : m["end"]] == m["text"]
                    checked += 1
            for stat in doc.statistics:
                assert doc.text[stat["start"] : stat["end"]] == stat["text"]
        assert checked > 0


def test_a_republished_copy_is_not_indexed(tmp_path: Path) -> None:
    record = _records()[1]
    with SqliteIndex(tmp_path / "a.sqlite") as idx:
        assert idx.add(record, TEXT_NEWS) == "added"
        assert idx.contains(record)
        copy = {**record, "document": {**record["document"], "duplicate_of": "news/goc.txt"}}
        assert not idx.contains(copy)
        assert idx.add(copy, TEXT_NEWS) == "duplicate"  # and the earlier copy is dropped
        assert idx.stats()["documents"] == 0


def test_the_sqlite_index_is_a_search_index(tmp_path: Path) -> None:
    from vnpolicy.outputs.index import SearchIndex

    with open_index(tmp_path / "new" / "archive.sqlite") as idx:
        assert isinstance(idx, SearchIndex) and idx.stats()["documents"] == 0
    assert (tmp_path / "new" / "archive.sqlite").is_file()


# --- one id key: TƯ is TW, never TU -------------------------------------------------------

TEXT_TW = "Đảng ủy xã quán triệt Nghị quyết số 21-NQ/TƯ của Ban Chấp hành Trung ương."
TEXT_TU = "Huyện đoàn triển khai Nghị quyết số 21-NQ/TU của Tỉnh ủy Quảng Trị."


def test_party_tu_is_trung_uong_and_not_tinh_uy(tmp_path: Path) -> None:
    with SqliteIndex(tmp_path / "tw.sqlite") as idx:
        for source, text, ref_id in (
            ("tin/tw.txt", TEXT_TW, "21-NQ/TƯ"),
            ("tin/tu.txt", TEXT_TU, "21-NQ/TU"),
        ):
            written = f"Nghị quyết số {ref_id}"
            record = make_record(source, text, references=[(written, {"id": ref_id})])
            idx.add(record, text)
        for spelling, cited in [
            *[(x, ["tin/tw.txt"]) for x in ("21-NQ/TW", "21-NQ/TƯ", "21 nq tw", "nq 21/TƯ")],
            *[(x, ["tin/tu.txt"]) for x in ("21-NQ/TU", "21 nq tu")],
        ]:
            hits = idx.search(spelling).hits
            assert [h.source for h in hits if h.matched == "reference"] == cited, spelling
            assert _sources(idx, "", cites=spelling) == cited, spelling
        keys = {r.key for r in idx.top_references()}
        assert keys == {"21nqtw", "21nqtu"}


# --- an index of schema 1 --------------------------------------------------------------


def test_an_index_of_schema_1_is_migrated_by_a_writer(tmp_path: Path) -> None:
    from tests.archive_support import archive_records, as_schema_1

    path = tmp_path / "old.sqlite"
    with SqliteIndex(path) as idx:
        for record, text in archive_records():
            idx.add(record, text)
        text = TEXT_TW
        idx.add(make_record("tin/tw.txt", text, references=[("21-NQ/TƯ", {"id": "21-NQ/TƯ"})]))
    as_schema_1(path)
    with pytest.raises(IndexOpenError, match="older than 2; run `vnpolicy index") as err:
        open_index(path, read_only=True)
    assert "\n" not in str(err.value)
    with SqliteIndex(path) as idx:
        assert idx.migrated_from == "1"
        assert _sources(idx, "21-NQ/TW") == ["tin/tw.txt"]
        assert "tin/ten.txt" in _sources(idx, "45/2013/QH13")  # resolved by the archive
        record, text = archive_records()[0]
        assert not idx.contains(record)  # stale: the next `vnpolicy index` replaces it
        assert idx.add(record, text) == "replaced"
    with open_index(path, read_only=True) as idx:
        assert _sources(idx, "21-NQ/TW") == ["tin/tw.txt"]


def test_an_index_of_an_unknown_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    SqliteIndex(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    conn.commit()
    conn.close()
    for read_only in (True, False):
        with pytest.raises(IndexOpenError, match="schema 99 is not 2; remove the file"):
            open_index(path, read_only=read_only)
