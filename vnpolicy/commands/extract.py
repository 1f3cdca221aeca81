"""`vnpolicy extract`: files and folders in, one JSON per document out."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

from vnpolicy.commands import described

EXAMPLES = """\
examples:
  vnpolicy extract -o out/                      # the bundled sample corpus
  vnpolicy extract articles/ directive.pdf -o out/ --jsonl out/all.jsonl
  vnpolicy extract 'archive/**/*.html' -o out/  # globs are expanded by vnpolicy too
  vnpolicy extract archive/ -o out/ --workers 8  # 8 worker processes; rerun to resume
  vnpolicy extract docs/ -o out/ --csv statistics.csv  # every figure, one row each
  vnpolicy extract docs/ -o out/ --db archive.sqlite  # and index for `vnpolicy search`
  vnpolicy extract /mnt/shared/in -o /mnt/shared/out --engine dask --scheduler tcp://head:8786
"""


def sample_corpus() -> Path:
    """The sample corpus shipped in the package (`corpus/samples/`)."""
    return Path(str(resources.files("vnpolicy.corpus").joinpath("samples")))


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "extract",
        help="extract from files or folders into one JSON per document",
        description=described(
            "Read every supported file under PATH (folders are walked recursively; other "
            "file types are skipped and reported), extract references, units and statistics, "
            "and write OUTDIR/<file name>.json for each, mirroring sub-folders. A file that "
            "fails is reported on stderr and in OUTDIR/errors.jsonl; the batch goes on. "
            "OUTDIR/run-manifest.ndjson records each finished input (hash of its bytes, pipeline "
            "version), so a rerun skips inputs that are done and unchanged (--force redoes "
            "all); a run killed at any point resumes where it stopped. Republished copies of "
            "one article are marked with document.duplicate_of and listed in "
            "OUTDIR/duplicates.csv. "
            "Exit status: 0 when every file succeeded; 1 when any failed, a PATH does not "
            "exist or no file is left to read (both said before any model loads), or a full "
            "disk or a lost Dask scheduler stopped the batch (rerun to finish); 2 on usage "
            "errors and when OUTDIR, --jsonl, --csv or --db cannot be written (nothing is "
            "written then); 130 when interrupted (Ctrl-C), 143 on SIGTERM."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files, folders or globs (default: the samples)"
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="OUTDIR",
        help="the folder for the results (created when missing; must not be a file)",
    )
    parser.add_argument(
        "--jsonl", type=Path, metavar="FILE", help="also write every result to one JSON Lines file"
    )
    parser.add_argument(
        "-j",
        "--workers",
        type=_positive_int,
        metavar="N",
        help="worker processes for the local engine (default: the machine's cores; 1 runs "
        "in this process)",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes (default) or a Dask cluster (needs --scheduler)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="the Dask scheduler; inputs and OUTDIR must be at the same paths on every worker",
    )
    parser.add_argument(
        "--force", action="store_true", help="redo every input, even those done and unchanged"
    )
    parser.add_argument(
        "--no-duplicates",
        dest="duplicates",
        action="store_false",
        help="skip the near-duplicate pass (document.duplicate_of, OUTDIR/duplicates.csv)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar or progress lines"
    )
    parser.add_argument(
        "--csv",
        type=Path,
        metavar="FILE",
        help="also write every statistic of the results in OUTDIR to one CSV (a row per "
        "figure: document, value, unit, subject, period, place, sentence; UTF-8 for Excel)",
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="FILE",
        help="also index the results into this search index (SQLite, created when missing); "
        "see `vnpolicy search`",
    )


def _write_csv(outdir: Path, path: Path) -> None:
    """One CSV of the statistics of every result in `outdir` (each document once)."""
    from vnpolicy.commands.index import iter_records
    from vnpolicy.outputs.statistics_csv import write_statistics_csv

    records = {}
    for _, record, _error in iter_records([outdir]):
        if record is not None:
            records.setdefault(record.get("source"), record)
    write_statistics_csv(records.values(), path)
    rows = sum(len(r.get("statistics") or []) for r in records.values())
    print(f"vnpolicy: {rows} statistics of {len(records)} documents in {path}", file=sys.stderr)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _refuse_outputs(args: argparse.Namespace) -> bool:
    """True, after one line on stderr, if an output target cannot be written. An existing
    `--db` must open as an index now, not after the whole extraction."""
    from vnpolicy.commands.targets import output_dir_problem, output_file_problem, say

    problems = [(args.output, output_dir_problem(args.output))]
    problems += [(f, output_file_problem(f)) for f in (args.jsonl, args.csv, args.db) if f]
    for path, cause in problems:
        if cause:
            say(path, cause)  # the first one only: one line
            return True
    if args.db is not None and args.db.exists():
        from vnpolicy.outputs.index import SearchIndexError, open_index

        try:
            open_index(args.db, read_only=True).close()
        except SearchIndexError as err:
            print(f"vnpolicy: {err}", file=sys.stderr)
            return True
    return False


def _has_input_files(paths: list) -> bool:
    """True when the walk finds a file to read; else say what it skipped and that none is left.

    Runs before any model loads, so an empty folder is said at once.
    """
    from vnpolicy.corpus import SUPPORTED_SUFFIXES, iter_input_files

    skipped = []
    for path, reason in iter_input_files(paths):
        if not reason:
            return True
        skipped.append(f"{path}: skipped, {reason}")
    for line in skipped:
        print(line, file=sys.stderr)
    kinds = " ".join(sorted(SUPPORTED_SUFFIXES))
    print(
        f"vnpolicy: không có tệp đầu vào (no input files found; readable: {kinds})",
        file=sys.stderr,
    )
    return False


def run(args: argparse.Namespace) -> int:
    from vnpolicy.commands.targets import NOT_FOUND, make_output_dir, missing_inputs, say

    if args.engine == "dask" and not args.scheduler:
        print(
            "vnpolicy extract: error: --engine dask needs --scheduler tcp://HOST:PORT",
            file=sys.stderr,
        )
        return 2
    if _refuse_outputs(args):
        return 2
    paths = args.paths or [sample_corpus()]
    missing = missing_inputs(paths)
    for path in missing:
        say(path, NOT_FOUND)
    if missing or not _has_input_files(paths):
        return 1
    cause = make_output_dir(args.output)
    if cause:
        say(args.output, cause)
        return 2

    from vnpolicy.batch import run_batch
    from vnpolicy.engines import default_workers

    summary = run_batch(
        paths,
        args.output,
        jsonl=args.jsonl,
        workers=args.workers or default_workers(),
        engine=args.engine,
        scheduler=args.scheduler,
        force=args.force,
        duplicates=args.duplicates,
        progress=not args.quiet,
    )
    print(summary.line(), file=sys.stderr)
    if summary.interrupted or summary.fault:  # stopped early (one line said why): rerun
        return summary.exit_status
    if args.csv is not None:
        _write_csv(args.output, args.csv)
    indexed = 0
    if args.db is not None and summary.written + summary.unchanged:
        from vnpolicy.commands.index import index_results

        indexed = index_results([args.output], args.db)
    if summary.read == 0 and summary.skipped == 0:
        print("vnpolicy: no input files found", file=sys.stderr)
        return 1
    return 1 if summary.failed or indexed else 0
