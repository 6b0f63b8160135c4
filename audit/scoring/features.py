"""Cheap article statistics shared by the scores: body words, sentence shape, the function-word
profile, lexical variety and the density of translation-tell findings. Pure Python, no heavy imports.

The MT-likelihood models (``likelihood.json``) name the statistics they read:

- ``w:the``: occurrences of a token per 100 tokens of the body's sentences;
- ``b:said that``, ``t:the _ of``: the same for a two- or three-token sequence;
- ``s:according``: the share of sentences that open with the token;
- a plain name (``mattr``, ``commas_per_sentence``, ``lexical_tells`` ...): an article-level statistic.

Tokens are lower-cased function words (``FUNCTION_WORDS``); every other word becomes ``_`` (a
lower-case word), ``N`` (a capitalised word: a name, or a sentence's first word) or ``#`` (a number);
``<s>`` marks a sentence start. Only sentences of the body count (headline, byline, captions, page
furniture and a dateline left out), and paragraph breaks do not: an article reads the same whether
its paragraphs were kept or run into one block.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import operator
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import field
from typing import Any

from ..document import Document
from ..finding import TELL_CATEGORIES
from ..text.dataclass_code import dataclass
from ..text.shipped import compiled_re
from ..text.words import WORD, map_cached, word_pattern
from .quality import PUNCTUATION_CATEGORIES

# Severity weights of tell findings in the MT-likelihood evidence (neutral findings are weak hints).
TELL_WEIGHTS = {"neutral": 0.25, "minor": 1.0, "major": 3.0, "critical": 5.0}
# Tell densities are taken over at least this many words: one finding in a 40-word brief is not 25 per 1,000.
TELL_DENSITY_FLOOR = 250

# The closed-class words kept as themselves in the token sequence (the rest are `_`, `N` or `#`):
# articles, prepositions and particles, conjunctions, pronouns, auxiliaries and modals, frequent
# adverbs and quantifiers, and the attribution verbs of news copy.
FUNCTION_WORDS = frozenset(
    "the a an of to in on at by for with from and or but not no nor is are was were be been being has have had "
    "do does did will would can could should may might must shall that which who whom whose this these those it "
    "its he she they we you i me my his her their our your him them us as if than then there here what when "
    "where why how all any some each every also only just even still about into over after before up out so "
    "such very more most said says say told according however while although though because since whether both "
    "either neither one other another same own against between during under without within through among upon "
    "again already around many much well now yet too off down back never always often".split()
)
NAME, CONTENT, NUMBER, START = "N", "_", "#", "<s>"

_CONTRACTION = compiled_re(r"[A-Za-z](?:n['’]t|['’](?:re|ve|ll|d|m))\b", re.IGNORECASE)
# _CONTRACTION's matches found from their apostrophes (a scan for a literal class: several times faster):
# the apostrophe and what follows it, without the flag (each of those letters matches only its two cases
# under it); the letters before it are checked in `contractions`
_CONTRACTION_SUFFIX = compiled_re(r"['’](?:[tT]|[rR][eE]|[vV][eE]|[lL][lL]|[dD]|[mM])\b")
# the letters [A-Za-z] matches under re.IGNORECASE
_IGNORECASE_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\u0130\u0131\u017f\u212a")
_SPACE_BEFORE_PUNCTUATION = compiled_re(r"\w [,.;:!?](?:\s|$)")
# what every match of it holds: one scan for it (a literal space first) rules most texts out, where a
# search for each of its six pairs took six
_SPACE_BEFORE_MARK = compiled_re(r" [,.;:!?]")
_DASH = compiled_re(r"—|–| - |--")
# _DASH's matches, counted with str.count: no two of them can overlap (the hyphen of " - " has a space on
# either side, and str.count takes "--" and " - " left to right without overlap, as findall does)
_DASHES = ("—", "–", " - ", "--")
_NON_LATIN_LETTER = compiled_re(r"[^\W\d_\x00-\u024f]")
MATTR_WINDOW = 50
REPETITION_WINDOW = 20  # content words
# Tell categories a professional translator would not leave: detokenisation, doubled words, lower-case
# names, untranslated or mixed-script passages.
MACHINE_CATEGORIES = frozenset({"casing", "spacing", "repetition", "language"})
LONG_SENTENCE_WORDS = 35
HOUSE_STYLE_PREFIX = "HOUSE-"


@dataclass(frozen=True)
class BodyWords:
    """The body's words, found once per article and shared by the scores (statistics, sentence
    counts, the language pre-check): `text`, the body (`Document.body_text`); `words`, its WORD tokens;
    `lowered`, those that start with a letter, lower-cased; `sentences`, the body's sentence spans
    (`body_sentences`) and `sentence_words`, the WORD tokens of each."""

    text: str
    words: list[str]
    lowered: list[str]
    sentences: list[tuple[int, int]]
    sentence_words: list[list[str]]

    @classmethod
    def of(cls, doc: Document, words: list[str] | None = None) -> BodyWords:
        """The body's words; `words`: its WORD tokens, when the caller has them."""
        find = word_pattern(doc.text).findall  # the body and its sentences are parts of doc.text
        text = doc.body_text()
        sentences = body_sentences(doc)
        sentence_words = list(itertools.starmap(functools.partial(find, doc.text), sentences))
        if words is None:
            words = list(itertools.chain.from_iterable(sentence_words)) if sentences_hold_the_body(doc) else find(text)
        return cls(
            text=text,
            words=words,
            lowered=lowered_letter_words(words),
            sentences=sentences,
            sentence_words=sentence_words,
        )

    @property
    def sentence_lengths(self) -> list[int]:
        """Word counts of the body's sentences that have words."""
        return [n for n in map(len, self.sentence_words) if n]


def sentences_hold_the_body(doc: Document) -> bool:
    """Whether the WORD tokens of the body (`Document.body_text`) are those of its sentences
    (`body_sentences`), one sentence after the other, so that the body need not be scanned again: so
    when the document has no dateline (the body text leaves it out) and every paragraph is one line.
    A paragraph's sentences then cover all of it but white space and break only at white space, which
    no token holds, and a sentence is in the body when its line is (tests/test_scoring_fast_paths.py)."""
    paragraphs = doc.paragraphs
    return doc.dateline is None and not any(map(functools.partial(doc.text.count, "\n"), paragraphs.starts,
                                                paragraphs.ends))


def body_sentences(doc: Document) -> list[tuple[int, int]]:
    """The spans of the body zone's sentences, a dateline left out of the first."""
    spans = []
    dateline_end = doc.dateline[1] if doc.dateline else -1
    zones = doc.zones
    sentences = doc.sentences
    # each sentence's zone (`Document.zone_at`: that of its first line), the lines found in C
    lines = map(bisect.bisect_right, itertools.repeat(doc.line_starts), sentences.starts)
    for (start, end), line in zip(sentences, lines, strict=True):
        if zones[line - 1] != "body":
            continue
        if start < dateline_end < end:
            start = dateline_end
        spans.append((start, end))
    return spans


def is_tell(finding: Any) -> bool:
    """Evidence of translation: a tell category, not a house-style choice, not a reference comparison."""
    return (
        finding.category in TELL_CATEGORIES
        and not finding.rule.startswith(HOUSE_STYLE_PREFIX)
        and finding.extra.get("source") != "reference"
    )


def evidence_tells(findings: Iterable[Any]) -> list[Any]:
    """The tell findings that count as evidence. A lone minor finding does not: one lower-case word
    after "Mamma Mia!" must not decide a verdict. Neutral findings are weak hints and always count."""
    tells = [f for f in findings if is_tell(f)]
    graded = [f for f in tells if f.severity != "neutral"]
    if len(graded) == 1 and graded[0].severity == "minor":
        return [f for f in tells if f.severity == "neutral"]
    return tells


def weighted_tells(findings: Iterable[Any]) -> float:
    """Severity-weighted count of translation-tell findings (no boilerplate, readability, house style)."""
    return sum(TELL_WEIGHTS[f.severity] for f in findings if is_tell(f))


def distinct_tells(tells: Iterable[Any], punctuation: bool | None = None) -> float:
    """Severity-weighted count of the distinct rules among `tells` (each counted once, at its worst
    severity): one systematic habit, such as a house quotation style, counts once.
    `punctuation`: True, only spacing and quotation-mark findings; False, only the others."""
    worst: dict[str, float] = {}
    for finding in tells:
        if punctuation is None or (finding.category in PUNCTUATION_CATEGORIES) == punctuation:
            worst[finding.rule] = max(worst.get(finding.rule, 0.0), TELL_WEIGHTS[finding.severity])
    return sum(worst.values())


def moving_type_token_ratio(words: list[str], window: int = MATTR_WINDOW) -> float:
    """Mean type/token ratio over every window of `window` words (MATTR): lexical variety that does
    not fall with the length of the text. Shorter texts: their plain type/token ratio."""
    if len(words) < window:
        return len(set(words)) / len(words) if words else 0.0
    counts: dict[str, int] = {}
    for word in words[:window]:
        counts[word] = counts.get(word, 0) + 1
    distinct = len(counts)
    total = distinct
    for entering, leaving in zip(words[window:], words, strict=False):
        if entering != leaving:
            count = counts.get(entering, 0)
            counts[entering] = count + 1
            distinct += not count
            count = counts[leaving] - 1
            counts[leaving] = count
            distinct -= not count
        total += distinct
    return total / (len(words) - window + 1) / window


def local_repetition(words: list[str], window: int) -> float:
    """Per 100 words: how many repeat one of the `window` words before them (a translator varies
    the wording; literal and machine translation repeat it)."""
    last_seen: dict[str, int] = {}
    repeats = 0
    for index, word in enumerate(words):
        previous = last_seen.get(word)
        if previous is not None and index - previous <= window:
            repeats += 1
        last_seen[word] = index
    return 100 * repeats / max(len(words), 1)


def lexical_repetition(words: list[str], window: int, content_window: int) -> tuple[float, float, float]:
    """(moving_type_token_ratio(words), local_repetition(words, window), local_repetition(the content
    words, content_window)) in one pass over the words, a second for the moving ratio of texts shorter than
    MATTR_WINDOW (the content words: longer than 3 letters, not FUNCTION_WORDS)."""
    return _repetition(words, window, content_window)[0]


def _repetition(
    words: list[str], window: int, content_window: int
) -> tuple[tuple[float, float, float], list[int]]:
    """(lexical_repetition(words, window, content_window), the gaps it read): the pass keeps how far back
    each repeat's previous occurrence is when that is under the larger of MATTR_WINDOW and window + 1
    (`_windowed_variety` reads the MATTR from them); a word's previous occurrence is its previous
    occurrence among the content words too, when it is one."""
    count = len(words)
    limit = max(MATTR_WINDOW, window + 1)
    last_seen: dict[str, int] = {}
    seen = last_seen.get
    content_seen: dict[str, int] = {}  # a content word -> its index among the content words when last seen
    content_get = content_seen.get
    near: list[int] = []  # the repeats' gaps under `limit`, in order
    add = near.append
    contents = content_repeats = 0
    for index, word in enumerate(words):
        previous = seen(word)
        last_seen[word] = index
        if previous is None:
            if len(word) > 3 and word not in FUNCTION_WORDS:
                content_seen[word] = contents
                contents += 1
        else:
            gap = index - previous
            if gap < limit:
                add(gap)
            before = content_get(word)
            if before is not None:
                if contents - before <= content_window:
                    content_repeats += 1
                content_seen[word] = contents
                contents += 1
    if count < MATTR_WINDOW:
        mattr = moving_type_token_ratio(words)
    else:
        mattr = _windowed_variety(words, near if limit == MATTR_WINDOW else [g for g in near if g < MATTR_WINDOW])
    repetition = (
        mattr,
        100 * sum(map((window + 1).__gt__, near)) / max(count, 1),
        100 * content_repeats / max(contents, 1),
    )
    return repetition, near


def _windowed_variety(words: list[str], near: list[int]) -> float:
    """moving_type_token_ratio(words) of MATTR_WINDOW (W) words or more, from `near`: how far back each
    repeat's previous occurrence is, those under W. A window's distinct words are its W words less its
    repeats, so the windows' total is W per window less, for each repeat d words back, the windows that
    hold it and its previous occurrence: W - d of them, fewer at the ends (a window starts at 0 or later,
    at the last start or earlier), made up for from the first W - 1 words and the last W - 1 words. The
    total is a whole number, found in C, and divided as the plain computation divides it."""
    size = MATTR_WINDOW
    last_start = len(words) - size
    # a word of the first size - 1 -> where it first occurs; a word of the last size - 1 -> where it
    # last occurs, counted from last_start
    first = dict(zip(reversed(words[: size - 1]), range(size - 2, -1, -1), strict=True))
    last = dict(zip(words[last_start + 1 :], range(1, size), strict=True))
    edge = size * (size - 1) // 2  # 1 + 2 + ... + (size - 1)
    total = (
        size * (last_start + 1)
        - (size * len(near) - sum(near))
        + (edge - (size - 1) * len(first) + sum(first.values()))
        + (edge - sum(last.values()))
    )
    return total / (last_start + 1) / size


def variety_and_repetition(words: list[str], window: int) -> tuple[float, float]:
    """(moving_type_token_ratio(words), local_repetition(words, window))."""
    return lexical_repetition(words, window, window)[:2]


def token_class(word: str) -> str:
    lowered = word.lower()
    if lowered in FUNCTION_WORDS:
        return lowered
    if word[0].isdigit():
        return NUMBER
    return NAME if word[0].isupper() else CONTENT


# A word -> the word lower-cased if it starts with a letter, else "", across articles. Emptied when it
# grows past CLASS_CACHE_SIZE words.
_lowered: dict[str, str] = {}


def lowered_letter_words(words: list[str]) -> list[str]:
    """[w.lower() for w in words if w[0].isalpha()], most words found in a cache (in C)."""
    return list(filter(None, map_cached(_lowered, words, functools.partial(map, _lowered_if_letter), CLASS_CACHE_SIZE)))


def _lowered_if_letter(word: str) -> str:
    return word.lower() if word[0].isalpha() else ""


# token_class by word, across articles (most words of an article were seen before); START stands for
# itself. Emptied when it grows past CLASS_CACHE_SIZE words.
_classes: dict[str, str] = {START: START}
CLASS_CACHE_SIZE = 50_000


def token_classes(words: list[str]) -> list[str]:
    """token_class of each word (START kept as it is)."""
    return map_cached(_classes, words, functools.partial(map, token_class), CLASS_CACHE_SIZE, keep={START: START})


@dataclass
class ArticleStats:
    """An article's statistics; `value(name)` reads one by the name a model uses. The sequence
    counters are keyed by tuples of tokens (unigrams by the token); sequences that run across a
    sentence break (a START after their first token) are counted but never read."""

    words: int  # body words
    tokens: int  # tokens of the body's sentences
    sentences: int
    unigrams: Counter = field(default_factory=Counter)
    bigrams: Counter = field(default_factory=Counter)
    trigrams: Counter = field(default_factory=Counter)
    openings: Counter = field(default_factory=Counter)
    scalars: dict[str, float] = field(default_factory=dict)

    def value(self, name: str) -> float:
        kind, colon, key = name.partition(":")
        if not colon:
            return self.scalars[name]
        if kind == "s":
            return self.openings[key] / max(self.sentences, 1)
        if kind == "w":
            return 100 * self.unigrams[key] / max(self.tokens, 1)
        table = {"b": self.bigrams, "t": self.trigrams}[kind]
        return 100 * table[tuple(key.split())] / max(self.tokens, 1)

    def names(self) -> list[str]:
        """Every statistic this article has (sequences that never occur in it are 0 and left out)."""
        return (
            list(self.scalars)
            + [f"w:{k}" for k in self.unigrams]
            + [f"b:{' '.join(k)}" for k in self.bigrams if START not in k[1:]]
            + [f"t:{' '.join(k)}" for k in self.trigrams if START not in k[1:]]
            + [f"s:{k}" for k in self.openings]
        )


def _sequence_counts(body: BodyWords, stats: ArticleStats) -> list[int]:
    """Count the token sequences of the body's sentences into `stats`; return the sentence lengths."""
    lengths = body.sentence_lengths
    sequence: list[str] = []
    for words in body.sentence_words:
        if words:
            sequence.append(START)
            sequence += words
    sequence = token_classes(sequence)
    stats.unigrams.update(sequence)
    del stats.unigrams[START]
    openings = []  # the token after each START
    start = 0
    for length in lengths:
        openings.append(sequence[start + 1])
        start += length + 1
    stats.openings.update(openings)
    stats.bigrams.update(zip(sequence, sequence[1:]))  # noqa: B905 (shorter by design)
    stats.trigrams.update(zip(sequence, sequence[1:], sequence[2:]))  # noqa: B905
    stats.tokens = sum(lengths)
    stats.sentences = len(lengths)
    return lengths


def _doubled_words(words: list[str]) -> int:
    doubled = itertools.compress(words, map(operator.eq, words, words[1:]))  # the first word of each pair, in C
    return sum(1 for word in doubled if word[0].isalpha() and word not in ("had", "that"))


def _non_latin_words(text: str, words: list[str]) -> int:
    """How many of the words (of `text`) have a letter of another script than Latin."""
    if text.isascii() or not _NON_LATIN_LETTER.search(text):  # isascii: a flag of the string, no scan
        return 0
    return sum(1 for w in words if _NON_LATIN_LETTER.search(w))


def _spaces_before_punctuation(text: str) -> int:
    if not _SPACE_BEFORE_MARK.search(text):  # the common case, without the full pattern's scan
        return 0
    return len(_SPACE_BEFORE_PUNCTUATION.findall(text))


def contractions(text: str) -> int:
    """len(_CONTRACTION.findall(text)): the letters before each apostrophe that _CONTRACTION_SUFFIX finds
    are checked, and a contraction that starts within the one before it (its letter is the last of
    "n't", as in "don't've") is dropped, as findall's left-to-right scan drops it."""
    count = 0
    end = 0  # where the last contraction counted ends
    letters = _IGNORECASE_LETTERS
    for match in _CONTRACTION_SUFFIX.finditer(text):
        apostrophe, stop = match.span()
        if stop - apostrophe == 2 and text[stop - 1] in "tT":  # n't: a letter, then n
            start = apostrophe - 2
            if start < 0 or text[apostrophe - 1] not in "nN":
                continue
        else:
            start = apostrophe - 1
            if start < 0:
                continue
        if text[start] in letters and start >= end:
            count += 1
            end = stop
    return count


NOMINAL_ENDINGS = ("tion", "tions", "ment", "ments")
_UNDER_9 = bytes(range(9))


def word_counts(words: list[str], lowered: list[str]) -> tuple[int, int, int, int, int]:
    """(letters, long, nominal, ly, ing): sum(map(len, words)); how many words have 9 letters or more;
    how many of `lowered` (the letter words, lower-cased) end in -tion(s) or -ment(s), in -ly, in -ing,
    counted in one string of them (a word's end is the one place followed by a space; no ending ends
    another of its group)."""
    lengths = list(map(len, words))
    try:  # the lengths as bytes, those under 9 deleted in C
        long_words = len(bytes(lengths).translate(None, _UNDER_9))
    except ValueError:  # a word of 256 characters or more
        long_words = sum(map((8).__lt__, lengths))
    joined = " ".join(lowered) + " "
    return (
        sum(lengths),
        long_words,
        sum(joined.count(ending + " ") for ending in NOMINAL_ENDINGS),
        joined.count("ly "),
        joined.count("ing "),
    )


def article_stats(
    doc: Document,
    findings: Iterable[Any],
    *,
    signals: Iterable[Any] = (),
    words: list[str] | None = None,
    body: BodyWords | None = None,
) -> ArticleStats:
    """Every statistic the MT-likelihood models may read. `findings` and `signals` need `rule`,
    `category`, `severity` and `extra` (Finding objects, or anything shaped like them); `words`: the
    body's WORD tokens, when the caller has them; `body`: the body's words (`BodyWords.of(doc)`),
    when the caller has them."""
    if body is None:
        body = BodyWords.of(doc, words)
    text = body.text
    words = body.words
    n_words = max(len(words), 1)
    stats = ArticleStats(words=len(words), tokens=0, sentences=0)
    lengths = _sequence_counts(body, stats) or [len(words)]
    mean_length = sum(lengths) / len(lengths)
    variance = sum((n - mean_length) ** 2 for n in lengths) / len(lengths)
    lowered = body.lowered
    per_100 = 100 / n_words
    (mattr, repeated_words, repeated_content_words), gaps = _repetition(lowered, 10, REPETITION_WINDOW)
    # a doubled word repeats the word 1 back: most articles have none, found without a pass over the pairs
    doubled = _doubled_words(lowered) if 1 in gaps else 0
    letters, long_words, nominal, ly_adverbs, ing_forms = word_counts(words, lowered)

    tells = evidence_tells(findings)
    graded = [f for f in tells if f.severity != "neutral"]
    signal_hits = [s for s in signals if s.category in TELL_CATEGORIES]
    density = 1000 / max(len(words), TELL_DENSITY_FLOOR)
    openings_lower = sum(1 for start, _end in body.sentences if doc.text[start : start + 1].islower())
    commas = text.count(",")
    stats.scalars = {
        # evidence from the rules (log-densities per 1,000 words, and a count)
        "lexical_tells": math.log1p(density * distinct_tells(tells, punctuation=False)),
        "punctuation_tells": math.log1p(density * distinct_tells(tells, punctuation=True)),
        "tell_rules": float(len({f.rule for f in graded})),  # distinct rules: each one more is more evidence
        "signals": math.log1p(density * len(signal_hits)),
        # sentence shape
        "sentence_mean": mean_length,
        "sentence_cv": math.sqrt(variance) / mean_length if mean_length else 0.0,
        "long_sentence_share": sum(1 for n in lengths if n > LONG_SENTENCE_WORDS) / len(lengths),
        "commas_per_sentence": commas / len(lengths),
        # punctuation per 100 words
        "commas": per_100 * commas,
        "semicolons": per_100 * text.count(";"),
        "colons": per_100 * text.count(":"),
        "parentheses": per_100 * text.count("("),
        "question_marks": per_100 * text.count("?"),
        "quotation_marks": per_100 * sum(map(text.count, '"“”')),
        "dashes": per_100 * sum(map(text.count, _DASHES)),
        # words
        "word_length": letters / n_words,
        "long_words": per_100 * long_words,  # 9 letters or more
        "contractions": per_100 * contractions(text),
        "nominalisations": per_100 * nominal,
        "ly_adverbs": per_100 * ly_adverbs,
        "ing_forms": per_100 * ing_forms,
        "mattr": mattr,
        "repeated_words": repeated_words,
        "repeated_content_words": repeated_content_words,
        # what a translator would not leave (per 1,000 words)
        "machine_tells": math.log1p(density * distinct_tells(t for t in graded if t.category in MACHINE_CATEGORIES)),
        "doubled_words": 1000 * doubled / n_words,
        "space_before_punctuation": 1000 * _spaces_before_punctuation(text) / n_words,
        "non_latin_words": 1000 * _non_latin_words(text, words) / n_words,
        "lower_case_openings": openings_lower / len(lengths),
    }
    return stats


__all__ = [
    "ArticleStats",
    "BodyWords",
    "FUNCTION_WORDS",
    "WORD",
    "article_stats",
    "evidence_tells",
    "is_tell",
    "weighted_tells",
]
