"""Matchers that look at whole lines and at the article's shape: scraped page furniture, lines
printed twice, text cut off at the end, and names spelled two ways in one article."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

import regex

from ..document import Document
from ..rules.model import RuleError
from .base import Check, CheckContext, Hit, combine, compile_regex, finditer, fullmatch, register, time_bound

_NORMALISE = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " "})
_TERMINAL = tuple(".!?…\"”’)»]:;'")
_MAX_LINE_CHARS = 2000  # a line longer than this is not page furniture (and is not matched against it)
_TRIMMED_LINE = re.compile(r"^[^\S\n]*+(\S(?:[^\n]*\S)?)", re.MULTILINE)  # \s as str.strip


def trimmed_lines(doc: Document) -> Iterator[tuple[int, int]]:
    """(start, end) of every line that is not blank, without its surrounding white space."""
    for match in _TRIMMED_LINE.finditer(doc.text):
        yield match.span(1)


class FurnitureIndex:
    """All boilerplate-line checks of a rule set in one pass over the lines: one combined pattern says
    whether any of their patterns can match a line, so that each rule's own patterns run only on the
    few lines that may be page furniture (300 patterns times every line was the slowest part of a run)."""

    def __init__(self, checks: list[Check]) -> None:
        self.max_words = max((c.max_words for c in checks), default=-1)
        self.combined, self.alone = combine([p for c in checks for p in c.patterns])
        self.empty = not checks

    def candidates(self, doc: Document) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        if self.empty:
            return found
        text = doc.text
        for s, e in trimmed_lines(doc):
            if e - s > _MAX_LINE_CHARS:
                continue
            line = text[s:e]
            if len(line.split()) > self.max_words:
                continue
            if self._may_match(line):
                found.append((s, e))
        return found

    def _may_match(self, line: str) -> bool:
        try:
            if self.combined is not None and self.combined.fullmatch(line, timeout=time_bound(line)):
                return True
            return any(p.fullmatch(line, timeout=time_bound(line)) for p in self.alone)
        except TimeoutError:
            return True  # let the rules' own patterns decide (and report their time-out)


_NORMALISE_PAIRS = [(chr(k), v if isinstance(v, str) else chr(v)) for k, v in _NORMALISE.items()]


def normalise_line(line: str) -> str:
    # str.replace of the few marks present, not str.translate (a table lookup for every character)
    if not line.isascii():
        for mark, plain in _NORMALISE_PAIRS:
            if mark in line:
                line = line.replace(mark, plain)
    return " ".join(line.casefold().split())


def _line_hit(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The line's span without its leading and trailing white space."""
    chunk = doc.text[start:end]
    left = len(chunk) - len(chunk.lstrip())
    return start + left, start + len(chunk.rstrip())


def _list_of_text(rule, key: str, required: bool = True) -> list[str]:
    value = rule.params.get(key, [])
    if isinstance(value, str):
        value = [value]
    if (required and not value) or not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(f"{rule.pack}: rule {rule.id!r}: '{key}' must be a list of texts")
    return value


@register
class BoilerplateLineCheck(Check):
    """`lines`: regular expressions that a whole line (trimmed) must match to be page furniture
    ("Leave a Reply", "AD", "2 months ago"). Case-insensitive unless `case_sensitive`;
    `max_words` bounds the line length."""

    kind = "boilerplate"
    keys = frozenset({"lines", "case_sensitive", "max_words"})

    def __init__(self, rule) -> None:
        super().__init__(rule)
        ignore_case = not rule.params.get("case_sensitive", False)
        self.patterns = [compile_regex(p, rule, ignore_case=ignore_case) for p in _list_of_text(rule, "lines")]
        self.max_words = int(rule.params.get("max_words", 40))

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        lines = context.furniture_candidates
        for s, e in trimmed_lines(doc) if lines is None else lines:
            if e - s > _MAX_LINE_CHARS:
                continue
            line = doc.text[s:e]
            if len(line.split()) > self.max_words:
                continue
            for pattern in self.patterns:
                if fullmatch(pattern, line, self.rule.id):
                    if not self.blocked_by_antipattern(doc, s, e):
                        yield Hit(s, e)
                    break


@register
class RepeatedLineCheck(Check):
    """A line printed again later in the article (a headline or teaser scraped twice), compared
    without regard to case, quotation-mark style and spacing. `min_words` (default 4) ignores short
    lines; `prefix` (default true) also flags a later line that starts with the earlier one."""

    kind = "repeated-line"
    keys = frozenset({"min_words", "prefix"})
    order = 1

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.min_words = int(rule.params.get("min_words", 4))
        self.prefix = bool(rule.params.get("prefix", True))

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        seen: dict[str, int] = {}
        # earlier lines long enough to count as a repeated prefix, as a trie of their words: each node
        # is {word: child}, with the key "" holding the line's normalised text where a line ends.
        # (Comparing each line with every earlier one was quadratic in the number of lines.)
        prefixes: dict[str, dict] = {}
        order: dict[str, int] = {}
        # a line enters the trie when a later line may look it up (an article of one long line: never)
        pending: tuple[str, list[str]] | None = None
        for _index, start, end in doc.lines():
            s, e = _line_hit(doc, start, end)
            line = doc.text[s:e]
            if len(line.split(None, self.min_words - 1)) < self.min_words:
                continue
            if pending is not None:
                _add_to_trie(prefixes, order, *pending)
                pending = None
            key = normalise_line(line)
            if key in seen:
                message = f"This line repeats line {seen[key]} word for word: a headline or teaser scraped twice."
                yield Hit(s, e, message=message)
                continue
            words = key.split(" ")
            if self.prefix:
                previous = _earliest_prefix(prefixes, order, words)
                if previous is not None:
                    prefix_end = _prefix_end(doc.text, s, e, len(previous))
                    yield Hit(s, prefix_end, message=f"This line starts by repeating line {seen[previous]}.")
            seen[key] = doc.line_of(s) + 1
            if self.prefix and len(words) >= max(self.min_words, 5):
                pending = (key, words)


def _add_to_trie(trie: dict[str, dict], order: dict[str, int], key: str, words: list[str]) -> None:
    order[key] = len(order)
    node = trie
    for word in words:
        node = node.setdefault(word, {})
    node.setdefault("", key)


def _earliest_prefix(trie: dict[str, dict], order: dict[str, int], words: list[str]) -> str | None:
    """The earliest line of the trie whose words are a proper prefix of `words`."""
    best: str | None = None
    node = trie
    for word in words[:-1]:
        child = node.get(word)
        if child is None:
            break
        node = child
        ended = node.get("")
        if ended is not None and (best is None or order[ended] < order[best]):
            best = ended
    return best


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


@register
class CutOffEndingCheck(Check):
    """The article's last line stops mid-sentence: `min_words` (default 6) words or more, no
    terminal punctuation, and not a title-case heading."""

    kind = "cut-off"
    keys = frozenset({"min_words"})

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.min_words = int(rule.params.get("min_words", 6))

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        for index in range(len(doc.line_starts) - 1, -1, -1):
            start, end = doc.line_span(index)
            s, e = _line_hit(doc, start, end)
            if s >= e:
                continue
            line = doc.text[s:e]
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
                yield Hit(sentence_start, e)
            return


@register
class TrailingFurnitureCheck(Check):
    """`markers`: whole-line patterns that end an article on a scraped page (Leave a Reply,
    Source: X, Related). Every later line not already flagged as boilerplate is flagged too."""

    kind = "trailing-furniture"
    keys = frozenset({"markers", "case_sensitive"})
    order = 2

    def __init__(self, rule) -> None:
        super().__init__(rule)
        ignore_case = not rule.params.get("case_sensitive", False)
        self.markers = [compile_regex(p, rule, ignore_case=ignore_case) for p in _list_of_text(rule, "markers")]

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        flagged: set[int] | None = None  # computed once a marker is found (most articles have none)
        after_marker = False
        for index, start, end in doc.lines():
            s, e = _line_hit(doc, start, end)
            if s >= e:
                continue
            line = doc.text[s:e]
            if not after_marker:
                after_marker = any(fullmatch(m, line, self.rule.id) for m in self.markers)
                continue
            if flagged is None:
                flagged = context.flagged_lines(doc, self.rule.category)
            if index not in flagged and not self.blocked_by_antipattern(doc, s, e):
                yield Hit(s, e)


@register
class ConsistencyCheck(Check):
    """`variants`: groups of spellings of one name (["Sergei", "Sergey"]). When one article uses
    two spellings of a group, the less frequent ones (ties: the later) are flagged. Spellings inside
    quotations are left out: a quoted document or speaker keeps its own transcription."""

    kind = "consistency"
    keys = frozenset({"variants"})

    def __init__(self, rule) -> None:
        super().__init__(rule)
        groups = rule.params.get("variants")
        if (
            not isinstance(groups, list)
            or not groups
            or not all(isinstance(g, list) and len(g) >= 2 and all(isinstance(v, str) for v in g) for g in groups)
        ):
            raise RuleError(
                f"{rule.pack}: rule {rule.id!r}: 'variants' must be a list of lists of two or more spellings"
            )
        self.group_of: dict[str, int] = {}
        for number, group in enumerate(groups):
            for variant in group:
                self.group_of[variant] = number
        alternatives = "|".join(regex.escape(v) for v in sorted(self.group_of, key=len, reverse=True))
        self.pattern = regex.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        occurrences: dict[int, list[tuple[int, int, str]]] = {}
        for match in finditer(self.pattern, doc.text, self.rule.id):
            if doc.is_protected(*match.span()) or doc.quote_at(*match.span()):
                continue  # a quotation keeps its source's spelling
            occurrences.setdefault(self.group_of[match.group()], []).append((match.start(), match.end(), match.group()))
        for found in occurrences.values():
            counts = Counter(spelling for _s, _e, spelling in found)
            if len(counts) < 2:
                continue
            first_seen = {spelling: i for i, (_s, _e, spelling) in reversed(list(enumerate(found)))}
            dominant = max(counts, key=lambda sp: (counts[sp], -first_seen[sp]))
            for start, end, spelling in found:
                if spelling != dominant and not self.blocked_by_antipattern(doc, start, end):
                    yield Hit(
                        start,
                        end,
                        suggestion=dominant,
                        message=f"“{spelling}” is also spelled “{dominant}” in this article; keep one spelling.",
                    )


@register
class MixedScriptCheck(Check):
    """A word mixing Latin and Cyrillic (or Greek) letters, such as "Кremlin" with a Cyrillic К:
    invisible to the eye, fatal to search and spell-checking."""

    kind = "mixed-script"
    keys = frozenset()
    # Words are found first and tested for both scripts after: one pattern with nested \w* was
    # quadratic in the length of a word.
    _WORD = regex.compile(r"\w+")
    _LATIN = regex.compile(r"\p{Latin}")
    _OTHER = regex.compile(r"[\p{Cyrillic}\p{Greek}]")

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        if doc.text.isascii() or not self._OTHER.search(doc.text):
            return  # no Cyrillic or Greek letter: no word can mix scripts
        for match in finditer(self._WORD, doc.text, self.rule.id):
            word = match.group()
            if word.isascii() or not self._OTHER.search(word) or not self._LATIN.search(word):
                continue
            if self.blocked_by_antipattern(doc, *match.span()):
                continue
            latin = "".join(_to_latin(c) for c in word)
            yield Hit(match.start(), match.end(), suggestion=latin if latin != word else None)


_CONFUSABLE = dict(zip("АВЕКМНОРСТХаеорсухіІјЈ", "ABEKMHOPCTXaeopcyxiIjJ", strict=True))


def _to_latin(char: str) -> str:
    if char in _CONFUSABLE:
        return _CONFUSABLE[char]
    return char if "LATIN" in unicodedata.name(char, "LATIN") else char
