"""Literal prefilters for rule regexes: the strings of which every match must contain one.

A rule whose strings are all absent from a document cannot match it, and its regex is not run: most
rule regexes name a rare word, so most documents are scanned by a handful of them instead of all.
The strings are derived from Python's own regular-expression parser; anything it does not read the
way the `regex` module does (POSIX classes, fuzzy matching, \\p{…}) gets no prefilter and always runs.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

MIN_LENGTH = 3  # a shorter literal filters too little to be worth the test (a rare mark counts as 3)
_RARE = frozenset("@#<>[]{}|^~\\*=")
# Syntax that Python's parser reads differently from the `regex` module, or not at all.
_UNSUPPORTED = re.compile(r"\[:|\\[pPLNXGKmM]|\{(?!\d*,?\d*\})|\(\?[^:=!<>P#(]*[Vrwfbe]")
# Characters that match an ASCII letter case-insensitively without lower-casing to it.
FOLD_TRAPS = frozenset("ſKİı")

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case ASCII strings of which every match of `pattern` contains one, or None."""
    if _UNSUPPORTED.search(pattern):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = _p.parse(pattern)
    except Exception:  # not readable by Python's parser: no prefilter
        return None
    found = _sequence(list(tree))
    if not found or min(map(_weight, found)) < MIN_LENGTH:
        return None
    return frozenset(found)


def _weight(literal: str) -> int:
    return sum(3 if (not c.isascii() or c in _RARE) else 1 for c in literal)


def _caseless(char: str) -> bool:
    """An ASCII character, or one without case (quotation marks, dashes): lower-casing finds it."""
    return char.isascii() or (char.lower() == char == char.upper() and char.casefold() == char)


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if (min(map(_weight, a)), -len(a)) >= (min(map(_weight, b)), -len(b)) else b


def _literal_set(run: list[str]) -> set[str] | None:
    text = "".join(run).lower()
    return {text} if text and all(map(_caseless, text)) else None


def _sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    best: set[str] | None = None
    run: list[str] = []
    for op, arg in items:
        if op is _c.LITERAL:
            run.append(chr(arg))
            continue
        best = _better(best, _literal_set(run))
        run = []
        best = _better(best, _node(op, arg))
    return _better(best, _literal_set(run))


def _node(op: Any, arg: Any) -> set[str] | None:
    if op is _c.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(arg))
    if op in _REPEATS:
        low, _high, item = arg
        return _sequence(list(item)) if low >= 1 else None
    if op is _c.BRANCH:
        union: set[str] = set()
        for alternative in arg[1]:
            found = _sequence(list(alternative))
            if not found:
                return None
            union |= found
        return union
    if op is _c.ASSERT:  # a positive look-around: what it looks at is in the text too
        return _sequence(list(arg[1]))
    return None  # classes, anchors, negative look-arounds, back-references: no literal required


class LiteralGate:
    """Which rule regexes can match a document at all, from one Aho-Corasick pass over its lower-cased
    text: a pattern with literals runs only if one of them occurs. `patterns[i]` are the literal sets
    (None: always run) of the i-th pattern; `runnable` gives the indexes of those that may match."""

    def __init__(self, patterns: list[frozenset[str] | None]) -> None:
        import ahocorasick

        self.count = len(patterns)
        self.always = [index for index, literals in enumerate(patterns) if literals is None]
        owners: dict[str, list[int]] = {}
        for index, literals in enumerate(patterns):
            for literal in literals or ():
                owners.setdefault(literal, []).append(index)
        self.owners = list(owners.values())
        self.automaton = ahocorasick.Automaton()
        for number, literal in enumerate(owners):
            self.automaton.add_word(literal, number)
        self.empty = not owners
        if not self.empty:
            self.automaton.make_automaton()

    def runnable(self, lowered: str | None) -> set[int]:
        if lowered is None:
            return set(range(self.count))
        found = set(self.always)
        if not self.empty:
            for number in {value for _end, value in self.automaton.iter(lowered)}:
                found.update(self.owners[number])
        return found


__all__ = ["required_literals", "FOLD_TRAPS", "MIN_LENGTH", "LiteralGate"]
