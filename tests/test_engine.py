"""Engine behaviour shared by every matcher kind."""

from __future__ import annotations

from audit.config import Config
from audit.document import Document
from audit.engine import RuleSet, lint

PACK = """
[[rule]]
id = "X-FRAMEWORK"
category = "translationese"
severity = "minor"
kind = "phrase"
phrases = ["within the framework", "within the framework of"]
message = "m"
why = "w"
examples.bad = ["<m>within the framework of</m> the talks"]
examples.good = ["inside the talks"]

[[rule]]
id = "X-FEDERATION"
category = "terminology"
severity = "minor"
kind = "phrase"
phrases = ["the Russian Federation"]
skip_quotes = true
message = "m"
why = "w"
examples.bad = ["Talks with <m>the Russian Federation</m> stalled."]
examples.good = ["“The Russian Federation will respond,” he said."]
"""


def _findings(tmp_path, text):
    (tmp_path / "pack.toml").write_text(PACK, encoding="utf-8")
    config = Config(rule_dirs=(tmp_path,), builtin_rules=False, scores=False)
    return list(lint(Document.from_text(text), RuleSet.load(config), config).findings)


def test_only_the_longest_overlapping_hit_of_a_rule_is_reported(tmp_path):
    findings = _findings(tmp_path, "Headline\n\nTalks within the framework of the summit.")
    assert [f.text for f in findings] == ["within the framework of"]


def test_skip_quotes_leaves_quoted_speech_alone(tmp_path):
    line = "“The Russian Federation will respond,” he said of the Russian Federation."
    findings = _findings(tmp_path, "Headline\n\n" + line)
    assert [(f.rule, f.column) for f in findings] == [("X-FEDERATION", line.rindex("the Russian") + 1)]
