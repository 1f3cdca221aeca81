"""Searches through `vnpolicy serve` while `vnpolicy index` adds documents to the same index.

    .venv/bin/python benchmarks/index_while_serving.py                  # 4,000 + 4,000 docs
    .venv/bin/python benchmarks/index_while_serving.py --base 1000 --docs 2000 --clients 8

An index of `--base` generated documents (as `search_bench.py` makes them) is served by
`vnpolicy serve`; `--clients` threads then search it over HTTP (reference ids, words, filters)
while `vnpolicy index` adds `--docs` more, and on until it ends. Printed: the answers by
status, latency percentiles, and the server's resident memory before and at its peak. Target:
no answer other than 200, and memory that does not grow with the number of server threads.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]

import httpx  # noqa: E402
from search_bench import filtered_queries, id_queries, make_document, text_queries  # noqa: E402

VNPOLICY = [sys.executable, "-m", "vnpolicy"]


def write_results(folder: Path, first: int, count: int, seed: int) -> None:
    """`count` results as `vnpolicy extract` writes them, each with its text."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for number in range(first, first + count):
        record, text = make_document(rng, number)
        record["document"]["text"] = text
        (folder / f"doc-{number:06d}.json").write_text(
            json.dumps(record, ensure_ascii=False), encoding="utf-8"
        )


def search_urls(seed: int, count: int = 300) -> list[str]:
    """Search pages as a person asks for them: ids, words, filtered searches."""
    urls = []
    for make in (id_queries, text_queries, filtered_queries):
        for query, filters in make(random.Random(seed), count // 3):
            params = {"q": query}
            for field, name in (
                ("doc_type", "type"),
                ("unit", "unit"),
                ("date_from", "from"),
                ("date_to", "to"),
                ("cites", "cites"),
            ):
                if getattr(filters, field):
                    params[name] = getattr(filters, field)
            urls.append("/?" + str(httpx.QueryParams(params)))
    random.Random(seed).shuffle(urls)
    return urls


def rss_mb(pid: int) -> tuple[float, float]:
    """(resident now, peak resident) of a process, in MB."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(base: int, docs: int, clients: int, seed: int, workdir: Path) -> None:
    db = workdir / "archive.sqlite"
    write_results(workdir / "base", 0, base, seed)
    write_results(workdir / "more", base, docs, seed + 1)
    subprocess.run([*VNPOLICY, "index", str(workdir / "base"), "--db", str(db)], check=True)
    port = _free_port()
    server = subprocess.Popen([*VNPOLICY, "serve", "--db", str(db), "--port", str(port)])
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(url + "/", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        urls = search_urls(seed)
        for path in urls[:30]:  # warm the page cache as a running server has it
            httpx.get(url + path, timeout=30)
        before = rss_mb(server.pid)[0]
        statuses: Counter[str] = Counter()
        latencies: list[float] = []
        lock = threading.Lock()
        indexer = subprocess.Popen(
            [*VNPOLICY, "index", str(workdir / "more"), "--db", str(db)],
            stderr=subprocess.PIPE,
            text=True,
        )
        started = time.perf_counter()

        def client(number: int) -> None:
            with httpx.Client(base_url=url, timeout=60) as http:
                position = number
                while indexer.poll() is None:
                    t0 = time.perf_counter()
                    try:
                        response = http.get(urls[position % len(urls)])
                        status = str(response.status_code)
                        if response.status_code != 200:
                            status += " " + response.text.split('class="error">')[-1][:60]
                    except httpx.HTTPError as err:
                        status = type(err).__name__
                    with lock:
                        latencies.append((time.perf_counter() - t0) * 1000)
                        statuses[status] += 1
                    position += clients

        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        summary = indexer.communicate()[1].strip().splitlines()[-1]
        now, peak = rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies.sort()

    def pct(p: float) -> str:
        return f"{latencies[min(len(latencies) - 1, int(p * len(latencies)))]:.0f}"

    failed = sum(n for s, n in statuses.items() if s != "200")
    share = 100 * failed / max(1, len(latencies))
    print(f"{base:,} documents indexed, then {docs:,} more while {clients} clients search")
    print(f"indexer: {summary} ({elapsed:.1f} s)")
    print(f"DB {db.stat().st_size / 1e6:.0f} MB")
    print(
        f"searches {len(latencies):,}, failed {failed} ({share:.2f}%)"
        f"; latency ms p50 {pct(0.5)}, p95 {pct(0.95)}, p99 {pct(0.99)}, max {latencies[-1]:.0f}"
    )
    print(f"server RSS MB: {before:.0f} before, {now:.0f} after, peak {peak:.0f}")
    for status, count in statuses.most_common():
        print(f"  {count:6d}  {status}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=int, default=4000, help="documents indexed first")
    parser.add_argument("--docs", type=int, default=4000, help="documents added under load")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seed", type=int, default=20240521)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vnpolicy-serve-bench-") as tmp:
        run(args.base, args.docs, args.clients, args.seed, Path(tmp))


if __name__ == "__main__":
    main()
