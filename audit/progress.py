"""A progress bar for long batches: click's, on standard error, only when that is a terminal (never
on a pipe, in a file or in CI)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TextIO

import click

MIN_FILES = 20  # a smaller batch is done before a bar would help


def shows_progress(total: int, stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    if total < MIN_FILES or environ.get("CI", "").lower() in ("1", "true", "yes"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def progress_bar(total: int, stream: TextIO | None = None) -> Iterator[Callable[[int], None]]:
    """Yield a callback that advances the bar by a number of files (a no-op when no bar is shown)."""
    stream = stream or sys.stderr
    if not shows_progress(total, stream):
        yield lambda count: None
        return
    with click.progressbar(length=total, label="Linting", file=stream, show_pos=True, show_eta=True) as bar:
        yield bar.update


__all__ = ["MIN_FILES", "progress_bar", "shows_progress"]
