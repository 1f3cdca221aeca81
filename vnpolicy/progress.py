"""Progress of a long batch: a tqdm bar on a terminal, plain log lines elsewhere.

On a terminal: `  37%|███▋      | 370/1000 [00:41<01:10, 9.0 doc/s, 4.1/11.2 MB, 101 KB/s]`.
In a log (stderr not a terminal): one line every `every_docs` documents or `every_seconds`
seconds, whichever comes first, e.g.
`vnpolicy: 370/1000 docs, 4.1/11.2 MB, 9.0 docs/s, 101 KB/s, ETA 1m10s`.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _eta(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


class Progress:
    """Counts documents and bytes done against the totals; call `advance` once per document."""

    def __init__(
        self,
        total_docs: int,
        total_bytes: int,
        stream: TextIO | None = None,
        every_docs: int = 100,
        every_seconds: float = 10.0,
        enabled: bool = True,
        bar: bool | None = None,
    ):
        self.stream = stream or sys.stderr
        self.total_docs, self.total_bytes = total_docs, total_bytes
        self.docs = 0
        self.bytes = 0
        self.every_docs, self.every_seconds = every_docs, every_seconds
        self.enabled = enabled
        self.started = self._last_line = time.monotonic()
        self._logged_docs = 0
        self._bar = None
        use_bar = bar if bar is not None else self.stream.isatty()
        if enabled and use_bar:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total_docs, unit="doc", file=self.stream, leave=False, dynamic_ncols=True
            )

    def advance(self, nbytes: int = 0, label: str = "") -> None:
        """One more document done, `nbytes` of input bytes."""
        self.docs += 1
        self.bytes += nbytes
        if not self.enabled:
            return
        if self._bar is not None:
            elapsed = max(time.monotonic() - self.started, 1e-9)
            self._bar.set_postfix_str(
                f"{self.bytes / 1e6:.1f}/{self.total_bytes / 1e6:.1f} MB, "
                f"{self.bytes / 1000 / elapsed:.0f} KB/s {label[-30:]}",
                refresh=False,
            )
            self._bar.update(1)
            return
        now = time.monotonic()
        due = self.docs - self._logged_docs >= self.every_docs
        if due or now - self._last_line >= self.every_seconds:
            print(self.status_line(), file=self.stream, flush=True)
            self._last_line, self._logged_docs = now, self.docs

    def status_line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.docs / elapsed
        line = (
            f"vnpolicy: {self.docs}/{self.total_docs} docs, "
            f"{self.bytes / 1e6:.1f}/{self.total_bytes / 1e6:.1f} MB, "
            f"{rate:.1f} docs/s, {self.bytes / 1000 / elapsed:.0f} KB/s"
        )
        if 0 < self.docs < self.total_docs and self.bytes:
            byte_rate = self.bytes / elapsed
            line += f", ETA {_eta((self.total_bytes - self.bytes) / byte_rate)}"
        return line

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
