"""Start-up: a rerun with nothing to do reads the manifest and stops, loading no model, and
the duplicate pass runs again only when the run's inputs changed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, SAMPLES
from tests.fault_support import ANALYZER, make_docs
from vnpolicy.batch import run_batch
from vnpolicy.duplicate_pass import DUPLICATES_NAME

HEAVY = ("spacy", "underthesea", "sklearn", "scipy", "vnpolicy.pipeline", "vnpolicy.extractors")

RERUN = """
import json, sys
from vnpolicy.cli import main
status = main(["extract", sys.argv[1], "-o", sys.argv[2], "-q"])
heavy = sorted(m for m in sys.argv[3:] if m in sys.modules)
print(json.dumps({"status": status, "loaded": heavy}))
"""


def test_a_rerun_with_nothing_to_do_loads_no_model(tmp_path: Path) -> None:
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    for name in ("seed-quangtri.txt", "quyet-dinh-1234-qd-ubnd.txt"):
        shutil.copy(SAMPLES / name, docs / name)
    shutil.copy(SAMPLES / "seed-quangtri.txt", docs / "seed-copy.txt")
    run = [sys.executable, "-c", RERUN, str(docs), str(out), *HEAVY]
    first = subprocess.run(run, capture_output=True, text=True, cwd=REPO, timeout=600)
    loaded = set(json.loads(first.stdout)["loaded"])
    assert {"spacy", "underthesea", "vnpolicy.pipeline"} <= loaded  # the check sees loads
    assert "3 written" in first.stderr and "1 duplicates" in first.stderr
    rerun = subprocess.run(run, capture_output=True, text=True, cwd=REPO, timeout=600)
    assert json.loads(rerun.stdout) == {"status": 0, "loaded": []}
    assert "0 written" in rerun.stderr and "3 unchanged, 1 duplicates" in rerun.stderr
    later = json.loads((out / "seed-quangtri.txt.json").read_text(encoding="utf-8"))
    assert later["document"]["duplicate_of"].endswith("seed-copy.txt")  # first in order


def test_the_duplicate_pass_is_skipped_only_when_nothing_changed(tmp_path: Path) -> None:
    docs, out = make_docs(tmp_path / "docs", 3), tmp_path / "out"
    first = run_batch([docs], out, analyzer=ANALYZER, progress=False)
    assert (first.written, first.duplicates) == (4, 1)
    csv_path = out / DUPLICATES_NAME
    stamp = csv_path.stat().st_mtime_ns
    again = run_batch([docs], out, analyzer=ANALYZER, progress=False)
    assert (again.written, again.unchanged, again.duplicates) == (0, 4, 1)
    assert csv_path.stat().st_mtime_ns == stamp  # not rewritten: the pass was skipped
    # a removed input changes the run's inputs: the pass runs, and the copy is unmarked
    (docs / "bai-00.txt").unlink()
    fewer = run_batch([docs], out, analyzer=ANALYZER, progress=False)
    assert (fewer.written, fewer.duplicates) == (0, 0)
    copy = json.loads((out / "bai-00-copy.txt.json").read_text(encoding="utf-8"))
    assert "duplicate_of" not in copy["document"]
    # a deleted duplicates.csv is written again, even with nothing else to do
    csv_path.unlink()
    run_batch([docs], out, analyzer=ANALYZER, progress=False)
    assert csv_path.read_text(encoding="utf-8").splitlines() == [
        "source,duplicate_of,similarity,output"
    ]


FORKED = """
import json
from vnpolicy import batch
from vnpolicy.engines.local import ProcessPoolEngine

ANALYZER = "tests.fault_support:analyze_briefly"
loads = []
real = batch.load_analyzer
batch.load_analyzer = lambda spec: loads.append(spec) or real(spec)


def warmed(spec):
    return spec in batch._warmed


with ProcessPoolEngine(2, initializer=batch._WarmUp(ANALYZER), preload=True) as pool:
    before = list(loads)
    answers = [pool.submit(warmed, ANALYZER).result() for _ in range(4)]
batch.warm_up(ANALYZER)
print(json.dumps({"before": before, "workers": answers, "after": loads}))
"""


def test_workers_forked_after_the_warm_up_have_nothing_to_load() -> None:
    """In a fresh process (forking needs one without threads): the analyzer is loaded once,
    before the workers are forked, and they start warmed up."""
    run = subprocess.run(
        [sys.executable, "-c", FORKED], capture_output=True, text=True, cwd=REPO, timeout=300
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {
        "before": [ANALYZER],
        "workers": [True] * 4,
        "after": [ANALYZER],
    }
