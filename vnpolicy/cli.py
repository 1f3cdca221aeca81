"""The `vnpolicy` command line: glue that dispatches to `vnpolicy.commands.<name>`."""

from __future__ import annotations

import argparse
import importlib
import os
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
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", help="one of these (each has its own --help):"
    )
    for name in COMMANDS:
        _command(name).register(commands)
    return parser


def command_parser(parser: argparse.ArgumentParser, name: str | None) -> argparse.ArgumentParser:
    """The parser of the sub-command `name` (`parser` itself when there is none)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and name in action.choices:
            return action.choices[name]
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # the command's own usage, not the top-level one
        command_parser(parser, args.command).error(f"unrecognized arguments: {' '.join(unknown)}")
    if not args.command:
        parser.print_help()
        return 2
    try:
        return _command(args.command).run(args)
    except KeyboardInterrupt:
        print("vnpolicy: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `vnpolicy refs ... | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
