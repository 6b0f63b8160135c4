"""Matchers that scan with regular expressions: free patterns, spacing artefacts, doubled words."""

from __future__ import annotations

import bisect
import functools
import re
import time
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import field
from itertools import chain, compress, count, islice, repeat
from operator import eq

import regex

from ..document import Document
from ..hits import Hit
from ..rules.params import param
from ..rules.precompiled import re_scans_faster
from ..text.dataclass_code import dataclass
from ..text.lazy import lazy_compile
from ..text.pieces import LINES_MIN_CHARS, lines_holding
from ..text.shipped import compiled_regex
from ..text.words import longest_runs
from .base import (
    Check,
    CheckContext,
    Needs,
    SharedIndex,
    Twin,
    compile_regex,
    compile_twin,
    is_builtin_pack,
    regex_timeout,
    register,
    runs_unbounded,
    scan,
    stdlib_twin,
    time_bound,
    timed_out,
)
from .prefilter import (
    SHORT_TEXT,
    LiteralBlocks,
    LiteralGate,
    MergedOffsets,
    Offsets,
    OutsideAsciiGate,
    PieceGate,
    PrefixIndex,
    lookbehinds_bounded,
    match_reach,
    required_literals,
    required_outside_ascii,
    required_pieces,
    required_prefixes,
)
from .prefilter import weight as _piece_weight
from .template import CONTEXT_FIELD, check_fields, fill, group_fields


@dataclass(frozen=True)
class RegexState:
    """RegexIndex's value for one document."""

    runnable: set[int]  # the rule regexes that may match (by their number in the index)
    # regex number -> the sorted offsets where a match may start (None: not computed; a pattern with
    # prefixes but no entry has no place to start; an entry None: too dense to use, scan the whole text)
    starts: dict[int, Offsets | None] | None
    base: dict[str, int]  # rule id -> the number of its first pattern
    # where the literals occur in a long text (None: a short one, or no literals to look for)
    blocks: LiteralBlocks | None = None
    # check -> the numbers of its runnable patterns, rising (a check with none is not in it)
    by_check: dict[Check, list[int]] = field(default_factory=dict)
    # check -> the matches of each of its runnable patterns, as RegexCheck.may_match made them
    tried: dict[Check, list[Iterable[regex.Match | re.Match]]] = field(default_factory=dict)


class RegexIndex(SharedIndex):
    """Every rule regex of the rule set behind one literal gate (a pattern none of whose required
    strings occurs in the document is not run) and one prefix index (where a match can start)."""

    def __init__(self, checks: list[Check]) -> None:
        super().__init__(checks)
        self.base: dict[str, int] = {}
        literals: list[frozenset[str] | None] = []
        prefixes: list[frozenset[str] | None] = []
        for check in checks:
            assert isinstance(check, RegexCheck)
            self.base[check.rule.id] = len(literals)
            literals += check.literals
            prefixes += check.prefixes
        self.gate = LiteralGate(literals)
        self.prefixes = PrefixIndex(prefixes)
        self.prefixed = frozenset(number for number, found in enumerate(prefixes) if found is not None)
        self.owner = [check for check in checks for _pattern in check.patterns]  # pattern number -> check
        self.everyone = frozenset(checks)
        # pattern number -> its short pieces (RegexCheck.pieces), for the patterns that have them
        self.pieces = PieceGate({
            self.base[check.rule.id] + number: pieces
            for check in checks
            for number, pieces in enumerate(check.pieces)  # type: ignore[attr-defined]
            if pieces is not None
        })
        # pattern number -> the characters outside ASCII one of which it needs (RegexCheck.outside_ascii)
        self.outside_ascii = OutsideAsciiGate({
            self.base[check.rule.id] + number: needed
            for check in checks
            for number, needed in enumerate(check.outside_ascii)  # type: ignore[attr-defined]
            if needed is not None
        })

    def prepare(self, doc: Document, context: CheckContext) -> RegexState:
        lowered = context.lowered_text(doc)
        runs = functools.cache(lambda: longest_runs(doc.text, doc.line_starts))
        runnable, blocks = self.gate.scan(lowered, runs)
        candidates = self.outside_ascii.numbers.intersection(runnable)
        if candidates:  # a Cyrillic word is looked for in an English text without one (most texts: ASCII)
            runnable.difference_update(self.outside_ascii.ruled_out(doc.text, candidates))
        if lowered is not None:  # past the literal gate, the pieces (a few strings a pattern)
            candidates = self.pieces.numbers.intersection(runnable)
            if candidates:
                runnable.difference_update(self.pieces.ruled_out(lowered, candidates))
        starts = self.prefixes.starts(lowered, runnable)
        if starts is not None:  # a pattern with prefixes none of which occurs has nowhere to start
            runnable.difference_update(self.prefixed.intersection(runnable).difference(starts))
        by_check: dict[Check, list[int]] = {}
        owner = self.owner
        for number in sorted(runnable):
            check = owner[number]
            numbers = by_check.get(check)
            if numbers is None:
                by_check[check] = [number]
            else:
                numbers.append(number)
        return RegexState(runnable, starts, self.base, blocks, by_check)

    def cannot_match(self, prepared: RegexState) -> frozenset[Check]:
        return self.everyone.difference(prepared.by_check)


@dataclass(frozen=True)
class RegexParams:
    pattern: str | list[str] = param(doc="one regular expression or a list", nonempty=True)
    group: int | str = param(0, doc="the group to flag, by number or name (0: the whole match)")
    case_sensitive: bool = param(False, doc="match case (patterns are case-insensitive by default)")


@register
class RegexCheck(Check):
    """Free regular expressions. The suggestion may use \\1 or \\g<name>."""

    kind = "regex"
    Params = RegexParams
    summary = "regular-expression matches (the `regex` module, multi-line; time-bounded per file)"
    needs = Needs(shared=RegexIndex)

    def __init__(self, rule) -> None:
        super().__init__(rule)
        params = rule.params  # RegexParams, or a subclass kind's parameters with `pattern` and `case_sensitive`
        patterns = [params.pattern] if isinstance(params.pattern, str) else params.pattern
        if not all(patterns):
            raise rule.error("'pattern' must not be empty", "pattern")
        ignore_case = not params.case_sensitive
        self.patterns = [compile_regex(p, rule, "pattern", ignore_case=ignore_case) for p in patterns]
        self.literals = [required_literals(p) for p in patterns]  # None: always run
        # short strings one of which every match contains, looked for with `in` past the literal gate,
        # for the patterns the gate cannot rule out (no literals): None when none rule out more. Read
        # for the gated ones too they cost 0.5 s of a cold build and gained nothing measurable.
        self.pieces = [
            _worth_looking_for(required_pieces(pattern)) if literals is None else None
            for pattern, literals in zip(patterns, self.literals, strict=True)
        ]
        # a class of characters outside ASCII one of which every match needs (\p{Cyrillic}), or None
        self.outside_ascii = [required_outside_ascii(p) for p in patterns]
        # how far from one of its literals a match can lie (a long text is scanned near them only)
        self.reaches = [
            match_reach(p, compiled.flags) if literals is not None else None
            for p, compiled, literals in zip(patterns, self.patterns, self.literals, strict=True)
        ]
        # where a match can start (built-in rules only: the match at each start has its own time bound);
        # none for a kind with a `find` of its own, which reads no starts (SpacedHyphenCheck: its prefixes,
        # "e " among them, were a sixth of the prefix index's matches)
        builtin = is_builtin_pack(rule.pack)
        reads_starts = builtin and type(self).find is RegexCheck.find
        self.prefixes = [required_prefixes(p) if reads_starts else None for p in patterns]
        # Python's re stands in for `regex` on the patterns that scan every document (it is faster on
        # those; `regex` is faster on the long alternations of the gated ones)
        twins = [compile_twin(p, rule) for p in self.patterns]
        # built-in and read by `re` too, or with look-behinds of bounded width only (what keeps `re` from
        # reading most of the others): no time bound on a short text (base.UNBOUNDED_MAX_CHARS)
        self.trusted = [
            twin is not None or (builtin and lookbehinds_bounded(pattern))
            for twin, pattern in zip(twins, patterns, strict=True)
        ]
        # Python's re stands in for `regex` on plain text: in a scan of the whole text where it is the
        # faster of the two on a sample of news copy (often not: `regex` is faster on long alternations),
        # and for the matches tried at a pattern's prefixes (a call of `regex` with its time bound costs
        # ten times one of `re`)
        self.twins = [
            twin if twin is not None and re_scans_faster(pattern, functools.partial(_re_scans_faster, pattern, twin))
            else None
            for pattern, twin in zip(self.patterns, twins, strict=True)
        ]
        self.start_twins = [
            twin if prefixes is not None else None for twin, prefixes in zip(twins, self.prefixes, strict=True)
        ]
        # what `find` reads of each pattern, in one tuple: (pattern, twin, start twin, trusted, has prefixes, reach)
        self.plans = list(zip(
            self.patterns, self.twins, self.start_twins, self.trusted,
            [prefixes is not None for prefixes in self.prefixes], self.reaches, strict=True,
        ))
        self.group = getattr(params, "group", 0)
        for pattern in self.patterns:
            if isinstance(self.group, int) and self.group > pattern.groups:
                raise rule.error(f"pattern {pattern.pattern!r} has no group {self.group}", "group")
            if isinstance(self.group, str) and self.group not in pattern.groupindex:
                raise rule.error(f"pattern {pattern.pattern!r} has no group named {self.group!r}", "group")
        # a message that quotes the pattern's named groups ({day:int} {month:month}) is filled per match
        self.message_fields = group_fields(rule.message)
        problem = check_fields(self.message_fields, set.intersection(*(set(p.groupindex) for p in self.patterns)))
        if self.message_fields and problem:
            raise rule.error(problem, "message")

    def may_match(self, doc: Document, context: CheckContext) -> bool:
        """False when no runnable pattern matches: on a short text the patterns tried without a time
        bound (most) are tried here, their matches kept for `find`, and a check none of whose
        patterns matches is not run (nine in ten of those past the prefilters)."""
        state: RegexState | None = context.shared(RegexIndex)
        if state is None or type(self).find is not RegexCheck.find or not runs_unbounded(doc.text):
            return True
        numbers = state.by_check.get(self)
        if not numbers:
            return False
        tried: list[Iterable[regex.Match | re.Match]] = []
        for index in numbers:
            matches, timed = self._matches(index, doc, state)
            # a timed one is read in `find`, where its RegexTimeout is caught
            tried.append(matches if timed or type(matches) is list else list(matches))
        if not any(tried):
            return False
        state.tried[self] = tried
        return True

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        state: RegexState = context.shared(RegexIndex)
        numbers = state.by_check.get(self)
        if not numbers:
            return  # no string every match contains is in the text (LiteralGate, pieces, prefixes)
        tried = state.tried.pop(self, None)  # taken: a second call makes them again
        if tried is None:  # each pattern's matches made as they are read
            tried = (self._matches(index, doc, state)[0] for index in numbers)
        text = doc.text
        for matches in tried:
            for match in matches:
                start, end = match.span(self.group)
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
                    message = fill(self.rule.message, groups, text, start, end, suggestion)
                yield self.hit(start, end, suggestion=suggestion, replacement=suggestion, message=message)

    def _matches(
        self, index: int, doc: Document, state: RegexState
    ) -> tuple[Iterable[regex.Match | re.Match], bool]:
        """The matches of pattern number `index` (of the index) as finditer gives them, made as they
        are read, and whether a time bound is read as they are (False: made in full, nothing raised)."""
        pattern, twin, start_twin, trusted, prefixed, reach = self.plans[index - state.base[self.rule.id]]
        rule_id, text, all_starts, blocks = self.rule.id, doc.text, state.starts, state.blocks
        starts = all_starts.get(index, _NO_STARTS) if prefixed and all_starts is not None else None
        # a long text: the regions near the pattern's literals hold every match (LiteralBlocks)
        regions = blocks.regions(index, reach) if blocks is not None else None
        if regions is not None and starts is not None:
            starts = _starts_within(starts, regions)
        unbounded = runs_unbounded(text)
        if starts is not None and start_twin is not None and start_twin.reads_alike(doc):
            if len(starts) * _SCAN_PER_TWIN_START >= len(text):  # a twin scan or a trusted one
                return _scan_regions(pattern, _scan_twin(twin, doc), doc, rule_id, regions, trusted), not unbounded
            if start_twin.worth_compiling(len(starts)):
                return _twin_matches_at(start_twin, text, starts, rule_id), len(starts) > _TRIES_PER_CLOCK
            return _matches_at(pattern, text, starts, rule_id, trusted), not (trusted and unbounded)
        if starts is not None and len(starts) * _SCAN_PER_START < len(text):
            return _matches_at(pattern, text, starts, rule_id, trusted), not (trusted and unbounded)
        if twin is None and trusted and regions is None and unbounded:
            return pattern.finditer(text), False  # what `scan` gives here, without its steps (most scans)
        scan_twin = _scan_twin(twin, doc)  # a twin that reads the text alike, or None
        timed = not unbounded or (scan_twin is None and not trusted)
        return _scan_regions(pattern, scan_twin, doc, rule_id, regions, trusted), timed


_MIN_PIECE_WEIGHT = 2  # a set with one common character in it (" ", ".") rules out nothing


def _worth_looking_for(pieces: frozenset[str] | None) -> frozenset[str] | None:
    """The pieces (of a pattern the literal gate cannot rule out), unless one is a single common character."""
    if pieces is None or min(map(_piece_weight, pieces)) < _MIN_PIECE_WEIGHT:
        return None
    return pieces


# A match tried at one start costs about as much as a scan of this many characters (by `regex` with
# its time bound, or by `re`).
_SCAN_PER_START = 80
_SCAN_PER_TWIN_START = 16
_NO_STARTS: list[int] = []


def _starts_within(starts: Offsets, regions: list[tuple[int, int]]) -> Offsets:
    """The starts that lie in the regions (sorted, disjoint), in order: the slice of each region, found by
    bisection (a step in Python at every start took a tenth of a 20 MB file's time)."""
    if isinstance(starts, MergedOffsets):
        return MergedOffsets([_starts_within(part, regions) for part in starts.parts])
    kept = array(starts.typecode if isinstance(starts, array) else "q")
    low = 0
    for start, end in regions:
        low = bisect.bisect_left(starts, start, low)
        high = bisect.bisect_left(starts, end, low)
        kept.extend(starts[low:high])
        low = high
    return kept


def _scan_regions(
    pattern: regex.Pattern, twin: Twin | None, doc: Document, rule_id: str, regions: list[tuple[int, int]] | None,
    trusted: bool = False,
) -> Iterator[regex.Match | re.Match]:
    """`scan` of the whole text (`regions` None), or of the regions in turn: the same matches, when
    the regions hold them all (LiteralBlocks)."""
    if regions is None:
        return scan(pattern, twin, doc, rule_id, trusted=trusted)
    return (
        match for start, end in regions for match in scan(pattern, twin, doc, rule_id, start, end, trusted=trusted)
    )


def _scan_twin(twin: Twin | None, doc: Document) -> Twin | None:
    """The `re` twin for a scan of the whole document, or None (scan by `regex`) while compiling it
    is not yet worth it (`Twin.worth_compiling`; a scan of _SCAN_PER_START characters counts as one try)."""
    if twin is None or not twin.reads_alike(doc):
        return twin
    return twin if twin.worth_compiling(max(1, len(doc.text) // _SCAN_PER_START)) else None


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


def _twin_matches_at(twin: Twin, text: str, starts: Offsets, rule_id: str) -> Iterable[re.Match]:
    """_matches_at by the pattern's `re` twin (a document of plain characters). `re` has no time bound:
    the time of all the tries is looked at after every _TRIES_PER_CLOCK tries, and past the document's
    bound (`time_bound`) the rule stops as a `regex` pattern that timed out does. (`regex` cannot stand
    in here on a long text: before each try it looks for the pattern's required string up to the
    end of the text, a pass over the rest of a megabyte for every start.)"""
    match_at = twin.compiled().match
    if len(starts) <= _TRIES_PER_CLOCK:  # no clock to read: the tries as they are, made at once
        return _leftmost_list(map(match_at, repeat(text), starts))
    return _timed_tries(match_at, text, starts, rule_id)


def _timed_tries(
    match_at: Callable[..., re.Match | None], text: str, starts: Offsets, rule_id: str
) -> Iterator[re.Match]:
    """_twin_matches_at of many starts: the clock read after every _TRIES_PER_CLOCK tries."""
    deadline = time.monotonic() + time_bound(text)
    remaining = iter(starts)
    reach = 0
    while batch := list(islice(remaining, _TRIES_PER_CLOCK)):
        for match in _leftmost(map(match_at, repeat(text), batch), reach):
            yield match
            reach = max(match.end(), match.start() + 1)
        if time.monotonic() > deadline:
            raise timed_out(rule_id)


_TRIES_PER_CLOCK = 256


def _leftmost(tries: Iterator[re.Match | regex.Match | None], reach: int = 0) -> Iterator[re.Match | regex.Match]:
    """The matches of tries at sorted starts that finditer gives: each at the first start (at or
    past `reach`) after the end of the one before. The tries are made in C, one at every start: those
    inside an earlier match (few, as matches are) cost less than a Python step at every start."""
    for match in filter(None, tries):
        start = match.start()
        if start >= reach:
            yield match
            reach = max(match.end(), start + 1)


def _leftmost_list(tries: Iterator[re.Match | regex.Match | None]) -> list[re.Match | regex.Match]:
    """list(_leftmost(tries)), the tries made in C first: most find nothing, and one match is its own
    leftmost (no generator to step through)."""
    found = list(filter(None, tries))
    return found if len(found) <= 1 else list(_leftmost(iter(found)))


def _matches_at(
    pattern: regex.Pattern, text: str, starts: Offsets, rule_id: str, trusted: bool = False
) -> Iterable[regex.Match]:
    """What pattern.finditer(text) gives when no match can start anywhere but at `starts` (sorted):
    the leftmost match is the one at the first start where the pattern matches, and so on after it.
    Each try has its time bound, but a trusted pattern's on a short text (base.runs_unbounded)."""
    if trusted and runs_unbounded(text):
        return _leftmost_list(map(pattern.match, repeat(text), starts))
    return _bounded_matches_at(pattern, text, starts, rule_id)


def _bounded_matches_at(pattern: regex.Pattern, text: str, starts: Offsets, rule_id: str) -> Iterator[regex.Match]:
    """_matches_at, each try with its time bound."""
    reach = 0
    tried = -1
    try:
        for start in starts:
            if start < reach or start == tried:
                continue
            tried = start
            match = pattern.match(text, start, timeout=regex_timeout(text, rule_id))
            if match is not None:
                yield match
                reach = max(match.end(), start + 1)
    except TimeoutError:
        raise timed_out(rule_id) from None


_SPACES = "[ \\t\\u00a0]+"
_LETTER = "[^\\W\\d_]"


@dataclass(frozen=True)
class SpacingParams:
    before: list[str] = param(doc="the marks (single characters) that must not follow a space", nonempty=True)


@register
class SpacingCheck(Check):
    """A mark after a space (a detokenisation artefact): "-" flags "high -level" (word, space, hyphen,
    word); punctuation marks flag "word ," and "word ."."""

    kind = "spacing"
    Params = SpacingParams
    summary = "a space before a hyphen (`high -level`) or before punctuation"
    default_fix = "safe"

    def __init__(self, rule) -> None:
        super().__init__(rule)
        marks = rule.params.before
        if not all(len(m) == 1 for m in marks):
            raise rule.error("'before' must be a list of single characters", "before")
        self.patterns = []
        hyphens = [m for m in marks if m in "-‐"]
        punctuation = [m for m in marks if m not in "-‐"]
        # each pattern's gap and mark, one of which every match holds (no match holds a line break)
        self.gap_marks = [
            re.compile(f"[ \t\u00a0][{re.escape(''.join(group))}]") for group in (hyphens, punctuation) if group
        ]
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
        # where each pattern's match starts, from where its gap starts: the word before it (hyphens), the
        # character before it (punctuation)
        self.from_word = [True] * bool(hyphens) + [False] * bool(punctuation)
        # every match has a space, tab or no-break space right before one of the marks
        self.needles = [gap + mark for gap in " \t\u00a0" for mark in marks]
        self.builtin = is_builtin_pack(rule.pack)

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        text = doc.text
        if not any(needle in text for needle in self.needles):
            return
        # the patterns are tried only where a match can start (a scan of the whole text tried every
        # word); a text with many gaps is scanned whole, a long one in the lines that hold a gap and mark
        gaps = _gap_starts(text, self.needles, len(text) // _SCAN_PER_START)
        rule_id = self.rule.id
        long = len(text) > LINES_MIN_CHARS
        for pattern, twin, from_word, gap_mark in zip(
            self.patterns, self.twins, self.from_word, self.gap_marks, strict=True
        ):
            trusted = twin is not None and self.builtin
            if gaps is None:
                windows = lines_holding(text, gap_mark) if long else ((0, None),)
                matches = chain.from_iterable(
                    scan(pattern, twin, doc, rule_id, start, end, trusted=trusted) for start, end in windows
                )
            else:
                starts = sorted({start for gap in gaps for start in _match_starts(text, gap, from_word)})
                if twin is not None and twin.reads_alike(doc):
                    matches = _twin_matches_at(twin, text, starts, rule_id)
                else:
                    matches = _matches_at(pattern, text, starts, rule_id, trusted)
            for match in matches:
                if match.group("mark") in "-‐":
                    start, end = match.start("left"), match.end()
                    fixed = match.group("left") + match.group("mark") + match.group("right")
                else:
                    start, end = match.start("gap"), match.end("mark")
                    fixed = match.group("mark")
                if self.blocked_by_antipattern(doc, start, end):
                    continue
                yield self.hit(start, end, suggestion=fixed, replacement=fixed)


def _gap_starts(text: str, needles: list[str], most: int) -> list[int] | None:
    """Where the runs of spaces, tabs and no-break spaces that end in one of the needles (a gap and a
    mark) start, or None when there are more than `most` of them."""
    found: set[int] = set()
    for needle in needles:
        for position in _occurrences(text, needle):
            start = position
            while start > 0 and text[start - 1] in _GAP:
                start -= 1
            found.add(start)
            if len(found) > most:
                return None
    return list(found)


_GAP = " \t\u00a0"
# the run of word characters (as `regex` reads \w) that ends where a match is tried, read backwards
_WORD_BEFORE = lazy_compile(r"(?r)\w*", compiler=regex.compile)


def _match_starts(text: str, gap: int, from_word: bool) -> tuple[int, ...]:
    """Where a SpacingCheck pattern's match with its gap at `gap` starts: at the start of the word
    before the gap (as either module reads a word character: the `re` twin or `regex` scans), or at
    the character before it."""
    if not from_word:
        return (gap - 1,) if gap > 0 else ()
    start = gap
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):  # `re`'s \w
        start -= 1
    return start, _WORD_BEFORE.match(text, 0, gap).start()


_FUNCTION_WORDS = frozenset(
    "the a an of to in on at for and or but is was are were be by with from that this it as".split()
)


class RepeatIndex(SharedIndex):
    """The runs of word characters and apostrophes of a short text, case-folded, read once for the
    checks of doubled words and phrases: each check gives the runs that start a repeat of the kind it
    finds (`repeats`), and one with none cannot match. Read where the check's `re` twin scans (it
    reads the runs as `re` does), on a text of up to SHORT_TEXT characters (the runs of a long one
    fill memory); elsewhere every check runs. Prepared: check -> the runs that start its repeats."""

    def prepare(self, doc: Document, context: CheckContext) -> dict[Check, set[str]]:
        text = doc.text
        if len(text) > SHORT_TEXT:
            return {}
        checks = [check for check in self.checks if check.twin is not None and check.twin.reads_alike(doc)]  # type: ignore[attr-defined]
        if not checks:
            return {}
        if text.isascii():  # lower case is case-folded there, and \w the ASCII one: `[\w']+` split out in C
            runs = text.lower().translate(_ASCII_NOT_IN_RUN).split()  # a third of findall's cost
        else:
            runs = list(map(str.casefold, _RUN.findall(text)))
        return {check: check.repeats(runs) for check in checks}  # type: ignore[attr-defined]

    def cannot_match(self, prepared: dict[Check, set[str]]) -> list[Check]:
        return [check for check, starts in prepared.items() if not starts]


_RUN = re.compile(r"[\w'’]+")
# the ASCII characters outside the runs of a text (`[\w']+`, re.ASCII) made spaces
_ASCII_NOT_IN_RUN = {code: ord(" ") for code in range(128) if not (chr(code).isalnum() or chr(code) in "_'")}


# A phrase printed twice: possessive where giving back cannot help (a run of word characters before
# white space, white space before a word, the gap before the repeat, which starts with a letter): 30%
# of the scan's time. Compiled when first used (not at import: 2 ms of a one-file lint).
_DOUBLED_PHRASE_SOURCE = (
    r"(?<![\w'’-])(?P<p>(?!(?:and|or|but|nor)\b|\w++[ \t]++(?:and|or|by|after|to|upon|for|on|in)\b)"
    r"[a-z][\w'’]*+[ \t]++[\w'’]{2,}(?:[ \t]++[\w'’]{2,})?)[ \t]*+\n?+[ \t]*+(?i:(?P=p))(?![\w'’-])"
)
_DOUBLED_PHRASE = lazy_compile(_DOUBLED_PHRASE_SOURCE, regex.V0 | regex.MULTILINE, compiler=regex.compile)

# its `re` twin, made at import from the shipped form of its code (audit/text/shipped.py): made at the
# first run of the check, parsing the pattern in Python was 2 ms of a one-file lint
_DOUBLED_PHRASE_TWIN = stdlib_twin(_DOUBLED_PHRASE_SOURCE, regex.V0 | regex.MULTILINE)


@register
class DoubledPhraseCheck(Check):
    """A phrase of two or three words printed twice in a row ("in Moscow In Moscow"), starting with a
    lower-case letter: not one that starts with a conjunction, nor a chain of a word and a preposition
    (back to back to back)."""

    kind = "doubled-phrase"
    summary = (
        "a phrase of two or three words printed twice (`in Moscow In Moscow`), starting in lower case, "
        "not a chain (`back to back to back`)"
    )
    needs = Needs(shared=RepeatIndex)

    @property
    def twin(self) -> Twin | None:
        return _DOUBLED_PHRASE_TWIN

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        twin = self.twin
        words = (context.shared(RepeatIndex) or {}).get(self)
        text = doc.text
        starts: list[int] = []
        if words and twin is not None and text.isascii():  # tried only where a repeat's first word stands
            lowered = text.lower()  # as long as the text: ASCII
            starts = sorted({start for word in words for start in _occurrences(lowered, word)})
        if starts and len(starts) * _SCAN_PER_TWIN_START < len(text):
            matches = _twin_matches_at(twin, text, starts, self.rule.id)  # type: ignore[arg-type]
        else:
            matches = scan(_DOUBLED_PHRASE, twin, doc, self.rule.id, trusted=twin is not None)  # type: ignore[arg-type]
        for match in matches:
            start, end = match.span()
            if not self.blocked_by_antipattern(doc, start, end):
                yield self.hit(start, end)

    @staticmethod
    def repeats(runs: list[str]) -> set[str]:
        """The runs (RepeatIndex) that start what every match holds: two runs twice in a row (the same
        run two and three runs on), three runs twice, or a repeat glued to the phrase before it ("of
        theof the": the gap before the repeat may be empty); a match starts where its first run does."""
        found: set[str] = set()
        for step in (2, 3):  # the run `step` on is this one (few are), and the run after it too
            for index in compress(count(), map(eq, runs, runs[step:])):
                if runs[index + 1 : index + 2] == runs[index + 1 + step : index + 2 + step]:
                    found.add(runs[index])
        for step in (1, 2):  # glued: the run `step` on is the run `2 * step` on and then this one
            for index in compress(count(), map(str.endswith, runs[step:-step], runs)):
                if runs[index + step] == runs[index + 2 * step] + runs[index]:
                    found.add(runs[index])
        return found


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where `word` occurs in `text`."""
    position = text.find(word)
    while position >= 0:
        yield position
        position = text.find(word, position + 1)


@dataclass(frozen=True)
class DoubledParams:
    exceptions: list[str] = param([], doc="doubled words that are English (`had had`, `that that`)")


@register
class DoubledWordCheck(Check):
    """A word printed twice in a row ("Watch watch"), across spaces or one line break."""

    kind = "doubled"
    Params = DoubledParams
    summary = "a word printed twice (`Watch watch`), except the listed words and reduplicated names"
    default_fix = "safe"
    needs = Needs(shared=RepeatIndex)
    # the gap is matched possessively: "[ ]+\n?[ ]*" backtracked quadratically over a long run of spaces;
    # and the word: no character of the gap is one of it, so giving some back could only fail again
    # (at every word start: a third of the scan's time)
    _PATTERN = compiled_regex(
        r"(?<![\w'’-])(?P<first>[^\W\d_][\w'’]*+)(?P<gap>[ \t\u00a0]++(?:\n[ \t\u00a0]*+)?|\n)"
        r"(?P<second>(?P=first))(?![\w'’-])",
        regex.IGNORECASE,
    )
    twin = stdlib_twin(_PATTERN.pattern, _PATTERN.flags)

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.exceptions = {e.lower() for e in rule.params.exceptions}

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        for match in scan(self._PATTERN, self.twin, doc, self.rule.id, trusted=self.twin is not None):
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
            yield self.hit(start, end, suggestion=word, replacement=word)

    @staticmethod
    def repeats(runs: list[str]) -> set[str]:
        """The runs (RepeatIndex) that start what every match holds: a run twice in a row."""
        return {runs[index] for index in compress(count(), map(eq, runs, runs[1:]))}
