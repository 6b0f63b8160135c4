"""Matchers that scan with regular expressions: free patterns, spacing artefacts, doubled words."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from ..document import Document
from ..rules.model import RuleError
from .base import (
    Check,
    CheckContext,
    Hit,
    RegexTimeout,
    Twin,
    compile_regex,
    compile_twin,
    is_builtin_pack,
    is_plain,
    register,
    scan,
    stdlib_twin,
    time_bound,
)
from .prefilter import required_literals, required_prefixes
from .template import CONTEXT_FIELD, check_fields, fill, group_fields


@register
class RegexCheck(Check):
    """`pattern`: one regular expression or a list (case-insensitive unless `case_sensitive`).
    `group` names the group to flag (default: the whole match). The suggestion may use \\1 or
    \\g<name>."""

    kind = "regex"
    keys = frozenset({"pattern", "case_sensitive", "group"})
    pattern_base: int | None = None  # the index of the first pattern in its rule set (set by RuleSet)

    def __init__(self, rule) -> None:
        super().__init__(rule)
        patterns = rule.params.get("pattern")
        if isinstance(patterns, str):
            patterns = [patterns]
        if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) for p in patterns):
            raise RuleError(f"{rule.pack}: rule {rule.id!r}: 'pattern' must be a regular expression or a list")
        ignore_case = not rule.params.get("case_sensitive", False)
        self.patterns = [compile_regex(p, rule, ignore_case=ignore_case) for p in patterns]
        self.literals = [required_literals(p) for p in patterns]  # None: always run
        # where a match can start (built-in rules only: the match at each start has its own time bound)
        builtin = is_builtin_pack(rule.pack)
        self.prefixes = [required_prefixes(p) if builtin else None for p in patterns]
        # Python's re stands in for `regex` on the patterns that scan every document (it is faster on
        # those; `regex` is faster on the long alternations of the gated ones)
        twins = [compile_twin(p, rule) for p in self.patterns]
        # Python's re stands in for `regex` on plain text: in a scan of the whole text where it is the
        # faster of the two on a sample of news copy (often not: `regex` is faster on long alternations),
        # and for the matches tried at a pattern's prefixes (a call of `regex` with its time bound costs
        # ten times one of `re`)
        self.twins = [
            twin if twin is not None and _re_scans_faster(pattern, twin) else None
            for pattern, twin in zip(self.patterns, twins, strict=True)
        ]
        self.start_twins = [
            twin if prefixes is not None else None for twin, prefixes in zip(twins, self.prefixes, strict=True)
        ]
        self.group = rule.params.get("group", 0)
        # a message that quotes the pattern's named groups ({day:int} {month:month}) is filled per match
        self.message_fields = group_fields(rule.message)
        problem = check_fields(self.message_fields, set.intersection(*(set(p.groupindex) for p in self.patterns)))
        if self.message_fields and problem:
            raise RuleError(f"{rule.pack}: rule {rule.id!r}: {problem}")

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        runnable = context.runnable_patterns
        for number, (pattern, literals, twin) in enumerate(zip(self.patterns, self.literals, self.twins, strict=True)):
            start_twin = self.start_twins[number]
            index = None if self.pattern_base is None else self.pattern_base + number
            if runnable is not None and index is not None:
                if index not in runnable:
                    continue  # a string every match contains is not in the text (LiteralGate)
            elif literals is not None:
                lowered = context.lowered_text(doc)
                if lowered is not None and not any(literal in lowered for literal in literals):
                    continue
            starts = None
            if context.prefix_starts is not None and index is not None and self.prefixes[number] is not None:
                starts = context.prefix_starts.get(index, _NO_STARTS)
            if starts is not None and start_twin is not None and is_plain(doc):
                if len(starts) * _SCAN_PER_TWIN_START < len(doc.text):
                    matches = _twin_matches_at(start_twin, doc.text, starts)
                else:
                    matches = scan(pattern, twin, doc, self.rule.id)
            elif starts is not None and len(starts) * _SCAN_PER_START < len(doc.text):
                matches = _matches_at(pattern, doc.text, starts, self.rule.id)
            else:
                matches = scan(pattern, twin, doc, self.rule.id)
            for match in matches:
                try:
                    start, end = match.span(self.group)
                except (IndexError, regex.error, re.error):
                    raise RuleError(f"rule {self.rule.id}: pattern has no group {self.group!r}") from None
                if start < 0 or start == end:
                    continue
                if self.blocked_by_antipattern(doc, start, end):
                    continue
                suggestion = None
                if self.rule.suggestion is not None:
                    try:
                        suggestion = match.expand(self.rule.suggestion)
                    except (IndexError, regex.error, re.error):
                        suggestion = self.rule.suggestion
                message = None
                if self.message_fields:
                    groups = {name: match.group(name) for name in self.message_fields if name != CONTEXT_FIELD}
                    message = fill(self.rule.message, groups, doc.text, start, end, suggestion)
                yield Hit(start, end, suggestion=suggestion, replacement=suggestion if self.fix == "safe" else None,
                          message=message)


# A match tried at one start costs about as much as a scan of this many characters (by `regex` with
# its time bound, or by `re`).
_SCAN_PER_START = 80
_SCAN_PER_TWIN_START = 16
_NO_STARTS: list[int] = []


_SAMPLE = (
    "Kyiv, March 3 (Reuters) - Ukraine's foreign minister said on Monday that talks with European partners "
    "on a new package of military aid would continue next week, adding that the government expected a decision "
    "before the summit. \u201cWe are grateful for the support,\u201d he told reporters in the capital. According "
    "to the ministry, 12 regions were left without power after the overnight attack, and repair crews worked "
    "through the night to restore supplies to 1,200 homes. The head of the regional administration, Oleksandr "
    "Prokudin, wrote on Telegram that two people had been injured. Prices rose by 4.5 percent in February, the "
    "central bank reported; analysts at the Kyiv School of Economics had expected a smaller rise. In Brussels, "
    "officials said the European Commission would present its proposal (the ninth since the start of the war) "
    "on Wednesday. Meanwhile, the mayor of Odesa, who has held the post since 2014, called on residents to stay "
    "in shelters during air-raid alerts - a call repeated by police and emergency services across the south.\n\n"
) * 2


def _re_scans_faster(pattern: regex.Pattern, twin: Twin) -> bool:
    """Does `re` scan the sample faster than `regex` with its time bound (best of three)?"""
    import time

    def best(scan_once) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            scan_once()
            times.append(time.perf_counter() - start)
        return min(times)

    text = _SAMPLE
    bound = time_bound(text)
    try:
        by_regex = best(lambda: list(pattern.finditer(text, 0, len(text), timeout=bound)))
    except TimeoutError:
        return False
    by_re = best(lambda: list(twin.finditer(text)))
    return by_re < 0.8 * by_regex


def _twin_matches_at(twin: Twin, text: str, starts: list[int]) -> Iterator[re.Match]:
    """_matches_at by the pattern's `re` twin (a plain document)."""
    reach = 0
    tried = -1
    match_at = twin.compiled().match
    for start in starts:
        if start < reach or start == tried:
            continue
        tried = start
        match = match_at(text, start)
        if match is not None:
            yield match
            reach = max(match.end(), start + 1)


def _matches_at(pattern: regex.Pattern, text: str, starts: list[int], rule_id: str) -> Iterator[regex.Match]:
    """What pattern.finditer(text) gives when no match can start anywhere but at `starts` (sorted):
    the leftmost match is the one at the first start where the pattern matches, and so on after it."""
    bound = time_bound(text)
    reach = 0
    tried = -1
    try:
        for start in starts:
            if start < reach or start == tried:
                continue
            tried = start
            match = pattern.match(text, start, timeout=bound)
            if match is not None:
                yield match
                reach = max(match.end(), start + 1)
    except TimeoutError:
        raise RegexTimeout(f"rule {rule_id}: regular expression timed out; rule skipped for this file") from None


_SPACES = "[ \\t\\u00a0]+"
_LETTER = "[^\\W\\d_]"


@register
class SpacingCheck(Check):
    """`before`: marks that must not follow a space (a detokenisation artefact): "-" flags
    "high -level" (word, space, hyphen, word); punctuation marks flag "word ," and "word ."."""

    kind = "spacing"
    keys = frozenset({"before"})
    default_fix = "safe"

    def __init__(self, rule) -> None:
        super().__init__(rule)
        marks = rule.params.get("before")
        if not isinstance(marks, list) or not marks or not all(isinstance(m, str) and len(m) == 1 for m in marks):
            raise RuleError(f"{rule.pack}: rule {rule.id!r}: 'before' must be a list of single characters")
        self.patterns = []
        hyphens = [m for m in marks if m in "-‐"]
        punctuation = [m for m in marks if m not in "-‐"]
        if hyphens:
            marks_class = regex.escape("".join(hyphens))
            # The word before the gap is matched from the start of its token, atomically: starting at
            # every letter of a long word made this quadratic in the length of the word.
            self.patterns.append(
                regex.compile(
                    rf"(?<!\w)(?>\w*?(?P<left>{_LETTER}\w*+))(?P<gap>{_SPACES})(?P<mark>[{marks_class}])"
                    rf"(?P<right>{_LETTER}\w*)"
                )
            )
        if punctuation:
            marks_class = regex.escape("".join(punctuation))
            # "word ," / "word ." but not an ellipsis, a decimal (" .5"), or a mark starting a token ("…")
            self.patterns.append(
                regex.compile(rf"(?P<left>\w)(?P<gap>{_SPACES})(?P<mark>[{marks_class}])(?![{marks_class}.\w])")
            )

        self.twins = [stdlib_twin(p.pattern, p.flags) for p in self.patterns]
        # every match has a space, tab or no-break space right before one of the marks
        self.needles = [gap + mark for gap in " \t\u00a0" for mark in marks]

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        text = doc.text
        if not any(needle in text for needle in self.needles):
            return
        for pattern, twin in zip(self.patterns, self.twins, strict=True):
            for match in scan(pattern, twin, doc, self.rule.id):
                if match.group("mark") in "-‐":
                    start, end = match.start("left"), match.end()
                    fixed = match.group("left") + match.group("mark") + match.group("right")
                else:
                    start, end = match.start("gap"), match.end("mark")
                    fixed = match.group("mark")
                if self.blocked_by_antipattern(doc, start, end):
                    continue
                yield Hit(start, end, suggestion=fixed, replacement=fixed if self.fix == "safe" else None)


_FUNCTION_WORDS = frozenset(
    "the a an of to in on at for and or but is was are were be by with from that this it as".split()
)


@register
class DoubledWordCheck(Check):
    """A word printed twice in a row ("Watch watch"), across spaces or one line break.
    `exceptions`: doubled words that are English (had had, that that)."""

    kind = "doubled"
    keys = frozenset({"exceptions"})
    default_fix = "safe"
    # the gap is matched possessively: "[ ]+\n?[ ]*" backtracked quadratically over a long run of spaces
    _PATTERN = regex.compile(
        r"(?<![\w'’-])(?P<first>[^\W\d_][\w'’]*)(?P<gap>[ \t\u00a0]++(?:\n[ \t\u00a0]*+)?|\n)"
        r"(?P<second>(?P=first))(?![\w'’-])",
        regex.IGNORECASE,
    )
    _TWIN = stdlib_twin(_PATTERN.pattern, _PATTERN.flags)

    def __init__(self, rule) -> None:
        super().__init__(rule)
        exceptions = rule.params.get("exceptions", [])
        if not isinstance(exceptions, list) or not all(isinstance(e, str) for e in exceptions):
            raise RuleError(f"{rule.pack}: rule {rule.id!r}: 'exceptions' must be a list of words")
        self.exceptions = {e.lower() for e in exceptions}

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        for match in scan(self._PATTERN, self._TWIN, doc, self.rule.id):
            word = match.group("first")
            second = match.group("second")
            if word.lower() in self.exceptions:
                continue
            if word[0].isupper() and second[0].isupper() and (len(word) == 1 or word.lower() not in _FUNCTION_WORDS):
                continue  # initials (M M Naravane) and reduplicated names (Saba Saba, Bora Bora)
            start, end = match.span()
            if "\n" in match.group("gap") and doc.paragraph_at(start)[1] < end:
                continue  # a heading followed by a paragraph that starts with the same word
            if self.blocked_by_antipattern(doc, start, end):
                continue
            yield Hit(start, end, suggestion=word, replacement=word if self.fix == "safe" else None)
