"""The rule packs of a rule directory, found by a walk that cannot run away.

A rule directory (`--rules DIR`, `rule-dirs` in a configuration file) is a folder of a few TOML
packs. `rule-dirs = ["/"]` once walked the whole filesystem, /proc included, and loaded any
`*.toml`: a system folder or the home folder is refused outright, and the walk stops with an error
past MAX_ENTRIES entries or MAX_DEPTH levels; it skips hidden folders, follows no link to a folder,
stays on one filesystem and takes regular files only (a FIFO named `x.toml` would block the read).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import RuleError

MAX_ENTRIES = 5_000  # a folder of rule packs holds a few dozen files
MAX_DEPTH = 6
SYSTEM_FOLDERS = frozenset(
    "/ /bin /boot /dev /etc /home /lib /lib32 /lib64 /media /mnt /opt /proc /root /run /sbin /snap /srv /sys "
    "/tmp /usr /usr/bin /usr/lib /usr/local /usr/share /var /var/tmp /private /private/tmp /System /Users /Library "
    "/Applications /Volumes".split()
)


def not_a_rule_dir(directory: Path) -> str | None:
    """Why `directory` cannot be a rule directory (missing, not a folder, a system or home folder), or None."""
    try:
        info = os.stat(directory)
    except FileNotFoundError:
        return "is not a folder (not found)"
    except OSError as error:
        return f"cannot open the rule directory: {(error.strerror or str(error)).lower()}"
    if not stat.S_ISDIR(info.st_mode):
        return "is not a folder"
    real = os.path.realpath(directory)
    home = os.path.realpath(os.path.expanduser("~"))
    if real in SYSTEM_FOLDERS or real == home:
        what = "your home folder" if real == home else "a system folder"
        return f"{what}, not a folder of rule packs (name the folder that holds the .toml packs)"
    return None


def rule_pack_files(directory: Path) -> list[Path]:
    """The `*.toml` packs under `directory`, sorted; RuleError (one line, naming the folder) if it
    is not a folder of rule packs."""
    reason = not_a_rule_dir(directory)
    if reason:
        raise RuleError(f"{directory}: {reason}")
    device = os.stat(directory).st_dev
    packs: list[Path] = []
    seen = 0
    pending: list[tuple[str, int]] = [(str(directory), 0)]
    while pending:
        folder, depth = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            reason = (error.strerror or str(error)).lower()
            raise RuleError(f"{folder}: cannot list the rule directory: {reason}") from None
        seen += len(entries)
        if seen > MAX_ENTRIES:
            raise RuleError(f"{directory}: holds more than {MAX_ENTRIES:,} files and folders: "
                            "not a folder of rule packs")
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.stat(follow_symlinks=False).st_dev != device:
                        continue  # another filesystem (a mount point, /proc under /)
                    if depth + 1 > MAX_DEPTH:
                        raise RuleError(f"{directory}: folders nested more than {MAX_DEPTH} deep: "
                                        "not a folder of rule packs")
                    pending.append((entry.path, depth + 1))
                elif entry.name.endswith(".toml") and entry.is_file(follow_symlinks=True):
                    packs.append(Path(entry.path))
            except OSError:
                continue  # a broken link or a file gone meanwhile: not a pack
    return sorted(packs)


__all__ = ["MAX_ENTRIES", "MAX_DEPTH", "not_a_rule_dir", "rule_pack_files"]
