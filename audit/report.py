"""What a run gives back: one FileReport per input and the Report over them (the one thing every
reporter renders). Both are complete when made: nothing patches them afterwards."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import field
from typing import TYPE_CHECKING, Any

from .finding import SEVERITY_RANK, Finding
from .rules.model import Rule
from .sources import display_path
from .tally import fails_on_verdict, verdict_tally
from .text.dataclass_code import dataclass

if TYPE_CHECKING:  # a run without scores does not import the scoring package (issue 14)
    from .scoring.model import Scores


@dataclass(frozen=True)
class FixOutcome:
    """What --fix or --diff did (or would do) to one input."""

    original: str  # the text as read (line endings and BOM included)
    fixed: str
    applied: tuple[Finding, ...] = ()  # the fixes applied, each as the finding it fixed (first pass's text)
    written: bool = False  # the fixed text was written back to the file
    unlisted: int = 0  # fixes applied beyond those listed in `applied` (a dense file: audit/limits.py)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self, path: str) -> str:
        """A unified diff from the original to the fixed text."""
        import difflib  # only for --diff: a lint does not import it (start-up)

        name = display_path(path)
        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True),
            self.fixed.splitlines(keepends=True),
            fromfile=name if os.path.isabs(name) else f"a/{name}",
            tofile=name if os.path.isabs(name) else f"b/{name}",
        )
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


@dataclass(frozen=True)
class FileReport:
    """One input: its findings (and signals), or the error that stopped it; its scores."""

    path: str
    findings: tuple[Finding, ...] = ()
    signals: tuple[Finding, ...] = ()
    error: str | None = None
    warnings: tuple[str, ...] = ()
    scores: Scores | None = None
    document: Any = field(default=None, repr=False)  # the Document (or its excerpts): reporters quote lines
    fail_on: str | None = None  # this file's configured level (else the report's)
    fix: FixOutcome | None = None

    @property
    def verdict(self) -> str | None:
        return self.scores.verdict if self.scores is not None else None

    def to_dict(self, signals: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {"path": self.path, "findings": [f.to_dict() for f in self.findings]}
        if signals:
            data["signals"] = [f.to_dict() for f in self.signals]
        if self.error:
            data["error"] = self.error
        if self.warnings:
            data["warnings"] = list(self.warnings)
        if self.scores is not None:
            data["scores"] = self.scores.to_dict()
            data["verdict"] = self.verdict
        return data


@dataclass(frozen=True)
class Report:
    files: tuple[FileReport, ...]
    fail_on: str = "minor"
    rules: Mapping[str, Rule] = field(default_factory=dict, repr=False)  # id -> rule (the registry), for reporters
    show_signals: bool = False  # list the signals (lint --signals)
    fix_mode: str | None = None  # "fix" or "diff" when the run fixed or showed fixes
    fail_on_verdict: str | None = None  # also fail when an article's verdict is at least this
    notes: tuple[str, ...] = ()  # lines for standard error about the run (a baseline's entries no longer found)

    @property
    def findings(self) -> list[Finding]:
        return [f for file in self.files for f in file.findings]

    @property
    def signals(self) -> list[Finding]:
        return [f for file in self.files for f in file.signals]

    @property
    def fixes(self) -> int:
        """How many fixes were applied (or, with --diff, would be)."""
        return sum(len(file.fix.applied) + file.fix.unlisted for file in self.files if file.fix is not None)

    def summary(self) -> dict[str, Any]:
        by_severity = {s: 0 for s in SEVERITY_RANK}
        by_category: dict[str, int] = {}
        for finding in self.findings:
            by_severity[finding.severity] += 1
            by_category[finding.category] = by_category.get(finding.category, 0) + 1
        data: dict[str, Any] = {
            "files": len(self.files),
            "files_with_errors": sum(1 for f in self.files if f.error),
            "findings": len(self.findings),
            "by_severity": by_severity,
            "by_category": dict(sorted(by_category.items())),
            "by_verdict": verdict_tally(self.files),
            "fail_on": self.fail_on,
            "fail_on_verdict": self.fail_on_verdict,
            "failed": self.failed(),
        }
        if self.show_signals:
            data["signals"] = len(self.signals)
        if self.fix_mode is not None:
            data["fixes"] = self.fixes
            data["files_fixed"] = sum(1 for f in self.files if f.fix is not None and f.fix.changed)
        return data

    def failed(self) -> bool:
        return any(
            f.rank >= SEVERITY_RANK[file.fail_on or self.fail_on] for file in self.files for f in file.findings
        ) or any(fails_on_verdict(file.verdict, self.fail_on_verdict) for file in self.files)

    def exit_code(self) -> int:
        """2: an input could not be read or written; with --diff, 1 when a fix is pending; else 1 when a
        finding is at or above its file's fail-on level, or a verdict at or above `fail_on_verdict`."""
        if any(f.error for f in self.files):
            return 2
        if self.fix_mode == "diff":
            return int(self.fixes > 0)
        return 1 if self.failed() else 0


__all__ = ["FileReport", "FixOutcome", "Report"]
