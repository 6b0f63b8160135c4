"""Run configuration: which rules, at what severity, and what fails a run."""

from __future__ import annotations

import functools
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
    house_style: tuple[tuple[str, str], ...] = ()  # (topic, choice): ("zelensky", "Zelenskyy")
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    max_sentence_words: int = 40
    scores: bool = True  # article scores: quality, MT likelihood and verdict, fidelity, language (cheap)
    full_scores: bool = False  # also readability (textstat) and langdetect on the whole article
    markup: str | None = None  # "text", "markdown" or None: by file extension
    report_unused_suppressions: bool = False
    root: Path | None = None  # folder of the configuration file (per-file-ignores are relative to it)
    extra: dict = field(default_factory=dict, hash=False, compare=False)

    def selects(self, rule_id: str, category: str) -> bool:
        if self.select and not any(selector_matches(s, rule_id, category) for s in self.select):
            return False
        return not any(selector_matches(s, rule_id, category) for s in self.ignore)

    def house_style_allows(self, tags: list[str]) -> bool:
        """A rule tagged ``house-style:TOPIC=CHOICE`` runs only when the house style chose CHOICE."""
        chosen = dict(self.house_style)
        for tag in tags:
            if tag.startswith(HOUSE_STYLE_TAG):
                topic, _, choice = tag[len(HOUSE_STYLE_TAG) :].partition("=")
                if chosen.get(topic) != choice:
                    return False
        return True

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


HOUSE_STYLE_TAG = "house-style:"


def selector_matches(selector: str, rule_id: str, category: str) -> bool:
    """Does a selector (a rule id, an id prefix such as "BP" or "BP-", or a category) name the rule?"""
    return selector == category or selector == rule_id or rule_id.startswith(selector.rstrip("-") + "-")


def house_style_of(tags: list[str]) -> tuple[tuple[str, str], ...]:
    """The house-style choices a rule's tags require."""
    pairs = [tag[len(HOUSE_STYLE_TAG) :].partition("=") for tag in tags if tag.startswith(HOUSE_STYLE_TAG)]
    return tuple(sorted((topic, choice) for topic, _, choice in pairs))


@functools.cache
def house_style_choices() -> dict[str, tuple[str, ...]]:
    """Topic -> the choices offered, read from the tags of the built-in house-style rules."""
    from .rules.loader import builtin_pack_dir, read_pack

    choices: dict[str, list[str]] = {}
    pack = builtin_pack_dir() / "house-style.toml"
    for raw in read_pack(pack) if pack.is_file() else []:
        for topic, choice in house_style_of(raw.get("tags", [])):
            choices.setdefault(topic, []).append(choice)
    return {topic: tuple(values) for topic, values in choices.items()}


__all__ = [
    "Config",
    "selector_matches",
    "house_style_choices",
    "house_style_of",
    "CATEGORIES",
    "SEVERITIES",
]
