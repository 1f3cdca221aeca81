"""Shared fixtures: where the repo, its samples and the shared evaluation data are."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "corpus" / "samples"
SHARED = REPO.parent / "shared"
DEV_DOCS = SHARED / "eval" / "dev" / "docs"
DEV_GOLD = SHARED / "eval" / "dev" / "gold"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SAMPLES / "seed-quangtri.txt").read_text(encoding="utf-8")


@pytest.fixture
def dev_docs() -> Path:
    if not DEV_DOCS.is_dir():
        pytest.skip("../shared/eval/dev is not present")
    return DEV_DOCS
