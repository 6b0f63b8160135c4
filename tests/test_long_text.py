"""Long texts are read a piece at a time (lower-casing, automaton scans, distinct words): the results
must be those of reading them whole, whatever the piece size."""

from __future__ import annotations

import dataclasses
import json
import os
import random
import re
import subprocess
import sys
from array import array

import ahocorasick
import pytest
import regex

from audit import document
from audit.checks import automaton as automaton_module
from audit.checks import prefilter
from audit.checks.base import CheckContext
from audit.checks.patterns import RegexCheck, RegexIndex
from audit.checks.prefilter import MergedOffsets, iter_matches
from audit.config import Config
from audit.document import Document
from audit.engine import RuleSet
from audit.text import folding, pieces, words
from audit.text.folding import fold, folded_pieces, lower, lowered_pieces
from audit.text.pieces import windows
from audit.text.words import distinct_matches, space_chunks

from .conftest import ROOT


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


_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " "})


def _small_pieces(monkeypatch, piece: int) -> None:
    monkeypatch.setattr(pieces, "SPACE_CHUNK", piece)
    monkeypatch.setattr(words.space_chunks, "__defaults__", (piece,))


@pytest.mark.parametrize("piece", [3, 10, 64])
def test_lower_and_fold_in_pieces_equal_the_whole(monkeypatch, piece):
    # a final sigma (lower-cased by its context), an apostrophe, a no-break space
    text = _text(2, "aΣΟΔ ’\u00a0b.", 2000)
    _small_pieces(monkeypatch, piece)
    assert lower(text) == text.lower()
    assert "".join(lowered_pieces(text)) == text.lower()
    assert fold(text) == text.lower().translate(_FOLD)
    dotted = text + " İx"  # lower-cases to two characters: kept as it is, one for one
    assert len(fold(dotted)) == len(dotted)
    assert fold(dotted) == "".join(c.lower() if len(c.lower()) == 1 else c for c in dotted).translate(_FOLD)


def test_the_characters_that_lower_case_to_more_than_one_are_known():
    lengthened = {chr(code) for code in range(0x110000) if len(chr(code).lower()) != 1}
    assert lengthened == folding.LOWERS_TO_MORE


@pytest.mark.parametrize(("piece", "scan"), [(3, 5), (10, 4), (64, 1000)])
def test_windows_of_pieces_give_the_automaton_the_same_matches(monkeypatch, piece, scan):
    automaton = ahocorasick.Automaton()
    for key in ("ab", "abc", "bca", "c", "aaaa", "ba", "a b"):
        automaton.add_word(key, key)
    automaton.make_automaton()
    _small_pieces(monkeypatch, piece)
    monkeypatch.setattr(prefilter, "SCAN_PIECE", scan)
    for seed in range(10):
        text = _text(seed, "aBC ", 400)
        assert list(iter_matches(automaton, lowered_pieces(text), 4)) == list(automaton.iter(text.lower()))
        for offset, own, stop, window in windows(lowered_pieces(text), 4, scan):
            assert window == text.lower()[offset : offset + len(window)]
            assert own == min(4, offset + own) and len(window) - stop in (0, 1)


def test_the_phrase_scan_in_pieces_finds_what_it_finds_whole(monkeypatch):
    ruleset = RuleSet.load(Config(scores=False))
    article = "Kiev’s officials said that in the framework of the talks the\u00a0sides agreed. " * 40
    whole = list(ruleset.automaton.scan(Document.from_text(article), fold(article)))
    assert len(whole) > 40
    _small_pieces(monkeypatch, 37)
    monkeypatch.setattr(automaton_module, "SCAN_PIECE", 37)
    pieced = list(ruleset.automaton.scan(Document.from_text(article), folded_pieces(article)))
    assert [(h.rule, h.start, h.end) for h in pieced] == [(h.rule, h.start, h.end) for h in whole]


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


def test_merged_offsets_are_the_sorted_offsets_of_all_the_arrays():
    rng = random.Random(5)
    block = MergedOffsets.BLOCK
    edges = [0, block - 1, block, block + 1, 3 * block]
    parts = [array("i", sorted(rng.sample(range(5 * block), count) + edges)) for count in (0, 1, 50, 4000)]
    parts.append(array("i"))
    merged = MergedOffsets(parts)
    assert len(merged) == sum(map(len, parts))
    assert list(merged) == sorted(offset for part in parts for offset in part)  # equal offsets kept
    assert list(merged) == list(merged)  # iterated again, the same


@pytest.mark.parametrize("region", [1, 30, 2000])
def test_urls_and_addresses_found_piece_by_piece_are_those_of_the_whole_text(monkeypatch, region):
    rng = random.Random(7)
    tokens = ["news", "www.kyiv.ua", "https://example.com/a?b=c", "mail@example.org", "U.S.", "end.Com", "a.de",
              "x@y", "Kyiv.", "WWW.BBC.CO.UK", "(see kmu.gov.ua)", "a-b.c-d.net/", "“ftp://x”"]
    text = "".join(rng.choice(tokens) + rng.choice([" ", "\n", "\t", "\n\n", ""]) for _ in range(3000))
    monkeypatch.setattr(document, "_SCAN_REGION", region)
    assert list(document._url_spans(text)) == [m.span() for m in document._URL.finditer(text)]
    assert list(document._email_spans(text)) == [m.span() for m in document._EMAIL.finditer(text)]


@pytest.mark.parametrize(("pattern", "reach"), [
    ("abc", (3, 0, 0, 0)),
    (r"\bab\s+cd\b", (6, 1, 0, 0)),  # an anchor counts one character
    (r"(?<=“)[ \u00a0]+(?=\w)", (2, 1, 0, 0)),
    (r"\d{2,4}|x", (4, 0, 0, 0)),
    (r"[^\s<>]+@\w+", (1, 0, 2, 0)),
    (r'[^"\n]+', (0, 0, 0, 1)),
    ("a.*b", (2, 0, 0, 1)),
    (r"(?:ab)+", None),  # a group repeated without bound
    ("(?s)a.*b", None),  # a dot that matches a line break
    ('[^"]+', None),  # a line break among what it matches
    (r"(a)\1", None),
])
def test_the_reach_of_a_pattern_bounds_its_matches(pattern, reach):
    assert prefilter.match_reach(pattern) == reach


def test_the_longest_runs_of_a_text():
    text = "ab  cd\n\n efgh\n\u00a0x"
    assert words.longest_runs(text, [0, 7, 8, 14]) == (3, 4, 7)
    assert words.longest_runs("a\x1cb", [0]) is None  # white space to `re`, not to `regex`


def test_the_white_space_of_re_and_regex_differ_only_where_it_is_known():
    differ = {chr(c) for c in range(0x110000) if chr(c).isspace() != bool(regex.match(r"\s", chr(c)))}
    assert differ == set(words.NOT_REGEX_WHITE)


def test_regexes_scanned_near_their_literals_find_what_whole_scans_find(monkeypatch):
    """A long text's regexes run only in the regions around their literals (LiteralBlocks): every
    built-in regex rule gives the same hits as a scan of the whole text."""
    monkeypatch.setattr(prefilter, "BLOCK", 64)
    monkeypatch.setattr(prefilter, "WINDOWED_MIN_CHARS", 1000)
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt")))
    ruleset = RuleSet.load(Config(scores=False))
    doc = Document.from_text(text)
    context = CheckContext(categories=ruleset.categories)
    for index in ruleset.shared:
        context.prepared[type(index)] = index.prepare(doc, context)
    state = context.prepared[RegexIndex]
    assert state.blocks is not None
    whole = dataclasses.replace(state, blocks=None)
    windowed = 0
    for check in ruleset.scanning:
        if not isinstance(check, RegexCheck):
            continue
        base = state.base[check.rule.id]
        windowed += any(state.blocks.regions(base + n, r) is not None for n, r in enumerate(check.reaches))
        context.prepared[RegexIndex] = state
        if not check.may_match(doc, context):  # none of its patterns matches (tried near their literals)
            assert not list(check.find(doc, dataclasses.replace(context, prepared={RegexIndex: whole}))), check.rule.id
            continue
        near = [(h.start, h.end, h.suggestion, h.message) for h in check.find(doc, context)]
        context.prepared[RegexIndex] = whole
        assert near == [(h.start, h.end, h.suggestion, h.message) for h in check.find(doc, context)], check.rule.id
    assert windowed > 50


def test_strings_are_found_in_pieces_across_their_cuts(monkeypatch):
    text = _text(9, "ab c\n", 500)
    _small_pieces(monkeypatch, 7)
    lowered = lowered_pieces(text.upper())
    candidates = ["a b", "c\na", "bb c", "abc", "b\n\nc", " ", "ca", "zz"]
    assert lowered.found(candidates) == {s for s in candidates if s in text}
    assert all((s in lowered) == (s in text) for s in candidates)


def test_starts_within_regions_are_the_starts_inside_them():
    from audit.checks.patterns import _starts_within

    rng = random.Random(14)
    for _ in range(500):
        regions, at = [], rng.randint(0, 50)
        while at < 520 and rng.random() < 0.8:
            end = at + rng.randint(1, 60)
            regions.append((at, end))
            at = end + rng.randint(1, 60)
        parts = [array("i", sorted({rng.randint(0, 500) for _ in range(rng.randint(0, 40))})) for _ in range(3)]
        for starts in (parts[0], MergedOffsets(parts)):
            expected = [s for s in starts if any(low <= s < high for low, high in regions)]
            assert list(_starts_within(starts, regions)) == expected


@pytest.mark.parametrize("rule", [
    "LANG-UNTRANSLATED-WORDS", "SP-SPACE-BEFORE-HYPHEN", "SP-SPACE-BEFORE-PUNCTUATION", "SP-SPACE-BEFORE-FULL-STOP",
])
def test_a_long_text_scanned_by_its_lines_gives_the_hits_of_a_whole_scan(monkeypatch, rule):
    from audit.checks import artefacts, patterns

    [check] = [c for c in RuleSet.load(Config(scores=False)).scanning if c.rule.id == rule]
    alphabet = ["a", "B", " ", "\n", "д", "Кр", "漢", "ｶ", "・", "(", "’", "-", ".", ",", "\u00a0", "\t", "é", "x-y"]
    for seed in range(200):
        rng = random.Random(seed)
        doc = Document.from_text("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300))), path="t.txt")
        found = []
        for threshold in (10**9, 0):  # whole, then by lines
            monkeypatch.setattr(artefacts, "LINES_MIN_CHARS", threshold)
            monkeypatch.setattr(patterns, "LINES_MIN_CHARS", threshold)
            found.append([(h.start, h.end, h.suggestion) for h in check.find(doc, CheckContext())])
        assert found[0] == found[1]


def test_lines_holding_are_the_lines_with_a_match():
    text = "ab\ncd\n\nxa\na"
    assert list(pieces.lines_holding(text, re.compile("a"))) == [(0, 2), (7, 9), (10, 11)]
    assert list(pieces.lines_holding(text, re.compile("z"))) == []
