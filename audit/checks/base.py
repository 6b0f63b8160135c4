"""What every matcher kind shares: the Hit it returns, antipatterns, regex compilation with a time
bound, and the registry of kinds."""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import regex

from ..document import Document
from ..rules.model import Rule, RuleError

# A rule regex may not spend longer than this on one document (plus a per-megabyte allowance):
# a pathological pattern in a user pack cannot hang a run.
REGEX_TIMEOUT_SECONDS = 0.5
REGEX_TIMEOUT_PER_MB = 2.0
ANTIPATTERN_WINDOW = 1000


@dataclass
class Hit:
    """A raw match of a check, before it becomes a Finding."""

    start: int
    end: int
    suggestion: str | None = None
    replacement: str | None = None  # what a fix writes over [start, end); None: not fixable
    message: str | None = None  # overrides the rule message
    extra: dict[str, Any] = field(default_factory=dict)


class RegexTimeout(RuntimeError):
    """A rule's regular expression ran past its time bound on a document."""


def compile_regex(pattern: str, rule: Rule, ignore_case: bool = True, multiline: bool = True) -> regex.Pattern:
    flags = regex.V0
    if ignore_case:
        flags |= regex.IGNORECASE
    if multiline:
        flags |= regex.MULTILINE
    try:
        compiled = regex.compile(pattern, flags)
    except regex.error as error:
        raise RuleError(f"{rule.pack}: rule {rule.id!r}: bad regular expression {pattern!r}: {error}") from None
    if not is_builtin_pack(rule.pack) and backtracks_catastrophically(compiled, pattern):
        raise RuleError(
            f"{rule.pack}: rule {rule.id!r}: regular expression {pattern!r} backtracks catastrophically "
            "(a repetition inside a repetition, such as (a+)+ or (a|a)*); rewrite it"
        )
    return compiled


# The built-in rules' patterns are also compiled by Python's `re`, which is several times faster than
# `regex` on the same pattern, and run by it on "plain" documents: those in which every character is
# classified alike by both modules (word, space, digit, no case variants), so that the two cannot
# disagree on a match. A user pack keeps `regex` and its time bound; so does a document longer than
# STDLIB_MAX_CHARS (the built-in patterns are tested linear, but a long text keeps the bound anyway).
STDLIB_MAX_CHARS = 100_000
# Syntax the two modules read differently (or `re` not at all): such a pattern keeps `regex`.
_STDLIB_UNSUPPORTED = regex.compile(
    r"\\[pPLNXGKmMhQ]|\[(?:\\.|[^\]\\])*\[:|\{(?!\d*,?\d*\})|\(\?[^:=!<>P#(]*[Vrwfbe]|[\u017f\u212a\u0130\u0131]"
)


class Twin:
    """A pattern's `re` twin, compiled again when first used after unpickling: a cached rule set is loaded
    without recompiling hundreds of patterns (a document uses a few dozen of them)."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, compiled: re.Pattern) -> None:
        self.pattern, self.flags, self._compiled = compiled.pattern, compiled.flags, compiled

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        return self.compiled().finditer(text, pos, len(text) if endpos is None else endpos)

    def __getstate__(self) -> tuple[str, int]:
        return self.pattern, self.flags

    def __setstate__(self, state: tuple[str, int]) -> None:
        self.pattern, self.flags = state
        self._compiled = None


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
            return Twin(re.compile(pattern, re_flags))
    except Exception:  # re.error, a FutureWarning (nested sets), a variable-width look-behind: keep `regex`
        return None


def compile_twin(pattern: regex.Pattern, rule: Rule) -> Twin | None:
    """The `re` twin of a compiled rule pattern, for built-in packs only."""
    if not is_builtin_pack(rule.pack):
        return None
    return stdlib_twin(pattern.pattern, pattern.flags)


_SAFE_CHARS: dict[str, bool] = {}
_CLASSES = [(re.compile(c), regex.compile(c)) for c in (r"\w", r"\s", r"\d")]


def _char_safe(char: str) -> bool:
    safe = _SAFE_CHARS.get(char)
    if safe is None:
        safe = all(bool(a.match(char)) == bool(b.match(char)) for a, b in _CLASSES)
        if safe and not char.isascii():
            safe = char.lower() == char == char.upper() and char.casefold() == char and char != "\n"
        _SAFE_CHARS[char] = safe
    return safe


_ASCII_UNSAFE = re.compile("[" + "".join(re.escape(chr(i)) for i in range(128) if not _char_safe(chr(i))) + "]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def plain_text(text: str) -> bool:
    """May the `re` twins stand in for the `regex` patterns on this text?"""
    if len(text) > STDLIB_MAX_CHARS or _ASCII_UNSAFE.search(text):
        return False
    return text.isascii() or all(_char_safe(c) for c in set(_NON_ASCII.findall(text)))


def is_plain(doc: Document) -> bool:
    """plain_text(doc.text), computed once per document."""
    plain = doc.__dict__.get("_plain")
    if plain is None:
        plain = doc.__dict__["_plain"] = plain_text(doc.text)
    return plain


def scan(pattern: regex.Pattern, twin: Twin | None, doc: Document, rule_id: str, pos: int = 0, endpos=None):
    """finditer by the `re` twin on a plain document, else by `regex` with its time bound."""
    if twin is not None and is_plain(doc):
        return twin.finditer(doc.text, pos, len(doc.text) if endpos is None else endpos)
    return finditer(pattern, doc.text, rule_id, pos, endpos)


# Probing a pattern at load: a run of one character then one it cannot match, the input on which
# nested repetition explodes. A sound pattern answers in microseconds.
PROBE_LENGTH = 200
PROBE_TIMEOUT_SECONDS = 0.02


@functools.cache
def is_builtin_pack(pack: str) -> bool:
    """Is the pack one of mtaudit's own (probed by the test suite rather than at every load)?"""
    from ..rules.loader import builtin_pack_dir

    try:
        return Path(pack).resolve().is_relative_to(builtin_pack_dir())
    except RuleError:
        return False


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


def fullmatch(pattern: regex.Pattern, text: str, rule_id: str) -> regex.Match | None:
    """pattern.fullmatch with a time bound; raises RegexTimeout naming the rule."""
    try:
        return pattern.fullmatch(text, timeout=time_bound(text))
    except TimeoutError:
        raise RegexTimeout(f"rule {rule_id}: regular expression timed out; rule skipped for this file") from None


def finditer(pattern: regex.Pattern, text: str, rule_id: str, pos: int = 0, endpos: int | None = None):
    """pattern.finditer with a time bound; raises RegexTimeout naming the rule."""
    try:
        yield from pattern.finditer(text, pos, len(text) if endpos is None else endpos, timeout=time_bound(text))
    except TimeoutError:
        raise RegexTimeout(f"rule {rule_id}: regular expression timed out; rule skipped for this file") from None


# Patterns that cannot share an alternation with others: numbered or named back-references, inline
# global flags, and patterns that do not compile alone.
_NOT_COMBINABLE = regex.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?[a-zA-Z]+\)|\(\?\(")


def combine(patterns: list[regex.Pattern]) -> tuple[regex.Pattern | None, list[regex.Pattern]]:
    """One alternation of the patterns that can be combined (each keeps its own case flag) and the
    list of those that cannot: `combined.fullmatch(s)` succeeds iff one of the combined ones does."""
    branches: list[str] = []
    alone: list[regex.Pattern] = []
    for pattern in patterns:
        if _NOT_COMBINABLE.search(pattern.pattern):
            alone.append(pattern)
        else:
            flag = "i" if pattern.flags & regex.IGNORECASE else "-i"
            branches.append(f"(?{flag}:{pattern.pattern})")
    if not branches:
        return None, alone
    try:
        combined = regex.compile("|".join(branches), regex.V0 | regex.MULTILINE)
    except regex.error:
        return None, list(patterns)
    return combined, alone


class Check:
    """A compiled rule. Subclasses set `kind` and `keys` (their parameters) and implement `find`,
    or declare automaton keys and implement `accept` for hits of the shared phrase automaton."""

    kind: ClassVar[str] = ""
    keys: ClassVar[frozenset[str]] = frozenset()
    uses_automaton: ClassVar[bool] = False
    default_fix: ClassVar[str | None] = None
    order: ClassVar[int] = 0  # checks with a higher order run later and see earlier hits

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.fix = rule.fix if rule.fix is not None else self.default_fix
        self.antipatterns = [compile_regex(p, rule) for p in rule.antipatterns]
        self.antipattern_twins = [compile_twin(p, rule) for p in self.antipatterns]

    def configure(self, config: Any) -> None:
        """Take the run settings (a Config) the check depends on, such as max_sentence_words."""

    # -- for checks that scan on their own
    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        return iter(())

    # -- for checks fed by the shared phrase automaton
    def automaton_keys(self) -> Iterator[tuple[str, Any]]:
        return iter(())

    def accept(self, doc: Document, start: int, end: int, payload: Any) -> Hit | None:
        return None

    def blocked_by_antipattern(self, doc: Document, start: int, end: int) -> bool:
        """Does an antipattern match, in the hit's sentence, a span overlapping the hit?"""
        if not self.antipatterns:
            return False
        s_start, s_end = doc.sentence_at(start)
        # within the sentence, but never more than ANTIPATTERN_WINDOW characters either side of the hit:
        # a hit in a sentence of megabytes must not cost a scan of the whole sentence
        s_start = min(max(s_start, start - ANTIPATTERN_WINDOW), start)
        s_end = max(min(s_end, end + ANTIPATTERN_WINDOW), end)
        for pattern, twin in zip(self.antipatterns, self.antipattern_twins, strict=True):
            for match in scan(pattern, twin, doc, self.rule.id, s_start, s_end):
                if match.start() < end and start < match.end():
                    return True
                if match.start() >= end:
                    break
        return False


@dataclass
class CheckContext:
    """What a check may know about the run so far."""

    hits: dict[str, list[Hit]] = field(default_factory=dict)  # rule id -> hits
    categories: dict[str, str] = field(default_factory=dict)  # rule id -> category
    # the trimmed lines that some boilerplate-line pattern may match (None: not computed, scan all)
    furniture_candidates: list[tuple[int, int]] | None = None
    # the rule regexes that may match, by their index in the rule set (RegexCheck.pattern_base + the
    # pattern's number; None: not computed, run all)
    runnable_patterns: set[int] | None = None
    # rule regex index -> the sorted offsets where a match of it may start (None: not computed; a
    # pattern with prefixes but no entry has no place to start)
    prefix_starts: dict[int, list[int]] | None = None
    _lowered: str | None = field(default=None, repr=False)

    def lowered_text(self, doc: Document) -> str | None:
        """The document in lower case, for literal prefilters; None where a prefilter is unsafe."""
        if self._lowered is None:
            from .prefilter import FOLD_TRAPS

            text = doc.text
            self._lowered = "" if not text.isascii() and any(c in text for c in FOLD_TRAPS) else text.lower()
        return self._lowered or None

    def flagged_lines(self, doc: Document, category: str) -> set[int]:
        lines: set[int] = set()
        for rule_id, hits in self.hits.items():
            if self.categories.get(rule_id) == category:
                for hit in hits:
                    lines.update(range(doc.line_of(hit.start), doc.line_of(max(hit.start, hit.end - 1)) + 1))
        return lines


KINDS: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    KINDS[cls.kind] = cls
    return cls
