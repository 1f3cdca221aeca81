"""The `vnpolicy` command line: glue that dispatches to `vnpolicy.commands.<name>`."""

from __future__ import annotations

import argparse
import importlib
import sys

from vnpolicy.commands import COMMANDS

EPILOG = """\
examples:
  vnpolicy extract -o out/                # run on the bundled sample corpus
  vnpolicy extract docs/ -o out/          # a folder of .txt, .html, .pdf files
  vnpolicy COMMAND --help                 # every option of one command
"""


def _command(name: str):
    return importlib.import_module(f"vnpolicy.commands.{name}")


def build_parser() -> argparse.ArgumentParser:
    from vnpolicy import __version__

    parser = argparse.ArgumentParser(
        prog="vnpolicy",
        description=(
            "Extract references to official documents, unit names and statistics from "
            "Vietnamese policy documents into JSON with character offsets."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"vnpolicy {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        _command(name).register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        return _command(args.command).run(args)
    except KeyboardInterrupt:
        print("vnpolicy: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
