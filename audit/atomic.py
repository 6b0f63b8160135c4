"""Writing a file atomically: a temporary file in the same folder, then a rename over the target, so a
reader never sees half a file and a failed write leaves the old one.

The replacement keeps the file's permissions, owner and group. With `expect` (the state of the file
when it was read), the target is checked again just before the rename and left untouched if it
changed meanwhile (TargetChanged). A temporary file is removed on any failure; one left by a process
that was killed (SIGKILL cannot be caught) is removed by the next write into the same folder, once
its process is gone: the process id is part of its name.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable

from .text.dataclass_code import dataclass

TEMP_SUFFIX = ".mtaudit-tmp"


class TargetChanged(OSError):
    """The target is no longer the file that was read (edited, replaced, re-linked or re-moded)."""


class OwnerNotKept(OSError):
    """The replacement could not be given the original file's owner and group."""


@dataclass(frozen=True)
class FileState:
    """What identifies a file's content and metadata: a change to any means it is not the file read."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int

    @classmethod
    def of(cls, info: os.stat_result) -> FileState:
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def temporary_name(target: str) -> str:
    """A hidden name beside `target` that says whose it is: .NAME.PID.RANDOM.mtaudit-tmp"""
    import secrets  # only when a file is written: a lint to standard output does not import it (start-up)

    folder, name = os.path.split(target)
    return os.path.join(folder, f".{name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


def remove_stale_temporaries(target: str) -> list[str]:
    """Remove the temporary files of `target` left by processes that no longer run; return them."""
    folder, name = os.path.split(target)
    prefix = f".{name}."
    removed: list[str] = []
    try:
        with os.scandir(folder or ".") as listing:
            candidates = [e for e in listing if e.name.startswith(prefix) and e.name.endswith(TEMP_SUFFIX)]
    except OSError:
        return removed
    for entry in candidates:
        pid_text = entry.name[len(prefix) : -len(TEMP_SUFFIX)].split(".")[0]
        if not pid_text.isdigit() or _running(int(pid_text)):
            continue
        try:
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(entry.path)
        except OSError:
            continue
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def write_atomically(path: str, data: bytes | Iterable[bytes], expect: FileState | None = None) -> None:
    """Replace `path` (through a symbolic link, if it is one) with `data` (bytes, or pieces written
    as they come), keeping an existing file's permissions, owner and group; a new file gets the
    usual permissions (0666 less the umask). With `expect`, raise TargetChanged and leave the file
    as it is if it no longer matches. Raises OwnerNotKept rather than change a file's owner."""
    target = os.path.realpath(path)
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None:
        mode = stat.S_IMODE(existing.st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    remove_stale_temporaries(target)
    temporary = temporary_name(target)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in [data] if isinstance(data, bytes | bytearray) else data:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
            if existing is not None:
                _keep_owner(handle.fileno(), existing)
            os.fchmod(handle.fileno(), mode)
        if expect is not None:
            try:
                now = FileState.of(os.stat(target, follow_symlinks=False))
            except FileNotFoundError:
                raise TargetChanged(f"{path} was removed") from None
            if now != expect:
                raise TargetChanged(f"{path} changed")
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def _keep_owner(fd: int, original: os.stat_result) -> None:
    written = os.fstat(fd)
    if (written.st_uid, written.st_gid) == (original.st_uid, original.st_gid):
        return
    try:
        os.fchown(fd, original.st_uid, original.st_gid)
    except PermissionError:
        raise OwnerNotKept(f"cannot keep the owner and group ({original.st_uid}:{original.st_gid})") from None


__all__ = [
    "FileState", "OwnerNotKept", "TargetChanged", "TEMP_SUFFIX", "remove_stale_temporaries", "temporary_name",
    "write_atomically",
]
