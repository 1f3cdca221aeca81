"""A quick stand-in analyzer for fault tests (`analyzer="tests.fault_support:analyze_briefly"`).

Faults (a full disk, SIGTERM, a lost scheduler) concern the batch runner, not extraction, so
these tests need no models: each worker imports this module by name, as it would the
pipeline. `VNPOLICY_TEST_DOC_SECONDS` makes each document take that long, so that a signal
or a kill lands in the middle of a batch.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from vnpolicy.corpus import Document

PIPELINE_VERSION = "fault-test-1"
ANALYZER = "tests.fault_support:analyze_briefly"
REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "corpus" / "samples"


def analyze_briefly(document: Document) -> dict:
    """A small, deterministic record of `document` (its first words and its length)."""
    time.sleep(float(os.environ.get("VNPOLICY_TEST_DOC_SECONDS", "0")))
    words = document.text.split()
    return {
        "source": document.source,
        "format": document.format,
        "document": {"chars": len(document.text), "words": len(words)},
        "first_words": words[:12],
    }


def make_docs(folder: Path, count: int) -> Path:
    """`count` distinct articles built from the bundled samples, plus one republished copy
    (`bai-00-copy.txt`) for the duplicate pass."""
    folder.mkdir(parents=True)
    texts = [
        (SAMPLES / name).read_text(encoding="utf-8")
        for name in ("seed-quangtri.txt", "quyet-dinh-1234-qd-ubnd.txt", "chi-thi-05-ct-tu.txt")
    ]
    for i in range(count):
        text = texts[i % len(texts)]
        (folder / f"bai-{i:02d}.txt").write_text(f"Bài số {i}.\n{text}", encoding="utf-8")
    shutil.copy(folder / "bai-00.txt", folder / "bai-00-copy.txt")
    return folder


def tree(out: Path) -> dict[str, bytes]:
    """Every output file's bytes, minus the logs whose lines carry times."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name not in ("run-manifest.ndjson", "errors.jsonl")
    }
