"""Antipatterns (Check.blocked_by_antipattern): looked for in the hit's sentence, or in a sentence of
megabytes in the blocks around the hit's; the hits of one window share its scan; and a window that holds
none of the strings every match contains is not scanned. Neither may change whether a hit is blocked."""

from __future__ import annotations

import random

import pytest

from audit.checks.base import ANTIPATTERN_WINDOW, antipattern_window, lowered_window, window_literals
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


def _blocked_by_a_scan(check, doc, start, end):
    """What blocked_by_antipattern answers, by a plain scan of the hit's window."""
    low, high = antipattern_window(doc, start, end)
    return any(match.start() < end and start < match.end()
               for pattern in check.antipatterns for match in pattern.finditer(doc.text, low, high))


def test_the_gate_and_the_shared_scans_block_exactly_the_hits_a_scan_of_every_window_blocks(checks):
    dense = ["He called Kyiv Kyiv. #kyiv is trending; went on and on and on.", "CALLED Saba Saba, MFA " * 30,
             "kyiv @kyiv call me " * 400]  # one sentence of several windows
    shuffler = random.Random(10)
    for check in checks:
        for text in [example.text for example in check.rule.bad + check.rule.good] + dense:
            doc = Document.from_text(text)
            step = 11 if len(text) < 1000 else 97
            spans = [(start, min(start + length, len(text)))
                     for start in range(0, len(text), step) for length in (1, 9)]
            spans += shuffler.sample(spans, min(len(spans), 20))  # out of order: windows scanned again
            for start, end in spans:
                if start < end:
                    expected = _blocked_by_a_scan(check, doc, start, end)
                    assert check.blocked_by_antipattern(doc, start, end) == expected, (check.rule.id, text[:80])


def test_a_hit_in_a_sentence_that_fits_the_window_sees_the_whole_sentence():
    text = "First one. " + "word " * 150 + "hit " + "word " * 150 + "end. Last one."
    doc = Document.from_text(text)
    start = text.index("hit")
    assert antipattern_window(doc, start, start + 3) == doc.sentence_at(start)


def test_a_hit_in_a_sentence_of_megabytes_sees_the_blocks_around_its_own():
    text = "kyiv " * 400_000
    doc = Document.from_text(text)
    low, high = antipattern_window(doc, 1_000_502, 1_000_506)
    assert (low, high) == (999_000, 1_002_000)
    assert low <= 1_000_502 - ANTIPATTERN_WINDOW and high >= 1_000_506 + ANTIPATTERN_WINDOW
    assert antipattern_window(doc, 1_000_002, 1_000_006) == (low, high)  # the hits of one block share it
