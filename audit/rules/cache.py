"""A cache of compiled rule sets, so that a run does not parse and compile 300+ rules every time.

The pickle of a compiled RuleSet (its regexes keep their compiled code, its automaton its tables)
is stored under $MTAUDIT_CACHE_DIR, $XDG_CACHE_HOME/mtaudit or ~/.cache/mtaudit, keyed by a hash of
everything the compiled rules depend on: the contents of every rule pack, the source files of the
mtaudit package (size and modification time), the Python, `regex` and `pyahocorasick` versions and
the configuration. Editing a pack changes its hash, so a stale entry is never read. The cache is
never required: an unreadable, corrupt or foreign entry is ignored, a directory that cannot be
written is skipped, and MTAUDIT_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..version import __version__

T = TypeVar("T")

KEEP_ENTRIES = 16  # older entries are removed when a new one is written
_PACKAGE = Path(__file__).resolve().parent.parent


def cache_dir() -> Path | None:
    """Where compiled rule sets are kept, or None when caching is off."""
    if os.environ.get("MTAUDIT_NO_CACHE"):
        return None
    explicit = os.environ.get("MTAUDIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mtaudit"


def _versions() -> str:
    import ahocorasick
    import regex

    modules = []
    for module in (regex, ahocorasick):  # an upgrade replaces the module file
        location = getattr(module, "__file__", None) or ""
        modules.append(f"{location}:{os.stat(location).st_mtime_ns if location else 0}")
    return f"{__version__}|{sys.version}|{regex.__version__}|{'|'.join(modules)}|{pickle.HIGHEST_PROTOCOL}"


def _source_stamp() -> str:
    """Size and modification time of every source file of the package. Taken once, when the package
    is imported: a process that runs the code as it was must not store its rule sets under the key
    of code edited since it started."""
    parts = []
    for root, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                try:
                    info = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                parts.append(f"{root}/{name}|{info.st_size}|{info.st_mtime_ns}")
    return "\n".join(parts)


_SOURCE_STAMP = _source_stamp()


def fingerprint(pack_files: list[Path], config: Any) -> str:
    """The cache key of a rule set built from these pack files with this configuration."""
    digest = hashlib.sha256()
    digest.update(_versions().encode())
    digest.update(repr(config).encode())
    digest.update(_SOURCE_STAMP.encode())
    for pack in pack_files:
        digest.update(f"{pack.resolve()}\n".encode())
        digest.update(hashlib.sha256(pack.read_bytes()).digest())
    return digest.hexdigest()


def _trusted(path: Path) -> bool:
    """An entry written by this user and writable by nobody else."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def cached(key_parts: Callable[[], tuple[list[Path], Any]], build: Callable[[], T]) -> T:
    """`build()`, or the result of an earlier `build()` with the same key, read from the cache."""
    directory = cache_dir()
    if directory is None:
        return build()
    try:
        packs, config = key_parts()
        key = fingerprint(packs, config)
    except Exception:  # a missing pack directory and the like: building reports it
        return build()
    entry = directory / f"rules-{key[:40]}.pickle"
    try:
        if _trusted(entry):
            with entry.open("rb") as handle:
                return pickle.load(handle)
    except Exception:  # missing, unreadable, corrupt, or from another version: rebuild
        pass
    result = build()
    _store(directory, entry, result)
    return result


def _store(directory: Path, entry: Path, value: Any) -> None:
    import tempfile

    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        fd, temporary = tempfile.mkstemp(prefix=".rules-", dir=directory)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
        entries = sorted(directory.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP_ENTRIES:]:
            old.unlink(missing_ok=True)
    except Exception:  # not writable, full, or not picklable: run without the cache
        pass


__all__ = ["cache_dir", "cached", "fingerprint"]
