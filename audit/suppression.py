"""Inline suppression comments, for Markdown and plain text alike:

    <!-- mtaudit: disable=ID[,ID…] -->  …  <!-- mtaudit: enable=ID[,ID…] -->
    <!-- mtaudit: disable-next-line=ID[,ID…] -->

An ID is a rule id, an id prefix or a category; no ID list (or ``all``) means every rule. A
``disable`` without its ``enable`` runs to the end of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .config import selector_matches
from .document import Document
from .finding import Finding

UNUSED_RULE = "MT-UNUSED-SUPPRESSION"
_DIRECTIVE = re.compile(
    r"<!--\s*mtaudit:\s*(?P<action>disable-next-line|disable|enable)\s*(?:=\s*(?P<ids>[^>]*?))?\s*-->",
    re.IGNORECASE,
)


@dataclass
class Suppression:
    """One disable directive: the 0-based lines it covers and the selectors it names (empty: all)."""

    selectors: tuple[str, ...]
    first_line: int
    last_line: int
    start: int  # offset of the comment, for reporting it
    end: int
    used: set[str] = field(default_factory=set)  # selectors that suppressed something ("" for all)

    def covers(self, finding: Finding) -> str | None:
        """The selector that suppresses the finding, or None."""
        if not self.first_line <= finding.line - 1 <= self.last_line:
            return None
        if not self.selectors:
            return ""
        return next((s for s in self.selectors if selector_matches(s, finding.rule, finding.category)), None)


def _selectors(ids: str | None) -> tuple[str, ...]:
    names = tuple(part.strip() for part in (ids or "").split(",") if part.strip())
    return () if any(name.lower() == "all" for name in names) else names


def parse_suppressions(doc: Document) -> list[Suppression]:
    """The suppression directives of a document, with the lines each covers."""
    found: list[Suppression] = []
    open_ranges: list[Suppression] = []
    last_line = len(doc.line_starts) - 1
    for match in _DIRECTIVE.finditer(doc.text):
        action = match.group("action").lower()
        selectors = _selectors(match.group("ids"))
        line = doc.line_of(match.start())
        if action == "disable-next-line":
            end_line = doc.line_of(match.end())
            found.append(Suppression(selectors, end_line + 1, end_line + 1, match.start(), match.end()))
        elif action == "disable":
            suppression = Suppression(selectors, line, last_line, match.start(), match.end())
            found.append(suppression)
            open_ranges.append(suppression)
        else:  # enable: closes the open ranges it names (all of them when it names none)
            for suppression in list(open_ranges):
                if not selectors or set(suppression.selectors) & set(selectors):
                    suppression.last_line = line
                    open_ranges.remove(suppression)
    return found


def apply_suppressions(doc: Document, findings: list[Finding], report_unused: bool = False) -> list[Finding]:
    """Drop the findings that a directive suppresses; with `report_unused`, add a finding for each
    directive (or ID in it) that suppressed nothing."""
    suppressions = parse_suppressions(doc)
    if not suppressions:
        return findings
    kept: list[Finding] = []
    for finding in findings:
        suppressed = False
        for suppression in suppressions:
            selector = suppression.covers(finding)
            if selector is not None:
                suppression.used.add(selector)
                suppressed = True
        if not suppressed:
            kept.append(finding)
    if report_unused:
        kept.extend(_unused(doc, suppressions))
        kept.sort(key=Finding.sort_key)
    return kept


def _unused(doc: Document, suppressions: list[Suppression]) -> list[Finding]:
    unused: list[Finding] = []
    for suppression in suppressions:
        names = [s for s in suppression.selectors if s not in suppression.used]
        fully_used = not names if suppression.selectors else bool(suppression.used)
        if fully_used:
            continue
        what = ", ".join(names) if names else "all rules"
        finding = Finding(
            rule=UNUSED_RULE,
            category="suppression",
            severity="minor",
            message=f"Unused suppression ({what}): nothing here was flagged; remove it.",
            start=suppression.start,
            end=suppression.end,
            text=doc.text[suppression.start : suppression.end],
            zone=doc.zone_at(suppression.start),
        )
        finding.line, finding.column = doc.position(suppression.start)
        finding.end_line, finding.end_column = doc.position(suppression.end)
        unused.append(finding)
    return unused


__all__ = ["UNUSED_RULE", "Suppression", "parse_suppressions", "apply_suppressions"]
