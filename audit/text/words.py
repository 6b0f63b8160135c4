"""Words: the one word pattern every count uses (scores, statistics, readability notes, rules), and
the share of frequent English function words (the language pre-check and the MT-likelihood profile)."""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from .shipped import compiled_re

# A word: letters with inner apostrophes (don't, Kyiv’s), or a number with inner separators (1,200.5).
WORD = compiled_re(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
# WORD for a text whose word characters are all ASCII (curly quotes and dashes are not word characters):
# the same matches, about twice as fast (no Unicode class look-ups).
ASCII_WORD = compiled_re(r"[A-Za-z]+(?:['’][A-Za-z]+)*|[0-9]+(?:[.,][0-9]+)*")
_NON_ASCII_WORD_CHARACTER = compiled_re(r"[^\x00-\x7f](?<=\w)")

# Frequent English function words: the share of them tells English prose from other languages.
ENGLISH_FUNCTION_WORDS = frozenset(
    "the a an of to in on at by for with from and or but not no is are was were be been being has have had "
    "do does did will would can could should may might must that which who whom whose this these those it its "
    "he she they we you i his her their our your him them us as if than then there here what when where why how "
    "all any some each also only just about into over after before up out so such very more most".split()
)


_SPACE = compiled_re(r"\s")  # re's \s is str.isspace, what str.split() splits on
SPACE_CHUNK = 1_000_000


def space_chunks(text: str, size: int = SPACE_CHUNK) -> Iterator[tuple[int, int]]:
    """(start, end) pieces of about `size` characters covering `text`, each cut just before a white-space
    character: no word (and no match that cannot cross white space) is cut, so a long text can be
    scanned a piece at a time instead of listing all its words at once."""
    start = 0
    while start < len(text):
        cut = start + size
        if cut < len(text):
            space = _SPACE.search(text, cut)
            cut = space.start() if space else len(text)
        else:
            cut = len(text)
        yield start, cut
        start = cut


def distinct_matches(pattern: re.Pattern[str], text: str) -> set[str]:
    """set(pattern.findall(text)) for a pattern whose matches never hold or border on white space
    (nothing it tests looks across it), without a list of every match of a long text."""
    found: set[str] = set()
    for start, end in space_chunks(text):
        found.update(pattern.findall(text, start, end))
    return found


def word_pattern(text: str) -> re.Pattern[str]:
    """WORD, or its faster twin ASCII_WORD when every word character of `text` is ASCII: either finds
    the same words in `text` and in any part of it."""
    if text.isascii() or not _NON_ASCII_WORD_CHARACTER.search(text):
        return ASCII_WORD
    return WORD


_WHITE_RUN = compiled_re(r"\s{2,}")
# str.isspace() (and `re`'s \s) but no white space for the `regex` module, whose \S matches them
NOT_REGEX_WHITE = ("\x1c", "\x1d", "\x1e", "\x1f")


def longest_runs(text: str, line_starts: Sequence[int]) -> tuple[int, int, int] | None:
    """(W, T, L): the longest run of white space of a text, its longest run of other characters and
    its longest line (`line_starts`: where its lines start), in characters; None when it holds a
    character that is white space to `re` but not to `regex` (NOT_REGEX_WHITE)."""
    if any(char in text for char in NOT_REGEX_WHITE):
        return None
    white = max((match.end() - match.start() for match in _WHITE_RUN.finditer(text)), default=1)
    other = max(  # in pieces of 64 KB: a list of the words of a megabyte of "Yes. " held 12 MB
        (max(map(len, text[start:end].split()), default=0) for start, end in space_chunks(text, 1 << 16)), default=0
    )
    ends = itertools.chain(itertools.islice(line_starts, 1, None), (len(text) + 1,))
    line = max((end - start for start, end in zip(line_starts, ends, strict=True)), default=len(text))
    return white, other, line


def map_cached(
    cache: dict[str, Any], words: list[str], compute_new: Callable[[set[str]], Iterable[Any]], limit: int,
    keep: Mapping[str, Any] | None = None,
) -> list[Any]:
    """Each word's value, kept in `cache` across calls and looked up in C (most words of an article were
    seen before); `compute_new(new)`: the values of the words not found, in the set's order, all at a
    time (`functools.partial(map, f)` for one call a word), never None. The cache is emptied (but for
    `keep`) when it holds more than `limit` words."""
    found = list(map(cache.get, words))
    if None in found:
        if len(cache) > limit:
            cache.clear()
            cache.update(keep or {})
        # the words not found, picked in C (a loop over every word in Python cost more than the rest);
        # their values are read back from `values`, not `cache`, which another thread may empty meanwhile
        new = set(itertools.compress(words, map(operator.is_, found, itertools.repeat(None))))
        values = dict(zip(new, compute_new(new), strict=True))
        cache.update(values)
        found = list(map(values.get, words, found))
    return found


# WORD's first branch and ASCII_WORD's: WORD's tokens that are not numbers. The numbers it leaves out hold
# nothing it can match (digits, and dots and commas between them), so it finds the same tokens; each
# of ASCII_WORD's starts with a letter (some of WORD's start with another word character, such as "²").
_NOT_NUMBER = compiled_re(WORD.pattern.split("|")[0])
_ASCII_LETTER_WORD = compiled_re(ASCII_WORD.pattern.split("|")[0])


def letter_words(text: str) -> list[str]:
    """The WORD tokens of a text that start with a letter."""
    if word_pattern(text) is ASCII_WORD:
        return _ASCII_LETTER_WORD.findall(text)
    return [w for w in _NOT_NUMBER.findall(text) if w[0].isalpha()]


def english_share(words: list[str]) -> float:
    """Share of letter words that are frequent English function words."""
    letters = [w for w in words if w[0].isalpha()]
    if not letters:
        return 0.0
    return sum(map(ENGLISH_FUNCTION_WORDS.__contains__, map(str.lower, letters))) / len(letters)


__all__ = [
    "ASCII_WORD",
    "ENGLISH_FUNCTION_WORDS",
    "WORD",
    "distinct_matches",
    "english_share",
    "letter_words",
    "map_cached",
    "space_chunks",
    "word_pattern",
    "NOT_REGEX_WHITE",
    "longest_runs",
]
