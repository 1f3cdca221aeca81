"""`vnpolicy index`, `search` and `refs` as a user runs them: on hand-made results, on bad
input, and on the dev set (every numbered gold id the extraction found is found again by
`vnpolicy search` in several spellings; filters narrow to exactly what the records say)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.index_support import dev_index, dev_output, dev_records, gold_ids, make_record
from vnpolicy.cli import main
from vnpolicy.outputs.index import reference_key
from vnpolicy.outputs.index_text import fold, id_tokens
from vnpolicy.outputs.writers import write_json_atomic
from vnpolicy.resume import MANIFEST_NAME

TEXT = (
    "Thực hiện Chỉ thị số 05-CT/TU ngày 07/5/2021 của Ban Thường vụ Tỉnh ủy, "
    "Huyện uỷ Đakrông đã kết nạp 57 đảng viên."
)


@pytest.fixture
def results(tmp_path: Path) -> Path:
    """An OUTDIR as `vnpolicy extract` leaves it, with the source file beside it."""
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    source = docs / "bai-viet.txt"
    source.write_text(TEXT, encoding="utf-8")
    record = make_record(
        str(source),
        TEXT,
        references=[
            ("Chỉ thị số 05-CT/TU", {"id": "05-CT/TU", "doc_type": "chỉ thị", "date": "2021-05-07"})
        ],
        units=[("Huyện uỷ Đakrông", {"name": "Huyện ủy Đakrông", "kind": "party"})],
        statistics=[("57 đảng viên", {"value": 57, "unit": "đảng viên", "kind": "count"})],
    )
    write_json_atomic(record, out / "bai-viet.txt.json")
    (out / "errors.jsonl").write_text('{"source": "x", "error": "y"}\n', encoding="utf-8")
    (out / MANIFEST_NAME).write_text('{"source": "x", "sha256": "y"}\n', encoding="utf-8")
    return out


def test_index_then_search(results: Path, tmp_path: Path, capsys) -> None:
    db = tmp_path / "archive.sqlite"
    assert main(["index", str(results), "--db", str(db)]) == 0
    assert "1 added, 0 replaced, 0 unchanged; 1 documents" in capsys.readouterr().err
    assert main(["index", str(results), "--db", str(db)]) == 0
    assert "0 added, 0 replaced, 1 unchanged" in capsys.readouterr().err

    assert main(["search", "huyen uy dakrong", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "1. " + str(tmp_path / "docs" / "bai-viet.txt") in out  # the source path
    assert "«Huyện uỷ Đakrông»" in out  # highlighted as written

    assert main(["search", "5 CT TU", "--db", str(db), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["reference"] == "05-CT/TU"
    (hit,) = payload["hits"]
    assert hit["matched"] == "reference" and hit["references"] == ["05-CT/TU"]
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end] == "Chỉ thị số 05-CT/TU"


def test_index_reports_bad_files_and_goes_on(results: Path, tmp_path: Path, capsys) -> None:
    (results / "broken.json").write_text("{not json", encoding="utf-8")
    (results / "other.json").write_text('{"a": 1}', encoding="utf-8")
    db = tmp_path / "archive.sqlite"
    assert main(["index", str(results), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "broken.json: not JSON" in err and "other.json: not a vnpolicy result" in err
    assert "1 added" in err and "2 failed" in err


def test_index_without_the_source_file(results: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "docs" / "bai-viet.txt").unlink()
    db = tmp_path / "archive.sqlite"
    assert main(["index", str(results), "--db", str(db)]) == 0
    assert "source file not found; indexed without its text" in capsys.readouterr().err
    assert main(["search", "dakrong", "--db", str(db)]) == 0
    assert "bai-viet.txt" in capsys.readouterr().out


def test_a_changed_source_replaces(results: Path, tmp_path: Path, capsys) -> None:
    db = tmp_path / "archive.sqlite"
    main(["index", str(results), "--db", str(db)])
    source = tmp_path / "docs" / "bai-viet.txt"
    text = TEXT.replace("57", "58")
    source.write_text(text, encoding="utf-8")
    record = make_record(
        str(source), text, references=[("Chỉ thị số 05-CT/TU", {"id": "05-CT/TU"})]
    )
    write_json_atomic(record, results / "bai-viet.txt.json")
    capsys.readouterr()
    assert main(["index", str(results), "--db", str(db)]) == 0
    assert "0 added, 1 replaced" in capsys.readouterr().err
    main(["search", "58", "--db", str(db), "--json"])
    assert len(json.loads(capsys.readouterr().out)["hits"]) == 1
    main(["search", "57", "--db", str(db), "--json"])
    assert json.loads(capsys.readouterr().out)["hits"] == []


@pytest.fixture
def db(results: Path, tmp_path: Path) -> Path:
    path = tmp_path / "archive.sqlite"
    assert main(["index", str(results), "--db", str(path)]) == 0
    return path


@pytest.mark.parametrize(
    "query", ['"', "*", "NEAR(", 'NEAR("dang" AND', "AND", "OR", "x" * 10_000, "(((", "đ:*"]
)
def test_search_answers_fts_syntax_and_long_queries(db: Path, query: str, capsys) -> None:
    assert main(["search", query, "--db", str(db)]) == 0
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["search", "", "--db", "{db}"], "empty query"),
        (["search", "   ", "--db", "{db}"], "empty query"),
        (["search", "x", "--db", "{corrupt}"], "not a vnpolicy index"),
        (["refs", "--db", "{corrupt}"], "not a vnpolicy index"),
        (["search", "x", "--db", "{db}", "--from", "2021-02-30"], "not a date"),
        (["search", "x", "--db", "{db}", "--limit", "0"], "--limit"),
        (["index", "{db}", "--db", "{corrupt}"], "not a vnpolicy index"),
    ],
)
def test_errors_are_one_line(db: Path, tmp_path: Path, argv, message: str, capsys) -> None:
    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"\x00garbage" * 64)
    names = {"db": db, "missing": tmp_path / "missing.sqlite", "corrupt": corrupt}
    assert main([a.format(**names) for a in argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert corrupt.read_bytes() == b"\x00garbage" * 64  # never overwritten


def test_empty_query_with_a_filter_lists(db: Path, capsys) -> None:
    assert main(["search", "", "--db", str(db), "--cites", "ct 05/tu", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["hits"]) == 1


def test_refs(db: Path, capsys) -> None:
    assert main(["refs", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["reference", "type", "documents", "mentions", "first", "last"]
    assert lines[2].split()[:5] == ["05-CT/TU", "chỉ", "thị", "1", "1"]
    assert main(["refs", "--db", str(db), "--ref", "chi thi 05", "--json"]) == 0
    (citation,) = json.loads(capsys.readouterr().out)
    assert citation["ref_id"] == "05-CT/TU" and citation["mentions"] == 1


# --- the dev set ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dev(tmp_path_factory) -> tuple[Path, list[dict]]:
    db = dev_index(tmp_path_factory)
    return db, dev_records(dev_output(tmp_path_factory))


def _search(db: Path, query: str, *options: str) -> list[dict]:
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["search", query, "--db", str(db), "--json", "--limit", "200", *options]) == 0
    return json.loads(buffer.getvalue())["hits"]


def spellings(ref_id: str, doc_type: str | None) -> dict[str, str]:
    """Ways a user writes an id: "21-NQ/TW" -> "21 NQ TW", "nq 21/tw" (folded, letters
    first), "nghi quyet 21" (the type without diacritics and the numbers)."""
    tokens = id_tokens(ref_id)
    numbers = [t for t in tokens if t.isdigit()]
    letters = [t for t in tokens if not t.isdigit()]
    out = {
        "as written": ref_id,
        "spaces": " ".join(re.findall(r"[^\W_]+", ref_id)),
        "folded, letters first": " ".join(letters) + " " + "/".join(numbers),
    }
    if doc_type:
        out["type and number"] = fold(doc_type) + " " + "/".join(numbers[:2])
    return out


def test_every_gold_id_extracted_is_found_in_several_spellings(dev, capsys) -> None:
    db, records = dev
    by_stem = {Path(r["source"]).name.rsplit(".", 1)[0]: r for r in records}
    gold = gold_ids()
    total = covered = typed = typed_found = 0
    for stem, ids in gold.items():
        record = by_stem.get(stem)
        extracted = {}
        for ref in record["references"] if record else []:
            if reference_key(ref.get("id")):
                extracted.setdefault(reference_key(ref["id"]), ref)
        for gold_id in dict.fromkeys(ids):
            total += 1
            ref = extracted.get(reference_key(gold_id))
            if ref is None:
                continue  # an extractor miss, not the index's
            covered += 1
            for how, query in spellings(gold_id, ref.get("doc_type")).items():
                hits = _search(db, query)
                found = any(
                    h["source"] == record["source"] and h["matched"] == "reference" for h in hits
                )
                if how == "type and number":
                    typed += 1
                    typed_found += found
                    continue
                assert found, f"{stem}: {gold_id} not found as {how}: {query!r}"
                assert query.isascii() or how != "folded, letters first"
    with capsys.disabled():
        print(
            f"\n[index] gold numbered ids: {total}, extracted and found by search in 3 "
            f"spellings: {covered}; by type and number: {typed_found}/{typed}"
        )
    assert covered > 0
    assert typed_found == typed


def _expected(records: list[dict], keep) -> list[str]:
    return sorted(r["source"] for r in records if keep(r))


def _date(record: dict) -> str | None:
    document = record["document"]
    for value in (
        (document.get("self") or {}).get("date"),
        (document.get("metadata") or {}).get("date"),
    ):
        if value:
            return value[:10]
    return None


def test_dev_filters_narrow_exactly(dev) -> None:
    db, records = dev

    def sources(*options: str) -> list[str]:
        return sorted(h["source"] for h in _search(db, "", *options))

    types = {(r["document"].get("self") or {}).get("doc_type") for r in records} - {None}
    for doc_type in sorted(types):
        assert sources("--type", doc_type) == _expected(
            records, lambda r, t=doc_type: (r["document"].get("self") or {}).get("doc_type") == t
        )
        assert sources("--type", fold(doc_type)) == sources("--type", doc_type)

    in_range = _expected(
        records, lambda r: (_date(r) or "0") >= "2020-01-01" and (_date(r) or "9") <= "2023-12-31"
    )
    assert sources("--from", "2020-01-01", "--to", "2023-12-31") == in_range
    assert sources("--from", "2024") == _expected(records, lambda r: (_date(r) or "0") >= "2024")

    counts: dict[str, set[str]] = {}
    for record in records:
        for ref in record["references"]:
            if reference_key(ref.get("id")):
                counts.setdefault(reference_key(ref["id"]), set()).add(record["source"])
    key, citing = max(counts.items(), key=lambda kv: len(kv[1]))
    assert sources("--cites", key) == sorted(citing)
    narrowed = sources("--cites", key, "--from", "2020-01-01", "--to", "2023-12-31")
    assert set(narrowed) == set(citing) & set(in_range)


def test_dev_refs_lists_the_most_cited_first(dev, capsys) -> None:
    db, records = dev
    assert main(["refs", "--db", str(db), "--json", "--limit", "5"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["documents"] for r in rows] == sorted((r["documents"] for r in rows), reverse=True)
    top = rows[0]
    citing = {
        r["source"]
        for r in records
        for ref in r["references"]
        if top["ref_id"] and reference_key(ref.get("id")) == top["key"]
    }
    if top["ref_id"]:
        assert top["documents"] == len(citing)


def test_index_reads_json_lines(results: Path, tmp_path: Path, capsys) -> None:
    record = json.loads((results / "bai-viet.txt.json").read_text(encoding="utf-8"))
    lines = tmp_path / "all.jsonl"
    lines.write_text(json.dumps(record, ensure_ascii=False) + "\n\n{broken\n", encoding="utf-8")
    db = tmp_path / "archive.sqlite"
    assert main(["index", str(lines), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert f"{lines}:3: not JSON" in err and "1 added" in err
    assert main(["search", "05-CT/TU", "--db", str(db), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["hits"]) == 1


def test_extract_with_db_indexes_as_it_extracts(tmp_path: Path, capsys) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bai.txt").write_text(
        "Huyện ủy Gio Linh quán triệt Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành "
        "Trung ương Đảng khóa XIII.",
        encoding="utf-8",
    )
    db = tmp_path / "archive.sqlite"
    out = tmp_path / "out"
    assert main(["extract", str(docs), "-o", str(out), "--db", str(db), "-j", "1", "-q"]) == 0
    assert "1 added" in capsys.readouterr().err
    assert main(["search", "nq 21/tw", "--db", str(db)]) == 0
    assert "bai.txt" in capsys.readouterr().out
    # A rerun finds the document done and the index unchanged: nothing is indexed twice.
    assert main(["extract", str(docs), "-o", str(out), "--db", str(db), "-j", "1", "-q"]) == 0
    assert "0 added, 0 replaced, 1 unchanged" in capsys.readouterr().err
