"""The one output type, and the vocabulary every layer shares: categories (with what each means to
the scores), MQM severities and fix applicabilities.

A `Finding` is made once, complete and immutable, by the findings pipeline (audit/engine.py) from a
producer's raw `Hit` (audit/hits.py); scores and reporters only read it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Any

from .text.dataclass_code import dataclass


@dataclass(frozen=True)
class Category:
    """A finding category and what its findings count for."""

    name: str
    tell: bool = True  # evidence of translation (the MT likelihood's tell density)
    scored: bool = True  # costs MQM quality points (severity weights)
    punctuation: bool = False  # MQM punctuation type: a minor finding weighs 0.1
    accuracy: bool = False  # MQM accuracy type (mistranslation, terminology, language)
    furniture: bool = False  # page furniture: a line-level hit covering its line moves it out of the body
    quotation_marks: bool = False  # about the marks themselves: never said to lie "inside a quotation"
    description: str = ""


CATEGORY_TABLE: dict[str, Category] = {
    c.name: c
    for c in (
        Category("mistranslation", accuracy=True, description="false friends, calques, meaning changed"),
        Category("translationese", description="wording that is English but reads translated"),
        Category("grammar", description="agreement, articles, word order"),
        Category("casing", description="proper nouns in lower case"),
        Category("spacing", punctuation=True, description="detokenisation artefacts, spaces before marks"),
        Category("quotes", punctuation=True, quotation_marks=True, description="quotation marks that do not pair"),
        Category("repetition", description="words and lines printed twice"),
        Category("locale", description="number, date and unit conventions of another language"),
        Category("terminology", accuracy=True, description="titles, institutions, transliteration"),
        Category("language", accuracy=True, description="text in another language or script"),
        Category("boilerplate", tell=False, furniture=True, description="scraped page furniture"),
        Category("readability", tell=False, description="sentences too long to read"),
        Category(
            "suppression", tell=False, scored=False, description="suppression comments that are unused or unknown"
        ),
    )
}
CATEGORIES: tuple[str, ...] = tuple(CATEGORY_TABLE)

# Categories whose findings are evidence of translation (page furniture, readability and notes on
# suppression comments are not).
TELL_CATEGORIES: frozenset[str] = frozenset(c.name for c in CATEGORY_TABLE.values() if c.tell)
PUNCTUATION_CATEGORIES: frozenset[str] = frozenset(c.name for c in CATEGORY_TABLE.values() if c.punctuation)
ACCURACY_CATEGORIES: frozenset[str] = frozenset(c.name for c in CATEGORY_TABLE.values() if c.accuracy)
FURNITURE_CATEGORIES: frozenset[str] = frozenset(c.name for c in CATEGORY_TABLE.values() if c.furniture)
UNSCORED_CATEGORIES: frozenset[str] = frozenset(c.name for c in CATEGORY_TABLE.values() if not c.scored)

# MQM severities, mildest first.
SEVERITIES: tuple[str, ...] = ("neutral", "minor", "major", "critical")
SEVERITY_RANK: dict[str, int] = {name: rank for rank, name in enumerate(SEVERITIES)}

# How sure a fix is (ruff's model): `safe` fixes are applied by --fix, `unsafe` ones also with
# --unsafe-fixes; `display-only` fixes are shown (JSON, SARIF, --diff's listing) but never applied.
APPLICABILITIES: tuple[str, ...] = ("safe", "unsafe", "display-only")


@dataclass(frozen=True)
class Fix:
    """A replacement of the finding's span, and how sure it is."""

    replacement: str
    applicability: str = "safe"

    @property
    def safe(self) -> bool:
        return self.applicability == "safe"

    def applies(self, unsafe: bool = False) -> bool:
        """Is the fix applied by --fix (with --unsafe-fixes when `unsafe`)?"""
        return self.applicability == "safe" or (unsafe and self.applicability == "unsafe")


@dataclass(frozen=True)
class Finding:
    """One flagged span of one file, complete when made. Offsets index the analysed text; lines and
    columns are 1-based and count characters; `end` and `end_column` are exclusive."""

    rule: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    text: str
    line: int
    column: int
    end_line: int
    end_column: int
    suggestion: str | None = None
    in_quote: bool = False
    zone: str = "body"
    fix: Fix | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)  # the producer's data (read-only)

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
            "fix": {"replacement": self.fix.replacement, "applicability": self.fix.applicability}
            if self.fix
            else None,
        }
        data.update(self.extra)
        return data


__all__ = [
    "ACCURACY_CATEGORIES",
    "APPLICABILITIES",
    "CATEGORIES",
    "CATEGORY_TABLE",
    "Category",
    "FURNITURE_CATEGORIES",
    "Finding",
    "Fix",
    "PUNCTUATION_CATEGORIES",
    "SEVERITIES",
    "SEVERITY_RANK",
    "TELL_CATEGORIES",
    "UNSCORED_CATEGORIES",
]
