"""Messages quote what was found: a regex rule's message fills its pattern's named groups and the
match's context per match; no built-in message quotes a fixed example."""

from __future__ import annotations

import pytest

from audit.config import Config
from audit.engine import RuleSet
from audit.rules.model import RuleError
from audit.runner import audit_text

DATED = "Decree signed\n\nThe decree was signed on 05.03.2024 in Kyiv, and amended on 22.08.2025.\n"


def test_dotted_date_message_quotes_the_date_it_found_rewritten():
    report = audit_text(DATED, Config(select=("LOC-DOTTED-DATE",), scores=False))
    first, second = report.findings
    assert first.text == "05.03.2024"
    assert first.message.endswith("English news writes “5 March 2024” or “March 5, 2024”.")
    assert second.message.endswith("English news writes “22 August 2025” or “Aug. 22, 2025”.")


PACK = """
[[rule]]
id = "DESK-DATE"
category = "locale"
severity = "minor"
kind = "regex"
pattern = '(?P<d>\\d\\d)/(?P<m>\\d\\d)'
message = "{message}"
why = "w"
examples.bad = ["On <m>09/11</m>."]
examples.good = ["On 9 November."]
"""


def _pack(tmp_path, message: str) -> Config:
    (tmp_path / "desk.toml").write_text(PACK.replace("{message}", message), encoding="utf-8")
    return Config(rule_dirs=(tmp_path,), builtin_rules=False, scores=False)


def test_group_fields_and_braces_from_the_copy(tmp_path):
    config = _pack(tmp_path, "“{match}” is {m:month} {d:int}; {{braces}} stay")
    report = audit_text("Headline\n\nOn 09/11 {x} and 31/13.\n", config)
    assert [f.message for f in report.findings] == ["“09/11” is November 9; {braces} stay",
                                                    "“31/13” is 13 31; {braces} stay"]


@pytest.mark.parametrize(("message", "problem"), [
    ("{year} is wrong", "message field {year} is not a named group of the pattern"),
    ("{m:roman} is wrong", "message field {m:roman}: unknown conversion"),
])
def test_unknown_group_or_conversion_is_rejected_at_load(tmp_path, message, problem):
    with pytest.raises(RuleError, match=problem.replace("{", r"\{").replace("}", r"\}")):
        RuleSet.load(_pack(tmp_path, message))


BUILTIN = RuleSet.load(Config()).all_rules


def test_a_message_that_quotes_quotes_what_was_found():
    """A built-in message that quotes the copy quotes the match, its context or its parts; a quotation
    written into the message would show the rule's own example whatever was found."""
    quoting = [rule for rule in BUILTIN if "“" in rule.message or "«" in rule.message]
    assert quoting
    fixed = [rule.id for rule in quoting if not string_fields(rule.message)]
    assert fixed == []


def string_fields(template: str) -> list[str]:
    import string

    return [name for _text, name, _spec, _conv in string.Formatter().parse(template) if name]


def test_context_quotes_the_words_around_a_single_mark():
    config = Config(select=("SP-MISSING-SPACE-AFTER-STOP", "SP-MISSING-SPACE-AFTER-COMMA"), scores=False)
    report = audit_text("Headline\n\nIt is a platform for martial arts.Richard Wilk is from Kyiv,he said.\n", config)
    assert [f.message for f in report.findings] == [
        "No space after the end of a sentence (“arts.Richard”): two segments glued together.",
        "No space after a comma (“Kyiv,he”).",
    ]
