"""Same output whatever the number of workers and the order of the documents: nothing a
worker learns from one document (caches of words, tags, names) may change another's JSON."""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

from tests.conftest import REPO, SAMPLES
from vnpolicy.batch import run_batch

sys.path.insert(0, str(REPO / "benchmarks"))
from corpus_templates import directive, news_article  # noqa: E402

# One post in two spellings, in two documents: whichever comes first must not decide the other.
POSTS = (
    "Theo quyết định của UBND tỉnh, số lượng Phó Giám đốc sở được tăng thêm 01 người; "
    "Sở Nội vụ có 03 Phó Giám đốc.",
    "Hiện nay Sở Y tế có 02 Phó giám đốc; số lượng Phó giám đốc sở được tăng thêm 01 người.",
)


def _inputs(folder: Path) -> list[Path]:
    """The text samples, two generated articles and two with one post spelt two ways."""
    folder.mkdir()
    paths = []
    for name in ("seed-quangtri.txt", "quyet-dinh-1234-qd-ubnd.txt", "chi-thi-05-ct-tu.txt"):
        paths.append(Path(shutil.copy(SAMPLES / name, folder / name)))
    rng = random.Random(15)
    for n, text in enumerate((news_article(rng), directive(rng), *POSTS)):
        path = folder / f"van-ban-{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _jsons(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.json"))}


def test_every_json_is_the_same_in_two_orders_with_one_and_two_workers(tmp_path: Path) -> None:
    paths = _inputs(tmp_path / "in")
    runs = {
        "forward, 1 worker": (paths, 1),
        "backward, 1 worker": (paths[::-1], 1),
        "shuffled, 2 workers": (random.Random(2).sample(paths, len(paths)), 2),
        "backward, 2 workers": (paths[::-1], 2),
    }
    outputs = {}
    for name, (order, workers) in runs.items():
        out = tmp_path / name.replace(", ", "-").replace(" ", "-")
        summary = run_batch(order, out, workers=workers, progress=False)
        assert (summary.written, summary.failed, summary.duplicates) == (len(paths), 0, 0), name
        outputs[name] = _jsons(out)
    first = outputs["forward, 1 worker"]
    assert len(first) == len(paths)
    for name, found in outputs.items():
        assert found.keys() == first.keys(), name
        for key in first:
            assert found[key] == first[key], (name, key)
