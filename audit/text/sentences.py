"""Sentence boundaries inside a paragraph: a run of terminal marks (closing quotes and brackets
included) before white space and a capital or digit, or at the end; not after a known abbreviation
(Mr., U.S., Jan.) or a single initial."""

from __future__ import annotations

from collections.abc import Iterator

from .shipped import compiled_re

Span = tuple[int, int]

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep st jr sr inc corp ltd co vs etc no nos "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m e.g i.e approx est dept "
    "fig mt ft op vol pp cf rev hon maj brig".split()
)
# A run of marks is matched from its first mark only (a match cannot start inside a run): linear in a
# long run of dots. The pattern starts with the mark (its look-behind follows it), so that `re` skips to
# the next mark by its first character instead of trying the look-behind at every position; the two
# ends (before white space and a capital, or at the end) share the run, as giving a mark or a closing
# character back can never satisfy either look-ahead.
_SENTENCE_END = compiled_re(
    r"[.!?…](?<![.!?…][.!?…])[.!?…]*[\"”’'»)\]]*(?:(?=\s+[\"“‘'«(\[]?[A-Z0-9А-ЯЁІЇЄҐ])|(?=\s*$))"
)
_WORD_BEFORE = compiled_re(r"[\w.]+$")
_NOT_SPACE = compiled_re(r"\S")  # \s as str.strip
_ABBREVIATION_LOOKBACK = 16  # longer than any abbreviation: a longer word before a dot is not one
# a dot after this many letters or digits ends a word longer than any abbreviation
_LONGER_THAN_ABBREVIATIONS = max(map(len, ABBREVIATIONS)) + 1


def is_abbreviation(chunk: str, dot: int) -> bool:
    """Does the full stop at `dot` end an abbreviation or an initial?"""
    # Only the last few characters before the dot are looked at: searching from the paragraph start
    # made sentence splitting quadratic in the paragraph length.
    if dot >= _LONGER_THAN_ABBREVIATIONS and chunk[dot - _LONGER_THAN_ABBREVIATIONS : dot].isalnum():
        return False  # (most sentences end on such a word)
    match = _WORD_BEFORE.search(chunk, max(0, dot - _ABBREVIATION_LOOKBACK), dot)
    if not match or (match.start() == dot - _ABBREVIATION_LOOKBACK and dot > _ABBREVIATION_LOOKBACK):
        return False
    word = match.group().lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha()


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """The sentences of text[start:end] (a paragraph), as spans of `text` without surrounding space."""
    return list(iter_sentences(text, start, end))


def iter_sentences(text: str, start: int, end: int) -> Iterator[Span]:
    """split_sentences, one at a time (a paragraph of megabytes has millions of sentences)."""
    chunk = text[start:end]
    begin = 0
    for match in _SENTENCE_END.finditer(chunk):
        mark = match.start()
        if chunk[mark] == "." and is_abbreviation(chunk, mark):
            continue
        stop = match.end()
        # the sentence ends on its mark, so it holds more than white space; it starts after the white
        # space that follows the last one (most often one space)
        if chunk[begin].isspace():
            begin += 1
            if chunk[begin].isspace():
                begin = _NOT_SPACE.search(chunk, begin, stop).start()  # type: ignore[union-attr]
        yield start + begin, start + stop
        begin = stop
    rest = chunk[begin:]
    if rest.strip():
        lead = len(rest) - len(rest.lstrip())
        yield start + begin + lead, start + len(chunk.rstrip())


__all__ = ["ABBREVIATIONS", "is_abbreviation", "iter_sentences", "split_sentences"]
