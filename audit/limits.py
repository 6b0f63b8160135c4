"""Bounds on what one file can produce, so that a dense file (2 MB of "kyiv kyiv …", a million
opening quotes) costs time and memory in proportion to what is reported, not to what matched.

A rule keeps at most `raw_per_rule` raw hits of a file, and the file's report at most `per_rule`
findings of a rule and `per_file` in all, the first by position; one warning says how many more
there were ("N more matches not shown…"). Matches of the phrase automaton past the limit are
counted without being examined; a scanning check is stopped at the limit, so that its count is a
lower bound ("at least"). --fix lifts the bounds
for its passes (it must see every fix), within FIX_LIMITS.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import TypeVar

from .finding import Finding
from .text.dataclass_code import dataclass

T = TypeVar("T")


@dataclass(frozen=True)
class FindingLimits:
    per_rule: int = 200  # findings of one rule in one file's report
    per_file: int = 2_000  # findings in one file's report
    raw_per_rule: int = 1_000  # raw hits of one rule kept for the pipeline (some are filtered out)


DEFAULT_LIMITS = FindingLimits()
# the fix passes: every safe fix of a dense file, a pass at a time (max_passes grows with the text)
FIX_LIMITS = FindingLimits(per_rule=40_000, per_file=200_000, raw_per_rule=40_000)


class LimitCounter:
    """The bounds applied to one document: what was kept and what was left out, per rule."""

    def __init__(self, limits: FindingLimits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self.raw_kept: dict[str, int] = {}  # rule id -> raw hits kept (a dict: a Counter's miss is a call)
        self.left_out: Counter[str] = Counter()
        self.unfinished: set[str] = set()  # rules whose check stopped at the limit (left_out is a lower bound)
        self.file_left_out = 0

    def full(self, rule_id: str) -> bool:
        """Has this rule as many raw hits as are kept? If so, the match asked about is counted as
        left out (unexamined: the count is of matches, some of which might have been filtered)."""
        if self.raw_kept.get(rule_id, 0) < self.limits.raw_per_rule:
            return False
        self.left_out[rule_id] += 1
        return True

    def keep(self, rule_id: str) -> None:
        """Count one raw hit of this rule as kept."""
        self.raw_kept[rule_id] = self.raw_kept.get(rule_id, 0) + 1

    def take(self, hits: Iterable[T], rule_id: str) -> list[T]:
        """The hits of one rule that may be kept. The check is not run past them: its count of what
        was left out becomes a lower bound ("at least")."""
        before = self.raw_kept.get(rule_id, 0)
        room = self.limits.raw_per_rule - before
        if room < 0:
            room = 0
        kept = list(islice(hits, room + 1))  # one past the room: is there more?
        if kept:
            if len(kept) > room:
                kept.pop()
                self.left_out[rule_id] += 1
                self.unfinished.add(rule_id)
            self.raw_kept[rule_id] = before + len(kept)
        return kept

    def cap(self, findings: list[Finding]) -> list[Finding]:
        """At most per_rule findings of a rule and per_file in all (findings sorted by position)."""
        limits = self.limits
        if len(findings) <= min(limits.per_rule, limits.per_file):
            return findings
        shown: Counter[str] = Counter()
        kept: list[Finding] = []
        for finding in findings:
            if shown[finding.rule] >= limits.per_rule:
                self.left_out[finding.rule] += 1
            elif len(kept) >= limits.per_file:
                self.file_left_out += 1
            else:
                shown[finding.rule] += 1
                kept.append(finding)
        return kept

    def note(self) -> str | None:
        """The one warning about what was left out, or None."""
        total = sum(self.left_out.values()) + self.file_left_out
        if not total:
            return None
        at_least = "at least " if self.unfinished else ""
        worst = ", ".join(f"{rule} {'at least ' * (rule in self.unfinished)}{count:,}"
                          for rule, count in self.left_out.most_common(5))
        more = f", {len(self.left_out) - 5} more rules" if len(self.left_out) > 5 else ""
        where = f" ({worst}{more})" if worst else ""
        return (f"{at_least}{total:,} more matches not shown{where}: a report shows at most "
                f"{self.limits.per_rule:,} findings of a rule and {self.limits.per_file:,} in all{_NOTE_END}")


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while one document is audited: the hits and findings of a dense
    file are hundreds of thousands of young objects, and the collector's passes over them (and over
    the compiled rule set) took more than half the time. What the audit leaves is freed by reference
    counting as usual; the collector resumes afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_NOTE_END = " per file"


def is_limit_note(warning: str) -> bool:
    """Is this warning a LimitCounter's note?"""
    return " more matches not shown" in warning and warning.endswith(_NOTE_END)


__all__ = ["DEFAULT_LIMITS", "FIX_LIMITS", "FindingLimits", "LimitCounter", "gc_paused", "is_limit_note"]
