"""An antipattern is not run on a window that holds none of the strings every one of its matches
contains (Check.blocked_by_antipattern): the gate must never change whether a hit is blocked."""

from __future__ import annotations

import pytest

from audit.checks.base import lowered_window, window_literals
from audit.config import Config
from audit.document import Document
from audit.engine import RuleSet


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"[#@]\w+", {"#", "@"}),  # a small set of characters: each one a string
        (r"\b(?:call|calls|called|name|names)\s+(?P<w>\w+)\s+(?P=w)\b", {"call", "name"}),  # "calls" has "call"
        (r"\b(?:to|by|in)\s+\w+", {"to", "by", "in"}),  # short strings are worth a look in a window
        (r"(?<=said )\w+", None),  # a look-behind may look before the window
        (r"(?<!said )kyiv", {"kyiv"}),  # a negative one requires nothing
        (r"[^#@]\w+", None),  # a negated set
        (r"\w+\s+\w+", None),
    ],
)
def test_window_literals(pattern, expected):
    found = window_literals(pattern)
    assert (None if found is None else set(found)) == expected


def test_no_window_where_lower_casing_misses_a_case_insensitive_match():
    assert lowered_window("Call Kyiv", 0, 9) == "call kyiv"
    assert lowered_window("\u212aYIV kyiv", 0, 9) is None  # the Kelvin sign matches "k" ignoring case
    assert lowered_window("ca\u017fe", 0, 4) is None  # so does the long s "s"


@pytest.fixture(scope="module")
def checks():
    """The built-in checks that have antipatterns."""
    ruleset = RuleSet.load(Config(scores=False))
    found = [check for check in [*ruleset.scanning, *ruleset.automaton.checks] if check.antipatterns]
    assert len(found) > 20
    return found


def test_every_antipattern_match_in_the_rule_examples_is_followed_by_one_of_its_strings(checks):
    checked = 0
    for check in checks:
        for pattern, literals in zip(check.antipatterns, check.antipattern_literals, strict=True):
            if literals is None:
                continue
            for example in check.rule.bad + check.rule.good:
                for match in pattern.finditer(example.text):  # the match, or what its look-ahead saw
                    seen = example.text[match.start():].lower()
                    assert any(s in seen for s in literals), (check.rule.id, example.text)
                    checked += 1
    assert checked > 20


def test_the_gate_blocks_exactly_the_hits_a_scan_of_every_window_blocks(checks):
    dense = ["He called Kyiv Kyiv. #kyiv is trending; went on and on and on.", "CALLED Saba Saba, MFA " * 30]
    for check in checks:
        gated = check.antipattern_literals
        for text in [example.text for example in check.rule.bad + check.rule.good] + dense:
            doc = Document.from_text(text)
            spans = [(start, min(start + length, len(text))) for start in range(0, len(text), 11) for length in (1, 9)]
            try:
                with_gate = [check.blocked_by_antipattern(doc, s, e) for s, e in spans if s < e]
                check.antipattern_literals = [None] * len(gated)
                without = [check.blocked_by_antipattern(doc, s, e) for s, e in spans if s < e]
            finally:
                check.antipattern_literals = gated
            assert with_gate == without, (check.rule.id, text[:80])
