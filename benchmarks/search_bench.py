"""Indexing time and query latency of the SQLite search index on generated documents.

    .venv/bin/python benchmarks/search_bench.py                 # 20,000 documents
    .venv/bin/python benchmarks/search_bench.py --docs 2000 --queries 100

Records are generated from templates as the pipeline would write them (news and directives
citing central and local documents, naming units, giving statistics, with offsets into the
text), without running the NLP pipeline. They are indexed in one transaction, then three
kinds of query are timed as `vnpolicy search` runs them (20 hits with snippets):
- `id`: a cited document's number in a random spelling ("21-NQ/TW", "21 NQ TW",
  "nq 21/tw", "nghi quyet 21");
- `text`: one to three words, with or without diacritics;
- `filtered`: words or an empty query with a type, a date range, a unit or `--cites`.
The same seed gives the same documents and queries. Target: p95 under 50 ms.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]

from corpus_templates import COUNTED, DISTRICTS, PROVINCES, TOPICS  # noqa: E402

from vnpolicy.outputs.index import SearchFilters, SqliteIndex, fold  # noqa: E402

# Central documents, the most cited first (weights fall off like a citation count does).
CENTRAL = [
    ("nghị quyết", "Nghị quyết", "21-NQ/TW", "2022-06-16", "Ban Chấp hành Trung ương"),
    ("chỉ thị", "Chỉ thị", "05-CT/TW", "2016-05-15", "Bộ Chính trị"),
    ("quy định", "Quy định", "08-QĐi/TW", "2018-10-25", "Ban Chấp hành Trung ương"),
    ("kết luận", "Kết luận", "21-KL/TW", "2021-10-25", "Ban Chấp hành Trung ương"),
    ("nghị quyết", "Nghị quyết", "39-NQ/TW", "2015-04-17", "Bộ Chính trị"),
    ("nghị định", "Nghị định", "30/2020/NĐ-CP", "2020-03-05", "Chính phủ"),
    ("quyết định", "Quyết định", "1600/QĐ-TTg", "2016-08-16", "Thủ tướng Chính phủ"),
    ("thông tư", "Thông tư", "01/2021/TT-BNV", "2021-01-11", "Bộ Nội vụ"),
    ("chỉ thị", "Chỉ thị", "10-CT/TW", "2022-12-05", "Ban Bí thư"),
    ("luật", "Luật", "80/2015/QH13", "2015-06-22", "Quốc hội"),
]
LOCAL = [
    ("chỉ thị", "Chỉ thị", "CT"),
    ("nghị quyết", "Nghị quyết", "NQ"),
    ("kế hoạch", "Kế hoạch", "KH"),
    ("hướng dẫn", "Hướng dẫn", "HD"),
    ("quyết định", "Quyết định", "QĐ"),
]
FILLER = [
    "Các cấp ủy, tổ chức đảng đã tập trung lãnh đạo, chỉ đạo triển khai đồng bộ các giải pháp.",
    "Công tác tuyên truyền, quán triệt được thực hiện nghiêm túc, đạt nhiều kết quả tích cực.",
    "Hội nghị đánh giá cao sự vào cuộc của cả hệ thống chính trị trong thời gian qua.",
    "Bên cạnh kết quả đạt được, vẫn còn một số hạn chế cần sớm khắc phục.",
    "Thời gian tới, cần tiếp tục đổi mới nội dung, phương thức hoạt động cho phù hợp.",
]


class RecordBuilder:
    """Text built piece by piece, each extracted span recorded at its offset."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.references: dict[str, dict] = {}
        self.units: dict[str, dict] = {}
        self.statistics: list[dict] = []

    def add(self, text: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    def reference(self, written: str, ref_id: str, doc_type: str, date: str | None) -> None:
        start, end = self.add(written)
        mention = {"start": start, "end": end, "text": written}
        ref = self.references.setdefault(
            ref_id, {**mention, "id": ref_id, "doc_type": doc_type, "date": date, "mentions": []}
        )
        ref["mentions"].append(mention)

    def unit(self, name: str, kind: str) -> None:
        start, end = self.add(name)
        mention = {"start": start, "end": end, "text": name}
        unit = self.units.setdefault(name, {**mention, "name": name, "kind": kind, "mentions": []})
        unit["mentions"].append(mention)

    def statistic(self, written: str, value: float, unit: str, kind: str) -> None:
        start, end = self.add(written)
        self.statistics.append(
            {
                "start": start,
                "end": end,
                "text": written,
                "value": value,
                "unit": unit,
                "kind": kind,
            }
        )


def _date(rng: random.Random, first: int = 2015, last: int = 2024) -> str:
    return f"{rng.randint(first, last)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _vn_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)}/{int(m)}/{y}"


def _local_id(rng: random.Random, code: str) -> str:
    return f"{rng.randint(1, 400):02d}-{code}/{rng.choice(['TU', 'HU', 'ĐU'])}"


def make_document(rng: random.Random, number: int) -> tuple[dict, str]:
    """One generated result and its text: a directive (own type, id, date) or a news item."""
    province, district = rng.choice(PROVINCES), rng.choice(DISTRICTS)
    b = RecordBuilder()
    is_directive = rng.random() < 0.4
    own_date = _date(rng)
    self_ = None
    if is_directive:
        doc_type, word, code = rng.choice(LOCAL)
        own_id = _local_id(rng, code)
        self_ = {
            "doc_type": doc_type,
            "id": own_id,
            "date": own_date,
            "issuer": f"Tỉnh ủy {province}",
        }
        b.add(
            f"TỈNH ỦY {province.upper()}\nSố {own_id}\n{word.upper()} về {rng.choice(TOPICS)}\n\n"
        )
    else:
        b.add(f"{rng.choice(TOPICS).capitalize()} ở {district}\n\n")
    for _ in range(rng.randint(8, 24)):
        shape = rng.random()
        if shape < 0.3:
            doc_type, word, ref_id, date, issuer = CENTRAL[
                min(int(rng.paretovariate(1.2)) - 1, len(CENTRAL) - 1)
            ]
            b.add("Thực hiện ")
            b.reference(f"{word} số {ref_id}", ref_id, doc_type, date)
            b.add(f" ngày {_vn_date(date)} của {issuer}, ")
            b.unit(f"Ban Thường vụ Huyện ủy {district}", "party")
            b.add(f" đã chỉ đạo triển khai {rng.choice(TOPICS)}. ")
        elif shape < 0.45:
            doc_type, word, code = rng.choice(LOCAL)
            ref_id = _local_id(rng, code)
            b.add("Theo ")
            b.reference(f"{word} số {ref_id}", ref_id, doc_type, None)
            b.add(" của ")
            b.unit(f"Tỉnh ủy {province}", "party")
            b.add(f", các địa phương tập trung {rng.choice(TOPICS)}. ")
        elif shape < 0.7:
            count, counted = rng.randint(12, 25_000), rng.choice(COUNTED)
            b.add(f"Năm {rng.randint(2015, 2024)}, ")
            b.unit(
                rng.choice(
                    [
                        f"Đảng bộ huyện {district}",
                        f"Tỉnh đoàn {province}",
                        f"Ủy ban nhân dân tỉnh {province}",
                    ]
                ),
                "party",
            )
            b.add(" đã kết nạp ")
            b.statistic(f"{count:,} {counted}".replace(",", "."), count, counted, "count")
            b.add(", đạt ")
            percent = rng.randint(50, 130)
            b.statistic(f"{percent}%", percent, "%", "percent")
            b.add(" kế hoạch. ")
        else:
            b.add(rng.choice(FILLER) + " ")
        if rng.random() < 0.2:
            b.add("\n")
    text = "".join(b.parts)
    source = f"archive/{number // 1000:02d}/{'ct' if is_directive else 'tin'}-{number:05d}.txt"
    record = {
        "schema_version": "1.0",
        "source": source,
        "document": {
            "source": source,
            "format": "txt",
            "chars": len(text),
            "title": None,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "metadata": {} if is_directive else {"date": own_date},
            "self": self_,
        },
        "references": list(b.references.values()),
        "relations": [],
        "units": list(b.units.values()),
        "statistics": b.statistics,
        "warnings": [],
    }
    return record, text


def id_queries(rng: random.Random, count: int) -> list[tuple[str, SearchFilters]]:
    out = []
    for _ in range(count):
        doc_type, _, ref_id, _, _ = rng.choice(CENTRAL)
        if rng.random() < 0.3:
            doc_type, _, code = rng.choice(LOCAL)
            ref_id = _local_id(rng, code)
        numbers = "/".join(t for t in ref_id.replace("-", "/").split("/") if t[:1].isdigit())
        spelling = rng.choice(
            [
                ref_id,
                ref_id.replace("-", " ").replace("/", " "),
                fold(ref_id),
                f"{fold(doc_type)} {numbers}",
            ]
        )
        out.append((spelling, SearchFilters()))
    return out


def text_queries(rng: random.Random, count: int) -> list[tuple[str, SearchFilters]]:
    words = [w for phrase in TOPICS + COUNTED + DISTRICTS for w in phrase.replace(",", "").split()]
    out = []
    for _ in range(count):
        query = " ".join(rng.sample(words, rng.randint(1, 3)))
        out.append((fold(query) if rng.random() < 0.5 else query, SearchFilters()))
    return out


def filtered_queries(rng: random.Random, count: int) -> list[tuple[str, SearchFilters]]:
    out = []
    for _ in range(count):
        year = rng.randint(2015, 2023)
        shape = rng.random()
        if shape < 0.35:
            query = rng.choice(TOPICS)
            filters = SearchFilters(
                doc_type=rng.choice(LOCAL)[0],
                date_from=f"{year}-01-01",
                date_to=f"{year + 1}-12-31",
            )
        elif shape < 0.7:
            query = ""
            filters = SearchFilters(
                cites=rng.choice(CENTRAL)[2], date_from=str(year), date_to=str(year)
            )
        else:
            query = rng.choice(COUNTED)
            filters = SearchFilters(unit=f"Huyện ủy {rng.choice(DISTRICTS)}")
        out.append((query, filters))
    return out


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = "  ".join
    out = [
        line(h.ljust(w) for h, w in zip(header, widths, strict=True)),
        line("-" * w for w in widths),
    ]
    out += [
        line(
            c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in rows
    ]
    return "\n".join(out)


def benchmark(docs: int, queries: int, db: Path, seed: int) -> None:
    rng = random.Random(seed)
    started = time.perf_counter()
    generated = [make_document(rng, n) for n in range(docs)]
    generate_s = time.perf_counter() - started
    chars = sum(len(text) for _, text in generated)

    db.unlink(missing_ok=True)
    started = time.perf_counter()
    with SqliteIndex(db) as index:
        with index.transaction():
            for record, text in generated:
                index.add(record, text)
        index_s = time.perf_counter() - started
        index.optimize()
        optimize_s = time.perf_counter() - started - index_s
        counts = index.stats()
    size_mb = db.stat().st_size / 1e6
    print(
        f"{docs:,} documents, {chars / 1e6:.1f} M characters, {counts['refs']:,} references, "
        f"{counts['units']:,} units, {counts['statistics']:,} statistics "
        f"(generated in {generate_s:.1f} s)\n"
    )
    print(
        _table(
            [
                [
                    "index (one transaction)",
                    f"{index_s:.1f}",
                    f"{docs / index_s:,.0f}",
                    f"{size_mb:.0f}",
                ],
                ["optimize (merge FTS segments)", f"{optimize_s:.1f}", "", ""],
            ],
            ["step", "seconds", "docs/s", "DB MB"],
        )
    )
    print()

    rows = []
    with SqliteIndex(db, read_only=True) as index:
        index.search("warm up")
        for name, make in (
            ("id", id_queries),
            ("text", text_queries),
            ("filtered", filtered_queries),
        ):
            timings, hits = [], []
            for query, filters in make(random.Random(seed + len(name)), queries):
                t0 = time.perf_counter()
                result = index.search(query, filters, limit=20)
                timings.append((time.perf_counter() - t0) * 1000)
                hits.append(len(result.hits))
            timings.sort()
            p95 = timings[min(len(timings) - 1, int(0.95 * len(timings)))]
            rows.append(
                [
                    name,
                    str(len(timings)),
                    f"{statistics.median(timings):.1f}",
                    f"{p95:.1f}",
                    f"{timings[-1]:.1f}",
                    f"{statistics.mean(hits):.1f}",
                ]
            )
    print(_table(rows, ["query", "n", "median ms", "p95 ms", "max ms", "hits"]))
    worst = max(float(r[3]) for r in rows)
    print(f"\np95 target 50 ms: {'met' if worst < 50 else 'NOT met'} (worst p95 {worst:.1f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=300, help="queries of each kind")
    parser.add_argument("--db", type=Path, help="index file (default: a temporary one)")
    parser.add_argument("--seed", type=int, default=20240521)
    args = parser.parse_args()
    if args.db:
        benchmark(args.docs, args.queries, args.db, args.seed)
        return
    with tempfile.TemporaryDirectory() as tmp:
        benchmark(args.docs, args.queries, Path(tmp) / "bench.sqlite", args.seed)


if __name__ == "__main__":
    main()
