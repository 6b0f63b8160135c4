"""Reading input: which files a command line names, and their text (UTF-8, or UTF-16 with a BOM)."""

from __future__ import annotations

import codecs
import fnmatch
import os
import sys
from pathlib import Path

DEFAULT_INCLUDE = ("*.txt", "*.md")
STDIN = "-"


class InputError(Exception):
    """A file that cannot be audited; the message is one line and names the file."""


def discover(paths: list[str], include: tuple[str, ...] = DEFAULT_INCLUDE) -> list[str]:
    """Files to audit, in a stable order: files as given, directories searched recursively (hidden
    folders skipped, symbolic links to folders not followed) for files matching `include`.
    A path that does not exist is kept, so that reading it reports the error."""
    found: list[str] = []
    for given in paths:
        if given == STDIN or not os.path.isdir(given):
            found.append(given)
            continue
        matches: list[str] = []
        for root, dirs, files in os.walk(given, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in files:
                if any(fnmatch.fnmatch(name, pattern) for pattern in include):
                    matches.append(os.path.join(root, name))
        found.extend(sorted(matches))
    seen: set[str] = set()
    unique = []
    for path in found:
        if path not in seen:
            seen.add(path)
            unique.append(path)
    return unique


def decode(data: bytes, path: str) -> str:
    """Text of a file's bytes: UTF-8 (a BOM is kept for the document model to remove), or UTF-16/32
    with a BOM. A NUL byte or invalid UTF-8 is an InputError that says where."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _decode_with(data, "utf-32", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_with(data, "utf-16", path)
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(f"{path}: binary file (NUL byte at line {line}); not audited")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start]
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{byte:02x} at line {line}, byte {column}); convert it to UTF-8 first"
        ) from None


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


def max_file_bytes() -> int:
    try:
        return int(float(os.environ.get("MTAUDIT_MAX_FILE_MB", MAX_FILE_MB)) * 1_000_000)
    except ValueError:
        return int(MAX_FILE_MB * 1_000_000)


def _too_large(name: str, size: str, limit: int) -> InputError:
    return InputError(f"{name}: too large ({size}; the limit is {limit / 1e6:g} MB, "
                      "set MTAUDIT_MAX_FILE_MB to change it); not audited")


def _read_limited(handle, name: str) -> bytes:
    """The whole content, or an InputError past the size limit (never more than the limit in memory)."""
    limit = max_file_bytes()
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


def read_bytes(path: str) -> bytes:
    if path == STDIN:
        return _read_limited(sys.stdin.buffer, "<stdin>")
    try:
        with open(path, "rb") as handle:
            return _read_limited(handle, path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(f"{path}: broken symbolic link") from None
        raise InputError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(f"{path}: cannot read: {reason.lower()}") from None


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
    "InputError", "MAX_FILE_MB", "discover", "decode", "read_source", "read_bytes", "encoding_of", "display_path",
    "Path",
]
