"""`vnpolicy serve`: the web pages over an index file (read-only), with uvicorn."""

from __future__ import annotations

import argparse
import sys

from vnpolicy.commands import described
from vnpolicy.commands.search import add_db_argument

EXAMPLES = """\
examples:
  vnpolicy serve --db archive.sqlite                 # http://127.0.0.1:8000/
  vnpolicy serve --db archive.sqlite --host 0.0.0.0 --port 8080
"""


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "serve",
        help="serve search, document and reference pages over an index",
        description=described(
            "Serve the index as web pages: a search box with filters, each document with its "
            "references, units and statistics marked in its text, each cited document with "
            "the documents citing it over time, statistics as CSV. The index file is opened "
            "read-only; `vnpolicy index` may update it meanwhile."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_db_argument(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")


def run(args: argparse.Namespace) -> int:
    from vnpolicy.commands.targets import index_file_problem, say
    from vnpolicy.outputs.index import SearchIndexError

    problem = index_file_problem(args.db)
    if problem:
        say(args.db, problem[1])
        return problem[0]
    try:
        import uvicorn

        from vnpolicy.web import create_app
    except ImportError as err:
        print(f"vnpolicy: serve needs starlette, jinja2 and uvicorn ({err})", file=sys.stderr)
        return 2
    try:
        app = create_app(args.db)
    except SearchIndexError as err:
        print(f"vnpolicy: {err}", file=sys.stderr)
        return 2
    print(f"vnpolicy: serving {args.db} on http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
