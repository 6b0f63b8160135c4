"""The registry: every rule the tool can emit (the built-in packs and the desk's own), the single
source for `mtaudit rules` and `mtaudit rule ID`, for the default selection and for checking that
a rule selector (a rule id, an id prefix such as `BP`, or a category) names something."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from .config import selector_matches
from .finding import CATEGORIES
from .rules.model import Rule
from .text.dataclass_code import dataclass


@dataclass(frozen=True)
class UnknownSelector:
    """A selector that names no rule, and the nearest known ones."""

    selector: str
    nearest: tuple[str, ...]

    def describe(self) -> str:
        hint = f" (did you mean {', '.join(self.nearest)}?)" if self.nearest else ""
        return f"unknown rule id, prefix or category {self.selector!r}{hint}"


class Registry:
    """The rules by id, and the selectors they answer to."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: dict[str, Rule] = {rule.id: rule for rule in rules}

    @functools.cached_property
    def names(self) -> list[str]:
        """Every id, id prefix and category, for `nearest` (made when a selector names nothing: start-up)."""
        prefixes = set()
        for rule_id in self.rules:
            parts = rule_id.split("-")
            prefixes.update("-".join(parts[:n]) for n in range(1, len(parts)))
        return sorted(self.rules) + sorted(prefixes) + list(CATEGORIES)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self.rules

    def get(self, rule_id: str) -> Rule | None:
        return self.rules.get(rule_id) or self.rules.get(rule_id.upper())

    def knows(self, selector: str) -> bool:
        """Does the selector name a category or at least one rule?"""
        return selector in CATEGORIES or any(selector_matches(selector, rule_id, "") for rule_id in self.rules)

    def nearest(self, selector: str, count: int = 3) -> list[str]:
        """The known ids, prefixes and categories closest to a selector."""
        import difflib  # only for a selector that names nothing: a lint does not import it (start-up)

        return difflib.get_close_matches(selector.rstrip("-").upper(), self.names, n=count, cutoff=0.6) or (
            difflib.get_close_matches(selector.rstrip("-").lower(), self.names, n=count, cutoff=0.6)
        )

    def unknown(self, selectors: Iterable[str]) -> list[UnknownSelector]:
        """The selectors that name nothing, each with its nearest known names."""
        return [
            UnknownSelector(s, tuple(self.nearest(s))) for s in dict.fromkeys(selectors) if not self.knows(s)
        ]


__all__ = ["Registry", "UnknownSelector"]
