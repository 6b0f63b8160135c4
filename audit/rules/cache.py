"""A cache of compiled rule sets (and other costly tables), so that a run does not parse and compile
300+ rules every time, which cannot be made to run anyone else's code.

Where: $MTAUDIT_CACHE_DIR, else one folder per environment (Python installation and interpreter
version) under $XDG_CACHE_HOME/mtaudit or ~/.cache/mtaudit, so that environments do not evict each
other's entries; MTAUDIT_NO_CACHE=1 turns it off. The compiled packs are a pickle (their regexes
keep their compiled code, their automaton its tables), and loading a pickle can run code: a cache
folder another user can write (a shared $XDG_CACHE_HOME, MTAUDIT_CACHE_DIR in /tmp) once let them
plant an entry that ran as the next user.
So:

- the folder must be a real folder (not a link) owned by the user, writable by nobody else; it is
  created 0700. Any other folder is not used at all: the run builds what it needs and stores nothing.
- every entry is authenticated: an HMAC-SHA256 with a per-user key (`key` in the folder, 32 random
  bytes, 0600, owned by the user; a key anyone else could have read or written is replaced) over
  the entry's name and content. Only a process of this user that built the value can have written
  it; anything else (a planted pickle, an entry from another key, a truncated file) is rebuilt
  without being unpickled.
- entries are opened relative to the checked folder, without following links, and must be regular
  files of the user; an entry of the wrong type is rebuilt, never trusted.

Keys of entries hash everything the value depends on: the contents of every rule pack, the source
files of the mtaudit package (size and modification time), the Python, `regex` and `pyahocorasick`
versions and the configuration. Entries are evicted by last use (a read touches the entry). The
cache is never required: any failure means building without it.
"""

from __future__ import annotations

import _sre
import copyreg
import functools
import gc
import hashlib
import hmac
import io
import marshal
import os
import pickle
import re
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import regex
from regex import _regex

from ..text.lazy import MadeWhenUsed
from ..version import __version__

T = TypeVar("T")

KEEP_ENTRIES = 16  # entries of one kind kept, the most recently used
MAGIC = b"mtaudit-cache-1\n"
KEY_NAME = "key"
KEY_BYTES = 32
MAC_BYTES = 32  # HMAC-SHA256
MAX_ENTRY_BYTES = 512 * 1024 * 1024
_PACKAGE = Path(__file__).resolve().parent.parent
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_MISSING = object()
_regex_compile = _regex.compile  # what a `regex` pattern's pickle calls to make it again


def cache_dir() -> Path | None:
    """Where compiled rule sets are kept, or None when caching is off."""
    if os.environ.get("MTAUDIT_NO_CACHE"):
        return None
    explicit = os.environ.get("MTAUDIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mtaudit" / environment_folder()


def environment_folder() -> str:
    """The name of this environment's folder: a digest of its prefix and the interpreter's version."""
    digest = hashlib.sha256(f"{sys.prefix}\0{sys.version}".encode()).hexdigest()
    return f"env-{digest[:16]}"


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
        digest.update(f"{os.path.realpath(pack)}\n".encode())  # Path.resolve's path, without its Path objects
        digest.update(hashlib.sha256(pack.read_bytes()).digest())
    return digest.hexdigest()


def _user() -> int | None:
    return os.geteuid() if hasattr(os, "geteuid") else None


def _private(info: os.stat_result, group_other_bits: int) -> bool:
    """Owned by this user, and none of `group_other_bits` set."""
    user = _user()
    return (user is None or info.st_uid == user) and not info.st_mode & group_other_bits


class CacheFolder:
    """The checked cache folder, held open (every entry is opened relative to it, so the folder
    cannot be swapped for another between the check and the use), and the user's key."""

    def __init__(self, fd: int, key: bytes) -> None:
        self.fd = fd
        self.key = key

    @classmethod
    def open(cls, directory: Path) -> CacheFolder | None:
        """The folder (created 0700 if missing) if it is safe to use (see the module's docstring), else None."""
        try:
            directory.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.mkdir(directory, 0o700)
        except FileExistsError:
            pass
        except OSError:
            return None
        try:
            fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NOFOLLOW | _CLOEXEC)
        except OSError:
            return None  # missing, a symbolic link, or not ours to open
        try:
            info = os.fstat(fd)
            if not stat.S_ISDIR(info.st_mode) or not _private(info, stat.S_IWGRP | stat.S_IWOTH):
                raise PermissionError("a cache folder another user owns or can write")
            key = cls._key(fd)
            if key is None:
                raise PermissionError("no usable key")
        except OSError:
            os.close(fd)
            return None
        return cls(fd, key)

    @staticmethod
    def _read_key(fd: int) -> bytes | None:
        try:
            key_fd = os.open(KEY_NAME, os.O_RDONLY | _NOFOLLOW | _CLOEXEC | os.O_NONBLOCK, dir_fd=fd)
        except OSError:
            return None
        try:
            info = os.fstat(key_fd)
            if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1 or not _private(info, 0o077):
                return None  # a key someone else could have read or written
            key = os.read(key_fd, KEY_BYTES + 1)
            return key if len(key) == KEY_BYTES else None
        finally:
            os.close(key_fd)

    @classmethod
    def _key(cls, fd: int) -> bytes | None:
        """The user's key, made (or remade, replacing an untrustworthy one) when needed."""
        key = cls._read_key(fd)
        if key is not None:
            return key
        import secrets  # making a key or an entry only: a run that reads the cache does not import it

        fresh = secrets.token_bytes(KEY_BYTES)
        temporary = f".key.{os.getpid()}.{secrets.token_hex(4)}"
        key_fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600, dir_fd=fd)
        try:
            os.write(key_fd, fresh)
            os.fsync(key_fd)
        finally:
            os.close(key_fd)
        try:
            os.link(temporary, KEY_NAME, src_dir_fd=fd, dst_dir_fd=fd)  # fails if another run made one
        except FileExistsError:
            if cls._read_key(fd) is None:  # an untrustworthy key: replace it
                os.replace(temporary, KEY_NAME, src_dir_fd=fd, dst_dir_fd=fd)
                return fresh
        finally:
            try:
                os.unlink(temporary, dir_fd=fd)
            except FileNotFoundError:
                pass
        return cls._read_key(fd)

    def close(self) -> None:
        os.close(self.fd)

    def _mac(self, name: str, payload: bytes | memoryview) -> bytes:
        mac = hmac.new(self.key, name.encode() + b"\0", hashlib.sha256)
        mac.update(payload)  # the payload as it lies: a copy of a 3 MB entry cost more than its digest
        return mac.digest()

    def load(self, name: str, accept: Callable[[Any], bool]) -> Any:
        """The value stored under `name`, or _MISSING: missing, not a private regular file, not
        authenticated by this user's key, or not accepted (the wrong type)."""
        try:
            entry_fd = os.open(name, os.O_RDONLY | _NOFOLLOW | _CLOEXEC | os.O_NONBLOCK, dir_fd=self.fd)
        except OSError:
            return _MISSING
        try:
            info = os.fstat(entry_fd)
            if not stat.S_ISREG(info.st_mode) or not _private(info, stat.S_IWGRP | stat.S_IWOTH):
                return _MISSING
            if info.st_size > MAX_ENTRY_BYTES:
                return _MISSING
            # Read, not mapped: mapping saved some 1.5 ms on a one-file lint, but a mapped entry that
            # another program truncates while it is read kills the process (SIGBUS); a read one is rebuilt.
            with os.fdopen(os.dup(entry_fd), "rb") as handle:
                data = handle.read(info.st_size + 1)  # read(n) allocates n bytes first: the size, not the bound
            value = self._authenticated(name, data)
            if value is _MISSING or not accept(value):
                return _MISSING
            try:
                os.utime(entry_fd)  # last use, for eviction
            except OSError:
                pass
            return value
        except Exception:  # unreadable, truncated, or from another version of a class: rebuild
            return _MISSING
        finally:
            os.close(entry_fd)

    def _authenticated(self, name: str, data: bytes) -> Any:
        """The value an entry's bytes hold, or _MISSING when they are not authenticated by this user's
        key (never unpickled then)."""
        header = len(MAGIC) + MAC_BYTES
        if len(data) < header or data[: len(MAGIC)] != MAGIC:
            return _MISSING
        with memoryview(data) as whole, whole[header:] as payload:
            if not hmac.compare_digest(data[len(MAGIC) : header], self._mac(name, payload)):
                return _MISSING
            return _unpickle(payload)

    def store(self, name: str, value: Any, keep: int = KEEP_ENTRIES) -> None:
        """Store `value` under `name` (atomically), then evict the least recently used entries of
        the same kind (the name's prefix up to its first '-') beyond `keep`."""
        import secrets

        payload = _pickle(value)
        temporary = f".{name}.{os.getpid()}.{secrets.token_hex(4)}"
        entry_fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600,
                           dir_fd=self.fd)
        try:
            with os.fdopen(entry_fd, "wb") as handle:
                handle.write(MAGIC + self._mac(name, payload) + payload)
            os.replace(temporary, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)
        except BaseException:
            try:
                os.unlink(temporary, dir_fd=self.fd)
            except FileNotFoundError:
                pass
            raise
        self._evict(name.split("-", 1)[0] + "-", keep)

    def _evict(self, prefix: str, keep: int) -> None:
        entries = []
        with os.scandir(self.fd) as listing:
            for entry in listing:
                if entry.name.startswith(prefix) and entry.is_file(follow_symlinks=False):
                    entries.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.name))
        for _, old in sorted(entries, reverse=True)[keep:]:
            try:
                os.unlink(old, dir_fd=self.fd)
            except OSError:
                pass


class LazyPattern(MadeWhenUsed):
    """A compiled `regex` pattern of a cached entry, made again when it is first used. An entry holds
    some 900 patterns, and a one-file lint uses from a few dozen to some 400 of them: making every
    one of them at load time was half the cost of loading the compiled packs (13 of 25 ms). The
    pattern's state (what `regex` pickles: its source, flags and compiled code) is kept as marshal
    bytes, which load as one object; the first attribute looked up (`finditer`, `pattern` …) makes
    the pattern, and each attribute is then kept on this object, so later look-ups cost what a
    pattern's own do. It pickles as itself (still lazy)."""

    def __init__(self, state: bytes) -> None:
        self._state = state

    def _make(self) -> Any:
        return _regex_compile(*marshal.loads(self._state))

    def __reduce__(self) -> tuple[Any, tuple[bytes]]:
        return LazyPattern, (self._state,)

    def __repr__(self) -> str:
        return f"LazyPattern({marshal.loads(self._state)[0]!r})"


def regex_state(pattern: regex.Pattern) -> tuple[Any, ...] | None:
    """What `regex` pickles a compiled pattern as (the arguments of its `_regex.compile`: source,
    flags and compiled code), or None when it pickles it some other way."""
    constructor, state = copyreg.dispatch_table[regex.Pattern](pattern)
    return state if constructor is _regex_compile else None


def stdlib_state(pattern: str, flags: int) -> bytes | None:
    """What Python's `re` makes a compiled pattern from, as marshal bytes (its source, flags, code and
    group tables), or None where they cannot be read: the arguments of `_sre.compile`, as
    `re._compiler.compile` builds them. Parsing a pattern and generating its code is the part of
    `re.compile` written in Python, a few tenths of a millisecond a pattern; `stdlib_compile` makes the
    pattern from these bytes in C. The layout is the interpreter's own (a cache entry is keyed by the
    Python version); where it is not what this code expects, the caller compiles as usual."""
    if not _stdlib_states_work():
        return None
    try:
        return marshal.dumps(_stdlib_arguments(pattern, flags))
    except Exception:  # noqa: BLE001  (an interpreter whose re internals differ: compile as usual)
        return None


def stdlib_compile(state: bytes) -> re.Pattern:
    """The `re` pattern of `stdlib_state`'s bytes."""
    return _sre.compile(*marshal.loads(state))


def _stdlib_arguments(pattern: str, flags: int) -> tuple[Any, ...]:
    parsed = re._parser.parse(pattern, flags)  # type: ignore[attr-defined]
    code = [int(word) for word in re._compiler._code(parsed, flags)]  # type: ignore[attr-defined]  (named ints)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return pattern, int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


_STDLIB_PROBE = r"(?P<word>\w+)[.,;]?(?:\s|(?<=x)y)\1"


@functools.cache
def _stdlib_states_work() -> bool:
    """Does this interpreter make from `_stdlib_arguments` the pattern `re.compile` makes (compared as
    `re` compares patterns: source, flags and code)?"""
    try:
        for flags in (re.UNICODE, re.IGNORECASE | re.MULTILINE | re.UNICODE):
            if _sre.compile(*_stdlib_arguments(_STDLIB_PROBE, flags)) != re.compile(_STDLIB_PROBE, flags):
                return False
        return True
    except Exception:  # noqa: BLE001
        return False


class _Pickler(pickle.Pickler):
    """Pickles `regex` patterns as LazyPatterns (their state as marshal bytes); the rest as pickle does."""

    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is regex.Pattern:
            state = regex_state(obj)
            if state is not None:
                return LazyPattern, (marshal.dumps(state),)
        return NotImplemented


def _pickle(value: Any) -> bytes:
    out = io.BytesIO()
    _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return out.getvalue()


# Whether this process froze objects itself (gc.freeze) and said so (`mark_process_frozen`): the command
# line does, after its imports (audit/__main__.py). Asking instead (gc.get_freeze_count) walks every
# frozen object, some 33,000 there: 2.5-2.9 ms of a one-file lint.
_process_frozen = False


def mark_process_frozen() -> None:
    """Say that this process froze objects itself (gc.freeze), so that `_unpickle` leaves what it
    loads where it is without counting the frozen objects."""
    global _process_frozen
    _process_frozen = True


def _unpickle(payload: memoryview) -> Any:
    """pickle.loads without the cyclic garbage collector: the compiled packs are some 40,000 objects,
    none of them garbage, and the collections their allocation sets off cost a third of the load.
    The loaded objects then go straight to the collector's oldest generation (gc.freeze moves every
    tracked object to the permanent generation, gc.unfreeze moves them all to the oldest): left in the
    youngest, the next two collections scanned all of them (2-4 ms of a one-file lint). Other objects
    of the process move with them, which only means that garbage among them waits for a full
    collection. Not where the process froze objects itself (unfreezing would release them): there
    the loaded objects stay in the youngest generation (the command line's first generation holds
    100,000 objects, so a one-file lint runs no collection)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        value = pickle.loads(payload)
        if not _process_frozen and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        return value
    finally:
        if collecting:
            gc.enable()


def cached_value(name: str, build: Callable[[], T], accept: Callable[[Any], bool], keep: int = KEEP_ENTRIES) -> T:
    """`build()`, or the value an earlier `build()` stored under `name` (an entry name: letters,
    digits, '-', '.'; the part before the first '-' is its kind), if `accept` takes it."""
    directory = cache_dir()
    folder = CacheFolder.open(directory) if directory is not None else None
    if folder is None:
        return build()
    try:
        value = folder.load(name, accept)
        if value is not _MISSING:
            return value
        result = build()
        try:
            folder.store(name, result, keep)
        except Exception:  # full, or not picklable: run without the cache
            pass
        return result
    finally:
        folder.close()


def cached(key_parts: Callable[[], tuple[list[Path], Any]], build: Callable[[], T], expected: type | None = None) -> T:
    """`build()`, or the result of an earlier `build()` with the same key, read from the cache (an
    instance of `expected`, when given)."""
    try:
        packs, config = key_parts()
        key = fingerprint(packs, config)
    except Exception:  # a missing pack directory and the like: building reports it
        return build()
    accept = (lambda value: isinstance(value, expected)) if expected is not None else (lambda value: True)
    return cached_value(f"rules-{key[:40]}.pickle", build, accept)


__all__ = [
    "CacheFolder", "LazyPattern", "cache_dir", "cached", "cached_value", "environment_folder", "fingerprint",
    "stdlib_compile", "stdlib_state",
]
