"""Reading input: which files a command line names, and their text (UTF-8, or UTF-16 with a BOM)."""

from __future__ import annotations

import codecs
import errno
import fnmatch
import os
import stat
import sys
from pathlib import Path

DEFAULT_INCLUDE = ("*.txt", "*.md")
STDIN = "-"


class InputError(Exception):
    """A file that cannot be audited; the message is one line and names the file."""


class Discovery(list[str]):
    """The files a command line names (a list of paths), with what the walk left out and why."""

    def __init__(self, paths: list[str], skipped: list[str]) -> None:
        super().__init__(paths)
        self.skipped = skipped  # one line each: "path: reason"


def discover(paths: list[str], include: tuple[str, ...] = DEFAULT_INCLUDE) -> Discovery:
    """Files to audit, in a stable order: files as given, directories searched recursively (hidden
    folders skipped, symbolic links to folders not followed) for regular files matching `include`.

    In a directory, anything that is not a regular file (a FIFO, a socket, a device) is left out,
    and so is a symbolic link that leads out of the folders named on the command line (a tree's
    `notes.txt -> /etc/passwd` is neither printed nor fixed); both are listed in `skipped`. A path
    that does not exist and a folder that cannot be listed are kept, so that reading them reports
    the error."""
    found: list[str] = []
    skipped: list[str] = []
    roots = [os.path.realpath(given) for given in paths if given != STDIN and os.path.isdir(given)]
    for given in paths:
        if given == STDIN or not os.path.isdir(given):
            found.append(given)
            continue
        found.extend(_walk(given, include, roots, skipped))
    seen: set[str] = set()
    unique = []
    for path in found:
        if path not in seen:
            seen.add(path)
            unique.append(path)
    return Discovery(unique, skipped)


def _walk(top: str, include: tuple[str, ...], roots: list[str], skipped: list[str]) -> list[str]:
    """The matching files under `top`, sorted (a folder that cannot be listed is kept as a path)."""
    matches: list[str] = []
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            matches.append(folder)  # reading it reports why (read_bytes)
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if not entry.name.startswith("."):
                        pending.append(entry.path)
                    continue
            except OSError:
                continue
            if not any(fnmatch.fnmatch(entry.name, pattern) for pattern in include):
                continue
            reason = _not_lintable(entry, roots)
            if reason:
                skipped.append(f"{display_path(entry.path)}: {reason}; skipped")
            else:
                matches.append(entry.path)
    return sorted(matches)


def _not_lintable(entry: os.DirEntry[str], roots: list[str]) -> str | None:
    """Why a directory entry is left out of a walk, or None."""
    try:
        if entry.is_symlink():
            target = os.path.realpath(entry.path)
            if not within(target, roots):
                return "a symbolic link leading out of the linted folders"
            if not os.path.exists(target):
                return None  # a broken link or a loop: reading it reports the error
            info = os.stat(entry.path)
        else:
            info = entry.stat(follow_symlinks=False)
    except OSError:
        return None  # reading it reports the error
    if not stat.S_ISREG(info.st_mode):
        return f"not a regular file ({file_kind(info.st_mode)})"
    return None


def within(path: str, roots: list[str]) -> bool:
    """Is the resolved `path` inside (or equal to) one of the resolved folders `roots`?"""
    return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    for test, name in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISLNK, "a symbolic link"),
    ):
        if test(mode):
            return name
    return "a special file"


def decode(data: bytes, path: str) -> str:
    """Text of a file's bytes: UTF-8 (a BOM is kept for the document model to remove), or UTF-16/32
    with a BOM. A NUL byte, invalid UTF-8 or more lines than the limit is an InputError that says where."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _check_lines(_decode_with(data, "utf-32", path), path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _check_lines(_decode_with(data, "utf-16", path), path)
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(f"{path}: binary file (NUL byte at line {line}); not audited")
    try:
        return _check_lines(data.decode("utf-8"), path)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start]
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{byte:02x} at line {line}, byte {column}); convert it to UTF-8 first"
        ) from None


MAX_LINES = 200_000  # a news article has a few hundred; MTAUDIT_MAX_LINES changes the limit
MAX_LINES_CEILING = 100_000_000


def max_lines() -> int:
    """The line limit of a file, from MTAUDIT_MAX_LINES; SettingError for a value that is not a
    whole number from 1 to MAX_LINES_CEILING."""
    raw = os.environ.get("MTAUDIT_MAX_LINES")
    if raw is None or not raw.strip():
        return MAX_LINES
    try:
        lines = int(raw)
    except ValueError:
        lines = 0
    if not 0 < lines <= MAX_LINES_CEILING:
        raise SettingError(f"MTAUDIT_MAX_LINES={raw[:40]!r}: not a number of lines from 1 to {MAX_LINES_CEILING:,}")
    return lines


def _check_lines(text: str, path: str) -> str:
    """`text`, or an InputError if it has more lines than the limit: most checks look at every line,
    and a file of millions of short lines (within the size limit) took minutes and gigabytes."""
    try:
        limit = max_lines()
    except SettingError as error:
        raise InputError(f"{path}: {error}") from None
    lines = text.count("\n") + 1
    if "\r" in text:
        lines += text.count("\r") - text.count("\r\n")  # a lone CR ends a line too
    if lines > limit:
        raise InputError(f"{path}: too many lines ({lines:,}; the limit is {limit:,}, "
                         "set MTAUDIT_MAX_LINES to change it); not audited")
    return text


def _decode_with(data: bytes, encoding: str, path: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: invalid {encoding.upper()} at byte {error.start}") from None
    return text.lstrip("\ufeff")


def encoding_of(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8"


MAX_FILE_MB = 16.0  # a news article is a few kilobytes; MTAUDIT_MAX_FILE_MB changes the limit
MAX_FILE_MB_CEILING = 4096.0  # a larger limit is an error in the setting, not a wish


class SettingError(ValueError):
    """An environment variable with a value mtaudit cannot use; the message is one line."""


def max_file_bytes() -> int:
    """The size limit of a file, from MTAUDIT_MAX_FILE_MB (megabytes); SettingError for a value
    that is not a number from 0 to MAX_FILE_MB_CEILING (inf, nan, -1, 1e300)."""
    raw = os.environ.get("MTAUDIT_MAX_FILE_MB")
    if raw is None or not raw.strip():
        return int(MAX_FILE_MB * 1_000_000)
    try:
        megabytes = float(raw)
    except ValueError:
        megabytes = float("nan")
    if not 0 < megabytes <= MAX_FILE_MB_CEILING:  # also false for nan
        raise SettingError(
            f"MTAUDIT_MAX_FILE_MB={raw[:40]!r}: not a size in megabytes from 0 to {MAX_FILE_MB_CEILING:g}"
        )
    return int(megabytes * 1_000_000)


def _too_large(name: str, size: str, limit: int) -> InputError:
    return InputError(f"{name}: too large ({size}; the limit is {limit / 1e6:g} MB, "
                      "set MTAUDIT_MAX_FILE_MB to change it); not audited")


def _limit(name: str) -> int:
    try:
        return max_file_bytes()
    except SettingError as error:
        raise InputError(f"{name}: {error}") from None


def _read_limited(handle, name: str) -> bytes:
    """The whole content, or an InputError past the size limit (never more than the limit in memory)."""
    limit = _limit(name)
    try:
        size = os.fstat(handle.fileno()).st_size
    except (OSError, ValueError, AttributeError):
        size = 0
    if size > limit:
        raise _too_large(name, f"{size / 1e6:.1f} MB", limit)
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise _too_large(name, "more than the limit", limit)
    return data


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def read_regular(path: str) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file and its status when it was read. The file is opened without
    blocking (a FIFO with no writer would block for ever) and checked to be a regular file before a
    byte is read: a FIFO, a device or a socket is an InputError, as is a folder that cannot be listed."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(f"{path}: broken symbolic link") from None
        raise InputError(f"{path}: no such file or directory") from None
    except PermissionError:
        if os.path.isdir(path):
            raise InputError(f"{path}: cannot list the folder: permission denied") from None
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        if error.errno == errno.ENXIO:  # a socket
            raise InputError(f"{path}: not a regular file (a socket); not audited") from None
        reason = error.strerror or str(error)
        raise InputError(f"{path}: cannot read: {reason.lower()}") from None
    with os.fdopen(fd, "rb", buffering=0) as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            try:
                os.scandir(fd).close()
            except PermissionError:
                raise InputError(f"{path}: cannot list the folder: permission denied") from None
            except OSError:
                pass
            raise InputError(f"{path}: is a directory")
        if not stat.S_ISREG(info.st_mode):
            hint = " (use - for standard input)" if stat.S_ISFIFO(info.st_mode) else ""
            raise InputError(f"{path}: not a regular file ({file_kind(info.st_mode)}); not audited{hint}")
        try:
            return _read_all(handle, path), info
        except OSError as error:
            reason = error.strerror or str(error)
            raise InputError(f"{path}: cannot read: {reason.lower()}") from None


def _read_all(handle, name: str) -> bytes:
    """Everything up to the size limit from an unbuffered handle (read() of a raw file may return
    less than asked)."""
    limit = _limit(name)
    size = os.fstat(handle.fileno()).st_size
    if size > limit:
        raise _too_large(name, f"{size / 1e6:.1f} MB", limit)
    chunks = []
    total = 0
    while True:
        chunk = handle.read(min(limit + 1 - total, 1 << 20) or 1)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise _too_large(name, "more than the limit", limit)
    return b"".join(chunks)


def read_bytes(path: str) -> bytes:
    if path == STDIN:
        return _read_limited(sys.stdin.buffer, "<stdin>")
    return read_regular(path)[0]


def read_source(path: str) -> str:
    """The text of a file, or of standard input for '-'."""
    return decode(read_bytes(path), "<stdin>" if path == STDIN else path)


def display_path(path: str) -> str:
    if path == STDIN:
        return "<stdin>"
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


__all__ = [
    "InputError", "MAX_FILE_MB", "Discovery", "SettingError", "discover", "decode", "read_source", "read_bytes",
    "read_regular", "encoding_of", "display_path", "file_kind", "max_file_bytes", "max_lines", "within", "Path",
]
