"""Matchers that look at whole lines and at the article's shape: scraped page furniture, lines
printed twice, text cut off at the end, and names spelled two ways in one article."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterator

import ahocorasick
import regex

from ..document import Document
from ..hits import Hit
from ..rules.params import param
from ..text.dataclass_code import dataclass
from ..text.shipped import compiled_re, compiled_regex
from ..text.words import SPACE_CHUNK, space_chunks
from .base import (
    Check,
    CheckContext,
    Needs,
    SharedIndex,
    Twin,
    combine,
    combine_twins,
    compile_regex,
    compile_twin,
    finditer,
    fullmatch,
    register,
    time_bound,
)
from .budget import bounded
from .prefilter import iter_matches

_NORMALISE = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " "})
_TERMINAL = tuple(".!?…\"”’)»]:;'")
_MAX_LINE_CHARS = 2000  # a line longer than this is not page furniture (and is not matched against it)
_TRIMMED_LINE = compiled_re(r"^[^\S\n]*+(\S(?:[^\n]*\S)?)", re.MULTILINE)  # \s as str.strip


def trimmed_lines(doc: Document) -> Iterator[tuple[int, int]]:
    """(start, end) of every line that is not blank, without its surrounding white space."""
    for match in _TRIMMED_LINE.finditer(doc.text):
        yield match.span(1)


class FurnitureIndex(SharedIndex):
    """All boilerplate-line checks of a rule set in one pass over the lines: one combined pattern (in
    `regex`, or its `re` twin for the documents the twin reads alike) says whether any of their patterns
    can match a line, so that each rule's own patterns run only on the
    few lines that may be page furniture (300 patterns times every line was the slowest part of a run).
    Its value for a document: the (start, end) of the trimmed lines that some pattern may match."""

    def __init__(self, checks: list[Check]) -> None:
        super().__init__(checks)
        lines = [c for c in checks if isinstance(c, BoilerplateLineCheck)]
        self.max_words = max((c.max_words for c in lines), default=-1)
        self.combined, self.alone = combine([p for c in lines for p in c.patterns])
        # the same alternation in `re`, for the documents its twin reads alike (combine_twins)
        self.twinned = combine_twins([p for c in lines for p in c.patterns], [t for c in lines for t in c.twinned])
        self.empty = not lines
        self.line_checks = lines
        # A line of n words can only be furniture to the checks that take lines of n words or more: for
        # the longer lines, which few checks take (a sentence of prose is 20-80 words), only their
        # patterns are combined. Tiers: each distinct `max_words` that at most a TIER_SHARE of the checks
        # reach -> the patterns of those checks (a line of n words: the tier of the least value >= n).
        self.word_limits = sorted({c.max_words for c in lines})
        self.tiers: dict[int, tuple[tuple[regex.Pattern | None, list[regex.Pattern]],
                                    tuple[Twin | None, list[regex.Pattern]]]] = {}
        for limit in self.word_limits:
            reaching = [c for c in lines if c.max_words >= limit]
            if len(reaching) <= TIER_SHARE * len(lines):
                patterns = [p for c in reaching for p in c.patterns]
                self.tiers[limit] = combine(patterns), combine_twins(patterns, [t for c in reaching for t in c.twinned])

    def prepare(self, doc: Document, context: CheckContext) -> list[tuple[int, int]]:
        return self.candidates(doc)

    def cannot_match(self, prepared: list[tuple[int, int]]) -> Collection[Check]:
        """The boilerplate-line checks when no line may be page furniture (most articles): not run."""
        return () if prepared else self.line_checks

    def candidates(self, doc: Document) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        if self.empty:
            return found
        text = doc.text
        for s, e in trimmed_lines(doc):
            if e - s > _MAX_LINE_CHARS:
                continue
            line = text[s:e]
            words = len(line.split(None, self.max_words))  # (max_words + 1: more than any check takes)
            if words > self.max_words:
                continue
            if self._may_match(doc, line, words):
                found.append((s, e))
        return found

    def _may_match(self, doc: Document, line: str, words: int) -> bool:
        (combined, alone), (twin, others) = (self.combined, self.alone), self.twinned
        if self.tiers:
            tier = self.tiers.get(self.word_limits[bisect.bisect_left(self.word_limits, words)])
            if tier is not None:
                (combined, alone), (twin, others) = tier
        try:
            if twin is not None and twin.reads_alike(doc):  # built-in patterns only: no time bound
                if twin.compiled().fullmatch(line):
                    return True
                alone = others
            # the combined pattern may hold user rules' patterns: it runs within their budget too
            elif combined is not None and combined.fullmatch(line, timeout=_shared_timeout(line)):
                return True
            return any(p.fullmatch(line, timeout=_shared_timeout(line)) for p in alone)
        except TimeoutError:
            return True  # let the rules' own patterns decide (and report their time-out)


TIER_SHARE = 0.25


def _shared_timeout(line: str) -> float:
    timeout, budget = bounded(time_bound(line), None)
    if budget is not None and timeout <= 0:
        raise TimeoutError
    return timeout


_NORMALISE_PAIRS = [(chr(k), v if isinstance(v, str) else chr(v)) for k, v in _NORMALISE.items()]


def normalise_line(line: str) -> str:
    # str.replace of the few marks present, not str.translate (a table lookup for every character)
    if not line.isascii():
        for mark, plain in _NORMALISE_PAIRS:
            if mark in line:
                line = line.replace(mark, plain)
    return collapse_white_space(line.casefold())


def collapse_white_space(text: str) -> str:
    """" ".join(text.split()), a megabyte at a time: the words of a 16 MB line are not all listed at
    once (they took 250 MB). Each piece ends before a white-space character, so no word is cut."""
    if len(text) <= SPACE_CHUNK:
        return " ".join(text.split())
    parts = (" ".join(text[start:end].split()) for start, end in space_chunks(text))
    return " ".join(part for part in parts if part)


def _line_hit(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The line's span without its leading and trailing white space."""
    chunk = doc.text[start:end]
    left = len(chunk) - len(chunk.lstrip())
    return start + left, start + len(chunk.rstrip())


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else value


@dataclass(frozen=True)
class BoilerplateParams:
    lines: str | list[str] = param(doc="regular expressions a whole line (trimmed) must match", nonempty=True)
    max_words: int = param(40, doc="a line of more words is not page furniture", minimum=1)
    case_sensitive: bool = param(False, doc="match case")


@register
class BoilerplateLineCheck(Check):
    """A whole line of page furniture ("Leave a Reply", "AD", "2 months ago")."""

    kind = "boilerplate"
    Params = BoilerplateParams
    summary = "a whole line of page furniture (`Leave a Reply`, `AD`)"
    needs = Needs(shared=FurnitureIndex, line_level=True, prose="start")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        ignore_case = not rule.params.case_sensitive
        self.patterns = [
            compile_regex(p, rule, "lines", ignore_case=ignore_case) for p in _as_list(rule.params.lines)
        ]
        # Which patterns have an `re` twin (built-in ones), and the twin of their alternation: a line that
        # may be furniture is tried by each check's patterns, and `regex` made some 250 of them for one
        # such line (5 ms); `re` makes a check's alternation from its shipped code in a tenth of that.
        self.twinned = [compile_twin(p, rule) is not None for p in self.patterns]
        self.twin, self.others = combine_twins(self.patterns, self.twinned)
        self.max_words = rule.params.max_words

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        lines = context.shared(FurnitureIndex)
        for s, e in trimmed_lines(doc) if lines is None else lines:
            if e - s > _MAX_LINE_CHARS:
                continue
            line = doc.text[s:e]
            if len(line.split(None, self.max_words)) > self.max_words:
                continue
            if self._matches(doc, line):
                if not self.blocked_by_antipattern(doc, s, e):
                    yield self.hit(s, e)

    def _matches(self, doc: Document, line: str) -> bool:
        """Does one of the check's patterns match the whole line?"""
        patterns = self.patterns
        if self.twin is not None and self.twin.reads_alike(doc):  # built-in patterns only: no time bound
            if self.twin.compiled().fullmatch(line):
                return True
            patterns = self.others
        return any(fullmatch(pattern, line, self.rule.id) for pattern in patterns)


@dataclass(frozen=True)
class RepeatedLineParams:
    min_words: int = param(4, doc="shorter lines are not compared", minimum=1)
    prefix: bool = param(True, doc="also flag a later line that starts with an earlier one")


@register
class RepeatedLineCheck(Check):
    """A line printed again later in the article (a headline or teaser scraped twice), compared
    without regard to case, quotation-mark style and spacing."""

    kind = "repeated-line"
    Params = RepeatedLineParams
    summary = "a line printed again (a headline scraped twice)"
    needs = Needs(line_level=True, prose="start", order=1)

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.min_words = rule.params.min_words
        self.prefix = rule.params.prefix

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        seen: dict[str, int] = {}
        # earlier lines long enough to count as a repeated prefix, as a trie of their words
        # (comparing each line with every earlier one was quadratic in the number of lines)
        trie = _LineTrie()
        # a line enters the trie when a later line may look it up (an article of one long line: never)
        pending: tuple[str, list[str]] | None = None
        lines = self._comparable_lines(doc)
        first, second = next(lines, None), next(lines, None)
        if second is None:
            return  # fewer than two lines to compare (an article of one line): none repeats another
        for s, e in itertools.chain((first, second), lines):
            line = doc.text[s:e]
            if pending is not None:
                trie.add(*pending)
                pending = None
            key = normalise_line(line)
            if key in seen:
                message = f"This line repeats line {seen[key]} word for word: a headline or teaser scraped twice."
                yield self.hit(s, e, message=message)
                continue
            # a repeated prefix is a headline or teaser: the trie holds lines of at most _TRIE_WORDS
            # words, so a line needs no more than that many (+1) to be looked up (a 16 MB line of
            # words split whole took hundreds of megabytes)
            words = key.split(" ", _TRIE_WORDS + 1)[: _TRIE_WORDS + 1]
            if self.prefix:
                previous = trie.earliest_prefix(words)
                if previous is not None:
                    prefix_end = _prefix_end(doc.text, s, e, len(previous))
                    yield self.hit(s, prefix_end, message=f"This line starts by repeating line {seen[previous]}.")
            seen[key] = doc.line_of(s) + 1
            if self.prefix and max(self.min_words, 5) <= len(words) <= _TRIE_WORDS:
                pending = (key, words)


    def _comparable_lines(self, doc: Document) -> Iterator[tuple[int, int]]:
        """(start, end) of the trimmed lines of at least min_words words."""
        for _index, start, end in doc.lines():
            s, e = _line_hit(doc, start, end)
            if len(doc.text[s:e].split(None, self.min_words - 1)) >= self.min_words:
                yield s, e


_TRIE_WORDS = 300


class _LineTrie:
    """Lines as a trie of their words, kept flat: a node is a number, a child is found by the integer
    (parent node, word number) in one dict, and a word is numbered once. (A dict per node and a string
    per word took a hundred megabytes on a 20 MB file.)"""

    __slots__ = ("children", "word_numbers", "ends", "lines")

    def __init__(self) -> None:
        self.children: dict[int, int] = {}
        self.word_numbers: dict[str, int] = {}
        self.ends: dict[int, int] = {}  # node -> the number of the first line that ends there
        self.lines: list[str] = []  # the lines' normalised text, in the order they were added

    def add(self, key: str, words: list[str]) -> None:
        number = len(self.lines)
        self.lines.append(key)
        node = 0
        for word in words:
            word_number = self.word_numbers.setdefault(word, len(self.word_numbers))
            node = self.children.setdefault(_edge(node, word_number), len(self.children) + 1)
        self.ends.setdefault(node, number)

    def earliest_prefix(self, words: list[str]) -> str | None:
        """The earliest line of the trie whose words are a proper prefix of `words`."""
        best: int | None = None
        node = 0
        for word in words[:-1]:
            word_number = self.word_numbers.get(word)
            child = None if word_number is None else self.children.get(_edge(node, word_number))
            if child is None:
                break
            node = child
            ended = self.ends.get(node)
            if ended is not None and (best is None or ended < best):
                best = ended
        return None if best is None else self.lines[best]


def _edge(node: int, word_number: int) -> int:
    return (node << 32) | word_number


def _prefix_end(text: str, start: int, end: int, normalised_length: int) -> int:
    """The offset in text[start:end] where the first `normalised_length` normalised characters end."""
    count = 0
    position = start
    previous_space = False
    while position < end and count < normalised_length:
        is_space = text[position].isspace()
        if not (is_space and previous_space):
            count += 1
        previous_space = is_space
        position += 1
    return position


@dataclass(frozen=True)
class CutOffParams:
    min_words: int = param(6, doc="a shorter last line is not judged", minimum=1)


_CUT_OFF_TAIL = 5_000  # characters of the last line that decide whether it is a heading or a cut sentence


@register
class CutOffEndingCheck(Check):
    """The article's last line stops mid-sentence: enough words, no terminal punctuation, and not a
    title-case heading."""

    kind = "cut-off"
    Params = CutOffParams
    summary = "a last line that stops mid-sentence"
    needs = Needs(line_level=True, prose="start")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.min_words = rule.params.min_words

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        for index in range(len(doc.line_starts) - 1, -1, -1):
            start, end = doc.line_span(index)
            s, e = _line_hit(doc, start, end)
            if s >= e:
                continue
            line = doc.text[max(s, e - _CUT_OFF_TAIL) : e]  # a long line is judged by its end
            if line.endswith(_TERMINAL):
                return  # (tested first: most articles end on a full stop, and the word count is not needed)
            words = [w for w in line.split() if any(c.isalpha() for c in w)]
            if len(words) < self.min_words or doc.is_protected(s, e):
                return
            capitalised = sum(1 for w in words if w[0].isupper())
            if capitalised / len(words) > 0.6:
                return  # a heading or a title, not a sentence
            if not self.blocked_by_antipattern(doc, s, e):
                # the last sentence of the line is what was cut
                sentence_start = max(s, doc.sentence_at(e - 1)[0])
                yield self.hit(sentence_start, e)
            return


@dataclass(frozen=True)
class TrailingFurnitureParams:
    markers: str | list[str] = param(doc="whole-line patterns that end the article on a scraped page", nonempty=True)
    case_sensitive: bool = param(False, doc="match case")


@register
class TrailingFurnitureCheck(Check):
    """Every line after a marker that ends an article on a scraped page (Leave a Reply, Source: X,
    Related) and is not already flagged as boilerplate."""

    kind = "trailing-furniture"
    Params = TrailingFurnitureParams
    summary = "every line after a marker that ends the article on a scraped page"
    needs = Needs(line_level=True, prose="start", order=2)

    def __init__(self, rule) -> None:
        super().__init__(rule)
        ignore_case = not rule.params.case_sensitive
        self.markers = [
            compile_regex(p, rule, "markers", ignore_case=ignore_case) for p in _as_list(rule.params.markers)
        ]
        # one alternation for the markers that combine: one call per line rather than one per marker
        self.combined_markers, self.alone_markers = combine(self.markers)

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        flagged: set[int] | None = None  # computed once a marker is found (most articles have none)
        after_marker = False
        for index, start, end in doc.lines():
            s, e = _line_hit(doc, start, end)
            if s >= e:
                continue
            line = doc.text[s:e]
            if not after_marker:
                after_marker = bool(
                    (self.combined_markers is not None and fullmatch(self.combined_markers, line, self.rule.id))
                    or any(fullmatch(m, line, self.rule.id) for m in self.alone_markers)
                )
                continue
            if flagged is None:
                flagged = context.flagged_lines(doc, self.rule.category)
            if index not in flagged and not self.blocked_by_antipattern(doc, s, e):
                yield self.hit(s, e)


_WORD_CHARACTER = compiled_regex(r"\w")  # `regex`'s \w (marks are word characters), as the rules read words


@dataclass(frozen=True)
class ConsistencyParams:
    variants: list[list[str]] = param(doc="groups of two or more spellings of one name", nonempty=True)


@register
class ConsistencyCheck(Check):
    """When one article uses two spellings of a group (["Sergei", "Sergey"]), the less frequent ones
    (ties: the later) are flagged. Spellings inside quotations are left out: a quoted document or
    speaker keeps its own transcription."""

    kind = "consistency"
    Params = ConsistencyParams
    summary = "a second spelling of one name in one article (Sergei / Sergey Lavrov)"

    def __init__(self, rule) -> None:
        super().__init__(rule)
        groups = rule.params.variants
        if not all(len(g) >= 2 for g in groups):
            raise rule.error("'variants' must be a list of lists of two or more spellings", "variants")
        if any(not variant for group in groups for variant in group):
            raise rule.error("'variants' must not hold an empty spelling", "variants")
        self.group_of: dict[str, int] = {}
        for number, group in enumerate(groups):
            for variant in group:
                self.group_of[variant] = number
        # every spelling in one Aho-Corasick automaton: a pass over the text in C (an alternation of a
        # hundred names tried at every position cost three times as much)
        self.automaton = ahocorasick.Automaton()
        for variant in self.group_of:
            self.automaton.add_word(variant, len(variant))
        self.automaton.make_automaton()
        self.longest = max(map(len, self.group_of))

    def spellings(self, text: str) -> Iterator[tuple[int, int]]:
        r"""(start, end) of the spellings in `text` that stand alone (no word character either side),
        as `(?<!\w)(?:longest|…|shortest)(?!\w)` finds them: left to right, not overlapping, the
        longest of those starting at one place."""
        word = _WORD_CHARACTER.match
        found = []
        for last, length in iter_matches(self.automaton, text, self.longest):  # (a long text a piece at a time)
            start, end = last + 1 - length, last + 1
            if not (start and word(text, start - 1)) and not word(text, end):
                found.append((start, -end))
        reach = 0
        for start, negative_end in sorted(found):
            if start >= reach:
                reach = -negative_end
                yield start, reach

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        occurrences: dict[int, list[tuple[int, int, str]]] = {}
        text = doc.text
        for start, end in self.spellings(text):
            if doc.is_protected(start, end) or doc.quote_at(start, end):
                continue  # a quotation keeps its source's spelling
            spelling = text[start:end]
            occurrences.setdefault(self.group_of[spelling], []).append((start, end, spelling))
        for found in occurrences.values():
            counts = Counter(spelling for _s, _e, spelling in found)
            if len(counts) < 2:
                continue
            first_seen = {spelling: i for i, (_s, _e, spelling) in reversed(list(enumerate(found)))}
            dominant = max(counts, key=lambda sp: (counts[sp], -first_seen[sp]))
            for start, end, spelling in found:
                if spelling != dominant and not self.blocked_by_antipattern(doc, start, end):
                    yield self.hit(
                        start,
                        end,
                        suggestion=dominant,
                        replacement=dominant,
                        message=f"“{spelling}” is also spelled “{dominant}” in this article; keep one spelling.",
                    )


@register
class MixedScriptCheck(Check):
    """A word mixing Latin and Cyrillic (or Greek) letters, such as "Кremlin" with a Cyrillic К:
    invisible to the eye, fatal to search and spell-checking."""

    kind = "mixed-script"
    summary = "a word mixing Latin and Cyrillic or Greek letters (`Кremlin`)"
    # Only the words around a Cyrillic or Greek letter are read (a word is a longest run of \w, as
    # \w+ finds it), each once: one pattern with nested \w* was quadratic in the length of a word,
    # and reading every word of a long text with one Cyrillic letter in it was linear in its words.
    _WORD_AFTER = compiled_regex(r"\w*")
    _WORD_BEFORE = compiled_regex(r"\w*", regex.REVERSE)
    _LATIN = compiled_regex(r"\p{Latin}")
    _OTHER = compiled_regex(r"[\p{Cyrillic}\p{Greek}]")

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        text = doc.text
        if text.isascii():
            return  # no Cyrillic or Greek letter: no word can mix scripts
        reach = -1
        for other in finditer(self._OTHER, text, self.rule.id):
            at = other.start()
            if at < reach:
                continue  # in the word read last
            end = self._WORD_AFTER.match(text, at).end()
            if end == at:
                continue  # not a word character
            start = self._WORD_BEFORE.match(text, 0, at).start()
            reach = end
            word = text[start:end]
            if not self._LATIN.search(word):
                continue
            if self.blocked_by_antipattern(doc, start, end):
                continue
            latin = "".join(_CONFUSABLE.get(c, c) for c in word)
            suggestion = latin if latin != word and _all_latin(latin) else None
            yield self.hit(start, end, suggestion=suggestion, replacement=suggestion)


# Cyrillic letters that look like Latin ones, and those Latin letters.
_CONFUSABLE = dict(zip("АВЕКМНОРСТХаеорсухіІјЈ", "ABEKMHOPCTXaeopcyxiIjJ", strict=True))


def _all_latin(word: str) -> bool:
    """Is every letter of the word Latin (the suggestion is only offered when it is)?"""
    return all("LATIN" in unicodedata.name(c, "") for c in word if c.isalpha())
