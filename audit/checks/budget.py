"""One time budget per file for the regular expressions of user rule packs.

Each rule regex already has a time bound per call (base.time_bound), and a load-time probe catches
the plainest nested repetitions; but sixty user rules like ``((ab)+)+$``, each passing the probe and
each within its own bound on a 60 KB line, took 48 s on one file. While a file is audited
(`regex_budget`), the calls of user rules share USER_REGEX_SECONDS (plus a per-megabyte allowance,
at most USER_REGEX_MAX_SECONDS): a call may take no longer than what is left, and once it is spent
the remaining user rules are skipped for that file with one warning. The built-in rules, tested to
run in linear time, keep their own bounds.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from ..rules.errors import RuleError
from ..rules.loader import builtin_pack_dir
from ..rules.model import Rule

USER_REGEX_SECONDS = 2.0
USER_REGEX_SECONDS_PER_MB = 2.0
USER_REGEX_MAX_SECONDS = 20.0
SPENT_MESSAGE = ("the user rules' regular expressions used up their time budget for this file ({seconds:.1f} s); "
                 "the remaining user rules were skipped")


class RegexBudget:
    """The time left to the user rules' regexes on one file."""

    def __init__(self, user_rules: frozenset[str], seconds: float) -> None:
        self.user_rules = user_rules
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    @property
    def message(self) -> str:
        return SPENT_MESSAGE.format(seconds=self.seconds)


_current: ContextVar[RegexBudget | None] = ContextVar("mtaudit_regex_budget", default=None)


@functools.cache
def is_builtin_pack(pack: str) -> bool:
    """Is the pack one of mtaudit's own (probed by the test suite rather than at every load)?"""
    try:
        return Path(pack).resolve().is_relative_to(builtin_pack_dir())
    except RuleError:
        return False


def budget_seconds(text_length: int) -> float:
    return min(USER_REGEX_MAX_SECONDS, USER_REGEX_SECONDS + USER_REGEX_SECONDS_PER_MB * text_length / 1_000_000)


def user_rule_ids(ruleset: Any) -> frozenset[str]:
    """The ids of a rule set's rules that come from user packs (computed once per rule set)."""
    cached = ruleset.__dict__.get("_user_rule_ids")
    if cached is None:
        rules: list[Rule] = ruleset.rules
        cached = frozenset(rule.id for rule in rules if not is_builtin_pack(rule.pack))
        ruleset.__dict__["_user_rule_ids"] = cached
    return cached


@contextmanager
def regex_budget(ruleset: Any, text_length: int) -> Iterator[RegexBudget | None]:
    """Give the user rules of `ruleset` one shared budget while a text of this length is audited."""
    user_rules = user_rule_ids(ruleset)
    if not user_rules:
        yield None
        return
    budget = RegexBudget(user_rules, budget_seconds(text_length))
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)


def bounded(own_bound: float, rule_id: str | None) -> tuple[float, RegexBudget | None]:
    """The timeout for one regex call of rule `rule_id` (None: a pattern shared by several rules,
    which may include user ones), and the budget that limits it (None: its own bound only). A spent
    budget gives a timeout of 0 (the call times out at once)."""
    budget = _current.get()
    if budget is None or (rule_id is not None and rule_id not in budget.user_rules):
        return own_bound, None
    return max(0.0, min(own_bound, budget.remaining())), budget


__all__ = ["RegexBudget", "bounded", "budget_seconds", "is_builtin_pack", "regex_budget", "user_rule_ids"]
