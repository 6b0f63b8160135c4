"""The `re` fast path gives what the `regex` patterns give: on text with accented letters (now plain),
and at the prefix starts of a text too long for a whole-text `re` scan."""

from __future__ import annotations

import dataclasses
import re
import threading
import time

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.checks import base, patterns
from audit.checks.base import CheckContext
from audit.checks.patterns import RegexCheck
from audit.checks.structure import FurnitureIndex
from audit.config import Config
from audit.document import Document
from audit.engine import RuleSet, lint
from audit.text.plain import STDLIB_MAX_CHARS, plain_characters, plain_text

from .conftest import SEEDS

ACCENTED = "àáâäãåæçèéêëìíîïñòóôöõøùúûüýÿÀÁÂÄÃÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÖÕØÙÚÛÜÝąćęłńśźżĄĆĘŁŃŚŹŻšžčřěŠŽČŘĚőűŐŰğşĞŞ"


def _seed_text() -> str:
    return "\n\n".join(seed.read_text(encoding="utf-8") for seed in sorted(SEEDS.glob("*.txt")))


def _sprinkled(text: str) -> str:
    """The text with an accented letter inside, before and after words every few characters."""
    out = []
    for number, char in enumerate(text):
        out.append(char)
        if number % 7 == 3:
            out.append(ACCENTED[number % len(ACCENTED)])
    return "".join(out)


def test_accented_letters_are_plain_and_the_dangerous_ones_are_not():
    assert plain_text("Café owner José Müller met Łukasz in Gdańsk and Škoda's CEO.")
    for trap in ("\u017f", "\u212a", "\u0130", "\u0131", "ς", "µ", "ß"):  # long s, Kelvin, dotted/dotless I, ...
        assert not plain_characters(f"A text with {trap} in it."), trap
    assert not plain_text("x" * (STDLIB_MAX_CHARS + 1)) and plain_characters("x" * (STDLIB_MAX_CHARS + 1))


def test_every_rule_twin_finds_what_its_regex_pattern_finds_on_accented_text():
    ruleset = RuleSet.load(Config(scores=False))
    text = _sprinkled(_seed_text())
    assert plain_text(text)
    compared = 0
    for check in ruleset.scanning:
        if not isinstance(check, RegexCheck):
            continue
        for number, pattern in enumerate(check.patterns):
            twin = check.twins[number] or check.start_twins[number]
            if twin is None:
                continue
            expected = [m.span() for m in pattern.finditer(text, timeout=10)]
            assert [m.span() for m in twin.finditer(text)] == expected, check.rule.id
            compared += 1
    assert compared > 50


def test_a_long_document_tries_the_twins_at_the_prefix_starts_and_finds_the_same(monkeypatch):
    config = Config(select=("FF", "TE", "REP"), scores=False)
    ruleset = RuleSet.load(config)
    seed = _seed_text()
    text = "\n\n".join([seed] * (STDLIB_MAX_CHARS // len(seed) + 2))
    doc = Document.from_text(text, path="long.txt")
    assert not doc.plain and plain_characters(text)
    tried: list[int] = []
    original = patterns._twin_matches_at

    def counting(twin, text, starts, rule_id):
        tried.append(len(starts))
        return original(twin, text, starts, rule_id)

    monkeypatch.setattr(patterns, "_twin_matches_at", counting)
    fast = lint(doc, ruleset, config).findings
    assert tried  # the twins were tried at their starts
    monkeypatch.setattr(base.Twin, "reads_alike", lambda twin, doc: False)  # regex everywhere
    slow = lint(doc, ruleset, config).findings
    assert [dataclasses.astuple(f) for f in fast] == [dataclasses.astuple(f) for f in slow]
    assert any(f.rule.startswith("FF-") for f in fast)


def test_the_twins_at_starts_stop_within_the_documents_time_bound(monkeypatch):
    twin = patterns.stdlib_twin(r"a\w+", regex.IGNORECASE)
    clock = iter(range(0, 10_000, 100))
    monkeypatch.setattr(patterns.time, "monotonic", lambda: next(clock))
    text = "ab " * 2000
    try:
        list(patterns._twin_matches_at(twin, text, list(range(0, len(text), 3)), "X-RULE"))
    except base.RegexTimeout as error:
        assert "X-RULE" in str(error)
    else:
        raise AssertionError("no time-out")


def test_letters_that_no_twin_names_keep_a_text_on_the_fast_path(monkeypatch):
    ruleset = RuleSet.load(Config(scores=False))
    text = _seed_text() + "\n\nThe shop sign read «СКЛАД» (Cyrillic С), and the owner of the kiosk in kyiv said so.\n"
    assert not plain_characters(text) and plain_characters(text, frozenset("«»’“”—"))
    assert not plain_characters("A long s: \u017f.", frozenset())  # it matches an ASCII s in either module
    assert not plain_characters("Kelvin: \u212a.", frozenset())
    doc = Document.from_text(text, path="mixed.txt")
    twins = [t for c in ruleset.scanning if isinstance(c, RegexCheck) for t in (*c.twins, *c.start_twins) if t]
    assert all(t.reads_alike(doc) for t in twins)  # none of them names a Cyrillic letter
    assert not base.stdlib_twin("[а-я]+", regex.IGNORECASE).reads_alike(doc)  # one that does keeps regex
    fast = lint(doc, ruleset, Config(scores=False)).findings
    monkeypatch.setattr(base.Twin, "reads_alike", lambda twin, doc: False)
    slow = lint(doc, ruleset, Config(scores=False)).findings
    assert [dataclasses.astuple(f) for f in fast] == [dataclasses.astuple(f) for f in slow]


def test_a_long_scan_by_re_is_stopped_at_the_time_bound():
    twin = base.stdlib_twin(r"(?:a+)+\$", 0)
    text = "a" * 30 + "!" + "b" * (STDLIB_MAX_CHARS + 1)
    started = time.perf_counter()
    try:
        list(base._timed_twin_scan(twin, text, 0, len(text), "X-RULE"))
    except base.RegexTimeout as error:
        assert "X-RULE" in str(error)
    else:
        raise AssertionError("no time-out")
    assert time.perf_counter() - started < base.time_bound(text) + 1
    outcome: list = []
    worker = threading.Thread(target=lambda: outcome.append(base._timed_twin_scan(twin, "ab", 0, 2, "X-RULE")))
    worker.start()
    worker.join()
    assert outcome == [None]  # no timer outside the main thread: regex scans instead


def test_a_long_scan_by_re_takes_its_matches_a_batch_at_a_time(monkeypatch):
    """Millions of matches are not held at once (5.3 million opening quotes: 600 MB), a check that
    stops early leaves the rest unscanned, and the timer is off and its handler back between batches.
    (The text's time bound is made generous: taking every match of it, which the second scan does, took
    longer than the bound on a busy two-core machine, and the bound is not what this test is about.)"""
    import signal

    monkeypatch.setattr(base, "time_bound", lambda text: 60.0)
    twin = base.stdlib_twin(r"\u201c", 0)
    text = "\u201c" * (STDLIB_MAX_CHARS + 2 * base.TIMED_BATCH + 7)
    handler = signal.getsignal(signal.SIGALRM)
    taken = []
    for match in base._timed_twin_scan(twin, text, 0, len(text), "X-RULE"):
        taken.append(match.span())
        assert signal.getitimer(signal.ITIMER_REAL)[0] == 0 and signal.getsignal(signal.SIGALRM) is handler
        if len(taken) == 10:
            break
    assert taken == [(n, n + 1) for n in range(10)]
    spans = [m.span() for m in base._timed_twin_scan(twin, text, 5, len(text) - 3, "X-RULE")]
    assert spans == [m.span() for m in re.finditer("\u201c", text[: len(text) - 3])][5:]


def test_pattern_characters_names_literals_and_class_members():
    from audit.text.plain import pattern_characters

    assert pattern_characters(r"(?i)\bkyiv’s\b|[а-в]+|—") == frozenset("’—абв")
    assert pattern_characters(r"\w+ly") == frozenset()
    assert pattern_characters("[\u0000-\uffff]") is None  # too wide to list
    assert pattern_characters("(unclosed") is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcКрмлинαβ͵ -.\u0483\n’1_", max_size=60))
def test_mixed_script_words_are_the_words_around_cyrillic_and_greek_letters(text):
    from audit.checks.structure import MixedScriptCheck

    ruleset = RuleSet.load(Config(select=("LANG-MIXED-SCRIPT",), scores=False))
    [check] = [c for c in ruleset.scanning if isinstance(c, MixedScriptCheck)]
    doc = Document.from_text(text, path="t.txt")
    found = [(hit.start, hit.end) for hit in check.find(doc, CheckContext())]
    words = [m.span() for m in regex.finditer(r"\w+", text)]  # every word, then both scripts in it
    assert found == [(s, e) for s, e in words if check._OTHER.search(text[s:e]) and check._LATIN.search(text[s:e])]


def test_twins_are_compiled_only_once_they_pay_and_find_the_same_before(monkeypatch):
    import pickle

    config = Config(scores=False)
    seeds = sorted(SEEDS.glob("*.txt"))
    docs = [Document.from_text(seed.read_text(encoding="utf-8"), path=seed.name) for seed in seeds]
    compiled: list[str] = []
    original = base.Twin.compiled

    def counting(twin):
        if twin._compiled is None:
            compiled.append(twin.pattern)
        return original(twin)

    monkeypatch.setattr(base.Twin, "compiled", counting)
    findings, compiles = {}, {}
    for threshold in (10**9, -1):  # `regex` until a twin pays (never, here), then twins at once
        monkeypatch.setattr(base, "TRIES_PER_COMPILE", threshold)
        ruleset = pickle.loads(pickle.dumps(RuleSet.load(config)))  # as the cache gives it: no twin compiled
        compiled.clear()
        findings[threshold] = [[dataclasses.astuple(f) for f in lint(doc, ruleset, config).findings] for doc in docs]
        furniture = _furniture_twin_patterns(ruleset)  # the furniture alternations' twins never wait
        compiles[threshold] = len([pattern for pattern in compiled if pattern not in furniture])
    assert compiles[10**9] * 2 < compiles[-1]  # the rule regexes' twins waited (other kinds' did not)
    assert findings[10**9] == findings[-1] and any(findings[-1])


def _furniture_twin_patterns(ruleset: RuleSet) -> set[str]:
    index = next(shared for shared in ruleset.shared if isinstance(shared, FurnitureIndex))
    twins = [index.twinned[0], *(twinned[0] for _combined, twinned in index.tiers.values()),
             *(check.twin for check in index.line_checks)]
    return {twin.pattern for twin in twins if twin is not None}


def test_twins_unpickled_are_made_from_their_stored_code_as_re_compile_makes_them(monkeypatch):
    import pickle

    from audit.rules import cache

    ruleset = pickle.loads(pickle.dumps(RuleSet.load(Config(scores=False))))  # as the cache gives it
    twins = [t for c in ruleset.scanning if isinstance(c, RegexCheck) for t in c.twins + c.start_twins if t]
    assert len(twins) > 100 and all(twin._state for twin in twins)
    monkeypatch.setattr(re, "compile", None)  # made without re's parser
    made = [twin.compiled() for twin in twins]
    monkeypatch.undo()
    assert made == [re.compile(twin.pattern, twin.flags) for twin in twins]  # same source, flags and code
    assert cache.stdlib_state("(?<=a+)b", 0) is None  # what re refuses has no state


def test_the_furniture_alternations_twins_match_the_lines_their_regex_patterns_match():
    """FurnitureIndex and each boilerplate check try a line by the `re` twin of their patterns'
    alternation (and by `regex`, the patterns it could not take): the same answer as their `regex`
    patterns, on every line of the rules' examples and the seeds."""
    ruleset = RuleSet.load(Config(scores=False))
    index = next(shared for shared in ruleset.shared if isinstance(shared, FurnitureIndex))
    lines = {line.strip() for rule in ruleset.all_rules for example in (*rule.bad, *rule.good)
             for line in example.text.splitlines()}
    lines |= {line.strip() for seed in SEEDS.glob("*.txt") for line in seed.read_text(encoding="utf-8").splitlines()}
    lines.discard("")

    def by_twin(twinned, line):
        twin, others = twinned
        return bool(twin.compiled().fullmatch(line)) or any(p.fullmatch(line) for p in others)

    def by_regex(combined, alone, line):
        return bool(combined and combined.fullmatch(line)) or any(p.fullmatch(line) for p in alone)

    assert index.twinned[0] is not None and sum(check.twin is not None for check in index.line_checks) > 80
    matched = 0
    for line in sorted(lines):
        assert by_twin(index.twinned, line) == by_regex(index.combined, index.alone, line), line
        for (combined, alone), twinned in index.tiers.values():
            assert by_twin(twinned, line) == by_regex(combined, alone, line), line
        for check in index.line_checks:
            if check.twin is not None:
                found = by_twin((check.twin, check.others), line)
                assert found == any(p.fullmatch(line) for p in check.patterns), (check.rule.id, line)
                matched += found
    assert matched > 100
