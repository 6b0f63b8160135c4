"""Inline suppression comments, for Markdown and plain text alike (a step of the findings pipeline):

    <!-- mtaudit: disable=ID[,ID…] -->  …  <!-- mtaudit: enable=ID[,ID…] -->
    <!-- mtaudit: disable-next-line=ID[,ID…] -->

An ID is a rule id, an id prefix or a category; no ID list (or ``all``) means every rule. A
``disable`` without its ``enable`` runs to the end of the file. A comment that names no known rule,
prefix or category gives a finding of MT-UNKNOWN-SUPPRESSION (the copy may come from elsewhere, so
it is not an error of the run); one that silences nothing, of the default-off MT-UNUSED-SUPPRESSION
(`--report-unused-suppressions`). Both are registered rules (rules/suppression.toml).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import field

from .config import selector_matches
from .document import Document
from .hits import Hit
from .text.dataclass_code import dataclass
from .text.lazy import lazy_compile

UNUSED_RULE = "MT-UNUSED-SUPPRESSION"
UNKNOWN_RULE = "MT-UNKNOWN-SUPPRESSION"
_DIRECTIVE = lazy_compile(
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

    def covers(self, line: int, rule: str, category: str) -> str | None:
        """The selector that suppresses a finding of `rule` on 1-based `line`, or None."""
        if not self.first_line <= line - 1 <= self.last_line:
            return None
        if not self.selectors:
            return ""
        return next((s for s in self.selectors if selector_matches(s, rule, category)), None)


def _selectors(ids: str | None) -> tuple[str, ...]:
    names = tuple(part.strip() for part in (ids or "").split(",") if part.strip())
    return () if any(name.lower() == "all" for name in names) else names


def parse_suppressions(doc: Document) -> list[Suppression]:
    """The suppression directives of a document, with the lines each covers."""
    if "<!--" not in doc.text:
        return []
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


@dataclass(frozen=True)
class Suppressible:
    """What the suppression step needs of a finding in the making: its rule, category and line."""

    rule: str
    category: str
    line: int


def suppress(
    doc: Document,
    items: Sequence[Suppressible],
    known: Callable[[str], bool],
    nearest: Callable[[str], list[str]],
) -> tuple[list[bool], list[Hit]]:
    """Which items the document's directives suppress (True: drop it), and the notes on directives:
    MT-UNKNOWN-SUPPRESSION for a selector that `known` refuses (with the `nearest` known ones), and
    MT-UNUSED-SUPPRESSION for a directive (or selector) that suppressed nothing."""
    suppressions = parse_suppressions(doc)
    if not suppressions:
        return [False] * len(items), []
    dropped: list[bool] = []
    for item in items:
        suppressed = False
        for suppression in suppressions:
            selector = suppression.covers(item.line, item.rule, item.category)
            if selector is not None:
                suppression.used.add(selector)
                suppressed = True
        dropped.append(suppressed)
    return dropped, list(_notes(suppressions, known, nearest))


def _notes(
    suppressions: Iterable[Suppression], known: Callable[[str], bool], nearest: Callable[[str], list[str]]
) -> Iterable[Hit]:
    for suppression in suppressions:
        unknown = [s for s in suppression.selectors if not known(s)]
        for selector in unknown:
            hint = nearest(selector)
            did_you_mean = f" (did you mean {', '.join(hint)}?)" if hint else ""
            yield Hit(
                UNKNOWN_RULE,
                suppression.start,
                suppression.end,
                message=f"Suppression comment names {selector!r}, no known rule id, prefix or category{did_you_mean}: "
                "it silences nothing.",
                extra={"selector": selector},
            )
        names = [s for s in suppression.selectors if s not in suppression.used and s not in unknown]
        fully_used = not names if suppression.selectors else bool(suppression.used)
        if fully_used or (suppression.selectors and len(unknown) == len(suppression.selectors)):
            continue
        what = ", ".join(names) if names else "all rules"
        yield Hit(
            UNUSED_RULE,
            suppression.start,
            suppression.end,
            message=f"Unused suppression ({what}): nothing here was flagged; remove it.",
        )


__all__ = ["UNKNOWN_RULE", "UNUSED_RULE", "Suppressible", "Suppression", "parse_suppressions", "suppress"]
