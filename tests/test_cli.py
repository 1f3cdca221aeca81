"""The CLI and the Python API end to end, on the shipped samples and on bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from vnpolicy import extract
from vnpolicy.cli import build_parser, command_parser, main
from vnpolicy.outputs.schema import validate_record
from vnpolicy.resume import MANIFEST_NAME

SEED_REFERENCES = {
    "21-NQ/TW": "2022-06-16",
    "48-CTr/TU": "2022-12-02",
    "05-CT/TU": "2021-05-07",
    "399-QĐ/TU": "2016-11-18",
    "05-CT/TW": "2016-05-15",
}


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory) -> tuple[int, Path]:
    out = tmp_path_factory.mktemp("out")
    code = main(["extract", "-o", str(out), "--jsonl", str(out / "all.jsonl")])
    return code, out


def test_samples_are_the_default_input(sample_run) -> None:
    code, out = sample_run
    assert code == 0
    names = sorted(p.name for p in out.glob("*.json"))
    assert names == sorted(
        p.name + ".json"
        for p in SAMPLES.iterdir()
        if p.is_file() and p.suffix in {".txt", ".html", ".pdf"}
    )
    assert not (out / "errors.jsonl").exists()


def test_every_sample_output_validates_against_the_schema(sample_run) -> None:
    _, out = sample_run
    for path in out.glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        assert validate_record(record) == [], path.name


def test_offsets_point_into_the_text_as_read(sample_run) -> None:
    _, out = sample_run
    record = json.loads((out / "seed-quangtri.txt.json").read_text(encoding="utf-8"))
    raw = (SAMPLES / "seed-quangtri.txt").read_text(encoding="utf-8")
    for key in ("references", "units", "statistics"):
        for item in record[key]:
            for span in item.get("mentions") or [item]:
                assert raw[span["start"] : span["end"]] == span["text"]


def test_seed_references_with_dates(sample_run) -> None:
    _, out = sample_run
    record = json.loads((out / "seed-quangtri.txt.json").read_text(encoding="utf-8"))
    numbered = {r["id"]: r["date"] for r in record["references"] if r["id"]}
    assert numbered == SEED_REFERENCES
    twice = next(r for r in record["references"] if r["id"] == "21-NQ/TW")
    assert len(twice["mentions"]) >= 2  # the date comes only at the second mention


def test_seed_glued_number_is_read(sample_run) -> None:
    _, out = sample_run
    record = json.loads((out / "seed-quangtri.txt.json").read_text(encoding="utf-8"))
    values = {s["value"] for s in record["statistics"]}
    assert {11727, 9757, 19.9} <= values
    assert 2022 not in values and 2019 not in values  # years are not statistics


def test_outputs_get_the_usual_permissions(sample_run) -> None:
    _, out = sample_run
    umask = os.umask(0o022)
    os.umask(umask)
    modes = {p.name: p.stat().st_mode & 0o777 for p in out.iterdir() if p.is_file()}
    assert {"all.jsonl", "seed-quangtri.txt.json", MANIFEST_NAME} <= set(modes)
    assert set(modes.values()) == {0o666 & ~umask}, modes


def test_jsonl_holds_every_document(sample_run) -> None:
    _, out = sample_run
    lines = (out / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(list(out.glob("*.json")))


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path: Path, capsys) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("Thực hiện Chỉ thị số 05-CT/TU của Tỉnh ủy.", encoding="utf-8")
    (docs / "empty.txt").write_text("", encoding="utf-8")
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (docs / "notes.xyz").write_text("x", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["extract", str(docs), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert (out / "good.txt.json").exists()
    rows = [json.loads(x) for x in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert sorted(Path(r["source"]).name for r in rows) == ["broken.pdf", "empty.txt"]
    assert "notes.xyz: skipped" in err
    assert "1 written, 1 skipped, 2 failed" in err
    described = command_parser(build_parser(), "extract").description
    named = set(re.findall(r"OUTDIR/([\w-]+(?:\.\w+)+)", described))
    assert named and all((out / name).is_file() for name in named), named  # the real names


def test_help_explains_with_examples() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vnpolicy", "extract", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "errors.jsonl" in result.stdout and "examples:" in result.stdout


def test_python_api_returns_the_json_dict() -> None:
    text = (
        "Thực hiện Chỉ thị số 05-CT/TU, ngày 07/5/2021 của Ban Thường vụ Tỉnh ủy, "
        "có 9.757 đồng chí."
    )
    result = extract(text, source="memo.txt")
    assert result["source"] == "memo.txt"
    ref = result["references"][0]
    assert (ref["id"], ref["date"]) == ("05-CT/TU", "2021-05-07")
    assert text[ref["start"] : ref["end"]] == ref["text"]
    assert validate_record(result) == []


def test_csv_of_every_statistic_of_the_batch(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "Đảng bộ huyện Gio Linh có 43 tổ chức cơ sở đảng, đạt 88,4%.", encoding="utf-8"
    )
    (docs / "b.txt").write_text("Năm 2023, toàn tỉnh kết nạp 1.250 đảng viên.", encoding="utf-8")
    out, csv_path = tmp_path / "out", tmp_path / "stats.csv"
    argv = ["extract", str(docs), "-o", str(out), "--jsonl", str(out / "all.jsonl")]
    assert main([*argv, "--csv", str(csv_path), "-j", "1", "-q"]) == 0
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Vietnamese right
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    got = sorted((Path(r["source"]).name, float(r["value"]), r["unit"]) for r in rows)
    assert got == [
        ("a.txt", 43.0, "tổ chức cơ sở đảng"),
        ("a.txt", 88.4, "%"),
        ("b.txt", 1250.0, "đảng viên"),
    ]  # each document once, JSONL or not
    place = {float(r["value"]): r["place"] for r in rows}
    assert place[43.0] == "Đảng bộ huyện Gio Linh"
