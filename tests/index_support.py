"""Shared by the index, search, web and browser tests: hand-made records and the dev-set index.

The dev-set index is built once per test session (the pipeline over `../shared/eval/dev/docs`
with `vnpolicy.batch.run_batch`, then `vnpolicy index`); setting VNPOLICY_TEST_DEV_OUTPUT to
a folder of results made earlier skips the extraction. Tests using it skip when ../shared is
absent or the pipeline cannot run.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from tests.conftest import DEV_DOCS, DEV_GOLD

_DEV_INDEX: dict[str, Path | str] = {}


def make_record(
    source: str,
    text: str,
    references: list[tuple[str, dict]] = (),
    units: list[tuple[str, dict]] = (),
    statistics: list[tuple[str, dict]] = (),
    self_: dict | None = None,
    title: str | None = None,
) -> dict:
    """A result as the pipeline writes it, its spans found in `text` by their first occurrence
    (every occurrence becomes a mention): `("Nghị quyết số 21-NQ/TW", {"id": "21-NQ/TW"})`."""

    def spans(written: str) -> list[dict]:
        out, start = [], text.find(written)
        assert start >= 0, f"{written!r} not in text"
        while start >= 0:
            out.append({"start": start, "end": start + len(written), "text": written})
            start = text.find(written, start + 1)
        return out

    def item(written: str, fields: dict, with_mentions: bool = True) -> dict:
        found = spans(written)
        extra = {"mentions": found} if with_mentions else {}
        return {**found[0], **fields, **extra}

    return {
        "schema_version": "1.0",
        "source": source,
        "document": {
            "source": source,
            "format": "txt",
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "chars": len(text),
            "title": title,
            "self": self_,
        },
        "references": [item(w, {"doc_type": None, "date": None, **f}) for w, f in references],
        "relations": [],
        "units": [item(w, {"kind": "other", **f}) for w, f in units],
        "statistics": [item(w, f, with_mentions=False) for w, f in statistics],
        "warnings": [],
    }


#: The motto line under an official document's issuer.
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def extracted_record(source: str, text: str) -> dict:
    """A record of `text` with its own header, references and relations extracted (units
    and statistics left empty), for archives of relations between documents."""
    from vnpolicy.extractors.references import extract_references
    from vnpolicy.nlp import analyze

    found = extract_references(analyze(text))
    record = make_record(source, text)
    record["document"]["self"] = found["self"]
    record["references"] = found["references"]
    record["relations"] = found["relations"]
    return record


def dev_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Results of the pipeline on the dev documents (made once per session)."""
    if "output" in _DEV_INDEX:
        return Path(_DEV_INDEX["output"])
    if "skip" in _DEV_INDEX:
        pytest.skip(str(_DEV_INDEX["skip"]))
    if not DEV_DOCS.is_dir() or not DEV_GOLD.is_dir():
        _DEV_INDEX["skip"] = "../shared/eval/dev is not present"
        pytest.skip(str(_DEV_INDEX["skip"]))
    given = os.environ.get("VNPOLICY_TEST_DEV_OUTPUT")
    if given and any(Path(given).glob("*.json")):
        _DEV_INDEX["output"] = Path(given)
        return Path(given)
    out = tmp_path_factory.mktemp("dev-output")
    try:
        from vnpolicy.batch import run_batch

        summary = run_batch([DEV_DOCS], out, workers=min(4, os.cpu_count() or 1), progress=False)
    except Exception as err:  # noqa: BLE001 - the pipeline is others' code, still in progress
        _DEV_INDEX["skip"] = f"the extraction pipeline cannot run yet ({type(err).__name__}: {err})"
        pytest.skip(str(_DEV_INDEX["skip"]))
    if summary.written == 0:
        _DEV_INDEX["skip"] = f"the pipeline wrote nothing ({summary.line()})"
        pytest.skip(str(_DEV_INDEX["skip"]))
    _DEV_INDEX["output"] = out
    return out


def dev_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dev results indexed with `vnpolicy index` (once per session)."""
    if "db" in _DEV_INDEX:
        return Path(_DEV_INDEX["db"])
    output = dev_output(tmp_path_factory)
    from vnpolicy.cli import main

    db = tmp_path_factory.mktemp("dev-index") / "dev.sqlite"
    assert main(["index", str(output), "--db", str(db)]) == 0
    _DEV_INDEX["db"] = db
    return db


def dev_records(output: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(output.glob("*.json"))]


def gold_ids() -> dict[str, list[str]]:
    """Document stem -> the numbered reference ids of its gold file."""
    out = {}
    for path in sorted(DEV_GOLD.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out[path.name.removesuffix(".gold.json")] = [
            r["id"] for r in gold.get("references", []) if r.get("id")
        ]
    return out
