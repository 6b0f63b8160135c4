"""--fix and --diff: apply the fixes of a text's findings, keeping everything else as it was.

Which fixes: the `safe` ones, and with `unsafe` (--unsafe-fixes) the `unsafe` ones too; a
`display-only` fix is never applied (audit/finding.py). Fixes are applied to the file's own text
(its encoding, byte-order mark and line endings kept), never two that overlap; the text is linted
and fixed again until nothing applicable is left (at most MAX_PASSES), so that a second run changes
nothing. The last pass's result is what remains, for the report.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Sequence

from .config import Config
from .document import Document
from .engine import Linted, RuleSet, lint
from .finding import Finding
from .hits import Producer
from .report import FixOutcome
from .sources import encoding_of

MAX_PASSES = 10
FindingFilter = Callable[[Finding], bool]


def chosen_fixes(findings: Sequence[Finding], keep: FindingFilter | None = None, unsafe: bool = False) -> list[Finding]:
    """The findings whose fix applies, in order, leaving out any that overlaps an earlier one."""
    chosen: list[Finding] = []
    for finding in sorted(findings, key=Finding.sort_key):
        if not (finding.fix and finding.fix.applies(unsafe)) or (keep is not None and not keep(finding)):
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
    for finding in sorted(fixes, key=Finding.sort_key):  # non-overlapping (chosen_fixes)
        assert finding.fix is not None
        start, end = raw_offset(finding.start), raw_offset(finding.end)
        pieces += [raw[cursor:start], finding.fix.replacement]
        cursor = end
    pieces.append(raw[cursor:])
    return "".join(pieces)


def fix_text(
    raw: str,
    path: str,
    config: Config,
    ruleset: RuleSet,
    producers: Sequence[Producer] = (),
    keep: FindingFilter | None = None,
    unsafe: bool = False,
) -> tuple[FixOutcome, Linted]:
    """Fix a text until no applicable fix is left: what was done, and the fixed text's lint."""
    text = raw
    applied: list[Finding] = []
    linted = lint(Document.from_text(text, path=path, markup=config.markup), ruleset, config, producers)
    for _ in range(MAX_PASSES):
        fixes = chosen_fixes(linted.findings, keep, unsafe)
        if not fixes:
            break
        text = apply_fixes(text, linted.document, fixes)
        applied += fixes
        linted = lint(Document.from_text(text, path=path, markup=config.markup), ruleset, config, producers)
    return FixOutcome(original=raw, fixed=text, applied=tuple(applied)), linted


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


__all__ = ["MAX_PASSES", "apply_fixes", "chosen_fixes", "encode_like", "fix_text"]
