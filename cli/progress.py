"""A line on stderr when a command takes a while (a large plan's export), so it does not look stuck."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

AFTER_SECONDS = 1.0


@contextmanager
def tell_if_slow(what: str, after: float = AFTER_SECONDS, stream: TextIO | None = None) -> Iterator[None]:
    """Print "<what>…" once the work inside has taken ``after`` seconds, and how long it took at the end."""
    out = stream or sys.stderr
    start = time.perf_counter()
    told = threading.Event()

    def tell() -> None:
        told.set()
        print(f"{what}…", file=out, flush=True)

    timer = threading.Timer(after, tell)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        if told.is_set():
            print(f"done in {time.perf_counter() - start:.1f} s", file=out, flush=True)
