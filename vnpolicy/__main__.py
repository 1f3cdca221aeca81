"""`python -m vnpolicy` is the `vnpolicy` command."""

import sys

from vnpolicy.cli import main

sys.exit(main())
