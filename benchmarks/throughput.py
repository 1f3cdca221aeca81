"""Throughput of the full pipeline against underthesea alone, and 1 against 2 workers.

    .venv/bin/python benchmarks/throughput.py                  # 1,000 generated documents
    .venv/bin/python benchmarks/throughput.py --all --docs 800 # + start-up and a 20 MB document
    .venv/bin/python benchmarks/throughput.py --repeat 3       # best of 3 (a busy machine)
    .venv/bin/python benchmarks/throughput.py --docs 200 --ner-sample 50
    .venv/bin/python benchmarks/throughput.py --profile 300    # where the pipeline's time goes
    .venv/bin/python benchmarks/throughput.py --long-mb 20     # one 20 MB document
    .venv/bin/python benchmarks/throughput.py --archive 35000  # main and worker peak RSS (long)
    .venv/bin/python benchmarks/throughput.py --startup 3      # start-up, cold and warm cache
    .venv/bin/python benchmarks/throughput.py --docs 780 --workers-only --repeat 2  # 1 vs 2

A deterministic corpus (`corpus_templates.py`: news and directives with references, units and
statistics) is written to a temporary folder; each measurement runs in its own process from a
cold start (imports and model loading on the clock, as for a user running the command), while
this process samples the memory of that process and its children:
- `vnpolicy extract, N workers`: `vnpolicy.batch.run_batch` (read, analyze, write JSON,
  manifest, duplicate pass) exactly as `vnpolicy extract --workers N` runs it;
- `word_tokenize`: underthesea `sent_tokenize`, then `word_tokenize` on each sentence (the
  pipeline gets the same words from `vnpolicy.nlp.crf`, which scores underthesea's model directly);
- `ner`: underthesea `ner` on each sentence, on the first `--ner-sample` documents only (model
  loaded first), extrapolated to the whole corpus by bytes (marked `*`).
CPU s is user + system time of the measured process and its pool workers: unlike the wall
time it does not grow when other programs share the cores. Peak memory is the largest sum
over the process tree (pool workers included) of RSS, which counts the model pages that
forked workers share with their parent once per process, and of PSS, which splits shared
pages among the processes sharing them (the memory really used; what a cgroup limit counts).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]


# -- measurements (each in a child process) ----------------------------------------------------


def _cpu_seconds() -> float:
    """User + system CPU of this process and of its children that have ended (pool workers)."""
    import resource

    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(kind: str, corpus: Path, limit: int | None, out: Path | None = None) -> dict:
    """Run one measurement from a cold start: imports and model loading are on the clock,
    as for a user running the command (except `ner`, extrapolated from a sample)."""
    paths = sorted(corpus.glob("*.txt"))[:limit]
    nbytes = sum(p.stat().st_size for p in paths)
    if kind == "ner":
        from underthesea import ner

        ner("Ban Thường vụ Tỉnh ủy Quảng Trị.")  # loaded first: the sample is scaled up
    started, cpu = time.perf_counter(), _cpu_seconds()
    result: dict = {"docs": len(paths), "bytes": nbytes}
    if kind.startswith("pipeline"):
        from vnpolicy.batch import run_batch

        workers = int(kind.split("-")[1])
        summary = run_batch([corpus], out, workers=workers, progress=False)
        result.update(docs=summary.written, duplicates=summary.duplicates)
    else:
        from underthesea import ner, sent_tokenize, word_tokenize

        analyze = word_tokenize if kind == "word_tokenize" else ner
        for path in paths:
            for sentence in sent_tokenize(path.read_text(encoding="utf-8")):
                analyze(sentence)
    result.update(seconds=time.perf_counter() - started, cpu=_cpu_seconds() - cpu)
    return result


# -- the driver --------------------------------------------------------------------------------


def _tree_memory(pid: int, with_pss: bool) -> tuple[int, int]:
    """(sum of RSS, sum of PSS) over a process and its children: PSS splits shared pages.

    RSS is cheap (`/proc/PID/statm`); PSS walks the page tables (`smaps_rollup`) and slows
    the process measured, so it is read only when `with_pss`.
    """
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0, 0
    rss = pss = 0
    now = {True: 0, False: 0}
    for proc in procs:
        try:
            one = proc.memory_info().rss
            rss += one
            _PEAKS[proc.pid == pid] = max(_PEAKS.get(proc.pid == pid, 0), one)
            now[proc.pid == pid] = max(now[proc.pid == pid], one)
            if with_pss:
                pss += getattr(proc.memory_full_info(), "pss", 0)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    _TIMELINE.append((now[True], now[False]))
    return rss, pss


#: Largest RSS of one process seen while sampling: {True: the measured process, False: any
#: one of its children (a pool worker)}; reset by `run_child`.
_PEAKS: dict[bool, int] = {}
#: (RSS of the measured process, largest RSS of a child) at each sample; reset by `run_child`.
_TIMELINE: list[tuple[int, int]] = []


def run_child(kind: str, corpus: Path, limit: int | None, env: dict | None = None) -> dict:
    """Run `measure(kind)` in a fresh interpreter, sampling its tree's memory (RSS every
    50 ms, PSS every 2 s); `env`: variables set for it (a cache folder)."""
    cmd = [sys.executable, __file__, "--measure", kind, "--corpus", str(corpus)]
    if limit:
        cmd += ["--limit", str(limit)]
    _PEAKS.clear()
    _TIMELINE.clear()
    out = Path(tempfile.mkdtemp(prefix="vnpolicy-bench-"))
    cmd += ["--out", str(out)]
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, text=True, cwd=REPO, env={**os.environ, **(env or {})}
    )
    peak = [0, 0]
    first_output = [None]  # seconds from the command's start to its first JSON (start-up)
    done = threading.Event()

    def sample() -> None:
        tick = 0
        while not done.is_set():
            if first_output[0] is None and next(out.glob("*.json"), None) is not None:
                first_output[0] = time.perf_counter() - started
            rss, pss = _tree_memory(proc.pid, with_pss=tick % 40 == 20)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            tick += 1
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"{kind} failed ({proc.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    shutil.rmtree(out, ignore_errors=True)
    result["peak_mb"], result["peak_pss_mb"] = peak[0] / 1e6, peak[1] / 1e6
    if kind.startswith("pipeline"):
        result["startup"] = first_output[0]
    result["main_mb"], result["worker_mb"] = _PEAKS.get(True, 0) / 1e6, _PEAKS.get(False, 0) / 1e6
    result["load"] = os.getloadavg()[0]
    return result


def _row(name: str, r: dict, total_docs: int, total_bytes: int, extrapolated: bool) -> list[str]:
    scale = total_bytes / r["bytes"] if extrapolated else 1.0
    seconds = r["seconds"] * scale
    mark = "*" if extrapolated else ""
    return [
        name,
        f"{total_docs if extrapolated else r['docs']}{mark}",
        f"{seconds:.1f}{mark}",
        f"{(total_docs if extrapolated else r['docs']) / seconds:.1f}",
        f"{total_bytes / 1000 / seconds:.0f}",
        f"{r['cpu'] * scale:.1f}{mark}",
        f"{r['peak_mb']:.0f}",
        f"{r['peak_pss_mb']:.0f}",
        f"{r['startup']:.1f}" if r.get("startup") is not None else "",
        f"{r.get('main_mb', 0):.0f}",
        f"{r['worker_mb']:.0f}" if r.get("worker_mb") else "",
    ]


HEADER = [
    "run",
    "docs",
    "seconds",
    "docs/s",
    "KB/s",
    "CPU s",
    "peak RSS MB",
    "peak PSS MB",
    "start-up s",
    "main RSS MB",
    "RSS/worker MB",
]


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = [
        "| "
        + " | ".join(
            c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        + " |"
        for r in rows
    ]
    return "\n".join([line, rule, *body])


def benchmark(
    docs: int, ner_sample: int, corpus: Path | None, repeat: int = 1, workers_only: bool = False
) -> None:
    from corpus_templates import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = corpus or Path(tmp) / "corpus"
        if not folder.exists() or not any(folder.glob("*.txt")):
            write_corpus(folder, docs)
        paths = sorted(folder.glob("*.txt"))
        total_bytes = sum(p.stat().st_size for p in paths)
        print(
            f"corpus: {len(paths)} documents, {total_bytes / 1e6:.2f} MB "
            f"(mean {total_bytes / len(paths) / 1000:.1f} KB), cores: {os.cpu_count()}",
            file=sys.stderr,
        )
        results: dict[str, dict] = {}
        kinds = [
            ("word_tokenize", None),
            ("ner", ner_sample),
            ("pipeline-1", None),
            ("pipeline-2", None),
        ]
        if workers_only:
            kinds = kinds[2:]
        for round_ in range(repeat):  # rounds interleave, so a busy spell hits every kind
            for kind, limit in kinds:
                if kind == "ner" and round_:
                    continue  # slow, and only a sample
                print(f"round {round_ + 1}/{repeat}: {kind} ...", file=sys.stderr, flush=True)
                result = run_child(kind, folder, limit)
                best = results.get(kind)
                if best is None or result["seconds"] < best["seconds"]:
                    if best is not None:
                        result["peak_mb"] = max(result["peak_mb"], best["peak_mb"])
                        result["peak_pss_mb"] = max(result["peak_pss_mb"], best["peak_pss_mb"])
                    results[kind] = result
    n = len(paths)
    if workers_only:
        _workers_report(results, n, total_bytes, repeat)
        return
    rows = [
        _row("vnpolicy extract, 1 worker", results["pipeline-1"], n, total_bytes, False),
        _row("vnpolicy extract, 2 workers", results["pipeline-2"], n, total_bytes, False),
        _row(
            "underthesea word_tokenize per sentence",
            results["word_tokenize"],
            n,
            total_bytes,
            False,
        ),
        _row(
            f"underthesea ner per sentence ({ner_sample} docs)",
            results["ner"],
            n,
            total_bytes,
            True,
        ),
    ]
    print(_table(rows, HEADER))
    one, two = results["pipeline-1"]["seconds"], results["pipeline-2"]["seconds"]
    wt = results["word_tokenize"]["seconds"]
    ner_full = results["ner"]["seconds"] * total_bytes / results["ner"]["bytes"]
    print()
    two_mem_main = results["pipeline-2"]["main_mb"]
    one_cpu, wt_cpu = results["pipeline-1"]["cpu"], results["word_tokenize"]["cpu"]
    ratio = f"{one / wt:.2f}x, CPU {one_cpu / wt_cpu:.2f}x"
    print(f"pipeline / word_tokenize time: {ratio} (goal <= 0.5x)")
    print(f"ner / pipeline time:           {ner_full / one:.1f}x (goal >= 8x)")
    print(f"2 workers speed-up:            {one / two:.2f}x (goal >= 1.8x)")
    print(
        f"start-up to the first document: {results['pipeline-1']['startup']:.1f} s (1 worker), "
        f"{results['pipeline-2']['startup']:.1f} s (2 workers) (goal < 2 s)"
    )
    print(
        f"peak RSS with 2 workers:       main {two_mem_main:.0f} MB, per worker "
        f"{results['pipeline-2']['worker_mb']:.0f} MB"
    )
    two_mem = results["pipeline-2"]
    print(
        f"peak memory with 2 workers:    {two_mem['peak_mb']:.0f} MB RSS summed over processes, "
        f"{two_mem['peak_pss_mb']:.0f} MB PSS (shared pages counted once; goal < 700)"
    )
    print(f"duplicates marked:             {results['pipeline-1'].get('duplicates', 0)}")
    print("* ner ran on a sample and is extrapolated to the corpus by bytes")
    loads = ", ".join(f"{k} {r['load']:.1f}" for k, r in results.items())
    print(f"1-minute load average after each best run ({os.cpu_count()} cores): {loads}")
    if repeat > 1:
        print(f"best wall time of {repeat} interleaved rounds (ner: one round)")


def _workers_report(results: dict, n: int, total_bytes: int, repeat: int) -> None:
    """The two pipeline rows and the speed-up, start-up and memory lines."""
    one, two = results["pipeline-1"], results["pipeline-2"]
    rows = [
        _row("vnpolicy extract, 1 worker", one, n, total_bytes, False),
        _row("vnpolicy extract, 2 workers", two, n, total_bytes, False),
    ]
    print(_table(rows, HEADER))
    print()
    print(f"2 workers speed-up:            {one['seconds'] / two['seconds']:.2f}x (goal >= 1.8x)")
    print(
        f"start-up to the first document: {one['startup']:.1f} s (1 worker), "
        f"{two['startup']:.1f} s (2 workers) (goal < 2 s)"
    )
    print(
        f"peak RSS with 2 workers:       main {two['main_mb']:.0f} MB, per worker "
        f"{two['worker_mb']:.0f} MB"
    )
    loads = ", ".join(f"{k} {r['load']:.1f}" for k, r in results.items())
    print(f"1-minute load average after each best run ({os.cpu_count()} cores): {loads}")
    if repeat > 1:
        print(f"best wall time of {repeat} interleaved rounds")


def profile(docs: int) -> None:
    """Time each step of the pipeline (wall clock, no profiler overhead) on `docs` documents.

    The steps are timed by wrapping the functions `vnpolicy.pipeline` and `vnpolicy.nlp.analysis`
    call, so the table says where a document's time goes without editing any of them.
    """
    import importlib

    from corpus_templates import write_corpus

    from vnpolicy.batch import warm_up
    from vnpolicy.corpus import read_document
    from vnpolicy.corpus.duplicates import fingerprint
    from vnpolicy.outputs.writers import write_json_atomic
    from vnpolicy.pipeline import analyze_document

    spent: dict[str, float] = {}

    def timed(name: str, fn):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - started

        return wrapper

    # step -> the (module, function) the pipeline calls it through, first one found wins
    steps = {
        "nlp: analyze (normalize, sentences, words)": [
            ("vnpolicy.nlp.spacy_tokenizer", "analyze"),
            ("vnpolicy.pipeline", "analyze"),
        ],
        "  of which word segmentation (vnpolicy.nlp.crf) + alignment": [
            ("vnpolicy.nlp.analysis", "segment_words")
        ],
        "extractors: references": [
            ("vnpolicy.extractors.components", "extract_references"),
            ("vnpolicy.pipeline", "extract_references"),
        ],
        "extractors: units": [
            ("vnpolicy.extractors.components", "extract_units"),
            ("vnpolicy.pipeline", "extract_units"),
        ],
        "extractors: statistics": [
            ("vnpolicy.extractors.components", "extract_statistics"),
            ("vnpolicy.pipeline", "extract_statistics"),
        ],
        "extractors: dates": [
            ("vnpolicy.extractors.components", "find_dates"),
            ("vnpolicy.pipeline", "find_dates"),
        ],
        "annotate offsets": [("vnpolicy.pipeline", "annotate_offsets")],
    }
    for name, places in steps.items():
        for module_name, attr in places:
            try:
                module = importlib.import_module(module_name)
            except ImportError:
                continue
            if hasattr(module, attr):
                setattr(module, attr, timed(name, getattr(module, attr)))
                break
    warm_up()
    spent.clear()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp) / "in", docs)
        total = time.perf_counter()
        for path in paths:
            document = timed("batch: read file", read_document)(path)
            record = timed("pipeline total", analyze_document)(document)
            timed("batch: fingerprint", fingerprint)(document.text)
            timed("batch: write JSON (atomic)", write_json_atomic)(
                record, Path(tmp) / "out" / (path.name + ".json")
            )
        total = time.perf_counter() - total
    print(f"time per step over {docs} documents ({total:.1f} s, {1000 * total / docs:.1f} ms/doc):")
    rest = "rest of the pipeline (spaCy Doc, spans, record)"
    spent[rest] = spent.get("pipeline total", 0.0) - sum(
        v for k, v in spent.items() if k in steps and not k.startswith(" ")
    )
    for name in [
        "batch: read file",
        "pipeline total",
        *steps,
        rest,
        "batch: fingerprint",
        "batch: write JSON (atomic)",
    ]:
        seconds = spent.get(name, 0.0)
        print(f"  {seconds:7.2f} s  {100 * seconds / total:5.1f}%  {name}")


# -- one long document (issue 11: documents of any size) -------------------------------------


def write_long_document(path: Path, megabytes: float, seed: int = 20240521) -> Path:
    """One UTF-8 text of about `megabytes` MB: generated news and directives end to end
    (`corpus_templates`), like a year of a provincial bulletin saved as one file."""
    import random

    from corpus_templates import directive, news_article

    rng = random.Random(seed)
    target, size = int(megabytes * 1e6), 0
    with path.open("w", encoding="utf-8") as out:
        while size < target:
            text = (news_article(rng) if rng.random() < 0.6 else directive(rng)) + "\n"
            out.write(text)
            size += len(text.encode("utf-8"))
    return path


def long_document(megabytes: float = 20.0) -> None:
    """Time and peak memory of `vnpolicy extract` (1 worker, cold start, in a child process
    like the other rows) on one generated document of `megabytes` MB; the goal for 20 MB is a
    peak under 1 GB: the text is analysed in sections, so memory holds the text, one section's
    analysis and the result."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "long"
        folder.mkdir()
        path = write_long_document(folder / f"van-ban-{megabytes:g}mb.txt", megabytes)
        nbytes = path.stat().st_size
        print(f"long document: {nbytes / 1e6:.1f} MB ...", file=sys.stderr, flush=True)
        result = run_child("pipeline-1", folder, None)
    name = f"vnpolicy extract, one {nbytes / 1e6:.1f} MB document"
    print(_table([_row(name, result, 1, nbytes, False)], HEADER))
    print(f"peak RSS goal for 20 MB: < 1000 MB ({result['peak_mb']:.0f} MB)")


def archive(docs: int, workers: int = 2) -> None:
    """Peak RSS of the main process and of each worker over `docs` generated documents (the
    issue's 35,000-article archive: goal < 600 MB main, < 500 MB per worker). Long: optional."""
    from corpus_templates import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        print(f"writing {docs} documents ...", file=sys.stderr, flush=True)
        write_corpus(folder, docs)
        nbytes = sum(p.stat().st_size for p in folder.glob("*.txt"))
        print(f"archive: {nbytes / 1e6:.1f} MB, {workers} workers ...", file=sys.stderr)
        result = run_child(f"pipeline-{workers}", folder, None)
    name = f"vnpolicy extract, {docs} documents, {workers} workers"
    print(_table([_row(name, result, docs, nbytes, False)], HEADER))
    print(
        f"peak RSS: main process {result['main_mb']:.0f} MB (goal < 600), "
        f"largest worker {result['worker_mb']:.0f} MB (goal < 500)"
    )
    # Flat or growing: the peaks of each fifth of the run (the last one holds the duplicate
    # pass, in the main process).
    n = len(_TIMELINE)
    parts = [_TIMELINE[n * i // 5 : n * (i + 1) // 5] or [(0, 0)] for i in range(5)]
    main_mb = " ".join(f"{max(m for m, _ in p) / 1e6:.0f}" for p in parts)
    worker_mb = " ".join(f"{max(w for _, w in p) / 1e6:.0f}" for p in parts)
    print(f"peak RSS by fifth of the run: main {main_mb} MB; largest worker {worker_mb} MB")


def startup(docs: int = 20, repeat: int = 3) -> None:
    """Seconds from the command's start to its first JSON on `docs` generated documents: cold
    (an empty cache folder: `XDG_CACHE_HOME` new) and warm (the same folder again, as after
    a first run), with 1 and 2 workers; the median of `repeat` rounds."""
    import statistics

    from corpus_templates import write_corpus

    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(folder, docs)
        for round_ in range(repeat):
            env = {"XDG_CACHE_HOME": str(Path(tmp) / f"cache-{round_}")}
            env["VNPOLICY_CACHE_DIR"] = str(Path(env["XDG_CACHE_HOME"]) / "vnpolicy")
            for name, kind in [
                ("cold, 1 worker", "pipeline-1"),
                ("warm, 1 worker", "pipeline-1"),
                ("warm, 2 workers", "pipeline-2"),
            ]:
                print(f"round {round_ + 1}/{repeat}: {name} ...", file=sys.stderr, flush=True)
                result = run_child(kind, folder, None, env=env)
                times.setdefault(name, []).append(result["startup"])
    rows = [
        [name, f"{statistics.median(v):.2f}", f"{min(v):.2f}", f"{max(v):.2f}"]
        for name, v in times.items()
    ]
    print(_table(rows, ["start-up to the first document", "median s", "min s", "max s"]))
    print(f"{docs} documents, {repeat} rounds; load average now {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents to generate (1000)")
    parser.add_argument("--ner-sample", type=int, default=100, help="documents ner runs on")
    parser.add_argument("--corpus", type=Path, help="use (or fill) this folder of .txt files")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; the best time counts")
    parser.add_argument(
        "--workers-only", action="store_true", help="only the 1 and 2 worker rows (no underthesea)"
    )
    parser.add_argument(
        "--profile", type=int, metavar="N", help="time each pipeline step on N docs"
    )
    parser.add_argument(
        "--long-mb", type=float, metavar="MB", help="one generated document of MB megabytes"
    )
    parser.add_argument(
        "--archive",
        type=int,
        metavar="N",
        help="generate N documents (35000 for the issue's archive) and report the peak RSS "
        "of the main process and of each worker (long)",
    )
    parser.add_argument(
        "--startup",
        type=int,
        metavar="ROUNDS",
        help="start-up to the first document, cold and warm cache, 1 and 2 workers",
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help="in one run: the table (word_tokenize, ner, 1 and 2 workers, peak RSS), start-up "
        "(one round) and one long document (--long-mb, default 20)",
    )
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.corpus, args.limit, args.out)))
    elif args.all:
        benchmark(args.docs, args.ner_sample, args.corpus, args.repeat, args.workers_only)
        startup(repeat=args.startup or 1)
        long_document(args.long_mb or 20.0)
    elif args.startup:
        startup(repeat=args.startup)
    elif args.archive:
        archive(args.archive)
    elif args.long_mb:
        long_document(args.long_mb)
    elif args.profile:
        profile(args.profile)
    else:
        benchmark(args.docs, args.ner_sample, args.corpus, args.repeat, args.workers_only)


if __name__ == "__main__":
    main()
