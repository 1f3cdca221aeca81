"""Shared fixtures: where the repo, its samples and the shared evaluation data are."""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import pytest

# Tests build every model afresh (some patch how it loads): the disk cache of built objects
# (`vnpolicy.nlp.model_cache`) is off unless a test turns it on, in a folder of its own.
# ("off", not "0": the gazetteer keeps its own cache, as before.)
os.environ["VNPOLICY_CACHE"] = "off"

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "corpus" / "samples"
SHARED = REPO.parent / "shared"
DEV_DOCS = SHARED / "eval" / "dev" / "docs"
DEV_GOLD = SHARED / "eval" / "dev" / "gold"
SCORER = SHARED / "eval" / "score.py"


def load_scorer() -> ModuleType:
    """The shared scorer (`../shared/eval/score.py`) as a module; skips the test without it."""
    if not SCORER.is_file():
        pytest.skip("../shared/eval/score.py is not present")
    return _scorer_module()


@lru_cache(maxsize=1)
def _scorer_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_eval_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SAMPLES / "seed-quangtri.txt").read_text(encoding="utf-8")


@pytest.fixture
def dev_docs() -> Path:
    if not DEV_DOCS.is_dir():
        pytest.skip("../shared/eval/dev is not present")
    return DEV_DOCS
