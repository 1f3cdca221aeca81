"""`vnpolicy search`: documents by words or by a reference id in any spelling, with filters."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from vnpolicy.commands import described

EXAMPLES = """\
examples:
  vnpolicy search "nghi quyet 21" --db archive.sqlite       # the id, without diacritics
  vnpolicy search "kết nạp đảng viên" --db archive.sqlite --type "chỉ thị" --from 2020-01-01
  vnpolicy search "" --db archive.sqlite --cites 21-NQ/TW --unit "Tỉnh ủy Quảng Trị"
  vnpolicy search '"ban thuong vu" chuyen*' --db archive.sqlite --json
"""


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        required=True,
        type=Path,
        metavar="FILE",
        help="the index file (made by `vnpolicy index`)",
    )


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "search",
        help="search the index by words or reference id",
        description=described(
            "Search the index. A QUERY that reads as a document number (21-NQ/TW, '21 NQ TW', "
            "'nq 21/tw', 'Nghị quyết 21') or a title ('Luật Đất đai') lists the documents "
            "citing it first, by number or by a name known to mean it; then documents "
            "matching all its words, ranked by bm25. Diacritics are optional ('nghi quyet' "
            "finds 'Nghị quyết', 'uy ban' finds 'Ủy ban'); \"quoted words\" are a phrase and "
            "a trailing * a prefix. An empty QUERY with filters lists what the filters keep."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("query", metavar="QUERY", help="words or a reference id")
    add_db_argument(parser)
    parser.add_argument(
        "--type",
        dest="doc_type",
        metavar="TYPE",
        help="the document's own type: 'chỉ thị', 'nghi quyet', 'CT'",
    )
    parser.add_argument("--issuer", help="words of the issuer: 'Tỉnh ủy Quảng Trị'")
    parser.add_argument("--unit", help="a unit the document names: 'Huyện ủy Hải Lăng'")
    parser.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="documents dated on or after (YYYY-MM-DD, YYYY-MM or YYYY)",
    )
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="dated on or before")
    parser.add_argument(
        "--cites",
        metavar="REF",
        help="documents citing REF (a number in any spelling, or a title): by number or by name",
    )
    parser.add_argument("--limit", type=int, default=20, help="most hits shown (default 20)")
    parser.add_argument("--json", action="store_true", help="print the hits as JSON")


def _highlighter() -> tuple[str, str]:
    if sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        return "\033[1;33m", "\033[0m"
    return "«", "»"


def run(args: argparse.Namespace) -> int:
    from vnpolicy.commands.targets import index_file_problem, say
    from vnpolicy.outputs.index import SearchFilters, SearchIndexError, open_index

    filters = SearchFilters(
        doc_type=args.doc_type,
        issuer=args.issuer,
        unit=args.unit,
        date_from=args.date_from,
        date_to=args.date_to,
        cites=args.cites,
    )
    if not args.query.strip() and filters.is_empty():
        print("vnpolicy: empty query; give words, a reference id or a filter", file=sys.stderr)
        return 2
    if args.limit < 1:
        print("vnpolicy: --limit must be at least 1", file=sys.stderr)
        return 2
    problem = index_file_problem(args.db)
    if problem:
        say(args.db, problem[1])
        return problem[0]
    try:
        with open_index(args.db, read_only=True) as index:
            result = index.search(args.query, filters, limit=args.limit)
    except ValueError as err:
        print(f"vnpolicy: {err}", file=sys.stderr)
        return 2
    except SearchIndexError as err:
        print(f"vnpolicy: {err}", file=sys.stderr)
        return 2
    if result.truncated_query:
        print("vnpolicy: the query was cut to its first 1000 characters", file=sys.stderr)
    if args.json:
        payload = {
            "query": result.query,
            "reference": result.reference,
            "hits": [hit.to_dict() for hit in result.hits],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    if not result.hits:
        print("no documents found", file=sys.stderr)
        return 0
    mark = _highlighter()
    for number, hit in enumerate(result.hits, 1):
        about = ", ".join(x for x in (hit.doc_type, hit.doc_id, hit.date, hit.issuer) if x)
        why = (
            f"cites {', '.join(hit.references)}"
            if hit.matched == "reference"
            else (f"bm25 {hit.score:.2f}" if hit.score else "filters")
        )
        print(f"{number}. {hit.source}" + (f"  [{about}]" if about else "") + f"  ({why})")
        if hit.title:
            print(f"   {hit.title}")
        print(f"   {hit.snippet_text(mark)}")
    return 0
