"""Long texts are read a piece at a time (lower-casing, automaton scans, distinct words): the results
must be those of reading them whole, whatever the piece size."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys

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


def test_a_text_past_the_raw_hit_limit_reports_the_same_findings_whatever_the_hash_seed(tmp_path):
    """The variant-names check groups spellings in sets; past the limit of raw hits per rule the kept
    ones must not depend on the order of those sets (PYTHONHASHSEED)."""
    # a few variants of two names early, then more variants of one name than the limit keeps
    sentences = [f"Then {'Sergei' if i % 2 else 'Sergey'} and {'Oleksiy' if i % 2 else 'Oleksii'} met on day {i}."
                 for i in range(20)]
    sentences += [f"Then {'Zelenskyy' if i % 3 else 'Zelensky'} spoke about item {i}." for i in range(3600)]
    path = tmp_path / "long.txt"
    path.write_text(" ".join(sentences) + "\n", encoding="utf-8")
    outputs = []
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "MTAUDIT_NO_CACHE": "1"}
        result = subprocess.run(
            [sys.executable, "-m", "audit", "lint", "--no-scores", "--select", "TRL-VARIANT-SPELLINGS",
             "--format", "json", str(path)],
            capture_output=True, text=True, env=env, check=False,
        )
        assert result.returncode == 1, result.stderr
        findings = json.loads(result.stdout)["files"][0]["findings"]
        outputs.append([(f["line"], f["column"], f["text"]) for f in findings])
    assert len(outputs[0]) == 200
    assert outputs[0][0][2] in ("Sergey", "Sergei")  # the first by position are kept
    assert outputs[0] == outputs[1] == outputs[2] == outputs[3]
