"""What every matcher kind shares: the `Check` interface (a kind's parameters, declared needs and
fix policy), shared indexes, antipatterns, regex compilation with a time bound, and the registry
of kinds.

A matcher kind is a `Check` subclass registered with `@register`. It declares, and the engine reads
only these declarations (it has no kind names and no type tests):

- `kind`: the name rule packs use; `Params`: a frozen dataclass of its parameters (`param(...)`,
  audit/rules/params.py), which validates packs and generates the docs table; `summary`: what it
  flags, for that table; `default_fix`: the applicability of its fixes unless a rule says otherwise;
- `needs` (`Needs`): fed by the shared phrase automaton (`automaton_keys`/`accept`) or scanning the
  document itself (`find`); a `SharedIndex` built once over every check of the kind (a literal
  prefilter, a combined pattern) and prepared once per document; whether its hits are lines (the
  first character must be prose; page-furniture lines leave the body) and in which order it runs.

Compiled checks are pickled into the rule-set cache (audit/rules/cache.py): a kind must keep only
plain data and compiled patterns (no open files, no ids of other objects, no lambdas).
"""

from __future__ import annotations

import bisect
import itertools
import re
import signal
import threading
import time
import warnings
import weakref
from collections.abc import Collection, Iterator
from dataclasses import field
from typing import Any, ClassVar

import regex

from ..document import Document
from ..hits import Hit
from ..rules.cache import stdlib_compile
from ..rules.model import Rule
from ..rules.params import NoParams
from ..rules.precompiled import regex_compile, twin_state
from ..text.dataclass_code import dataclass
from ..text.folding import FOLD_TRAPS, lowered_pieces
from ..text.lazy import lazy_compile
from ..text.pieces import Pieces
from ..text.plain import STDLIB_MAX_CHARS, pattern_characters, reads_alike
from ..text.shipped import compiled_regex
from .budget import bounded, is_builtin_pack
from .prefilter import required_literals

# A rule regex may not spend longer than this on one document (plus a per-megabyte allowance):
# a pathological pattern in a user pack cannot hang a run.
REGEX_TIMEOUT_SECONDS = 0.5
REGEX_TIMEOUT_PER_MB = 2.0
ANTIPATTERN_WINDOW = 1000


class RegexTimeout(RuntimeError):
    """A rule's regular expression ran past its time bound on a document."""


def compile_regex(
    pattern: str, rule: Rule, key: str, ignore_case: bool = True, multiline: bool = True
) -> regex.Pattern:
    """A rule's pattern (the value of its parameter `key`) compiled by `regex`; a user pack's pattern
    is refused when it backtracks catastrophically."""
    flags = regex.V0
    if ignore_case:
        flags |= regex.IGNORECASE
    if multiline:
        flags |= regex.MULTILINE
    try:
        compiled = regex_compile(pattern, flags)  # its shipped compiled form, if any (audit/rules/precompiled.py)
    except regex.error as error:
        raise rule.error(f"bad regular expression {pattern!r}: {error}", key) from None
    if not is_builtin_pack(rule.pack) and backtracks_catastrophically(compiled, pattern):
        raise rule.error(
            f"regular expression {pattern!r} backtracks catastrophically "
            "(a repetition inside a repetition, such as (a+)+ or (a|a)*); rewrite it",
            key,
        )
    return compiled


# The built-in rules' patterns are also compiled by Python's `re`, which is several times faster than
# `regex` on the same pattern, and run by it on "plain" documents: those in which every character is
# classified alike by both modules (word, space, digit, no case variants), so that the two cannot
# disagree on a match (`Document.plain`, audit/text/plain.py). A user pack keeps `regex` and its time
# bound; so does a long document (the built-in patterns are tested linear, but it keeps the bound anyway).
# Syntax the two modules read differently (or `re` not at all): such a pattern keeps `regex`.
_STDLIB_UNSUPPORTED = compiled_regex(
    r"\\[pPLNXGKmMhQ]|\[(?:\\.|[^\]\\])*\[:|\{(?!\d*,?\d*\})|\(\?[^:=!<>P#(]*[Vrwfbe]|[\u017f\u212a\u0130\u0131]"
)


class Twin:
    """A pattern's `re` twin, compiled again when first used after unpickling: a cached rule set is loaded
    without recompiling hundreds of patterns (a document uses a few dozen of them)."""

    __slots__ = ("pattern", "flags", "_compiled", "_state", "_mentioned", "_waived")

    def __init__(self, compiled: re.Pattern, state: bytes | None = None) -> None:
        self.pattern, self.flags, self._compiled = compiled.pattern, compiled.flags, compiled
        self._state = state  # what it is compiled again from, in C (audit/rules/cache.py stdlib_state)
        self._mentioned: frozenset[str] | None | bool = False  # not read yet
        self._waived = 0  # tries left to `regex` while this twin was not compiled

    def reads_alike(self, doc: Document) -> bool:
        """Do this twin and its `regex` pattern read the document alike: a plain document, or one
        whose letters that the two modules fold differently this pattern does not name?"""
        if doc.plain:
            return True
        if self._mentioned is False:
            self._mentioned = pattern_characters(self.pattern)
        return reads_alike(doc.unsafe_characters, self._mentioned)  # type: ignore[arg-type]

    def worth_compiling(self, tries: int) -> bool:
        """Should `tries` matches at given starts be made by this twin rather than by its `regex`
        pattern? Yes once it is compiled; until then, not before the process has made TRIES_PER_COMPILE
        such tries by `regex` (compiling a twin of a long alternation costs as much as some hundred
        tries of `regex`, and a one-file lint tries most patterns at a handful of starts)."""
        if self._compiled is not None:
            return True
        self._waived += tries
        return self._waived > TRIES_PER_COMPILE

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = stdlib_compile(self._state) if self._state else re.compile(self.pattern, self.flags)
        return self._compiled

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        return self.compiled().finditer(text, pos, len(text) if endpos is None else endpos)

    def __getstate__(self) -> tuple[str, int, frozenset[str] | None, bytes | None]:
        if self._mentioned is False:  # read once, when the rule set is stored
            self._mentioned = pattern_characters(self.pattern)
        # most patterns name no such letter: one empty set for all of them in the rule-set cache
        mentioned = _NOTHING_MENTIONED if self._mentioned == _NOTHING_MENTIONED else self._mentioned
        return self.pattern, self.flags, mentioned, self._state  # type: ignore[return-value]

    def __setstate__(self, state: tuple[str, int, frozenset[str] | None, bytes | None]) -> None:
        self.pattern, self.flags, self._mentioned, self._state = state
        self._compiled = None
        self._waived = 0


TRIES_PER_COMPILE = 64
_NOTHING_MENTIONED: frozenset[str] = frozenset()


def stdlib_twin(pattern: str, flags: int) -> Twin | None:
    """`pattern` (with these `regex` flags) compiled by `re`, or None where it may read differently."""
    if _STDLIB_UNSUPPORTED.search(pattern):
        return None
    re_flags = (re.IGNORECASE if flags & regex.IGNORECASE else 0) | (re.MULTILINE if flags & regex.MULTILINE else 0)
    if flags & regex.DOTALL:
        re_flags |= re.DOTALL
    if flags & ~(regex.IGNORECASE | regex.MULTILINE | regex.DOTALL | regex.V0 | regex.UNICODE):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            state = twin_state(pattern, re_flags)  # None if re refuses the pattern: re.compile says why
            return Twin(stdlib_compile(state) if state is not None else re.compile(pattern, re_flags), state)
    except Exception:  # re.error, a FutureWarning (nested sets), a variable-width look-behind: keep `regex`
        return None


def compile_twin(pattern: regex.Pattern, rule: Rule) -> Twin | None:
    """The `re` twin of a compiled rule pattern, for built-in packs only."""
    if not is_builtin_pack(rule.pack):
        return None
    return stdlib_twin(pattern.pattern, pattern.flags)


def scan(
    pattern: regex.Pattern, twin: Twin | None, doc: Document, rule_id: str, pos: int = 0, endpos=None,
    trusted: bool = False,
):
    """finditer by the `re` twin where it reads the document as `regex` does (`Twin.reads_alike`),
    else by `regex` with its time bound (none for a `trusted` pattern on a short text: runs_unbounded).
    `re` has no time bound: past STDLIB_MAX_CHARS characters scanned its scan runs under an interval
    timer (in the main thread; elsewhere `regex` scans)."""
    end = len(doc.text) if endpos is None else endpos
    if twin is not None and twin.reads_alike(doc):
        if end - pos <= STDLIB_MAX_CHARS:
            return twin.finditer(doc.text, pos, end)
        found = _timed_twin_scan(twin, doc.text, pos, end, rule_id)
        if found is not None:
            return found
    if trusted and runs_unbounded(doc.text):
        return pattern.finditer(doc.text, pos, end)
    return finditer(pattern, doc.text, rule_id, pos, endpos)


# A built-in pattern that Python's `re` reads too (it has a twin: no look-behind of varying width, no
# \p{…}), or whose look-behinds have a bounded width (RegexCheck.trusted), runs by `regex` without its
# time bound on a text of at most this many characters, as its `re` twin already runs on a plain text
# of up to STDLIB_MAX_CHARS: the built-in patterns are tested linear, and `regex` reads its clock for a
# bound by two system calls a call (about a hundred calls an article: 5-10% of a rules-only lint, more
# on a busy machine).
UNBOUNDED_MAX_CHARS = 20_000


def runs_unbounded(text: str) -> bool:
    """May a trusted pattern (see UNBOUNDED_MAX_CHARS) run on `text` without a time bound?"""
    return len(text) <= UNBOUNDED_MAX_CHARS


class _Expired(Exception):
    """The interval timer of a timed `re` scan went off."""


# Matches a timed `re` scan takes under its timer at a time: what it holds stays small whatever the text
# holds (5 million opening quotes kept as matches took 600 MB), and a check that stops early (at its
# limit of hits: audit/limits.py) leaves the rest unscanned. The timer is off between batches.
TIMED_BATCH = 1_000


def _timed_twin_scan(twin: Twin, text: str, pos: int, end: int, rule_id: str) -> Iterator[re.Match] | None:
    """The matches of the twin in text[pos:end], as they are taken: a batch at a time under an interval
    timer set to what is left of the text's time bound (SIGALRM: `re` looks for signals as it matches,
    so even one long try is cut short); RegexTimeout when it went off. None where no timer can be set
    (not the main thread, no interval timers, one running)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return None
    if signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        return None
    return _timed_batches(twin.finditer(text, pos, end), time_bound(text), rule_id)


def _timed_batches(matches: Iterator[re.Match], seconds: float, rule_id: str) -> Iterator[re.Match]:
    while True:
        started = time.perf_counter()
        batch = _timed_batch(matches, seconds, rule_id)
        seconds -= time.perf_counter() - started
        yield from batch
        if len(batch) < TIMED_BATCH:
            return


def _timed_batch(matches: Iterator[re.Match], seconds: float, rule_id: str) -> list[re.Match]:
    """The next TIMED_BATCH matches, taken within `seconds`."""
    if seconds <= 0:
        raise timed_out(rule_id)
    if signal.getitimer(signal.ITIMER_REAL)[0] > 0:  # another's timer (ours is off between batches): keep it
        return list(itertools.islice(matches, TIMED_BATCH))

    def expired(signum, frame) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expired)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds)
            return list(itertools.islice(matches, TIMED_BATCH))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Expired:
        raise timed_out(rule_id) from None
    finally:
        signal.signal(signal.SIGALRM, previous)


# Probing a pattern at load: a run of one character then one it cannot match, the input on which
# nested repetition explodes. A sound pattern answers in well under a millisecond on it; `regex` cuts
# some nested repetitions down to a polynomial ((a+)+$ grows as about n^2.7: 19 ms at 200 characters,
# 1.7 s at 1,000), so the probe is long enough to leave a wide margin either side of its bound on a
# loaded machine (a test at 200 characters and 20 ms failed under load).
PROBE_LENGTH = 1000
PROBE_TIMEOUT_SECONDS = 0.1


def backtracks_catastrophically(compiled: regex.Pattern, pattern: str) -> bool:
    """Does the pattern take longer than PROBE_TIMEOUT_SECONDS on a short adversarial input?"""
    characters = {c for c in pattern if c.isalnum() or c in " -'.,"} | set("aA1 ")
    for character in sorted(characters):
        for tail in ("!", "\x00"):
            try:
                compiled.search(character * PROBE_LENGTH + tail, timeout=PROBE_TIMEOUT_SECONDS)
            except TimeoutError:
                return True
    return False


def time_bound(text: str) -> float:
    return REGEX_TIMEOUT_SECONDS + REGEX_TIMEOUT_PER_MB * len(text) / 1_000_000


def regex_timeout(text: str, rule_id: str) -> float:
    """The timeout of one call of a rule's regex on `text`: its own bound, within what is left of the
    file's budget for user rules (audit/checks/budget.py); RegexTimeout if that is spent."""
    timeout, budget = bounded(time_bound(text), rule_id)
    if budget is not None and timeout <= 0:
        raise RegexTimeout(budget.message)
    return timeout


def timed_out(rule_id: str) -> RegexTimeout:
    """The error for a rule's regex that ran out of time (its own bound, or the file's budget)."""
    _, budget = bounded(0.0, rule_id)
    if budget is not None and budget.remaining() <= 0:
        return RegexTimeout(budget.message)
    return RegexTimeout(f"rule {rule_id}: regular expression timed out; rule skipped for this file")


def fullmatch(pattern: regex.Pattern, text: str, rule_id: str) -> regex.Match | None:
    """pattern.fullmatch with a time bound; raises RegexTimeout naming the rule."""
    try:
        return pattern.fullmatch(text, timeout=regex_timeout(text, rule_id))
    except TimeoutError:
        raise timed_out(rule_id) from None


def finditer(pattern: regex.Pattern, text: str, rule_id: str, pos: int = 0, endpos: int | None = None):
    """pattern.finditer with a time bound; raises RegexTimeout naming the rule."""
    try:
        yield from pattern.finditer(text, pos, len(text) if endpos is None else endpos,
                                    timeout=regex_timeout(text, rule_id))
    except TimeoutError:
        raise timed_out(rule_id) from None


# Patterns that cannot share an alternation with others: numbered or named back-references, inline
# global flags, and patterns that do not compile alone.
_NOT_COMBINABLE = lazy_compile(r"\\[1-9]|\\g<|\(\?P=|\(\?[a-zA-Z]+\)|\(\?\(", compiler=regex.compile)


def combine(patterns: list[regex.Pattern]) -> tuple[regex.Pattern | None, list[regex.Pattern]]:
    """One alternation of the patterns that can be combined (each keeps its own case flag) and the
    list of those that cannot: `combined.fullmatch(s)` succeeds iff one of the combined ones does."""
    branches: list[str] = []
    alone: list[regex.Pattern] = []
    for pattern in patterns:
        branch = _branch(pattern)
        if branch is None:
            alone.append(pattern)
        else:
            branches.append(branch)
    if not branches:
        return None, alone
    try:
        combined = regex_compile("|".join(branches), COMBINED_FLAGS)
    except regex.error:
        return None, list(patterns)
    return combined, alone


def combine_twins(patterns: list[regex.Pattern], twinned: list[bool]) -> tuple[Twin | None, list[regex.Pattern]]:
    """`combine` for `re`: the twin of one alternation of the patterns that have a twin (`twinned`:
    compile_twin made one) and can be combined, and the list of the others. On a document the twin
    reads alike (Twin.reads_alike), `twin.compiled().fullmatch(s)` or one of the others' fullmatch
    succeeds iff one of the patterns' does. `re` makes an alternation of some 350 furniture patterns
    from its shipped code in a third of the time `regex` takes (1.2 against 3.5 ms, once a process)."""
    branches: list[str] = []
    others: list[regex.Pattern] = []
    for pattern, has_twin in zip(patterns, twinned, strict=True):
        branch = _branch(pattern) if has_twin else None
        if branch is None:
            others.append(pattern)
        else:
            branches.append(branch)
    combined = stdlib_twin("|".join(branches), COMBINED_FLAGS) if branches else None
    return (combined, others) if combined is not None else (None, list(patterns))


COMBINED_FLAGS = regex.V0 | regex.MULTILINE


def _branch(pattern: regex.Pattern) -> str | None:
    """The pattern as a branch of a combined alternation (with its own case flag), or None when it
    cannot be one."""
    if _NOT_COMBINABLE.search(pattern.pattern):
        return None
    flag = "i" if pattern.flags & regex.IGNORECASE else "-i"
    return f"(?{flag}:{pattern.pattern})"




# ----------------------------------------------------------------------------- the kind interface
class SharedIndex:
    """Something built once per rule set over every check of the kinds that name it in `Needs.shared`
    (a literal prefilter over all rule regexes, a combined pattern over all furniture lines), and
    prepared once per document before any check runs. A check reads the prepared value with
    `context.shared(ItsIndex)`. Pickled with the rule set: keep it plain data and compiled patterns."""

    def __init__(self, checks: list[Check]) -> None:
        self.checks = checks

    def prepare(self, doc: Document, context: CheckContext) -> Any:
        """The per-document value the checks read (default: nothing)."""
        return None

    def cannot_match(self, prepared: Any) -> Collection[Check]:
        """The checks that the prepared value rules out for this document (they are not run): the
        engine's way to skip them without asking each one (`Check.may_match`)."""
        return ()


@dataclass(frozen=True)
class Needs:
    """What a matcher kind needs from the engine."""

    # fed by the shared phrase automaton: `automaton_keys()` gives the phrases, `accept()` judges each
    # match at word boundaries; `find()` is not called
    automaton: bool = False
    # an index over every check of this kind, prepared once per document (context.shared(cls))
    shared: type[SharedIndex] | None = None
    # hits are whole lines (or a line's last sentence): only their first character must be prose, and
    # a hit of a page-furniture category (audit/finding.py) covering its trimmed line moves the line
    # out of the body (zone `boilerplate`) for every later step and score
    line_level: bool = False
    # checks run in rising order; a check reads the hits of the checks of its own category before it
    # (context.hits, flagged_lines): a fix pass runs those of a check it runs (RuleSet.fix_pass_rules)
    order: int = 0
    # the rule's hits come from a producer, not a matcher (the comparison with a reference or original,
    # the suppression comments): nothing to compile or run; `prose`: what must be prose for its hits
    emitted_by: str | None = None
    prose: str = "span"  # "span": every character; "start": the first; "none": nothing (notes on markup)


class Check:
    """A rule compiled by its matcher kind. See the module docstring for what a kind declares."""

    kind: ClassVar[str] = ""
    Params: ClassVar[type] = NoParams
    summary: ClassVar[str] = ""
    needs: ClassVar[Needs] = Needs()
    default_fix: ClassVar[str | None] = None

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.params = rule.params
        # tuples: most rules have no antipatterns, and the empty tuple is one object for all of them where
        # empty lists were a thousand objects that loading the rule-set cache made again
        self.antipatterns = tuple(compile_regex(p, rule, "antipatterns") for p in rule.antipatterns)
        self.antipattern_twins = tuple(compile_twin(p, rule) for p in self.antipatterns)
        self.antipattern_literals = tuple(window_literals(p) for p in rule.antipatterns)

    def configure(self, config: Any) -> None:
        """Take the run settings (a Config) the check depends on, such as max_sentence_words."""

    def hit(self, start: int, end: int, **details: Any) -> Hit:
        """A hit of this check's rule (details: suggestion, replacement, message, extra)."""
        return Hit(self.rule.id, start, end, **details)

    # -- for checks that scan on their own
    def may_match(self, doc: Document, context: CheckContext) -> bool:
        """False when the check cannot match this document (its shared index says so): not run."""
        return True

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        return iter(())

    # -- for checks fed by the shared phrase automaton
    def automaton_keys(self) -> Iterator[tuple[str, Any]]:
        return iter(())

    def accept(self, doc: Document, start: int, end: int, payload: Any) -> Hit | None:
        return None

    def blocked_by_antipattern(self, doc: Document, start: int, end: int) -> bool:
        """Does an antipattern match, in the hit's sentence (antipattern_window), a span overlapping the hit?"""
        if not self.antipatterns:
            return False
        low, high = antipattern_window(doc, start, end)
        scanned = _SCANNED.get(doc)
        if scanned is None:
            scanned = _SCANNED[doc] = {}
        lowered: str | None = None
        for number, (pattern, twin) in enumerate(zip(self.antipatterns, self.antipattern_twins, strict=True)):
            key = (id(self), number)
            matches = scanned.get(key)
            if matches is None or (matches.low, matches.high) != (low, high):
                literals = self.antipattern_literals[number]
                if literals is not None and lowered is None:
                    lowered = lowered_window(doc.text, low, high) or ""
                if literals is not None and lowered and not any(s in lowered for s in literals):
                    matches = WindowMatches(low, high, [], [])  # none of the strings every match contains
                else:
                    found = [match.span() for match in
                             scan(pattern, twin, doc, self.rule.id, low, high, trusted=twin is not None)]
                    matches = WindowMatches(low, high, [s for s, _e in found], [e for _s, e in found])
                scanned[key] = matches
            if matches.overlap(start, end):
                return True
        return False


def antipattern_window(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Where the antipatterns of a hit at [start, end) are looked for: its sentence; in a sentence of
    megabytes, the blocks of ANTIPATTERN_WINDOW characters around the hit's (at least one whole block
    either side), so that a long sentence does not cost a scan of itself per hit and the hits of one
    block share one scan. A sentence that ends within ANTIPATTERN_WINDOW of the hit is scanned whole."""
    s_start, s_end = doc.sentence_at(start)
    low = max(s_start, (start // ANTIPATTERN_WINDOW - 1) * ANTIPATTERN_WINDOW)
    high = min(s_end, (end // ANTIPATTERN_WINDOW + 2) * ANTIPATTERN_WINDOW)
    return min(low, start), max(high, end)


@dataclass(frozen=True)
class WindowMatches:
    """The matches of one antipattern in one window (finditer: in order, not overlapping)."""

    low: int
    high: int
    starts: list[int]
    ends: list[int]

    def overlap(self, start: int, end: int) -> bool:
        """Does a match overlap [start, end)? The last match starting before `end` reaches furthest."""
        index = bisect.bisect_left(self.starts, end) - 1
        return index >= 0 and self.ends[index] > start


# Per document: the last window each antipattern (check id, pattern number) was scanned in, and its
# matches; the hits of a check come in order, so the next hit of a block finds its window here.
_SCANNED: weakref.WeakKeyDictionary[Document, dict[tuple[int, int], WindowMatches]] = weakref.WeakKeyDictionary()


def window_literals(pattern: str) -> frozenset[str] | None:
    """The lower-case strings of which every match of an antipattern contains one, within the window
    it is scanned in (prefilter.required_literals: even one character is worth a look in a short
    window), or None. A positive look-behind may look before the window: a pattern with one gets none."""
    found = None if "(?<=" in pattern else required_literals(pattern, min_weight=1, classes=True)
    if found is None:
        return None
    return frozenset(s for s in found if not any(other in s for other in found if other != s))  # "call", not "calls"


def lowered_window(text: str, start: int, end: int) -> str | None:
    """text[start:end] in lower case, to look for an antipattern's literals; None where lower-casing
    does not find every case-insensitive match of a literal (FOLD_TRAPS: the long s, the Kelvin sign)."""
    window = text[start:end]
    if not window.isascii() and any(trap in window for trap in FOLD_TRAPS):
        return None
    return window.lower()


@dataclass
class CheckContext:
    """What a check may know about the run so far: the hits of the checks before it, by rule id, and
    the shared indexes prepared for this document."""

    hits: dict[str, list[Hit]] = field(default_factory=dict)  # rule id -> hits
    categories: dict[str, str] = field(default_factory=dict)  # rule id -> category
    prepared: dict[type, Any] = field(default_factory=dict)  # SharedIndex class -> its per-document value

    def shared(self, index: type[SharedIndex]) -> Any:
        return self.prepared.get(index)

    def lowered_text(self, doc: Document) -> Pieces | None:
        """The document in lower case, for literal prefilters (its pieces, lower-cased as they are read:
        a long text is never copied whole); None where a prefilter is unsafe. Made afresh at each call
        and not kept: its one reader (the regex index) needs it only while it prepares."""
        text = doc.text
        if not text or (not text.isascii() and any(c in text for c in FOLD_TRAPS)):
            return None
        return lowered_pieces(text)

    def flagged_lines(self, doc: Document, category: str) -> set[int]:
        lines: set[int] = set()
        for rule_id, hits in self.hits.items():
            if self.categories.get(rule_id) == category:
                for hit in hits:
                    lines.update(range(doc.line_of(hit.start), doc.line_of(max(hit.start, hit.end - 1)) + 1))
        return lines


KINDS: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    """Register a matcher kind under `cls.kind` (importing audit.checks registers them all)."""
    if cls.kind in KINDS and KINDS[cls.kind] is not cls:
        raise ValueError(f"two matcher kinds are called {cls.kind!r}")
    KINDS[cls.kind] = cls
    return cls
