"""Run configuration: which rules, at what severity, and what fails a run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .finding import CATEGORIES, SEVERITIES


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # rule ids, id prefixes or categories; empty: all
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (rule id, prefix or category) -> severity
    fail_on: str = "minor"
    rule_dirs: tuple[Path, ...] = ()
    builtin_rules: bool = True
    house_style: tuple[tuple[str, str], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    max_sentence_words: int = 40
    scores: bool = False  # compute article scores (readability, language, quality, MT likelihood)
    markup: str | None = None  # "text", "markdown" or None: by file extension
    extra: dict = field(default_factory=dict, hash=False, compare=False)

    def selects(self, rule_id: str, category: str) -> bool:
        def matches(selector: str) -> bool:
            return selector == category or selector == rule_id or rule_id.startswith(selector.rstrip("-") + "-")

        if self.select and not any(matches(s) for s in self.select):
            return False
        return not any(matches(s) for s in self.ignore)

    def severity_for(self, rule_id: str, category: str, default: str) -> str:
        chosen = default
        best = -1
        for selector, severity in self.severity:
            if selector == rule_id:
                return severity
            if selector == category and best < 0:
                chosen, best = severity, 0
            elif rule_id.startswith(selector.rstrip("-") + "-") and len(selector) > best:
                chosen, best = severity, len(selector)
        return chosen


def validate_selector_lists(config: Config) -> None:
    for severity in [config.fail_on] + [s for _k, s in config.severity]:
        if severity not in SEVERITIES:
            raise ValueError(f"unknown severity {severity!r} (one of {', '.join(SEVERITIES)})")


__all__ = ["Config", "CATEGORIES", "SEVERITIES", "validate_selector_lists"]
