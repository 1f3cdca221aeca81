"""`vnpolicy refs`: the documents cited in the archive, most cited first."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from vnpolicy.commands import described
from vnpolicy.commands.search import add_db_argument

EXAMPLES = """\
examples:
  vnpolicy refs --db archive.sqlite                    # the 30 most cited
  vnpolicy refs --db archive.sqlite --type "chỉ thị" --limit 100 --json
  vnpolicy refs --db archive.sqlite --ref 21-NQ/TW     # every document citing one
"""


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "refs",
        help="list cited documents by how often they are cited",
        description=described(
            "List the referenced documents (numbered by their id in any spelling, unnumbered "
            "by name) by the number of indexed documents citing them, with the dates of the "
            "first and last citing document. With --ref, list the documents citing one."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_db_argument(parser)
    parser.add_argument(
        "--type",
        dest="doc_type",
        metavar="TYPE",
        help="only references of this type: 'chỉ thị', 'nghị quyết'",
    )
    parser.add_argument("--limit", type=int, default=30, help="rows shown (default 30)")
    parser.add_argument("--ref", metavar="REF", help="list the documents citing REF instead")
    parser.add_argument("--json", action="store_true", help="print JSON")


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    ]
    return "\n".join(lines)


def _clip(text: str | None, width: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def run(args: argparse.Namespace) -> int:
    from vnpolicy.commands.targets import index_file_problem, say
    from vnpolicy.outputs.index import SearchIndexError, open_index

    problem = index_file_problem(args.db)
    if problem:
        say(args.db, problem[1])
        return problem[0]
    try:
        with open_index(args.db, read_only=True) as index:
            if args.ref is not None:
                citations = index.cited(args.ref)
                if args.json:
                    print(json.dumps([asdict(c) for c in citations], ensure_ascii=False, indent=2))
                    return 0
                if not citations:
                    print(f"no indexed document cites {args.ref}", file=sys.stderr)
                    return 0
                rows = [[c.date or "-", c.mentions, c.ref_id or "", c.source] for c in citations]
                print(_table(rows, ["date", "mentions", "as written", "source"]))
                return 0
            counts = index.top_references(limit=max(1, args.limit), doc_type=args.doc_type)
    except SearchIndexError as err:
        print(f"vnpolicy: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(
            json.dumps(
                [{**asdict(c), "label": c.label} for c in counts], ensure_ascii=False, indent=2
            )
        )
        return 0
    if not counts:
        print("no references indexed", file=sys.stderr)
        return 0
    rows = [
        [
            _clip(c.label, 48),
            c.doc_type or "",
            c.documents,
            c.mentions,
            c.first_cited or "-",
            c.last_cited or "-",
        ]
        for c in counts
    ]
    print(_table(rows, ["reference", "type", "documents", "mentions", "first", "last"]))
    return 0
