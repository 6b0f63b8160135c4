"""The literal prefilter of rule regexes is sound: whenever a pattern matches, one of its literals is
in the lower-cased text (checked on every rule's own examples), and gated runs find what ungated do."""

from __future__ import annotations

import re

import pytest

from audit import audit_text
from audit.checks.patterns import RegexCheck
from audit.checks.prefilter import (
    LiteralGate,
    OutsideAsciiGate,
    lookbehinds_bounded,
    required_literals,
    required_outside_ascii,
    required_pieces,
    required_prefixes,
)
from audit.config import Config
from audit.engine import RuleSet


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bin the framework of\b", {"in the framework of"}),
        (r"\b(?:Kiev|Kyiv)an\b", {"iev", "yiv"}),  # the parser factors out the common "K"
        (r"(?<=“)[ ]+(?=\w)", {"“"}),
        (r"\w+ly", None),  # nothing literal long enough
        (r"[[:alpha:]]+ing", None),  # POSIX class: read differently by Python's parser
        (r"(?:colour){e<=1}", None),  # fuzzy matching
        (r"(?:the)? report", {" report"}),
    ],
)
def test_required_literals(pattern, expected):
    found = required_literals(pattern)
    assert (None if found is None else set(found)) == expected


def _rule_regexes():
    """(check, pattern number) of every rule regex of the built-in rule set."""
    ruleset = RuleSet.load(Config(scores=False))
    return [(check, number) for check in ruleset.scanning if isinstance(check, RegexCheck)
            for number in range(len(check.patterns))]


def test_every_rule_example_that_a_pattern_matches_contains_one_of_its_literals():
    checked = 0
    for check, number in _rule_regexes():
        literals = check.literals[number]
        if literals is None:
            continue
        for example in [e.text for e in check.rule.bad + check.rule.good]:
            if check.patterns[number].search(example):
                assert any(literal in example.lower() for literal in literals), (check.rule.id, example)
                checked += 1
    assert checked > 50


def test_gate_runs_patterns_without_literals_and_those_whose_literal_occurs():
    gate = LiteralGate([frozenset({"kiev"}), None, frozenset({"odessa", "lvov"})])
    assert gate.runnable("we went to lvov") == {1, 2}
    assert gate.runnable("nothing") == {1}
    assert gate.runnable(None) == {0, 1, 2}


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:in|of)\s+the\b", {"in", "of"}),
        (r"x?abc", {"abc", "xabc"}),
        (r"(?<=\w)[ ](?=n't\b)", {" n't"}),  # a look-ahead extends the prefix
        (r"(?<=\w)[ ]+x", None),  # a repetition ends the prefix: one character is too short
        (r"\dab", None),  # \d is not only ASCII digits
    ],
)
def test_required_prefixes(pattern, expected):
    found = required_prefixes(pattern)
    assert (None if found is None else set(found)) == expected


def test_every_match_in_the_rule_examples_starts_with_one_of_its_prefixes():
    checked = 0
    for check, number in _rule_regexes():
        prefixes = check.prefixes[number]
        if prefixes is None:
            continue
        for example in [e.text for e in check.rule.bad + check.rule.good]:
            for match in check.patterns[number].finditer(example):
                assert example.lower().startswith(tuple(prefixes), match.start()), (check.rule.id, example)
                checked += 1
    assert checked > 50


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?<=\()[ \u00a0]+(?=\S)|(?<=\w)[ ]+(?=\))", {"( ", "(\u00a0", " )"}),  # look-behind, last repetition
        (r"(?<=[^\W\d_])[ ](?P<v>[:;])(?=\s)", {" :", " ;"}),  # two neighbouring elements
        (r"\bof\s+the\b", {"the"}),  # \s is no small set: the strings stop there
        (r"[a-e][a-e]x", {"ax", "bx", "cx", "dx", "ex"}),  # 25 strings are more than are worth looking for
        (r"grn\.|grn\b", {"grn"}),  # a string that contains another is dropped
        (r"\w+ly", {"ly"}),
    ],
)
def test_required_pieces(pattern, expected):
    found = required_pieces(pattern)
    assert (None if found is None else set(found)) == expected


def test_every_rule_example_that_a_pattern_matches_contains_one_of_its_pieces():
    checked = 0
    for check, number in _rule_regexes():
        pieces = required_pieces(check.patterns[number].pattern, max_count=1_000)
        if pieces is None:
            continue
        for example in [e.text for e in check.rule.bad + check.rule.good]:
            if check.patterns[number].search(example):
                assert any(piece in example.lower() for piece in pieces), (check.rule.id, example, pieces)
                checked += 1
    assert checked > 100


def test_pieces_rule_out_a_pattern_whose_pieces_are_absent():
    """A rule regex with no literal worth an automaton key is not run where its pieces are absent."""
    ruleset = RuleSet.load(Config(scores=False))
    check = next(c for c in ruleset.scanning if c.rule.id == "LOC-SPACE-BEFORE-PERCENT")
    assert check.literals == [None] and check.pieces[0] is not None
    report_of = {text: [f.rule for f in audit_text(text, Config(scores=False)).files[0].findings]
                 for text in ("Prices rose by 4 % in May.", "Prices rose by 4% in May.")}
    assert "LOC-SPACE-BEFORE-PERCENT" in report_of["Prices rose by 4 % in May."]
    assert "LOC-SPACE-BEFORE-PERCENT" not in report_of["Prices rose by 4% in May."]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?<=\S[ \t]{1,3})Photo", True),  # varying width, bounded: a bounded cost at each position
        (r"(?<![\w-])word", True),
        (r"(?<=\b[a-z]{3,})[.!?]", False),  # as wide as a word is long
        (r"(?:x(?<=a[^\n]*)y)+", False),  # inside a repetition too
        (r"\p{Cyrillic}+", False),  # not read by Python's parser
    ],
)
def test_lookbehinds_bounded(pattern, expected):
    assert lookbehinds_bounded(pattern) is expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\p{Cyrillic}{2,}", r"[\p{Cyrillic}]"),
        (r"^(?=[^\n]*\p{Cyrillic}{3})[^\p{Latin}\n]{15,}$", r"[\p{Cyrillic}]"),  # what a look-ahead needs
        (r"(?<![\p{L}])[АВ](?![\p{L}])", r"[\U00000410\U00000412]"),
        ("«[^»]+»|„", r"[\U000000ab]|[\U0000201e]"),  # every branch needs one
        ("«[^»]+»|x", None),  # a branch that needs none
        (r"\P{Cyrillic}+", None),  # matches ASCII characters
        ("[“\"]", None),  # one of them is ASCII
        ("\u212a", None),  # the Kelvin sign matches k when case is ignored
        (r"\bthe\b", None),
        (r"\p{NoSuchProperty}", None),
    ],
)
def test_required_outside_ascii(pattern, expected):
    assert required_outside_ascii(pattern) == expected


def test_outside_ascii_gate_rules_out_a_text_without_the_characters():
    gate = OutsideAsciiGate({0: r"[\p{Cyrillic}]", 1: r"[\U000000ab]"})
    assert gate.ruled_out("Kyiv, plain ASCII", [0, 1]) == [0, 1]
    assert gate.ruled_out("“Kyiv” in «quotes»", [0, 1]) == [0]
    assert gate.ruled_out("Київ", [0, 1]) == [1]
    assert gate.ruled_out("КИЇВ", [0]) == []


def test_every_rule_example_that_a_pattern_matches_holds_a_character_it_needs():
    checked = 0
    for check, number in _rule_regexes():
        needed = required_outside_ascii(check.patterns[number].pattern)
        if needed is None:
            continue
        for example in [e.text for e in check.rule.bad + check.rule.good]:
            if check.patterns[number].search(example):
                assert OutsideAsciiGate({0: needed}).ruled_out(example, [0]) == [], (check.rule.id, example)
                checked += 1
    assert checked > 5


@pytest.mark.parametrize(
    ("text", "phrase", "word"),
    [
        ("died in Moscow In Moscow, officials said", True, False),
        ("it was of theof the army", True, False),  # a repeat glued to the phrase before it
        ("rose in the city in the city", True, False),
        ("in the big city in the big city", False, False),  # four words: no phrase of the rule
        ("saw big townsaw big town", True, False),
        ("Watch watch it", False, True),
        ("the cat sat on the mat", False, False),
    ],
)
def test_repeat_index_reads_what_every_doubled_match_holds(text, phrase, word):
    from audit.checks.patterns import _DOUBLED_PHRASE, DoubledPhraseCheck, DoubledWordCheck

    runs = [run.casefold() for run in re.findall(r"[\w'’]+", text)]
    assert bool(DoubledPhraseCheck.repeats(runs)) is phrase
    assert bool(DoubledWordCheck.repeats(runs)) is word
    assert bool(_DOUBLED_PHRASE.search(text)) is phrase


def test_repeat_index_splits_an_ascii_text_into_the_runs_a_pattern_finds():
    from audit.checks.patterns import _ASCII_NOT_IN_RUN

    ascii_text = "".join(map(chr, range(128))) + " It's o'clock:\tdon't-stop 3rd_place x\x1cy\x0bz ''a'' A.B "
    for text in (ascii_text, "Watch watch it", "rose in the city in the city", ""):
        lowered = text.lower()
        assert lowered.translate(_ASCII_NOT_IN_RUN).split() == re.findall(r"[\w']+", lowered, re.ASCII)


def test_repeat_index_rules_out_doubled_checks_without_a_repeat():
    ruleset = RuleSet.load(Config(scores=False))
    report_of = {text: [f.rule for f in audit_text(text, Config(scores=False)).files[0].findings]
                 for text in ("Prices rose in the city in the city, officials said.", "Prices rose in the city.")}
    assert "REP-DOUBLED-PHRASE" in report_of["Prices rose in the city in the city, officials said."]
    assert not {"REP-DOUBLED-PHRASE", "REP-DOUBLED-WORD"} & set(report_of["Prices rose in the city."])
    assert any(type(index).__name__ == "RepeatIndex" for index in ruleset.shared)
