"""Archive resolution: `vnpolicy index` learns titles with numbers from the documents it holds
(their headers, "Luật Đất đai số 45/2013/QH13") and resolves the named references of the
others; searching the number then finds the documents naming the law, and the name finds
those writing its number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.archive_support import (
    CITE_LAND_LAW_BY_NAME,
    CITE_LAND_LAW_BY_NUMBER,
    archive_records,
)
from vnpolicy.cli import main
from vnpolicy.extractors.reference_registry import title_key as registry_title_key
from vnpolicy.outputs.index import SearchFilters, SqliteIndex
from vnpolicy.outputs.index_archive import header_title, mention_title, named_key, title_key

LAND_2013 = {"id": "45/2013/QH13", "date": None, "by": "archive"}


def _index(path: Path, order=None) -> SqliteIndex:
    index = SqliteIndex(path)
    pairs = archive_records()
    for record, text in order(pairs) if order else pairs:
        assert index.add(record, text) == "added"
    return index


@pytest.fixture
def index(tmp_path: Path):
    with _index(tmp_path / "archive.sqlite") as index:
        yield index


def _resolved(index: SqliteIndex, source: str) -> list[dict | None]:
    document = index.document(source)
    return [ref["resolved"] for ref in document.references if not ref["id"]]


# --- what a document teaches -----------------------------------------------------------

TITLES = [
    ("Luật Đất đai", ("luật đất đai", None)),
    ("Luật đất đai năm 2013", ("luật đất đai", "2013")),
    (
        "Bộ luật Hình sự nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1999",
        ("bộ luật hình sự", "1999"),
    ),
    ("Luật Thi đua, khen thưởng", ("luật thi đua khen thưởng", None)),
    ("Nghị quyết Hội nghị Trung ương 4 khóa XII", ("plenum:4:XII", None)),
]


@pytest.mark.parametrize(("name", "key"), TITLES)
def test_the_name_key_is_the_registrys(name: str, key: tuple) -> None:
    assert named_key(name) == key
    assert title_key(name) == registry_title_key(name)


def test_a_header_and_a_mention_teach_a_title() -> None:
    learned = header_title("luật", "45/2013/QH13", "ĐẤT ĐAI", None)
    assert (learned.name, learned.ref_id, learned.year) == ("Luật ĐẤT ĐAI", "45/2013/QH13", "2013")
    assert named_key(learned.name)[0] == "luật đất đai"
    mention = mention_title({"id": "46/2010/QH12", "name": "Luật Ngân hàng Nhà nước Việt Nam"})
    assert mention.year == "2010"
    # a type without a title, or a name without a number, teaches nothing
    assert header_title("luật", "45/2013/QH13", "LUẬT", None) is None
    assert mention_title({"id": None, "name": "Luật Đất đai"}) is None
    assert mention_title({"id": "45/2013/QH13", "name": "Luật", "doc_type": "luật"}) is None


# --- resolution --------------------------------------------------------------------------


def test_a_name_is_resolved_by_the_archive(index) -> None:
    assert _resolved(index, "tin/ten.txt") == [LAND_2013]
    assert _resolved(index, "tin/ten-nam.txt") == [LAND_2013]  # the year agrees


def test_what_the_archive_cannot_tell_stays_unresolved(index) -> None:
    assert _resolved(index, "tin/ban-cu.txt") == [None]  # "năm 2003": another edition
    assert _resolved(index, "tin/truoc-luat.txt") == [None]  # written in 2010, before the law
    assert _resolved(index, "tin/du-thao.txt") == [None]  # "dự thảo Luật Đất đai": a bill
    assert _resolved(index, "luat/45-2013-QH13.txt") == [None]  # no number known for it


def test_two_editions_and_no_year_mean_the_one_in_force_at_the_articles_date(index) -> None:
    """The archive holds the Investment Laws of 2014 and 2020 and the registry dates both:
    "Luật Đầu tư" in an article of April 2022 is the 2020 law."""
    assert _resolved(index, "tin/dau-tu-ten.txt") == [
        {"id": "61/2020/QH14", "date": None, "by": "archive"}
    ]


def test_a_year_picks_one_of_two_editions(index) -> None:
    assert _resolved(index, "tin/dau-tu-2020.txt") == [
        {"id": "61/2020/QH14", "date": None, "by": "archive"}
    ]


def test_resolution_does_not_depend_on_the_order_of_indexing(tmp_path: Path) -> None:
    with _index(tmp_path / "reversed.sqlite", order=lambda pairs: pairs[::-1]) as index:
        assert _resolved(index, "tin/ten.txt") == [LAND_2013]
        assert _resolved(index, "tin/dau-tu-ten.txt")[0]["id"] == "61/2020/QH14"


def test_a_resolution_from_the_record_is_kept(tmp_path: Path) -> None:
    record, text = archive_records()[2]  # "tin/ten.txt"
    record["references"][0]["resolved"] = {"id": "31/2024/QH15", "date": None, "by": "registry"}
    with _index(tmp_path / "kept.sqlite", order=lambda p: [x for x in p if x[1] != text]) as index:
        index.add(record, text)
        assert _resolved(index, "tin/ten.txt") == [
            {"id": "31/2024/QH15", "date": None, "by": "registry"}
        ]


def test_removing_the_documents_that_taught_a_title_unresolves_it(index) -> None:
    index.remove("tin/so-hieu.txt")
    assert _resolved(index, "tin/ten.txt") == [LAND_2013]  # the law's header still says it
    index.remove("luat/45-2013-QH13.txt")
    assert _resolved(index, "tin/ten.txt") == [None]
    assert "tin/ten.txt" not in _sources(index, "45/2013/QH13")


def _add_named(index: SqliteIndex, source: str, text: str, date: str | None, ref: tuple) -> None:
    from tests.index_support import make_record

    record = make_record(source, text, self_={"date": date}, references=[ref])
    index.add(record, text)


LAND_2024_BY_NUMBER = (
    "Luật Đất đai số 31/2024/QH15",
    {"id": "31/2024/QH15", "doc_type": "luật", "name": "Luật Đất đai"},
)
LAND_BY_NAME = ("Luật Đất đai", {"doc_type": "luật", "name": "Luật Đất đai"})


def test_a_second_edition_resolves_a_name_by_the_date_of_the_citing_document(index) -> None:
    """With both editions in the archive (and in the registry), "Luật Đất đai" means the one
    in force when the article was written; without the article's date it stays unresolved."""
    _add_named(
        index,
        "tin/luat-moi.txt",
        "Luật Đất đai số 31/2024/QH15 có hiệu lực từ ngày 01/8/2024.",
        "2024-08-01",
        LAND_2024_BY_NUMBER,
    )
    _add_named(
        index,
        "tin/2025.txt",
        "Xã tuyên truyền Luật Đất đai tới 400 hộ.",
        "2025-03-02",
        LAND_BY_NAME,
    )
    _add_named(index, "tin/khong-ngay.txt", "Hỏi đáp về Luật Đất đai.", None, LAND_BY_NAME)
    assert _resolved(index, "tin/ten.txt") == [LAND_2013]  # written in 2017
    assert _resolved(index, "tin/2025.txt")[0]["id"] == "31/2024/QH15"
    assert _resolved(index, "tin/khong-ngay.txt") == [None]
    assert _resolved(index, "tin/ten-nam.txt") == [LAND_2013]  # "năm 2013" still tells


def test_a_name_with_editions_stays_unresolved_when_the_archive_lacks_the_one_in_force(
    index,
) -> None:
    """The archive knows only the 2013 law; a 2025 article's "Luật Đất đai" is the 2024 law
    (the registry says so), so it is not resolved to 2013."""
    _add_named(
        index,
        "tin/2025.txt",
        "Xã tuyên truyền Luật Đất đai tới 400 hộ.",
        "2025-03-02",
        LAND_BY_NAME,
    )
    assert _resolved(index, "tin/2025.txt") == [None]


# --- search both ways ------------------------------------------------------------------


def _sources(index: SqliteIndex, query: str, **filters) -> set[str]:
    return {hit.source for hit in index.search(query, SearchFilters(**filters), limit=50).hits}


@pytest.mark.parametrize("spelling", ["45/2013/QH13", "45/2013/qh13", "Luật 45/2013/QH13"])
def test_the_number_finds_those_naming_the_law(index, spelling: str) -> None:
    hits = index.search(spelling, limit=50).hits
    cited = {h.source for h in hits if h.matched == "reference"}
    assert cited == CITE_LAND_LAW_BY_NUMBER | CITE_LAND_LAW_BY_NAME
    assert _sources(index, "", cites=spelling) == cited


@pytest.mark.parametrize("name", ["Luật Đất đai", "luat dat dai", "Luật đất đai năm 2013"])
def test_the_name_finds_those_writing_the_number(index, name: str) -> None:
    cited = {h.source for h in index.search(name, limit=50).hits if h.matched == "reference"}
    assert CITE_LAND_LAW_BY_NUMBER | CITE_LAND_LAW_BY_NAME <= cited
    assert "tin/dau-tu-ten.txt" not in cited
    assert _sources(index, "", cites=name) == cited


def test_a_word_that_is_no_title_stays_a_text_search(index) -> None:
    hits = index.search("đất đai", limit=50).hits
    assert hits and {h.matched for h in hits} == {"text"}
    assert {h.matched for h in index.search("Luật", limit=50).hits} <= {"text"}


def test_citations_say_how_they_cite(index) -> None:
    by = {c.source: c.by for c in index.cited("45/2013/QH13")}
    assert by == {
        "tin/so-hieu.txt": None,
        "quyet-dinh/can-cu.txt": None,
        "tin/ten.txt": "archive",
        "tin/ten-nam.txt": "archive",
    }
    top = {r.ref_id: r.documents for r in index.top_references()}
    assert top["45/2013/QH13"] == 4  # named citations count for the number


# --- the command line ------------------------------------------------------------------


def test_vnpolicy_index_then_search_cites(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for number, (record, text) in enumerate(archive_records()):
        record["document"]["text"] = text
        (out / f"{number:02d}.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    db = tmp_path / "archive.sqlite"
    assert main(["index", str(out), "--db", str(db)]) == 0
    capsys.readouterr()
    for argv in (["", "--cites", "45/2013/QH13"], ["45/2013/QH13"], ["Luật Đất đai"]):
        assert main(["search", *argv, "--db", str(db), "--json"]) == 0
        hits = json.loads(capsys.readouterr().out)["hits"]
        found = {h["source"] for h in hits if h["matched"] in ("reference", "text")}
        assert CITE_LAND_LAW_BY_NUMBER | CITE_LAND_LAW_BY_NAME <= found, argv


def test_an_old_index_is_refused_by_search_and_migrated_by_index(tmp_path: Path, capsys) -> None:
    from tests.archive_support import as_schema_1

    out = tmp_path / "out"
    out.mkdir()
    for number, (record, text) in enumerate(archive_records()):
        record["document"]["text"] = text
        (out / f"{number:02d}.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    db = tmp_path / "archive.sqlite"
    assert main(["index", str(out), "--db", str(db)]) == 0
    as_schema_1(db)
    capsys.readouterr()
    assert main(["search", "45/2013/QH13", "--db", str(db)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "older than 2; run `vnpolicy index" in error
    assert main(["index", str(out), "--db", str(db)]) == 0
    error = capsys.readouterr().err
    assert "schema 1 migrated" in error and f"0 added, {number + 1} replaced" in error
    assert main(["search", "", "--cites", "45/2013/QH13", "--db", str(db), "--json"]) == 0
    found = {h["source"] for h in json.loads(capsys.readouterr().out)["hits"]}
    assert found == CITE_LAND_LAW_BY_NUMBER | CITE_LAND_LAW_BY_NAME
