"""--fix and --diff: apply the safe fixes of a file's findings, keeping everything else as it was.

Fixes are applied to the file's own text (its encoding, byte-order mark and line endings kept),
never two that overlap; the file is audited again and fixed again until nothing
safe is left to fix (at most MAX_PASSES), so that a second run changes nothing.
"""

from __future__ import annotations

import codecs
import difflib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace

from .atomic import write_atomically
from .config import Config
from .document import Document
from .engine import FileReport, RuleSet, audit_document_text
from .finding import Finding
from .sources import InputError, decode, display_path, encoding_of, read_bytes

MAX_PASSES = 10
FindingFilter = Callable[[Finding], bool]


@dataclass
class FixResult:
    report: FileReport  # what remains after fixing
    original: str  # the file's text as read (line endings and BOM included)
    fixed: str
    applied: int = 0

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        name = display_path(self.report.path)
        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True),
            self.fixed.splitlines(keepends=True),
            fromfile=name if os.path.isabs(name) else f"a/{name}",
            tofile=name if os.path.isabs(name) else f"b/{name}",
        )
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def safe_fixes(findings: list[Finding], keep: FindingFilter | None = None) -> list[Finding]:
    """The findings with a safe fix, in order, leaving out any that overlaps an earlier one."""
    chosen: list[Finding] = []
    for finding in sorted(findings, key=Finding.sort_key):
        if not (finding.fix and finding.fix.safe) or (keep is not None and not keep(finding)):
            continue
        if chosen and finding.start < chosen[-1].end:
            continue
        if finding.fix.replacement == finding.text:
            continue
        chosen.append(finding)
    return chosen


def apply_fixes(raw: str, doc: Document, fixes: list[Finding]) -> str:
    """`raw` (the text `doc` was built from) with the fixes applied. An offset in
    ``doc.text`` maps to `raw` by adding the byte-order mark and the CRs of the CRLFs before its line."""
    carriage_returns = [0]  # before each line
    for ending in doc.line_endings:
        carriage_returns.append(carriage_returns[-1] + (ending == "\r\n"))
    bom = 1 if doc.had_bom else 0

    def raw_offset(offset: int) -> int:
        line = doc.line_of(offset)
        return offset + bom + (carriage_returns[line] if line < len(carriage_returns) else carriage_returns[-1])

    pieces: list[str] = []
    cursor = 0
    for finding in sorted(fixes, key=Finding.sort_key):  # non-overlapping (safe_fixes)
        assert finding.fix is not None
        start, end = raw_offset(finding.start), raw_offset(finding.end)
        pieces += [raw[cursor:start], finding.fix.replacement]
        cursor = end
    pieces.append(raw[cursor:])
    return "".join(pieces)


def fix_text(raw: str, path: str, config: Config, ruleset: RuleSet, keep: FindingFilter | None = None) -> FixResult:
    """Fix a text until no safe fix is left; the report is that of the fixed text."""
    text = raw
    applied = 0
    findings_only = replace(config, scores=False)  # the passes need findings; scores come once, at the end
    report = audit_document_text(text, path, findings_only, ruleset)
    for _ in range(MAX_PASSES):
        fixes = safe_fixes(report.findings, keep)
        if not fixes or report.document is None:
            break
        text = apply_fixes(text, report.document, fixes)
        applied += len(fixes)
        report = audit_document_text(text, path, findings_only, ruleset)
    if config.scores:
        report = audit_document_text(text, path, config, ruleset)
    return FixResult(report=report, original=raw, fixed=text, applied=applied)


def fix_file(
    path: str, config: Config, ruleset: RuleSet, write: bool = True, keep: FindingFilter | None = None
) -> FixResult:
    """Fix one file; write it back (atomically, same encoding and mode) when `write` and it changed."""
    try:
        data = read_bytes(path)
        raw = decode(data, path)
    except InputError as error:
        return FixResult(report=FileReport(path=path, error=str(error)), original="", fixed="")
    result = fix_text(raw, path, config, ruleset, keep)
    if write and result.changed:
        try:
            write_atomically(path, encode_like(result.fixed, data))
        except OSError as error:
            result.report.error = f"{path}: cannot write the fixes: {error.strerror or error}"
    return result


def encode_like(text: str, original: bytes) -> bytes:
    """Encode text as the original bytes were: UTF-8 (its BOM is part of the text), or UTF-16/32
    with the same byte-order mark."""
    encoding = encoding_of(original)
    if encoding == "utf-8":
        return text.encode("utf-8")
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if original.startswith(bom):
            return bom + text.encode(codec)
    return text.encode(encoding)


__all__ = ["FixResult", "safe_fixes", "apply_fixes", "fix_text", "fix_file", "encode_like"]
