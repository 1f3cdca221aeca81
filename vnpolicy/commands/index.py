"""`vnpolicy index`: put extraction results (JSON, JSON Lines) into a search index file."""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from vnpolicy.commands import described
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
        description=described(
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
    parser.add_argument(
        "--db",
        required=True,
        type=Path,
        metavar="FILE",
        help="the index file (SQLite; created when missing, and not left behind if nothing "
        "could be indexed)",
    )
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
    from vnpolicy.outputs.results import iter_result_records  # jsonschema: not for --help

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


def _index_files(db: Path) -> list[Path]:
    """The index file and the files SQLite keeps beside it."""
    return [db] + [db.with_name(db.name + suffix) for suffix in ("-journal", "-wal", "-shm")]


def _remove_new_index(db: Path, existed_up_to: Path) -> None:
    """Remove an index this run created, and the folders it made for it (up to, not
    including, `existed_up_to`): a failed `vnpolicy index` leaves nothing behind."""
    from vnpolicy.commands.targets import remove_made_folders

    for path in _index_files(db):
        path.unlink(missing_ok=True)
    remove_made_folders(db.parent, existed_up_to)


def index_results(paths: list[Path], db: Path, source_root: Path | None = None) -> int:
    """Index every result under `paths` into `db`; prints one summary line, returns the exit
    status (0 ok, 1 a missing path, no result at all or some result failed, 2 the index
    cannot be opened). An index this call created is removed again if nothing went into it
    (or on an exception); an existing one is never removed."""
    from vnpolicy.commands.targets import (
        NOT_FOUND,
        missing_inputs,
        nearest_existing,
        output_file_problem,
        say,
    )
    from vnpolicy.outputs.index import SearchIndexError

    missing = missing_inputs(paths, globs=False)
    for path in missing:
        say(path, NOT_FOUND)
    if missing:
        return 1
    cause = output_file_problem(db)
    if cause:
        say(db, cause)
        return 2
    records = iter_records(paths)
    first = next(records, None)
    if first is None:
        where = ", ".join(str(p) for p in paths)
        say(where, "không có kết quả (no *.json or *.jsonl results)")
        return 1
    existed_up_to = nearest_existing(db)
    created = existed_up_to != db.absolute()
    try:
        counts, total = _index_records(chain([first], records), db, source_root)
    except SearchIndexError as err:
        print(f"vnpolicy: {err}", file=sys.stderr)
        counts, total = Counter(failed=1), 0
        status = 2
    except BaseException:
        if created:
            _remove_new_index(db, existed_up_to)
        raise
    else:
        status = 1 if counts["failed"] else 0
        order = ("added", "replaced", "unchanged", "duplicate", "failed", "without text")
        summary = ", ".join(f"{counts[k]} {k}" for k in order if counts[k] or k in order[:3])
        print(f"vnpolicy: {summary}; {total} documents in {db}", file=sys.stderr)
    if created and status and not total:
        _remove_new_index(db, existed_up_to)
        say(db, "không giữ lại (nothing indexed, so the new index is not kept)")
    return status


def _index_records(records, db: Path, source_root: Path | None) -> tuple[Counter[str], int]:
    """Add `records` to the index `db`: (counts by outcome, documents now in the index)."""
    from vnpolicy.outputs.index import open_index

    counts: Counter[str] = Counter()
    with open_index(db) as index:
        migrated = getattr(index, "migrated_from", None)
        if migrated:
            print(
                f"{db}: chỉ mục schema {migrated} đã được chuyển sang schema mới; tài liệu"
                " nào có kết quả ở đây sẽ được lập chỉ mục lại (index schema"
                f" {migrated} migrated; each document is replaced when its result is indexed)",
                file=sys.stderr,
            )
        with index.transaction():
            for where, record, error in records:
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
    return counts, total


def run(args: argparse.Namespace) -> int:
    return index_results(args.paths, args.db, args.source_root)
