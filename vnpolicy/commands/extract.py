"""`vnpolicy extract`: files and folders in, one JSON per document out."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

EXAMPLES = """\
examples:
  vnpolicy extract -o out/                      # the bundled sample corpus
  vnpolicy extract articles/ directive.pdf -o out/ --jsonl out/all.jsonl
  vnpolicy extract 'archive/**/*.html' -o out/  # globs are expanded by vnpolicy too
"""


def sample_corpus() -> Path:
    """The sample corpus shipped in the package (`corpus/samples/`)."""
    return Path(str(resources.files("corpus").joinpath("samples")))


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "extract",
        help="extract from files or folders into one JSON per document",
        description=(
            "Read every supported file under PATH (folders are walked recursively; other "
            "file types are skipped and reported), extract references, units and statistics, "
            "and write OUTDIR/<file name>.json for each, mirroring sub-folders. A file that "
            "fails is reported on stderr and in OUTDIR/errors.jsonl; the batch goes on. "
            "Exit status: 0 when every file succeeded, 1 when any failed, 2 on usage errors."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files, folders or globs (default: the samples)"
    )
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="OUTDIR")
    parser.add_argument(
        "--jsonl", type=Path, metavar="FILE", help="also write every result to one JSON Lines file"
    )


def run(args: argparse.Namespace) -> int:
    from vnpolicy.batch import run_batch

    paths = args.paths or [sample_corpus()]
    summary = run_batch(paths, args.output, jsonl=args.jsonl)
    print(summary.line(), file=sys.stderr)
    if summary.read == 0 and summary.skipped == 0:
        print("vnpolicy: no input files found", file=sys.stderr)
        return 1
    return 1 if summary.failed else 0
