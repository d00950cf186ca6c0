"""A text progress bar for long commands, on stderr so that stdout stays clean."""

import sys
import time
from collections.abc import Callable


class ProgressBar:
    def __init__(self, label: str, write: Callable[[str], object] | None = None, width: int = 30):
        self.label = label
        self.write = write or sys.stderr.write
        self.width = width
        self.started = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        share = done / total if total else 1.0
        filled = int(share * self.width)
        elapsed = time.monotonic() - self.started
        bar = "#" * filled + "-" * (self.width - filled)
        end = "\n" if done >= total else ""
        self.write(f"\r{self.label} [{bar}] {done}/{total} ({share:.0%}) {elapsed:.1f} s{end}")
