"""One module per `vnpolicy` sub-command; each has `register(subparsers)` and `run(args)`.

`COMMANDS` lists the module names in the order `vnpolicy --help` shows them. A module is
imported only when its command runs, so `vnpolicy --help` stays fast. `targets` is no command:
the checks of the paths a user names (inputs that must exist, outputs that must be writable).
"""

COMMANDS = ["extract", "index", "search", "refs", "status", "serve"]


def described(text: str) -> str:
    """A command's description wrapped to 88 columns (its parser keeps text as written, for the
    examples); names such as OUTDIR/run-manifest.ndjson are never split."""
    import textwrap

    return textwrap.fill(text, 88, break_on_hyphens=False, break_long_words=False)
