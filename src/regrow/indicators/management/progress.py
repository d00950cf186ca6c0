"""A text progress bar for long commands, on stderr so that stdout stays clean (as the
register's import draws it); counts without a bar where the total is not known."""

import sys
import time
from collections.abc import Callable


class ProgressBar:
    def __init__(self, label: str, write: Callable[[str], object] | None = None, width: int = 30):
        self.label = label
        self.write = write or sys.stderr.write
        self.width = width
        self.started = time.monotonic()
        self.finished = False

    def __call__(self, done: int, total: int) -> None:
        if self.finished:
            return
        elapsed = time.monotonic() - self.started
        if not total:
            self.write(f"\r{self.label}: {done} values {elapsed:.1f} s")
            return
        share = min(done / total, 1.0)
        filled = int(share * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        self.finished = done >= total
        end = "\n" if self.finished else ""
        self.write(f"\r{self.label} [{bar}] {done}/{total} ({share:.0%}) {elapsed:.1f} s{end}")

    def close(self) -> None:
        """End the line, if the total was never reached (values left out, a smaller count)."""
        if not self.finished:
            self.write("\n")
            self.finished = True
