"""Units on the dev set and on this set, scored with the shared scorer; prints one table.

    .venv/bin/python benchmarks/extra_eval_units/score_units.py [--errors N]

Runs `extract_units(analyze(text))` on every document (text, PDF, HTML through
`corpus.read_document`), scores the units the way the held-out set is scored, and reports the
extractor's own time per 100 KB (analysis excluded).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from vnpolicy import corpus  # noqa: E402
from vnpolicy.extractors.units import find_unit_mentions, resolve_units  # noqa: E402
from vnpolicy.nlp import analyze  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"
SETS = {"dev": SHARED / "dev", "extra_eval_units": Path(__file__).resolve().parent}


def _scorer():
    spec = importlib.util.spec_from_file_location("shared_eval_score", SHARED / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(name: str, folder: Path, score, errors: int) -> None:
    gold = score.load_gold(folder / "gold")
    pred, seconds, size = {}, 0.0, 0
    for stem in gold:
        path = next((folder / "docs").glob(f"{stem}.*"))
        at = analyze(corpus.read_document(path).text)
        word_ends = {s: e for sentence in at.sentences for s, e in sentence.words}
        started = time.perf_counter()
        units = resolve_units(at.text, find_unit_mentions(at.text, word_ends))
        seconds += time.perf_counter() - started
        size += len(at.text.encode("utf-8"))
        pred[stem] = {"source": path.name, "units": units}
    result, found = score.score(gold, pred, show_errors=10**6)
    for key in ("units.strict", "units.lenient"):
        r = result[key]
        print(
            f"{name:18s} {key:14s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}"
            f"  (tp={r['tp']} fp={r['fp']} fn={r['fn']})"
        )
    print(f"{name:18s} {'time':14s} {seconds / size * 102400:.3f} s per 100 KB ({len(gold)} docs)")
    for error in [e for e in found if e[1].startswith("unit")][:errors]:
        print("    ", *error, sep="\t")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", type=int, default=0, help="list up to N unit errors per set")
    args = parser.parse_args()
    if not (SHARED / "score.py").exists():
        sys.exit(f"no scorer at {SHARED / 'score.py'}")
    score = _scorer()
    analyze("Tỉnh ủy Quảng Trị.")  # load the models before timing
    for name, folder in SETS.items():
        if (folder / "gold").exists():
            run(name, folder, score, args.errors)


if __name__ == "__main__":
    main()
