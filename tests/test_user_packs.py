"""User rule packs: malformed rules rejected at load, pathological regular expressions cannot hang a run."""

from __future__ import annotations

import time

import pytest

from audit.checks import base
from audit.config import Config
from audit.engine import RuleSet
from audit.rules.model import RuleError
from audit.runner import audit_text

PATHOLOGICAL = """
[[rule]]
id = "DESK-SLOW"
category = "grammar"
severity = "minor"
kind = "regex"
pattern = '(a+)+$'
message = "m"
why = "w"
examples.bad = ["<m>aaa</m>"]
examples.good = ["b"]
"""


def user_pack(tmp_path, text: str) -> Config:
    (tmp_path / "desk.toml").write_text(text, encoding="utf-8")
    return Config(rule_dirs=(tmp_path,), builtin_rules=False)


def test_malformed_rule_is_rejected_with_a_clear_message(cli, tmp_path):
    (tmp_path / "desk.toml").write_text('[[rule]]\nid = "DESK-X"\nkind = "phrase"\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Text.\n", encoding="utf-8")
    result = cli("lint", "--rules", str(tmp_path), str(story))
    assert result.returncode == 2
    pack = tmp_path / "desk.toml"
    assert result.stderr.strip().startswith(f"mtaudit: error: {pack}:2: rule DESK-X: 'category' is required (one of ")
    (tmp_path / "desk.toml").write_text('[[rule]\nid = "DESK-X"\n', encoding="utf-8")
    result = cli("lint", "--rules", str(tmp_path), str(story))
    assert result.returncode == 2 and "desk.toml" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("pattern", ["(a+)+$", "(a|a)*$", r"(\w+\s?)+$", "(x+x+)+y"])
def test_pathological_regex_is_rejected_at_load(tmp_path, pattern):
    with pytest.raises(RuleError, match="backtracks catastrophically"):
        RuleSet.load(user_pack(tmp_path, PATHOLOGICAL.replace("(a+)+$", pattern)))


def test_a_pattern_that_slips_through_is_bounded_at_run_time(tmp_path, monkeypatch):
    monkeypatch.setattr(base, "backtracks_catastrophically", lambda compiled, pattern: False)
    monkeypatch.setattr(base, "REGEX_TIMEOUT_SECONDS", 0.2)
    config = user_pack(tmp_path, PATHOLOGICAL)
    started = time.monotonic()
    report = audit_text("a" * 20_000 + "!", config)
    assert time.monotonic() - started < 5
    assert report.files[0].warnings == ("rule DESK-SLOW: regular expression timed out; rule skipped for this file",)
    assert report.findings == []


def test_builtin_regexes_pass_the_backtracking_probe():
    import regex

    from audit.checks.base import backtracks_catastrophically

    slow = []
    for rule in RuleSet.load(Config()).all_rules:
        patterns = getattr(rule.params, "pattern", [])
        for pattern in ([patterns] if isinstance(patterns, str) else patterns) + list(rule.antipatterns):
            if isinstance(pattern, str) and backtracks_catastrophically(regex.compile(pattern), pattern):
                slow.append((rule.id, pattern))
    assert slow == []


def test_a_consistency_rule_with_an_empty_spelling_is_rejected_at_load(tmp_path):
    regex_rule = 'kind = "regex"\npattern = \'(a+)+$\''
    pack = PATHOLOGICAL.replace(regex_rule, 'kind = "consistency"\nvariants = [["", "ruble"]]')
    assert 'variants = [["", "ruble"]]' in pack
    with pytest.raises(RuleError, match="empty spelling"):
        RuleSet.load(user_pack(tmp_path, pack))
