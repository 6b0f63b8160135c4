"""Long texts are read a piece at a time (lower-casing, automaton scans, distinct words): the results
must be those of reading them whole, whatever the piece size."""

from __future__ import annotations

import random
import re

import ahocorasick
import pytest

from audit.checks import prefilter
from audit.checks.prefilter import iter_matches
from audit.text import folding, words
from audit.text.folding import fold, lower
from audit.text.words import distinct_matches, space_chunks


def _text(seed: int, alphabet: str, length: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(length))


@pytest.mark.parametrize("piece", [1, 2, 5, 17])
def test_automaton_pieces_give_the_same_matches_in_the_same_order(monkeypatch, piece):
    automaton = ahocorasick.Automaton()
    for key in ("ab", "abc", "bca", "c", "aaaa", "ba"):
        automaton.add_word(key, key)
    automaton.make_automaton()
    monkeypatch.setattr(prefilter, "SCAN_PIECE", piece)
    for seed in range(20):
        text = _text(seed, "abc ", 400)
        assert list(iter_matches(automaton, text, 4)) == list(automaton.iter(text))


def test_space_chunks_cover_the_text_and_cut_before_white_space():
    text = _text(1, "ab \n", 1000)
    pieces = list(space_chunks(text, 7))
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(e == len(text) or text[e].isspace() for _s, e in pieces)


@pytest.mark.parametrize("piece", [3, 10, 64])
def test_lower_and_fold_in_pieces_equal_the_whole(monkeypatch, piece):
    # a final sigma (lower-cased by its context), an apostrophe, a no-break space
    text = _text(2, "aΣΟΔ ’\u00a0b.", 2000)
    monkeypatch.setattr(words, "SPACE_CHUNK", piece)
    monkeypatch.setattr(folding, "SPACE_CHUNK", piece)
    monkeypatch.setattr(words.space_chunks, "__defaults__", (piece,))
    assert lower(text) == text.lower()
    assert fold(text) == text.lower().translate(folding._FOLD)
    dotted = text + " İx"  # lower-cases to two characters: kept as it is, one for one
    assert len(fold(dotted)) == len(dotted)


def test_distinct_matches_equal_the_set_of_findall(monkeypatch):
    text = _text(3, "aB-’' \nc", 3000)
    monkeypatch.setattr(words.space_chunks, "__defaults__", (11,))
    pattern = re.compile(r"(?<![\w’'-])[a-z]+(?:-[a-z]+)?(?![\w-])")
    assert distinct_matches(pattern, text) == set(pattern.findall(text))
