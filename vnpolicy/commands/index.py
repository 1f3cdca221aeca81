"""`vnpolicy index`: put extraction results (JSON, JSON Lines) into a search index file."""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from vnpolicy.outputs.results import iter_result_records
from vnpolicy.resume import MANIFEST_NAME

EXAMPLES = """\
examples:
  vnpolicy extract docs/ -o out/ && vnpolicy index out/ --db archive.sqlite
  vnpolicy index out/all.jsonl --db archive.sqlite --source-root docs/
  vnpolicy search "nghi quyet 21" --db archive.sqlite
"""


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "index",
        help="index extraction results (JSON/JSONL) into a searchable SQLite file",
        description=(
            "Add every result under OUTDIR (*.json files, *.jsonl files; folders are walked) "
            "to the index file DB, created when missing. A document already indexed with the "
            "same text and result is skipped; a changed one (same source, new sha256 or new "
            "result) replaces the old. The text as read is taken from the result if it holds "
            "it, else read again from the source file (checked against its sha256) so pages "
            "can highlight mentions in place."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="+", type=Path, metavar="OUTDIR", help="result folders or files"
    )
    parser.add_argument("--db", required=True, type=Path, help="the index file")
    parser.add_argument(
        "--source-root",
        type=Path,
        metavar="DIR",
        help="where relative source paths are found (default: as written, then next to the JSON)",
    )


# What `vnpolicy extract` writes into OUTDIR besides results (`vnpolicy.batch`, `.resume`).
BOOKKEEPING_FILES = frozenset({"errors.jsonl", MANIFEST_NAME})


def iter_records(paths: list[Path]) -> Iterator[tuple[str, dict | None, str | None]]:
    """Results under `paths`, the run's bookkeeping files left out (see `iter_result_records`)."""
    return iter_result_records(paths, skip=BOOKKEEPING_FILES)


def source_text(record: dict, where: str, source_root: Path | None) -> tuple[str | None, str]:
    """The text as read for `record`, re-read from its source file; (None, why) when the file
    is gone or changed since extraction (its sha256 differs)."""
    from vnpolicy.corpus import ReadError, read_document

    document = record["document"]
    if isinstance(document.get("text"), str):
        return document["text"], ""
    source = Path(record.get("source") or document.get("source") or "")
    candidates = [source]
    if not source.is_absolute():
        if source_root:
            candidates.insert(0, source_root / source)
            candidates.insert(1, source_root / source.name)
        candidates.append(Path(where.split(":")[0]).parent / source.name)
    path = next((p for p in candidates if p.is_file()), None)
    if path is None:
        return None, "source file not found; indexed without its text"
    try:
        text = read_document(path).text
    except ReadError as err:
        return None, f"cannot re-read source ({err.cause}); indexed without its text"
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != document.get("sha256"):
        return None, "source changed since extraction; indexed without its text"
    return text, ""


def index_results(paths: list[Path], db: Path, source_root: Path | None = None) -> int:
    """Index every result under `paths` into `db`; prints one summary line, returns the exit
    status (0 ok, 1 some result failed, 2 the index cannot be opened)."""
    from vnpolicy.outputs.index import SearchIndexError, open_index

    try:
        index = open_index(db)
    except SearchIndexError as err:
        print(f"vnpolicy: {err}", file=sys.stderr)
        return 2
    counts: Counter[str] = Counter()
    with index:
        with index.transaction():
            for where, record, error in iter_records(paths):
                if error:
                    counts["failed"] += 1
                    print(f"{where}: {error}", file=sys.stderr)
                    continue
                if index.contains(record):
                    counts["unchanged"] += 1
                    continue
                text, note = source_text(record, where, source_root)
                if note:
                    counts["without text"] += 1
                    print(f"{where}: {note}", file=sys.stderr)
                try:
                    counts[index.add(record, text)] += 1
                except (ValueError, KeyError, TypeError) as err:
                    counts["failed"] += 1
                    print(f"{where}: {err}", file=sys.stderr)
        if counts["added"] or counts["replaced"]:
            index.optimize()
        total = index.stats()["documents"]
    order = ("added", "replaced", "unchanged", "duplicate", "failed", "without text")
    summary = ", ".join(f"{counts[k]} {k}" for k in order if counts[k] or k in order[:3])
    print(f"vnpolicy: {summary}; {total} documents in {db}", file=sys.stderr)
    return 1 if counts["failed"] else 0


def run(args: argparse.Namespace) -> int:
    return index_results(args.paths, args.db, args.source_root)
