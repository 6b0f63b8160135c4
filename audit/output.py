"""Where a report goes (-o FILE): never onto a file being linted, never replacing a device or a FIFO.

A regular file is replaced atomically (a temporary file, then a rename: its mode, owner and group
kept). A character device (/dev/null, a terminal), a FIFO and the process's own standard output or
error (/dev/stdout, /dev/fd/1, also when it is a pipe) are written directly, as a shell's `>` would.
Refused with a one-line OutputError before anything is linted: one of the input files (by device and
inode, so a link or another spelling of its name is caught), a folder, a socket, a block device, a
read-only file and a file with several hard links (replacing it would split them).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator

from .safe_text import encode_report
from .sources import STDIN, file_kind
from .text.shipped import compiled_re

_FD_PATH = compiled_re(r"^/(?:dev/fd|proc/self/fd|proc/thread-self/fd)/(\d+)$")
_STANDARD = {"/dev/stdout": 1, "/dev/stderr": 2}


class OutputError(Exception):
    """An output target mtaudit refuses or cannot write; the message is one line and names it."""


def descriptor_of(output: str) -> int | None:
    """The file descriptor an output path names (/dev/stdout, /dev/fd/N), or None."""
    if output in _STANDARD:
        return _STANDARD[output]
    match = _FD_PATH.match(output)
    return int(match.group(1)) if match else None


def check_output_target(output: str | None, inputs: Iterable[str] = ()) -> None:
    """Raise OutputError if `output` may not receive a report (see the module's docstring)."""
    if output is None or output == STDIN or descriptor_of(output) is not None:
        return
    try:
        info = os.stat(output)
    except FileNotFoundError:
        folder = os.path.dirname(os.path.abspath(output))
        if not os.path.isdir(folder):
            raise OutputError(f"{output}: cannot write: the folder {folder} does not exist") from None
        return
    except OSError as error:
        raise OutputError(f"{output}: cannot write: {(error.strerror or str(error)).lower()}") from None
    mode = info.st_mode
    if stat.S_ISDIR(mode) or stat.S_ISSOCK(mode) or stat.S_ISBLK(mode):
        raise OutputError(f"{output}: is {file_kind(mode)}; refusing to write the report onto it")
    if not stat.S_ISREG(mode):
        return  # a character device or a FIFO: written directly
    identity = (info.st_dev, info.st_ino)
    for path in inputs:
        if path == STDIN:
            continue
        try:
            linted = os.stat(path)
        except OSError:
            continue
        if (linted.st_dev, linted.st_ino) == identity:
            raise OutputError(f"{output}: is one of the files being linted ({path}); refusing to overwrite it")
    if info.st_nlink > 1:
        raise OutputError(f"{output}: has {info.st_nlink} hard links; refusing to replace it (that would split them)")
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(output, os.W_OK):
        raise OutputError(f"{output}: is read-only; refusing to replace it")


# The report's pieces (a JSON report comes in some 300 a file) are written in batches of about this
# many characters: one write a batch, not one a piece (an unbuffered standard output, PYTHONUNBUFFERED
# or `python -u`, made each piece a system call), and never more than a batch held.
BATCH_CHARS = 64 * 1024


def batches(chunks: Iterable[str], size: int = BATCH_CHARS) -> Iterator[str]:
    """The pieces joined into strings of at least `size` characters (the last one shorter). When a
    piece fails to come (the renderer raised), what came before it is given out first and the error
    goes on after it: a report written batch by batch keeps the part already rendered, as it did when
    every piece was written as it came."""
    pending: list[str] = []
    held = 0
    try:
        for chunk in chunks:
            pending.append(chunk)
            held += len(chunk)
            if held >= size:
                yield "".join(pending)
                pending, held = [], 0
    except Exception:
        if pending:
            yield "".join(pending)
        raise
    if pending:
        yield "".join(pending)


def write_report(chunks: Iterable[str], output: str | None) -> None:
    """Write the report's pieces as they come, in batches (BATCH_CHARS): to standard output, to a
    device, a FIFO or a descriptor directly, or atomically to a regular file (whose old content stays
    when rendering fails). OutputError if it cannot be written."""
    data = (encode_report(batch) for batch in batches(chunks))  # (what came before a failing piece too)
    if output is None or output == STDIN:
        _write_stream(data, sys.stdout)
        return
    descriptor = descriptor_of(output)
    if descriptor is not None:
        if descriptor in (1, 2):
            _write_stream(data, sys.stdout if descriptor == 1 else sys.stderr)
        else:
            _write_descriptor(data, descriptor, output)
        return
    check_output_target(output)
    try:
        info = os.stat(output)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputError(f"{output}: cannot write: {(error.strerror or str(error)).lower()}") from None
    try:
        if info is not None and not stat.S_ISREG(info.st_mode):
            fd = os.open(output, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
            with os.fdopen(fd, "wb") as handle:
                for piece in data:
                    handle.write(piece)
            return
        from .atomic import write_atomically  # only a report written to a file (start-up, issue 14)

        write_atomically(output, data)
    except OSError as error:
        raise OutputError(f"{output}: cannot write: {error.strerror or error}") from None


def _write_stream(data: Iterable[bytes], stream) -> None:
    stream.flush()
    binary = getattr(stream, "buffer", None)
    for piece in data:
        if binary is not None:
            binary.write(piece)
        else:  # a text-only stream (a test harness's): UTF-8 text
            stream.write(piece.decode("utf-8"))
    stream.flush()


def _write_descriptor(data: Iterable[bytes], descriptor: int, name: str) -> None:
    try:
        with os.fdopen(os.dup(descriptor), "wb") as handle:
            for piece in data:
                handle.write(piece)
    except OSError as error:
        raise OutputError(f"{name}: cannot write: {error.strerror or error}") from None


__all__ = ["BATCH_CHARS", "OutputError", "batches", "check_output_target", "descriptor_of", "write_report"]
