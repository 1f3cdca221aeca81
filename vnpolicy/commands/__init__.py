"""One module per `vnpolicy` sub-command; each has `register(subparsers)` and `run(args)`.

`COMMANDS` lists the module names in the order `vnpolicy --help` shows them. A module is
imported only when its command runs, so `vnpolicy --help` stays fast.
"""

COMMANDS = ["extract", "index", "search", "refs", "serve"]
