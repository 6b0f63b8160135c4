"""Every example of every rule is a test (bad: exactly the marked spans; good: nothing)."""

from __future__ import annotations

import pytest

from audit.config import Config
from audit.engine import RuleSet
from audit.examples import example_problems

RULES = RuleSet.load(Config()).all_rules


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule):
    assert example_problems(rule, RULES) == []


def test_rule_count_and_categories():
    assert len(RULES) >= 60
    categories = {r.category for r in RULES}
    expected = {"mistranslation", "translationese", "casing", "spacing", "quotes", "repetition", "boilerplate"}
    assert expected <= categories


def test_a_rule_without_examples_is_rejected(tmp_path):
    from audit.rules.model import RuleError

    (tmp_path / "pack.toml").write_text(
        '[[rule]]\nid = "X-NO-EXAMPLES"\ncategory = "grammar"\nseverity = "minor"\nkind = "phrase"\n'
        'phrases = ["foo bar"]\nmessage = "m"\nwhy = "w"\n',
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match="examples"):
        RuleSet.load(Config(rule_dirs=(tmp_path,), builtin_rules=False))


def test_a_failing_example_is_reported(tmp_path):
    (tmp_path / "pack.toml").write_text(
        '[[rule]]\nid = "X-WRONG"\ncategory = "grammar"\nseverity = "minor"\nkind = "phrase"\n'
        'phrases = ["foo bar"]\nmessage = "m"\nwhy = "w"\n'
        'examples.bad = ["no <m>match</m> here"]\nexamples.good = ["a foo bar here"]\n',
        encoding="utf-8",
    )
    rule = RuleSet.load(Config(rule_dirs=(tmp_path,), builtin_rules=False)).by_id["X-WRONG"]
    problems = example_problems(rule)
    assert len(problems) == 2
    assert "expected ['match'], got []" in problems[0]
    assert "was flagged" in problems[1]
