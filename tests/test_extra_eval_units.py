"""Units on an evaluation set written apart from the dev set: `benchmarks/extra_eval_units/`.

Fifty-three documents (Party, Youth Union and State news from many provinces, official papers
with "Nơi nhận" lists, court and police news, post-2025 communes), their gold written before
the extractor was run on them. Scored with the shared scorer, the way the held-out set is;
the floors sit a little below what the extractor reaches, so a rule fitted to one document
that breaks the others shows here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import load_scorer
from vnpolicy import corpus
from vnpolicy.extractors.units import extract_units
from vnpolicy.nlp import analyze

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "benchmarks" / "extra_eval_units"

STRICT_FLOOR = 0.98
LENIENT_FLOOR = 0.98
DOCUMENT_FLOOR = 0.85  # strict F1 of every single document


@pytest.fixture(scope="module")
def scored():
    score = load_scorer()
    gold = score.load_gold(SET / "gold")
    pred = {}
    for stem in gold:
        document = corpus.read_document(SET / "docs" / f"{stem}.txt")
        pred[stem] = {"source": f"{stem}.txt", "units": extract_units(analyze(document.text))}
    return score, gold, pred


def test_the_set_is_complete() -> None:
    docs = sorted(p.stem for p in (SET / "docs").glob("*.txt"))
    golds = sorted(p.name[: -len(".gold.json")] for p in (SET / "gold").glob("*.gold.json"))
    assert docs == golds and len(docs) >= 15
    for path in (SET / "gold").glob("*.gold.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert gold["annotated"] == ["units"]
        assert all({"text", "name", "kind"} <= set(u) for u in gold["units"]), path.name


def test_units_reach_the_floor(scored) -> None:
    score, gold, pred = scored
    result, errors = score.score(gold, pred, show_errors=50)
    strict, lenient = result["units.strict"], result["units.lenient"]
    assert strict["f1"] >= STRICT_FLOOR, errors
    assert lenient["f1"] >= LENIENT_FLOOR, errors


def test_no_document_falls_apart(scored) -> None:
    score, gold, pred = scored
    weak = {}
    for stem in gold:
        result, _ = score.score({stem: gold[stem]}, {stem: pred[stem]})
        if result["units.strict"]["f1"] < DOCUMENT_FLOOR:
            weak[stem] = result["units.strict"]
    assert not weak, weak
