"""The one output type: every check produces Findings, every reporter renders them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CATEGORIES: tuple[str, ...] = (
    "mistranslation",
    "translationese",
    "grammar",
    "casing",
    "spacing",
    "quotes",
    "repetition",
    "locale",
    "terminology",
    "language",
    "boilerplate",
    "readability",
)

# Categories whose findings are evidence of translation (page furniture and readability are not).
TELL_CATEGORIES: frozenset[str] = frozenset(CATEGORIES) - {"boilerplate", "readability"}

# MQM severities, mildest first.
SEVERITIES: tuple[str, ...] = ("neutral", "minor", "major", "critical")
SEVERITY_RANK: dict[str, int] = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Fix:
    """A replacement of the finding's span; only `safe` fixes are applied by --fix."""

    replacement: str
    safe: bool = False


@dataclass
class Finding:
    """One flagged span of one file. Positions are 1-based; columns count characters; end is exclusive."""

    rule: str
    category: str
    severity: str
    message: str
    start: int  # character offset into the analysed text
    end: int
    text: str
    suggestion: str | None = None
    in_quote: bool = False
    zone: str = "body"
    fix: Fix | None = None
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def rank(self) -> int:
        return SEVERITY_RANK[self.severity]

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
            "in_quote": self.in_quote,
            "zone": self.zone,
            "fixable": bool(self.fix and self.fix.safe),
        }
        data.update(self.extra)
        return data
