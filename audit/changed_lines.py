"""--changed-since REV: keep only the findings on lines changed against a git revision (the working
tree as it is, staged and unstaged changes alike; an untracked file counts as changed throughout)."""

from __future__ import annotations

import functools
import os
import re
from typing import TYPE_CHECKING

from .finding import Finding
from .text.lazy import lazy_compile

if TYPE_CHECKING:
    import subprocess

_HUNK = lazy_compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


class GitError(Exception):
    """git cannot answer: not a repository, an unknown revision, git missing. One line."""


def _git(folder: str, *args: str) -> subprocess.CompletedProcess[str]:
    import subprocess  # only a run with --changed-since starts git (4 ms of every start-up otherwise)

    try:
        return subprocess.run(
            ["git", "-C", folder, *args], capture_output=True, text=True, encoding="utf-8", errors="replace"
        )
    except FileNotFoundError:
        raise GitError("--changed-since needs git, which is not installed") from None


@functools.lru_cache(maxsize=64)
def _verified(folder: str, revision: str) -> str:
    """The repository root of `folder`, after checking that `revision` names a commit there."""
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise GitError(f"{folder}: not in a git repository (--changed-since compares with a git revision)")
    check = _git(folder, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if check.returncode != 0:
        raise GitError(f"--changed-since: unknown revision {revision!r} in {top.stdout.strip()}")
    return top.stdout.strip()


def changed_lines(path: str, revision: str) -> set[int] | None:
    """1-based lines of `path` added or changed since `revision`; None when the whole file is new."""
    if path == "-":
        raise GitError("--changed-since needs files, not standard input")
    folder = os.path.dirname(os.path.abspath(path))
    name = os.path.basename(path)
    _verified(folder, revision)
    if _git(folder, "ls-files", "--error-unmatch", "--", name).returncode != 0:
        return None  # untracked: every line is new
    diff = _git(folder, "diff", "--no-color", "--no-ext-diff", "--unified=0", revision, "--", name)
    if diff.returncode != 0:
        raise GitError(f"{path}: git diff failed: {diff.stderr.strip().splitlines()[-1] if diff.stderr else ''}")
    lines: set[int] = set()
    for match in _HUNK.finditer(diff.stdout):
        start, count = int(match.group(1)), int(match.group(2) or 1)
        lines.update(range(start, start + count))
    return lines


def on_changed_lines(finding: Finding, lines: set[int] | None) -> bool:
    """Does the finding touch a changed line? (Everything does when the file is new.)"""
    if lines is None:
        return True
    return any(line in lines for line in range(finding.line, max(finding.line, finding.end_line) + 1))


__all__ = ["GitError", "changed_lines", "on_changed_lines"]
