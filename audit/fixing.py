"""--fix and --diff: apply the fixes of a text's findings, keeping everything else as it was.

Which fixes: the `safe` ones, and with `unsafe` (--unsafe-fixes) the `unsafe` ones too; a
`display-only` fix is never applied (audit/finding.py). Fixes are applied to the file's own text
(its encoding, byte-order mark and line endings kept), never two that overlap; the text is linted
and fixed again until nothing applicable is left (within max_passes(text), a bound that grows with
the text: a run of doubled words halves at each pass), so that a second run changes nothing. The last
pass's result is what remains, for the report.

--fix writes only where that is safe (check_fix_target): a regular file with one link, writable,
whose owner and group the replacement can keep, reached through no symbolic link that leads out of
the paths being linted. Anything else is linted but left as it is, with a one-line warning; so is a
file that changed while it was being fixed (write_fixed checks its size, times and inode again just
before the rename). A file counts as fixed only once its new content is in place.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import replace

from .atomic import FileState, OwnerNotKept, TargetChanged, write_atomically
from .config import Config
from .document import Document
from .engine import Linted, RuleSet, lint, lint_for_fixes
from .finding import Finding
from .hits import Producer
from .limits import DEFAULT_LIMITS, FIX_LIMITS, LimitCounter, gc_paused, is_limit_note
from .report import FixOutcome
from .sources import encoding_of, within

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


def max_passes(text: str) -> int:
    """How many fix passes a text may take: each pass can halve a run of doubled words ("went went
    went went"), so the bound grows with the logarithm of the length, with room for fixes that
    uncover others."""
    return 10 + 2 * len(text).bit_length()


# The fixes of a file kept as findings (for --diff --format json); past them a dense file's fixes are
# only counted (400,000 findings kept whole took hundreds of megabytes)
LISTED_FIXES = DEFAULT_LIMITS.per_file

MAX_PASSES = max_passes("")  # the bound for an empty text; longer texts get more (max_passes)


def fix_text(
    raw: str,
    path: str,
    config: Config,
    ruleset: RuleSet,
    producers: Sequence[Producer] = (),
    keep: FindingFilter | None = None,
    unsafe: bool = False,
) -> tuple[FixOutcome, Linted]:
    """Fix a text until no applicable fix is left (or a text comes back: fixes that undo each other):
    what was done, and the fixed text's lint (within the usual limits on findings).

    A pass applies the fixes of a lint within FIX_LIMITS (the limit per file counting the findings
    of the rules a fix pass runs, RuleSet.fix_pass_rules). After a pass that left findings out (a
    dense file: another pass follows) the next one runs those rules alone (lint_for_fixes, the same
    fixes in a fraction of the time); otherwise it is a whole lint, the report when no fix is left."""

    def whole(text: str) -> Linted:
        return lint(Document.from_text(text, path=path, markup=config.markup), ruleset, config, producers, FIX_LIMITS)

    def fixes_only(text: str) -> Linted:
        doc = Document.from_text(text, path=path, markup=config.markup)
        return lint_for_fixes(doc, ruleset, config, producers, FIX_LIMITS, unsafe)

    text = raw
    applied: list[Finding] = []  # the first LISTED_FIXES of them; the others are counted
    unlisted = 0
    with gc_paused():  # the passes' findings are many young objects, freed by reference counting
        linted, complete = whole(text), True  # complete: a whole lint of `text`
        passes, unfinished = 0, False  # the passes ran out (their number) with fixes left
        seen = {hash(text)}
        for _ in range(max_passes(raw)):
            if complete and len(linted.findings) + len(linted.signals) >= FIX_LIMITS.per_file:
                linted, complete = fixes_only(text), False  # other rules' findings may have taken the fixes' room
            fixes = chosen_fixes(linted.findings, keep, unsafe)
            if not fixes:
                break
            text = apply_fixes(text, linted.document, fixes)
            room = max(0, LISTED_FIXES - len(applied))
            applied += fixes[:room]
            unlisted += len(fixes) - len(fixes[:room])
            more_to_come = any(is_limit_note(warning) for warning in linted.warnings)
            del fixes, linted  # this pass's findings are freed before the next pass makes its own
            linted, complete = (fixes_only(text), False) if more_to_come else (whole(text), True)
            if hash(text) in seen:
                break
            seen.add(hash(text))
        else:
            passes = max_passes(raw)
        if not complete:
            del linted
            linted = whole(text)
        if passes:
            crowded = len(linted.findings) + len(linted.signals) >= FIX_LIMITS.per_file
            unfinished = bool(chosen_fixes((fixes_only(text) if crowded else linted).findings, keep, unsafe))
    if any(is_limit_note(warning) for warning in linted.warnings):  # the passes saw only part: lint again
        linted = lint(Document.from_text(text, path=path, markup=config.markup), ruleset, config, producers)
    else:  # the last pass saw every finding: the usual limits are a cut of its lists
        linted = within_limits(linted)
    if unfinished:  # never silently: a second run changes the file again
        note = f"--fix stopped after {passes} passes, its bound for this text, with fixes left: run it again"
        linted = replace(linted, warnings=(*linted.warnings, note))
    return FixOutcome(original=raw, fixed=text, applied=tuple(applied), unlisted=unlisted), linted


def within_limits(linted: Linted) -> Linted:
    """A lint made with larger limits (FIX_LIMITS) cut to the usual ones, with their note."""
    limiter = LimitCounter()
    findings = limiter.cap(list(linted.findings))
    signals = LimitCounter().cap(list(linted.signals))
    note = limiter.note()
    warnings = linted.warnings + ((note,) if note else ())
    return replace(linted, findings=tuple(findings), signals=tuple(signals), warnings=warnings)


class NotFixed(Exception):
    """A file --fix leaves as it is; the message is the one-line warning ("not fixed: …")."""


def fix_target_problem(path: str, info: os.stat_result, roots: Sequence[str] | None = None) -> str | None:
    """Why --fix must not write the file at `path` (`info`: its status, links followed), or None.
    `roots` are the paths named on the command line; a symbolic link may lead anywhere inside them
    (by default: the file's own folder)."""
    if not stat.S_ISREG(info.st_mode):
        return "it is not a regular file"
    real = os.path.realpath(path)
    if real != os.path.abspath(path):
        folders = [os.path.realpath(root if os.path.isdir(root) else os.path.dirname(os.path.abspath(root)))
                   for root in (roots if roots else [path])]
        if not within(real, folders):
            return "it is reached through a symbolic link that leads out of the linted folders"
    if info.st_nlink > 1:
        return f"it has {info.st_nlink} hard links (replacing it would split them)"
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(real, os.W_OK):
        return "it is read-only"
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        if info.st_uid != os.geteuid():
            return "it belongs to another user (its owner could not be kept)"
        if info.st_gid not in {os.getegid(), *os.getgroups()}:
            return "its group is not one of yours (its group could not be kept)"
    return None


def check_fix_target(path: str, info: os.stat_result, roots: Sequence[str] | None = None) -> None:
    """NotFixed if --fix must not write `path` (fix_target_problem)."""
    problem = fix_target_problem(path, info, roots)
    if problem:
        raise NotFixed(f"not fixed: {problem}")


def write_fixed(path: str, fixed: str, original: bytes, info: os.stat_result) -> None:
    """Write the fixed text over the file read as `original` with status `info` (atomically, in the
    same encoding, mode, owner and group). NotFixed if the file changed since it was read or its
    owner could not be kept: it is left as it is; OSError if the write fails."""
    try:
        write_atomically(path, encode_like(fixed, original), expect=FileState.of(info))
    except TargetChanged:
        raise NotFixed("not fixed: the file changed while it was being fixed; it was left as it is") from None
    except OwnerNotKept as error:
        raise NotFixed(f"not fixed: {error}") from None


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


__all__ = [
    "MAX_PASSES", "NotFixed", "apply_fixes", "check_fix_target", "chosen_fixes", "encode_like", "fix_target_problem",
    "fix_text", "max_passes", "within_limits", "write_fixed",
]
