"""Run configuration: which rules, at what severity, and what fails a run. A plain value (hashable: it
keys the compiled rule sets); reading configuration files is audit/config_file.py's work."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from .finding import CATEGORIES, SEVERITIES
from .text.dataclass_code import dataclass

HOUSE_STYLE_TAG = "house-style:"


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # rule ids, id prefixes or categories; empty: every default-on rule
    extend_select: tuple[str, ...] = ()  # selected besides `select` (how a default-off rule joins the defaults)
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
    source_lang: str | None = None  # the language of the originals compared with (None: detected)
    root: Path | None = None  # folder of the configuration file (per-file-ignores are relative to it)
    source: Path | None = field(default=None, repr=False, compare=False)  # the configuration file, for messages

    def selects(self, rule_id: str, category: str, default_on: bool = True) -> bool:
        """Is the rule selected? A default-off rule (`enabled = false`) only when a selector of
        `select` or `extend_select` names it (by id, prefix or category)."""
        if self.ignore and any(selector_matches(s, rule_id, category) for s in self.ignore):
            return False  # (each test only with selectors: asked of every rule of every rule set loaded)
        if self.extend_select and any(selector_matches(s, rule_id, category) for s in self.extend_select):
            return True
        if self.select:
            return any(selector_matches(s, rule_id, category) for s in self.select)
        return default_on

    def house_style_allows(self, tags: tuple[str, ...] | list[str]) -> bool:
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

    def rule_settings(self) -> Config:
        """The settings a compiled rule set depends on (which rules, their parameters), the others at
        their defaults: configurations that differ only in severity, fail-on, per-file ignores, scores
        or folder share one compiled rule set."""
        return Config(
            select=self.select,
            extend_select=self.extend_select,
            ignore=self.ignore,
            rule_dirs=self.rule_dirs,
            builtin_rules=self.builtin_rules,
            house_style=self.house_style,
            max_sentence_words=self.max_sentence_words,
        )

    def pack_settings(self) -> Config:
        """The settings the compiled packs depend on (which packs, the parameters checks take), the
        others at their defaults: every selection of rules shares one compiled pack."""
        return Config(
            rule_dirs=self.rule_dirs, builtin_rules=self.builtin_rules, max_sentence_words=self.max_sentence_words
        )

    def selectors(self) -> dict[str, tuple[str, ...]]:
        """Every rule selector of the configuration, by the setting it comes from."""
        return {
            "select": self.select,
            "extend-select": self.extend_select,
            "ignore": self.ignore,
            "severity": tuple(selector for selector, _level in self.severity),
            "per-file-ignores": tuple(s for _pattern, selectors in self.per_file_ignores for s in selectors),
        }


def selector_matches(selector: str, rule_id: str, category: str) -> bool:
    """Does a selector (a rule id, an id prefix such as "BP" or "BP-", or a category) name the rule?"""
    return selector == category or selector == rule_id or rule_id.startswith(selector.rstrip("-") + "-")


def house_style_of(tags: tuple[str, ...] | list[str]) -> tuple[tuple[str, str], ...]:
    """The house-style choices a rule's tags require."""
    pairs = [tag[len(HOUSE_STYLE_TAG) :].partition("=") for tag in tags if tag.startswith(HOUSE_STYLE_TAG)]
    return tuple(sorted((topic, choice) for topic, _, choice in pairs))


__all__ = [
    "CATEGORIES",
    "Config",
    "HOUSE_STYLE_TAG",
    "SEVERITIES",
    "house_style_of",
    "selector_matches",
]
